// libFuzzer entry point for the reader and validation alone: compiled with the library's sources by
// `scripts/fuzz/run SECONDS reader` (one module, so internal API is reachable). Each input goes
// through one read path (row by row into a builder, no threads), `validate`'s checks and every
// diagnostic format, and nothing is written to disk: the file reaches the reader through a pipe, as
// `/dev/stdin` would. Hundreds of times faster than FuzzTarget.swift, which compares every path and
// format. Besides crashes, hangs and sanitizer reports, it fails on output that could drive a terminal
// or a CI runner: a control character, `##[`, or a line beginning with `::` that victrend did not
// write as a command.

#if canImport(Glibc)
    import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, size - 1 <= 1 << 16 else { return 0 }
    // The first byte picks the reading options, the rest is the file.
    let control = data[0]
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { fatalError("no pipe") }
    // At most 64 KiB (libFuzzer's -max_len keeps inputs far smaller): the pipe holds it all.
    var written = 0
    while written < size - 1 {
        let count = write(ends[1], data + 1 + written, size - 1 - written)
        if count <= 0 { break }
        written += count
    }
    close(ends[1])
    defer { close(ends[0]) }
    let path = "/dev/fd/\(ends[0])"
    var options = PanelReader.Options()
    options.chunkSize = 4 + Int(control & 0x3F)
    options.countries = control & 0x40 == 0 ? .iso : .verbatim
    options.sum = control & 0x80 != 0
    options.layout = [.auto, .long, .wide, .sdmx][Int(control >> 6) & 3]
    // Few findings kept (all counted): every format renders each one, and that is most of the time.
    options.diagnosticLimit = control & 0x20 == 0 ? 64 : 1 + Int(control & 7)
    var builder = PanelBuilder(summing: options.sum)
    guard let read = try? PanelReader(options: options).read([path], into: &builder, feeding: .rowByRow)
    else { return 0 }
    let rules = PlausibilityRules(options: .init(currentYear: 2026))
    let kind: SeriesKind = control & 0x10 == 0 ? .annual : .cumulative
    var log = read.log
    var validation = PanelValidation(rules: rules, series: kind, limit: options.diagnosticLimit)
    builder.forEachBatch(rows: 1 + Int(control & 0x0F)) { validation.add($0) }
    log.add(contentsOf: validation.findings())
    let report = ValidationReport(log: log, inputs: [path], rowCount: read.rowCount)
    checkSafe(TextDiagnosticReporter.report(report), commands: false)
    checkSafe(GitHubDiagnosticReporter.report(report), commands: true)
    checkSafe(JSONDiagnosticReporter.report(report), commands: false)
    // SARIF repeats the whole rule catalogue each time: one input in four.
    if control & 0x0C == 0 { checkSafe(SARIFDiagnosticReporter.report(report), commands: false) }
    let summary = GitHubDiagnosticReporter.stepSummary(report)
    let rows = report.diagnostics.isEmpty ? 0 : 2 + report.diagnostics.count
    if summary.split(separator: "\n", omittingEmptySubsequences: false).count != 5 + rows {
        fatalError("a finding broke out of its row of the step summary")
    }
    return 0
}

/// Fails unless every line of `output` is safe for a terminal and a GitHub Actions log: no control
/// character, no `##[`, and (with `commands`, victrend's own annotations excepted) no line that begins
/// with `::` after white space. Reads the UTF-8 bytes once; only a line that starts with `:` or a
/// non-ASCII character is looked at as text.
private func checkSafe(_ output: String, commands: Bool) {
    var lineStart = true
    var hashes = 0
    var previous: UInt8 = 0
    var utf8 = output.utf8.makeIterator()
    var offset = 0
    var startOffset = 0
    while let byte = utf8.next() {
        defer {
            previous = byte
            offset += 1
        }
        if byte == UInt8(ascii: "\n") {
            lineStart = true
            hashes = 0
            continue
        }
        if lineStart {
            lineStart = false
            startOffset = offset
            if byte == UInt8(ascii: ":") || byte == UInt8(ascii: " ") || byte >= 0x80 {
                checkLineStart(output, from: startOffset, commands: commands)
            }
        }
        // C0 controls and DEL; C1 controls are U+0080–U+009F, in UTF-8 0xC2 0x80–0x9F.
        if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && (0x80...0x9F).contains(byte)) {
            fatalError("a control character in: \(line(output, from: startOffset).debugDescription)")
        }
        if byte == UInt8(ascii: "#") {
            hashes += 1
        } else {
            if byte == UInt8(ascii: "[") && hashes >= 2 {
                fatalError("##[ in: \(line(output, from: startOffset).debugDescription)")
            }
            hashes = 0
        }
    }
}

/// The line of `output` that starts at UTF-8 offset `start`.
private func line(_ output: String, from start: Int) -> Substring {
    let utf8 = output.utf8
    let begin = utf8.index(utf8.startIndex, offsetBy: start)
    let end = utf8[begin...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
    return output[begin..<end]
}

/// Fails when the line at `start` begins with `::` after white space, unless `commands` and it is one
/// of victrend's own annotations.
private func checkLineStart(_ output: String, from start: Int, commands: Bool) {
    let text = line(output, from: start)
    let rest = text.unicodeScalars.drop {
        $0.properties.isWhitespace || $0.properties.isDefaultIgnorableCodePoint
    }
    guard String(rest).hasPrefix("::") else { return }
    let own = [
        "::error file=", "::warning file=", "::notice file=", "::error title=", "::warning title=",
        "::notice title=",
    ]
    if !commands || !own.contains(where: { text.hasPrefix($0) }) {
        fatalError("a workflow command victrend did not write: \(text.debugDescription)")
    }
}
