//===----------------------------------------------------------------------===//
//
// This source file is part of the goan open source project
//
// SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//

import Domain
import Foundation

/// Small hand-written inline-SVG charts for the simulation report.
///
/// Each builder returns one self-contained `<svg>` element: a `viewBox` in pixels (it scales
/// with the page), a `<title>` and `<desc>` for screen readers, the chart's title drawn on top,
/// axis labels with units, and all text escaped. No scripts, fonts, stylesheets or images are
/// referenced, so the report works offline. Every element id starts with the chart's `id`.
enum SVGChart {
    // MARK: Colours

    /// Empty driving (nobody on board).
    static let emptyColor = "#a3a3a3"
    /// Driving with 1, 2, 3 and 4 or more people on board (light to dark blue).
    static let onBoardColors = ["#9ecae1", "#4a98c9", "#1f63a8", "#0b2f6b"]
    /// Stopped, waiting for a pickup time.
    static let waitColor = "#f6dfa4"
    /// Boarding or alighting.
    static let stopColor = "#e0641b"
    static let servedColor = "#2f7fb8"
    /// Reference lines (whole-run share, mean).
    static let referenceColor = "#d62728"
    static let refusedColor = "#c44e52"
    static let axisColor = "#555555"
    static let gridColor = "#e3e3e3"
    static let textColor = "#222222"
    static let mutedTextColor = "#666666"

    /// A mode's colour, the same in every chart and every report.
    static func modeColor(_ mode: String) -> String {
        switch mode {
        case TravelMode.regiotaxi.rawValue: return "#2f7fb8"
        case TravelMode.transit.rawValue: return "#3a9b4a"
        case TravelMode.automaatje.rawValue: return "#f28e2b"
        case TravelMode.walk.rawValue: return "#8c8c8c"
        case "automaatje+transit", "transit+automaatje": return "#b7a52e"
        case "regiotaxi+transit", "transit+regiotaxi": return "#3fb0b8"
        default:
            let palette = ["#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"]
            // FNV-1a, stable across processes (unlike `hashValue`).
            var hash: UInt32 = 2_166_136_261
            for byte in mode.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            return palette[Int(hash % UInt32(palette.count))]
        }
    }

    /// The colour of a drive segment with `onBoard` people on board.
    static func driveColor(onBoard: Int) -> String {
        onBoard <= 0 ? emptyColor : onBoardColors[min(onBoard, onBoardColors.count) - 1]
    }

    // MARK: Served share per day

    /// One day's value for `dayShares`.
    struct DayPoint: Sendable, Hashable {
        /// `YYYY-MM-DD`.
        var day: String
        /// A share 0…1, or nil when there was nothing to measure (no requests that day).
        var share: Double?
    }

