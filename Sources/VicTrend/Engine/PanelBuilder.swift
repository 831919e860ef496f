import CPrefetch

/// Collects observations from any number of files into a `Panel`, refusing a country-year twice.
///
/// The first figure for a country-year is kept. A later row with a different count is an error that
/// names both locations and both counts, so the user can decide which is right; a later row with the
/// same count is a warning (the row was repeated, nothing conflicts). No row is dropped silently.
///
/// Rows are kept flat (`RowStore`) until the series are built. They usually arrive sorted by country and
/// year, so the common case costs no hashing of years: a year after the series' latest is new by
/// construction. A year that arrives out of order is new when the series' bits of years say so, and is
/// looked up among the series' own rows only otherwise.
struct PanelBuilder: Sendable {
    /// Whether rows that share key and year are added up (`--sum`) rather than refused as duplicates.
    let summing: Bool
    /// Whether finished series are handed out while reading (see `init(summing:sealing:)`).
    let sealing: Bool
    /// Sealing: series finished so far and not yet taken, in key order.
    private(set) var sealed: [Series] = []
    /// Sealing: rows (figures and withheld years) in `sealed`.
    private(set) var sealedRows = 0
    /// Sealing: a key arrived that is not after the previous one (the input is not sorted by key, or a
    /// key's rows are not together). Nothing more is sealed; the input must be read whole instead.
    private(set) var outOfOrder = false

    private var store: RowStore
    /// Sealing: the hash of every key so far.
    private var sealedKeyHashes: Set<Int> = []
    private var lastCountry = ""
    private var lastKey = -1
    /// Compact form: for each key cell id a reader gave (`RowOutput.add(_:cell:)`), 1 + the index of
    /// the key it last stood for (0: none yet). Readers number their cells apart, so an id may stand for
    /// another key: the key found is used only when it is the figure's.
    private var keysOfCells: [UInt32] = []
    private var accepted = 0

    init(summing: Bool = false) {
        self.init(summing: summing, sealing: false)
    }

    /// A builder that, with `sealing`, hands out each series as soon as the input moves on to the next
    /// key: for an input sorted by key (in `Panel`'s order, each key's rows together), memory then holds
    /// one series at a time. A series is sealed only when a strictly greater key arrives, so a sealed
    /// series is complete: its key cannot come back without making the input `outOfOrder`.
    init(summing: Bool, sealing: Bool) {
        self.init(summing: summing, sealing: sealing, capacity: RowStore.maximumCapacity)
    }

    /// A builder that takes at most `capacity` figures (tests of a full builder).
    init(summing: Bool, sealing: Bool, capacity: Int) {
        self.summing = summing
        self.sealing = sealing
        // Sealing holds one key at a time, whose observations become the series' array as they are.
        store = RowStore(compact: !sealing, capacity: capacity)
    }

    /// Sealing: the series finished so far, emptied from the builder.
    mutating func takeSealed() -> [Series] {
        defer {
            sealed = []
            sealedRows = 0
        }
        return sealed
    }

    /// Sealing, at the end of the input: seals the last series.
    mutating func sealRemaining() {
        guard sealing && !outOfOrder && lastKey >= 0 else { return }
        seal()
        lastKey = -1
    }

    /// Adds `observation`, or returns the diagnostic for a duplicate country-year (and keeps the first).
    /// When summing, adds it to the country-year's total instead (a diagnostic only on overflow).
    mutating func add(_ observation: consuming Observation) -> Diagnostic? {
        add(observation, keyHash: nil)
    }

    /// `add(_:)`, with `RowStore.hash(observation.country)` when the caller has it already.
    mutating func add(_ observation: consuming Observation, keyHash: Int?) -> Diagnostic? {
        guard !store.isFull else { return full(at: observation.location) }
        let key = key(observation.country, hash: keyHash)
        if summing {
            return addToSum(observation, key: key)
        }
        if !store.recordYear(observation.year, of: key),
            let duplicate = duplicate(
                of: observation.year, in: key, at: observation.location, shown: String(observation.victims),
                asOf: observation.asOf)
        {
            return duplicate
        }
        accepted += 1
        store.append(observation, to: key)
        return nil
    }

