import CLibXML2
import CLibZip

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An `.xlsx` workbook's zip container (libzip) and the XML of its parts, read as a stream (libxml2's
/// `xmlTextReader`), with bounds for hostile files: every part's uncompressed bytes are counted as they
/// are inflated and reading stops at the part's limit (a zip bomb stops there, whatever its headers
/// claim); no DTD is accepted (so no entity is ever defined or expanded) and nothing is fetched from a
/// network; libxml2's own limits on text nodes and names stay on (no `XML_PARSE_HUGE`). libxml2's
/// messages never reach standard error: the first one is kept for the diagnostic.
final class WorkbookArchive {
    /// Why a workbook cannot be read.
    struct Failure: Error {
        var message: String
    }

    private let archive: OpaquePointer

    /// Opens the zip container at `path`; `nil` with the reason when it is none.
    init(path: String) throws(Failure) {
        var error: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY, &error) else {
            var zipError = zip_error_t()
            zip_error_init_with_code(&zipError, error)
            defer { zip_error_fini(&zipError) }
            throw Failure(
                message: "not a readable .xlsx workbook (\(String(cString: zip_error_strerror(&zipError))))")
        }
        self.archive = archive
    }

    deinit {
        zip_discard(archive)
    }

    /// Whether the archive holds `name`.
    func contains(_ name: String) -> Bool {
        zip_name_locate(archive, name, 0) >= 0
    }

    /// Reads the part `name` as XML, calling `handle` for each node, at most `limit` uncompressed bytes.
    /// Throws when the part is missing (unless `optional`: then nothing is read), too large, or not
    /// well-formed XML; `handle` may throw to stop.
    func readXML(
        _ name: String, limit: Int, optional: Bool = false, _ handle: (XMLNode) throws(Failure) -> Void
    ) throws(Failure) {
        let index = zip_name_locate(archive, name, 0)
        guard index >= 0 else {
            if optional { return }
            throw Failure(message: "the workbook has no part \(name); it is not a valid .xlsx file")
        }
        guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
            throw Failure(
                message: "the part \(name) cannot be read (\(String(cString: zip_strerror(archive))))")
        }
        let source = PartSource(file: file, limit: limit)
        defer { zip_fclose(file) }
        let context = Unmanaged.passUnretained(source).toOpaque()
        guard
            let reader = xmlReaderForIO(
                partRead, nil, context, name, nil,
                Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        else {
            throw Failure(message: "the part \(name) cannot be read as XML")
        }
        defer { xmlFreeTextReader(reader) }
        xmlTextReaderSetErrorHandler(reader, xmlError, context)
        let node = XMLNode(reader: reader)
        while true {
            let status = xmlTextReaderRead(reader)
            if source.overLimit {
                throw Failure(
                    message:
                        "the part \(name) is larger than \(limit >> 20) MiB once uncompressed; victrend does "
                        + "not read it (a workbook of yearly counts is far smaller: this may be a zip bomb)")
            }
            if status == 0 { break }
            if status < 0 || source.xmlMessage != nil {
                let detail = source.xmlMessage.map { ": \($0)" } ?? ""
                throw Failure(message: "the part \(name) is not well-formed XML\(detail)")
            }
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                throw Failure(
                    message: "the part \(name) declares a DTD, which no workbook part has; not read")
            }
            try handle(node)
        }
    }
}

/// The node the XML reader stands on (valid only inside the handler of `readXML`).
struct XMLNode {
    fileprivate let reader: OpaquePointer

    /// The node's kind.
    enum Kind {
        case element, endElement, text, other
    }

    var kind: Kind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
            Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
            return .text
        default: return .other
        }
    }

    /// Whether an element has no content (`<c r="A1"/>`): no end element follows.
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The local name (without the namespace prefix).
    var name: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The text of a text node.
    var value: String {
        xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
    }

    /// The text of a text node, at most `limit` bytes; `nil` when longer.
    func value(limit: Int) -> String? {
        guard let text = xmlTextReaderConstValue(reader) else { return "" }
        let length = strnlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self), limit + 1)
        guard length <= limit else { return nil }
        return String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)
    }

    /// An element's attributes by local name (the last of a name wins).
    var attributes: [String: String] {
        var result: [String: String] = [:]
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return result }
        repeat {
            result[name] = value
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return result
    }
}

/// A zip entry fed to libxml2, counting the bytes it inflates.
private final class PartSource {
    let file: OpaquePointer
    let limit: Int
    var read = 0
    var overLimit = false
    /// libxml2's first message about the part.
    var xmlMessage: String?

    init(file: OpaquePointer, limit: Int) {
        self.file = file
        self.limit = limit
    }
}

private func partRead(
    _ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32
) -> Int32 {
    guard let context, let buffer, length > 0 else { return -1 }
    let source = Unmanaged<PartSource>.fromOpaque(context).takeUnretainedValue()
    let count = zip_fread(source.file, buffer, zip_uint64_t(length))
    guard count >= 0 else { return -1 }
    source.read += Int(count)
    if source.read > source.limit {
        source.overLimit = true
        return -1
    }
    return Int32(count)
}

private func xmlError(
    _ context: UnsafeMutableRawPointer?, _ message: UnsafePointer<CChar>?, _ severity: xmlParserSeverities,
    _ locator: xmlTextReaderLocatorPtr?
) {
    guard let context, severity == XML_PARSER_SEVERITY_ERROR || severity == XML_PARSER_SEVERITY_VALIDITY_ERROR
    else { return }
    let source = Unmanaged<PartSource>.fromOpaque(context).takeUnretainedValue()
    if source.xmlMessage == nil, let message {
        var text = String(cString: message)
        while text.last?.isWhitespace == true { text.removeLast() }
        source.xmlMessage = String(text.prefix(200))
    }
}
