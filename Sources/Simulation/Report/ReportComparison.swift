//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The HTML page that puts two runs side by side: scenario A and scenario B, their key figures
/// with the difference B − A, and their served-share, mode-split and refusal charts.
public enum ReportComparison {
    typealias F = ReportFormat
    typealias Unit = ReportFormat.Unit

    /// One row of the comparison table.
    struct Metric {
        var figure: String
        var unit: Unit
        var a: Double
        var b: Double
        var sub = false
    }

    static func metrics(_ ra: SimulationResult, _ rb: SimulationResult) -> [Metric] {
        let a = ra.kpis.total, b = rb.kpis.total
                func refused(_ k: DayKPIs) -> Double { Double(k.refusals.values.reduce(0, +)) }
        var rows = [
            Metric(figure: "Trip requests", unit: .count, a: Double(a.requests), b: Double(b.requests)),
            Metric(figure: "Served", unit: .count, a: Double(a.served), b: Double(b.served)),
            Metric(figure: "Served share", unit: .share, a: a.servedShare, b: b.servedShare),
            Metric(figure: "Refused", unit: .count, a: refused(a), b: refused(b)),
        ]
        for code in unionKeys(a.refusals, b.refusals) {
            rows.append(
                Metric(figure: F.reasonLabel(code), unit: .count, a: Double(a.refusals[code] ?? 0), b: Double(b.refusals[code] ?? 0), sub: true))
        }
        rows.append(
            Metric(
                figure: "Served trips by mode", unit: .count, a: Double(a.modeSplit.values.reduce(0, +)),
                b: Double(b.modeSplit.values.reduce(0, +))))
        for mode in unionKeys(a.modeSplit, b.modeSplit) {
            rows.append(
                Metric(figure: F.modeLabel(mode), unit: .count, a: Double(a.modeSplit[mode] ?? 0), b: Double(b.modeSplit[mode] ?? 0), sub: true))
        }
        rows += [
            Metric(figure: "On-demand rides", unit: .count, a: Double(ra.rides.count), b: Double(rb.rides.count)),
            Metric(figure: "Rides outside the agreed window", unit: .count, a: Double(a.ridesOutsideWindow), b: Double(b.ridesOutsideWindow)),
            Metric(figure: "Mean time beyond the window", unit: .minutes, a: a.meanMinutesBeyondWindow, b: b.meanMinutesBeyondWindow),
            Metric(figure: "Mean ride-time ratio", unit: .ratio, a: a.meanRideTimeRatio, b: b.meanRideTimeRatio),
            Metric(figure: "Regiotaxi vehicle km", unit: .km, a: a.vehicleKm, b: b.vehicleKm),
            Metric(figure: "of which empty", unit: .km, a: a.emptyKm, b: b.emptyKm, sub: true),
            Metric(figure: "Vehicle hours", unit: .hours, a: a.vehicleHours, b: b.vehicleHours),
            Metric(figure: "Occupancy (passengers per vehicle km)", unit: .decimal, a: a.occupancy, b: b.occupancy),
            Metric(figure: "Rides per vehicle hour", unit: .perHour, a: a.ridesPerVehicleHour, b: b.ridesPerVehicleHour),
            Metric(figure: "Volunteer hours", unit: .hours, a: a.volunteerHours, b: b.volunteerHours),
            Metric(figure: "AutoMaatje rides", unit: .count, a: Double(a.volunteerRides), b: Double(b.volunteerRides)),
            Metric(figure: "Rides per volunteer", unit: .decimal, a: a.ridesPerVolunteer, b: b.ridesPerVolunteer),
            Metric(figure: "AutoMaatje riders", unit: .count, a: Double(ra.kpis.automaatjeRiders), b: Double(rb.kpis.automaatjeRiders)),
            Metric(figure: "Paid by travellers", unit: .euros, a: a.travellerPaid, b: b.travellerPaid),
            Metric(figure: "Operator cost", unit: .euros, a: a.operatorCost, b: b.operatorCost),
            Metric(figure: "Km budgets used", unit: .km, a: a.kmBudgetUsed, b: b.kmBudgetUsed),
            Metric(figure: "CO₂", unit: .kg, a: a.co2Kg, b: b.co2Kg),
        ]
        if a.fixedRides != nil || b.fixedRides != nil {
            let none = DayKPIs.FixedRideKPIs(
                trips: 0, refused: 0, rides: 0, ridesOutsideWindow: 0, meanRideMinutes: 0, meanRideTimeRatio: 0, longestRideMinutes: 0, vehiclesUsed: 0,
                vehiclesWithFixedRides: 0)
            let fa = a.fixedRides ?? none, fb = b.fixedRides ?? none
            rows += [
                Metric(figure: "Vehicles needed (most on the road on one day)", unit: .count, a: Double(fa.vehiclesUsed), b: Double(fb.vehiclesUsed)),
                Metric(figure: "of which with day care or school rides", unit: .count, a: Double(fa.vehiclesWithFixedRides), b: Double(fb.vehiclesWithFixedRides), sub: true),
                Metric(figure: "Day care and school trips booked", unit: .count, a: Double(fa.trips), b: Double(fb.trips)),
                Metric(figure: "refused (no vehicle)", unit: .count, a: Double(fa.refused), b: Double(fb.refused), sub: true),
                Metric(figure: "Day care and school rides", unit: .count, a: Double(fa.rides), b: Double(fb.rides)),
                Metric(figure: "outside the agreed window", unit: .count, a: Double(fa.ridesOutsideWindow), b: Double(fb.ridesOutsideWindow), sub: true),
                Metric(figure: "mean minutes on board", unit: .minutes, a: fa.meanRideMinutes, b: fb.meanRideMinutes, sub: true),
                Metric(figure: "ride-time ratio", unit: .ratio, a: fa.meanRideTimeRatio, b: fb.meanRideTimeRatio, sub: true),
                Metric(figure: "longest ride, minutes", unit: .minutes, a: fa.longestRideMinutes, b: fb.longestRideMinutes, sub: true),
            ]
        }
        return rows
    }