    /// `add(_:keyHash:)` of a figure given by its parts, read in `file` (its path and sheet; the line is
    /// the figure's; `cell` is the reader's id of the key cell, `-1` for none, and the key is hashed
    /// when `keyHash` is nil and the cell does not find it): when not summing, a new year of its key
    /// that the store keeps in compact form is stored without an `Observation` built only to be taken
    /// apart; `whole` builds the observation for every other case.
    mutating func add(
        country: String, year: Int, victims: Int, file: Location, line: Int, column: Int?,
        flags: [ObservationFlag], dated: Bool, keyHash: Int?, cell: Int = -1, whole: () -> Observation
    ) -> Diagnostic? {
        guard !summing, !store.isFull else { return add(whole(), keyHash: keyHash) }
        let key = key(country, hash: keyHash, cell: cell)
        guard store.recordYear(year, of: key) else {
            let observation = whole()
            if let duplicate = duplicate(
                of: year, in: key, at: observation.location, shown: String(victims), asOf: observation.asOf)
            {
                return duplicate
            }
            accepted += 1
            store.append(observation, to: key)
            return nil
        }
        accepted += 1
        if !store.appendCompact(
            year: year, victims: victims, file: file, line: line, column: column, flags: flags, dated: dated,
            to: key)
        {
            store.append(whole(), to: key)
        }
        return nil
    }

    /// Adds a withheld year, or returns the diagnostic for a duplicate country-year. When summing, a
    /// withheld part makes the year's total unknown: the year is withheld.
    mutating func add(_ figure: WithheldFigure) -> Diagnostic? {
        guard !store.isFull else { return full(at: figure.location) }
        let key = key(figure.country)
        if summing {
            if store.find(figure.year, of: key, among: .withheld) == nil {
                store.append(figure, to: key)
            }
            return nil
        }
        if !store.recordYear(figure.year, of: key),
            let duplicate = duplicate(
                of: figure.year, in: key, at: figure.location, shown: figure.marker, asOf: figure.asOf)
        {
            return duplicate
        }
        accepted += 1
        store.append(figure, to: key)
        return nil
    }

    /// Number of country-years accepted so far.
    var count: Int { accepted }

    /// The panel of every accepted observation (not sealed).
    func build() -> Panel {
        var series: [Series] = []
        store.forEachBatch(rows: Int.max) { series += $0 }
        return Panel(sortedSeries: series)
    }

    /// Every series of the panel `build` gives, in the panel's order, handed to `body` in batches of at
    /// least `batchRows` rows (the last may be smaller): memory holds the accepted rows (32 bytes each)
    /// and one batch of series, never the whole panel of series.
    func forEachBatch(rows batchRows: Int, _ body: ([Series]) -> Void) {
        store.forEachBatch(rows: max(1, batchRows), body)
    }

    /// The refusal when no further row fits.
    private func full(at location: Location) -> Diagnostic {
        Diagnostic(
            .oversizedRecord, at: location,
            "the inputs hold more than \(store.capacity) figures, more than one run can hold; split them "
                + "(for example by country) and check the parts separately")
    }

    /// Moves the key being read into `sealed` (sealing holds one key at a time).
    private mutating func seal() {
        sealedRows += store.count
        sealed.append(store.onlySeries())
        store.removeAll()
    }

