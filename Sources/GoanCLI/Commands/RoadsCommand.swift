//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import ArgumentParser
import Foundation
import GTFS
import Roads

extension GoanCommand {
    /// `goan roads build|info|route|batch`: the OpenStreetMap street network.
    struct RoadsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roads", abstract: "Prepare and query an OpenStreetMap street network (car, foot, wheelchair).",
            discussion: """
                `build` reads an OSM extract (.osm.pbf) once and writes a .roads file with the three profiles \
                of ROADS.md v1; `info`, `route` and `batch` answer from it, as do plan, dispatch, simulate and \
                serve with --roads F.roads.
                """,
            subcommands: [Build.self, Info.self, Route.self, Batch.self])
    }
}

/// Loads a `.roads` file for a command, with the time it took.
func loadRoadNetwork(_ path: String) throws -> (RoadNetwork, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let network = try RoadNetwork(contentsOf: path)
    return (network, (clock.now - start).seconds)
}

extension Duration {
    /// Seconds as a double.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// `LAT,LON` in degrees.
func parseCoordinate(_ text: String, option: String) throws -> (latitude: Double, longitude: Double) {
    guard let point = Coordinate(parsing: text) else {
        throw ValidationError("\(option) '\(text)' is not a coordinate (expected LAT,LON in degrees, e.g. 47.1410,9.5209)")
    }
    return (point.latitude, point.longitude)
}

extension RoadNetwork {
    /// The nearest node of `profile` to a coordinate (within `limit` metres), or an error that
    /// names `place`: the option or the query file's line that gave the coordinate.
    func snapped(_ profile: RoadProfile, latitude: Double, longitude: Double, limit: Double? = nil, place: String) throws -> RoadPoint {
        switch snap(profile, latitude: latitude, longitude: longitude, limit: limit) {
        case .success(let point): return point
        case .failure(let why): throw CLIError("\(place): \(why)")
        }
    }
}

/// What every road query names: `--roads F.roads`, `--profile car|foot|wheelchair`, `--speed`.
struct RoadQueryArguments: ParsableArguments {
    @Option(help: "The prepared network (.roads).")
    var roads: String

    @Option(help: "car, foot or wheelchair.")
    var profile: String

    @Option(help: "Walking or wheelchair speed in m/s (defaults 1.2 and 1.0; not for car).")
    var speed: Double?

    func resolved() throws -> (RoadProfile, Double?) {
        guard let p = RoadProfile(rawValue: profile) else {
            throw ValidationError("--profile '\(profile)' is not a profile (car, foot or wheelchair)")
        }
        if let speed {
            guard p != .car else { throw ValidationError("--speed is for foot and wheelchair; car speeds come from the roads' tags") }
            guard speed > 0, speed.isFinite, speed < 50 else { throw ValidationError("--speed must be a positive number of m/s below 50") }
        }
        return (p, speed)
    }
}

extension GoanCommand.RoadsCommand {
    struct Build: PrintingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prepare the three profiles of an OSM extract into a .roads file.",
            discussion: """
                Reads every way with a highway tag and the nodes they use; nodes outside --bbox are left out \
                (ways are cut there, as in a clipped extract). Ends with: build_s=… nodes=… (all profiles).
                """)

        @Option(help: "The OSM extract (.osm.pbf).")
        var pbf: String

        @Option(help: "Keep only this box: minLon,minLat,maxLon,maxLat (degrees).")
        var bbox: String?

        @Option(help: "Where to write the prepared network (.roads).")
        var out: String

