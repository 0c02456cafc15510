//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

public import GTFS
public import Roads
import Synchronization

/// Road and walking times on an OpenStreetMap street network (a `.roads` file): the fastest
/// drive on the car profile, walks on the foot or wheelchair profile.
///
/// Each end snaps to the nearest node of the profile's network (ROADS.md). The stretch between
/// the address and that node is added in a straight line: for a drive at ``accessSpeed`` (the
/// car park, the drive), for a walk at the walking speed. A walk whose end is farther than
/// ``walkSnapLimit`` from every footway has no answer (`nil`): the planner says why instead of
/// inventing a time. Thread-safe: each query borrows a router (scratch memory) from a pool.
public final class NetworkRoadModel: RoadModel {
    public let network: RoadNetwork
    /// Metres per second on foot and in a wheelchair.
    public let walkingSpeed: Double
    public let wheelchairSpeed: Double
    /// Metres per second over the stretch between an address and the car network.
    public let accessSpeed: Double = 15 / 3.6
    /// Metres: a walk's end farther than this from the foot (or wheelchair) network is refused.
    public let walkSnapLimit: Double = 500
    /// Metres: a drive with an end farther than this from the car network (outside the
    /// extract) takes the straight-line estimate: the network cannot say how to get there.
    public let driveSnapLimit: Double = 2000
    /// Where the network came from, as answers state it.
    public let source: String
    private let routers = Mutex<[RoadRouter]>([])

    public init(network: RoadNetwork, source: String, walkingSpeed: Double = 1.2, wheelchairSpeed: Double = 1.0) {
        self.network = network
        self.source = source
        self.walkingSpeed = walkingSpeed
        self.wheelchairSpeed = wheelchairSpeed
    }

    /// Loads a `.roads` file.
    public convenience init(path: String, walkingSpeed: Double = 1.2) throws {
        // The file's name, not its folder: answers state it, and it should read the same on
        // every machine.
        self.init(network: try RoadNetwork(contentsOf: path), source: String(path.split(separator: "/").last ?? Substring(path)), walkingSpeed: walkingSpeed)
    }

    public var description: String { "road network: \(source)" }

    private func withRouter<T>(_ body: (inout RoadRouter) -> T) -> T {
        var router = routers.withLock { $0.popLast() } ?? RoadRouter(network: network)
        let result = body(&router)
        routers.withLock { $0.append(router) }
        return result
    }

    private func snap(_ profile: RoadProfile, _ point: Coordinate, limit: Double?) -> RoadPoint? {
        if case .success(let p) = network.snap(profile, latitude: point.latitude, longitude: point.longitude, limit: limit) { return p }
        return nil
    }

    public func drive(from origin: Coordinate, to destination: Coordinate) -> RoadLeg {
        guard let a = snap(.car, origin, limit: driveSnapLimit), let b = snap(.car, destination, limit: driveSnapLimit),
            let route = withRouter({ $0.route(from: a, to: b) })
        else {
            // An end beyond the extract (or an extract without roads): the estimate stands in.
            return StraightLineRoadModel().drive(from: origin, to: destination)
        }
        let access = a.snapMetres + b.snapMetres
        let seconds = route.seconds + access / accessSpeed
        return RoadLeg(metres: route.metres + access, seconds: Int32(seconds.rounded(.up)))
    }

    public func walk(from origin: Coordinate, to destination: Coordinate, as profile: WalkProfile) -> WalkLeg? {
        walks(from: origin, to: [destination], as: profile)[0]
    }

    public func walks(from origin: Coordinate, to destinations: [Coordinate], as profile: WalkProfile) -> [WalkLeg?] {
        let roadProfile: RoadProfile = profile == .wheelchair ? .wheelchair : .foot
        let speed = profile == .wheelchair ? wheelchairSpeed : walkingSpeed
        guard let a = snap(roadProfile, origin, limit: walkSnapLimit) else { return destinations.map { _ in nil } }
        let ends = destinations.map { snap(roadProfile, $0, limit: walkSnapLimit) }
        let reachable = ends.compactMap { $0 }
        let table = withRouter { $0.matrix(roadProfile, sources: [a], targets: reachable, speed: speed) }
        var column = 0
        return ends.map { end -> WalkLeg? in
            guard let end else { return nil }
            defer { column += 1 }
            guard let answer = table[0, column] else { return nil }
            let access = a.snapMetres + end.snapMetres
            return WalkLeg(metres: answer.metres + access, seconds: Int32((answer.seconds + access / speed).rounded(.up)))
        }
    }
}
