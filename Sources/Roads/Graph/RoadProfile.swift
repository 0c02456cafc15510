//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The three profiles of ROADS.md v1: who may use a way, in which direction, at what speed.
///
/// The rules are read literally (tag values compared exactly, no trimming, no `a;b` splitting),
/// as the reference `osm_ref.py` does; where ROADS.md is silent the reference's choice is taken
/// and noted.
public enum RoadProfile: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case car
    case foot
    case wheelchair

    /// The version of these rules; a `.roads` file records it.
    public static let version = 1

    /// Metres per second for walking when the caller gives none (elderly travellers).
    public static let defaultFootSpeed = 1.2
    /// Metres per second for a wheelchair when the caller gives none.
    public static let defaultWheelchairSpeed = 1.0

    public var description: String { rawValue }

    /// The speed parameter's default for foot and wheelchair; `nil` for car (speeds come from
    /// the tags).
    public var defaultSpeed: Double? {
        switch self {
        case .car: nil
        case .foot: Self.defaultFootSpeed
        case .wheelchair: Self.defaultWheelchairSpeed
        }
    }

    /// How a profile may use one way.
    struct Use: Equatable {
        /// Car: metres per second. Foot and wheelchair: the factor by which the walking speed is
        /// multiplied (1, or ½ on steps), so that the prepared network does not depend on the
        /// traveller's speed.
        var speed: Double
        var forward: Bool
        var backward: Bool
    }

    /// `nil` when the profile does not use the way at all.
    func use(_ tags: [String: String]) -> Use? {
        switch self {
        case .car: return Self.carUse(tags)
        case .foot:
            guard Self.footAllowed(tags) else { return nil }
            return Use(speed: tags["highway"] == "steps" ? 0.5 : 1, forward: true, backward: true)
        case .wheelchair:
            guard tags["highway"] != "steps", tags["wheelchair"] != "no", Self.footAllowed(tags) else { return nil }
            return Use(speed: 1, forward: true, backward: true)
        }
    }

    // MARK: car

    /// km/h by highway value (ROADS.md's table); any other value is not a road for cars.
    static let carKilometresPerHour: [String: Double] = [
        "motorway": 90, "motorway_link": 45, "trunk": 85, "trunk_link": 40,
        "primary": 65, "primary_link": 30, "secondary": 55, "secondary_link": 25,
        "tertiary": 40, "tertiary_link": 20, "unclassified": 25, "residential": 25,
        "living_street": 10, "service": 15,
    ]
    static let carAccessDenied: Set<String> = ["no", "private", "agricultural", "forestry", "delivery"]

    static func carUse(_ tags: [String: String]) -> Use? {
        guard let highway = tags["highway"], let tableSpeed = carKilometresPerHour[highway] else { return nil }
        // The most specific access tag present decides, as in OSM: motorcar, motor_vehicle, access.
        if let decisive = tags["motorcar"] ?? tags["motor_vehicle"] ?? tags["access"],
            carAccessDenied.contains(decisive)
        {
            return nil
        }
        let kmh = maxspeedKilometresPerHour(tags["maxspeed"]).map { 0.8 * $0 } ?? tableSpeed
        let (forward, backward) = carDirections(tags)
        return Use(speed: kmh / 3.6, forward: forward, backward: backward)
    }

    /// km/h of a `maxspeed` ROADS.md accepts: `N` or `N mph` (one space, lowercase) with
    /// N = digits with an optional decimal part, N > 0; anything else is `nil`.
    static func maxspeedKilometresPerHour(_ value: String?) -> Double? {
        guard let value else { return nil }
        if let n = plainNumber(Substring(value)) { return n > 0 ? n : nil }
        if value.hasSuffix(" mph"), let n = plainNumber(value.dropLast(4)) {
            return n > 0 ? n * 1.609344 : nil
        }
        return nil
    }

    /// `[0-9]+(\.[0-9]+)?` as a number, else `nil` (no sign, no exponent, no spaces).
    private static func plainNumber(_ text: Substring) -> Double? {
        let utf8 = Array(text.utf8)
        var i = 0
        while i < utf8.count, utf8[i] >= 48, utf8[i] <= 57 { i += 1 }
        guard i > 0 else { return nil }
        if i < utf8.count {
            guard utf8[i] == 46 else { return nil }
            var j = i + 1
            while j < utf8.count, utf8[j] >= 48, utf8[j] <= 57 { j += 1 }
            guard j > i + 1, j == utf8.count else { return nil }
        }
        return Double(String(text))
    }

    static func carDirections(_ tags: [String: String]) -> (forward: Bool, backward: Bool) {
        switch tags["oneway"] {
        case "yes", "1", "true": return (true, false)
        case "-1", "reverse": return (false, true)
        case "no", "0", "false": return (true, true)
        default:
            let highway = tags["highway"]
            let junction = tags["junction"]
            if highway == "motorway" || highway == "motorway_link" || junction == "roundabout" || junction == "circular" {
                return (true, false)
            }
            return (true, true)
        }
    }

    // MARK: foot and wheelchair

    static let footHighways: Set<String> = [
        "footway", "pedestrian", "path", "steps", "living_street", "residential", "service",
        "unclassified", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary",
        "primary_link", "track", "cycleway", "bridleway", "corridor", "platform",
    ]
    static let footExplicitlyAllowed: Set<String> = ["yes", "designated", "permissive"]

    static func footAllowed(_ tags: [String: String]) -> Bool {
        guard let highway = tags["highway"] else { return false }
        let foot = tags["foot"]
        let allowedByFoot = foot.map { footExplicitlyAllowed.contains($0) } ?? false
        guard footHighways.contains(highway) || ((highway == "trunk" || highway == "trunk_link") && allowedByFoot) else {
            return false
        }
        if foot == "no" || foot == "private" || foot == "use_sidepath" { return false }
        if let access = tags["access"], access == "no" || access == "private", !allowedByFoot { return false }
        return true
    }
}
