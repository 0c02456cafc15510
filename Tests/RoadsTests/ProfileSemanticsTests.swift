//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

@testable import Roads
import Testing

/// ROADS.md v1 on tiny hand-written networks: each test builds an extract, prepares it and
/// asks the question the rule decides.
@Suite struct ProfileSemanticsTests {
    /// Nodes 1…n on a west–east line near Enschede, 100 m apart (0.00147° of longitude).
    static func line(_ count: Int, from first: Int64 = 1) -> PBFBuilder {
        var b = PBFBuilder()
        for i in 0..<count { b = b.node(first + Int64(i), 52.2, 6.89 + Double(i) * 0.00147) }
        return b
    }

    static func network(_ builder: PBFBuilder) throws -> RoadNetwork {
        RoadNetwork(extract: try builder.read(), source: "test.osm.pbf")
    }

    /// Seconds between two OSM nodes of a profile (snapping on their exact positions), `nil`
    /// when either is not in the profile's largest component or there is no route.
    static func seconds(_ net: RoadNetwork, _ profile: RoadProfile, _ a: Int64, _ b: Int64, speed: Double? = nil) -> Double? {
        let p = net.network(profile)
        guard let ia = p.osmIDs.firstIndex(of: a), let ib = p.osmIDs.firstIndex(of: b) else { return nil }
        guard case .success(let from) = net.snap(profile, latitude: Double(p.latitudes[ia]) / 1e7, longitude: Double(p.longitudes[ia]) / 1e7),
            case .success(let to) = net.snap(profile, latitude: Double(p.latitudes[ib]) / 1e7, longitude: Double(p.longitudes[ib]) / 1e7),
            from.osmID == a, to.osmID == b
        else { return nil }
        var router = RoadRouter(network: net)
        return router.route(from: from, to: to, speed: speed)?.seconds
    }

    static func metres(_ net: RoadNetwork, _ profile: RoadProfile, _ a: Int64, _ b: Int64) -> Double {
        let p = net.network(profile)
        let ia = p.osmIDs.firstIndex(of: a)!, ib = p.osmIDs.firstIndex(of: b)!
        return Haversine.metres(e7: p.latitudes[ia], p.longitudes[ia], p.latitudes[ib], p.longitudes[ib])
    }

    @Test func carSpeedComesFromTheHighwayTable() throws {
        let net = try Self.network(Self.line(2).way(10, nodes: [1, 2], tags: ["highway": "residential"]))
        let seconds = try #require(Self.seconds(net, .car, 1, 2))
        #expect(abs(seconds - Self.metres(net, .car, 1, 2) / (25 / 3.6)) < 0.002)
    }

    @Test(arguments: [("80", 64.0), ("7.5", 6.0), ("30 mph", 0.8 * 30 * 1.609344)])
    func maxspeedThatROADSAcceptsIsTakenAtEightyPercent(value: String, kmh: Double) throws {
        let net = try Self.network(Self.line(2).way(10, nodes: [1, 2], tags: ["highway": "primary", "maxspeed": value]))
        let seconds = try #require(Self.seconds(net, .car, 1, 2))
        #expect(abs(seconds - Self.metres(net, .car, 1, 2) / (kmh / 3.6)) < 0.002)
    }

    @Test(arguments: ["50 km/h", "NL:urban", "none", "50;30", "0", "30mph", "30 MPH", "-5", "1e2", " 50"])
    func otherMaxspeedFormatsGiveTheTableSpeed(value: String) throws {
        let net = try Self.network(Self.line(2).way(10, nodes: [1, 2], tags: ["highway": "primary", "maxspeed": value]))
        let seconds = try #require(Self.seconds(net, .car, 1, 2))
        #expect(abs(seconds - Self.metres(net, .car, 1, 2) / (65 / 3.6)) < 0.002)
    }

    @Test func maxspeedHasNoCap() throws {
        let net = try Self.network(Self.line(2).way(10, nodes: [1, 2], tags: ["highway": "motorway", "maxspeed": "200", "oneway": "no"]))
        let seconds = try #require(Self.seconds(net, .car, 1, 2))
        #expect(abs(seconds - Self.metres(net, .car, 1, 2) / (160 / 3.6)) < 0.002)
    }

