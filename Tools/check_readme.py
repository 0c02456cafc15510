#!/usr/bin/env python3
"""check_readme.py - run every `$ goan ...` example of README.md and compare its output with
the README's (python3, standard library only; run by .ci/run after the release build).

Usage:
  python3 Tools/check_readme.py --goan .build/release/goan [--readme README.md] [--keep]
        [--timeout 600] [--only SUBSTRING]

What an example is: in a fenced block (```), a line `$ goan ARGS` followed by the output the
README shows, up to the next line that starts with `$ ` or the end of the block. ARGS are split
as a shell would (quotes; a trailing `# comment` is dropped). Other `$ ` lines (`$ cat`,
`$ curl`, `$ python3`) end the example before them and are not run, except
`$ export NAME=VALUE`, which sets NAME for the examples after it in that README run.

How it runs: every example of the README in README order, in one temporary folder, so that
commands that book build on each other (`goan plan --offers`, `goan book`, `goan bookings`).
The folder holds a link to every top-level entry of the repository (so `Scenarios/...` and
`Timetables/...` resolve) and sits beside a link `shared` to `../shared` of the repository
(so `../shared/data/...` resolves). GOAN_DATABASE points to a fresh database in the folder;
`export GOAN_DATABASE=...` in the README is ignored for that reason. stdout and stderr are
compared together, in the order written. The exit status is not compared.

The clock: an example must not depend on the wall clock. A command that takes a clock (its
`--help` lists `--now` or `--booked-at`) must pass one of them, or the README must export
GOAN_NOW before it; else the example fails with a message saying so, without running. `goan
plan` takes the clock only with `--traveller` (without it, --booked-at is ignored), and `goan
dispatch` not with `--cordeau` or `--rides` (it then reads no bookings).

Output that cannot be fixed: a README output line that is `…` alone (after indentation)
matches any run of lines, none included. Use it for timings, random ids and long tables; it
is the only escape, and it is visible in the README.

`--update` writes the actual output of every example that does not match into the README
(an example whose README output has a `…` line is left for a person to edit, and reported);
read the diff before committing it.

Exit status 0 when every example matches; 1 after printing a unified diff (README output
against actual) per mismatch and a summary; 2 on a usage error (no binary, no README).
"""

from __future__ import annotations

import argparse
import difflib
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

WILDCARD = "…"
CLOCK_OPTIONS = ("--now", "--booked-at")
# Commands whose clock option matters only together with another option...
CLOCK_ONLY_WITH = {("plan",): "--traveller"}
# ...or not with these (they read no bookings).
CLOCK_NOT_WITH = {("dispatch",): ("--cordeau", "--rides")}


@dataclass
class Example:
    """One `$ goan ...` line of the README and the output shown below it."""

    line: int  # 1-based line of the `$ goan` line in the README
    command: str  # the text after `$ `
    expected: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)  # exports in effect


def parse_readme(text: str) -> list[Example]:
    """The examples in README order, each with the exports before it."""
    examples: list[Example] = []
    exports: dict[str, str] = {}
    in_block = False
    current: Example | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.lstrip().startswith("```"):
            in_block = not in_block
            current = None
            continue
        if not in_block:
            continue
        if raw.startswith("$ "):
            current = None
            command = raw[2:]
            if command.startswith("export "):
                name, _, value = command[len("export "):].partition("=")
                exports[name.strip()] = shlex.split(value)[0] if value.strip() else ""
            elif command.startswith("goan ") or command == "goan":
                current = Example(line=number, command=command, env=dict(exports))
                examples.append(current)
            continue
        if current is not None:
            current.expected.append(raw)
    for example in examples:
        while example.expected and example.expected[-1].strip() == "":
            example.expected.pop()
    return examples


def matches(expected: list[str], actual: list[str]) -> bool:
    """Whether `actual` fits `expected`, where a `…` line matches any run of lines."""
    memo: dict[tuple[int, int], bool] = {}

    def fit(i: int, j: int) -> bool:
        if (i, j) in memo:
            return memo[(i, j)]
        if i == len(expected):
            result = j == len(actual)
        elif expected[i].strip() == WILDCARD:
            result = fit(i + 1, j) or (j < len(actual) and fit(i, j + 1))
        else:
            result = j < len(actual) and expected[i].rstrip() == actual[j].rstrip() and fit(i + 1, j + 1)
        memo[(i, j)] = result
        return result

    sys.setrecursionlimit(max(10_000, 4 * (len(expected) + len(actual))))
    return fit(0, 0)


