//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Bookings
import Domain
import Foundation
import GoanServer
import Logging

extension GoanCommand {
    /// `goan serve`: the HTTP API.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the booking API over HTTP (TOMP-style; OpenAPI document at /openapi.yaml).",
            discussion: """
                Bearer tokens come from --tokens FILE or the GOAN_TOKENS environment variable: one entry \
                per line (or separated by ';'), 'ROLE TOKEN [TRAVELLER_ID]', ROLE one of traveller, \
                coordinator, dispatcher, admin; a traveller token names its traveller. Tokens have at \
                least 16 characters. SIGTERM or SIGINT stop the server after in-flight requests finish.

                With --now the API answers as if it were that moment (a fixed clock; with --clock-runs \
                it starts there and runs on): for demos and tests of a given day.
                """)

        @Option(help: "Address to listen on.")
        var host = "127.0.0.1"

        @Option(help: "Port to listen on.")
        var port = 8080

        @Option(help: "A file with the bearer tokens (default: the GOAN_TOKENS environment variable).")
        var tokens: String?

        @Option(help: "Log level: trace, debug, info, notice, warning, error.")
        var logLevel = "info"

        @Flag(help: "With --now: the clock starts at --now and runs on (default: it stays at --now).")
        var clockRuns = false

        @Option(help: "Seconds a connection may send nothing before it is closed.")
        var idleTimeout = 15

        @Option(help: "Open connections at most (also kept below the open-file limit).")
        var maxConnections = 4096

        @OptionGroup var store: StoreArguments
        @OptionGroup var timetable: TimetableArguments

        func validate() throws {
            if !(1 ... 65535).contains(port) { throw ValidationError("--port must be within 1…65535") }
            if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level '\(logLevel)' is not a level") }
            if clockRuns && store.now == nil { throw ValidationError("--clock-runs needs --now (where the clock starts)") }
            if !(1 ... 3600).contains(idleTimeout) { throw ValidationError("--idle-timeout must be within 1…3600 seconds") }
            if !(1 ... 1_000_000).contains(maxConnections) { throw ValidationError("--max-connections must be within 1…1000000") }
        }

        /// The API's clock: the system's, or from `start` (the moment of --now) fixed or running.
        func clock(start: Int64) -> @Sendable () -> Int64 {
            (store.now == nil ? UnixClock.system : clockRuns ? UnixClock.running(from: start) : UnixClock.fixed(start)).now
        }

        func run() async throws {
            let tokenText: String, source: String
            if let tokens {
                guard let text = try? String(contentsOfFile: tokens, encoding: .utf8) else { throw CLIError("cannot read the tokens file \(tokens)") }
                (tokenText, source) = (text, tokens)
            } else if let text = ProcessInfo.processInfo.environment["GOAN_TOKENS"] {
                (tokenText, source) = (text, "GOAN_TOKENS")
            } else {
                throw CLIError("no tokens: pass --tokens FILE or set GOAN_TOKENS (entries 'ROLE TOKEN [TRAVELLER_ID]')")
            }
            let book: TokenBook
            do {
                book = try TokenBook.parse(tokenText, source: source)
            } catch let error as TokenBook.ParseError {
                throw CLIError(error.description)
            }
            let (desk, start) = try store.openDesk(timetable)
            let now = clock(start: start)
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardOutput(label: label)
                handler.logLevel = Logger.Level(rawValue: logLevel) ?? .info
                return handler
            }
            try await GoanHTTPServer.run(
                desk: desk, tokens: book, host: host, port: port, databasePath: store.databasePath,
                limits: .init(idleTimeout: .seconds(idleTimeout), maxConnections: maxConnections), now: now)
        }
    }
}
