//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
import GoanServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

@Suite struct APIRouteTests {
    typealias T = APITestWorld

    @Test func healthNeedsNoTokenAndEverythingElseDoes() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            #expect(try await client.call(.get, "/health", token: nil).status == .ok)
            for (method, path) in [(HTTPRequest.Method.get, "/bookings"), (.post, "/planning/offers"), (.get, "/openapi.yaml"), (.get, "/metrics")] {
                let response = try await client.call(method, path, token: nil)
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.object["field"] as? String == "Authorization")
            }
            #expect(try await client.call(.get, "/bookings", token: "not-a-token-of-ours-at-all").status == .unauthorized)
            #expect(try await client.call(.get, "/metrics", token: T.jansen).status == .forbidden)
            #expect(try await client.call(.get, "/metrics", token: T.admin).status == .ok)
        }
    }

    @Test func aTravellerPlansBooksSeesAndCancelsTheirTrip() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let budget = try await client.call(.get, "/travellers/jansen", token: T.jansen).object["kmBudgetLeft"] as? Double
            let booked = try await client.bookFirst(token: T.jansen, modes: ["regiotaxi"], key: "trip-1")
            #expect(booked.status == .created)
            #expect(booked.object["state"] as? String == "CONFIRMED")
            let id = try #require(booked.object["id"] as? Int)
            #expect((booked.object["kmCharged"] as? Double ?? 0) > 0)
            // A retry with the same key: the same booking, 200.
            let retried = try await client.call(
                .post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(booked.object["offerId"] as! String)","commit":true}"#,
                headers: [HTTPField.Name("Idempotency-Key")!: "trip-1"])
            #expect(retried.status == .ok && retried.object["id"] as? Int == id)
            #expect(try await client.call(.get, "/bookings/\(id)", token: T.jansen).object["state"] as? String == "CONFIRMED")
            let list = try await client.call(.get, "/bookings?date=2026-11-30", token: T.jansen).object["bookings"] as? [[String: Any]]
            #expect(list?.compactMap { $0["id"] as? Int } == [id])
            let cancelled = try await client.call(.post, "/bookings/\(id)/events", token: T.jansen, body: #"{"operation":"CANCEL"}"#)
            #expect(cancelled.status == .ok)
            #expect(cancelled.object["state"] as? String == "CANCELLED")
            #expect(cancelled.object["cancellationFee"] as? Double == 0)
            let after = try await client.call(.get, "/travellers/jansen", token: T.jansen).object["kmBudgetLeft"] as? Double
            #expect(after == budget)
        }
    }

    @Test func aTravellerSeesAndChangesOnlyTheirOwnBookings() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let booked = try await client.bookFirst(token: T.jansen, modes: ["regiotaxi"], key: "own")
            let id = try #require(booked.object["id"] as? Int)
            #expect(try await client.call(.get, "/bookings/\(id)", token: T.deVries).status == .notFound)
            #expect(try await client.call(.post, "/bookings/\(id)/events", token: T.deVries, body: #"{"operation":"CANCEL"}"#).status == .notFound)
            #expect(try await client.call(.get, "/bookings?traveller=jansen", token: T.deVries).status == .forbidden)
            #expect(try await client.call(.get, "/travellers/jansen", token: T.deVries).status == .notFound)
            let mine = try await client.call(.get, "/bookings", token: T.deVries).object["bookings"] as? [Any]
            #expect(mine?.isEmpty == true)
            // Planning for someone else with a traveller token is refused; staff must name the traveller.
            #expect(try await client.call(.post, "/planning/offers", token: T.deVries, body: T.trip(traveller: "jansen")).status == .forbidden)
            let unnamed = try await client.call(.post, "/planning/offers", token: T.coordinator, body: T.trip())
            #expect(unnamed.status == .badRequest && unnamed.object["field"] as? String == "traveller")
            #expect(try await client.call(.post, "/bookings/\(id)/events", token: T.dispatcher, body: #"{"operation":"CANCEL"}"#).status == .forbidden)
            #expect(try await client.call(.get, "/bookings/\(id)", token: T.coordinator).status == .ok)
        }
    }

    /// A companion on the trip: the Regiotaxi leg lists what each pays (a social companion the
    /// same fare as the traveller); two are more than Regiotaxi takes; a child too young.
    @Test func companionsOnATripArePricedPerPerson() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            func regiotaxi(_ companions: String) async throws -> (leg: [String: Any]?, reason: String?) {
                let response = try await client.call(
                    .post, "/planning/offers", token: T.jansen, body: T.trip(extra: #","companions":"# + companions))
                #expect(response.status == .ok, "\(response.object)")
                let options = response.object["options"] as? [[String: Any]] ?? []
                let leg = options.lazy.compactMap { ($0["legs"] as? [[String: Any]])?.first { $0["mode"] as? String == "regiotaxi" } }.first
                let reason = (response.object["notOffered"] as? [[String: Any]])?.first { $0["mode"] as? String == "regiotaxi" }?["code"] as? String
                return (leg, reason)
            }
            let (leg, _) = try await regiotaxi(#"[{"kind":"social","age":40}]"#)
            let fares = try #require(leg?["fares"] as? [[String: Any]])
            #expect(fares.map { $0["passenger"] as? String } == ["traveller", "companion (social)"])
            let prices = fares.compactMap { $0["price"] as? Double }
            #expect(prices.count == 2 && abs(prices[0] - prices[1]) < 0.011)
            #expect(abs(prices.reduce(0, +) - (leg?["price"] as? Double ?? 0)) < 0.011)
            let (medical, _) = try await regiotaxi(#"[{"kind":"medical"}]"#)
            #expect((medical?["fares"] as? [[String: Any]])?.last?["price"] as? Double == 0)
            #expect(try await regiotaxi(#"[{"kind":"social"},{"kind":"social"}]"#).reason == "TOO_MANY_COMPANIONS")
            #expect(try await regiotaxi(#"[{"kind":"social","age":9}]"#).reason == "COMPANION_TOO_YOUNG")
        }
    }

    /// A return trip through the API: pairs of options as offers, one booking for both ways,
    /// the way back cancelled alone.
    @Test func aReturnTripIsOfferedAsPairsBookedOnceAndCancelledOneWayAlone() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let planned = try await client.call(
                .post, "/planning/offers", token: T.jansen, body: T.trip(extra: #","returnTrip":{"appointmentEndTime":"2026-11-30T11:30:00+01:00"}"#))
            #expect(planned.status == .ok, "\(planned.object)")
            let back = try #require(planned.object["returnTrip"] as? [String: Any])
            #expect(back["readyFrom"] as? Bool == true)
            let backOptions = try #require(back["options"] as? [[String: Any]])
            let thereOptions = try #require(planned.object["options"] as? [[String: Any]])
            let pairs = try #require(back["offers"] as? [[String: Any]])
            #expect(!pairs.isEmpty && !backOptions.isEmpty)
            for pair in pairs {
                let i = try #require(pair["outward"] as? Int), j = try #require(pair["back"] as? Int)
                let sum = (thereOptions[i - 1]["price"] as? Double ?? -1) + (backOptions[j - 1]["price"] as? Double ?? -1)
                #expect(abs((pair["price"] as? Double ?? 0) - sum) < 0.011)
            }
            let id = try #require(pairs.first?["id"] as? String)
            let booked = try await client.call(.post, "/bookings", token: T.jansen, body: #"{"offerId":"\#(id)","commit":true}"#)
            #expect(booked.status == .created && booked.object["state"] as? String == "CONFIRMED", "\(booked.object)")
            let booking = try #require(booked.object["id"] as? Int)
            let parts = (booked.object["legs"] as? [[String: Any]] ?? []).compactMap { $0["part"] as? String }
            #expect(Set(parts) == ["outward", "return"])
            let oneWay = try await client.call(.post, "/bookings/\(booking)/events", token: T.jansen, body: #"{"operation":"CANCEL","part":"return"}"#)
            #expect(oneWay.status == .ok && oneWay.object["state"] as? String == "CONFIRMED")
            let legs = oneWay.object["legs"] as? [[String: Any]] ?? []
            #expect(legs.filter { $0["part"] as? String == "return" }.allSatisfy { $0["state"] as? String == "CANCELLED" })
            #expect(legs.filter { $0["part"] as? String == "outward" }.allSatisfy { $0["state"] as? String == "CONFIRMED" })
            // What the API refuses, naming the field.
            for (body, field) in [
                (#"{"operation":"CANCEL","part":"home"}"#, "part"), (#"{"operation":"COMMIT","part":"return"}"#, "part"),
            ] {
                let refused = try await client.call(.post, "/bookings/\(booking)/events", token: T.jansen, body: body)
                #expect(refused.status == .badRequest && refused.object["field"] as? String == field, "\(body)")
            }
            for (extra, field) in [
                (#","returnTrip":{}"#, "returnTrip.departureTime"),
                (#","returnTrip":{"departureTime":"2026-11-30T11:30:00+01:00","appointmentEndTime":"2026-11-30T11:30:00+01:00"}"#, "returnTrip.appointmentEndTime"),
                (#","returnTrip":{"departureTime":"2026-11-30T09:30:00+01:00"}"#, "returnTrip.departureTime"),
                (#","returnTrip":{"departureTime":"2026-12-01T11:30:00+01:00"}"#, "returnTrip.departureTime"),
                (#","returnTrip":{"leaving":"2026-11-30T11:30:00+01:00"}"#, "returnTrip.leaving"),
            ] {
                let refused = try await client.call(.post, "/planning/offers", token: T.jansen, body: T.trip(extra: extra))
                #expect(refused.status == .badRequest && refused.object["field"] as? String == field, "\(extra): \(refused.object)")
            }
        }
    }

    /// A coordinator adds Mevrouw Jansen's weekly hospital trip; the dispatcher books the day;
    /// she sees it, pauses it, and cannot see another traveller's; bad input names the field.
    @Test func standingOrdersAreAddedBookedPausedAndEnded() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let order = #"{"traveller":"jansen","from":{"lat":52.459,"lon":6.6195,"name":"home"},"to":{"lat":52.3497,"lon":6.6378,"name":"ZGT Almelo"},"weekdays":["mon"],"arriveBy":"10:00","returnAt":"11:30","validFrom":"2026-11-30"}"#
            let created = try await client.call(.post, "/standing-orders", token: T.coordinator, body: order)
            #expect(created.status == .created && created.object["state"] as? String == "ACTIVE" && created.object["kind"] as? String == "wmo")
            let id = try #require(created.object["id"] as? Int)
            #expect(try await client.call(.post, "/standing-orders/bookings", token: T.jansen, body: #"{"date":"2026-11-30"}"#).status == .forbidden)
            let day = try await client.call(.post, "/standing-orders/bookings", token: T.dispatcher, body: #"{"date":"2026-11-30"}"#)
            let trip = try #require((day.object["trips"] as? [[String: Any]])?.first)
            #expect(trip["outcome"] as? String == "BOOKED" && (trip["booking"] as? [String: Any])?["state"] as? String == "CONFIRMED")
            let again = try await client.call(.post, "/standing-orders/bookings", token: T.dispatcher, body: #"{"date":"2026-11-30"}"#)
            #expect(((again.object["trips"] as? [[String: Any]])?.first?["booking"] as? [String: Any])?["id"] as? Int == (trip["booking"] as? [String: Any])?["id"] as? Int)
            // Her own: listed for her, unknown to another traveller.
            let mine = try await client.call(.get, "/standing-orders", token: T.jansen).object["standingOrders"] as? [[String: Any]]
            #expect(mine?.compactMap { $0["id"] as? Int } == [id])
            #expect(try await client.call(.get, "/standing-orders/\(id)", token: T.deVries).status == .notFound)
            #expect((try await client.call(.get, "/standing-orders", token: T.deVries).object["standingOrders"] as? [Any])?.isEmpty == true)
            let paused = try await client.call(.post, "/standing-orders/\(id)/events", token: T.jansen, body: #"{"operation":"PAUSE","from":"2026-11-30"}"#)
            #expect(paused.status == .ok && (paused.object["pauses"] as? [[String: Any]])?.count == 1)
            let skipped = try await client.call(.post, "/standing-orders/bookings", token: T.dispatcher, body: #"{"date":"2026-12-07"}"#)
            #expect((skipped.object["trips"] as? [[String: Any]])?.first?["outcome"] as? String == "SKIPPED")
            let ended = try await client.call(.post, "/standing-orders/\(id)/events", token: T.coordinator, body: #"{"operation":"END","through":"2026-12-31"}"#)
            #expect(ended.object["validThrough"] as? String == "2026-12-31")
            for (body, field) in [
                (order.replacingOccurrences(of: #""mon""#, with: #""monday""#), "weekdays[0]"),
                (order.replacingOccurrences(of: #""10:00""#, with: #""10h""#), "arriveBy"),
                (order.replacingOccurrences(of: #""11:30""#, with: #""09:30""#), "returnAt"),
                (order.replacingOccurrences(of: #""2026-11-30""#, with: #""30-11-2026""#), "validFrom"),
                (order.replacingOccurrences(of: #""jansen""#, with: #""nobody""#), "traveller"),
                (order.replacingOccurrences(of: #""weekdays""#, with: #""days""#), "days"),
            ] {
                let refused = try await client.call(.post, "/standing-orders", token: T.coordinator, body: body)
                #expect(refused.status.code >= 400 && refused.status.code < 500 && refused.object["field"] as? String == field, "\(field): \(refused.object)")
            }
            for (body, field) in [
                (#"{"operation":"STOP"}"#, "operation"), (#"{"operation":"PAUSE"}"#, "from"),
                (#"{"operation":"PAUSE","from":"2026-12-10","through":"2026-12-01"}"#, "through"), (#"{"operation":"END"}"#, "through"),
            ] {
                let refused = try await client.call(.post, "/standing-orders/\(id)/events", token: T.coordinator, body: body)
                #expect(refused.status == .badRequest && refused.object["field"] as? String == field, "\(body)")
            }
        }
    }

    @Test func badInputGetsAProblemThatNamesTheField() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00","colour":"red"}"#, .badRequest, "colour"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6,"nmae":"x"},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00"}"#, .badRequest, "from.nmae"),
                ("/planning/offers", #"{"from":{"lat":152.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00"}"#, .badRequest, "from.lat"),
                ("/planning/offers", #"{"from":{"lat":"north","lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00"}"#, .badRequest, "from.lat"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00"}"#, .badRequest, "to"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"tomorrow"}"#, .badRequest, "departureTime"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2031-01-01T09:00:00+01:00"}"#, .badRequest, "departureTime"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00","maxTransfers":99}"#, .badRequest, "maxTransfers"),
                ("/planning/offers", #"{"from": {"lat": 52.4,"#, .badRequest, "body"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00","companions":[{"kind":"cousin"}]}"#, .badRequest, "companions[0].kind"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00","companions":[{"kind":"social","aeg":40}]}"#, .badRequest, "companions[0].aeg"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00","companions":[{"kind":"social","age":4.5}]}"#, .badRequest, "companions[0].age"),
                ("/planning/offers", #"{"from":{"lat":52.4,"lon":6.6},"to":{"lat":52.3,"lon":6.6},"departureTime":"2026-11-30T09:00:00+01:00","companions":{"kind":"social"}}"#, .badRequest, "companions"),
                ("/planning/offers", #"[1,2,3]"#, .badRequest, "body"),
                ("/bookings", #"{"offerId":""}"#, .badRequest, "offerId"),
                ("/bookings", #"{"offerId":"does-not-exist"}"#, .notFound, "offerId"),
                ("/bookings/1/events", #"{"operation":"EXPLODE"}"#, .badRequest, "operation"),
                ("/bookings/abc/events", #"{"operation":"CANCEL"}"#, .badRequest, "id"),
                ("/volunteer-requests/1/answer", #"{"volunteer":"v","accept":"yes"}"#, .badRequest, "accept"),
            ]
            for (path, body, status, field) in cases {
                let response = try await client.call(.post, path, token: path.hasPrefix("/volunteer") ? T.coordinator : T.jansen, body: body)
                #expect(response.status == status, "\(path) \(body)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.object["field"] as? String == field, "\(path) \(body): \(response.object)")
                #expect((response.object["detail"] as? String)?.isEmpty == false)
            }
            let huge = "{\"offerId\":\"" + String(repeating: "x", count: 40_000) + "\"}"
            let tooLarge = try await client.call(.post, "/bookings", token: T.jansen, body: huge)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.headers[.contentType] == "application/problem+json")
            #expect(try await client.call(.get, "/bookings/0", token: T.admin).status == .badRequest)
            #expect(try await client.call(.get, "/bookings/99999999999999999999", token: T.admin).status == .badRequest)
            #expect(try await client.call(.get, "/bookings?date=yesterday", token: T.admin).status == .badRequest)
            #expect(try await client.call(.get, "/dispatch/2026-13-45", token: T.dispatcher).status == .badRequest)
        }
    }

    @Test func fiftyParallelRequestsForTheLastWheelchairPlaceConfirmExactlyOne() async throws {
        let world = try T { TwenteWorld.lastWheelchairPlace(&$0, wheelchairUsers: 50) }
        try await world.app.test(.router) { client in
            var offerIds: [String] = []
            for k in 1 ... 50 {
                let traveller = k < 10 ? "w0\(k)" : "w\(k)"
                let body = #"{"traveller":"\#(traveller)","from":{"lat":52.459,"lon":6.6195},"to":{"lat":52.3497,"lon":6.6378},"departureTime":"2026-11-30T09:00:00+01:00"}"#
                let offers = try await client.call(.post, "/planning/offers", token: T.coordinator, body: body)
                let options = offers.object["options"] as? [[String: Any]] ?? []
                let taxi = try #require(options.first { ($0["legs"] as? [[String: Any]])?.compactMap { $0["mode"] as? String } == ["regiotaxi"] })
                offerIds.append(taxi["id"] as! String)
            }
            let responses = try await withThrowingTaskGroup(of: APIResponse.self) { group in
                for id in offerIds {
                    group.addTask { try await client.call(.post, "/bookings", token: T.coordinator, body: #"{"offerId":"\#(id)","commit":true}"#) }
                }
                return try await group.reduce(into: [APIResponse]()) { $0.append($1) }
            }
            #expect(responses.filter { $0.status == .created }.count == 1)
            #expect(responses.filter { $0.status == .conflict }.count == 49)
            #expect(responses.filter { $0.status == .conflict }.allSatisfy { $0.object["code"] as? String == "NO_VEHICLE_WITH_AID" })
            let confirmed = try await client.call(.get, "/bookings?date=2026-11-30", token: T.admin).object["bookings"] as? [[String: Any]] ?? []
            #expect(confirmed.filter { $0["state"] as? String == "CONFIRMED" }.count == 1)
        }
    }

    @Test func aVolunteerRideWaitsIsAnsweredAndIsDispatched() async throws {
        let world = try T()
        try await world.app.test(.router) { client in
            let booked = try await client.bookFirst(token: T.deVries, modes: ["automaatje"], arrive: "11:00", key: "vol-1")
            #expect(booked.status == .created)
            #expect(booked.object["state"] as? String == "PENDING")
            let requests = try await client.call(.get, "/volunteer-requests", token: T.coordinator).object["requests"] as? [[String: Any]] ?? []
            let request = try #require(requests.first)
            let legId = try #require(request["legId"] as? Int), volunteer = try #require(request["volunteer"] as? String)
            #expect(try await client.call(.get, "/volunteer-requests", token: T.deVries).status == .forbidden)
            let wrong = try await client.call(.post, "/volunteer-requests/\(legId)/answer", token: T.coordinator, body: #"{"volunteer":"someone-else","accept":true}"#)
            #expect(wrong.status == .conflict && wrong.object["code"] as? String == "NOT_ASKED")
            let accepted = try await client.call(.post, "/volunteer-requests/\(legId)/answer", token: T.coordinator, body: #"{"volunteer":"\#(volunteer)","accept":true}"#)
            #expect(accepted.status == .ok && accepted.object["state"] as? String == "CONFIRMED")
            let day = try await client.call(.get, "/dispatch/2026-11-30", token: T.dispatcher)
            #expect(day.status == .ok)
            let routes = day.object["routes"] as? [[String: Any]] ?? []
            let unassigned = day.object["unassigned"] as? [[String: Any]] ?? []
            #expect(routes.count + unassigned.count >= 1)
            #expect(try await client.call(.get, "/dispatch/2026-11-30", token: T.jansen).status == .forbidden)
        }
    }
}