    /// The comparison as plain text, one figure a line: A, B and B − A in columns.
    public static func text(_ a: SimulationResult, _ b: SimulationResult) -> String {
        let rows = metrics(a, b).map { metric in
            [(metric.sub ? "  " : "") + metric.figure, metric.unit.format(metric.a), metric.unit.format(metric.b), metric.unit.difference(metric.a, metric.b)]
        }
        let header = ["figure", "A: \(a.scenario)", "B: \(b.scenario)", "B − A"]
        let widths = (0 ..< 4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let first = cells[0] + String(repeating: " ", count: widths[0] - cells[0].count)
            let rest = (1 ..< 4).map { String(repeating: " ", count: widths[$0] - cells[$0].count) + cells[$0] }
            return ([first] + rest).joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    /// Keys of both dictionaries, largest count (in either) first, then by name.
    static func unionKeys(_ a: [String: Int], _ b: [String: Int]) -> [String] {
        let keys = Set(a.keys).union(b.keys).filter { (a[$0] ?? 0) > 0 || (b[$0] ?? 0) > 0 }
        return keys.sorted {
            let l = max(a[$0] ?? 0, b[$0] ?? 0), r = max(a[$1] ?? 0, b[$1] ?? 0)
            return (r, $0) < (l, $1)
        }
    }

    static func table(_ a: SimulationResult, _ b: SimulationResult) -> String {
        var out = "<div class=\"scroll\">\n<table class=\"figures\" id=\"kpi-comparison\">\n<thead><tr><th>Figure</th>"
        out += "<th class=\"num\">A: \(F.escape(a.scenario))</th><th class=\"num\">B: \(F.escape(b.scenario))</th>"
        out += "<th class=\"num\">Difference (B − A)</th></tr></thead>\n<tbody>\n"
        for metric in metrics(a, b) {
            out += metric.sub ? "<tr class=\"sub\">" : "<tr>"
            out += "<td>\(F.escape(metric.figure))</td><td class=\"num\">\(F.escape(metric.unit.format(metric.a)))</td>"
            out += "<td class=\"num\">\(F.escape(metric.unit.format(metric.b)))</td>"
            out += "<td class=\"num\">\(F.escape(metric.unit.difference(metric.a, metric.b)))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</div>\n"
    }

    static func page(_ a: SimulationResult, _ b: SimulationResult) -> String {
        var body = "<header>\n<p class=\"kicker\">goan · scenario comparison</p>\n"
        body += "<h1>\(F.escape(a.scenario)) <span class=\"versus\">vs.</span> \(F.escape(b.scenario))</h1>\n</header>\n"
        body += "<div class=\"scenarios\">\n"
        for (letter, result) in [("A", a), ("B", b)] {
            body += "<div class=\"scenario\">\n<h2>\(letter): \(F.escape(result.scenario))</h2>\n"
            if !result.description.isEmpty { body += "<p class=\"description\">\(F.escape(result.description))</p>\n" }
            body += "<p class=\"meta\">\(ReportHTML.runFacts(result).map(F.escape).joined(separator: " · "))</p>\n</div>\n"
        }
        body += "</div>\n"
        body += ReportHTML.section(
            id: "key-figures", title: "Key figures side by side",
            intro: "Totals over each run. Differences are B minus A; shares differ in percentage points (pp), other figures also as a percentage of A."
        ) { table(a, b) }

        // The same categories in the same order and on the same scale on both sides.
        let ta = a.kpis.total, tb = b.kpis.total
        let modes = unionKeys(ta.modeSplit, tb.modeSplit), reasons = unionKeys(ta.refusals, tb.refusals)
        let modeMax = Double(max(ta.modeSplit.values.max() ?? 0, tb.modeSplit.values.max() ?? 0))
        let refusalMax = Double(max(ta.refusals.values.max() ?? 0, tb.refusals.values.max() ?? 0))
        let width = 540.0, names = (a.scenario, b.scenario)
        body += ReportHTML.section(
            id: "charts", title: "Charts",
            intro: "Scenario A on the left, B on the right. The bar charts list the same categories in the same order on the same scale."
        ) {
            pair(
                id: "chart-served-share", a: ReportCharts.servedShare(a, id: "served-share-a", width: width),
                b: ReportCharts.servedShare(b, id: "served-share-b", width: width), names: names)
                + pair(
                    id: "chart-mode-split", a: ReportCharts.modeSplit(a, id: "mode-split-a", keys: modes, scaleMax: modeMax, width: width),
                    b: ReportCharts.modeSplit(b, id: "mode-split-b", keys: modes, scaleMax: modeMax, width: width), names: names)
                + pair(
                    id: "chart-refusals", a: ReportCharts.refusals(a, id: "refusals-a", keys: reasons, scaleMax: refusalMax, width: width),
                    b: ReportCharts.refusals(b, id: "refusals-b", keys: reasons, scaleMax: refusalMax, width: width), names: names)
        }
        body += ReportHTML.footer(files: false)
        return ReportHTML.document(title: "goan scenario comparison: \(a.scenario) vs. \(b.scenario)", body: body)
    }

    /// Two charts of the same kind next to each other in one figure, with A's caption.
    static func pair(id: String, a: ReportCharts.Chart, b: ReportCharts.Chart, names: (String, String)) -> String {
        var out = "<figure id=\"\(id)\">\n<div class=\"pair\">\n"
        out += "<div class=\"side\">\n<h3>A: \(F.escape(names.0))</h3>\n\(a.svg)\n</div>\n"
        out += "<div class=\"side\">\n<h3>B: \(F.escape(names.1))</h3>\n\(b.svg)\n</div>\n"
        out += "</div>\n<figcaption>\(F.escape(a.caption))</figcaption>\n</figure>\n"
        return out
    }
}

/// The difference column of the comparison table.
extension ReportFormat.Unit {
    /// B − A: shares in percentage points, the rest in their unit with the relative change.
    func difference(_ a: Double, _ b: Double) -> String {
        let delta = b - a
        guard a.isFinite, b.isFinite else { return "–" }
        switch self {
        case .share:
            let text = ReportFormat.fixed(abs(delta) * 100, 1) + " pp"
            return text.hasPrefix("0.0 ") ? "±0 pp" : (delta < 0 ? "−" : "+") + text
        default:
            let text = format(abs(delta))
            if text == format(0) { return "±0" }
            var out = (delta < 0 ? "−" : "+") + text
            if a != 0, self != .ratio, self != .decimal {
                out += " (" + ReportFormat.signed(delta / abs(a) * 100, 1) + "%)"
            }
            return out
        }
    }
}
