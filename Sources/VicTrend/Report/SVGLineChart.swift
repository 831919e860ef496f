/// A line chart of actual counts against the trajectory, as inline SVG (no script, no external
/// resource). Coordinates are written with one decimal so the output is the same on every machine.
struct SVGLineChart {
    /// A projection: from the latest figure to `to`, the interval `low`...`high` at `to.year`.
    struct Projection {
        var from: Point
        var to: Point
        var low: Double
        var high: Double
    }

    /// One point of a series.
    struct Point {
        var year: Int
        var value: Double
    }

    var id: String
    var title: String
    var description: String
    var actual: [Point]
    var trajectory: [Point]
    /// The projection to the target year, drawn dashed from `from` (the latest figure) to the projected
    /// count, with its prediction interval as a shaded wedge to `low`...`high` at the target year.
    var projection: Projection?
    var width = 640.0
    var height = 280.0
    /// Small multiples drop the axis titles and most labels.
    var compact = false

    func render() -> String {
        let left = compact ? 34.0 : 56.0
        let right = compact ? 10.0 : 16.0
        let top = compact ? 8.0 : 26.0
        let bottom = compact ? 18.0 : 34.0
        let projected = projection.map { [$0.from, $0.to, Point(year: $0.to.year, value: $0.high)] } ?? []
        let years = (actual + trajectory + projected).map(\.year)
        guard let firstYear = years.min(), let lastYear = years.max() else { return "" }
        let maximum = max(1, (actual + trajectory + projected).map(\.value).max() ?? 1)
        let scaleTop = Self.niceCeiling(maximum)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ year: Int) -> Double {
            lastYear == firstYear
                ? left + plotWidth / 2
                : left + plotWidth * Double(year - firstYear) / Double(lastYear - firstYear)
        }
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / scaleTop) }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(compact ? "chart" : "chart large")\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" "
            + "width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        svg += "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>"
        svg += "<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>"
        // Horizontal grid and value labels.
        let steps = compact ? 2 : 4
        for step in 0...steps {
            let value = scaleTop * Double(step) / Double(steps)
            let gridY = y(value)
            svg +=
                "<line class=\"grid\" x1=\"\(Self.n(left))\" y1=\"\(Self.n(gridY))\" x2=\"\(Self.n(width - right))\" y2=\"\(Self.n(gridY))\"/>"
            svg +=
                "<text class=\"tick\" x=\"\(Self.n(left - 4))\" y=\"\(Self.n(gridY + 3))\" text-anchor=\"end\">"
                + "\(Self.tick(value))</text>"
        }
        // Year labels: every year when few, else first, last and a few between.
        let every = max(1, (lastYear - firstYear) / (compact ? 2 : 8))
        // Regular labels, and the last year, but no label crowding the last one.
        var labelled = Set(
            stride(from: firstYear, through: lastYear, by: every).filter { lastYear - $0 >= (every + 1) / 2 })
        labelled.insert(lastYear)
        for year in labelled.sorted() {
            let (anchor, anchorX) = yearLabel(year, at: x(year))
            svg +=
                "<text class=\"tick\" x=\"\(Self.n(anchorX))\" y=\"\(Self.n(height - bottom + (compact ? 12 : 16)))\" "
                + "text-anchor=\"\(anchor)\">\(year)</text>"
        }
        if let projection {
            let wedge = [
                (projection.from.year, projection.from.value), (projection.to.year, projection.high),
                (projection.to.year, projection.low),
            ]
            svg +=
                "<polygon class=\"projection-interval\" points=\""
                + wedge.map { "\(Self.n(x($0.0))),\(Self.n(y($0.1)))" }.joined(separator: " ") + "\"/>"
            svg += path([projection.from, projection.to], className: "projection", x: x, y: y)
        }
        svg += path(trajectory, className: "trajectory", x: x, y: y)
        svg += path(actual, className: "actual", x: x, y: y)
        for point in actual {
            svg +=
                "<circle class=\"actual\" cx=\"\(Self.n(x(point.year)))\" cy=\"\(Self.n(y(point.value)))\" r=\"\(compact ? "1.8" : "3")\"/>"
        }
        if !compact {
            svg +=
                "<text class=\"axis\" x=\"\(Self.n(left - 4))\" y=\"\(Self.n(top - 12))\">identified victims</text>"
        }
        return svg + "</svg>"
    }

    /// A polyline through the points in year order; breaks where years are missing are bridged.
    private func path(_ points: [Point], className: String, x: (Int) -> Double, y: (Double) -> Double)
        -> String
    {
        guard !points.isEmpty else { return "" }
        let coordinates = points.sorted { $0.year < $1.year }.map {
            "\(Self.n(x($0.year))),\(Self.n(y($0.value)))"
        }
        return "<polyline class=\"\(className)\" points=\"\(coordinates.joined(separator: " "))\"/>"
    }

    /// The font size of the tick labels, in chart units: 10 in small multiples (`.chart .tick` in
    /// `HTMLReporter.style`), 13 in a large chart (`.chart.large .tick`), which is shrunk more on a
    /// narrow screen.
    var tickFontSize: Double { compact ? 10 : 13 }

    /// The widest a tick label of `characters` digits can be, in chart units: digits are at most 0.6 em
    /// wide in the fonts the page asks for (about 0.55 em in most).
    func labelWidth(characters: Int) -> Double {
        Double(characters) * 0.6 * tickFontSize
    }

    /// Where the label of `year` is anchored so that it stays inside the chart: centred under its tick
    /// at `x` when it fits, else ending at the tick (the last year, at the right edge) or starting at it
    /// (a year at the left edge).
    func yearLabel(_ year: Int, at x: Double) -> (anchor: String, x: Double) {
        let half = labelWidth(characters: String(year).count) / 2
        if x + half > width { return ("end", min(x, width)) }
        if x - half < 0 { return ("start", max(x, 0)) }
        return ("middle", x)
    }

    /// An axis value: grouped digits, or scientific notation beyond 64-bit integers.
    static func tick(_ value: Double) -> String {
        value < 9.0e18
            ? NumberFormatting.grouped(Int(value.rounded())) : NumberFormatting.significant(value, digits: 3)
    }

    /// The smallest 1, 2 or 5 × 10^k at or above `value`.
    static func niceCeiling(_ value: Double) -> Double {
        var magnitude = 1.0
        while magnitude * 10 <= value { magnitude *= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= value {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// A coordinate with one decimal, without a trailing `.0`.
    static func n(_ value: Double) -> String { NumberFormatting.compact(value, maxDecimals: 1) }
}
