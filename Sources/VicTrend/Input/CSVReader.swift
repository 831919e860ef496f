import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams one delimited text file through libcsv and hands each record, with its physical line, to a
/// handler.
///
/// The file is read in fixed-size chunks (never whole). Each chunk is fed to libcsv one physical line
/// at a time, so every callback libcsv makes happens while the reader knows which line it is on: that
/// is how records get exact line numbers even when quoted cells contain line breaks. Parsing is strict
/// (`CSV_STRICT | CSV_STRICT_FINI`): a stray or unclosed quote is a diagnostic, never a quoted run that
/// silently swallows the following lines.
///
/// Accepted: quoted cells with embedded delimiters, quotes (`""`) and line breaks; LF, CR LF and CR line
/// endings; a UTF-8 byte-order mark; `,` `;` or tab as the delimiter, detected from the header line or
/// named by Excel's `sep=;` first line (which Excel writes and reads to fix the delimiter; the header is
/// then on line 2). Blank lines are not records.
final class CSVReader {
    /// Limits and choices for one read.
    struct Options {
        /// The delimiter, or `nil` to detect it from the first line.
        var delimiter: UInt8?
        /// Bytes read from the file at a time (at least 4).
        var chunkSize = 1 << 16
        /// Largest cell accepted, in bytes; a larger one is almost always an unclosed quote.
        var maxCellBytes = 1 << 20
        /// Largest row accepted, in bytes as written — blanks, quotes and line breaks inside quotes
        /// included, its final line break not — so that a megabyte of blanks (which libcsv passes over
        /// without storing) cannot make the reader hold it. A line of blanks alone counts as a row.
        var maxRowBytes = 1 << 20
        /// Most cells accepted in one row.
        var maxCells = 10_000
        /// Called every 4 MiB with the bytes read so far and the file's size.
        var progress: (@Sendable (_ bytesRead: Int, _ fileSize: Int) -> Void)?
        /// The file's encoding; single-byte text is decoded to UTF-8 as it is read (a UTF-8 byte-order
        /// mark overrides it).
        var encoding = TextEncoding.utf8
        /// The physical line the table's header is on (`--header-line`): records that start above it (a
        /// title) are not delivered, and the delimiter is detected from it.
        var headerLine = 1
    }

    /// The path, as the user gave it (used in every location).
    let path: String
    /// The delimiter in use (detected or given); valid once reading has started.
    private(set) var delimiter = UInt8(ascii: ",")
    /// The physical line of the header: `options.headerLine`, or 2 below Excel's `sep=` line; valid once
    /// reading has started.
    private var headerLine = 1
    /// The delimiter Excel's `sep=` first line named, if the file has one.
    private var excelSeparator: UInt8?
    /// Number of records delivered so far (the header included).
    private(set) var recordCount = 0
    /// The physical line the record being delivered ends on (its start is `recordLocation.line`).
    private(set) var recordEndLine = 0

    private let options: Options
    private let parser: UnsafeMutablePointer<csv_parser>
    /// Where libcsv's callbacks put the cells (their context; see `CellSink`).
    private let sink: UnsafeMutablePointer<CellSink>
    /// The line the record being delivered starts on.
    private var recordLine = 0
    /// The diagnostic that stopped reading; `stopped` says whether there is one (checked for every
    /// line, and cheaper to test than the optional).
    private var stopDiagnostic: Diagnostic? {
        didSet { stopped = stopDiagnostic != nil }
    }
    private var stopped = false
    /// Set by `stop()`: the handler wants no more records.
    private var stopRequested = false

    // Physical position tracking.
    private var line = 1
    private var atLineStart = true
    private var pendingCarriageReturn = false
    // The raw bytes of the row in progress: `carry` (from earlier chunks) + chunk[rawStart..<segmentEnd].
    private var chunk = UnsafeRawBufferPointer(start: nil, count: 0)
    private var carry: [UInt8] = []
    private var rawStart = 0
    private var rawStartLine = 1
    private var segmentEnd = 0
    /// Chunks begun so far (`text(aheadSince:)`).
    private var chunksBegun = 0

    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let rowNotBegun: Int32 = 0
    private static let fieldBegun: Int32 = 2
    private static let fieldMightHaveEnded: Int32 = 3

