//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

/// The HTML report page of one run.
///
/// Self-contained (inline style and SVG, no scripts, no external references) and well-formed
/// XML below the `<!DOCTYPE html>` line: every element closed, attributes quoted, text escaped,
/// no named entities but XML's own.
enum ReportHTML {
    typealias F = ReportFormat

    /// The report of one run.
    static func page(_ result: SimulationResult) -> String {
        let total = result.kpis.total
        let days = result.kpis.days
        var body = header(result)
        body += glance(result)
        body += section(id: "key-figures", title: "Key figures", intro: "All \(dayCount(days)) together.") {
            keyFigures(result)
        }
        if !result.calibration.isEmpty {
            body += section(
                id: "calibration", title: "Calibration against real figures and load targets",
                intro: "The simulated figure must land within the tolerance around the real one for the scenario to be trusted.") {
                    calibrationTable(result.calibration)
                }
        }
        body += section(id: "charts", title: "Charts", intro: nil) {
            figure(id: "chart-served-share", ReportCharts.servedShare(result, id: "served-share"))
                + figure(id: "chart-mode-split", ReportCharts.modeSplit(result, id: "mode-split"))
                + figure(id: "chart-refusals", ReportCharts.refusals(result, id: "refusals"))
                + figure(id: "chart-ride-time", ReportCharts.rideTime(result, id: "ride-time"))
                + figure(id: "chart-timeline", ReportCharts.timeline(result, id: "timeline"))
        }
        body += section(
            id: "per-day", title: "Per day",
            intro: "The key figures of each simulated day; the last row is the whole run. Kilometres, euros and CO₂ are rounded to whole units."
        ) {
            let table = dayTable(days, total: total)
            guard days.count > 14 else { return table }
            return "<details>\n<summary>Show the figures of all \(days.count) days</summary>\n\(table)</details>\n"
        }
        body += footer(files: true)
        return document(title: "goan simulation report: \(result.scenario)", body: body)
    }

