/// What the counts in the input are.
public enum SeriesKind: String, Sendable, Hashable, CaseIterable {
    /// Victims identified during each year.
    case annual
    /// Running totals up to each year, as INTERPOL publishes ICSE's.
    case cumulative
}

/// The choices every figure of a report depends on.
public struct AnalysisOptions: Sendable, Hashable {
    /// Annual counts or running totals.
    public var series: SeriesKind
    /// Required growth a year.
    public var targetRate: TargetRate
    /// Year the trajectory starts from; `nil` means each country's first reported year. A country
    /// with no figure for it starts from its first reported year after it (flag `baseline-shifted`).
    public var baselineYear: Int?
    /// The target year T of the projection (and of the growth a year needed to be back on the
    /// trajectory by T); `nil` means two years after the panel's latest year (`projectionYear`).
    public var targetYear: Int?
    /// Confidence level of the rate-ratio intervals; 1 − confidence is the significance level.
    public var confidence: Double
    /// Whether to run the exact Poisson test on every assessed year (`--no-test` turns it off for very
    /// large inputs: p-values, intervals and significance then stay empty).
    public var exactTest: Bool = true
    /// The dispersion φ of the year-on-year test: estimated per segment (the default), none (φ = 1,
    /// the pure Poisson test) or fixed.
    public var dispersion: Dispersion = .estimate
    /// Years from the panel's latest year to the default target year: the Declaration's reporting cycle.
    public static let defaultProjectionYears = 2

    /// The target year for a panel whose latest year is `latestYear`: `targetYear` when given, else
    /// `latestYear` + 2; `nil` for an empty panel without `targetYear`.
    public func projectionYear(latestYear: Int?) -> Int? {
        targetYear ?? latestYear.map { $0 + Self.defaultProjectionYears }
    }

    /// What `baselineYear` and `targetYear` leave empty in a panel whose figures run over `years` (nil:
    /// no figure), one sentence each, for the command line to show as a warning: a baseline after
    /// every figure gives no country a trajectory (the trajectory columns stay empty); a target year
    /// not after the latest figure leaves unprojected every country with a figure for that year or
    /// later; one more than `farTargetYears` after it extrapolates the trends further than they say
    /// anything (a mistyped year, 3000 for 2030). Empty when both are in range, or when they were not
    /// given.
    public func yearWarnings(years: ClosedRange<Int>?) -> [String] {
        guard let years else { return [] }
        var warnings: [String] = []
        if let baselineYear, baselineYear > years.upperBound {
            warnings.append(
                "--baseline-year \(baselineYear) is after the latest figure of the input (\(years.upperBound)): "
                    + "no country has a trajectory, and its columns are empty")
        }
        if let targetYear, targetYear <= years.upperBound {
            warnings.append(
                "--target-year \(targetYear) is not after the latest figure of the input (\(years.upperBound)): "
                    + "a country with a figure for \(targetYear) or later is not projected (a projection runs "
                    + "from a country's latest figure to a later year)")
        }
        if let targetYear, targetYear - years.upperBound > Self.farTargetYears {
            warnings.append(
                "--target-year \(targetYear) is \(targetYear - years.upperBound) years after the latest figure of the "
                    + "input (\(years.upperBound)): projections and the growth needed a year extrapolate each trend "
                    + "that far, beyond what it can tell; check the year")
        }
        return warnings
    }

    /// The most years after the latest figure a `--target-year` is taken without a warning.
    public static let farTargetYears = 20

    /// Input paths as given, for the report's parameters.
    public var inputs: [String]

    public init(
        series: SeriesKind = .annual, targetRate: TargetRate = .allianceGoal, baselineYear: Int? = nil,
        targetYear: Int? = nil,
        confidence: Double = 0.95, inputs: [String] = []
    ) {
        self.series = series
        self.targetRate = targetRate
        self.baselineYear = baselineYear
        self.targetYear = targetYear
        self.confidence = confidence
        self.inputs = inputs
    }
}
