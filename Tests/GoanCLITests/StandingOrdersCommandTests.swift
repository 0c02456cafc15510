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
@testable import GoanCLI
import Mobility
import Testing

/// `goan standing-orders` and the booking of a day's orders by `goan dispatch --date`, in-process
/// on a temporary database.
@Suite struct StandingOrdersCommandTests {
    @Test(arguments: [("mon,thu", [0, 3]), ("mon-fri", [0, 1, 2, 3, 4]), ("Monday, sat-sun", [0, 5, 6]), ("fri", [4])])
    func weekdaysAreReadAsWritten(_ text: String, _ days: [Int]) throws {
        #expect(try StandingOrderText.weekdays(text) == days)
    }

    @Test(arguments: ["mo", "mon-fri-sat", "fri-mon", "sun2", ""])
    func aDayThatIsNotADayIsRefused(_ text: String) {
        #expect(throws: CLIError.self) { try StandingOrderText.weekdays(text) }
    }

    func run(_ arguments: [String]) throws {
        var command = try GoanCommand.parseAsRoot(arguments)
        try command.run()
    }

    @Test func anOrderAddedOnTheCommandLineIsBookedWhenItsDayIsDispatched() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("goan-\(UUID().uuidString).sqlite").path
        try run([
            "standing-orders", "add", "--traveller", "meijer", "--kind", "day-care", "--from", "home", "--to", "Dagactiviteitencentrum Vriezenveen",
            "--days", "mon,thu", "--arrive", "09:30", "--return-at", "15:30", "--starting", "2026-11-30", "--database", path, "--now", "2026-11-20 10:00",
        ])
        let store = try SQLiteBookingStore.file(path)
        let order = try #require(try store.standingOrders(traveller: "meijer").first)
        #expect(order.kind == .dayCare && order.weekdays == [0, 3] && order.arriveBy == 570 && order.returnAt == 930 && order.validFrom == "2026-11-30")
        #expect(order.to.name == "Dagactiviteitencentrum Vriezenveen" && order.from.name == "home (Vroomshoop)")
        try run(["dispatch", "--date", "2026-11-30", "--database", path, "--now", "2026-11-29 18:00", "--time-limit", "0"])
        let booked = try #require(try store.booking(idempotencyKey: StandingOrder.bookingKey(order.id!, date: "2026-11-30")))
        #expect(booked.booking.state == .confirmed && booked.legs.count == 2)
        // A time that is not a time, a return before the way there: refused, nothing stored.
        for (option, value) in [("--arrive", "9.30"), ("--return-at", "08:00")] {
            #expect(throws: CLIError.self) {
                try run([
                    "standing-orders", "add", "--traveller", "meijer", "--from", "home", "--to", "Dagactiviteitencentrum Vriezenveen", "--days", "mon",
                    "--arrive", option == "--arrive" ? value : "09:30", "--return-at", option == "--return-at" ? value : "15:30", "--starting", "2026-11-30",
                    "--database", path, "--now", "2026-11-20 10:00",
                ])
            }
        }
        #expect(try store.standingOrders(traveller: nil).count == 1)
    }
}
