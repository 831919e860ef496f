/// Collects observations from any number of files into a `Panel`, refusing a country-year twice.
///
/// The first figure for a country-year is kept. A later row with a different count is an error that
/// names both locations and both counts, so the user can decide which is right; a later row with the
/// same count is a warning (the row was repeated, nothing conflicts). No row is dropped silently.
///
/// Rows usually arrive sorted by country and year, so the common case costs no hashing of years: a
/// year after the series' latest is new by construction. Only a year that arrives out of order is
/// looked up among the series' years.
public struct PanelBuilder: Sendable {
    /// One series under construction.
    private struct Entry: Sendable {
        var country: String
        var observations: [Observation] = []
        var withheld: [WithheldFigure] = []
        /// The latest year added.
        var latestYear = Int.min
        /// Years added within 32 years of the first one, as bits from `yearBase`: a year out of order
        /// whose bit is clear is new without a scan of the series.
        var yearBase = Int.min
        var yearBits: UInt64 = 0

        /// Records `year` in the bits; false when it may have been added before (bit set, or outside
        /// the window: the caller scans).
        mutating func markNew(_ year: Int) -> Bool {
            if yearBase == Int.min { yearBase = year - 32 }
            let offset = year &- yearBase
            guard offset >= 0 && offset < 64 else { return false }
            let bit: UInt64 = 1 << UInt64(offset)
            defer { yearBits |= bit }
            return yearBits & bit == 0
        }
    }

    /// Whether rows that share key and year are added up (`--sum`) rather than refused as duplicates.
    public let summing: Bool
    /// Whether finished series are handed out while reading (see `init(summing:sealing:)`).
    public let sealing: Bool
    /// Sealing: series finished so far and not yet taken, in key order.
    public private(set) var sealed: [Series] = []
    /// Sealing: rows (figures and withheld years) in `sealed`.
    public private(set) var sealedRows = 0
    /// Sealing: a key arrived that is not after the previous one (the input is not sorted by key, or a
    /// key's rows are not together). Nothing more is sealed; the input must be read whole instead.
    public private(set) var outOfOrder = false

    private var seriesIndex: [String: Int] = [:]
    private var entries: [Entry] = []
    private var lastCountry = ""
    private var lastIndex = -1
    private var accepted = 0

    public init(summing: Bool = false) {
        self.summing = summing
        sealing = false
    }

    /// A builder that, with `sealing`, hands out each series as soon as the input moves on to the next
    /// key: for an input sorted by key (in `Panel`'s order, each key's rows together), memory then holds
    /// one series at a time. A series is sealed only when a strictly greater key arrives, so a sealed
    /// series is complete: its key cannot come back without making the input `outOfOrder`.
    public init(summing: Bool, sealing: Bool) {
        self.summing = summing
        self.sealing = sealing
    }

    /// Sealing: the series finished so far, emptied from the builder.
    public mutating func takeSealed() -> [Series] {
        defer {
            sealed = []
            sealedRows = 0
        }
        return sealed
    }

    /// Sealing, at the end of the input: seals the last series.
    public mutating func sealRemaining() {
        guard sealing && !outOfOrder && lastIndex >= 0 else { return }
        seal(lastIndex)
        lastIndex = -1
    }

    /// Adds `observation`, or returns the diagnostic for a duplicate country-year (and keeps the first).
    /// When summing, adds it to the country-year's total instead (a diagnostic only on overflow).
    public mutating func add(_ observation: consuming Observation) -> Diagnostic? {
        let index = seriesIndex(observation.country)
        if summing {
            return addToSum(observation, series: index)
        }
        if let duplicate = register(
            index, observation.year, observation.location, { String(observation.victims) })
        {
            return duplicate
        }
        entries[index].observations.append(observation)
        return nil
    }

    /// Adds a withheld year, or returns the diagnostic for a duplicate country-year. When summing, a
    /// withheld part makes the year's total unknown: the year is withheld.
    public mutating func add(_ figure: WithheldFigure) -> Diagnostic? {
        let index = seriesIndex(figure.country)
        if summing {
            if !entries[index].withheld.contains(where: { $0.year == figure.year }) {
                entries[index].withheld.append(figure)
            }
            return nil
        }
        if let duplicate = register(index, figure.year, figure.location, { figure.marker }) {
            return duplicate
        }
        entries[index].withheld.append(figure)
        return nil
    }

    /// Number of country-years accepted so far.
    public var count: Int { accepted }

    /// The panel of every accepted observation (not sealed).
    public func build() -> Panel {
        Panel(series: entries.map(Self.series))
    }