    /// Adds `observation` to its country-year's total.
    private mutating func addToSum(_ observation: Observation, key: Int) -> Diagnostic? {
        let year = observation.year
        // A new year needs no look-up; the parts of one year usually come together, so the look-up
        // (latest figure first) finds it at once.
        guard !store.recordYear(year, of: key), let figure = store.find(year, of: key, among: .observations)
        else {
            store.append(observation, to: key)
            accepted += 1
            return nil
        }
        // Parts of one running total must stand at one date: totals at two dates are two figures of one
        // calendar year, which no sum may merge.
        if let first = store.observation(figure), first.asOf != observation.asOf {
            return Self.twoDates(
                observation.country, year, first: (first.location, String(first.victims), first.asOf),
                shown: String(observation.victims), asOf: observation.asOf, at: observation.location)
        }
        let (sum, overflow) = store.victims(figure).addingReportingOverflow(observation.victims)
        if overflow {
            return Diagnostic(
                .totalOverflow, at: observation.location,
                "the sum of the rows for \(observation.country) \(year) exceeds 64 bits; counts this large are not plausible"
            )
        }
        store.setVictims(sum, of: figure)
        return nil
    }

    /// Starts loading what adding a figure of the key with `hash` (`RowStore.hash`) reads, in two
    /// stages: `.slot` some figures ahead, `.key` (after the slot arrived) fewer figures ahead. A hint:
    /// it changes nothing but the time the additions take when keys come in no order.
    func prefetch(keyHash hash: Int, _ stage: PrefetchStage) {
        guard !sealing else { return }
        switch stage {
        case .slot: store.prefetchSlot(hash: hash)
        case .key: store.prefetchKey(hash: hash)
        }
    }

    /// Starts loading the key that key cell id `cell` stood for, if any: true when there is one (most
    /// likely the figure's; then no hash is needed ahead). A hint, as `prefetch(keyHash:_:)`. Mutating
    /// only so that it is called on the builder in place: called on a builder in a class's property
    /// (`BatchedOutput`'s worker), a non-mutating method copies the builder first (retaining its arrays).
    mutating func prefetch(cell: Int) -> Bool {
        guard let key = keyOfCell(cell) else { return false }
        store.prefetch(key: key)
        return true
    }

    /// Starts loading what `prefetch(cell:)` reads for key cell id `cell`: its entry in the table of
    /// cells' keys. A hint, the stage before that one (the table of 500,000 keys' cells misses the cache
    /// too). Mutating for the reason `prefetch(cell:)` gives.
    mutating func prefetchEntry(cell: Int) {
        guard !sealing, cell >= 0, cell < keysOfCells.count else { return }
        keysOfCells.withUnsafeBufferPointer { entries in
            if let base = entries.baseAddress { victrend_prefetch(base + cell) }
        }
    }

    /// The key that cell id `cell` last stood for, unchecked.
    private func keyOfCell(_ cell: Int) -> Int? {
        guard !sealing, cell >= 0, cell < keysOfCells.count, keysOfCells[cell] > 0 else { return nil }
        let key = Int(keysOfCells[cell]) - 1
        return key < store.keys.count ? key : nil
    }

    /// The stages of `prefetch(keyHash:_:)`.
    enum PrefetchStage {
        case slot, key
    }

    /// The key of `country`: the last one again (rows of a key usually come together), else the one its
    /// key cell id `cell` stood for when that is `country`'s, else looked up (by `hash` when given,
    /// `RowStore.hash(country)`).
    private mutating func key(_ country: String, hash: Int? = nil, cell: Int = -1) -> Int {
        if lastKey >= 0 && country == lastCountry { return lastKey }
        let key: Int
        if sealing {
            key = sealedKey(country)
        } else if let known = keyOfCell(cell), store.keys[known].country == country {
            key = known
        } else {
            key = store.key(country, hash: hash ?? RowStore.hash(country))
            if cell >= 0 && cell < KnownCells.entryLimit {
                if cell >= keysOfCells.count {
                    keysOfCells += repeatElement(0, count: cell + 1 - keysOfCells.count)
                }
                keysOfCells[cell] = UInt32(truncatingIfNeeded: key + 1)
            }
        }
        lastCountry = country
        lastKey = key
        return key
    }