    init(path: String, options: Options = Options()) {
        self.path = path
        var options = options
        options.chunkSize = max(options.chunkSize, 4)
        self.options = options
        parser = .allocate(capacity: 1)
        csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI))
        sink = .allocate(capacity: 1)
        sink.initialize(to: CellSink(maxCells: options.maxCells))
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        sink.pointee.free()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// Reads the whole file, calling `body` once per record (the header is the first record).
    ///
    /// Returns `nil` when the file was read to the end, or the diagnostic that stopped it (a quote
    /// error, an oversized cell, an empty file). Throws only when the file cannot be read at all.
    /// Inside `body`, `location(ofCell:)` points at cells of the record being delivered.
    func read(_ body: (CSVRecord, CSVReader) -> Void) throws(InputError) -> Diagnostic? {
        let descriptor = open(try StandardInput.openablePath(path), O_RDONLY)
        guard descriptor >= 0 else {
            throw InputError.opening(path)
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
            throw .isDirectory(path: path)
        }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: options.chunkSize, alignment: 16)
        defer { buffer.deallocate() }

        // `body` goes down as a parameter (a closure kept in a property would be retained and released
        // around every call, for every record).
        var bytesRead = 0
        var nextReport = 1 << 22
        let fileSize = Int(status.st_size)
        /// Fills `target` with the next bytes; returns how many (0 at the end of the input).
        func next(into target: UnsafeMutableRawBufferPointer) throws(InputError) -> Int {
            let count = try fill(target, from: descriptor)
            bytesRead += count
            if let progress = options.progress, bytesRead >= nextReport {
                progress(bytesRead, fileSize)
                nextReport = bytesRead + (1 << 22)
            }
            return count
        }
        // The first bytes: enough to detect the delimiter and a file that is not UTF-8 text from (the
        // input may be a pipe, read once), fed to libcsv in chunks like the rest.
        let firstSize = max(options.chunkSize, Self.detectionSize)
        let first = firstSize == buffer.count ? buffer : .allocate(byteCount: firstSize, alignment: 16)
        defer { if first.baseAddress != buffer.baseAddress { first.deallocate() } }
        let count = try next(into: first)
        let bytes = UnsafeRawBufferPointer(rebasing: first[0..<count])
        let bom = count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let head = UnsafeRawBufferPointer(rebasing: bytes.prefix(Self.detectionSize))
        switch WorkbookReader.kind(head) {
        case .xls?:
            stopDiagnostic = WorkbookReader.binaryWorkbook(
                path, encrypted: WorkbookReader.namesEncryptionStream(bytes))
            return stopDiagnostic
        case .xlsx?:
            stopDiagnostic = Diagnostic(
                .unreadableWorkbook, at: Location(file: path, line: 1),
                "this is a zip archive (an .xlsx workbook?) where a CSV file is read: a data file that is a "
                    + "workbook is read by its path, or '-' for standard input (not through a pipe such as "
                    + "/dev/stdin); a --groups or --members file is CSV: save the sheet as CSV")
            return stopDiagnostic
        case nil: break
        }
        if let notText = Self.notUTF8Text(head) {
            stopDiagnostic = Diagnostic(
                .invalidUTF8, at: Location(file: path, line: notText.line), notText.message)
            return stopDiagnostic
        }
        headerLine = options.headerLine
        excelSeparator = Self.excelSeparator(UnsafeRawBufferPointer(rebasing: head[(bom ? 3 : 0)...]))
        if excelSeparator != nil && headerLine == 1 { headerLine = 2 }
        delimiter = options.delimiter ?? excelSeparator ?? Self.detectDelimiter(head, headerLine: headerLine)
        csv_set_delim(parser, delimiter)
        let chunk = max(1, options.chunkSize)
        // Single-byte text is decoded chunk by chunk into `decoded` (at most 3 bytes a byte), which
        // holds the chunk being parsed; what a row carries over is copied out of it (`carry`).
        let decoding = options.encoding != .utf8 && !bom
        let decoded = UnsafeMutableRawBufferPointer.allocate(
            byteCount: decoding ? 3 * chunk : 0, alignment: 16)
        defer { decoded.deallocate() }
        func parse(_ bytes: UnsafeRawBufferPointer) {
            guard decoding else { return process(bytes, body) }
            let written = options.encoding.transcode(bytes, into: decoded)
            process(UnsafeRawBufferPointer(rebasing: decoded[0..<written]), body)
        }
        for start in stride(from: bom ? 3 : 0, to: count, by: chunk) where !stopped && !stopRequested {
            parse(UnsafeRawBufferPointer(rebasing: bytes[start..<min(count, start + chunk)]))
        }
        while count > 0 && !stopped && !stopRequested {
            let count = try next(into: buffer)
            if count == 0 { break }
            parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        }
        if !stopped && !stopRequested {
            finish(body)
        }
        if stopDiagnostic == nil && recordCount == 0 {
            let message =
                if options.headerLine > 1 {
                    "the file has no row on line \(options.headerLine) or below (--header-line \(options.headerLine)): "
                        + "expected the header row naming the columns there, e.g. country,year,victims"
                } else if let excelSeparator {
                    "the file holds only Excel's line 'sep=\(Self.shown(excelSeparator))': expected the header "
                        + "row naming the columns on line 2, e.g. country,year,victims"
                } else {
                    "the file is empty: expected a header row naming the columns, e.g. country,year,victims"
                }
            stopDiagnostic = Diagnostic(.emptyFile, at: Location(file: path, line: 1), message)
        }
        return stopDiagnostic
    }

    /// Ends the read after the record being delivered: `read` returns without reading further (and
    /// without a diagnostic). Only valid inside the `read` handler.
    func stop() {
        stopRequested = true
    }

    /// The physical location of cell `index` (0-based) of the record being delivered: its first
    /// non-blank character. Only valid inside the `read` handler.
    func location(ofCell index: Int) -> Location {
        // One map per record: a wide row locates each of its thousands of figures in it.
        if cachedMap?.record != recordCount {
            cachedMap = (
                recordCount, RawRowMap(rawRecordBytes(), startLine: rawStartLine, delimiter: delimiter)
            )
            mapsBuilt += 1
        }
        guard let map = cachedMap?.map else { return recordLocation }
        let starts = map.fieldStarts
        let position =
            index < starts.count ? starts[index] : (starts.last ?? .init(line: recordLine, column: 1))
        return Location(file: path, line: position.line, column: position.column)
    }

    /// The map of the record numbered `record` (`recordCount` while it is delivered), built on first use.
    private var cachedMap: (record: Int, map: RawRowMap)?
    /// Row maps built so far: at most one per record.
    private(set) var mapsBuilt = 0

    /// The location of the record being delivered, without a column.
    var recordLocation: Location { Location(file: path, line: recordLine) }

    /// The text past the record being delivered that the reader holds (the rest of its chunk, not
    /// parsed yet, in the file's delimiter, possibly empty), once per chunk: nil when `mark` shows it
    /// was given already. Only valid inside the `read` handler, and only until the handler is next
    /// given nil.
    func text(aheadSince mark: inout Int) -> (bytes: UnsafeRawBufferPointer, delimiter: UInt8)? {
        guard mark != chunksBegun else { return nil }
        mark = chunksBegun
        guard let base = chunk.baseAddress, segmentEnd < chunk.count else {
            return (UnsafeRawBufferPointer(start: nil, count: 0), delimiter)
        }
        return (UnsafeRawBufferPointer(start: base + segmentEnd, count: chunk.count - segmentEnd), delimiter)
    }

    // MARK: - Chunks and lines

    /// Reads until `buffer` is full or the file ends; returns the byte count (0 at the end).
    private func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) throws(InputError)
        -> Int
    {
        var total = 0
        while total < buffer.count {
            guard let base = buffer.baseAddress else { return 0 }
            let got = Glibc.read(descriptor, base + total, buffer.count - total)
            if got < 0 {
                if errno == EINTR { continue }
                throw .readFailed(path: path, reason: InputError.systemReason())
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    /// Feeds `bytes` (one chunk) to libcsv one physical line at a time.
    private func process(_ bytes: UnsafeRawBufferPointer, _ body: (CSVRecord, CSVReader) -> Void) {
        chunk = bytes
        chunksBegun += 1
        rawStart = 0
        var index = 0
        let count = bytes.count
        // `carry.count` and `rawStart`, kept here too: the row's size so far, for `feed`, from locals.
        var carried = carry.count
        var rowStart = 0
        if pendingCarriageReturn {
            pendingCarriageReturn = false
            if index < count && bytes[index] == Self.lineFeed {
                // The LF of a CR LF pair split across chunks: same line break, no new line.
                if !feed(from: index, to: index + 1, rowBytesAtMost: carried + 1, body) { return }
                index += 1
            }
        }
        guard let base = bytes.baseAddress else { return }
        // A chunk without a CR (most files) has each line's end found by one search, for LF only.
        let carriageReturns = memchr(base + index, Int32(Self.carriageReturn), count - index) != nil
        while index < count {
            var end = Self.firstBreak(base, from: index, to: count, carriageReturns: carriageReturns)
            var endsLine = false
            if end < count {
                endsLine = true
                if bytes[end] == Self.carriageReturn {
                    if end + 1 < count {
                        end += bytes[end + 1] == Self.lineFeed ? 2 : 1
                    } else {
                        end += 1
                        pendingCarriageReturn = true
                    }
                } else {
                    end += 1
                }
            }
            if line < headerLine {
                // A line above the header (`--header-line`: a title, a note) is skipped as text, never
                // parsed: a quote in a title ("5" screens") opens no field.
                if endsLine { line += 1 }
                atLineStart = endsLine
                index = end
                continue
            }
            if atLineStart && parser.pointee.pstate == Self.rowNotBegun {
                if !carry.isEmpty { carry.removeAll(keepingCapacity: true) }
                rawStart = index
                rawStartLine = line
                carried = 0
                rowStart = index
            }
            if !feed(from: index, to: end, rowBytesAtMost: carried + end - rowStart, body) { return }
            if endsLine { line += 1 }
            atLineStart = endsLine
            index = end
        }
        // Keep the bytes of a row (or line) that continues in the next chunk (not of a skipped line).
        if line >= headerLine && (parser.pointee.pstate != Self.rowNotBegun || !atLineStart) {
            carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[rawStart..<count]))
        } else {
            carry.removeAll(keepingCapacity: true)
        }
        chunk = UnsafeRawBufferPointer(start: nil, count: 0)
        rawStart = 0
        segmentEnd = 0
    }

    /// The offset of the first line break (CR or LF) in `base[start..<end]`, or `end`: LF found with
    /// `memchr`, then CR looked for before it (a lone CR ends a line too) when the text has
    /// `carriageReturns`.
    private static func firstBreak(
        _ base: UnsafeRawPointer, from start: Int, to end: Int, carriageReturns: Bool
    ) -> Int {
        let lineFeedAt =
            memchr(base + start, Int32(lineFeed), end - start).map { UnsafeRawPointer($0) - base } ?? end
        guard carriageReturns && lineFeedAt > start else { return lineFeedAt }
        return memchr(base + start, Int32(carriageReturn), lineFeedAt - start).map {
            UnsafeRawPointer($0) - base
        }
            ?? lineFeedAt
    }

    /// Feeds one segment to libcsv; false when reading must stop (the diagnostic is set).
    /// `rowBytesAtMost`: the row's bytes through `end`, carried ones and line breaks included (an upper
    /// bound of `rowBytes(through:)`, which is only counted when this one is over the limit).
    private func feed(
        from start: Int, to end: Int, rowBytesAtMost: Int, _ body: (CSVRecord, CSVReader) -> Void
    ) -> Bool {
        guard let base = chunk.baseAddress else { return false }
        segmentEnd = end
        let consumed = csv_parse(parser, base + start, end - start, cellCallback, rowCallback, sink)
        // Checked before the row is delivered, so a row over the limit is refused whether it arrives in
        // one segment or in many (any chunk size gives the same records); up to the byte libcsv refused,
        // if it refused one.
        let parsed = consumed < end - start ? start + consumed + 1 : end
        if rowBytesAtMost > options.maxRowBytes && rowBytes(through: parsed) > options.maxRowBytes {
            stopDiagnostic = oversized(
                "a row is longer than \(options.maxRowBytes) bytes as written (blanks included); this is "
                    + "almost always a quote that is never closed, or not a CSV file")
            return false
        }
        if !deliverRecord(body) { return false }
        if consumed < end - start {
            stopDiagnostic = parseFailure(atChunkOffset: start + consumed)
            return false
        }
        if parser.pointee.entry_pos > options.maxCellBytes {
            stopDiagnostic = oversized(
                "a cell is longer than \(options.maxCellBytes) bytes; this is almost always a quote "
                    + "that is never closed")
            return false
        }
        return true
    }

    /// Ends parsing: delivers a last row without a final line break, or reports an unclosed quote.
    private func finish(_ body: (CSVRecord, CSVReader) -> Void) {
        chunk = UnsafeRawBufferPointer(start: nil, count: 0)
        rawStart = 0
        segmentEnd = 0
        let failed = csv_fini(parser, cellCallback, rowCallback, sink) != 0
        if deliverRecord(body) && failed {
            stopDiagnostic = unterminatedQuote()
        }
    }

    /// The bytes of the row in progress up to chunk offset `end` (carried ones included), without a
    /// line break at the very end: the same count whether a CR LF pair arrived in one chunk or two.
    private func rowBytes(through end: Int) -> Int {
        var contentEnd = end
        while contentEnd > rawStart,
            chunk[contentEnd - 1] == Self.lineFeed || chunk[contentEnd - 1] == Self.carriageReturn,
            end - contentEnd < 2
        {
            contentEnd -= 1
        }
        return carry.count + contentEnd - rawStart
    }

    // MARK: - libcsv callbacks

    /// Hands the row libcsv just ended (if any) to `body`; false when reading must stop (the
    /// diagnostic is set).
    private func deliverRecord(_ body: (CSVRecord, CSVReader) -> Void) -> Bool {
        guard !stopped else { return false }
        if sink.pointee.tooManyCells {
            stopDiagnostic = oversized(
                "a row has more than \(options.maxCells) cells; check the delimiter and the quoting")
            return false
        }
        guard sink.pointee.rowsEnded > 0 else { return true }
        // One physical line ends at most one row; more would mean a row was never delivered.
        guard sink.pointee.rowsEnded == 1 else {
            stopDiagnostic = oversized("the parser ended several rows on one line; the file cannot be read")
            return false
        }
        recordLine = rawStartLine
        recordEndLine = line
        recordCount += 1
        body(sink.pointee.record(line: rawStartLine), self)
        sink.pointee.removeAll()
        return !stopped && !stopRequested
    }

    // MARK: - Diagnostics about the text itself

    /// The raw bytes of the row being read: carried bytes plus the current chunk up to the segment end.
    private func rawRecordBytes(through chunkOffset: Int? = nil) -> [UInt8] {
        var bytes = carry
        let end = chunkOffset.map { $0 + 1 } ?? segmentEnd
        if chunk.baseAddress != nil && end > rawStart {
            bytes.append(
                contentsOf: UnsafeRawBufferPointer(rebasing: chunk[rawStart..<min(end, chunk.count)]))
        }
        return bytes
    }

    private func parseFailure(atChunkOffset offset: Int) -> Diagnostic {
        guard csv_error(parser) == CSV_EPARSE else {
            return oversized("a cell is too large to hold in memory")
        }
        let raw = rawRecordBytes(through: offset)
        let map = RawRowMap(raw, startLine: rawStartLine, delimiter: delimiter, through: raw.count - 1)
        let here = map.end
        let offending = raw.last.map { Self.describe($0) } ?? "a character"
        let state = parser.pointee.pstate
        if state == Self.fieldMightHaveEnded, let opened = map.openingQuotes.last ?? nil {
            if opened.line < here.line {
                return Diagnostic(
                    .unterminatedQuote,
                    at: Location(file: path, line: opened.line, column: opened.column),
                    "the quote that opens this cell is not closed on line \(opened.line); it runs on to line "
                        + "\(here.line), column \(here.column), where \(offending) follows the next quote. "
                        + "Close the quote on line \(opened.line), or remove it")
            }
            return Diagnostic(
                .strayQuote, at: Location(file: path, line: here.line, column: here.column),
                "\(offending) after the closing quote of a quoted cell; a quoted cell must end at its quote "
                    + "(write a quote inside a quoted cell as \"\")")
        }
        return Diagnostic(
            .strayQuote, at: Location(file: path, line: here.line, column: here.column),
            "quote character inside an unquoted cell; to keep it, enclose the whole cell in quotes and "
                + "double the inner quote (\"\"), otherwise remove it")
    }

    private func unterminatedQuote() -> Diagnostic {
        let raw = rawRecordBytes()
        let map = RawRowMap(raw, startLine: rawStartLine, delimiter: delimiter)
        let opened = (map.openingQuotes.last ?? nil) ?? RawRowMap.Position(line: rawStartLine, column: 1)
        let lines = map.end.line - opened.line + 1
        let extent = lines > 1 ? " and runs to the end of the file (\(lines) lines)" : ""
        return Diagnostic(
            .unterminatedQuote, at: Location(file: path, line: opened.line, column: opened.column),
            "the quote that opens this cell is never closed\(extent); add the closing quote")
    }

    private func oversized(_ message: String) -> Diagnostic {
        Diagnostic(.oversizedRecord, at: Location(file: path, line: rawStartLine), message)
    }

    /// A byte as it reads in a message: `'x'`, or its hex value for control and non-ASCII bytes.
    private static func describe(_ byte: UInt8) -> String {
        if byte >= 0x21 && byte < 0x7F {
            return "'\(Character(Unicode.Scalar(byte)))'"
        }
        let hex = String(byte, radix: 16, uppercase: true)
        return "byte 0x\(hex.count == 1 ? "0" + hex : hex)"
    }

    // MARK: - Encoding

    /// Why a file that starts with `bytes` is not UTF-8 text at all, and the line to point at; `nil` when
    /// nothing says so. A UTF-16 byte-order mark (what Excel's "Unicode Text" writes) or a NUL byte —
    /// which no text CSV holds, while UTF-16 has one in every other byte of Latin text — would otherwise
    /// surface as a confusing header (`c o u n t r y`) or a misleading guess at Windows-1252.
    static func notUTF8Text(_ bytes: UnsafeRawBufferPointer) -> (line: Int, message: String)? {
        if bytes.count >= 2 && ((bytes[0], bytes[1]) == (0xFF, 0xFE) || (bytes[0], bytes[1]) == (0xFE, 0xFF))
        {
            return (
                1,
                "the file is UTF-16 (it starts with a UTF-16 byte-order mark, as Excel's \"Unicode Text\" "
                    + "writes); save it as \"CSV UTF-8\""
            )
        }
        // By `memchr`: the generic search took 3.6 instructions a byte (0.07M for a 20 KB file).
        guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
        let nul = UnsafeRawPointer(found) - base
        let line = 1 + bytes[..<nul].reduce(0) { $0 + ($1 == lineFeed ? 1 : 0) }
        return (
            line,
            "byte \(nul + 1) of the file is NUL, which no text file holds: the file is probably UTF-16 "
                + "(a zero in every other byte) or not a CSV file; save it as \"CSV UTF-8\""
        )
    }

    // MARK: - Delimiter detection

    /// The delimiter named by Excel's first line `sep=X` (X one of `,` `;` tab, the line ending right
    /// after it or the input ending there), given the bytes after any byte-order mark; nil for any
    /// other first line. Excel writes this line when asked to and reads it to fix the delimiter.
    static func excelSeparator(_ bytes: UnsafeRawBufferPointer) -> UInt8? {
        let prefix = Array("sep=".utf8)
        guard bytes.count >= 5, prefix.indices.allSatisfy({ bytes[$0] | 0x20 == prefix[$0] }) else {
            return nil
        }
        let separator = bytes[4]
        guard [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")].contains(separator) else {
            return nil
        }
        guard bytes.count == 5 || bytes[5] == lineFeed || bytes[5] == carriageReturn else { return nil }
        return separator
    }

    /// A delimiter as a message shows it (`\t` for a tab).
    private static func shown(_ delimiter: UInt8) -> String {
        delimiter == UInt8(ascii: "\t") ? "\\t" : String(UnicodeScalar(delimiter))
    }

    /// How much of the start of a file the delimiter is detected from.
    static let detectionSize = 1 << 16

    /// The delimiter of a file: whichever of `,` `;` and tab occurs most often outside quotes on the
    /// header line, physical line `headerLine` (ties and a line with none go to `,`).
    static func detectDelimiter(_ bytes: UnsafeRawBufferPointer, headerLine: Int = 1) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        // Past the lines above the header (a CR LF pair is one line break).
        var start = 0
        var line = 1
        while line < headerLine && start < bytes.count {
            if bytes[start] == lineFeed || bytes[start] == carriageReturn {
                if bytes[start] == carriageReturn && start + 1 < bytes.count && bytes[start + 1] == lineFeed {
                    start += 1
                }
                line += 1
            }
            start += 1
        }
        for byte in bytes[start...] {
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes && (byte == lineFeed || byte == carriageReturn) {
                break
            } else if !inQuotes, let index = candidates.firstIndex(of: byte) {
                counts[index] += 1
            }
        }
        var best = 0
        for index in 1..<candidates.count where counts[index] > counts[best] {
            best = index
        }
        return candidates[best]
    }
}

private func cellCallback(
    _ bytes: UnsafeMutableRawPointer?, _ count: Int, _ context: UnsafeMutableRawPointer?
) {
    context?.assumingMemoryBound(to: CellSink.self).pointee.append(bytes, count)
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context?.assumingMemoryBound(to: CellSink.self).pointee.rowsEnded += 1
}