        func execute() throws -> String {
            var clip: BoundingBox?
            if let bbox {
                guard let box = BoundingBox(parsing: bbox) else {
                    throw ValidationError("--bbox '\(bbox)' is not a box (expected minLon,minLat,maxLon,maxLat, e.g. 6.4,52.1,7.1,52.5)")
                }
                clip = box
            }
            let clock = ContinuousClock()
            let start = clock.now
            let extract = try OSMExtract.read(pbfAt: pbf, clippedTo: clip)
            let readSeconds = (clock.now - start).seconds
            let network = RoadNetwork(extract: extract, source: (pbf as NSString).lastPathComponent, clip: clip)
            let buildSeconds = (clock.now - start).seconds
            do { try network.write(to: out) } catch { throw CLIError("cannot write \(out): \(error.localizedDescription)") }
            let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            var lines = ["\(pbf): \(extract.ways.count) highway ways, \(extract.nodeIDs.count) nodes read in \(String(format: "%.2f", readSeconds)) s"]
            for profile in RoadProfile.allCases {
                let s = network.summary(profile)
                lines.append(String(format: "%@: %d nodes, %d arcs, %d shortcuts; largest component %d nodes", profile.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0), s.nodes, s.arcs, s.shortcuts, s.componentNodes))
            }
            lines.append("wrote \(out) (\(String(format: "%.1f", Double(size) / 1_048_576)) MB)")
            let nodes = RoadProfile.allCases.map { network.summary($0).nodes }.reduce(0, +)
            lines.append(String(format: "build_s=%.3f read_s=%.3f nodes=%d file_mb=%.1f", buildSeconds, readSeconds, nodes, Double(size) / 1_048_576))
            return lines.joined(separator: "\n")
        }
    }

    struct Info: PrintingCommand {
        static let configuration = CommandConfiguration(abstract: "Print a .roads file's counts, bounding box and memory.")

        @Argument(help: "A .roads file (from `goan roads build`).")
        var path: String

        func execute() throws -> String {
            let (network, seconds) = try loadRoadNetwork(path)
            var lines = ["\((path as NSString).lastPathComponent): road network of \(network.source) (format \(RoadsFile.formatVersion), profiles v\(RoadProfile.version))"]
            if let clip = network.clip { lines.append("clipped to:   \(clip)") }
            if let b = network.bounds {
                lines.append(String(format: "bounding box: %.5f,%.5f,%.5f,%.5f (minLon,minLat,maxLon,maxLat)", b.minLongitude, b.minLatitude, b.maxLongitude, b.maxLatitude))
            }
            lines.append("profile        nodes       arcs  shortcuts  component  components        km  memory  order")
            for profile in RoadProfile.allCases {
                let s = network.summary(profile)
                lines.append(String(
                    format: "%@ %10d %10d %10d %10d %11d %9.1f  %.1f MB  %@", profile.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0),
                    s.nodes, s.arcs, s.shortcuts, s.componentNodes, s.components, s.kilometres, Double(s.memoryBytes) / 1_048_576,
                    s.treeHeight.map { "nested dissection, tree height \($0)" } ?? "greedy"))
            }
            lines.append(String(format: "memory: %.1f MB; loaded in %.0f ms", Double(network.memoryBytes) / 1_048_576, seconds * 1000))
            return lines.joined(separator: "\n")
        }
    }

    struct Route: PrintingCommand {
        static let configuration = CommandConfiguration(
            abstract: "The fastest way between two coordinates on one profile.",
            discussion: "Both ends snap to the nearest node of the profile's largest connected part of the network (ROADS.md).")

        @OptionGroup var query: RoadQueryArguments

        @Option(help: "Start: LAT,LON in degrees.")
        var from: String

        @Option(help: "End: LAT,LON in degrees.")
        var to: String

        @Option(help: "Refuse an end farther than this many metres from the nearest road.")
        var maxSnap: Double = 1000

        @Flag(help: "Print JSON (with the path's geometry).")
        var json = false

        func execute() throws -> String {
            let (profile, speed) = try query.resolved()
            let origin = try parseCoordinate(from, option: "--from")
            let destination = try parseCoordinate(to, option: "--to")
            let (network, _) = try loadRoadNetwork(query.roads)
            let a = try network.snapped(profile, latitude: origin.latitude, longitude: origin.longitude, limit: maxSnap, place: "--from")
            let b = try network.snapped(profile, latitude: destination.latitude, longitude: destination.longitude, limit: maxSnap, place: "--to")
            var router = RoadRouter(network: network)
            guard let route = router.route(from: a, to: b, speed: speed, geometry: json) else {
                throw CLIError("no \(profile) route from OSM node \(a.osmID) to OSM node \(b.osmID)")
            }
            let model = "road network: \(network.source)"
            if json {
                let document = RouteDocument(
                    profile: profile.rawValue, seconds: route.seconds, metres: route.metres, roadModel: model,
                    from: .init(a), to: .init(b), geometry: route.geometry.map { [$0.latitude, $0.longitude] })
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                return String(decoding: try encoder.encode(document), as: UTF8.self)
            }
            return [
                String(format: "%@: %@, %.2f km (%.1f s, %.0f m)", profile.rawValue, Self.minutes(route.seconds), route.metres / 1000, route.seconds, route.metres),
                String(format: "from OSM node %lld (%.0f m from %@) to OSM node %lld (%.0f m from %@)", a.osmID, a.snapMetres, from, b.osmID, b.snapMetres, to),
                model,
            ].joined(separator: "\n")
        }

        static func minutes(_ seconds: Double) -> String {
            let total = Int(seconds.rounded())
            return total >= 60 ? "\(total / 60) min \(total % 60) s" : "\(total) s"
        }

        struct RouteDocument: Encodable {
            var profile: String
            var seconds: Double
            var metres: Double
            var roadModel: String
            var from: End
            var to: End
            /// [latitude, longitude] per node of the path.
            var geometry: [[Double]]

            struct End: Encodable {
                var osmNode: Int64
                var latitude: Double
                var longitude: Double
                var snapMetres: Double
                init(_ p: RoadPoint) {
                    osmNode = p.osmID
                    latitude = p.latitude
                    longitude = p.longitude
                    snapMetres = (p.snapMetres * 10).rounded() / 10
                }
            }
        }
    }

    struct Batch: PrintingCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer a CSV of road queries (from_lat,from_lon,to_lat,to_lon), as the peer tool osm_ref.py does.",
            discussion: """
                Writes from_lat,from_lon,to_lat,to_lon,from_node,to_node,seconds,metres (OSM node ids as snapped; \
                no snapping limit). Ends with: queries=N median_ms=… p95_ms=… load_s=… [matrix_ms=…]; the query \
                times exclude snapping; --matrix N times an N×N table (the from-nodes of the first N queries to \
                their to-nodes).
                """)

        @OptionGroup var query: RoadQueryArguments

        @OptionGroup var batch: BatchArguments<RoadQueryFile>

        @Option(help: "Also time an N×N matrix.")
        var matrix: Int?

        func execute() throws -> String {
            let (profile, speed) = try query.resolved()
            try batch.timing.check()
            if let matrix, !(1...10_000).contains(matrix) { throw ValidationError("--matrix must be within 1…10000") }
            let rows = try batch.readQueries()
            let (network, loadSeconds) = try loadRoadNetwork(query.roads)
            var points: [(RoadPoint, RoadPoint)] = []
            for row in rows {
                let place = "\(batch.queries):\(row.line)"
                points.append((
                    try network.snapped(profile, latitude: row.fromLatitude, longitude: row.fromLongitude, place: place),
                    try network.snapped(profile, latitude: row.toLatitude, longitude: row.toLongitude, place: place)))
            }
            var router = RoadRouter(network: network)
            var lines = ["from_lat,from_lon,to_lat,to_lon,from_node,to_node,seconds,metres"]
            for (row, (a, b)) in zip(rows, points) {
                let route = router.route(from: a, to: b, speed: speed)
                let seconds = route.map { String(format: "%.3f", $0.seconds) } ?? "inf"
                let metres = route.map { String(format: "%.3f", $0.metres) } ?? "inf"
                lines.append("\(row.text),\(a.osmID),\(b.osmID),\(seconds),\(metres)")
            }
            try batch.writeAnswers(lines)
            let millis = batch.timing.time(queries: points.count) { router.route(from: points[$0].0, to: points[$0].1, speed: speed) }
            var summary = BatchTimingArguments.summary(queries: rows.count, sorted: millis, loadSeconds: loadSeconds)
            if let matrix {
                let k = min(matrix, points.count)
                let sources = points.prefix(k).map(\.0), targets = points.prefix(k).map(\.1)
                _ = router.matrix(profile, sources: sources, targets: targets, speed: speed)
                var times: [Double] = []
                let clock = ContinuousClock()
                for _ in 0..<max(1, batch.timing.repeat) {
                    let start = clock.now
                    _ = router.matrix(profile, sources: sources, targets: targets, speed: speed)
                    times.append((clock.now - start).seconds * 1000)
                }
                times.sort()
                summary += String(format: " matrix_ms=%.2f", times[times.count / 2])
            }
            return summary
        }
    }
}