    /// Sealing: one key at a time, sealed when a greater key arrives. Out of order, each key replaces
    /// the one before (the builder's result is no longer used).
    private mutating func sealedKey(_ country: String) -> Int {
        // Keys are ordered by their bytes but are the same key when canonically equal (`é` written as
        // one scalar or as `e` and a combining accent): such a pair can stand apart in sorted order, so
        // a key equal to an earlier one is out of order too. Strings hash by canonical equivalence; a
        // mere collision of hashes only costs a whole read.
        let new = sealedKeyHashes.insert(country.hashValue).inserted
        if !store.keys.isEmpty {
            if !outOfOrder && lastKey >= 0 && new && Panel.precedes(lastCountry, country) {
                seal()
            } else {
                outOfOrder = true
                sealed = []
                sealedRows = 0
                store.removeAll()
            }
        }
        return store.appendKey(country)
    }

    /// The diagnostic for `year` of `key` given again at `location` as `shown` (a count or a withheld
    /// marker), or `nil` when the key does not have the year yet. Series are short and no index per
    /// series is kept, so a shuffled file costs no more memory than a sorted one.
    private func duplicate(
        of year: Int, in key: Int, at location: Location, shown: String, asOf: AsOfDate? = nil
    ) -> Diagnostic? {
        guard let first = firstRow(of: year, in: key) else { return nil }
        let country = store.keys[key].country
        if first.asOf != asOf {
            return Self.twoDates(country, year, first: first, shown: shown, asOf: asOf, at: location)
        }
        if first.value == shown {
            return Diagnostic(
                .repeatedObservation, at: location,
                "\(country) \(year) is given twice with the same count (\(shown)), first at "
                    + "\(first.location); the repeated row is not counted again: remove it")
        }
        // Two files giving one year differently: most often a revision, which --sum would count twice.
        let advice =
            first.location.file == location.file && first.location.sheet == location.sheet
            ? "keep one row per country and year (or add such rows up with --sum, or key them by another "
                + "column with --by)"
            : "the files overlap: if one revises the other, give the revised figure in one file only (leave "
                + "the year out of the older file, or leave the older file out); if the files are parts of "
                + "one count, tell them apart by a column and use --by"
        return Diagnostic(
            .duplicateObservation, at: location,
            "\(country) \(year) is given twice with different counts: \(first.value) at \(first.location), "
                + "\(shown) here; " + advice)
    }

    /// The duplicate (VT201) of a running total given at two dates of one calendar year: a series holds
    /// one figure a year, and keeping either date silently would drop a row.
    private static func twoDates(
        _ country: String, _ year: Int, first: (location: Location, value: String, asOf: AsOfDate?),
        shown: String, asOf: AsOfDate?, at location: Location
    ) -> Diagnostic {
        func dated(_ value: String, _ date: AsOfDate?) -> String {
            date.map { "\(value) as of \($0.text)" } ?? "\(value) (no date)"
        }
        return Diagnostic(
            .duplicateObservation, at: location,
            "\(country) \(year) is given twice: \(dated(first.value, first.asOf)) at \(first.location), "
                + "\(dated(shown, asOf)) here; a running total is one figure per country and calendar year: "
                + "keep one of the rows (the latest date, usually)")
    }

    /// Where `key` already has `year`, what it holds there (a count or a withheld marker), and its date.
    private func firstRow(of year: Int, in key: Int) -> (location: Location, value: String, asOf: AsOfDate?)?
    {
        // Not summing, a key holds at most one row a year.
        guard let figure = store.find(year, of: key, among: .any) else { return nil }
        if let observation = store.observation(figure) {
            return (observation.location, String(observation.victims), observation.asOf)
        }
        if let figure = store.withheldFigure(figure) {
            return (figure.location, figure.marker, figure.asOf)
        }
        return nil
    }
}
