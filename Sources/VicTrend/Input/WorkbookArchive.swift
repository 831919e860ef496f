#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `.xlsx` workbook's zip container (libzip) and the XML of its parts, read as a stream (libxml2's
/// `xmlTextReader`; both loaded on demand, see `WorkbookLibraries`), with bounds for hostile files: every part's uncompressed bytes are counted as they
/// are inflated and reading stops at the part's limit (a zip bomb stops there, whatever its headers
/// claim); no DTD is accepted (so no entity is ever defined or expanded) and nothing is fetched from a
/// network; libxml2's own limits on text nodes and names stay on (no `XML_PARSE_HUGE`). libxml2's
/// messages never reach standard error: the first one is kept for the diagnostic.
final class WorkbookArchive {
    /// Why a workbook cannot be read.
    struct Failure: Error {
        var message: String
        /// The sheet's column (A = 1) the failure is at, if one cell.
        var column: Int? = nil
    }

    private let archive: OpaquePointer
    private let library: WorkbookLibraries

    /// Opens the zip container at `path`; throws the reason when it is none.
    init(path: String) throws(Failure) {
        library = try WorkbookLibraries.shared.get()
        var error: Int32 = 0
        // Standard input (`<stdin>`) is read from its copy.
        let openable: String
        do throws(InputError) {
            openable = try StandardInput.openablePath(path)
        } catch {
            throw Failure(message: "\(error)")
        }
        guard
            let archive = library.zipOpen(
                openable, WorkbookLibraries.zipReadOnly | WorkbookLibraries.zipCheckConsistency, &error)
        else {
            throw Failure(message: "not a readable .xlsx workbook (\(WorkbookLibraries.zipMessage(error)))")
        }
        self.archive = archive
    }

    deinit {
        library.zipDiscard(archive)
    }

    /// Reads the part `name` as XML, calling `handle` for each node, at most `limit` uncompressed bytes.
    /// Throws when the part is missing (unless `optional`: then nothing is read), too large, or not
    /// well-formed XML; `handle` may throw to stop.
    func readXML(
        _ name: String, limit: Int, optional: Bool = false, _ handle: (XMLNode) throws(Failure) -> Void
    ) throws(Failure) {
        let index = library.zipNameLocate(archive, name, 0)
        guard index >= 0 else {
            if optional { return }
            throw Failure(message: "the workbook has no part \(name); it is not a valid .xlsx file")
        }
        // What the central directory declares: a part declared larger than its limit is refused at once
        // (a zip bomb's header would otherwise cost the whole inflation to find out). The header may lie:
        // the inflated bytes are still counted below.
        let declared = declaredSize(index: UInt64(index))
        if let declared, declared > UInt64(limit) {
            throw Failure(message: tooLarge(name, limit: limit, declared: declared))
        }
        guard let file = library.zipFopenIndex(archive, UInt64(index), 0) else {
            let reason = library.zipStrerror(archive).map { String(cString: $0) } ?? "libzip error"
            throw Failure(message: "the part \(name) cannot be read (\(reason))")
        }
        // A valid part inflates to exactly its declared size: past it the header lied, and inflating on
        // to the limit would only cost time.
        let source = PartSource(
            file: file, limit: declared.map { min(limit, Int($0)) } ?? limit, library: library)
        defer { _ = library.zipFclose(file) }
        let context = Unmanaged.passUnretained(source).toOpaque()
        let options =
            WorkbookLibraries.parseNoNetwork | WorkbookLibraries.parseNoErrors
            | WorkbookLibraries.parseNoWarnings
        guard let reader = library.readerForIO(partRead, nil, context, name, nil, options) else {
            throw Failure(message: "the part \(name) cannot be read as XML")
        }
        defer { library.freeTextReader(reader) }
        library.setErrorHandler(reader, xmlError, context)
        let node = XMLNode(reader: reader, library: library)
        while true {
            let status = library.read(reader)
            if source.overLimit {
                if let declared, declared < UInt64(limit) {
                    throw Failure(
                        message:
                            "the part \(name) inflates to more than the \(declared) bytes the archive declares; "
                            + "the workbook is damaged, or made to mislead: not read")
                }
                throw Failure(message: tooLarge(name, limit: limit, declared: nil))
            }
            if status == 0 { break }
            if status < 0 || source.xmlMessage != nil {
                let detail = source.xmlMessage.map { ": \($0)" } ?? ""
                throw Failure(message: "the part \(name) is not well-formed XML\(detail)")
            }
            if library.nodeType(reader) == WorkbookLibraries.nodeDocumentType {
                throw Failure(
                    message: "the part \(name) declares a DTD, which no workbook part has; not read")
            }
            try handle(node)
        }
    }
}

