// libFuzzer entry point: compiled together with the library's sources by scripts/fuzz (one module, so
// internal API is reachable). Every input goes through the reader (all layouts, any chunk size),
// validation, the analysis, suppression and every output format; a crash, a hang or a sanitizer report
// is a bug. Not part of the SwiftPM package: it only builds with -sanitize=fuzzer.

#if canImport(Glibc)
    import Glibc
#endif

private let path = "/dev/shm/victrend-fuzz-\(getpid()).csv"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    // The first byte picks the reading options, the rest is the file.
    let control = data[0]
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else { return 0 }
    var written = 0
    while written < size - 1 {
        let count = write(descriptor, data + 1 + written, size - 1 - written)
        if count <= 0 { break }
        written += count
    }
    close(descriptor)
    var options = PanelReader.Options()
    options.chunkSize = 4 + Int(control & 0x3F)
    options.countries = control & 0x40 == 0 ? .iso : .verbatim
    options.sum = control & 0x80 != 0
    options.layout = [.auto, .long, .wide, .sdmx][Int(control >> 6) & 3]
    guard let result = try? PanelReader(options: options).read([path]) else { return 0 }
    // Figures fed row by row, or in batches of any size on the builder's own thread: the same builder
    // and log (the whole read above feeds it in batches of 4096).
    var direct = PanelBuilder(summing: options.sum)
    var batchedBuilder = PanelBuilder(summing: options.sum)
    options.diagnosticLimit = 1 + Int(control & 7)
    if let rowByRow = try? PanelReader(options: options).read([path], into: &direct, feeding: .rowByRow),
        let batched = try? PanelReader(options: options).read(
            [path], into: &batchedBuilder, feeding: .batches(size: 1 + Int(control & 15), concurrent: true))
    {
        let log = (rowByRow.log, batched.log)
        if log.0.diagnostics != log.1.diagnostics || log.0.errorCount != log.1.errorCount
            || log.0.warningCount != log.1.warningCount || log.0.infoCount != log.1.infoCount
            || log.0.omittedCount != log.1.omittedCount || rowByRow.rowCount != batched.rowCount
        {
            fatalError("batched findings differ from row by row")
        }
        if direct.build() != batchedBuilder.build() { fatalError("batched figures differ from row by row") }
    }
    options.diagnosticLimit = PanelReader.Options().diagnosticLimit
    // validate's checks, series by series (from the builder's batches, or from the stream), must find
    // what the whole panel's do; with a small limit, keep what a log keeps and count every one.
    let rules = PlausibilityRules(options: .init(currentYear: 2026))
    var refusals = AnalysisOptions(series: control & 0x10 == 0 ? .annual : .cumulative)
    refusals.exactTest = false
    var wholeFindings = rules.check(result.panel)
    if case .failure(let list) = TrendAnalysis.assess(result.panel, options: refusals) {
        wholeFindings += list.diagnostics
    }
    // The series handed out in batches (the unsorted input's path to every product) are the panel's.
    var builder = PanelBuilder(summing: options.sum)
    if let read = try? PanelReader(options: options).read([path], into: &builder) {
        var batched: [Series] = []
        builder.forEachBatch(rows: 1 + Int(control & 31)) { batched += $0 }
        if batched != result.panel.series { fatalError("batched series differ from the panel") }
        if read.log.diagnostics != result.log.diagnostics { fatalError("diagnostics differ") }
        let limit = 1 + Int(control & 7)
        var validation = PanelValidation(rules: rules, series: refusals.series, limit: limit)
        builder.forEachBatch(rows: 1 + Int(control & 15)) { validation.add($0) }
        let found = validation.findings()
        // What a log of that limit keeps of the panel's findings (the first, errors first).
        var kept = DiagnosticLog(limit: limit)
        kept.add(contentsOf: wholeFindings)
        if found.diagnostics != kept.diagnostics
            || found.errorCount + found.warningCount + found.infoCount != wholeFindings.count
        {
            fatalError("validate's findings differ between the batches and the panel")
        }
    }
    // Differential check of the streaming reader: when it accepts the input (sorted by key), it must
    // hand over exactly the series and diagnostics of the whole read.
    var streamedSeries: [Series] = []
    let streamed = try? PanelReader(options: options).stream([path], batchRows: 1 + Int(control & 15)) {
        streamedSeries += $0
    }
    // (`try?` also folds "not sorted" into nil: then there is nothing to compare.)
    if let streamed {
        if streamedSeries != result.panel.series { fatalError("streamed series differ from the whole read") }
        if streamed.log.diagnostics != result.log.diagnostics { fatalError("streamed diagnostics differ") }
        var validation = PanelValidation(rules: rules, series: refusals.series, limit: .max)
        validation.add(streamedSeries)
        if validation.findings().diagnostics != wholeFindings { fatalError("validate's findings differ when streamed") }
    }
    // Overlapping and nested groups from the keys' first bytes (none when bit 3 of the control is 0):
    // totals beside the alliance's, and secondary suppression over them.
    var groups = Groups()
    if control & 8 != 0 {
        for series in result.panel.series {
            let first = Int(series.country.utf8.first ?? 0)
            if first % 2 == 0 { groups.add(country: series.country, to: "even") }
            if first % 3 == 0 { groups.add(country: series.country, to: "third") }
            if first % 6 == 0 { groups.add(country: series.country, to: "sixth") }
            if series.country.utf8.count % 2 == 0 { groups.add(country: series.country, to: "long") }
        }
    }
    for series in [SeriesKind.annual, .cumulative] {
        let analysis = AnalysisOptions(
            series: series, baselineYear: control & 1 == 0 ? nil : 2015, targetYear: 2030)
        let assessed = TrendAnalysis.assess(result.panel, options: analysis, groups: groups)
        // The one pipeline's trends table (streamed when sorted, else a whole read in batches) must be
        // the whole report's table, or refuse the same input.
        if !result.log.hasErrors {
            let request = ReportRequest(
                analysis: analysis, destination: .file(format: .csv, table: .trends, path: path + ".out"))
            if let outcome = try? Pipeline.run([path], reading: options, producing: .report(request)) {
                switch assessed {
                case .success(let report):
                    let expected = Array(ReportFormat.csv.reporter(table: .trends).report(report).utf8)
                    if !outcome.isWritten || contents(path + ".out") != expected {
                        fatalError("the pipeline's trends table differs from the whole report's")
                    }
                case .failure:
                    if outcome.isWritten { fatalError("the pipeline wrote what the analysis refuses") }
                }
            }
        }
        guard case .success(let report) = assessed else { continue }
        for published in [
            report, Suppression.apply(report, policy: .init(threshold: 5, suppressZeros: control & 2 != 0)),
        ] {
            for format in ReportFormat.allCases {
                for table in ReportTable.allCases { _ = format.reporter(table: table).report(published) }
            }
        }
    }
    let validation = ValidationReport(log: result.log, inputs: [path], rowCount: result.rowCount)
    for format in DiagnosticFormat.allCases { _ = format.reporter.report(validation) }
    return 0
}

/// The bytes of a file, or `nil` when it cannot be read.
private func contents(_ file: String) -> [UInt8]? {
    let descriptor = open(file, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count <= 0 { return count == 0 ? bytes : nil }
        bytes += buffer[0..<count]
    }
}