/// The query CSV of `osm_ref.py`: from_lat,from_lon,to_lat,to_lon (extra columns ignored).
enum RoadQueryFile {
    struct Row {
        var line: Int
        /// The four coordinates as written, copied into the answers.
        var text: String
        var fromLatitude: Double
        var fromLongitude: Double
        var toLatitude: Double
        var toLongitude: Double
    }

    static func read(_ path: String) throws -> [Row] {
        guard let content = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CLIError("cannot read \(path) (a CSV with from_lat,from_lon,to_lat,to_lon)")
        }
        var lines = content.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw CLIError("\(path): empty file (expected a header from_lat,from_lon,to_lat,to_lon)") }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let wanted = ["from_lat", "from_lon", "to_lat", "to_lon"]
        var columns: [Int] = []
        for name in wanted {
            guard let i = names.firstIndex(of: name) else { throw CLIError("\(path):1: missing column \(name) (need \(wanted.joined(separator: ",")))") }
            columns.append(i)
        }
        var rows: [Row] = []
        for (k, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            var values: [Double] = []
            for (name, c) in zip(wanted, columns) {
                guard c < fields.count else { throw CLIError("\(path):\(k + 1): \(name): missing (the line has \(fields.count) fields)") }
                let limit = name.hasSuffix("lat") ? 90.0 : 180.0
                guard let v = Double(fields[c]), v.isFinite, abs(v) <= limit else {
                    throw CLIError("\(path):\(k + 1): \(name): '\(fields[c])' is not a \(name.hasSuffix("lat") ? "latitude" : "longitude") in degrees")
                }
                values.append(v)
            }
            rows.append(Row(
                line: k + 1, text: columns.map { fields[$0] }.joined(separator: ","),
                fromLatitude: values[0], fromLongitude: values[1], toLatitude: values[2], toLongitude: values[3]))
        }
        return rows
    }
}

extension RoadQueryFile: BatchQueryFile {
    static let columns = "from_lat,from_lon,to_lat,to_lon"
}
