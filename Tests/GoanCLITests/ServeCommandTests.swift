//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
@testable import GoanCLI
import Testing

/// `goan serve`'s options (the server itself is tested in GoanServerTests).
@Suite struct ServeCommandTests {
    @Test func nowGivesTheServerAFixedOrARunningClock() throws {
        let moment = try #require(BookingClock.parse("2026-11-23 08:00"))
        #expect(BookingClock.parse("2026-11-23T08:00") == moment)
        let fixed = try #require(try GoanCommand.parseAsRoot(["serve", "--now", "2026-11-23T08:00"]) as? GoanCommand.Serve)
        #expect(fixed.clock(start: moment)() == moment)
        let running = try #require(try GoanCommand.parseAsRoot(["serve", "--now", "2026-11-23 08:00", "--clock-runs"]) as? GoanCommand.Serve)
        let clock = running.clock(start: moment)
        #expect(abs(clock() - moment) < 60)
        let system = try #require(try GoanCommand.parseAsRoot(["serve"]) as? GoanCommand.Serve)
        #expect(abs(system.clock(start: moment)() - Int64(Date().timeIntervalSince1970)) < 60)
    }

    @Test(arguments: [
        ["serve", "--clock-runs"],
        ["serve", "--now", "2026-11-31T08:00"],
        ["serve", "--idle-timeout", "0"],
        ["serve", "--max-connections", "0"],
    ])
    func badArgumentsAreRejected(_ arguments: [String]) {
        #expect(throws: (any Error).self) { try GoanCommand.parseAsRoot(arguments) }
    }

    @Test func bookAndPlanTakeAllowOverlap() throws {
        let book = try #require(try GoanCommand.parseAsRoot(["book", "abc", "--allow-overlap"]) as? GoanCommand.Book)
        #expect(book.allowOverlap)
        let plan = ["plan", "--traveller", "jansen", "--from", "home", "--to", "ZGT", "--date", "2026-11-30", "--depart", "09:00"]
        #expect(try (GoanCommand.parseAsRoot(plan + ["--book", "1", "--allow-overlap"]) as? GoanCommand.Plan)?.allowOverlap == true)
        // Without --book there is nothing to keep.
        #expect(throws: (any Error).self) { try GoanCommand.parseAsRoot(plan + ["--allow-overlap"]) }
    }
}