class Goan:
    """The binary under test, and which of its commands take a clock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._clock: dict[tuple[str, ...], bool] = {}
        self._helps: dict[tuple[str, ...], str | None] = {}

    def command_path(self, args: list[str]) -> tuple[str, ...]:
        """The subcommand words at the start of `args` (`plan`, `volunteer requests`)."""
        words: list[str] = []
        for arg in args:
            if arg.startswith("-") or arg not in self._subcommands(tuple(words)):
                break
            words.append(arg)
        return tuple(words)

    def _subcommands(self, words: tuple[str, ...]) -> set[str]:
        """The names listed under SUBCOMMANDS: in the help of `goan WORDS`."""
        names: set[str] = set()
        listing = False
        for line in (self._help(words) or "").splitlines():
            if line.startswith("SUBCOMMANDS:"):
                listing = True
            elif listing and not line.strip():
                break
            elif listing and line.startswith("  ") and not line.startswith("   "):
                names.add(line.split()[0])
        return names

    def _help(self, words: tuple[str, ...]) -> str | None:
        if words not in self._helps:
            run = subprocess.run([str(self.path), *words, "--help"], capture_output=True, text=True, timeout=60)
            self._helps[words] = run.stdout if run.returncode == 0 else None
        return self._helps[words]

    def takes_clock(self, words: tuple[str, ...]) -> bool:
        if words not in self._clock:
            help_text = self._help(words) or ""
            self._clock[words] = any(f"{option} " in help_text or f"{option}=" in help_text for option in CLOCK_OPTIONS)
        return self._clock[words]


def clock_problem(goan: Goan, example: Example, args: list[str]) -> str | None:
    """Why the example depends on the wall clock, or None."""
    words = goan.command_path(args)
    if not goan.takes_clock(words):
        return None
    def has(option: str) -> bool:
        return any(arg == option or arg.startswith(option + "=") for arg in args)

    needed_with = CLOCK_ONLY_WITH.get(words)
    if needed_with and not has(needed_with):
        return None
    if any(has(option) for option in CLOCK_NOT_WITH.get(words, ())):
        return None
    given = any(arg == option or arg.startswith(option + "=") for arg in args for option in CLOCK_OPTIONS)
    if given or "GOAN_NOW" in example.env:
        return None
    return (f"README.md:{example.line}: `goan {' '.join(words)}` takes a clock, and the example passes neither "
            f"{' nor '.join(CLOCK_OPTIONS)} nor sets GOAN_NOW: its output would depend on when it runs")


def prepare_folder(root: Path, repository: Path) -> Path:
    """A working folder with the repository's top-level entries linked and `../shared` beside it."""
    work = root / "repo"
    work.mkdir()
    for entry in repository.iterdir():
        if entry.name in (".git", ".build"):
            continue
        (work / entry.name).symlink_to(entry)
    shared = repository.parent / "shared"
    if shared.exists():
        (root / "shared").symlink_to(shared)
    return work


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--goan", required=True, type=Path, help="the goan binary to run (e.g. .build/release/goan)")
    parser.add_argument("--readme", type=Path, default=Path(__file__).resolve().parent.parent / "README.md")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per example")
    parser.add_argument("--only", help="run only the examples whose command contains this text (they may need earlier ones)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print its path")
    parser.add_argument("--update", action="store_true", help="write the actual outputs into the README (see above)")
    options = parser.parse_args()

    goan_path = options.goan.resolve()
    if not goan_path.is_file() or not os.access(goan_path, os.X_OK):
        print(f"check_readme: no executable goan at {options.goan}", file=sys.stderr)
        return 2
    if not options.readme.is_file():
        print(f"check_readme: no README at {options.readme}", file=sys.stderr)
        return 2
    readme = options.readme.resolve()
    examples = parse_readme(readme.read_text(encoding="utf-8"))
    if options.only:
        examples = [example for example in examples if options.only in example.command]
    goan = Goan(goan_path)

    temporary = Path(tempfile.mkdtemp(prefix="goan-readme-"))
    work = prepare_folder(temporary, readme.parent)
    failures: list[str] = []
    updates: dict[int, list[str]] = {}  # README line of the `$ goan` line -> new output
    for example in examples:
        where = f"README.md:{example.line}: $ {example.command}"
        try:
            args = shlex.split(example.command, comments=True)[1:]
        except ValueError as error:
            failures.append(where)
            print(f"FAIL {where}\n  cannot split the command line: {error}\n")
            continue
        problem = clock_problem(goan, example, args)
        if problem:
            failures.append(where)
            print(f"FAIL {where}\n  {problem}\n")
            continue
        env = dict(os.environ)
        env.update({name: value for name, value in example.env.items() if name != "GOAN_DATABASE"})
        env["GOAN_DATABASE"] = str(work / "goan.sqlite")
        env["LC_ALL"] = "C.UTF-8"
        try:
            run = subprocess.run([str(goan_path), *args], cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 timeout=options.timeout)
            actual = run.stdout.decode("utf-8", errors="replace").splitlines()
            status = run.returncode
        except subprocess.TimeoutExpired:
            actual, status = [f"(no answer within {options.timeout:.0f} s)"], None
        while actual and actual[-1].strip() == "":
            actual.pop()
        if matches(example.expected, actual):
            print(f"ok   {where}")
            continue
        failures.append(where)
        if options.update and not any(line.strip() == WILDCARD for line in example.expected):
            updates[example.line] = actual
        print(f"FAIL {where}  (exit status {status})")
        diff = difflib.unified_diff(example.expected, actual, fromfile=f"README.md:{example.line + 1}", tofile="actual", lineterm="")
        print("\n".join(diff) + "\n")

    print(f"check_readme: {len(examples) - len(failures)} of {len(examples)} examples match")
    if options.update and updates:
        lines = readme.read_text(encoding="utf-8").splitlines()
        by_line = {example.line: example for example in examples}
        for start in sorted(updates, reverse=True):
            old = by_line[start].expected
            lines[start:start + len(old)] = updates[start]
        readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"check_readme: wrote the output of {len(updates)} examples into {readme.name}")
    if options.keep:
        print(f"check_readme: the working folder is {work}")
    else:
        shutil.rmtree(temporary, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
