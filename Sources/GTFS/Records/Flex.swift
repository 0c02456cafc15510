//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// When and how a demand-responsive ride must be booked (`booking_rules.txt`, GTFS-Flex).
public struct BookingRule: Sendable, Hashable {
    /// `booking_type`.
    public enum Kind: Int, Sendable, Hashable {
        /// 0: booked in real time, no notice.
        case realTime = 0
        /// 1: up to the same day, at least `priorNoticeMinimum` minutes ahead.
        case sameDay = 1
        /// 2: up to `priorNoticeLastDay` days before, by `priorNoticeLastTime`.
        case priorDays = 2
    }

    public var id: String
    public var kind: Kind
    /// Minutes (booking_type 1).
    public var priorNoticeMinimum: Int?
    public var priorNoticeMaximum: Int?
    /// Days before travel, and the time on that day (seconds after midnight), for booking_type 2.
    public var priorNoticeLastDay: Int?
    public var priorNoticeLastTime: Int32?
    public var priorNoticeStartDay: Int?
    public var priorNoticeStartTime: Int32?
    /// The service whose days count as days for `priorNoticeLastDay` (e.g. working days only);
    /// index into ``Feed/services``.
    public var priorNoticeService: Int32?
    public var message: String
    public var phoneNumber: String
    public var infoURL: String
    public var bookingURL: String
}

/// A zone where a demand-responsive vehicle picks up or drops off (`locations.geojson`).
public struct FlexLocation: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Polygons, each an outer ring followed by its holes; rings are closed lists of positions.
    public var polygons: [[[Coordinate]]] {
        didSet { bounds = Self.bounds(of: polygons) }
    }
    /// The outer rings' extent (south, west, north, east, degrees): a point outside it is in
    /// no polygon, which spares the ray casting for most zones a point is tested against.
    private var bounds: (south: Double, west: Double, north: Double, east: Double)

    public init(id: String, name: String, polygons: [[[Coordinate]]]) {
        self.id = id
        self.name = name
        self.polygons = polygons
        bounds = Self.bounds(of: polygons)
    }

    public static func == (a: FlexLocation, b: FlexLocation) -> Bool { a.id == b.id && a.name == b.name && a.polygons == b.polygons }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(polygons)
    }

    private static func bounds(of polygons: [[[Coordinate]]]) -> (south: Double, west: Double, north: Double, east: Double) {
        var box = (south: Double.infinity, west: Double.infinity, north: -Double.infinity, east: -Double.infinity)
        for point in polygons.compactMap(\.first).joined() {
            box.south = min(box.south, point.latitude)
            box.north = max(box.north, point.latitude)
            box.west = min(box.west, point.longitude)
            box.east = max(box.east, point.longitude)
        }
        return box
    }

    /// Whether `point` lies inside the zone (ray casting; a point on the border may go either way).
    public func contains(_ point: Coordinate) -> Bool {
        guard point.latitude >= bounds.south, point.latitude <= bounds.north, point.longitude >= bounds.west, point.longitude <= bounds.east
        else { return false }
        return polygons.contains { rings in
            guard let outer = rings.first, FlexLocation.ring(outer, contains: point) else { return false }
            return !rings.dropFirst().contains { FlexLocation.ring($0, contains: point) }
        }
    }

    static func ring(_ ring: [Coordinate], contains point: Coordinate) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in ring.indices {
            let a = ring[i], b = ring[j]
            if (a.latitude > point.latitude) != (b.latitude > point.latitude) {
                let crossing = (b.longitude - a.longitude) * (point.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude
                if point.longitude < crossing { inside.toggle() }
            }
            j = i
        }
        return inside
    }

    /// The mean of the outer ring's vertices: a representative point for messages and maps.
    public var center: Coordinate? {
        guard let ring = polygons.first?.first, !ring.isEmpty else { return nil }
        let lat = ring.map(\.latitude).reduce(0, +) / Double(ring.count)
        let lon = ring.map(\.longitude).reduce(0, +) / Double(ring.count)
        return Coordinate(latitude: lat, longitude: lon)
    }
}

/// A named set of stops served together (`location_groups.txt` + `location_group_stops.txt`).
public struct LocationGroup: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Stop indices into ``Feed/stops``.
    public var stops: [Int32]
}

/// A call of a demand-responsive trip: a zone, a group of stops or a stop, served within a
/// time window instead of at a fixed time (GTFS-Flex rows of `stop_times.txt`).
public struct FlexStopTime: Sendable, Hashable {
    public enum Place: Sendable, Hashable {
        case stop(Int32)
        case location(Int32)
        case group(Int32)
    }

    /// Index into ``Feed/trips``.
    public var trip: Int32
    public var sequence: Int32
    public var place: Place
    /// Seconds after the service day's noon − 12 h.
    public var windowStart: Int32
    public var windowEnd: Int32
    /// 0 regular, 1 none, 2 must phone/book, 3 ask the driver.
    public var pickupType: UInt8
    public var dropOffType: UInt8
    /// Indices into ``Feed/bookingRules``.
    public var pickupBookingRule: Int32?
    public var dropOffBookingRule: Int32?
    public var line: Int32

    public var allowsPickup: Bool { pickupType != 1 }
    public var allowsDropOff: Bool { dropOffType != 1 }
}