    /// The series of a finished entry.
    private static func series(_ entry: Entry) -> Series {
        // When summing, a year with a withheld part is withheld as a whole.
        let withheldYears = Set(entry.withheld.map(\.year))
        let observations =
            withheldYears.isEmpty
            ? entry.observations : entry.observations.filter { !withheldYears.contains($0.year) }
        return Series(country: entry.country, observations: observations, withheld: entry.withheld)
    }

    /// Moves entry `index` into `sealed`, leaving an empty entry (its key never comes back in order).
    private mutating func seal(_ index: Int) {
        let entry = entries[index]
        entries[index] = Entry(country: "")
        sealedRows += entry.observations.count + entry.withheld.count
        sealed.append(Self.series(entry))
    }

    /// Adds `observation` to its country-year's total.
    private mutating func addToSum(_ observation: Observation, series index: Int) -> Diagnostic? {
        let year = observation.year
        // Rows of one key and year usually come together: the scan from the end finds them at once.
        guard year <= entries[index].latestYear,
            let position = entries[index].observations.lastIndex(where: { $0.year == year })
        else {
            entries[index].latestYear = max(entries[index].latestYear, year)
            entries[index].observations.append(observation)
            accepted += 1
            return nil
        }
        let (sum, overflow) = entries[index].observations[position].victims.addingReportingOverflow(
            observation.victims)
        if overflow {
            return Diagnostic(
                .totalOverflow, at: observation.location,
                "the sum of the rows for \(observation.country) \(year) exceeds 64 bits; counts this large are not plausible"
            )
        }
        entries[index].observations[position].victims = sum
        return nil
    }

    private mutating func seriesIndex(_ country: String) -> Int {
        if lastIndex >= 0 && country == lastCountry { return lastIndex }
        if sealing {
            return sealedSeriesIndex(country)
        }
        let index: Int
        if let existing = seriesIndex[country] {
            index = existing
        } else {
            index = entries.count
            seriesIndex[country] = index
            entries.append(Entry(country: country))
        }
        lastCountry = country
        lastIndex = index
        return index
    }

    /// Sealing: one entry at a time, sealed when a greater key arrives. Out of order, every row goes to
    /// one scratch entry (the builder's result is no longer used).
    private mutating func sealedSeriesIndex(_ country: String) -> Int {
        if entries.isEmpty {
            entries.append(Entry(country: country))
        } else if !outOfOrder && lastIndex >= 0 && Panel.precedes(lastCountry, country) {
            let size = entries[0].observations.count
            seal(0)
            entries[0] = Entry(country: country)
            // Series of one input are usually alike in length: room for as many rows as the last one.
            entries[0].observations.reserveCapacity(size)
        } else {
            outOfOrder = true
            sealed = []
            sealedRows = 0
            entries[0] = Entry(country: country)
        }
        lastCountry = country
        lastIndex = 0
        return 0
    }

    /// Records a year of series `index`, or returns the duplicate diagnostic when it was seen before.
    private mutating func register(_ index: Int, _ year: Int, _ location: Location, _ value: () -> String)
        -> Diagnostic?
    {
        let new = entries[index].markNew(year)
        if year > entries[index].latestYear {
            entries[index].latestYear = year
            accepted += 1
            return nil
        }
        // A year out of order: new if its bit is clear, else looked for among the series' own rows (a
        // scan; series are short, and no index per series is kept, so a shuffled file costs no more
        // memory than a sorted one).
        guard !new, let first = firstRow(of: year, in: index) else {
            accepted += 1
            return nil
        }
        let shown = value()
        let country = entries[index].country
        if first.value == shown {
            return Diagnostic(
                .repeatedObservation, at: location,
                "\(country) \(year) is given twice with the same count (\(shown)), first at "
                    + "\(first.location); the repeated row is not counted again: remove it")
        }
        return Diagnostic(
            .duplicateObservation, at: location,
            "\(country) \(year) is given twice with different counts: \(first.value) at \(first.location), "
                + "\(shown) here; keep one row per country and year (or add such rows up with --sum, or key "
                + "them by another column with --by)")
    }

    /// Where series `index` already has `year`, and what it holds there (a count or a withheld marker).
    private func firstRow(of year: Int, in index: Int) -> (location: Location, value: String)? {
        if let position = entries[index].observations.firstIndex(where: { $0.year == year }) {
            let observation = entries[index].observations[position]
            return (observation.location, String(observation.victims))
        }
        if let position = entries[index].withheld.firstIndex(where: { $0.year == year }) {
            let figure = entries[index].withheld[position]
            return (figure.location, figure.marker)
        }
        return nil
    }
}
