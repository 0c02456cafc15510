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
import Transit

extension GoanCommand {
    /// Answers a CSV of one-to-one earliest-arrival queries: how goan is compared with its peer.
    struct RouteBatch: PrintingCommand {
        static let configuration = CommandConfiguration(
            commandName: "route-batch",
            abstract: "Answer a CSV of earliest-arrival queries (from_stop_id,to_stop_id,departure).",
            discussion: """
                Writes from_stop_id,to_stop_id,departure,earliest_arrival,transfers per query. \
                earliest_arrival is a service-day time (HH:MM:SS, may pass 24:00), empty when the \
                destination is not reached before the end of the next service day; transfers is the \
                fewest among journeys with that arrival. No walking at the origin; a station id \
                means any of its stops. Ends with: queries=N median_ms=… p95_ms=… load_s=…
                """)

        @OptionGroup var timetable: TimetableArguments

        @Option(help: "Service date, YYYY-MM-DD.")
        var date: String

        @OptionGroup var batch: BatchArguments<QueryFile>

        @Option(help: "At most this many transfers.")
        var maxTransfers: Int = 14

        /// Answers the queries, writes the answers to `--out`, and returns the summary line.
        func execute() throws -> String {
            guard let serviceDate = ServiceDate(date) else {
                throw ValidationError("--date '\(date)' is not a date (expected YYYY-MM-DD)")
            }
            try batch.timing.check()
            guard (0 ... Raptor.maxSupportedTransfers).contains(maxTransfers) else {
                throw ValidationError("--max-transfers must be within 0…\(Raptor.maxSupportedTransfers)")
            }
            let parsed = try batch.readQueries()
            let (tt, loadSeconds) = try timetable.loadTimetable()
            var resolved: [(from: [StopOffset], to: [StopOffset], departure: Int32)] = []
            for query in parsed {
                guard let from = tt.feed.stopIndexByID[query.from] else {
                    throw CLIError("\(batch.queries):\(query.line): from_stop_id: unknown stop_id '\(query.from)'")
                }
                guard let to = tt.feed.stopIndexByID[query.to] else {
                    throw CLIError("\(batch.queries):\(query.line): to_stop_id: unknown stop_id '\(query.to)'")
                }
                resolved.append((
                    tt.stopsFor(Int(from)).map { StopOffset(stop: StopIndex($0)) },
                    tt.stopsFor(Int(to)).map { StopOffset(stop: StopIndex($0)) }, query.departure))
            }
            let zone = tt.feed.timezone
            let horizon = Int32(
                ServiceDayClock.noonMinus12h(serviceDate.adding(days: 2), timezone: zone)
                    - ServiceDayClock.noonMinus12h(serviceDate, timezone: zone))
            var raptor = Raptor(timetable: tt)
            var lines = ["from_stop_id,to_stop_id,departure,earliest_arrival,transfers"]
            lines.reserveCapacity(parsed.count + 1)
            var totals = RaptorStatistics()
            let requests = resolved.map { stops -> JourneyRequest in
                var request = JourneyRequest(
                    origins: stops.from, destinations: stops.to, date: serviceDate, time: .departAt(stops.departure),
                    maxTransfers: maxTransfers)
                request.reconstructLegs = false
                request.walkAtOrigin = false  // the batch semantics: no walking at the origin
                return request
            }
            let sorted = batch.timing.time(queries: requests.count, { raptor.route(requests[$0]) }) { i, pass, result in
                totals.add(result.statistics)
                guard pass == 0 else { return }
                let query = parsed[i]
                var arrival = "", transfers = ""
                if let best = result.best, best.time < horizon {
                    arrival = GTFSTime.format(best.time)
                    transfers = String(best.transfers)
                }
                lines.append("\(csvField(query.from)),\(csvField(query.to)),\(query.departureText),\(arrival),\(transfers)")
            }
            try batch.writeAnswers(lines)
            if ProcessInfo.processInfo.environment["GOAN_STATS"] != nil {
                FileHandle.standardError.write(Data("statistics (sum over all queries): \(totals)\n".utf8))
            }
            // The memory line comes first: the peer comparison reads the summary from the last line.
            return String(format: "timetable_mib=%.2f patterns=%d trips=%d\n", Double(tt.byteCount) / 1_048_576, tt.patternCount, tt.tripCount)
                + BatchTimingArguments.summary(queries: parsed.count, sorted: sorted, loadSeconds: loadSeconds)
        }
    }
}

/// A CSV field, quoted when it holds a comma or a quote.
func csvField(_ text: String) -> String {
    if text.contains(",") || text.contains("\"") || text.contains("\n") {
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
}

/// The query file of `route-batch`.
enum QueryFile {
    struct Query {
        var from: String
        var to: String
        var departure: Int32
        var departureText: String
        var line: Int
    }

    static func read(_ path: String) throws -> [Query] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError("cannot read the query file \(path)")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let table = CSVTable(file: name, bytes: [UInt8](data))
        if let problem = table.diagnostics.first(where: { $0.severity == .error }) { throw CLIError(problem.description) }
        var columns: [Int] = []
        for column in ["from_stop_id", "to_stop_id", "departure"] {
            guard let index = table.column(column) else {
                throw CLIError("\(name):1: \(column): required column is missing from the header")
            }
            columns.append(index)
        }
        var queries: [Query] = []
        for row in 0 ..< table.rowCount {
            let line = Int(table.rowLine[row])
            let from = table.string(row: row, column: columns[0])
            let to = table.string(row: row, column: columns[1])
            let text = table.string(row: row, column: columns[2])
            if from.isEmpty { throw CLIError("\(name):\(line): from_stop_id: required value is empty") }
            if to.isEmpty { throw CLIError("\(name):\(line): to_stop_id: required value is empty") }
            guard let departure = GTFSTime.parse(text) else {
                throw CLIError("\(name):\(line): departure: '\(text)' is not a valid time (expected HH:MM:SS)")
            }
            queries.append(Query(from: from, to: to, departure: departure, departureText: text, line: line))
        }
        return queries
    }
}

extension QueryFile: BatchQueryFile {
    static let columns = "from_stop_id,to_stop_id,departure (HH:MM:SS)"
}
