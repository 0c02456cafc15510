//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import ArgumentParser

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
            Plan.self, Book.self, Bookings.self, BookingShow.self, Cancel.self, Volunteer.self, Dispatch.self, Serve.self, RouteBatch.self,
            Simulate.self, FeedCommand.self,
        ])

    public init() {}
}

/// The entry point of the `goan` executable.
public enum GoanMain {
    public static func run() async {
        await GoanCommand.main()
    }
}
