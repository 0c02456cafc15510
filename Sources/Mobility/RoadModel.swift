//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS

/// A way between two points along the roads, driven (``RoadModel/drive(from:to:)``) or
/// walked (``RoadModel/walk(from:to:as:)``): its length and how long it takes.
public struct RoadLeg: Sendable, Hashable {
    /// Metres along the road.
    public var metres: Double
    /// Seconds of driving, door to door (getting in and out not included), or of walking,
    /// rounded up.
    public var seconds: Int32

    public init(metres: Double, seconds: Int32) {
        self.metres = metres
        self.seconds = seconds
    }

    public var kilometres: Double { metres / 1000 }
}

/// A walk between two points, on foot or in a wheelchair: a road leg walked.
public typealias WalkLeg = RoadLeg

/// Who walks: on foot, or in a wheelchair (no steps, slower; ROADS.md).
public enum WalkProfile: String, Sendable, Hashable {
    case foot
    case wheelchair
}

/// Road travel and walking times, shared by the planner, the dispatcher and the simulator so
/// that the three agree on every promise. Two implementations: ``StraightLineRoadModel`` (an
/// estimate from the straight line) and ``NetworkRoadModel`` (an OpenStreetMap street network).
public protocol RoadModel: Sendable, CustomStringConvertible {
    /// The drive from `origin` to `destination`.
    func drive(from origin: Coordinate, to destination: Coordinate) -> RoadLeg

    /// The walk from `origin` to `destination`; `nil` when there is none (an end too far from
    /// any footway of the network).
    func walk(from origin: Coordinate, to destination: Coordinate, as profile: WalkProfile) -> WalkLeg?

    /// Walks from one point to many (a point to the stops around it); the network answers
    /// these in one search.
    func walks(from origin: Coordinate, to destinations: [Coordinate], as profile: WalkProfile) -> [WalkLeg?]

    /// Which model gave the times, as every answer states it: "road network: F" or
    /// "straight-line estimate".
    var description: String { get }
}

extension RoadModel {
    public func walks(from origin: Coordinate, to destinations: [Coordinate], as profile: WalkProfile) -> [WalkLeg?] {
        destinations.map { walk(from: origin, to: $0, as: profile) }
    }
}

/// The default road model: straight-line distance × a detour factor, driven at a speed that
/// grows with the trip's length (village streets at the ends, provincial roads between).
///
/// Calibration for Twente (documented in the README): road distance = 1.3 × straight line
/// (the usual factor for rural road networks; 1.2–1.4 in the literature); a fixed 2 minutes for
/// starting, parking and village streets; then 30 km/h for the first 2 km, 50 km/h up to
/// 10 km and 70 km/h beyond. Westerhaar – ZGT Almelo (12.1 km straight) comes out at 15.7 km
/// and 20.5 minutes, in line with what route planners give for that drive (about 16–17 km,
/// 20 minutes).
public struct StraightLineRoadModel: RoadModel, Sendable, Hashable {
    /// Road distance ÷ straight-line distance.
    public var detourFactor: Double = 1.3
    /// Walking: metres per second, and walking distance ÷ straight-line distance (the
    /// timetable's defaults, so that walks to stops and between them agree).
    public var walkingSpeed: Double = 1.2
    public var walkingDetourFactor: Double = 1.3
    /// Seconds added to every drive.
    public var fixedSeconds: Double = 120
    /// (up to metres of road, speed in km/h) bands, in increasing order; the last applies beyond.
    public var speedBands: [SpeedBand] = [
        SpeedBand(upToMetres: 2_000, kilometresPerHour: 30),
        SpeedBand(upToMetres: 10_000, kilometresPerHour: 50),
        SpeedBand(upToMetres: .infinity, kilometresPerHour: 70),
    ]

    public struct SpeedBand: Sendable, Hashable {
        public var upToMetres: Double
        public var kilometresPerHour: Double
    }

    public init() {}

    /// The walking speed and detour of a timetable's options.
    public init(walkingSpeed: Double, walkingDetourFactor: Double) {
        self.walkingSpeed = walkingSpeed
        self.walkingDetourFactor = walkingDetourFactor
    }

    public var description: String { "straight-line estimate" }

    /// Straight line × the walking detour at the walking speed, whoever walks (the estimate
    /// knows no steps).
    public func walk(from origin: Coordinate, to destination: Coordinate, as profile: WalkProfile) -> WalkLeg? {
        let straight = origin.distance(to: destination)
        return WalkLeg(metres: straight * walkingDetourFactor, seconds: Int32((straight * walkingDetourFactor / walkingSpeed).rounded(.up)))
    }

    public func drive(from origin: Coordinate, to destination: Coordinate) -> RoadLeg {
        let metres = origin.distance(to: destination) * detourFactor
        if metres < 1 { return RoadLeg(metres: 0, seconds: 0) }
        var seconds = fixedSeconds
        var covered = 0.0
        for band in speedBands where covered < metres {
            let stretch = min(metres, band.upToMetres) - covered
            seconds += stretch / (band.kilometresPerHour / 3.6)
            covered += stretch
        }
        return RoadLeg(metres: metres, seconds: Int32(seconds.rounded(.up)))
    }
}
