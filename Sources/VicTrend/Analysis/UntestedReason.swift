/// Why a figure that a report could show has no test, trend or projection: the reports say it in plain
/// words (`explanation`) instead of leaving a cell empty without a word. The raw value is the JSON
/// report's code (`test_not_run`, `trend_not_run`, `projection_not_made`).
public enum UntestedReason: String, Sendable, Hashable, CaseIterable {
    /// Running totals are not independent counts: no exact test, trend or projection.
    case runningTotals = "running-totals"
    /// `--no-test`: the exact test was turned off.
    case testTurnedOff = "no-test"
    /// The base count is 0: growth from zero is undefined, so nothing is assessed or tested.
    case zeroBase = "zero-base"
    /// A count above 2^53 (`RateRatioTest.Unavailable.countAbove2To53`).
    case countAbove2To53 = "count-above-2^53"
    /// A target ratio that is not a positive finite number (`RateRatioTest.Unavailable.ratioOutOfRange`).
    case ratioOutOfRange = "ratio-out-of-range"
    /// Small-cell suppression: the figure would give a hidden count away.
    case suppressed = "suppressed"
    /// The latest segment has fewer than 4 figures: no trend fitted.
    case fewFigures = "fewer-than-4-figures"
    /// The latest segment's counts have no finite fit (all zero, or every nonzero count at one end).
    case noFit = "no-finite-fit"
    /// The target year is not after the country's latest figure: nothing to project.
    case targetYearNotAfterLatest = "target-year-not-after-latest"
    /// The projected count or its interval is beyond floating-point range (a target year centuries away).
    case projectionOutOfRange = "projection-out-of-range"

    /// The reason of a test that applies but was not computed.
    init(_ unavailable: RateRatioTest.Unavailable) {
        switch unavailable {
        case .countAbove2To53: self = .countAbove2To53
        case .ratioOutOfRange: self = .ratioOutOfRange
        }
    }

    /// One plain phrase, to follow "not tested:" or "no trend:".
    public var explanation: String {
        switch self {
        case .runningTotals: "running totals are not independent counts"
        case .testTurnedOff: "the exact test was turned off (--no-test)"
        case .zeroBase: "the base count is 0, so growth is undefined"
        case .countAbove2To53: RateRatioTest.Unavailable.countAbove2To53.explanation
        case .ratioOutOfRange: RateRatioTest.Unavailable.ratioOutOfRange.explanation
        case .suppressed: "a count of the country is suppressed, and this figure would give it away"
        case .fewFigures: "fewer than 4 figures since the latest break"
        case .noFit: "no finite trend fits the counts since the latest break (all zero, or all at one end)"
        case .targetYearNotAfterLatest: "the target year is not after the country's latest figure"
        case .projectionOutOfRange: "the projected count is beyond the range of floating-point numbers"
        }
    }
}