    /// A share per day, drawn 0–100 %: bars for up to 40 days, a line with dots beyond.
    /// `reference` (0…1) is drawn as a dashed line labelled `referenceLabel`. `width` in pixels
    /// (900 for a full-width chart, about 540 for one of a pair).
    static func dayShares(
        id: String, title: String, description: String, points: [DayPoint], yLabel: String, reference: Double?, referenceLabel: String,
        width: Double = 900, xLabel: String = "Day (date)"
    ) -> String {
        let height = width < 700 ? 300.0 : 330.0
        let left = 66.0, right = 20.0, top = 46.0, bottom = 74.0
        let plotW = width - left - right, plotH = height - top - bottom
        var svg = SVGBuilder(id: id, width: width, height: height, title: title, description: description)
        svg.title(title, x: 12, y: 24)
        func y(_ share: Double) -> Double { top + plotH * (1 - min(max(share, 0), 1)) }

        // Grid and y axis.
        for tick in stride(from: 0, through: 100, by: 25) {
            let ty = y(Double(tick) / 100)
            svg.line(x1: left, y1: ty, x2: left + plotW, y2: ty, stroke: tick == 0 ? axisColor : gridColor)
            svg.text("\(tick)%", x: left - 8, y: ty + 4, size: 11, anchor: "end", fill: mutedTextColor)
        }
        svg.verticalLabel(yLabel, x: 16, y: top + plotH / 2)
        svg.text(xLabel, x: left + plotW / 2, y: height - 8, size: 12, anchor: "middle", fill: textColor)

        guard !points.isEmpty else {
            svg.text("No days were simulated.", x: left + plotW / 2, y: top + plotH / 2, size: 14, anchor: "middle", fill: mutedTextColor)
            return svg.finish()
        }
        let slot = plotW / Double(points.count)
        let centers = points.indices.map { left + slot * (Double($0) + 0.5) }
        if points.count <= 40 {
            let barW = min(slot * 0.7, 48)
            for (index, point) in points.enumerated() {
                let cx = centers[index]
                guard let share = point.share else {
                    svg.text("–", x: cx, y: y(0) - 4, size: 12, anchor: "middle", fill: mutedTextColor)
                    continue
                }
                svg.rect(
                    x: cx - barW / 2, y: y(share), width: barW, height: y(0) - y(share), fill: servedColor,
                    tooltip: "\(point.day): \(ReportFormat.percent(share))")
                if slot >= 26 {
                    svg.text(ReportFormat.percent(share, digits: 0), x: cx, y: y(share) - 4, size: 10, anchor: "middle", fill: textColor)
                }
            }
        } else {
            var runs: [[(Double, Double)]] = [[]]
            for (index, point) in points.enumerated() {
                if let share = point.share {
                    runs[runs.count - 1].append((centers[index], y(share)))
                } else if !runs[runs.count - 1].isEmpty {
                    runs.append([])
                }
            }
            for run in runs where !run.isEmpty {
                svg.polyline(run, stroke: servedColor, width: 2)
                if points.count <= 120 { for (px, py) in run { svg.circle(cx: px, cy: py, r: 2.5, fill: servedColor) } }
            }
        }
        if let reference, reference.isFinite {
            let ry = y(reference)
            svg.line(x1: left, y1: ry, x2: left + plotW, y2: ry, stroke: referenceColor, width: 1.5, dash: "6 4")
            // The legend of the line sits in the title row, where it hides no bar.
            let legendX = width - right - 7 * Double(referenceLabel.count) - 40
            svg.line(x1: legendX, y1: 20, x2: legendX + 28, y2: 20, stroke: referenceColor, width: 1.5, dash: "6 4")
            svg.text(referenceLabel, x: legendX + 34, y: 24, size: 12, anchor: "start", fill: referenceColor)
        }
        // Day labels: weekday over date, thinned so they do not overlap.
        let step = max(1, Int((44 / slot).rounded(.up)))
        for index in stride(from: 0, to: points.count, by: step) {
            let day = points[index].day
            let cx = centers[index]
            svg.line(x1: cx, y1: y(0), x2: cx, y2: y(0) + 4, stroke: axisColor)
            if let parts = ReportFormat.dateParts(day), let weekday = ReportFormat.weekday(day) {
                svg.text(ReportFormat.weekdayNames[weekday], x: cx, y: y(0) + 17, size: 10, anchor: "middle", fill: mutedTextColor)
                svg.text(
                    "\(parts.day) \(ReportFormat.monthNames[parts.month - 1])", x: cx, y: y(0) + 30, size: 10, anchor: "middle", fill: textColor)
            } else {
                svg.text(ReportFormat.truncate(day, 10), x: cx, y: y(0) + 17, size: 10, anchor: "middle", fill: textColor)
            }
        }
        return svg.finish()
    }

    // MARK: Horizontal bars

    /// One bar of `horizontalBars`.
    struct Bar: Sendable, Hashable {
        var label: String
        var value: Double
        /// Printed after the bar (e.g. `120 (34.5%)`).
        var note: String
        var color: String
    }

