#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How the pipeline reads: an input sorted by key is streamed (each key's series handed on as soon as
/// the next key starts, memory for one batch); any other input — found out at its first key out of
/// order, or a pipe that could not be read twice — is read whole into flat rows and then handed on a
/// batch at a time. The sink receives the same series either way.
struct SeriesReading {
    let inputs: [String]
    let options: PanelReader.Options

    /// Rows of series handed to a sink at a time.
    static let batchRows = 1 << 16

    /// What reading found.
    struct Read {
        var log: DiagnosticLog
        var rowCount: Int
        /// The first and the latest year of a figure handed on; nil when none was.
        var years: ClosedRange<Int>?
    }

    /// The span of the years of the series handed on so far.
    private struct YearSpan {
        var years: ClosedRange<Int>?

        mutating func include(_ batch: [Series]) {
            for series in batch {
                guard let first = series.observations.first?.year, let last = series.observations.last?.year
                else { continue }
                years = years.map { min($0.lowerBound, first)...max($0.upperBound, last) } ?? first...last
            }
        }
    }

    /// Reads every input and hands the series to `sink`. With errors in the inputs the whole read
    /// hands nothing on, unless the sink `continuesPastErrors`.
    func deliver(to sink: some SeriesSink) throws(VictrendError) -> Read {
        let reader = PanelReader(options: options)
        var span = YearSpan()
        let streamed: PanelReader.StreamResult?
        do {
            streamed = try reader.stream(inputs, batchRows: Self.batchRows) { batch in
                span.include(batch)
                sink.add(batch)
            }
        } catch {
            sink.abandon()
            throw .unreadable(error)
        }
        if let streamed {
            return Read(log: streamed.log, rowCount: streamed.rowCount, years: span.years)
        }
        span = YearSpan()
        do {
            try sink.restart()
        } catch {
            sink.abandon()
            throw error
        }
        var builder = PanelBuilder(summing: options.sum)
        let read: PanelReader.StreamResult
        do {
            read = try reader.read(inputs, into: &builder)
        } catch {
            sink.abandon()
            throw .unreadable(error)
        }
        if !read.log.hasErrors || sink.continuesPastErrors {
            builder.forEachBatch(rows: Self.batchRows) { batch in
                span.include(batch)
                sink.add(batch)
            }
        }
        return Read(log: read.log, rowCount: read.rowCount, years: span.years)
    }
}
