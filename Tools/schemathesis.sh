#!/usr/bin/env bash
# API contract test of `goan serve` against Sources/GoanServer/openapi.yaml with Schemathesis
# (run by .ci/run, after the release build; it builds nothing).
#
#   Tools/schemathesis.sh [--goan .build/release/goan] [--examples 100] [--seed 1] [--spec FILE]
#   (--spec: another copy of the document, e.g. to try a fix; default Sources/GoanServer/openapi.yaml)
#
# 1. Installs Schemathesis 4 into Tools/.venv-schemathesis (git-ignored; reused if present).
# 2. Starts `goan serve` on 127.0.0.1 (free port) with a temporary database and a tokens file
#    with one token per role (admin, coordinator, dispatcher, traveller jansen); waits for
#    GET /health.
# 3. Walks the real booking flow (Tools/api_flow_check.py: offers, bookings, a repeated
#    Idempotency-Key, COMMIT, AutoMaatje volunteer requests, cancel, a traveller's own view),
#    each answer checked against the spec; its bookings stay for the fuzzing to meet.
# 4. Runs Schemathesis on every operation of the spec, as admin (--examples cases per operation
#    and phase), then as the traveller jansen (fewer), with the checks
#      not_a_server_error          no 5xx
#      status_code_conformance     every status answered is documented for the operation
#      content_type_conformance    the Content-Type is the documented one
#      response_schema_conformance the body matches the documented schema
#    Runs are seeded (--seed) and bounded (examples per operation, and a hard time limit).
#    (one worker: Hypothesis parses lambdas with ast in threads, which trips CPython 3.11.7's
#    "AST constructor recursion depth mismatch" with two.)
# 5. Stops the server with SIGTERM (it must exit with status 0). Non-zero exit if anything failed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

GOAN=.build/release/goan
SPEC=
EXAMPLES=100
SEED=1
while [ $# -gt 0 ]; do
    case "$1" in
        --goan) GOAN=$2; shift 2 ;;
        --examples) EXAMPLES=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --spec) SPEC=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2 ;;
        -h|--help) sed -n '2,24p' "$0"; exit 0 ;;
        *) echo "unknown option: $1" >&2; exit 2 ;;
    esac
done
[ -x "$GOAN" ] || { echo "error: no goan binary at $GOAN (swift build -c release --product goan)" >&2; exit 2; }
GOAN=$(cd "$(dirname "$GOAN")" && pwd)/$(basename "$GOAN")
SPEC=${SPEC:-$ROOT/Sources/GoanServer/openapi.yaml}
LIMIT_SECONDS=${SCHEMATHESIS_TIME_LIMIT:-420}   # per run; a hang fails instead of eating CI's time

# 1. Schemathesis in its own venv.
VENV=$ROOT/Tools/.venv-schemathesis
ST=$VENV/bin/schemathesis
if ! "$VENV/bin/python" -c 'import schemathesis, sys; sys.exit(0 if schemathesis.__version__.startswith("4.") else 1)' 2>/dev/null; then
    echo "installing schemathesis into $VENV"
    rm -rf "$VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check 'schemathesis==4.32.5'
fi
echo "$("$ST" --version)"
# Schemathesis 3 names the base URL --base-url, 4 names it --url.
if "$ST" run --help | grep -q -- '--base-url'; then URL_FLAG=--base-url; else URL_FLAG=--url; fi

# 2. The server.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/goan-schemathesis.XXXXXX")
SERVER_PID=
cleanup() {
    local status=$?
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    if [ "$status" -ne 0 ] && [ -f "$WORK/server.log" ]; then
        echo "--- server log (last 40 lines) ---"; tail -n 40 "$WORK/server.log"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

token() { echo "$1-$(python3 -c 'import secrets; print(secrets.token_hex(16))')"; }
ADMIN=$(token admin)
COORDINATOR=$(token coordinator)
DISPATCHER=$(token dispatcher)
TRAVELLER=$(token traveller)
cat > "$WORK/tokens.txt" <<EOF
admin $ADMIN
coordinator $COORDINATOR
dispatcher $DISPATCHER
traveller $TRAVELLER jansen
EOF
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
"$GOAN" serve --host 127.0.0.1 --port "$PORT" --database "$WORK/bookings.sqlite" \
    --tokens "$WORK/tokens.txt" > "$WORK/server.log" 2>&1 < /dev/null &
SERVER_PID=$!
python3 - "$BASE/health" "$SERVER_PID" <<'EOF'
import os, sys, time, urllib.request
url, pid = sys.argv[1], int(sys.argv[2])
deadline = time.monotonic() + 120
while time.monotonic() < deadline:
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit("error: goan serve exited before /health answered")
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            if r.status == 200:
                sys.exit(0)
    except Exception:
        pass
    time.sleep(0.1)
sys.exit("error: /health did not answer within 120 s")
EOF
echo "goan serve is up at $BASE (pid $SERVER_PID)"

# 3. The real booking flow, every answer checked against the spec (and bookings left in the
# store for the fuzzing to meet).
STATUS=0
echo
echo "== booking flow, answers checked against the spec"
"$VENV/bin/python" "$ROOT/Tools/api_flow_check.py" --base "$BASE" --spec "$SPEC" --admin "$ADMIN" \
    --coordinator "$COORDINATOR" --dispatcher "$DISPATCHER" --traveller "$TRAVELLER" || STATUS=1

# 4. Schemathesis, as admin and as a traveller. The working folder is the temporary one, so
# nothing (reports, example database) is written into the repository.
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
run_st() {  # NAME TOKEN EXAMPLES
    echo
    echo "== schemathesis as $1 ($3 examples per operation, seed $SEED)"
    (cd "$WORK" && timeout --signal=INT --kill-after=30 "$LIMIT_SECONDS" \
        "$ST" run "$SPEC" "$URL_FLAG" "$BASE" \
        --header "Authorization: Bearer $2" \
        --checks "$CHECKS" \
        --max-examples "$3" --seed "$SEED" --workers 1 \
        --generation-database none --request-timeout 30 \
        --no-color --output-truncate true)
}
run_st admin "$ADMIN" "$EXAMPLES" || STATUS=1
if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "error: goan serve died during the admin run" >&2; exit 1; fi
run_st "traveller jansen" "$TRAVELLER" $(( (EXAMPLES + 2) / 3 )) || STATUS=1
if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "error: goan serve died during the traveller run" >&2; exit 1; fi

# 5. Graceful stop.
kill -TERM "$SERVER_PID"
SERVER_EXIT=0
for _ in $(seq 1 200); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "error: goan serve did not stop within 20 s of SIGTERM" >&2; STATUS=1
else
    wait "$SERVER_PID" || SERVER_EXIT=$?
    [ "$SERVER_EXIT" -eq 0 ] || { echo "error: goan serve exited with status $SERVER_EXIT after SIGTERM" >&2; STATUS=1; }
fi
SERVER_PID=
if [ "$STATUS" -eq 0 ]; then echo "schemathesis: no failures"; else echo "schemathesis: FAILURES (see above)"; fi
exit "$STATUS"
