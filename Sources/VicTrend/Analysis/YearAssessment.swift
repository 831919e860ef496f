/// How one country-year measures up against the target, compared with the country's previous
/// reported year (its base).
public struct YearAssessment: GrowthJudgement, Sendable, Hashable {
    /// Whether the year met the target.
    public enum Status: String, Sendable, Hashable {
        /// victims ≥ required_victims.
        case met
        /// victims < required_victims; `shortfall` says by how many.
        case shortfall
        /// No comparison is possible (first reported year, or a base of zero); see `flags`.
        case notAssessed = "not-assessed"
        /// Withheld by small-cell suppression: the year or its base is a suppressed count.
        case suppressed
    }

    /// Facts about the comparison that a reader must see next to the figure.
    public enum Flag: String, Sendable, Hashable, CaseIterable {
        /// The country's first reported year: there is nothing to compare with.
        case firstYear = "first-year"
        /// The base year's count is 0: growth from zero is undefined.
        case zeroBase = "zero-base"
        /// The base year is more than one year earlier; growth is annualised over the gap.
        case gap
        /// The country had no figure for the requested baseline year; this year is its baseline.
        case baselineShifted = "baseline-shifted"
        /// A break (`b` or `d`) at or after the baseline: the trajectory starts again from this year's
        /// figure, and the years after it carry the restarted trajectory.
        case trajectoryRestarted = "trajectory-restarted"
        /// A total with no country reporting in both years: no like-for-like comparison.
        case noOverlap = "no-overlap"
        /// The source withheld the figure (`<5`, `c`, `..`): not assessed, and not a base.
        case withheld
        /// A break in the time series (Eurostat `b`): not compared with the year before.
        case breakInSeries = "break"
        /// The source says the definition differs (Eurostat `d`): a break, not compared with the year
        /// before.
        case definitionDiffers = "definition-differs"
        /// The source marks the figure as estimated.
        case estimated
        /// The source marks the figure as provisional.
        case provisional
        /// The source marks the figure as of low reliability.
        case lowReliability = "low-reliability"
        /// `--dispersion estimate`: the year's segment (between breaks) has fewer than 4 figures, all
        /// zero, or no finite trend fit, so its test uses φ = 1 (the pure Poisson test).
        case dispersionNotEstimated = "dispersion-not-estimated"
    }

    /// Whether a shortfall is larger than small counts explain (exact Poisson test).
    public enum Significance: String, Sendable, Hashable {
        /// Short of the target, and p < 1 − confidence.
        case significantShortfall = "significant-shortfall"
        /// Short of the target, but within what chance variation in small counts produces.
        case withinNoise = "within-noise"
    }

    /// The country key.
    public var country: String
    /// The year assessed.
    public var year: Int
    /// Identified victims in `year`; `nil` when the source withheld the figure (see `withheldMarker`).
    public var victims: Int?
    /// The text that stood for a withheld figure, e.g. `<5`.
    public var withheldMarker: String?
    /// What published outputs show instead of a suppressed count: `<K` (primary suppression) or `x`
    /// (secondary suppression, to protect another suppressed count).
    public var suppressedMarker: String?

