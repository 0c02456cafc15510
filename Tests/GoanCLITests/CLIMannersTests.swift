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
import TestSupport
import Testing

/// How `goan` treats the person typing: misspelt names get the nearest one, help reads in
/// sentences, and a reading command says what the clock changed.
@Suite struct CLIMannersTests {
    @Test(arguments: [
        (["plna"], "unknown command 'plna'. Did you mean 'plan'?"),
        (["bookigns", "--date", "2026-11-23"], "unknown command 'bookigns'. Did you mean 'bookings'?"),
        (["volunteer", "requestz"], "unknown command 'requestz'. Did you mean 'requests'?"),
        (["feed", "infoo", "x.zip"], "unknown command 'infoo'. Did you mean 'info'?"),
        (["plan", "--form", "Vroomshoop"], "unknown option '--form'. Did you mean '--from'?"),
        (["plan", "--from", "A", "--to", "B", "--date", "2026-11-23", "--wheelchiar"], "unknown option '--wheelchiar'. Did you mean '--wheelchair'?"),
        (["serve", "--port=8080", "--databse", "x.sqlite"], "unknown option '--databse'. Did you mean '--database'?"),
    ])
    func aMisspeltNameGetsTheNearestOne(_ arguments: [String], _ message: String) throws {
        let (text, _) = try #require(GoanCommand.misspelling(in: arguments))
        #expect(text == message)
    }

    @Test func aNameFarFromEveryCommandListsThemAll() throws {
        let (text, command) = try #require(GoanCommand.misspelling(in: ["xyzzy"]))
        #expect(text.hasPrefix("unknown command 'xyzzy'. The commands of 'goan' are: plan, book, "))
        #expect(!text.contains("bench-"), "hidden commands are not listed")
        #expect(ObjectIdentifier(command) == ObjectIdentifier(GoanCommand.self))
    }

    @Test(arguments: [
        ["plan", "--from", "A", "--to", "B", "--date", "2026-11-23", "--depart", "09:00", "--max-transfers=2", "--json"],
        ["--version"], ["help", "plan"], ["plan", "--help"], ["book", "offer-1", "--idempotency-key", "k", "--now", "2026-11-23 10:00"],
        ["volunteer", "accept", "7", "--volunteer", "V01"], ["route-batch", "--help"], ["feed", "info", "--", "--odd-name.zip"],
    ])
    func correctArgumentsAreLeftToTheParser(_ arguments: [String]) {
        #expect(GoanCommand.misspelling(in: arguments) == nil)
    }

    /// Every command of the tree, depth first.
    static func commands(_ root: any ParsableCommand.Type = GoanCommand.self) -> [any ParsableCommand.Type] {
        [root] + GoanCommand.subcommands(of: root).flatMap { commands($0.command) }
    }

    @Test func everyCommandKnowsTheOptionsItsHelpShows() {
        for command in Self.commands() {
            let known = GoanCommand.optionNames(of: command)
            #expect(known.contains("--help"), "\(GoanCommand.path(to: command))")
            let help = GoanCommand.helpMessage(for: command, includeHidden: true, columns: 10_000)
            for option in known { #expect(help.contains(option)) }
        }
        #expect(GoanCommand.optionNames(of: GoanCommand.Plan.self).isSuperset(of: ["--from", "--to", "--date", "--wheelchair", "--min-transfer-time", "--database"]))
    }

    /// swift-argument-parser wraps help to the terminal itself: a line break inside a paragraph
    /// shows as a break mid-sentence. Paragraphs are separated by a blank line.
    @Test func helpTextsBreakOnlyBetweenParagraphs() {
        for command in Self.commands() {
            let configuration = command.configuration
            let name = (["goan"] + GoanCommand.path(to: command)).joined(separator: " ")
            #expect(!configuration.abstract.contains("\n"), "\(name): abstract")
            let paragraphs = configuration.discussion.components(separatedBy: "\n\n")
            #expect(paragraphs.allSatisfy { !$0.contains("\n") }, "\(name): discussion has a line break inside a paragraph")
        }
    }

    // MARK: - What the clock changed

    typealias W = TwenteWorld
    static let date = "2026-11-30"
    static let bookedAt = W.at("2026-11-23", "10:00")

    /// A desk on a fresh database and an AutoMaatje trip of de Vries waiting for a volunteer.
    static func pendingTrip(volunteers: Int?) throws -> (BookingDesk, BookingDetails)? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("goan-cli-\(UUID().uuidString).sqlite").path
        let desk = try W.desk(try SQLiteBookingStore.file(path)) { supply in
            if let volunteers { supply.volunteers = Array(supply.volunteers.filter { !$0.wheelchair }.prefix(volunteers)) }
        }
        let request = try W.request(desk, traveller: "de-vries", date: date, arrive: "11:00", bookedAt: bookedAt)
        let (_, offers) = try desk.offers(request, now: bookedAt)
        guard let offer = offers.first(where: { $0.legs.filter(\.isOnDemand).map(\.mode) == [.automaatje] }) else { return nil }
        let booking = try desk.bookAndCommit(offerId: offer.id, idempotencyKey: offer.id, now: bookedAt)
        #expect(booking.booking.state == .pending)
        return (desk, booking)
    }

    @Test func anExpiryOnOpeningIsReported() throws {
        let (desk, booking) = try #require(try Self.pendingTrip(volunteers: 1), "one volunteer can drive de Vries on Monday morning")
        let leg = try #require(booking.legs.first { $0.mode == .automaatje })
        let deadline = try #require(leg.responseDeadline)
        let waiting = try desk.store.pendingVolunteerLegs()
        #expect(try clockNotes(before: waiting, after: desk.store, timezone: desk.timezone).isEmpty, "nothing changed yet")
        try desk.expireDue(now: deadline)
        let due = BookingOutput.time(deadline, timezone: desk.timezone)
        #expect(try clockNotes(before: waiting, after: desk.store, timezone: desk.timezone)
            == ["booking \(booking.id) expired: no volunteer answered by \(due) (asked: \(leg.askedVolunteer?.rawValue ?? ""))"])
    }

    @Test func aRideOfferedToTheNextVolunteerOnOpeningIsReported() throws {
        let (desk, booking) = try #require(try Self.pendingTrip(volunteers: nil))
        let leg = try #require(booking.legs.first { $0.mode == .automaatje })
        try #require(!leg.candidates.isEmpty, "more than one volunteer can drive this ride")
        let waiting = try desk.store.pendingVolunteerLegs()
        try desk.expireDue(now: try #require(leg.responseDeadline))
        let next = try #require(try desk.store.booking(id: booking.id)?.legs.first { $0.id == leg.id })
        #expect(next.state == .pending && next.askedVolunteer != leg.askedVolunteer)
        let notes = try clockNotes(before: waiting, after: desk.store, timezone: desk.timezone)
        #expect(notes.count == 1)
        #expect(notes.first?.hasPrefix("booking \(booking.id): \(leg.askedVolunteer?.rawValue ?? "") did not answer by ") == true)
        #expect(notes.first?.contains("now offered to \(next.askedVolunteer?.rawValue ?? "")") == true)
    }
}
