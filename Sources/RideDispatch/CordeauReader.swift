//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// Reads the Cordeau (2006) instance format.
///
/// First line: `vehicles requests maxRouteDuration capacity maxRideTime` (the original files
/// give the number of requests n; some copies give the number of nodes 2n: both are read); then
/// one line per node: `id x y serviceDuration load earliest latest`, node 0 the depot, 1…n
/// pickups, n+1…2n drop-offs, optionally 2n+1 the return depot (equal to 0, ignored).
public enum CordeauReader {
    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    public static func parse(_ text: String, name: String) throws -> DARPInstance {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .enumerated().map { ($0.offset + 1, $0.element.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })) }
            .filter { !$0.1.isEmpty }
        guard let (headerLine, header) = lines.first else { throw ParseError(file: name, line: 1, message: "the file is empty") }
        guard header.count >= 5, let vehicles = Int(header[0]), let declared = Int(header[1]),
            let duration = Double(header[2]), let capacity = Int(header[3]), let ride = Double(header[4])
        else {
            throw ParseError(file: name, line: headerLine, message: "expected 'vehicles requests maxRouteDuration capacity maxRideTime'")
        }
        guard vehicles > 0, capacity > 0, declared > 0, duration > 0, ride > 0 else {
            throw ParseError(file: name, line: headerLine, message: "vehicles, requests, capacity and durations must be positive")
        }
        // n requests need 2n + 1 nodes (2n + 2 with the return depot).
        let nodeLines = lines.count - 1
        let requests = nodeLines >= 2 * declared + 1 || declared % 2 == 1 ? declared : declared / 2
        let nodeCount = 2 * requests
        var nodes: [DARPInstance.Node] = []
        for (lineNumber, fields) in lines.dropFirst() {
            guard fields.count >= 7, let id = Int(fields[0]), let x = Double(fields[1]), let y = Double(fields[2]),
                let service = Double(fields[3]), let load = Int(fields[4]), let earliest = Double(fields[5]),
                let latest = Double(fields[6])
            else {
                throw ParseError(file: name, line: lineNumber, message: "expected 'id x y service load earliest latest'")
            }
            if id == nodeCount + 1 { break }  // the return depot
            guard id == nodes.count else {
                throw ParseError(file: name, line: lineNumber, message: "node \(id) out of order (expected \(nodes.count))")
            }
            guard earliest <= latest else {
                throw ParseError(file: name, line: lineNumber, message: "time window [\(earliest), \(latest)] is empty")
            }
            nodes.append(DARPInstance.Node(x: x, y: y, service: service, load: load, earliest: earliest, latest: latest))
        }
        guard nodes.count == nodeCount + 1 else {
            throw ParseError(file: name, line: lines.last?.0 ?? 1, message: "expected \(nodeCount + 1) nodes, found \(nodes.count)")
        }
        let n = nodeCount / 2
        for i in 1 ..< n + 1 where nodes[i].load != -nodes[n + i].load {
            throw ParseError(file: name, line: i + 1, message: "pickup \(i) loads \(nodes[i].load) but drop-off \(n + i) unloads \(-nodes[n + i].load)")
        }
        return DARPInstance(name: name, vehicles: vehicles, capacity: capacity, maxRouteDuration: duration, maxRideTime: ride, nodes: nodes)
    }
}