    /// Plain horizontal bars, one per category, in the order given. `scaleMax` fixes the axis
    /// end (to compare two charts side by side); `emptyText` is shown when there are no bars.
    /// `width` in pixels (900 for a full-width chart, about 540 for one of a pair).
    static func horizontalBars(
        id: String, title: String, description: String, bars: [Bar], xLabel: String, scaleMax: Double? = nil, emptyText: String,
        width: Double = 900
    ) -> String {
        let labelW = min(260, (width * 0.36).rounded()), noteW = min(150, (width * 0.24).rounded())
        let top = 48.0, rowH = 30.0, bottom = 58.0
        let left = labelW + 12, plotW = width - left - noteW
        guard !bars.isEmpty else {
            var svg = SVGBuilder(id: id, width: width, height: 110, title: title, description: description)
            svg.title(title, x: 12, y: 24)
            svg.text(emptyText, x: width / 2, y: 72, size: 14, anchor: "middle", fill: mutedTextColor)
            return svg.finish()
        }
        let height = top + rowH * Double(bars.count) + bottom
        var svg = SVGBuilder(id: id, width: width, height: height, title: title, description: description)
        svg.title(title, x: 12, y: 24)
        let maxValue = max(scaleMax ?? 0, bars.map(\.value).max() ?? 0, 1)
        let ticks = niceTicks(upTo: maxValue)
        let axisMax = ticks.last ?? maxValue
        func x(_ value: Double) -> Double { left + plotW * max(0, value) / axisMax }
        let axisY = top + rowH * Double(bars.count) + 4
        for tick in ticks {
            svg.line(x1: x(tick), y1: top - 4, x2: x(tick), y2: axisY, stroke: tick == 0 ? axisColor : gridColor)
            svg.text(ReportFormat.fixed(tick, 0, grouping: true), x: x(tick), y: axisY + 15, size: 11, anchor: "middle", fill: mutedTextColor)
        }
        svg.line(x1: left, y1: axisY, x2: left + plotW, y2: axisY, stroke: axisColor)
        svg.text(xLabel, x: left + plotW / 2, y: height - 10, size: 12, anchor: "middle", fill: textColor)
        for (index, bar) in bars.enumerated() {
            let rowY = top + rowH * Double(index)
            let barH = rowH - 10
            svg.text(ReportFormat.truncate(bar.label, Int(labelW / 6.6)), x: left - 10, y: rowY + barH / 2 + 9, size: 12, anchor: "end", fill: textColor)
            svg.rect(
                x: left, y: rowY + 5, width: max(x(bar.value) - left, bar.value > 0 ? 1.5 : 0), height: barH, fill: bar.color,
                tooltip: "\(bar.label): \(bar.note)")
            svg.text(bar.note, x: x(bar.value) + 6, y: rowY + barH / 2 + 9, size: 11, anchor: "start", fill: textColor)
        }
        return svg.finish()
    }

    // MARK: Histogram

    /// One stacked part of `histogram`: a name for the legend, a colour, a count per bin.
    struct Series: Sendable, Hashable {
        var name: String
        var color: String
        var counts: [Int]
    }

