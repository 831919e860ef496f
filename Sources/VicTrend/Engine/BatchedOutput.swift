import Dispatch

/// A `RowOutput` that queues what the rows give and hands it to a `BuilderOutput` a batch at a time:
/// on another thread while the reader goes on (`concurrent`), or on the reader's own when a batch is
/// full. Either way the builder and the log receive the same figures and findings in the same order as
/// a `BuilderOutput` fed row by row: a finding waits in the queue behind the figures before it.
///
/// Why: an input not sorted by key costs a look-up in a table of many keys per figure, which misses
/// the cache (the table's slot, then the key). A batch lets the look-ups be loaded a few figures ahead
/// (`PanelBuilder.prefetch`), so that the misses overlap instead of coming one after the other; and
/// with two cores the builder's work leaves the reader's core.
struct BatchedOutput: RowOutput {
    /// An observation without its file, which the batch names once (at `Other.file`), not every row.
    struct Figure {
        var country: String
        var year: Int
        var victims: Int
        var line: Int
        /// 0 for none.
        var column: Int
        var flags: [ObservationFlag]
        /// The date of a dated running total (`Observation.asOf`).
        var asOf: AsOfDate?
        /// The key cell's id from the reader (`RowOutput.add(_:cell:)`), `-1` for none.
        var cell: Int
    }

    /// What is not an observation, queued before the figure at `before` (an index in `figures`).
    enum Other {
        /// The figures from here on come from this file (and workbook sheet).
        case file(String, sheet: String?)
        case withheld(WithheldFigure)
        case diagnostic(Diagnostic)
        /// A finding known to fall past the log's limit: only counted.
        case omitted(Diagnostic.Severity)
    }

    /// Figures and the rest, in the order found.
    struct Batch {
        var figures: [Figure] = []
        var others: [(before: Int, item: Other)] = []
        var count: Int { figures.count + others.count }
    }

    /// Items (figures and others) in a full batch, by default.
    static let batchSize = 4096

    private let worker: BuilderWorker
    private var batch = Batch()
    /// The file of the figures queued last (the reader's path), and the workbook sheet.
    private var file: String?
    private var sheet: String?
    /// Findings queued so far, and errors among them: once the log's limit is reached by these alone,
    /// it is certainly full when a later one arrives, which is then only counted (its message is never
    /// built) — for an error, once the limit is reached by errors alone (`DiagnosticLog` keeps errors
    /// first).
    private var findings = 0
    private var errors = 0
    private let limit: Int
    private let batchSize: Int

    /// Queues into `output` in batches of `batchSize` items (at least 1); with `concurrent`, batches
    /// are handed to `output` on a thread of their own.
    init(_ output: BuilderOutput, batchSize: Int = Self.batchSize, concurrent: Bool) {
        worker = BuilderWorker(output, concurrent: concurrent)
        limit = output.log.limit
        self.batchSize = max(1, batchSize)
        batch.figures.reserveCapacity(self.batchSize)
    }

    mutating func add(_ observation: consuming Observation) {
        add(observation, cell: -1)
    }

    mutating func add(_ observation: consuming Observation, cell: Int) {
        if observation.location.file != file || observation.location.sheet != sheet {
            let path = observation.location.file
            file = path
            sheet = observation.location.sheet
            // A copy of its own for the builder's thread: the reader's path is in every observation it
            // makes, and a string shared by two threads has its reference count bounce between cores.
            batch.others.append((batch.figures.count, .file(path.unsharedCopy, sheet: sheet?.unsharedCopy)))
        }
        batch.figures.append(
            Figure(
                country: observation.country, year: observation.year, victims: observation.victims,
                line: observation.location.line, column: observation.location.column ?? 0,
                flags: observation.flags, asOf: observation.asOf, cell: cell))
        if batch.count >= batchSize { submit() }
    }

    mutating func add(_ figure: WithheldFigure) {
        queue(.withheld(figure))
    }

    mutating func add(_ diagnostic: Diagnostic) {
        findings += 1
        if diagnostic.severity == .error { errors += 1 }
        queue(.diagnostic(diagnostic))
    }

    mutating func add(_ severity: Diagnostic.Severity, _ make: () -> Diagnostic) {
        findings += 1
        // Errors are built up to the limit whatever came before them: the log keeps them first.
        if severity == .error { errors += 1 }
        queue(
            (severity == .error ? errors : findings) > limit ? .omitted(severity) : .diagnostic(make()))
    }

    /// Hands over what is queued, waits until the builder has taken everything, and gives it back.
    consuming func finish() -> BuilderOutput {
        submit()
        return worker.finish()
    }

    private mutating func queue(_ item: Other) {
        batch.others.append((batch.figures.count, item))
        if batch.count >= batchSize { submit() }
    }

