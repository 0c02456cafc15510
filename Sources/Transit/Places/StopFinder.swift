//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Foundation
public import GTFS

/// Resolves what a traveller typed (a stop id, a stop or place name, or `lat,lon`) to the stops
/// a search may start or end at.
public struct StopFinder: Sendable {
    public let timetable: Timetable
    /// Normalised name of each stop (lower case, no accents or punctuation).
    let normalizedNames: [String]
    /// Normalised place (the part before the comma in "Almelo, Station") of each stop.
    let normalizedPlaces: [String]

    /// A resolved place: the stops, with the seconds to walk between them and the place.
    public struct Match: Sendable {
        /// How the text was understood, for messages ("stop Almelo, Station", "place Vroomshoop").
        public var label: String
        public var stops: [StopOffset]
        /// For `lat,lon` input: the coordinate.
        public var coordinate: Coordinate?
    }

    public enum FindError: Error, Sendable, CustomStringConvertible {
        case notFound(query: String, suggestions: [String])
        case ambiguous(query: String, candidates: [String])
        case noStopNearby(Coordinate, metres: Double)

        public var description: String {
            switch self {
            case .notFound(let query, let suggestions):
                let hint = suggestions.isEmpty ? "" : " Did you mean: \(suggestions.map { "'\($0)'" }.joined(separator: ", "))?"
                return "no stop or place called '\(query)'.\(hint)"
            case .ambiguous(let query, let candidates):
                let shown = candidates.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
                return "'\(query)' matches several stops: \(shown)\(candidates.count > 8 ? ", …" : ""). Please be more specific."
            case .noStopNearby(let coordinate, let metres):
                return "no stop within \(Int(metres)) m of \(coordinate)"
            }
        }
    }

    public init(timetable: Timetable) {
        self.timetable = timetable
        normalizedNames = timetable.feed.stops.map { StopFinder.normalize($0.name) }
        normalizedPlaces = timetable.feed.stops.map { stop in
            guard let comma = stop.name.firstIndex(of: ",") else { return "" }
            return StopFinder.normalize(String(stop.name[..<comma]))
        }
    }

    /// Lower case, accents removed, punctuation turned into single spaces: "Mariënberg, Station"
    /// becomes "marienberg station".
    public static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var result = ""
        var lastWasSpace = true
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                result.append(" ")
                lastWasSpace = true
            }
        }
        if result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Stops a vehicle can call at (platforms and stops, not stations or entrances).
    private func isServed(_ stop: Int) -> Bool {
        !timetable.patternsAtStop[stop].isEmpty
    }

    /// Resolves `text`.
    ///
    /// - Parameters:
    ///   - maxWalk: metres a traveller may walk from a coordinate to a stop.
    /// - Throws: ``FindError`` with suggestions when nothing (or too much) matches.
    public func find(_ text: String, maxWalk: Double = 1000) throws -> Match {
        let stops = timetable.feed.stops
        if let index = timetable.feed.stopIndexByID[text] {
            let members = timetable.stopsFor(Int(index))
            return Match(label: stops[Int(index)].name, stops: members.map { StopOffset(stop: StopIndex($0)) })
        }
        if let coordinate = Coordinate(parsing: text) {
            return try near(coordinate, maxWalk: maxWalk)
        }
        let query = StopFinder.normalize(text)
        guard !query.isEmpty else { throw FindError.notFound(query: text, suggestions: []) }
        // 1. Exact name (a station's name stands for its platforms).
        let exact = stops.indices.filter { normalizedNames[$0] == query }
        if !exact.isEmpty { return match(label: stops[exact[0]].name, indices: exact) }
        // 2. A place: every stop named "Place, …".
        let inPlace = stops.indices.filter { normalizedPlaces[$0] == query && isServed($0) }
        if !inPlace.isEmpty { return match(label: "\(text) (any stop)", indices: inPlace) }
        // 3. Words found in one name only ("ziekenhuis almelo").
        let words = query.split(separator: " ")
        let containing = stops.indices.filter { i in
            let name = normalizedNames[i]
            return words.allSatisfy { name.contains($0) } && (isServed(i) || stops[i].locationType == .station)
        }
        let names = Set(containing.map { stops[$0].name })
        if names.count == 1 { return match(label: stops[containing[0]].name, indices: containing) }
        if names.count > 1 { throw FindError.ambiguous(query: text, candidates: names.sorted()) }
        throw FindError.notFound(query: text, suggestions: suggestions(for: query))
    }

    private func match(label: String, indices: [Int]) -> Match {
        var seen = Set<Int>()
        var offsets: [StopOffset] = []
        for index in indices {
            for member in timetable.stopsFor(index) where seen.insert(member).inserted {
                offsets.append(StopOffset(stop: StopIndex(member)))
            }
        }
        return Match(label: label, stops: offsets)
    }

    /// Stops within `maxWalk` metres of a coordinate (at least the nearest one if it is within
    /// twice that), with walking times.
    public func near(_ coordinate: Coordinate, maxWalk: Double) throws -> Match {
        let stops = timetable.feed.stops
        var found: [(Int, Double)] = []
        var nearest: (Int, Double)?
        for i in stops.indices where isServed(i) {
            let metres = stops[i].coordinate.distance(to: coordinate)
            if metres <= maxWalk { found.append((i, metres)) }
            if nearest == nil || metres < nearest!.1 { nearest = (i, metres) }
        }
        if found.isEmpty, let nearest, nearest.1 <= 2 * maxWalk { found = [nearest] }
        guard !found.isEmpty else { throw FindError.noStopNearby(coordinate, metres: maxWalk) }
        let offsets = found.map {
            StopOffset(stop: StopIndex($0.0), duration: timetable.options.walkingTime(metres: $0.1))
        }
        return Match(label: "\(coordinate)", stops: offsets, coordinate: coordinate)
    }

    /// Up to five stop names closest to `query` by edit distance.
    func suggestions(for query: String) -> [String] {
        let stops = timetable.feed.stops
        var best: [String: Int] = [:]
        for i in stops.indices where isServed(i) || stops[i].locationType == .station {
            let name = normalizedNames[i]
            var distance = StopFinder.editDistance(query, name)
            // Compare with the part after the place too ("station" vs "almelo station").
            if let comma = stops[i].name.firstIndex(of: ",") {
                let tail = StopFinder.normalize(String(stops[i].name[stops[i].name.index(after: comma)...]))
                distance = min(distance, StopFinder.editDistance(query, tail) + 1)
            }
            if !normalizedPlaces[i].isEmpty {
                distance = min(distance, StopFinder.editDistance(query, normalizedPlaces[i]))
            }
            let display = stops[i].name
            best[display] = min(best[display] ?? .max, distance)
        }
        let limit = max(2, query.count / 3)
        return best.filter { $0.value <= limit }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.prefix(5).map(\.key)
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0 ... y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1 ... x.count {
            current[0] = i
            for j in 1 ... y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