    /// Stacked vertical bars per bin. `bins` are the bin labels (as many as each series' counts);
    /// `marker` draws a dashed vertical line at a fractional bin position (0 = left edge of the first bin).
    static func histogram(
        id: String, title: String, description: String, bins: [String], series: [Series], xLabel: String, yLabel: String,
        marker: (position: Double, label: String)?, emptyText: String
    ) -> String {
        let width = 900.0, height = 350.0
        let left = 66.0, right = 24.0, top = 66.0, bottom = 64.0
        let plotW = width - left - right, plotH = height - top - bottom
        var svg = SVGBuilder(id: id, width: width, height: height, title: title, description: description)
        svg.title(title, x: 12, y: 24)
        // Legend.
        var legendX = left
        for part in series {
            svg.rect(x: legendX, y: 36, width: 14, height: 12, fill: part.color, tooltip: nil)
            svg.text(part.name, x: legendX + 20, y: 46, size: 12, anchor: "start", fill: textColor)
            legendX += 36 + Double(part.name.count) * 7
        }
        let totals = bins.indices.map { bin in series.reduce(0) { $0 + (bin < $1.counts.count ? $1.counts[bin] : 0) } }
        let maxCount = Double(totals.max() ?? 0)
        svg.verticalLabel(yLabel, x: 16, y: top + plotH / 2)
        svg.text(xLabel, x: left + plotW / 2, y: height - 8, size: 12, anchor: "middle", fill: textColor)
        guard maxCount > 0, !bins.isEmpty else {
            svg.line(x1: left, y1: top + plotH, x2: left + plotW, y2: top + plotH, stroke: axisColor)
            svg.text(emptyText, x: left + plotW / 2, y: top + plotH / 2, size: 14, anchor: "middle", fill: mutedTextColor)
            return svg.finish()
        }
        let ticks = niceTicks(upTo: maxCount)
        let axisMax = ticks.last ?? maxCount
        func y(_ count: Double) -> Double { top + plotH * (1 - count / axisMax) }
        for tick in ticks {
            svg.line(x1: left, y1: y(tick), x2: left + plotW, y2: y(tick), stroke: tick == 0 ? axisColor : gridColor)
            svg.text(ReportFormat.fixed(tick, 0, grouping: true), x: left - 8, y: y(tick) + 4, size: 11, anchor: "end", fill: mutedTextColor)
        }
        let slot = plotW / Double(bins.count)
        let barW = slot * 0.86
        for (bin, label) in bins.enumerated() {
            let x = left + slot * Double(bin) + (slot - barW) / 2
            var base = 0.0
            for part in series where bin < part.counts.count && part.counts[bin] > 0 {
                let count = Double(part.counts[bin])
                svg.rect(
                    x: x, y: y(base + count), width: barW, height: y(base) - y(base + count), fill: part.color,
                    tooltip: "\(part.name), \(label): \(part.counts[bin])")
                base += count
            }
            if totals[bin] > 0 {
                svg.text(ReportFormat.int(totals[bin]), x: x + barW / 2, y: y(base) - 4, size: 10, anchor: "middle", fill: textColor)
            }
            svg.text(label, x: left + slot * (Double(bin) + 0.5), y: top + plotH + 16, size: 10, anchor: "middle", fill: textColor)
        }
        if let marker, marker.position.isFinite {
            let mx = left + slot * min(max(marker.position, 0), Double(bins.count))
            svg.line(x1: mx, y1: top - 6, x2: mx, y2: top + plotH, stroke: referenceColor, width: 1.5, dash: "6 4")
            let anchor = mx > left + plotW * 0.75 ? "end" : "start"
            svg.text(marker.label, x: anchor == "end" ? mx - 5 : mx + 5, y: top + 4, size: 11, anchor: anchor, fill: referenceColor, halo: true)
        }
        return svg.finish()
    }

    // MARK: Timeline

    /// The first minute (06:00) and the end (25:00 = 01:00 next morning) of the timeline's x axis.
    static let timelineStart = 360.0
    static let timelineEnd = 1500.0