    /// A one-way street 1→2 with a slow two-way detour 2→3→1 back: the direction decides.
    static func oneway(_ tags: KeyValuePairs<String, String>) throws -> (forward: Double, backward: Double) {
        let b = PBFBuilder().node(1, 52.2, 6.89).node(2, 52.2, 6.8915).node(3, 52.201, 6.89075)
            .way(10, nodes: [1, 2], tags: tags)
            .way(11, nodes: [2, 3, 1], tags: ["highway": "living_street"])
        let net = try network(b)
        return (try #require(seconds(net, .car, 1, 2)), try #require(seconds(net, .car, 2, 1)))
    }

    @Test(arguments: ["yes", "1", "true"])
    func onewayForward(value: String) throws {
        let t = try Self.oneway(["highway": "residential", "oneway": value])
        #expect(t.forward < t.backward / 2)
    }

    @Test(arguments: ["-1", "reverse"])
    func onewayReverse(value: String) throws {
        let t = try Self.oneway(["highway": "residential", "oneway": value])
        #expect(t.backward < t.forward / 2)
    }

    @Test(arguments: ["no", "0", "false"])
    func explicitlyBothWaysEvenOnAMotorway(value: String) throws {
        let t = try Self.oneway(["highway": "motorway", "oneway": value])
        #expect(abs(t.forward - t.backward) < 0.01)
    }

    @Test func motorwaysAndRoundaboutsAreOnewayUnlessTagged() throws {
        for tags: KeyValuePairs<String, String> in [
            ["highway": "motorway"], ["highway": "motorway_link"], ["highway": "residential", "junction": "roundabout"],
            ["highway": "tertiary", "junction": "circular"], ["highway": "motorway", "oneway": "maybe"],
        ] {
            let t = try Self.oneway(tags)
            #expect(t.forward < t.backward / 2, "\(tags)")
        }
        let t = try Self.oneway(["highway": "residential", "oneway": "alternating"])
        #expect(abs(t.forward - t.backward) < 0.01)
    }

    @Test func footIgnoresOneway() throws {
        let b = PBFBuilder().node(1, 52.2, 6.89).node(2, 52.2, 6.8915)
            .way(10, nodes: [1, 2], tags: ["highway": "residential", "oneway": "yes"])
        let net = try Self.network(b)
        #expect(Self.seconds(net, .foot, 2, 1) != nil)
        #expect(Self.seconds(net, .car, 2, 1) == nil, "node 2 has no way back by car: it is not in the largest component")
    }

    /// The most specific access tag present decides: motorcar, then motor_vehicle, then access.
    @Test(arguments: [
        (["access": "no"], false), (["access": "private"], false), (["access": "agricultural"], false), (["access": "forestry"], false),
        (["access": "delivery"], false), (["access": "destination"], true), (["access": "yes"], true),
        (["access": "no", "motor_vehicle": "yes"], true), (["access": "yes", "motor_vehicle": "no"], false),
        (["motor_vehicle": "no", "motorcar": "yes"], true), (["motor_vehicle": "yes", "motorcar": "private"], false),
        (["access": "no", "motorcar": "designated"], true),
    ])
    func carAccessPrecedence(tags: [String: String], allowed: Bool) throws {
        var all: [String: String] = ["highway": "residential"]
        all.merge(tags) { a, _ in a }
        let pairs = all.sorted { $0.key < $1.key }
        var b = Self.line(3).way(10, nodes: [1, 2], tags: ["highway": "residential"])
        // Build the way under test from (key, value) pairs.
        b = b.way(11, nodes: [2, 3], tagList: pairs.map { ($0.key, $0.value) })
        let net = try Self.network(b)
        #expect((Self.seconds(net, .car, 1, 3) != nil) == allowed, "\(tags)")
    }

    @Test func carRoadsAreOnlyTheTable() throws {
        for (highway, allowed) in [("cycleway", false), ("footway", false), ("track", false), ("living_street", true), ("service", true), ("trunk_link", true)] {
            let net = try Self.network(Self.line(3).way(10, nodes: [1, 2], tags: ["highway": "residential"]).way(11, nodes: [2, 3], tags: ["highway": highway]))
            #expect((Self.seconds(net, .car, 1, 3) != nil) == allowed, "\(highway)")
        }
    }

    @Test func stepsAreSlowOnFootAndClosedToWheelchairs() throws {
        // 1–2 steps; 1–3–2 a footway detour.
        let b = PBFBuilder().node(1, 52.2, 6.89).node(2, 52.2, 6.8915).node(3, 52.2008, 6.89075)
            .way(10, nodes: [1, 2], tags: ["highway": "steps"])
            .way(11, nodes: [1, 3, 2], tags: ["highway": "footway"])
        let net = try Self.network(b)
        let metres = Self.metres(net, .foot, 1, 2)
        let foot = try #require(Self.seconds(net, .foot, 1, 2))
        #expect(abs(foot - metres / 0.6) < 0.01, "steps at half of 1.2 m/s: \(foot)")
        let wheelchair = try #require(Self.seconds(net, .wheelchair, 1, 2))
        let detour = Self.metres(net, .foot, 1, 3) + Self.metres(net, .foot, 3, 2)
        #expect(abs(wheelchair - detour / 1.0) < 0.01, "the wheelchair takes the footway: \(wheelchair)")
        let faster = try #require(Self.seconds(net, .foot, 1, 2, speed: 2.4))
        #expect(abs(faster - metres / 1.2) < 0.01, "the speed parameter scales every arc")
    }

    @Test func wheelchairNoAndFootRules() throws {
        func usable(_ tags: KeyValuePairs<String, String>, _ profile: RoadProfile) throws -> Bool {
            let net = try Self.network(Self.line(3).way(10, nodes: [1, 2], tags: ["highway": "footway"]).way(11, nodes: [2, 3], tags: tags))
            return Self.seconds(net, profile, 1, 3) != nil
        }
        #expect(try !usable(["highway": "footway", "wheelchair": "no"], .wheelchair))
        #expect(try usable(["highway": "footway", "wheelchair": "no"], .foot))
        #expect(try !usable(["highway": "motorway", "foot": "yes"], .foot))
        #expect(try !usable(["highway": "trunk"], .foot))
        #expect(try usable(["highway": "trunk", "foot": "designated"], .foot))
        #expect(try !usable(["highway": "residential", "foot": "use_sidepath"], .foot))
        #expect(try !usable(["highway": "residential", "access": "private"], .foot))
        #expect(try usable(["highway": "residential", "access": "no", "foot": "permissive"], .foot))
        #expect(try usable(["highway": "platform"], .foot))
        #expect(try !usable(["highway": "bus_guideway"], .foot))
        #expect(try usable(["highway": "pedestrian", "area": "yes"], .wheelchair))
    }

    @Test func snappingTieGoesToTheSmallerOSMID() throws {
        // Two unconnected footways whose end nodes 7 and 5 share a position.
        let b = PBFBuilder().node(7, 52.2, 6.89).node(8, 52.2, 6.8915).node(5, 52.2, 6.89).node(6, 52.201, 6.89)
            .node(9, 52.201, 6.8915)
            .way(10, nodes: [7, 8, 9, 6, 5], tags: ["highway": "footway"])
        let net = try Self.network(b)
        guard case .success(let p) = net.snap(.foot, latitude: 52.2, longitude: 6.89) else { Issue.record("no snap"); return }
        #expect(p.osmID == 5)
        #expect(p.snapMetres == 0)
    }

    @Test func snappingUsesOnlyTheLargestComponentAndRefusesFarPoints() throws {
        // A big footway (nodes 1–4) and an island (20–21) right at the query point.
        let b = Self.line(4).node(20, 52.25, 6.89).node(21, 52.2501, 6.89)
            .way(10, nodes: [1, 2, 3, 4], tags: ["highway": "footway"])
            .way(11, nodes: [20, 21], tags: ["highway": "footway"])
        let net = try Self.network(b)
        guard case .success(let p) = net.snap(.foot, latitude: 52.25, longitude: 6.89) else { Issue.record("no snap"); return }
        #expect(p.osmID == 1, "the island is not part of the largest component")
        guard case .failure(let why) = net.snap(.foot, latitude: 52.25, longitude: 6.89, limit: 1000) else {
            Issue.record("a point 5.5 km away was snapped within 1 km")
            return
        }
        #expect(why.description.contains("road is 5"))
        if case .success = net.snap(.car, latitude: 52.2, longitude: 6.89) { Issue.record("no car roads, yet a car snap") }
    }

    @Test func clippedExtractsCutWaysAtMissingNodes() throws {
        // Way 1–2–(99 missing)–3–4: the segments touching 99 are dropped, 2 and 3 are not joined.
        let b = Self.line(4).way(10, nodes: [1, 2, 99, 3, 4], tags: ["highway": "residential"])
        let extract = try b.read()
        let graph = ProfileGraph(extract: extract, profile: .car)
        #expect(graph.missingNodeReferences == 1)
        #expect(graph.droppedSegments == 2)
        #expect(graph.segments == 2)
        #expect(graph.nodeCount == 4)
        let net = RoadNetwork(extract: extract, source: "t")
        #expect(Self.seconds(net, .car, 1, 4) == nil)
    }

    @Test func aBoundingBoxClipsLikeAnExtract() throws {
        let b = Self.line(5).way(10, nodes: [1, 2, 3, 4, 5], tags: ["highway": "residential"])
        // Keep nodes 1–3 only (longitude up to 6.8931).
        let extract = try b.read(clippedTo: BoundingBox(minLongitude: 6.88, minLatitude: 52.1, maxLongitude: 6.8931, maxLatitude: 52.3))
        #expect(extract.nodeIDs == [1, 2, 3])
        let net = RoadNetwork(extract: extract, source: "t")
        #expect(net.summary(.car).nodes == 3)
    }

    @Test func selfLoopsAndParallelWays() throws {
        // A repeated node is dropped; of two parallel ways the faster one counts.
        let b = Self.line(2).way(10, nodes: [1, 1, 2], tags: ["highway": "residential"])
            .way(11, nodes: [1, 2], tags: ["highway": "primary"])
        let net = try Self.network(b)
        let seconds = try #require(Self.seconds(net, .car, 1, 2))
        #expect(abs(seconds - Self.metres(net, .car, 1, 2) / (65 / 3.6)) < 0.002)
        #expect(net.summary(.car).segments == 2)
    }
}
