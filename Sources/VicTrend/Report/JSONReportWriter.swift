/// victrend's JSON report (`docs/report.schema.json`, the bytes `JSONReporter.report` documents) written
/// as it goes: the observations are added one at a time and the countries one at a time, each in key
/// order, and `finish` writes the whole document into the storage — format, metadata, parameters,
/// summary, the observations and countries spliced in from the storage's spools, totals, diagnostics.
///
/// The summary comes before the observations in the document, so their text waits in the spools; the
/// writer itself holds at most `chunkSize` bytes of each array (plus one element) before handing them
/// over, and accumulates the summary of the observations added (`summary`). A value type: copies write
/// apart, over the same storage only if the storage is a reference.
struct JSONReportWriter<Storage: JSONReportStorage> {
    /// Where the bytes go.
    private(set) var storage: Storage
    private var observations = JSONPrettyText(insideContainers: 2)
    private var countries = JSONPrettyText(insideContainers: 2)
    private var accumulator = TrendSummary.Accumulator()
    /// The latest countries' tails (`JSONCountryTail`), handed to the storage a block at a time.
    private var tails: [JSONCountryTail] = []
    /// Tails handed to the storage so far.
    private var tailsSpooled = 0
    /// Bytes of the countries' text handed to the storage so far.
    private var countriesSpooled = 0
    /// Bytes of text kept before they go to the storage.
    private let chunkSize: Int

    /// Countries' tails kept in memory before they go to the storage (about 200 bytes each).
    private let tailBlock: Int

    init(storage: Storage, chunkSize: Int = 1 << 20, tailBlock: Int = 4_096) {
        self.storage = storage
        self.chunkSize = max(1, chunkSize)
        self.tailBlock = max(1, tailBlock)
    }

    /// The summary of the observations added so far (what `TrendSummary(_:)` gives for them).
    var summary: TrendSummary { accumulator.summary }

    /// Adds the next observation (country key order, then year, as `TrendAnalysis` makes them).
    mutating func add(_ row: YearAssessment) throws(Storage.Failure) {
        accumulator.add(row)
        observations.observation(row)
        if observations.bytes.count >= chunkSize {
            try storage.spool(observations.takeBytes(), for: .observations)
        }
    }

    /// Adds the next country (key order). Its figures at the target year are those it has
    /// (`CountrySummary.project(to:options:)`), or with `deferred`, computed at `finish` from its
    /// `projectionBasis` once the target year is known: all the writer keeps of it.
    mutating func add(_ country: CountrySummary, deferred: Bool = false) throws(Storage.Failure) {
        countries.country(country)
        countries.leaveOpen()
        tails.append(
            JSONCountryTail(
                end: countriesSpooled + countries.bytes.count,
                figures: deferred
                    ? .deferred(country.projectionBasis, trendUntested: country.trendUntested)
                    : .known(
                        requiredGrowth: country.requiredGrowthToTargetYear, country.projection,
                        country.projectionUntested)))
        if tails.count >= tailBlock {
            try storage.spoolTails(tails)
            tailsSpooled += tails.count
            tails.removeAll(keepingCapacity: true)
        }
        if countries.bytes.count >= chunkSize {
            let bytes = countries.takeBytes()
            countriesSpooled += bytes.count
            try storage.spool(bytes, for: .countries)
        }
    }

    /// Writes the document into the storage, ending with a newline. `summary` is normally the
    /// writer's own; `suppression` is the policy already applied to what was added, if any. Called once;
    /// nothing may be added afterwards.
    mutating func finish(
        options: AnalysisOptions, suppression: Suppression.Policy?, provenance: Provenance?,
        summary: TrendSummary, totals: [GroupTotal], diagnostics: [Diagnostic]
    ) throws(Storage.Failure) {
        try storage.spool(observations.takeBytes(), for: .observations)
        let rest = countries.takeBytes()
        countriesSpooled += rest.count
        try storage.spool(rest, for: .countries)
        var text = JSONPrettyText()
        text.beginObject()
        text.member("format", "victrend-report")
        text.member("format_version", JSONReporter.formatVersion)
        text.key("metadata")
        text.metadata(provenance)
        text.key("parameters")
        text.parameters(
            options, projectionYear: options.projectionYear(latestYear: summary.lastYear),
            suppression: suppression)
        text.key("summary")
        text.summary(summary)
        text.key("observations")
        try splice(.observations, filled: !observations.innermostIsEmpty, into: &text)
        text.key("countries")
        text.beginArray()
        try storage.write(text.takeBytes())
        let year = options.projectionYear(latestYear: summary.lastYear)
        var start = 0
        var done = 0
        while done < tailsSpooled + tails.count {
            let block =
                done < tailsSpooled
                ? try storage.spooledTails(from: done, count: min(tailBlock, tailsSpooled - done))
                : tails
            for one in block {
                try storage.writeSpooled(.countries, from: start, to: one.end)
                start = one.end
                var tail = JSONPrettyText(insideContainers: 3)
                tail.markFilled()
                tail.targetYearFigures(one.figures.resolved(year: year, options: options))
                tail.endObject()
                try storage.write(tail.takeBytes())
            }
            done += block.count
        }
        if done > 0 { text.markFilled() }
        text.endArray()
        text.key("totals")
        text.beginArray()
        for total in totals {
            text.total(total)
            try flushIfFull(&text)
        }
        text.endArray()
        text.key("diagnostics")
        text.beginArray()
        for diagnostic in diagnostics {
            text.diagnostic(diagnostic, paths: options.inputs)
            try flushIfFull(&text)
        }
        text.endArray()
        text.endObject()
        var ending = text.takeBytes()
        ending.append(UInt8(ascii: "\n"))
        try storage.write(ending)
    }

    /// Writes the text so far, then the spooled elements of `array` (`filled`: there are some), then
    /// the array's end into `text`.
    private mutating func splice(_ array: JSONSpooledArray, filled: Bool, into text: inout JSONPrettyText)
        throws(Storage.Failure)
    {
        text.beginArray()
        try storage.write(text.takeBytes())
        try storage.writeSpooled(array)
        if filled { text.markFilled() }
        text.endArray()
    }

    private mutating func flushIfFull(_ text: inout JSONPrettyText) throws(Storage.Failure) {
        if text.bytes.count >= chunkSize { try storage.write(text.takeBytes()) }
    }
}

/// A country's figures at the target year: known when it was added, or computed at `finish`.
enum JSONTargetYearFigures {
    case known(requiredGrowth: Double?, Projection?, UntestedReason?)
    case deferred(ProjectionBasis?, trendUntested: UntestedReason?)

    func resolved(year: Int?, options: AnalysisOptions) -> TargetYearMembers {
        switch self {
        case .known(let growth, let projection, let untested): return (growth, projection, untested)
        case .deferred(let basis, let trendUntested):
            guard let basis, let year else { return (nil, nil, trendUntested) }
            return (
                basis.requiredGrowth(to: year, target: options.targetRate),
                basis.projection(to: year, options: options), basis.untested(to: year, options: options)
            )
        }
    }
}

/// What a country's JSON object still needs after its other members: where they end in the countries'
/// text (bytes from the start of the array's text) and its figures at the target year. A plain value of
/// numbers only (no reference), so a file storage spools it as its bytes (`JSONFileStorage`) and memory
/// holds a block of them, not one per country.
struct JSONCountryTail {
    var end: Int
    var figures: JSONTargetYearFigures
}
