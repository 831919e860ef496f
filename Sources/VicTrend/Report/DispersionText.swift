extension Dispersion {
    /// `estimate`, `none` or the fixed value, as `--dispersion` takes it (JSON's `dispersion` parameter).
    var argument: String {
        switch self {
        case .estimate: "estimate"
        case .none: "none"
        case .fixed(let value): NumberFormatting.compact(value, maxDecimals: 6)
        }
    }

    /// The caveat's sentence on the dispersion the year-on-year test used.
    var caveat: String {
        switch self {
        case .estimate:
            "Counts vary more than Poisson counts (victims are identified in clusters), so each year-on-year "
                + "test scales its counts by the dispersion φ of its segment, estimated from the segment's "
                + "log-linear trend (R's quasipoisson dispersion, at least 1; 1 where a segment has fewer than "
                + "4 figures, flagged dispersion-not-estimated)."
        case .none:
            "The year-on-year test treats counts as Poisson (--dispersion none: φ = 1); victims are identified "
                + "in clusters, so it finds more significant shortfalls than the counts support."
        case .fixed:
            "Each year-on-year test scales its counts by the fixed dispersion φ = \(argument) (--dispersion), "
                + "allowing for counts that vary more than Poisson counts."
        }
    }
}