extension WorkbookArchive {
    /// The uncompressed size the zip's central directory declares for entry `index`, if it does.
    fileprivate func declaredSize(index: UInt64) -> UInt64? {
        let stat = UnsafeMutableRawPointer.allocate(byteCount: WorkbookLibraries.zipStatBytes, alignment: 8)
        defer { stat.deallocate() }
        stat.initializeMemory(as: UInt8.self, repeating: 0, count: WorkbookLibraries.zipStatBytes)
        guard library.zipStatIndex(archive, index, 0, stat) == 0 else { return nil }
        let valid = stat.load(as: UInt64.self)
        guard valid & WorkbookLibraries.zipStatSize != 0 else { return nil }
        return stat.load(fromByteOffset: WorkbookLibraries.zipStatSizeOffset, as: UInt64.self)
    }

    fileprivate func tooLarge(_ name: String, limit: Int, declared: UInt64?) -> String {
        let size = declared.map { " (the archive declares \($0 >> 20) MiB)" } ?? ""
        return "the part \(name) is larger than \(limit >> 20) MiB once uncompressed\(size); victrend does "
            + "not read it (a workbook of yearly counts is far smaller: this may be a zip bomb)"
    }
}

/// The node the XML reader stands on (valid only inside the handler of `readXML`).
struct XMLNode {
    fileprivate let reader: OpaquePointer
    fileprivate let library: WorkbookLibraries

    /// The node's kind.
    enum Kind {
        case element, endElement, text, other
    }

    var kind: Kind {
        switch library.nodeType(reader) {
        case WorkbookLibraries.nodeElement: return .element
        case WorkbookLibraries.nodeEndElement: return .endElement
        case WorkbookLibraries.nodeText, WorkbookLibraries.nodeCDATA,
            WorkbookLibraries.nodeSignificantWhitespace:
            return .text
        default: return .other
        }
    }

    /// Whether an element has no content (`<c r="A1"/>`): no end element follows.
    var isEmptyElement: Bool { library.isEmptyElement(reader) == 1 }

    /// The local name (without the namespace prefix).
    var name: String {
        library.localName(reader).map { String(cString: $0) } ?? ""
    }

    /// The text of a text node (or of the attribute the reader stands on).
    var value: String {
        library.value(reader).map { String(cString: $0) } ?? ""
    }

    /// The text of a text node, at most `limit` bytes; `nil` when longer.
    func value(limit: Int) -> String? {
        guard let text = library.value(reader) else { return "" }
        let length = strnlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), limit + 1)
        guard length <= limit else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// An element's attributes by local name (the last of a name wins).
    var attributes: [String: String] {
        var result: [String: String] = [:]
        guard library.moveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            result[name] = value
        } while library.moveToNextAttribute(reader) == 1
        _ = library.moveToElement(reader)
        return result
    }
}

/// A zip entry fed to libxml2, counting the bytes it inflates.
private final class PartSource {
    let file: OpaquePointer
    let limit: Int
    let library: WorkbookLibraries
    var read = 0
    var overLimit = false
    /// libxml2's first error about the part.
    var xmlMessage: String?

    init(file: OpaquePointer, limit: Int, library: WorkbookLibraries) {
        self.file = file
        self.limit = limit
        self.library = library
    }
}

private func partRead(
    _ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32
) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let source = Unmanaged<PartSource>.fromOpaque(context).takeUnretainedValue()
    let count = source.library.zipFread(source.file, buffer, UInt64(length))
    guard count >= 0 else { return -1 }
    source.read += Int(count)
    if source.read > source.limit {
        source.overLimit = true
        return -1
    }
    return Int32(count)
}

private func xmlError(
    _ context: UnsafeMutableRawPointer?, _ message: UnsafePointer<CChar>?, _ severity: Int32,
    _ locator: UnsafeMutableRawPointer?
) {
    guard let context,
        severity == WorkbookLibraries.severityError || severity == WorkbookLibraries.severityValidityError
    else { return }
    let source = Unmanaged<PartSource>.fromOpaque(context).takeUnretainedValue()
    if source.xmlMessage == nil, let message {
        var text = String(cString: message)
        while text.last?.isWhitespace == true { text.removeLast() }
        source.xmlMessage = String(text.prefix(200))
    }
}