    /// The count as published: the number, or the withheld or suppressed marker.
    public var victimsText: String {
        if let suppressedMarker { return suppressedMarker }
        if let victims { return NumberFormatting.grouped(victims) }
        return withheldMarker ?? ""
    }
    /// The previous reported year of the same country, if any.
    public var baseYear: Int?
    /// Identified victims in `baseYear`.
    public var baseVictims: Int?
    /// Annualised growth, (victims / base_victims)^(1 / years_elapsed) − 1, as a fraction
    /// (0.1 = 10%). `nil` when not assessed. −1 when victims fell to 0.
    public var growthRate: Double?
    /// ⌈base_victims × (1 + target)^years_elapsed⌉: the fewest victims that meet the target, computed
    /// exactly. `nil` when not assessed.
    public var requiredVictims: Int?
    /// max(0, required_victims − victims), in victims. `nil` when not assessed.
    public var shortfall: Int?
    /// Met, short, or not assessed.
    public var status: Status
    /// Flags in canonical order (`Flag.allCases` order).
    public var flags: [Flag]
    /// ⌈baseline_victims × (1 + target)^(year − baseline_year)⌉, exact; `nil` before the baseline
    /// year, or when the baseline count is 0. After a break the baseline is the latest break's figure
    /// (flag `trajectory-restarted` on the break year).
    public var trajectoryVictims: Int?
    /// max(0, trajectory_victims − victims).
    public var trajectoryGap: Int?
    /// The exact test of this year against its base; `nil` when not assessed.
    public var test: RateRatioTest?
    /// Set for shortfalls only.
    public var significance: Significance?
    /// Why a year compared with a base has no test (`Comparison.untested`); `nil` when tested, for a
    /// first year and a withheld figure.
    public var untested: UntestedReason?
    /// The dispersion φ the test's counts were scaled by (1: the pure Poisson test); `nil` when the
    /// year was not tested.
    public var dispersion: Double?
    /// Cumulative series only: new identifications since the base year (the difference of the totals).
    public var newVictims: Int?
    /// Cumulative series only: `newVictims` per year of the interval.
    public var newPerYear: Double?
    /// Cumulative series only: growth of `newPerYear` over the previous interval's, annualised over the
    /// distance between the intervals' midpoints; `nil` for the first interval or after none were new.
    public var newGrowthRate: Double?
    /// Where the year's figure was read.
    public var location: Location
    /// Running totals read with dates: the date the figure stands at (its year is `year`); `nil` for
    /// every other figure.
    var asOf: AsOfDate?
    /// Dated running totals: the date of the base (`baseYear`'s figure); `nil` without a date or a base.
    var baseAsOf: AsOfDate?
    /// Dated running totals: the exact time from the base's date to this figure's, in years
    /// (days / 365.25), by which `growthRate`, `requiredVictims` and `newPerYear` are annualised; `nil`
    /// without a date or a base.
    var elapsedYears: Double?

    /// True when the required count did not fit in 64 bits.
    var overflowed = false

    /// A withheld year: not assessed, flagged `withheld`.
    init(withheld figure: WithheldFigure) {
        country = figure.country
        year = figure.year
        victims = nil
        withheldMarker = figure.marker
        location = figure.location
        asOf = figure.asOf
        status = .notAssessed
        flags = [.withheld]
    }

    /// A cumulative series' new identifications since the base year (`newVictims`, `newPerYear`,
    /// `newGrowthRate`).
    struct NewIdentifications {
        var victims: Int
        var perYear: Double
        var growthRate: Double?
    }

    /// The assessment of `observation` from its comparison with its base, with `flags` in place of the
    /// comparison's, and what the series adds: the base's date, the trajectory count (the gap follows
    /// from it) and a running total's new identifications.
    init(
        observation: Observation, comparison: Comparison, flags: [Flag], baseAsOf: AsOfDate?,
        trajectoryVictims: Int?, new: NewIdentifications?
    ) {
        country = observation.country
        year = observation.year
        victims = observation.victims
        location = observation.location
        baseYear = comparison.baseYear
        baseVictims = comparison.baseVictims
        growthRate = comparison.growthRate
        requiredVictims = comparison.requiredVictims
        shortfall = comparison.shortfall
        status = comparison.status
        self.flags = flags
        test = comparison.test
        significance = comparison.significance
        untested = comparison.untested
        dispersion = comparison.dispersion
        overflowed = comparison.overflowed
        asOf = observation.asOf
        self.baseAsOf = baseAsOf
        elapsedYears = comparison.elapsedYears
        self.trajectoryVictims = trajectoryVictims
        trajectoryGap = trajectoryVictims.map { max(0, $0 - observation.victims) }
        newVictims = new?.victims
        newPerYear = new?.perYear
        newGrowthRate = new?.growthRate
    }

    /// Years between base and assessed year (1 for consecutive years), or `nil` in the first year.
    public var yearsElapsed: Int? { baseYear.map { year - $0 } }
}
