//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation
@testable import Simulation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The report of `goan simulate`: HTML structure and well-formedness, self-containedness,
/// escaping, the CSV and JSON files, the comparison page and the timeline's row cap.
@Suite struct ReportTests {
    static let chartIDs = ["chart-served-share", "chart-mode-split", "chart-refusals", "chart-ride-time", "chart-timeline"]

    // MARK: HTML

    @Test func everyChartHasItsFigureAndOneSVG() throws {
        let html = ReportWriter.html(ReportSample.result())
        for id in Self.chartIDs {
            let figure = try #require(Self.figure(id, in: html), "no figure \(id)")
            #expect(Self.count("<svg", in: figure) == 1, "\(id) should hold exactly one <svg>")
            #expect(figure.contains("<title"), "\(id) has no <title>")
            #expect(figure.contains("<figcaption>"), "\(id) has no caption")
        }
        #expect(Self.count("<svg", in: html) == Self.chartIDs.count)
    }

    @Test func htmlIsWellFormedXML() throws {
        let html = ReportWriter.html(ReportSample.result())
        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        let error = Self.xmlError(html)
        #expect(error == nil, "report.html is not well-formed: \(error ?? "")")
    }

    @Test func htmlIsWellFormedXMLForAnEmptyRun() {
        let empty = SimulationResult(
            scenario: "empty", description: "", seed: 0,
            kpis: KPIs(scenario: "empty", seed: 0, days: [], total: DayKPIs(day: "total"), automaatjeRiders: 0, automaatjeRidersLivingAlone: 0, timing: .init()),
            requests: [], rides: [], timelines: [], calibration: [])
        let html = ReportWriter.html(empty)
        #expect(Self.xmlError(html) == nil)
        for id in Self.chartIDs { #expect(html.contains("id=\"\(id)\"")) }
        #expect(html.contains("No request was refused."))
        #expect(!html.contains("id=\"calibration-table\""), "no calibration table without checks")
    }

    @Test func htmlIsSelfContained() {
        let html = ReportWriter.html(ReportSample.result())
        let rest = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!rest.contains("http://"))
        #expect(!rest.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("url("))
        #expect(html.contains("<style>"))
    }

    @Test func textIsEscaped() throws {
        var result = ReportSample.result()
        result.scenario = "Almelo <Noord> & 'Zuid'"
        result.description = "A \"test\" with <b>markup</b> & more"
        for index in result.timelines.indices where result.timelines[index].vehicle.hasPrefix("RT-01") {
            result.timelines[index].vehicle = "RT-<&>-01"
        }
        result.kpis.total.refusals["<BAD&CODE>"] = 1
        let html = ReportWriter.html(result)
        #expect(html.contains("Almelo &lt;Noord&gt; &amp; &#39;Zuid&#39;"))
        #expect(html.contains("A &quot;test&quot; with &lt;b&gt;markup&lt;/b&gt; &amp; more"))
        #expect(html.contains("RT-&lt;&amp;&gt;-01"))
        #expect(!html.contains("<Noord>"))
        #expect(!html.contains("<b>markup"))
        #expect(!html.contains("<&>"))
        #expect(Self.xmlError(html) == nil)
    }

    @Test func keyFiguresAndCalibrationAreShown() throws {
        let html = ReportWriter.html(ReportSample.result())
        let table = try #require(Self.element("table", id: "key-figures-table", in: html))
        #expect(table.contains("Trip requests"))
        #expect(table.contains("NO_VEHICLE_AVAILABLE"))
        #expect(table.contains("€"))
        #expect(table.contains("kg"))
        let calibration = try #require(Self.element("table", id: "calibration-table", in: html))
        #expect(calibration.contains("AutoMaatje rides in six months"))
        #expect(calibration.contains(">yes<"))
        #expect(calibration.contains(">no<"))
        #expect(calibration.contains("±15%"))
    }