    // MARK: Page parts

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="goan simulate"/>
        <title>\(F.escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func header(_ result: SimulationResult) -> String {
        var out = "<header>\n<p class=\"kicker\">goan · simulation report</p>\n"
        out += "<h1>\(F.escape(result.scenario))</h1>\n"
        if !result.description.isEmpty { out += "<p class=\"description\">\(F.escape(result.description))</p>\n" }
        out += "<p class=\"meta\">\(runFacts(result).map(F.escape).joined(separator: " · "))</p>\n</header>\n"
        return out
    }

    /// `Seed 42`, `14 days: Mon 2 Mar – Sun 15 Mar 2026`, `1,234 trip requests`.
    static func runFacts(_ result: SimulationResult) -> [String] {
        let days = result.kpis.days.map(\.day).sorted()
        var facts = ["Seed \(result.seed)", dayCount(result.kpis.days)]
        if let first = days.first, let last = days.last {
            facts[1] += first == last ? " (\(F.longDay(first)))" : " (\(first) to \(last))"
        }
        facts.append("\(F.int(result.kpis.total.requests)) trip requests")
        if !result.roadModel.isEmpty { facts.append("drives and walks: \(result.roadModel)") }
        return facts
    }

    static func dayCount(_ days: [DayKPIs]) -> String { days.count == 1 ? "1 day" : "\(F.int(days.count)) days" }

    /// The figures a reader looks for first, as cards.
    static func glance(_ result: SimulationResult) -> String {
        let t = result.kpis.total
        var cards: [(String, String)] = [
            (F.int(t.requests), "trip requests"),
            (t.requests > 0 ? F.percent(t.servedShare) : "–", "of requests served"),
            (F.int(result.rides.count), "on-demand rides driven"),
            (t.meanRideTimeRatio > 0 ? F.fixed(t.meanRideTimeRatio, 2) + "×" : "–", "mean ride time vs. driving alone"),
            (F.euros(t.operatorCost, cents: false), "operator cost"),
            (F.fixed(t.co2Kg, 0, grouping: true) + " kg", "CO₂ emitted"),
        ]
        if result.rides.isEmpty { cards.remove(at: 3) }
        return "<div class=\"cards\">\n"
            + cards.map { "<div class=\"card\"><div class=\"value\">\(F.escape($0.0))</div><div class=\"label\">\(F.escape($0.1))</div></div>\n" }
            .joined() + "</div>\n"
    }

    static func section(id: String, title: String, intro: String?, _ content: () -> String) -> String {
        var out = "<section id=\"\(id)\">\n<h2>\(F.escape(title))</h2>\n"
        if let intro { out += "<p class=\"intro\">\(F.escape(intro))</p>\n" }
        return out + content() + "</section>\n"
    }

    static func figure(id: String, _ chart: ReportCharts.Chart) -> String {
        "<figure id=\"\(id)\">\n\(chart.svg)\n<figcaption>\(F.escape(chart.caption))</figcaption>\n</figure>\n"
    }

    static func footer(files: Bool) -> String {
        var text = "Made by goan simulate. Figures come from a seeded simulation: the same scenario and seed give the same report."
        if files {
            text += " Next to this page: kpis.json (all key figures, per day and in total), requests.csv (one row per trip request)"
            text += " and rides.csv (one row per on-demand ride)."
        }
        return "<footer><p>\(F.escape(text))</p></footer>\n"
    }

    // MARK: Key figures

    /// A row of the key figures table; `sub` rows are indented under the row before.
    struct Row {
        var figure: String
        var value: String
        var explanation: String
        var code: String = ""
        var sub = false
    }

    static func keyFigureRows(_ result: SimulationResult) -> [Row] {
        let t = result.kpis.total
        let requests = Double(max(t.requests, 1))
        let refused = t.refusals.values.reduce(0, +)
        let servedByMode = max(t.modeSplit.values.reduce(0, +), 1)
        let onDemand = result.rides.count
        var rows: [Row] = [
            Row(figure: "Trip requests", value: F.int(t.requests), explanation: "Trips travellers asked for."),
            Row(
                figure: "Served", value: "\(F.int(t.served)) (\(F.percent(t.servedShare)))",
                explanation: "Booked and travelled; percentage of all requests."),
            Row(
                figure: "Refused", value: "\(F.int(refused)) (\(F.percent(Double(refused) / requests)))",
                explanation: refused > 0 ? "Not served; by reason below (percentage of all requests)." : "Not served."),
        ]
        for (code, count) in ReportCharts.sortedCounts(t.refusals) {
            rows.append(
                Row(
                    figure: F.reasonLabel(code), value: "\(F.int(count)) (\(F.percent(Double(count) / requests)))", explanation: "", code: code,
                    sub: true))
        }
        rows.append(
            Row(
                figure: "Served trips by mode", value: F.int(t.modeSplit.values.reduce(0, +)),
                explanation: "Modes of the chosen option, without walking legs; percentage of served trips."))
        for (mode, count) in ReportCharts.sortedCounts(t.modeSplit) {
            rows.append(
                Row(
                    figure: F.modeLabel(mode), value: "\(F.int(count)) (\(F.percent(Double(count) / Double(servedByMode))))", explanation: "",
                    code: mode, sub: true))
        }
        rows += [
            Row(figure: "On-demand rides", value: F.int(onDemand), explanation: "Regiotaxi and AutoMaatje rides driven."),
            Row(
                figure: "Rides picked up outside the agreed window",
                value: F.int(t.ridesOutsideWindow) + (onDemand > 0 ? " (\(F.percent(Double(t.ridesOutsideWindow) / Double(onDemand))))" : ""),
                explanation: "Pickups earlier or later than the time window agreed at booking; percentage of on-demand rides."),
            Row(
                figure: "Mean time beyond the window", value: F.Unit.minutes.format(t.meanMinutesBeyondWindow),
                explanation: "For the rides outside their window: how far outside, on average."),
            Row(
                figure: "Mean ride-time ratio", value: F.Unit.ratio.format(t.meanRideTimeRatio),
                explanation: "Time on board ÷ time of a direct drive. 1.00 = as fast as driving alone; 1.50 = half again as long."),
            Row(
                figure: "Regiotaxi vehicle km", value: F.Unit.km.format(t.vehicleKm),
                explanation: "Kilometres driven by the Regiotaxi vehicles."),
            Row(
                figure: "of which empty",
                value: F.Unit.km.format(t.emptyKm) + (t.vehicleKm > 0 ? " (\(F.percent(t.emptyKm / t.vehicleKm)))" : ""),
                explanation: "Driven with nobody on board: to a pickup or back.", sub: true),
            Row(
                figure: "Occupancy", value: F.fixed(t.occupancy, 2) + " passengers",
                explanation: "Passenger-km ÷ vehicle-km of Regiotaxi: people on board per kilometre driven, on average."),
            Row(
                figure: "Rides per vehicle hour", value: F.Unit.perHour.format(t.ridesPerVehicleHour),
                explanation: "Regiotaxi rides per hour on the road (first departure to last return)."),
            Row(
                figure: "Volunteer hours", value: F.Unit.hours.format(t.volunteerHours),
                explanation: "Hours AutoMaatje volunteers were out, home to home."),
            Row(figure: "AutoMaatje rides", value: F.int(t.volunteerRides), explanation: "Rides driven by volunteers."),
            Row(
                figure: "Rides per volunteer", value: F.fixed(t.ridesPerVolunteer, 1),
                explanation: "AutoMaatje rides per volunteer who drove at least once."),
            Row(
                figure: "AutoMaatje riders",
                value: F.int(result.kpis.automaatjeRiders)
                    + (result.kpis.automaatjeRiders > 0 ? " (\(F.percent(result.kpis.automaatjeRidersLivingAlone)) living alone)" : ""),
                explanation: "Different travellers who rode with a volunteer."),
            Row(figure: "Paid by travellers", value: F.euros(t.travellerPaid), explanation: "Fares, surcharges and cancellation fees."),
            Row(
                figure: "Operator cost", value: F.euros(t.operatorCost),
                explanation: "Regiotaxi vehicle hours at the hourly cost plus the AutoMaatje coordination fee per ride; fares not deducted."),
        ]
        if onDemand > 0 {
            rows.append(
                Row(
                    figure: "per on-demand ride", value: F.euros(t.operatorCost / Double(onDemand)), explanation: "Operator cost ÷ on-demand rides.",
                    sub: true))
        }
        rows += [
            Row(
                figure: "Km budgets used", value: F.Unit.km.format(t.kmBudgetUsed),
                explanation: "Kilometres taken from travellers' Wmo km budgets."),
            Row(
                figure: "CO₂", value: F.Unit.kg.format(t.co2Kg),
                explanation: "Vehicle km × emission factors of taxi, volunteer car and public transport."),
        ]
        rows.append(
            Row(
                figure: "Pickups planned more than 10 min early", value: F.percent(t.plannedEarlyPickupShare),
                explanation: "Share of the Regiotaxi pickups in the dispatcher's plan that begin more than 10 minutes before the agreed time."))
        if let before = t.asBooked {
            rows.append(
                Row(
                    figure: "Overnight re-optimisation", value: "as booked → re-optimised",
                    explanation: "Each day's routes as the bookings built them, driven with the same delays, against the re-optimised routes that were driven."))
            rows += [
                Row(
                    figure: "Regiotaxi vehicle km", value: F.fixed(before.vehicleKm, 0, grouping: true) + " → " + F.fixed(t.vehicleKm, 0, grouping: true) + " km",
                    explanation: "", sub: true),
                Row(
                    figure: "Regiotaxi vehicle hours", value: F.fixed(before.vehicleHours, 0, grouping: true) + " → " + F.fixed(t.vehicleHours, 0, grouping: true) + " h",
                    explanation: "", sub: true),
                Row(figure: "Rides outside the window", value: F.int(before.ridesOutsideWindow) + " → " + F.int(t.ridesOutsideWindow), explanation: "", sub: true),
                Row(
                    figure: "Mean ride-time ratio", value: F.fixed(before.meanRideTimeRatio, 2) + "× → " + F.fixed(t.meanRideTimeRatio, 2) + "×",
                    explanation: "", sub: true),
            ]
        }
        return rows
    }

    static func keyFigures(_ result: SimulationResult) -> String {
        var out = "<table class=\"figures\" id=\"key-figures-table\">\n"
        out += "<thead><tr><th>Figure</th><th class=\"num\">Value</th><th>What it means</th></tr></thead>\n<tbody>\n"
        for row in keyFigureRows(result) {
            out += row.sub ? "<tr class=\"sub\">" : "<tr>"
            out += "<td>\(F.escape(row.figure))</td><td class=\"num\">\(F.escape(row.value))</td><td class=\"explain\">"
            out += row.code.isEmpty ? F.escape(row.explanation) : "<code>\(F.escape(row.code))</code>"
            out += "</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    // MARK: Calibration

    static func calibrationTable(_ checks: [CalibrationCheck]) -> String {
        var out = "<table id=\"calibration-table\">\n<thead><tr><th>Figure</th><th class=\"num\">Real or target</th><th class=\"num\">Simulated</th>"
        out += "<th class=\"num\">Deviation</th><th class=\"num\">Tolerance</th><th>Holds</th><th>Source</th></tr></thead>\n<tbody>\n"
        for check in checks {
            let deviation = check.real != 0 ? F.signed((check.simulated - check.real) / abs(check.real) * 100, 1) + "%" : "–"
            let target = check.kind == .target ? " (target)" : ""
            out += "<tr><td>\(F.escape(check.figure))</td><td class=\"num\">\(F.escape(number(check.real) + target))</td>"
            out += "<td class=\"num\">\(F.escape(number(check.simulated)))</td><td class=\"num\">\(F.escape(deviation))</td>"
            out += "<td class=\"num\">±\(F.escape(F.fixed(check.tolerance * 100, 0)))%</td>"
            out += check.holds ? "<td class=\"yes\">yes</td>" : "<td class=\"no\">no</td>"
            out += "<td class=\"explain\">\(F.escape(check.source))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A figure with as many decimals as it needs: `12,345`, `0.35`, `4.5`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        if value.rounded() == value { return F.fixed(value, 0, grouping: true) }
        return abs(value) < 10 ? F.fixed(value, 2, grouping: true) : F.fixed(value, 1, grouping: true)
    }

    // MARK: Per day

    static func dayTable(_ days: [DayKPIs], total: DayKPIs) -> String {
        let columns = [
            "Day", "Requests", "Served", "Served share", "Refused", "Outside window", "Ride time ratio", "Vehicle km", "Empty km", "Occu\u{AD}pancy",
            "AutoMaatje rides", "Volunteer hours", "Paid by travellers (€)", "Operator cost (€)", "CO₂ (kg)",
        ]
        func cells(_ d: DayKPIs, label: String) -> String {
            let values = [
                F.int(d.requests), F.int(d.served), d.requests > 0 ? F.percent(d.servedShare) : "–",
                F.int(d.refusals.values.reduce(0, +)), F.int(d.ridesOutsideWindow), F.fixed(d.meanRideTimeRatio, 2),
                F.fixed(d.vehicleKm, 0, grouping: true), F.fixed(d.emptyKm, 0, grouping: true), F.fixed(d.occupancy, 2), F.int(d.volunteerRides),
                F.fixed(d.volunteerHours, 1, grouping: true), F.fixed(d.travellerPaid, 0, grouping: true), F.fixed(d.operatorCost, 0, grouping: true),
                F.fixed(d.co2Kg, 0, grouping: true),
            ]
            return "<th scope=\"row\">\(F.escape(label))</th>" + values.map { "<td class=\"num\">\(F.escape($0))</td>" }.joined()
        }
        var out = "<div class=\"scroll\">\n<table class=\"days\" id=\"per-day-table\">\n<thead><tr>"
        out += columns.enumerated().map { $0.offset == 0 ? "<th>\($0.element)</th>" : "<th class=\"num\">\(F.escape($0.element))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for day in days {
            let weekday = F.weekday(day.day).map { F.weekdayNames[$0] + " " } ?? ""
            out += "<tr>\(cells(day, label: weekday + day.day))</tr>\n"
        }
        out += "</tbody>\n<tfoot><tr>\(cells(total, label: "Whole run"))</tr></tfoot>\n</table>\n</div>\n"
        return out
    }

    // MARK: Style

    static let style = """
        :root { color-scheme: light; }
        body { margin: 0; background: #eef1f4; color: #222; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
        main { max-width: 1080px; margin: 0 auto; padding: 28px 36px 40px; background: #ffffff; }
        header { border-bottom: 3px solid #2f7fb8; padding-bottom: 12px; margin-bottom: 8px; }
        .kicker { margin: 0; color: #2f7fb8; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; font-size: 12px; }
        h1 { margin: 4px 0 6px; font-size: 28px; }
        h2 { margin: 36px 0 8px; font-size: 21px; border-bottom: 1px solid #dde2e7; padding-bottom: 4px; }
        h3 { margin: 18px 0 6px; font-size: 16px; }
        .description { margin: 0 0 8px; max-width: 60em; white-space: pre-line; }
        .meta, .intro { color: #555; margin: 4px 0; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 18px 0 8px; }
        .card { border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 14px; background: #f6f8fa; }
        .card .value { font-size: 24px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .card .label { color: #555; font-size: 13px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 14px; }
        th, td { padding: 5px 10px; border-bottom: 1px solid #e6e9ec; text-align: left; vertical-align: top; }
        thead th { background: #f3f5f7; border-bottom: 2px solid #cfd6dd; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.sub td:first-child { padding-left: 30px; color: #444; }
        tr.sub td { border-bottom-color: #f1f3f5; }
        tfoot th, tfoot td { font-weight: 650; border-top: 2px solid #cfd6dd; }
        table.days { font-size: 13px; }
        table.days th, table.days td { padding: 4px 5px; }
        table.days thead th { white-space: normal; vertical-align: bottom; }
        table.days tbody th { white-space: nowrap; font-weight: normal; }
        table.days tfoot th { white-space: nowrap; }
        .explain { color: #555; }
        code { font-size: 12px; background: #f0f2f4; padding: 1px 4px; border-radius: 3px; }
        .yes { color: #1b7a2b; font-weight: 650; }
        .no { color: #b3261e; font-weight: 650; }
        .up { color: #1b5e8c; }
        .down { color: #8c3b1b; }
        .scroll { overflow-x: auto; }
        figure { margin: 26px 0 34px; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { margin-top: 6px; color: #444; font-size: 14px; max-width: 62em; }
        details { margin: 8px 0; }
        details summary { cursor: pointer; font-weight: 600; color: #2f7fb8; }
        .pair { display: flex; gap: 18px; }
        .side { flex: 1 1 0; min-width: 0; }
        .side h3 { margin: 0 0 4px; font-size: 14px; color: #444; }
        .scenarios { display: flex; gap: 18px; margin: 16px 0; }
        .scenario { flex: 1 1 0; border: 1px solid #d8dee4; border-radius: 8px; padding: 10px 14px; background: #f6f8fa; }
        .scenario h2 { margin: 0 0 4px; border: 0; font-size: 18px; }
        .scenario p { margin: 4px 0; }
        footer { margin-top: 36px; border-top: 1px solid #dde2e7; color: #666; font-size: 13px; }
        @media (max-width: 760px) { .pair, .scenarios { flex-direction: column; } main { padding: 16px; } }
        @media print { body { background: #ffffff; } main { max-width: none; padding: 0; } figure, tr { break-inside: avoid; } }
        """
}
