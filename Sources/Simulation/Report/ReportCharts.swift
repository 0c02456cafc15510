//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// The report's charts, made from a `SimulationResult`: the data each one needs, the SVG and
/// the caption that says what it shows and how to read it.
enum ReportCharts {
    /// An SVG chart and its caption (plain text, escaped by the page).
    struct Chart: Sendable, Hashable {
        var svg: String
        var caption: String
    }

    /// The most rows the timeline draws; beyond it the caption says "first 60 of N".
    static let timelineRowLimit = 60

    // MARK: Served share per day

    /// `width` in pixels: 900 for the report, about 540 for one of a comparison's pair.
    static func servedShare(_ result: SimulationResult, id: String, width: Double = 900) -> Chart {
        // Long runs with few requests a day swing between 0 and 100 %: show weeks instead.
        let weekly = result.kpis.days.count > 42
        let points: [SVGChart.DayPoint]
        if weekly {
            points = stride(from: 0, to: result.kpis.days.count, by: 7).map { first in
                let week = result.kpis.days[first ..< min(first + 7, result.kpis.days.count)]
                let requests = week.reduce(0) { $0 + $1.requests }, served = week.reduce(0) { $0 + $1.served }
                return SVGChart.DayPoint(day: week.first!.day, share: requests > 0 ? Double(served) / Double(requests) : nil)
            }
        } else {
            points = result.kpis.days.map { day in SVGChart.DayPoint(day: day.day, share: day.requests > 0 ? day.servedShare : nil) }
        }
        let total = result.kpis.total
        let overall = total.requests > 0 ? total.servedShare : nil
        let title = weekly ? "Served share of trip requests per week" : "Served share of trip requests per day"
        let svg = SVGChart.dayShares(
            id: id, title: title,
            description: "Share of each \(weekly ? "week" : "day")'s trip requests that were served, 0 to 100 percent, for \(points.count) \(weekly ? "weeks" : "days")"
                + (overall.map { "; \(ReportFormat.percent($0)) over the whole run." } ?? "."),
            points: points, yLabel: "Served (% of requests)", reference: overall,
            referenceLabel: overall.map { "whole run: \(ReportFormat.percent($0))" } ?? "", width: width,
            xLabel: weekly ? "Week starting (date)" : "Day (date)")
        var caption =
            weekly
            ? (points.count > 40 ? "Each dot" : "Each bar") + " is one simulated week (7 days from the date shown): the share of that week's trip requests that were booked and travelled (100% = nobody was turned away)."
            : (points.count > 40 ? "Each dot is" : "Each bar is")
                + " one simulated day: the share of that day's trip requests that were booked and travelled (100% = nobody was turned away)."
        if overall != nil { caption += " The dashed red line is the share over the whole run." }
        if points.contains(where: { $0.share == nil }) { caption += " A dash (–) marks a \(weekly ? "week" : "day") without requests." }
        return Chart(svg: svg, caption: caption)
    }

    // MARK: Mode split and refusals

    /// The mode-split bars: served requests by mode, largest first, or in the order of `keys`
    /// (zero bars included) to line up with another chart.
    static func modeBars(_ kpis: DayKPIs, keys: [String]? = nil) -> [SVGChart.Bar] {
        let served = max(kpis.modeSplit.values.reduce(0, +), 1)
        let entries = keys.map { $0.map { (key: $0, value: kpis.modeSplit[$0] ?? 0) } } ?? sortedCounts(kpis.modeSplit)
        return entries.map { mode, count in
            SVGChart.Bar(
                label: ReportFormat.modeLabel(mode), value: Double(count),
                note: "\(ReportFormat.int(count)) (\(ReportFormat.percent(Double(count) / Double(served))))", color: SVGChart.modeColor(mode))
        }
    }

    /// The refusal bars: refused requests by reason, largest first or in the order of `keys`;
    /// shares are of all requests.
    static func refusalBars(_ kpis: DayKPIs, keys: [String]? = nil) -> [SVGChart.Bar] {
        let requests = max(kpis.requests, 1)
        let entries = keys.map { $0.map { (key: $0, value: kpis.refusals[$0] ?? 0) } } ?? sortedCounts(kpis.refusals)
        return entries.map { code, count in
            SVGChart.Bar(
                label: ReportFormat.reasonLabel(code), value: Double(count),
                note: "\(ReportFormat.int(count)) (\(ReportFormat.percent(Double(count) / Double(requests))))", color: SVGChart.refusedColor)
        }
    }