    /// A load the scenario is built to carry is checked like a real figure but never called
    /// real: "target" in the report, the command's output (`label`) and `kpis.json`.
    @Test func aLoadTargetIsNotCalledReal() throws {
        var result = ReportSample.result()
        result.calibration = [
            CalibrationCheck(figure: "regiotaxiRidesPerWeekday", real: 3000, simulated: 2841.4, tolerance: 0.15, source: "a load target", kind: .target),
            CalibrationCheck(figure: "automaatjeRides", real: 308, simulated: 321, tolerance: 0.15, source: "pilot evaluation"),
        ]
        let html = ReportWriter.html(result)
        let calibration = try #require(Self.element("table", id: "calibration-table", in: html))
        #expect(calibration.contains("3,000 (target)"))
        #expect(calibration.contains(">308<"), "a measured figure has no mark")
        #expect(result.calibration.map(\.label) == ["target", "real"])
        #expect(result.calibration[0].holds)
        let target = try #require(String(data: JSONEncoder().encode(result.calibration[0]), encoding: .utf8))
        let measured = try #require(String(data: JSONEncoder().encode(result.calibration[1]), encoding: .utf8))
        #expect(target.contains("\"kind\":\"target\""))
        #expect(!measured.contains("kind"), "kpis.json of the scenarios with real figures stays as it was")
    }

    @Test func perDayTableCollapsesBeyondFourteenDays() throws {
        let short = ReportWriter.html(ReportSample.result(days: 3))
        #expect(!short.contains("<details>"))
        #expect(Self.count("<tr>", in: try #require(Self.element("table", id: "per-day-table", in: short))) == 1 + 3 + 1)
        let long = ReportWriter.html(ReportSample.result(days: 20))
        #expect(long.contains("<details>"))
        #expect(Self.count("<tr>", in: try #require(Self.element("table", id: "per-day-table", in: long))) == 1 + 20 + 1)
        #expect(Self.xmlError(long) == nil)
    }

    @Test func timelineShowsTheBusiestDay() throws {
        let result = ReportSample.result(days: 3)
        // Day 2 has the most rides in the sample.
        let figure = try #require(Self.figure("chart-timeline", in: ReportWriter.html(result)))
        #expect(figure.contains("2026-03-03"))
        #expect(!figure.contains("2026-03-02"))
        #expect(Self.count("<g class=\"row\">", in: figure) == 3)
        // Regiotaxi rows first, then volunteers.
        let taxi = try #require(figure.range(of: ">RT-01 06:00–14:00<"))
        let volunteer = try #require(figure.range(of: ">Henk (V01) 09:00–12:00<"))
        #expect(taxi.lowerBound < volunteer.lowerBound)
    }

    @Test func timelineIsCappedAtSixtyRows() throws {
        let result = ReportSample.result(days: 2, extraVehicles: 100)
        let figure = try #require(Self.figure("chart-timeline", in: ReportWriter.html(result)))
        #expect(Self.count("<g class=\"row\">", in: figure) == 60)
        #expect(figure.contains("first 60 of 103"))
        let small = try #require(Self.figure("chart-timeline", in: ReportWriter.html(ReportSample.result())))
        #expect(!small.contains("first 60"))
    }

    @Test func cappedTimelinePrefersVolunteersWhoDrove() throws {
        var result = ReportSample.result(days: 2)
        let busy = ReportSample.day(1)
        for v in 0..<80 {
            result.timelines.append(
                Timeline(day: busy, vehicle: "Idle \(v) (V\(v))", kind: "volunteer", shiftStart: 540, shiftEnd: 720, segments: []))
        }
        result.timelines.append(
            Timeline(
                day: busy, vehicle: "Zoë (V999)", kind: "volunteer", shiftStart: 540, shiftEnd: 720,
                segments: [.init(start: 600, end: 630, activity: "drive", onBoard: 1)]))
        let figure = try #require(Self.figure("chart-timeline", in: ReportWriter.html(result)))
        #expect(Self.count("<g class=\"row\">", in: figure) == 60)
        #expect(figure.contains(">Zoë (V999)<"), "a volunteer who drove is shown before idle ones")
        #expect(figure.contains("AutoMaatje volunteers (58 of 82 shown)"))
        // Numbers in names sort as numbers: Idle 2 before Idle 10.
        let two = try #require(figure.range(of: ">Idle 2 (V2)<"))
        let ten = try #require(figure.range(of: ">Idle 10 (V10)<"))
        #expect(two.lowerBound < ten.lowerBound)
    }

    // MARK: Files

    @Test func writesCSVFiles() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = ReportSample.result()
        try ReportWriter.write(result, to: directory + "/nested")