    /// A Gantt chart of one day: one row per vehicle or volunteer, in the order given (group
    /// headings are drawn where `kind` changes). Drive segments are coloured by people on board,
    /// waits are light, boarding is a dark mark, the shift or availability window is an outline.
    /// `kindTotals` counts the rows of each kind before any were left out (for the headings).
    static func timeline(id: String, title: String, description: String, rows: [Timeline], kindTotals: [String: Int], emptyText: String) -> String {
        let width = 1000.0
        let labelW = 232.0, right = 22.0, top = 84.0, rowH = 20.0, headerH = 24.0, bottom = 58.0
        let left = labelW + 10, plotW = width - left - right
        var kinds: [String] = []
        for row in rows where kinds.last != row.kind { kinds.append(row.kind) }
        let height = top + rowH * Double(rows.count) + headerH * Double(kinds.count) + bottom + (rows.isEmpty ? 40 : 0)
        var svg = SVGBuilder(id: id, width: width, height: height, title: title, description: description)
        svg.title(title, x: 12, y: 24)
        func x(_ minute: Double) -> Double {
            left + plotW * (min(max(minute, timelineStart), timelineEnd) - timelineStart) / (timelineEnd - timelineStart)
        }

        // Legend.
        var legend: [(String, String, Bool)] = [("empty driving", emptyColor, false)]
        for (index, color) in onBoardColors.enumerated() {
            let people = index + 1
            legend.append((people == onBoardColors.count ? "\(people)+ on board" : "\(people) on board", color, false))
        }
        legend += [("waiting", waitColor, false), ("boarding", stopColor, false), ("shift / availability", "none", true)]
        var legendX = 12.0
        for (name, color, outline) in legend {
            if outline {
                svg.rect(x: legendX, y: 38, width: 22, height: 12, fill: "none", tooltip: nil, stroke: axisColor)
            } else {
                svg.rect(x: legendX, y: 38, width: 22, height: 12, fill: color, tooltip: nil)
            }
            svg.text(name, x: legendX + 27, y: 48, size: 11, anchor: "start", fill: textColor)
            legendX += 40 + Double(name.count) * 6.2
        }

        let plotTop = top, plotBottom = height - bottom
        // Hour grid with labels above and below.
        for hour in stride(from: Int(timelineStart) / 60, through: Int(timelineEnd) / 60, by: 1) {
            let hx = x(Double(hour * 60))
            svg.line(x1: hx, y1: plotTop - 6, x2: hx, y2: plotBottom, stroke: hour % 2 == 0 ? "#d0d0d0" : gridColor)
            if hour % 2 == 0 {
                let label = ReportFormat.clock(hour * 60)
                svg.text(label, x: hx, y: plotTop - 10, size: 10, anchor: "middle", fill: mutedTextColor)
                svg.text(label, x: hx, y: plotBottom + 14, size: 10, anchor: "middle", fill: mutedTextColor)
            }
        }
        svg.line(x1: left, y1: plotBottom, x2: left + plotW, y2: plotBottom, stroke: axisColor)
        svg.text(
            "Time of day (hours; 24:00–25:00 is after midnight)", x: left + plotW / 2, y: height - 12, size: 12, anchor: "middle", fill: textColor)
        guard !rows.isEmpty else {
            svg.text(emptyText, x: left + plotW / 2, y: plotTop + 30, size: 14, anchor: "middle", fill: mutedTextColor)
            return svg.finish()
        }

        var rowY = plotTop
        var lastKind: String?
        var stripe = false
        for row in rows {
            if row.kind != lastKind {
                lastKind = row.kind
                let count = rows.lazy.filter { $0.kind == row.kind }.count
                let total = max(kindTotals[row.kind] ?? count, count)
                let number = total > count ? "\(ReportFormat.int(count)) of \(ReportFormat.int(total)) shown" : ReportFormat.int(count)
                let heading: String
                switch row.kind {
                case TravelMode.regiotaxi.rawValue: heading = "Regiotaxi vehicles (\(number))"
                case "volunteer": heading = "AutoMaatje volunteers (\(number))"
                default: heading = "\(row.kind) (\(number))"
                }
                svg.text(heading, x: 12, y: rowY + 17, size: 12, anchor: "start", fill: textColor, bold: true)
                svg.line(x1: 12, y1: rowY + 21, x2: left + plotW, y2: rowY + 21, stroke: "#bbbbbb")
                rowY += headerH
                stripe = false
            }
            if stripe { svg.rect(x: 12, y: rowY, width: left + plotW - 12, height: rowH, fill: "#f4f6f8", tooltip: nil) }
            stripe.toggle()
            svg.text(ReportFormat.truncate(row.vehicle, 36), x: left - 8, y: rowY + 14, size: 11, anchor: "end", fill: textColor)
            svg.beginGroup(tooltip: "\(row.vehicle): \(ReportFormat.clock(row.shiftStart))–\(ReportFormat.clock(row.shiftEnd))")
            let barY = rowY + 4, barH = rowH - 8
            for segment in merged(row.segments) where segment.end > timelineStart && segment.start < timelineEnd {
                let sx = x(segment.start), ex = x(segment.end)
                let fill: String
                var y0 = barY, h = barH
                switch segment.activity {
                case "wait":
                    fill = waitColor
                    y0 += 2
                    h -= 4
                case "stop":
                    fill = stopColor
                    y0 -= 1
                    h += 2
                default:
                    fill = driveColor(onBoard: segment.onBoard)
                }
                svg.rect(x: sx, y: y0, width: max(ex - sx, segment.activity == "stop" ? 1.2 : 0.6), height: h, fill: fill, tooltip: nil)
            }
            if row.shiftEnd > timelineStart && row.shiftStart < timelineEnd && row.shiftEnd > row.shiftStart {
                svg.rect(
                    x: x(row.shiftStart), y: barY - 2, width: max(x(row.shiftEnd) - x(row.shiftStart), 1), height: barH + 4, fill: "none",
                    tooltip: nil, stroke: axisColor)
            }
            svg.endGroup()
            rowY += rowH
        }
        return svg.finish()
    }

