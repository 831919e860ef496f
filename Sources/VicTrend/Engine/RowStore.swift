import CPrefetch

/// The accepted figures of an input until the series are built, in one of two forms.
///
/// - Compact (any number of keys, for inputs read whole): 32 bytes a figure in arrival order, no
///   array per series and no string per figure (key and file are indices). Each key's figures are
///   chained from its latest one backwards, so the rare look-ups a row needs (is this year a
///   duplicate? which figure does a summed part add to?) read only that key's figures. Series come out
///   by a counting sort by key, in `Panel`'s order of keys. A figure that does not fit the compact form
///   (a year outside 32 bits, a line past 2^40, a file from the 65,537th on, flags not in canonical
///   order, a date of a running total) is kept whole beside the rows, so nothing is approximated.
/// - Whole (one key at a time, for `PanelBuilder`'s sealing): observations kept as they came, handed
///   out as the series' own array without a copy.
///
/// A figure is named by a handle: in compact form the index of its row; in whole form the index of the
/// observation, or the bitwise complement of the index of the withheld year.
struct RowStore: Sendable {
    /// One figure in compact form.
    struct Row: Sendable {
        /// The count of a compact observation; else the index of the figure in `withheld` or `spilled`.
        var value: Int
        /// Line (bits 0–39), file index (40–55), flags (56–60), kind (61–62).
        var packed: UInt64
        /// The year (meaningful for compact observations only).
        var year: Int32
        var key: UInt32
        /// 1-based column, 0 for none.
        var column: UInt32
        /// 1 + index of the key's previous row; 0 for the key's first row.
        var previous: UInt32

        var kind: Kind { Kind(rawValue: packed >> 61) ?? .observation }
    }

    enum Kind: UInt64 {
        /// An observation in compact form: `value` is the count.
        case observation
        /// A withheld year: `value` indexes `withheld`.
        case withheld
        /// An observation kept whole: `value` indexes `spilled`.
        case spilled
    }

    /// Which figures a look-up considers.
    enum Figures {
        case observations, withheld, any
    }

    /// One series key.
    struct Key: Sendable {
        var country: String
        /// Compact form: 1 + index of the key's latest row; 0 before the first.
        var last: UInt32 = 0
        /// Figures stored for the key.
        var figures = 0
        /// The latest year added (observations only, when summing).
        var latestYear = Int.min
        /// Years added within 32 years of the first one, as bits from `yearBase`: a year out of order
        /// whose bit is clear is new without a look at the key's figures.
        var yearBase = Int.min
        var yearBits: UInt64 = 0

        init(country: String) {
            self.country = country
        }

        /// Records `year` in the bits; false when it may have been added before (bit set, or outside
        /// the window: the caller looks among the figures).
        mutating func markNew(_ year: Int) -> Bool {
            if yearBase == Int.min { yearBase = year &- 32 }
            let offset = year &- yearBase
            guard offset >= 0 && offset < 64 else { return false }
            let bit: UInt64 = 1 << UInt64(offset)
            defer { yearBits |= bit }
            return yearBits & bit == 0
        }
    }

    /// Most figures (and keys) a store can hold: row indices are 32-bit.
    static let maximumCapacity = Int(UInt32.max) - 1

    /// Whether figures are kept in compact form (else whole, one key at a time).
    let compact: Bool
    /// Most figures the store takes (`maximumCapacity`; less in tests of a full store).
    let capacity: Int
    private(set) var keys: [Key] = []
    /// Figures stored, over all keys.
    private(set) var count = 0
    private var rows = BlockArray<Row>()
    private var keyIndex = KeyTable()
    private var files: [String] = []
    private var fileIndex: [String: Int] = [:]
    private var lastFile = ""
    private var lastFileIndex = -1
    private var withheld: [WithheldFigure] = []
    /// Observations kept whole: every observation in whole form, the misfits in compact form.
    private var spilled: [Observation] = []

    init(compact: Bool, capacity: Int = maximumCapacity) {
        self.compact = compact
        self.capacity = min(capacity, Self.maximumCapacity)
    }

