//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import Mobility
public import Planner

/// How a simulated traveller chooses among the offered options: the lowest generalised cost
///
///     price (€) + value of time × door-to-door minutes + waiting at the destination × half of it
///     + transfer penalty × transfers + walking penalty × walked km + no-guarantee penalty
///
/// with €0.10 a minute (older travellers are not in a hurry), €3 a transfer, €4 a walked km and
/// €2 for an option that may not happen (AutoMaatje: a volunteer may not be found). Preferences
/// change it: `comfort` doubles the transfer and no-guarantee penalties, `price` halves the value
/// of time, `speed` doubles it. If a booking is refused the traveller takes the next option.
public struct ChoiceRule: Sendable {
    public var valueOfMinute = 0.10
    public var transferPenalty = 3.0
    public var walkPenaltyPerKm = 4.0
    public var noGuaranteePenalty = 2.0

    public init() {}

    /// The options in the order the traveller would take them.
    public func ranked(_ options: [Itinerary], for traveller: Traveller, desiredArrival: Int32?) -> [Itinerary] {
        options.map { ($0, cost($0, for: traveller, desiredArrival: desiredArrival)) }
            .sorted { $0.1 < $1.1 }
            .map(\.0)
    }

    /// The generalised cost of an option, euros.
    public func cost(_ option: Itinerary, for traveller: Traveller, desiredArrival: Int32?) -> Double {
        var minute = valueOfMinute, transfer = transferPenalty, guarantee = noGuaranteePenalty
        switch traveller.preferences?.prefer {
        case "comfort":
            transfer *= 2
            guarantee *= 2
        case "price": minute *= 0.5
        case "speed": minute *= 2
        default: break
        }
        let early = desiredArrival.map { max(0, Double($0 - option.arrival) / 60) } ?? 0
        return option.price + minute * Double(option.duration) / 60 + minute * 0.5 * early + transfer * Double(option.transfers)
            + walkPenaltyPerKm * option.walkingMetres / 1000 + (option.guaranteed ? 0 : guarantee)
    }
}