        let requests = Self.parseCSV(try String(contentsOfFile: directory + "/nested/requests.csv", encoding: .utf8))
        #expect(requests.first == ["id", "day", "traveller", "purpose", "lead_minutes", "desired_time", "outcome", "mode", "reason", "price", "direct_minutes"])
        #expect(requests.count == result.requests.count + 1)
        #expect(requests[1] == ["R000001", "2026-03-02", "T0001", "medical", "1440", "09:30", "served", "regiotaxi", "", "4.50", "12.3"])
        #expect(requests.contains { $0[3] == "family, \"big\" party" }, "a quoted field survives")

        let rides = Self.parseCSV(try String(contentsOfFile: directory + "/nested/rides.csv", encoding: .utf8))
        #expect(rides.first?.count == 12)
        #expect(rides.first?[0] == "request")
        #expect(rides.first?[10] == "wait_beyond_window")
        #expect(rides.count == result.rides.count + 1)
        #expect(rides.allSatisfy { $0.count == 12 })
        #expect(rides.contains { $0[4] == "Henk \"de Rijder\", V01" })
        #expect(rides[1][5] == "09:05" && rides[1][8] == "14.5")
        #expect(rides.contains { $0[7] == "25:10" }, "times after midnight keep counting")

        let raw = try String(contentsOfFile: directory + "/nested/rides.csv", encoding: .utf8)
        #expect(raw.contains("\"Henk \"\"de Rijder\"\", V01\""))
        #expect(FileManager.default.fileExists(atPath: directory + "/nested/report.html"))
    }

    @Test func kpisJSONDecodesToTheSameKPIs() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = ReportSample.result()
        try ReportWriter.write(result, to: directory)
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/kpis.json"))
        let file = try JSONDecoder().decode(ReportWriter.KPIFile.self, from: data)
        #expect(file.kpis == result.kpis)
        #expect(file.calibration == result.calibration)
        #expect(file.scenario == result.scenario)
        #expect(file.seed == result.seed)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["scenario", "seed", "kpis", "calibration"])
    }

    @Test func writeErrorNamesTheFile() throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A directory where report.html should go cannot be replaced by a file.
        try FileManager.default.createDirectory(atPath: directory + "/report.html", withIntermediateDirectories: true)
        let error = #expect(throws: ReportWriter.WriteError.self) {
            try ReportWriter.write(ReportSample.result(), to: directory)
        }
        #expect(error?.description.contains("report.html") == true)
        // A file where the directory should be.
        let file = directory + "/plain-file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        let fileError = #expect(throws: ReportWriter.WriteError.self) {
            try ReportWriter.write(ReportSample.result(), to: file)
        }
        #expect(fileError?.description.contains("plain-file") == true)
    }

    // MARK: Comparison

    @Test func comparisonPutsBothScenariosSideBySide() throws {
        var b = ReportSample.result()
        b.scenario = "twenterand-more-taxis"
        b.kpis.scenario = b.scenario
        b.kpis.total.served += 2
        b.kpis.total.servedShare = Double(b.kpis.total.served) / Double(b.kpis.total.requests)
        b.kpis.total.refusals["NO_VEHICLE_AVAILABLE"] = 0
        let a = ReportSample.result()
        let html = ReportWriter.comparisonHTML(a, b)
        #expect(html.contains("twenterand-test"))
        #expect(html.contains("twenterand-more-taxis"))
        let table = try #require(Self.element("table", id: "kpi-comparison", in: html))
        #expect(table.contains("A: twenterand-test"))
        #expect(table.contains("B: twenterand-more-taxis"))
        #expect(table.contains("Difference (B − A)"))
        #expect(table.contains("+2"), "served differs by two")
        #expect(table.contains(" pp<") && !table.contains("±0 pp"), "shares differ in percentage points")
        for id in ["chart-served-share", "chart-mode-split", "chart-refusals"] {
            let figure = try #require(Self.figure(id, in: html), "no figure \(id)")
            #expect(Self.count("<svg", in: figure) == 2, "\(id) should show A and B")
        }
        #expect(Self.xmlError(html) == nil)
        let rest = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!rest.contains("http://") && !rest.contains("https://"))

        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ReportWriter.writeComparison(a, b, to: directory)
        let file = try JSONDecoder().decode(ReportWriter.ComparisonFile.self, from: Data(contentsOf: URL(fileURLWithPath: directory + "/kpis.json")))
        #expect(file.a.kpis == a.kpis)
        #expect(file.b.kpis == b.kpis)
        #expect(FileManager.default.fileExists(atPath: directory + "/report.html"))
    }

    // MARK: Helpers

    /// The `<figure id="…">…</figure>` element (figures do not nest).
    static func figure(_ id: String, in html: String) -> String? { element("figure", id: id, in: html) }

    /// The `<tag … id="id" …>…</tag>` element, assuming it does not nest its own tag.
    static func element(_ tag: String, id: String, in html: String) -> String? {
        guard let attribute = html.range(of: " id=\"\(id)\""),
            let start = html.range(of: "<\(tag)", options: .backwards, range: html.startIndex..<attribute.lowerBound),
            !html[start.upperBound..<attribute.lowerBound].contains(">"),
            let end = html.range(of: "</\(tag)>", range: attribute.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.lowerBound..<end.upperBound])
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// Nil when the page minus its doctype line parses as XML, else the parser's complaint.
    static func xmlError(_ html: String) -> String? {
        let lines = html.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard lines.count == 2, lines[0] == "<!DOCTYPE html>" else { return "no doctype line" }
        let parser = XMLParser(data: Data(lines[1].utf8))
        // swift-corelibs-foundation may return true from `parse()` and still record an error
        // (e.g. for a mismatched end tag): look at both.
        let parsed = parser.parse()
        if let error = parser.parserError { return "\(error) at line \(parser.lineNumber), column \(parser.columnNumber)" }
        return parsed ? nil : "parse failed"
    }

    static func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("goan-report-\(UUID().uuidString)").path
    }

    /// RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, afterQuote = false
        for character in text {
            if quoted {
                if character == "\"" {
                    quoted = false
                    afterQuote = true
                } else {
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"":
                if afterQuote { field.append("\"") }
                quoted = true
                afterQuote = false
            case ",":
                record.append(field)
                field = ""
                afterQuote = false
            case "\n", "\r\n":
                record.append(field)
                records.append(record)
                record = []
                field = ""
                afterQuote = false
            default:
                field.append(character)
                afterQuote = false
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records
    }
}

/// A small hand-built run: a few days of requests, rides and timelines in Twenterand.
enum ReportSample {
    /// Day `index` of the run from Monday 2026-03-02 (up to 59 days).
    static func day(_ index: Int) -> String {
        let dayOfMonth = 2 + index
        return dayOfMonth <= 31 ? String(format: "2026-03-%02d", dayOfMonth) : String(format: "2026-04-%02d", dayOfMonth - 31)
    }

    static func result(days: Int = 3, extraVehicles: Int = 0) -> SimulationResult {
        var requests: [RequestRecord] = []
        var rides: [RideRecord] = []
        var timelines: [Timeline] = []
        var dayKPIs: [DayKPIs] = []
        var total = DayKPIs(day: "total")
        for index in 0..<days {
            let date = day(index)
            // Day 1 (the second day) is the busiest: four rides, the others two.
            let rideCount = index == 1 ? 4 : 2
            var kpis = DayKPIs(day: date)
            for n in 0..<(rideCount + 1) {
                let id = String(format: "R%06d", requests.count + 1)
                let served = n < rideCount
                let service = n % 2 == 0 ? "regiotaxi" : "automaatje"
                requests.append(
                    RequestRecord(
                        id: id, day: date, traveller: String(format: "T%04d", n + 1), purpose: n == 1 ? "family, \"big\" party" : "medical",
                        leadMinutes: 1440, desiredMinute: 570 + 60 * n, outcome: served ? .served : .refused, mode: served ? service : "",
                        reason: served ? "" : "NO_VEHICLE_AVAILABLE", price: served ? 4.5 : 0, directMinutes: 12.34))
                kpis.requests += 1
                if served {
                    kpis.served += 1
                    kpis.modeSplit[service, default: 0] += 1
                    let vehicle = service == "regiotaxi" ? "RT-01 06:00–14:00" : "Henk \"de Rijder\", V01"
                    let pickup = n == 3 ? 1494.0 : 545.0 + 60 * Double(n)
                    rides.append(
                        RideRecord(
                            request: id, day: date, traveller: String(format: "T%04d", n + 1), service: TravelMode(rawValue: service)!, vehicle: vehicle,
                            agreedPickup: pickup, pickup: pickup + 2, dropoff: pickup + 16, rideMinutes: 14.5, directMinutes: 12.3 - Double(n) * 2,
                            waitBeyondWindow: n == 2 ? 3 : 0, km: 8.25))
                } else {
                    kpis.refusals["NO_VEHICLE_AVAILABLE", default: 0] += 1
                }
            }
            kpis.servedShare = Double(kpis.served) / Double(kpis.requests)
            kpis.meanRideTimeRatio = 1.3
            kpis.vehicleKm = 40
            kpis.emptyKm = 12
            kpis.occupancy = 0.9
            kpis.volunteerRides = rideCount / 2
            kpis.travellerPaid = 4.5 * Double(rideCount)
            kpis.operatorCost = 120
            kpis.co2Kg = 6.4
            dayKPIs.append(kpis)
            total.requests += kpis.requests
            total.served += kpis.served
            for (k, v) in kpis.refusals { total.refusals[k, default: 0] += v }
            for (k, v) in kpis.modeSplit { total.modeSplit[k, default: 0] += v }
            total.vehicleKm += kpis.vehicleKm
            total.emptyKm += kpis.emptyKm
            total.travellerPaid += kpis.travellerPaid
            total.operatorCost += kpis.operatorCost
            total.co2Kg += kpis.co2Kg
            total.volunteerRides += kpis.volunteerRides

            timelines.append(
                Timeline(
                    day: date, vehicle: "RT-01 06:00–14:00", kind: "regiotaxi", shiftStart: 360, shiftEnd: 840,
                    segments: [
                        .init(start: 520, end: 545, activity: "drive", onBoard: 0),
                        .init(start: 545, end: 547, activity: "stop", onBoard: 1),
                        .init(start: 547, end: 575, activity: "drive", onBoard: 1),
                        .init(start: 575, end: 590, activity: "drive", onBoard: 2),
                        .init(start: 590, end: 620, activity: "wait", onBoard: 0),
                        .init(start: 620, end: 660, activity: "drive", onBoard: 4),
                    ]))
            timelines.append(
                Timeline(
                    day: date, vehicle: "Henk (V01) 09:00–12:00", kind: "volunteer", shiftStart: 540, shiftEnd: 720,
                    segments: [.init(start: 580, end: 600, activity: "drive", onBoard: 0), .init(start: 600, end: 630, activity: "drive", onBoard: 1)]))
            timelines.append(
                Timeline(
                    day: date, vehicle: "RT-02 14:00–25:30", kind: "regiotaxi", shiftStart: 840, shiftEnd: 1530,
                    segments: [.init(start: 1480, end: 1520, activity: "drive", onBoard: 1)]))
            if index == 1 {
                for v in 0..<extraVehicles {
                    timelines.append(
                        Timeline(
                            day: date, vehicle: String(format: "Vol %03d", v), kind: "volunteer", shiftStart: 480, shiftEnd: 1020,
                            segments: [.init(start: 600, end: 640, activity: "drive", onBoard: 1)]))
                }
            }
        }
        total.servedShare = total.requests > 0 ? Double(total.served) / Double(total.requests) : 0
        total.meanRideTimeRatio = 1.3
        total.ridesOutsideWindow = 1
        total.meanMinutesBeyondWindow = 3
        let kpis = KPIs(
            scenario: "twenterand-test", seed: 42, days: dayKPIs, total: total, automaatjeRiders: 2, automaatjeRidersLivingAlone: 0.5,
            timing: .init(planningSeconds: 1.5, bookingSeconds: 0.25, dispatchingSeconds: 2))
        return SimulationResult(
            scenario: "twenterand-test", description: "A small test scenario for Twenterand.", seed: 42, kpis: kpis, requests: requests,
            rides: rides, timelines: timelines,
            calibration: [
                CalibrationCheck(figure: "AutoMaatje rides in six months", real: 1000, simulated: 1100, tolerance: 0.15, source: "Pilot evaluation 2019"),
                CalibrationCheck(figure: "Share of riders living alone", real: 0.6, simulated: 0.4, tolerance: 0.1, source: "Survey"),
            ])
    }
}