    /// Adjacent segments with the same activity and people on board joined into one (fewer
    /// rectangles for the same picture).
    static func merged(_ segments: [Timeline.Segment]) -> [Timeline.Segment] {
        var out: [Timeline.Segment] = []
        for segment in segments.sorted(by: { $0.start < $1.start }) where segment.end > segment.start {
            if var last = out.last, last.activity == segment.activity, last.onBoard == segment.onBoard, abs(last.end - segment.start) < 0.01 {
                last.end = max(last.end, segment.end)
                out[out.count - 1] = last
            } else {
                out.append(segment)
            }
        }
        return out
    }

    // MARK: Axes

    /// Round tick values (whole numbers, for counts) from 0 to at least `maxValue`, about five of them.
    static func niceTicks(upTo maxValue: Double) -> [Double] {
        guard maxValue.isFinite, maxValue > 0 else { return [0, 1] }
        let raw = maxValue / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        // Counts: no fractional ticks.
        let usedStep = max(step, 1)
        let count = Int((maxValue / usedStep).rounded(.up))
        return (0...max(count, 1)).map { Double($0) * usedStep }
    }
}

/// Appends SVG elements to a string; numbers are written with at most one decimal.
struct SVGBuilder {
    private(set) var out: String
    let id: String

    init(id: String, width: Double, height: Double, title: String, description: String) {
        self.id = id
        let w = Self.number(width), h = Self.number(height)
        out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
        out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\""
        out += " font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif\">\n"
        out += "<title id=\"\(id)-title\">\(ReportFormat.escape(title))</title>\n"
        out += "<desc id=\"\(id)-desc\">\(ReportFormat.escape(description))</desc>\n"
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let text = ReportFormat.fixed(value, 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    mutating func title(_ text: String, x: Double, y: Double) {
        self.text(text, x: x, y: y, size: 15, anchor: "start", fill: SVGChart.textColor, bold: true)
    }

    mutating func text(
        _ text: String, x: Double, y: Double, size: Double, anchor: String, fill: String, bold: Bool = false, halo: Bool = false
    ) {
        out += "<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\""
        if bold { out += " font-weight=\"bold\"" }
        if halo { out += " stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"" }
        out += ">\(ReportFormat.escape(text))</text>\n"
    }

    mutating func verticalLabel(_ text: String, x: Double, y: Double) {
        let px = Self.number(x), py = Self.number(y)
        out += "<text x=\"\(px)\" y=\"\(py)\" font-size=\"12\" text-anchor=\"middle\" fill=\"\(SVGChart.textColor)\""
        out += " transform=\"rotate(-90 \(px) \(py))\">\(ReportFormat.escape(text))</text>\n"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tooltip: String?, stroke: String? = nil) {
        out += "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\""
        out += " width=\"\(Self.number(max(width, 0)))\" height=\"\(Self.number(max(height, 0)))\" fill=\"\(fill)\""
        if let stroke { out += " stroke=\"\(stroke)\" stroke-width=\"1\"" }
        if let tooltip {
            out += "><title>\(ReportFormat.escape(tooltip))</title></rect>\n"
        } else {
            out += "/>\n"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        out += "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\""
        if width != 1 { out += " stroke-width=\"\(Self.number(width))\"" }
        if let dash { out += " stroke-dasharray=\"\(dash)\"" }
        out += "/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        out += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(Self.number(width))\" stroke-linejoin=\"round\"/>\n"
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String) {
        out += "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(fill)\"/>\n"
    }

    mutating func beginGroup(tooltip: String) {
        out += "<g class=\"row\"><title>\(ReportFormat.escape(tooltip))</title>\n"
    }

    mutating func endGroup() { out += "</g>\n" }

    func finish() -> String { out + "</svg>" }
}