    /// `keys`, `scaleMax` and `width` line up the two charts of a comparison.
    static func modeSplit(_ result: SimulationResult, id: String, keys: [String]? = nil, scaleMax: Double? = nil, width: Double = 900) -> Chart {
        countChart(
            modeBars(result.kpis.total, keys: keys), id: id, title: "Served trips by mode", counted: "served trip requests per travel mode",
            xLabel: "Served trip requests (number)", emptyText: "No trip was served.", scaleMax: scaleMax, width: width,
            caption: """
                How the served trips travelled: the modes of the chosen option, walking legs left out ("Walk only" = the trip \
                was short enough to walk). Bar length is the number of trips; the percentage is the share of all served trips.
                """)
    }

    /// `keys`, `scaleMax` and `width` line up the two charts of a comparison.
    static func refusals(_ result: SimulationResult, id: String, keys: [String]? = nil, scaleMax: Double? = nil, width: Double = 900) -> Chart {
        countChart(
            refusalBars(result.kpis.total, keys: keys), id: id, title: "Refused requests by reason", counted: "refused trip requests per reason",
            xLabel: "Refused trip requests (number)", emptyText: "No request was refused.", scaleMax: scaleMax, width: width,
            caption: """
                Why requests could not be served. Bar length is the number of refused requests; the percentage is the share of \
                all requests. The reason codes are listed in the key figures table.
                """)
    }

    /// A chart of counts as horizontal bars; its description (for screen readers) is "Number of
    /// `counted`: " and every bar's label and note.
    static func countChart(
        _ bars: [SVGChart.Bar], id: String, title: String, counted: String, xLabel: String, emptyText: String, scaleMax: Double?, width: Double,
        caption: String
    ) -> Chart {
        let svg = SVGChart.horizontalBars(
            id: id, title: title, description: "Number of \(counted): " + bars.map { "\($0.label) \($0.note)" }.joined(separator: "; "),
            bars: bars, xLabel: xLabel, scaleMax: scaleMax, emptyText: emptyText, width: width)
        return Chart(svg: svg, caption: caption)
    }

    // MARK: Ride time

    /// Upper edges of the ride-time ratio bins (the first bin also takes ratios below 1.0, the
    /// last one is open: 3.0 or more).
    static let ratioEdges = [1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0]

    static func rideTime(_ result: SimulationResult, id: String) -> Chart {
        let bins = ["1.0–1.25", "1.25–1.5", "1.5–1.75", "1.75–2.0", "2.0–2.25", "2.25–2.5", "2.5–2.75", "2.75–3.0", "3.0 or more"]
        var services: [TravelMode] = []
        for ride in result.rides where !services.contains(ride.service) { services.append(ride.service) }
        services.sort { order($0) < order($1) }
        var series = services.map { service in
            SVGChart.Series(
                name: ReportFormat.serviceLabel(service.rawValue), color: SVGChart.modeColor(service.rawValue),
                counts: Array(repeating: 0, count: bins.count))
        }
        var measured = 0, sum = 0.0
        for ride in result.rides where ride.directMinutes > 0 && ride.rideMinutes.isFinite {
            let ratio = ride.rideMinutes / ride.directMinutes
            let bin = ratioEdges.firstIndex { ratio < $0 } ?? ratioEdges.count
            guard let index = services.firstIndex(of: ride.service) else { continue }
            series[index].counts[bin] += 1
            measured += 1
            sum += ratio
        }
        let mean = result.kpis.total.meanRideTimeRatio > 0 ? result.kpis.total.meanRideTimeRatio : (measured > 0 ? sum / Double(measured) : 0)
        let marker: (Double, String)? =
            measured > 0 && mean > 0 ? (max(0, (mean - 1) / 0.25), "mean \(ReportFormat.fixed(mean, 2))×") : nil
        let svg = SVGChart.histogram(
            id: id, title: "Ride time compared with driving straight there",
            description: "Distribution of \(measured) on-demand rides by ride time divided by direct drive time"
                + (marker.map { "; \($0.1)." } ?? "."),
            bins: bins, series: series, xLabel: "Ride time ÷ direct drive time (1.0 = as fast as driving alone)",
            yLabel: "Rides (number)", marker: marker, emptyText: "No on-demand rides were driven.")
        return Chart(
            svg: svg,
            caption:
                """
                Each bar counts the on-demand rides whose time on board, divided by the time of a direct drive, falls in that \
                range: 1.0–1.25 means at most a quarter longer than driving alone; rides further right shared the vehicle with \
                others or took detours. Colours show the service; the dashed red line is the mean.
                """
        )
    }

    /// Regiotaxi first, then AutoMaatje.
    private static func order(_ service: TravelMode) -> Int { service == .regiotaxi ? 0 : service == .automaatje ? 1 : 2 }

    // MARK: Timeline