    /// Whether the store is full: no further key or figure fits (see `capacity`).
    var isFull: Bool { count >= capacity }

    /// Forgets every key and figure, keeping the storage (and the file list) for the figures to come.
    mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        rows.removeAll()
        if compact { keyIndex = KeyTable() }
        withheld.removeAll(keepingCapacity: true)
        // The observations were handed out with the series: room for as many as the last key had (keys
        // of one input are usually alike in length), not the grown capacity of that array.
        let size = spilled.count
        spilled = []
        spilled.reserveCapacity(size)
        count = 0
    }

    // MARK: - Keys

    /// The hash of `country` that `key(_:hash:)` and the prefetches take.
    static func hash(_ country: String) -> Int {
        country.hashValue
    }

    /// The index of `country`'s key, added when new (the caller checked `isFull`); `hash` is
    /// `RowStore.hash(country)`.
    mutating func key(_ country: String, hash: Int) -> Int {
        if let existing = keyIndex.find(country, hash: hash, keys: { keys[$0].country }) { return existing }
        keyIndex.insert(keys.count, hash: hash)
        keys.append(Key(country: country))
        return keys.count - 1
    }

    /// Starts loading what a look-up of the key with `hash` reads first (its slot in the key table): a
    /// hint, a few look-ups ahead of the look-up itself.
    func prefetchSlot(hash: Int) {
        keyIndex.prefetch(hash: hash)
    }

    /// Starts loading the key that the slot for `hash` (loaded by now) most likely holds: a hint, the
    /// second stage after `prefetchSlot`.
    func prefetchKey(hash: Int) {
        if let index = keyIndex.likelyIndex(hash: hash) { prefetch(key: index) }
    }

    /// Starts loading key `index` (a hint).
    func prefetch(key index: Int) {
        guard index >= 0 && index < keys.count else { return }
        keys.withUnsafeBufferPointer { keys in
            if let base = keys.baseAddress {
                victrend_prefetch_value(base + index, UInt(MemoryLayout<Key>.size))
            }
        }
    }

    /// Adds a key without indexing it by name: the caller guarantees it is new (whole form holds one
    /// key at a time).
    mutating func appendKey(_ country: String) -> Int {
        keys.append(Key(country: country))
        return keys.count - 1
    }

    /// Records `year` as added to `key` (in its bits, and as its latest when after the latest so far);
    /// true when it is certainly new — after the latest, or its bit clear. Otherwise the caller looks
    /// among the key's figures (`find`).
    mutating func recordYear(_ year: Int, of key: Int) -> Bool {
        let bitClear = keys[key].markNew(year)
        guard year > keys[key].latestYear else { return bitClear }
        keys[key].latestYear = year
        return true
    }

    // MARK: - Adding figures

    /// Appends `observation` to `key` (the caller checked `isFull`).
    mutating func append(_ observation: consuming Observation, to key: Int) {
        // A workbook's figures (located by sheet) and dated running totals are kept whole: the compact
        // form has no sheet and no date.
        if compact, observation.asOf == nil,
            let row = compactRow(
                year: observation.year, victims: observation.victims, file: observation.location.file,
                sheet: observation.location.sheet, line: observation.location.line,
                column: observation.location.column, flags: observation.flags)
        {
            count += 1
            keys[key].figures += 1
            chain(row, to: key)
            return
        }
        count += 1
        keys[key].figures += 1
        spilled.append(observation)
        if compact {
            chain(Self.row(.spilled, spilled.count - 1), to: key)
        }
    }

    /// Appends to `key` in compact form the figure given by its parts, read in `file` (its path and
    /// sheet), as `append(_:to:)` would store its observation (the caller checked `isFull`); false, with
    /// nothing added, when the store is not compact or the figure does not fit the compact form (the
    /// caller then appends it whole).
    mutating func appendCompact(
        year: Int, victims: Int, file: Location, line: Int, column: Int?, flags: [ObservationFlag],
        dated: Bool, to key: Int
    ) -> Bool {
        guard compact, !dated,
            let row = compactRow(
                year: year, victims: victims, file: file.file, sheet: file.sheet, line: line, column: column,
                flags: flags)
        else { return false }
        count += 1
        keys[key].figures += 1
        chain(row, to: key)
        return true
    }

    /// The compact row of an undated figure, or `nil` when it does not fit: a sheet, a year outside 32
    /// bits, a line outside 40, a file from the 65,537th on, flags out of canonical order.
    private mutating func compactRow(
        year: Int, victims: Int, file path: String, sheet: String?, line: Int, column: Int?,
        flags: [ObservationFlag]
    ) -> Row? {
        guard sheet == nil, let year = Int32(exactly: year), line > 0, line < 1 << 40,
            let file = index(ofFile: path), let flags = Self.flagBits(flags),
            let column = UInt32(exactly: column ?? 0)
        else { return nil }
        let packed = UInt64(line) | UInt64(file) << 40 | UInt64(flags) << 56 | Kind.observation.rawValue << 61
        return Row(value: victims, packed: packed, year: year, key: 0, column: column, previous: 0)
    }

    /// Appends a withheld year to `key` (the caller checked `isFull`).
    mutating func append(_ figure: WithheldFigure, to key: Int) {
        count += 1
        keys[key].figures += 1
        withheld.append(figure)
        if compact {
            chain(Self.row(.withheld, withheld.count - 1), to: key)
        }
    }

    private static func row(_ kind: Kind, _ index: Int) -> Row {
        Row(value: index, packed: kind.rawValue << 61, year: 0, key: 0, column: 0, previous: 0)
    }

    /// Appends `row` as `key`'s latest.
    private mutating func chain(_ row: Row, to key: Int) {
        var row = row
        row.key = UInt32(truncatingIfNeeded: key)
        row.previous = keys[key].last
        rows.append(row)
        keys[key].last = UInt32(truncatingIfNeeded: rows.count)
    }

    /// The index of `path` among the files, added when new; `nil` past 65,536 files (the compact form
    /// has 16 bits for it).
    private mutating func index(ofFile path: String) -> Int? {
        if lastFileIndex >= 0 && path == lastFile { return lastFileIndex }
        let index: Int
        if let known = fileIndex[path] {
            index = known
        } else {
            index = files.count
            files.append(path)
            fileIndex[path] = index
        }
        lastFile = path
        lastFileIndex = index
        return index < 1 << 16 ? index : nil
    }

    // MARK: - Looking figures up

    /// The latest figure of `key` for `year` among `figures`, or `nil`.
    func find(_ year: Int, of key: Int, among figures: Figures) -> Int? {
        guard compact else {
            if figures != .withheld, let index = spilled.lastIndex(where: { $0.year == year }) {
                return index
            }
            if figures != .observations, let index = withheld.lastIndex(where: { $0.year == year }) {
                return ~index
            }
            return nil
        }
        var following = keys[key].last
        while following > 0 {
            let index = Int(following) - 1
            following = rows[index].previous
            let isWithheld = rows[index].kind == .withheld
            if figures == .observations && isWithheld || figures == .withheld && !isWithheld { continue }
            if self.year(of: index) == year { return index }
        }
        return nil
    }

    /// The year of figure `handle`.
    private func year(of handle: Int) -> Int {
        guard compact else { return handle < 0 ? withheld[~handle].year : spilled[handle].year }
        let row = rows[handle]
        switch row.kind {
        case .observation: return Int(row.year)
        case .withheld: return withheld[row.value].year
        case .spilled: return spilled[row.value].year
        }
    }

    /// The count of observation `handle`.
    func victims(_ handle: Int) -> Int {
        guard compact else { return spilled[handle].victims }
        let row = rows[handle]
        return row.kind == .spilled ? spilled[row.value].victims : row.value
    }

    /// Sets the count of observation `handle`.
    mutating func setVictims(_ victims: Int, of handle: Int) {
        if !compact {
            spilled[handle].victims = victims
        } else if rows[handle].kind == .spilled {
            spilled[rows[handle].value].victims = victims
        } else {
            rows[handle].value = victims
        }
    }

    /// The observation `handle`, or `nil` for a withheld year.
    func observation(_ handle: Int) -> Observation? {
        observation(handle, files: files)
    }

    /// `observation(_:)`, its path taken from `files` (the store's files, or copies of them).
    private func observation(_ handle: Int, files: [String]) -> Observation? {
        guard compact else { return handle >= 0 ? spilled[handle] : nil }
        let row = rows[handle]
        switch row.kind {
        case .observation:
            let location = Location(
                file: files[Int(row.packed >> 40 & 0xFFFF)], line: Int(row.packed & (1 << 40 - 1)),
                column: row.column == 0 ? nil : Int(row.column))
            return Observation(
                country: keys[Int(row.key)].country, year: Int(row.year), victims: row.value,
                location: location, flags: Self.flagLists[Int(row.packed >> 56 & 0x1F)])
        case .withheld:
            return nil
        case .spilled:
            return spilled[row.value]
        }
    }

    /// The withheld year `handle`, or `nil` for an observation.
    func withheldFigure(_ handle: Int) -> WithheldFigure? {
        guard compact else { return handle < 0 ? withheld[~handle] : nil }
        let row = rows[handle]
        return row.kind == .withheld ? withheld[row.value] : nil
    }

    // MARK: - Series

    /// The series of a store in whole form (one key): its observations as stored, without a copy.
    func onlySeries() -> Series {
        Self.series(country: keys[0].country, observations: spilled, withheld: withheld)
    }

    /// A series; a year with a withheld figure holds no observation (when summing, a withheld part
    /// withholds the year's total).
    private static func series(country: String, observations: [Observation], withheld: [WithheldFigure])
        -> Series
    {
        guard !withheld.isEmpty else {
            return Series(country: country, observations: observations)
        }
        let years = Set(withheld.map(\.year))
        return Series(
            country: country, observations: observations.filter { !years.contains($0.year) },
            withheld: withheld)
    }

    /// Every series of a store in compact form, in `Panel`'s order of keys, handed to `body` in batches
    /// of at least `batchRows` figures (the last may be smaller): memory holds the rows and one batch of
    /// series, not the panel.
    func forEachBatch(rows batchRows: Int, _ body: ([Series]) -> Void) {
        let order = keyOrder()
        // Counting sort of row indices by key: the rows of the key at position `p` of `order` end up
        // at `sorted[bounds[p]..<bounds[p + 1]]`, in arrival order.
        var bounds = [Int](repeating: 0, count: order.count + 1)
        var next = [Int](repeating: 0, count: keys.count)
        for (position, key) in order.enumerated() {
            next[key] = bounds[position]
            bounds[position + 1] = bounds[position] + keys[key].figures
        }
        var sorted = [UInt32](repeating: 0, count: rows.count)
        for index in 0..<rows.count {
            let key = Int(rows[index].key)
            sorted[next[key]] = UInt32(truncatingIfNeeded: index)
            next[key] += 1
        }
        // Batches: consecutive keys (positions in `order`) holding at least `batchRows` figures.
        let batches = Batches.ranges(
            of: order.indices.lazy.map { bounds[$0 + 1] - bounds[$0] }, atLeast: batchRows)
        // The series of a batch are gathered from rows all over the store (a cache miss per figure,
        // loaded a few figures ahead): a batch per core at a time, handed to `body` in order.
        let store = self
        let sortedRows = sorted
        let starts = bounds
        for first in stride(from: 0, to: batches.count, by: Parallel.cores) {
            let group = batches[first..<min(batches.count, first + Parallel.cores)]
            let gathered = Parallel.map(group.count) { index in
                // Paths of their own for each batch: every observation holds one, and the batches are
                // gathered on two cores while earlier ones are assessed and written on others.
                let files = store.files.map(\.unsharedCopy)
                let positions = group[group.startIndex + index]
                // The batch's rows, one run in `sortedRows`: each row is loaded while an earlier one is
                // gathered.
                let batchRows = sortedRows[starts[positions.lowerBound]..<starts[positions.upperBound]]
                for handle in batchRows.prefix(Self.gatherDistance) { store.rows.prefetch(Int(handle)) }
                return positions.map { position in
                    store.series(
                        of: order[position], rows: starts[position]..<starts[position + 1], in: batchRows,
                        files: files)
                }
            }
            for batch in gathered { body(batch) }
        }
    }

    /// How many rows ahead the gathering loads a row.
    private static let gatherDistance = 12

    /// The series of `key` from its figures `batchRows[range]` (handles in arrival order); the rows
    /// `gatherDistance` further on in `batchRows` are loaded meanwhile. Observations are built in year
    /// order (a key holds one observation a year; the sort is stable, so a withheld figure of the same
    /// year keeps its place), so that the series takes them as they are.
    private func series(
        of key: Int, rows range: Range<Int>, in batchRows: ArraySlice<UInt32>, files: [String]
    ) -> Series {
        var byYear: [(year: Int, handle: Int)] = []
        byYear.reserveCapacity(range.count)
        for index in range {
            if index + Self.gatherDistance < batchRows.endIndex {
                rows.prefetch(Int(batchRows[index + Self.gatherDistance]))
            }
            let handle = Int(batchRows[index])
            let year = year(of: handle)
            // Insertion sort: short runs, often nearly in order (later years moved up in place).
            var position = byYear.count
            byYear.append((year, handle))
            while position > 0 && byYear[position - 1].year > year {
                byYear[position] = byYear[position - 1]
                position -= 1
            }
            byYear[position] = (year, handle)
        }
        var observations: [Observation] = []
        observations.reserveCapacity(range.count)
        var withheldFigures: [WithheldFigure] = []
        let flagLists = Self.flagLists
        for (_, handle) in byYear {
            // Each observation built straight into the series' array (no optional one copied in).
            let row = rows[handle]
            switch row.kind {
            case .observation:
                observations.append(
                    Observation(
                        country: keys[Int(row.key)].country, year: Int(row.year), victims: row.value,
                        location: Location(
                            file: files[Int(row.packed >> 40 & 0xFFFF)],
                            line: Int(row.packed & (1 << 40 - 1)),
                            column: row.column == 0 ? nil : Int(row.column)),
                        flags: flagLists[Int(row.packed >> 56 & 0x1F)]))
            case .spilled:
                observations.append(spilled[row.value])
            case .withheld:
                withheldFigures.append(withheld[row.value])
            }
        }
        return Self.series(country: keys[key].country, observations: observations, withheld: withheldFigures)
    }

    /// The keys in `Panel`'s order. Keys are compared by their first eight bytes as one integer (which
    /// orders as the bytes do), and only on a tie by the whole key.
    private func keyOrder() -> [Int] {
        var prefixed = keys.indices.map { (prefix: Self.prefix(keys[$0].country), key: $0) }
        prefixed.sort {
            $0.prefix != $1.prefix
                ? $0.prefix < $1.prefix : Panel.precedes(keys[$0.key].country, keys[$1.key].country)
        }
        return prefixed.map(\.key)
    }

    /// The first eight UTF-8 bytes of `key`, big-endian, padded with zeros. A shorter key's padding
    /// ties with a real zero byte, so unequal prefixes order as the keys do and equal ones decide nothing.
    private static func prefix(_ key: String) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 56
        for byte in key.utf8 {
            value |= UInt64(byte) << shift
            if shift == 0 { break }
            shift -= 8
        }
        return value
    }

    // MARK: - Flags

    /// The flags as bits of `ObservationFlag.allCases`, or `nil` when they are not in canonical order
    /// (strictly increasing), which the bits could not give back.
    private static func flagBits(_ flags: [ObservationFlag]) -> UInt8? {
        guard !flags.isEmpty else { return 0 }
        var bits: UInt8 = 0
        var previous = -1
        for flag in flags {
            guard let position = ObservationFlag.allCases.firstIndex(of: flag), position > previous else {
                return nil
            }
            bits |= 1 << UInt8(position)
            previous = position
        }
        return bits
    }

    /// The flag list of every bit pattern.
    private static let flagLists: [[ObservationFlag]] = (0..<32).map { bits in
        ObservationFlag.allCases.enumerated().filter { bits & 1 << $0.offset != 0 }.map(\.element)
    }
}
