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
import GTFS
import Mobility
import Planner
import Transit

/// The scenario of the commands that plan with or book the region's on-demand services.
struct ScenarioArguments: ParsableArguments {
    @Option(help: "The scenario folder with fleet, volunteers, places and travellers (default: Scenarios/twente).")
    var scenario: String?
}

/// Options of every command that reads or writes bookings.
struct StoreArguments: ParsableArguments {
    @Option(help: "The bookings database (SQLite; default $GOAN_DATABASE, else goan.sqlite in the current folder).")
    var database: String?

    @OptionGroup var scenarioFolder: ScenarioArguments

    @Option(help: "The current moment, \"YYYY-MM-DD HH:MM\" in the feed's time zone (default: now).")
    var now: String?

    func validate() throws {
        if let now, BookingClock.parse(now) == nil { throw ValidationError("--now '\(now)' is not a moment (expected \"YYYY-MM-DD HH:MM\")") }
    }

    var databasePath: String { Self.databasePath(database) }

    /// The database given, else `$GOAN_DATABASE`, else `goan.sqlite` in the current folder.
    static func databasePath(_ explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["GOAN_DATABASE"] ?? "goan.sqlite"
    }

    /// Opens (and migrates) the bookings database at `path`.
    static func openStore(_ path: String) throws -> SQLiteBookingStore {
        do {
            return try SQLiteBookingStore.file(path)
        } catch {
            throw CLIError("cannot open the bookings database \(path): \(error)")
        }
    }

    /// Unix seconds of `--now`, or the system clock.
    func moment(timezone: String) -> Int64 {
        (now.flatMap { BookingClock.parse($0, timezone: timezone) }.map(UnixClock.fixed) ?? .system).now()
    }

    /// The booking desk on the region (the feed, its rules, the scenario) and the database;
    /// volunteer deadlines that passed by `now` are applied first.
    func openDesk(_ timetable: TimetableArguments) throws -> (BookingDesk, now: Int64) {
        let region = try timetable.loadRegion(scenario: scenarioFolder.scenario)
        let desk = try BookingDesk(store: try Self.openStore(databasePath), region: region)
        let now = moment(timezone: region.timezone)
        try desk.expireDue(now: now)
        return (desk, now)
    }
}

func deskCall<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as DeskError {
        throw CLIError(error.description)
    } catch let error as BookingStoreError {
        throw CLIError(error.description)
    }
}
