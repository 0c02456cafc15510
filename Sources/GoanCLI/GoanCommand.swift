//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import ArgumentParser
import Foundation

/// `goan`: plan, book, dispatch and simulate door-to-door and public-transport trips in Twente.
public struct GoanCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "goan",
        abstract: "Plan, book and dispatch trips in Twente: public transport, Regiotaxi and AutoMaatje.",
        discussion: """
            Without --feed, commands use the embedded Twente timetable (Timetables/twente).
            """,
        version: "0.1.0",
        subcommands: [
            Plan.self, Book.self, Bookings.self, BookingShow.self, Cancel.self, Volunteer.self, StandingOrders.self, Dispatch.self, Serve.self, RouteBatch.self,
            Simulate.self, FeedCommand.self, RoadsCommand.self,
        ])

    public init() {}
}

/// The entry point of the `goan` executable.
public enum GoanMain {
    public static func run() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let (message, command) = GoanCommand.misspelling(in: arguments) {
            let usage = GoanCommand.usageString(for: command)
            let help = (["goan"] + GoanCommand.path(to: command)).joined(separator: " ")
            FileHandle.standardError.write(Data("Error: \(message)\nUsage: \(usage)\n  See '\(help) --help' for more information.\n".utf8))
            // 64 (EX_USAGE), as swift-argument-parser exits on other usage errors.
            exit(64)
        }
        await GoanCommand.main()
    }
}

extension GoanCommand {
    /// Options swift-argument-parser adds to every command without listing them all in the help.
    static let builtInOptions: Set<String> = ["--help", "--version", "--generate-completion-script", "--experimental-dump-help"]

    /// A misspelt subcommand or option, with the nearest known name, and the command whose
    /// usage to show; `nil` when every name is known (the parser then reports any other error).
    ///
    /// swift-argument-parser answers an unknown subcommand with "Unexpected argument" and no
    /// hint, and reports a missing required option before an unknown one (`goan plan --form X`
    /// says "Missing expected argument '--from'"), so names are checked here first.
    static func misspelling(in arguments: [String]) -> (message: String, command: any ParsableCommand.Type)? {
        var command: any ParsableCommand.Type = GoanCommand.self
        var rest = arguments[...]
        // Walk down the subcommands named by the leading words.
        while let word = rest.first, !word.hasPrefix("-"), !subcommands(of: command).isEmpty {
            if let next = subcommands(of: command).first(where: { $0.name == word || $0.aliases.contains(word) }) {
                command = next.command
                rest = rest.dropFirst()
                continue
            }
            // swift-argument-parser's own `goan help plan`.
            if ObjectIdentifier(command) == ObjectIdentifier(GoanCommand.self), word == "help" { return nil }
            let names = subcommands(of: command).filter { $0.shown }.map { $0.name }
            let parent = (["goan"] + path(to: command)).joined(separator: " ")
            let hint = suggestion(for: word, among: names)
            return ("unknown command '\(word)'" + (hint.isEmpty ? ". The commands of '\(parent)' are: \(names.joined(separator: ", "))" : hint), command)
        }
        let known = optionNames(of: command)
        for argument in rest {
            if argument == "--" { break }
            guard argument.hasPrefix("--") else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if known.contains(name) || builtInOptions.contains(name) { continue }
            return ("unknown option '\(name)'\(suggestion(for: name, among: known.sorted()))", command)
        }
        return nil
    }

    /// The subcommands of `command` with the names they answer to.
    static func subcommands(of command: any ParsableCommand.Type) -> [(command: any ParsableCommand.Type, name: String, aliases: [String], shown: Bool)] {
        command.configuration.subcommands.map { sub in
            let configuration = sub.configuration
            return (sub, commandName(of: sub), configuration.aliases, configuration.shouldDisplay)
        }
    }

    static func commandName(of command: any ParsableCommand.Type) -> String { command._commandName }

    /// The subcommand names from the root to `command` (empty for the root).
    static func path(to command: any ParsableCommand.Type) -> [String] {
        func search(_ current: any ParsableCommand.Type, _ trail: [String]) -> [String]? {
            if ObjectIdentifier(current) == ObjectIdentifier(command) { return trail }
            for sub in subcommands(of: current) {
                if let found = search(sub.command, trail + [sub.name]) { return found }
            }
            return nil
        }
        return search(GoanCommand.self, []) ?? []
    }

    /// The long options of a command (hidden ones too), read from its help screen: the parser
    /// offers no list of them.
    static func optionNames(of command: any ParsableCommand.Type) -> Set<String> {
        let help = GoanCommand.helpMessage(for: command, includeHidden: true, columns: 10_000)
        var names: Set<String> = []
        for line in help.split(separator: "\n") where line.hasPrefix("  -") {
            // The option's signature ends where its description starts (two spaces or more).
            let signature = line.dropFirst(2).components(separatedBy: "  ")[0]
            for token in signature.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" }) where token.hasPrefix("--") {
                names.insert(String(token.prefix { $0.isLetter || $0.isNumber || $0 == "-" }))
            }
        }
        return names
    }

    /// ". Did you mean 'NAME'?" for the nearest of `names` (at most 2 edits, or a name that
    /// starts with `word`), else "".
    static func suggestion(for word: String, among names: [String]) -> String {
        let scored = names.map { (name: $0, distance: editDistance(word, $0)) }
        let near = scored.filter { $0.distance <= 2 && $0.distance < $0.name.count / 2 + 1 || ($0.name.hasPrefix(word) && word.count >= 3) }
        guard let best = near.min(by: { ($0.distance, $0.name) < ($1.distance, $1.name) }) else { return "" }
        return ". Did you mean '\(best.name)'?"
    }

    /// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0 ... a.count { table[i][0] = i }
        for j in 0 ... b.count { table[0][j] = j }
        for i in 1 ... a.count {
            for j in 1 ... b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }
}
