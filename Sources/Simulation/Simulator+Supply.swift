//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
import Mobility

extension Simulator {
    /// The fleet × `factor`: fewer keeps the first vehicles; more adds copies (`RT-01-2`, …)
    /// whose depots go round `depots` (default: the copied vehicle's own).
    static func scaledFleet(_ vehicles: [Vehicle], factor: Double, depots: [NamedPosition]?) -> [Vehicle] {
        let count = Int((Double(vehicles.count) * factor).rounded())
        guard count > vehicles.count, !vehicles.isEmpty else { return Array(vehicles.prefix(count)) }
        var fleet = vehicles
        for k in vehicles.count ..< count {
            var copy = vehicles[k % vehicles.count]
            copy.id = VehicleID(rawValue: "\(copy.id)-\(k / vehicles.count + 1)")
            if let depots, !depots.isEmpty { copy.depot = depots[(k - vehicles.count) % depots.count] }
            fleet.append(copy)
        }
        return fleet
    }

    /// The volunteers × `factor` (spread evenly when fewer; copies when more), with every
    /// acceptance rate set to `acceptance` when given.
    static func scaledVolunteers(_ volunteers: [Volunteer], factor: Double, acceptance: Double?) -> [Volunteer] {
        let count = Int((Double(volunteers.count) * factor).rounded())
        var chosen: [Volunteer]
        if count <= volunteers.count {
            // Every k-th, so that the ones left still live spread over the villages.
            chosen = (0 ..< count).map { volunteers[$0 * volunteers.count / max(count, 1)] }
        } else {
            chosen = volunteers
            for k in volunteers.count ..< count {
                var copy = volunteers[k % volunteers.count]
                copy.id = VolunteerID(rawValue: "\(copy.id)-\(k / volunteers.count + 1)")
                copy.name = copy.name.replacingOccurrences(of: ")", with: "-\(k / volunteers.count + 1))")
                chosen.append(copy)
            }
        }
        if let acceptance { for index in chosen.indices { chosen[index].acceptanceRate = acceptance } }
        return chosen
    }

    /// The service rules with the scenario's changes.
    static func overriding(_ rules: ServiceRules, with overrides: Scenario.RuleOverrides?) -> ServiceRules {
        guard let overrides else { return rules }
        var rules = rules
        for index in rules.services.indices {
            if rules.services[index].kind == .regiotaxi {
                if let window = overrides.regiotaxiPickupWindowMinutes { rules.services[index].pickupWindowMinutes = window }
                if let lead = overrides.regiotaxiLeadTimeMinutes { rules.services[index].booking.leadTimeMinutes = lead }
            } else {
                if let days = overrides.automaatjeLeadWorkingDays { rules.services[index].booking.leadWorkingDays = days }
                if let hours = overrides.automaatjeResponseDeadlineHours { rules.services[index].booking.responseDeadlineHours = hours }
            }
        }
        return rules
    }
}
