//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Bookings
import Domain
import GTFS
import Hummingbird
import Logging

/// `/standing-orders`: weekly recurring trips, their events, and the booking of a day's orders.
extension GoanAPI {
    func listStandingOrders(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.traveller, .coordinator, .dispatcher, .admin])
        let traveller = try listedTraveller(request, context, what: "standing orders")
        let who = traveller, today = clock.today(now())
        let orders = try await blocking { try desk.store.standingOrders(traveller: who.map(TravellerID.init(rawValue:))) }
        return try json(StandingOrderListBody(standingOrders: orders.map { StandingOrderBody($0, today: today) }))
    }

    func createStandingOrder(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.traveller, .coordinator, .admin])
        let body = try await decode(StandingOrderRequestBody.self, request, context, shape: StandingOrderRequestBody.shape)
        let travellerId = try actingFor(body.traveller, context, does: "makes standing orders")
        let now = now()
        let order = try body.order(traveller: TravellerID(rawValue: travellerId), now: now)
        let saved: StandingOrder
        do {
            saved = try await blocking { try desk.addStandingOrder(order) }
        } catch var problem as Problem where problem.status == .notFound {
            problem.field = "traveller"
            throw problem
        }
        context.logger.info("standing order added", metadata: ["order": "\(saved.id ?? 0)"])
        return try json(StandingOrderBody(saved, today: clock.today(now)), status: .created)
    }

    func standingOrderEvent(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.traveller, .coordinator, .admin])
        let id: StandingOrderID = try pathId(context, "id")
        let body = try await decode(StandingOrderEventBody.self, request, context, shape: StandingOrderEventBody.shape)
        guard let operation = StandingOrderEventBody.Operation(rawValue: body.operation) else {
            throw Problem.badRequest("operation", "must be PAUSE, RESUME or END")
        }
        for (field, text) in [("from", body.from), ("through", body.through)] {
            if let text, text.count != 10 || ServiceDate(text) == nil { throw Problem.badRequest(field, "expected a date YYYY-MM-DD") }
        }
        let current = try await blocking { try desk.standingOrder(id) }
        try checkOwner(context, current.travellerId, what: "standing order \(id)")
        let now = now()
        let order: StandingOrder
        switch operation {
        case .pause:
            guard let from = body.from else { throw Problem.badRequest("from", "PAUSE needs the first day of the pause") }
            if let through = body.through, through < from { throw Problem.badRequest("through", "is before from (\(from))") }
            order = try await blocking { try desk.pauseStandingOrder(id, from: from, through: body.through, now: now).0 }
        case .resume:
            guard let from = body.from else { throw Problem.badRequest("from", "RESUME needs the first day it runs again") }
            if body.through != nil { throw Problem.badRequest("through", "applies to PAUSE and END only") }
            order = try await blocking { try desk.resumeStandingOrder(id, on: from) }
        case .end:
            guard let last = body.through else { throw Problem.badRequest("through", "END needs the last day it runs") }
            if body.from != nil { throw Problem.badRequest("from", "applies to PAUSE and RESUME only") }
            order = try await blocking { try desk.endStandingOrder(id, lastDay: last, now: now).0 }
        }
        return try json(StandingOrderBody(order, today: clock.today(now)))
    }

    func bookStandingOrders(_ request: Request, _ context: GoanRequestContext) async throws -> Response {
        try require(context, [.dispatcher, .coordinator, .admin])
        let body = try await decode(StandingOrderDayBody.self, request, context, shape: StandingOrderDayBody.shape)
        guard body.date.count == 10, let date = ServiceDate(body.date) else { throw Problem.badRequest("date", "expected a date YYYY-MM-DD") }
        try await sweep()
        let now = now()
        let trips = try await blocking { try desk.bookStandingOrders(on: date, now: now) }
        return try json(StandingOrderDayResultBody(date: body.date, trips: trips.compactMap { trip in
            let head = (trip.order.id ?? 0, trip.order.travellerId)
            switch trip.outcome {
            case .booked(let details):
                return .init(standingOrder: head.0, traveller: head.1, outcome: "BOOKED", booking: BookingBody(details, clock: clock), reason: nil)
            case .skipped(.notThatWeekday), .skipped(.notYetValid), .skipped(.ended):
                return nil
            case .skipped(let reason):
                return .init(standingOrder: head.0, traveller: head.1, outcome: "SKIPPED", booking: nil, reason: reason.description)
            case .notOffered(let reason):
                return .init(standingOrder: head.0, traveller: head.1, outcome: "NOT_OFFERED", booking: nil, reason: "\(reason.code.rawValue): \(reason.message)")
            }
        }))
    }
}
