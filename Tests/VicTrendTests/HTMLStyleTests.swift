import Foundation
import Testing

@testable import VicTrend

/// The HTML report's colours and charts, from the CSS text and the SVG as written.
@Suite("HTML report: heat colours differ in lightness, labels inside their charts")
struct HTMLStyleTests {
    /// The declarations of the rule whose selector is exactly `selector` in `HTMLReporter.style`.
    private func rule(_ selector: String) throws -> [String: String] {
        let css = HTMLReporter.style
        let start = try #require(css.range(of: "\(selector){"), "no rule \(selector)")
        let body = css[start.upperBound...].prefix { $0 != "}" }
        var declarations: [String: String] = [:]
        for declaration in body.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            if parts.count == 2 { declarations[String(parts[0])] = String(parts[1]) }
        }
        return declarations
    }

    /// sRGB `#rrggbb` or `#rgb` as relative luminance Y (0...1), by the sRGB transfer function.
    private func luminance(_ hex: String) throws -> Double {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        let value = try #require(UInt32(digits, radix: 16), "\(hex)")
        #expect(hex.hasPrefix("#") && digits.count == 6)
        let channels = [value >> 16, value >> 8 & 0xff, value & 0xff].map { Double($0) / 255 }
        let linear = channels.map { $0 <= 0.040_45 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    /// CIELAB L* of a colour (D65 white, Y of white = 1).
    private func lightness(_ hex: String) throws -> Double {
        let y = try luminance(hex)
        let f = y > 216.0 / 24389 ? cbrt(y) : (24389.0 / 27 * y + 16) / 116
        return 116 * f - 16
    }

    /// WCAG contrast ratio of two colours.
    private func contrast(_ first: String, _ second: String) throws -> Double {
        let (a, b) = (try luminance(first), try luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    @Test("the computation: L* of white 100, black 0, mid grey #777 about 50; contrast of black on white 21")
    func reference() throws {
        #expect(abs(try lightness("#fff") - 100) < 1e-9)
        #expect(abs(try lightness("#000000")) < 1e-9)
        // #777777: Y = 0.18447, L* = 50.03 (by hand: ((0.4667 + 0.055) / 1.055)^2.4, 116 Y^(1/3) − 16).
        #expect(abs(try lightness("#777777") - 50.03) < 0.01)
        #expect(abs(try contrast("#000", "#fff") - 21) < 1e-9)
    }

    @Test("met, short, significant and not assessed differ by at least 15 L* pairwise; text contrast ≥ 4.5:1")
    func heatColours() throws {
        let bodyText = try #require(try rule("body")["color"])
        var lightnesses: [(String, Double)] = []
        for category in ["met", "short", "significant", "na"] {
            let declarations = try rule(".\(category)")
            let background = try #require(declarations["background"], "\(category)")
            lightnesses.append((category, try lightness(background)))
            let text = declarations["color"] ?? bodyText
            #expect(try contrast(background, text) >= 4.5, "\(category): \(text) on \(background)")
        }
        for (index, (first, one)) in lightnesses.enumerated() {
            for (second, other) in lightnesses[(index + 1)...] {
                #expect(abs(one - other) >= 15, "\(first) L* \(one) and \(second) L* \(other)")
            }
        }
        // The values the style's documentation states.
        let stated: [String: Double] = ["met": 80.2, "short": 62.4, "significant": 40.2, "na": 100]
        for (category, value) in lightnesses {
            #expect(abs(value - (stated[category] ?? 0)) < 0.05, "\(category) \(value)")
        }
    }

    @Test("charts shrink to the width and wide tables scroll in their own box")
    func narrowScreens() throws {
        #expect(try rule("svg.chart")["max-width"] == "100%")
        #expect(try rule(".scroll")["overflow-x"] == "auto")
        #expect(try rule(".scroll")["max-width"] == "100%")
    }

    /// The year labels of a chart: (year, anchor, x).
    private func yearLabels(_ svg: String) -> [(year: Int, anchor: String, x: Double)] {
        svg.matches(of: /<text class="tick" x="([0-9.]+)" y="[0-9.]+" text-anchor="(\w+)">([0-9]{4})<\/text>/)
            .map {
                (Int($0.output.3) ?? 0, String($0.output.2), Double($0.output.1) ?? -1)
            }
    }

    @Test(
        "every year label lies inside its chart: the last one ends at the right edge instead of being cut",
        arguments: [
            (2013, 2024, true), (2019, 2022, true), (2020, 2020, true), (2013, 2024, false),
            (1999, 2030, true),
        ])
    func labelsInside(first: Int, last: Int, compact: Bool) throws {
        let points = (first...last).map { SVGLineChart.Point(year: $0, value: Double($0 - first + 1)) }
        let chart = SVGLineChart(
            id: "c", title: "t", description: "d", actual: points, trajectory: [], width: compact ? 200 : 640,
            height: compact ? 120 : 280, compact: compact)
        let labels = yearLabels(chart.render())
        #expect(labels.first?.year == first && labels.last?.year == last)
        for label in labels {
            let width = chart.labelWidth(characters: 4)
            let (from, to): (Double, Double) =
                switch label.anchor {
                case "start": (label.x, label.x + width)
                case "end": (label.x - width, label.x)
                default: (label.x - width / 2, label.x + width / 2)
                }
            #expect(from >= 0 && to <= chart.width, "\(label) spans \(from)...\(to) of \(chart.width)")
        }
        if compact && last > first {
            // The small multiple's last year, at x = 200 − 10: centred it would reach 202.
            #expect(labels.last?.anchor == "end" && labels.last?.x == 190)
        }
    }
}