    /// The busiest day: most rides, then most minutes of driving, then the earliest. Only days
    /// with timelines count; nil when there are none.
    static func busiestDay(_ result: SimulationResult) -> String? {
        var rides: [String: Int] = [:]
        for ride in result.rides { rides[ride.day, default: 0] += 1 }
        var driving: [String: Double] = [:]
        for timeline in result.timelines {
            driving[timeline.day, default: 0] += timeline.segments.reduce(0) { $0 + ($1.activity == "drive" ? max(0, $1.end - $1.start) : 0) }
        }
        return driving.keys.max { a, b in
            (rides[a] ?? 0, driving[a] ?? 0, b) < (rides[b] ?? 0, driving[b] ?? 0, a)
        }
    }

    /// The timeline rows of `day`: Regiotaxi first, then volunteers, then anything else, each by name.
    /// Names are compared with their numbers as numbers (`V9` before `V10`).
    static func timelineRows(_ result: SimulationResult, day: String) -> [Timeline] {
        result.timelines.filter { $0.day == day }.sorted(by: rowOrder)
    }

    /// Regiotaxi first, then volunteers, then other kinds; by name, numbers compared as numbers.
    static func rowOrder(_ a: Timeline, _ b: Timeline) -> Bool {
        if rank(a.kind) != rank(b.kind) { return rank(a.kind) < rank(b.kind) }
        if a.kind != b.kind { return a.kind < b.kind }
        switch a.vehicle.compare(b.vehicle, options: [.numeric]) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a.shiftStart < b.shiftStart
        }
    }

    private static func rank(_ kind: String) -> Int { kind == TravelMode.regiotaxi.rawValue ? 0 : kind == "volunteer" ? 1 : 2 }

    /// Whether the vehicle or volunteer drove at all that day.
    static func isActive(_ timeline: Timeline) -> Bool {
        timeline.segments.contains { $0.activity == "drive" || $0.onBoard > 0 }
    }

    /// At most `limit` rows in `rowOrder`. When there are more, each kind keeps its place
    /// (Regiotaxi first) but within a kind those who drove that day go before idle ones.
    static func cappedRows(_ rows: [Timeline], limit: Int) -> [Timeline] {
        guard rows.count > limit else { return rows }
        let picked = rows.indices.sorted { i, j in
            let a = rows[i], b = rows[j]
            if rank(a.kind) != rank(b.kind) || a.kind != b.kind { return i < j }
            if isActive(a) != isActive(b) { return isActive(a) }
            return i < j
        }.prefix(limit).sorted()
        return picked.map { rows[$0] }
    }

    static func timeline(_ result: SimulationResult, id: String) -> Chart {
        guard let day = busiestDay(result) else {
            let svg = SVGChart.timeline(
                id: id, title: "Vehicles and volunteers over the day", description: "No timelines in this run.", rows: [], kindTotals: [:],
                emptyText: "This run recorded no vehicle or volunteer timelines.")
            return Chart(svg: svg, caption: "This run recorded no vehicle or volunteer timelines.")
        }
        let all = timelineRows(result, day: day)
        let shown = cappedRows(all, limit: timelineRowLimit)
        var totals: [String: Int] = [:]
        for row in all { totals[row.kind, default: 0] += 1 }
        let rides = result.rides.lazy.filter { $0.day == day }.count
        let title = "Vehicles and volunteers on \(ReportFormat.longDay(day))"
        let svg = SVGChart.timeline(
            id: id, title: title,
            description: "Gantt chart of \(shown.count) of \(all.count) vehicles and volunteers on \(day), 06:00 to 25:00, "
                + "with driving, waiting and people on board.",
            rows: shown, kindTotals: totals, emptyText: "No vehicle or volunteer was on duty that day.")
        var caption = "The busiest day of the run, \(ReportFormat.longDay(day)), with \(ReportFormat.int(rides)) on-demand ride\(rides == 1 ? "" : "s"). "
        if shown.count < all.count {
            caption += "Showing the first \(shown.count) of \(ReportFormat.int(all.count)) vehicles and volunteers: "
            caption += "Regiotaxi first, then volunteers, those who drove that day before idle ones. "
        }
        caption +=
            """
            Each row is one Regiotaxi vehicle shift or one AutoMaatje volunteer; time runs left to right from 06:00 to \
            25:00 (01:00 the next morning). Grey bars are driving without passengers, blue bars driving with people on \
            board (darker = more people), light yellow is waiting for a pickup time, orange marks are boarding or \
            alighting. The dark outline is the shift or the volunteer's availability.
            """
        return Chart(svg: svg, caption: caption)
    }

    // MARK: Helpers

    /// Dictionary entries by count, largest first, then by key.
    static func sortedCounts(_ counts: [String: Int]) -> [(key: String, value: Int)] {
        counts.filter { $0.value > 0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
    }
}