    private mutating func submit() {
        guard batch.count > 0 else { return }
        var full = Batch()
        full.figures.reserveCapacity(batchSize)
        swap(&full, &batch)
        worker.submit(full)
    }
}

/// The builder's side of a `BatchedOutput`: applies batches in order, on a serial queue of its own
/// (at most a few batches waiting, which bounds memory) or at once.
private final class BuilderWorker: @unchecked Sendable {
    /// Touched only on `queue` (or, not concurrent, by the caller's thread).
    private var output: BuilderOutput
    private var file = Location(file: "", line: 0)
    private var hashes: [Int?] = []
    private let concurrent: Bool
    private let queue = DispatchQueue(label: "victrend.builder")
    private let slots = DispatchSemaphore(value: 3)

    /// Figures ahead whose key cell's entry is loaded (`PanelBuilder.prefetchEntry(cell:)`), whose
    /// key-table slot or key by its cell is loaded, and whose key is loaded (after its slot arrived).
    private static let entryDistance = 32
    private static let slotDistance = 16
    private static let keyDistance = 8

    init(_ output: BuilderOutput, concurrent: Bool) {
        self.output = output
        self.concurrent = concurrent
    }

    func submit(_ batch: BatchedOutput.Batch) {
        guard concurrent else { return apply(batch) }
        slots.wait()
        queue.async { [self] in
            apply(batch)
            slots.signal()
        }
    }

    /// Applies `batch` to `output` in place (a property of the class read for a method call would be
    /// copied, and every array of the builder retained, per figure).
    private func apply(_ batch: BatchedOutput.Batch) {
        Self.apply(batch, to: &output, file: &file, hashes: &hashes)
    }

    func finish() -> BuilderOutput {
        guard concurrent else { return output }
        return queue.sync { output }
    }

    private static func apply(
        _ batch: BatchedOutput.Batch, to output: inout BuilderOutput, file: inout Location,
        hashes: inout [Int?]
    ) {
        let figures = batch.figures
        let count = figures.count
        // Hashes of the keys, each figure's computed `slotDistance` figures ahead of its addition (a
        // key like the previous figure's is hashed once); none for a key the builder likely knows by
        // its cell (its key is loaded instead; the builder checks it is the figure's).
        if hashes.count < count { hashes = Array(repeating: nil, count: count) }
        func hashAhead(_ index: Int) {
            guard index < count else { return }
            if output.builder.prefetch(cell: figures[index].cell) {
                hashes[index] = nil
                return
            }
            let hash =
                index > 0 && figures[index].country == figures[index - 1].country
                ? hashes[index - 1] ?? RowStore.hash(figures[index].country)
                : RowStore.hash(figures[index].country)
            hashes[index] = hash
            output.builder.prefetch(keyHash: hash, .slot)
        }
        for index in 0..<min(count, Self.entryDistance) {
            output.builder.prefetchEntry(cell: figures[index].cell)
        }
        for index in 0..<min(count, Self.slotDistance) { hashAhead(index) }
        var other = 0
        for index in 0..<count {
            if index + Self.entryDistance < count {
                output.builder.prefetchEntry(cell: figures[index + Self.entryDistance].cell)
            }
            hashAhead(index + Self.slotDistance)
            if index + Self.keyDistance < count, let hash = hashes[index + Self.keyDistance] {
                output.builder.prefetch(keyHash: hash, .key)
            }
            while other < batch.others.count && batch.others[other].before == index {
                apply(batch.others[other].item, to: &output, file: &file)
                other += 1
            }
            // The figure's parts: an observation is built only when the store keeps it whole.
            let column = figures[index].column == 0 ? nil : figures[index].column
            let duplicate = output.builder.add(
                country: figures[index].country, year: figures[index].year, victims: figures[index].victims,
                file: file, line: figures[index].line, column: column, flags: figures[index].flags,
                dated: figures[index].asOf != nil, keyHash: hashes[index], cell: figures[index].cell
            ) {
                var observation = Observation(
                    country: figures[index].country, year: figures[index].year,
                    victims: figures[index].victims,
                    location: Location(
                        file: file.file, line: figures[index].line, column: column, sheet: file.sheet),
                    flags: figures[index].flags)
                observation.asOf = figures[index].asOf
                return observation
            }
            if let duplicate { output.log.add(duplicate) }
        }
        while other < batch.others.count {
            apply(batch.others[other].item, to: &output, file: &file)
            other += 1
        }
    }

    private static func apply(
        _ item: BatchedOutput.Other, to output: inout BuilderOutput, file: inout Location
    ) {
        switch item {
        case .file(let path, let sheet): file = Location(file: path, line: 0, sheet: sheet)
        case .withheld(let figure): output.add(figure)
        case .diagnostic(let diagnostic): output.add(diagnostic)
        case .omitted(let severity): output.log.addOmitted(severity)
        }
    }
}
