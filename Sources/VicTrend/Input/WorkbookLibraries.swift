#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// libzip (the `.xlsx` container) and libxml2 (its XML, read as a stream by `xmlTextReader`), loaded
/// with `dlopen` the first time a workbook is read, never at start-up.
///
/// Linked like libcsv, the two libraries and what they load (ICU, OpenSSL's libcrypto, liblzma, libbz2)
/// cost every run of victrend about 14 million instructions and 3,900 relocations before `main` (a debug
/// report of the small sample went from 251.8 to 266.1 million instructions), for a feature most runs
/// never use, and the static executable of `scripts/build-static` could not be linked (Debian ships no
/// `libzip.a`). Loaded on demand they cost nothing until a workbook is read, and nothing at build time:
/// the few functions used are declared here (their C signatures, from libzip 1.7's `zip.h` and libxml2
/// 2.9's `xmlreader.h`, both stable ABIs). Debian: `libzip4` and `libxml2`; when either is missing, reading
/// a workbook says so (VT017) and CSV is unaffected.
struct WorkbookLibraries: @unchecked Sendable {
    // libzip
    let zipOpen: @convention(c) (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>?) -> OpaquePointer?
    let zipDiscard: @convention(c) (OpaquePointer?) -> Void
    let zipNameLocate: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UInt32) -> Int64
    let zipFopenIndex: @convention(c) (OpaquePointer?, UInt64, UInt32) -> OpaquePointer?
    let zipFread: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UInt64) -> Int64
    let zipFclose: @convention(c) (OpaquePointer?) -> Int32
    let zipStrerror: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    /// `zip_stat_index`: fills a `struct zip_stat` (see `declaredSize`).
    let zipStatIndex: @convention(c) (OpaquePointer?, UInt64, UInt32, UnsafeMutableRawPointer?) -> Int32
    // libxml2
    typealias ReadCallback =
        @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<CChar>?, Int32) -> Int32
    typealias ErrorCallback =
        @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, Int32, UnsafeMutableRawPointer?) ->
        Void
    let readerForIO:
        @convention(c) (
            ReadCallback?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafePointer<CChar>?,
            UnsafePointer<CChar>?, Int32
        ) -> OpaquePointer?
    let freeTextReader: @convention(c) (OpaquePointer?) -> Void
    let setErrorHandler: @convention(c) (OpaquePointer?, ErrorCallback?, UnsafeMutableRawPointer?) -> Void
    let read: @convention(c) (OpaquePointer?) -> Int32
    let nodeType: @convention(c) (OpaquePointer?) -> Int32
    let isEmptyElement: @convention(c) (OpaquePointer?) -> Int32
    let localName: @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
    let value: @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
    let moveToFirstAttribute: @convention(c) (OpaquePointer?) -> Int32
    let moveToNextAttribute: @convention(c) (OpaquePointer?) -> Int32
    let moveToElement: @convention(c) (OpaquePointer?) -> Int32

    // Constants of the two headers.
    static let zipReadOnly: Int32 = 16  // ZIP_RDONLY
    /// ZIP_CHECKCONS: libzip's stricter checks, among them that no two entries share a name (a workbook
    /// with two `xl/worksheets/sheet1.xml` would show one sheet to victrend and another to other tools).
    static let zipCheckConsistency: Int32 = 4
    /// `struct zip_stat` (libzip 1.x): `valid` (UInt64) at 0, `name` at 8, `index` at 16, `size` (the
    /// uncompressed size, UInt64) at 24, ...; 64 bytes in all on 64-bit systems.
    static let zipStatBytes = 128
    static let zipStatSizeOffset = 24
    static let zipStatSize: UInt64 = 4  // ZIP_STAT_SIZE
    static let parseNoNetwork: Int32 = 1 << 11  // XML_PARSE_NONET
    static let parseNoErrors: Int32 = 1 << 5  // XML_PARSE_NOERROR
    static let parseNoWarnings: Int32 = 1 << 6  // XML_PARSE_NOWARNING
    static let severityValidityError: Int32 = 2  // XML_PARSER_SEVERITY_VALIDITY_ERROR
    static let severityError: Int32 = 4  // XML_PARSER_SEVERITY_ERROR
    static let nodeElement: Int32 = 1
    static let nodeText: Int32 = 3
    static let nodeCDATA: Int32 = 4
    static let nodeDocumentType: Int32 = 10
    static let nodeSignificantWhitespace: Int32 = 14
    static let nodeEndElement: Int32 = 15

    /// The libraries, loaded on first use (once per process), or why they cannot be.
    static let shared: Result<WorkbookLibraries, WorkbookArchive.Failure> = load()

    private static func load() -> Result<WorkbookLibraries, WorkbookArchive.Failure> {
        func open(_ names: [String]) -> UnsafeMutableRawPointer? {
            for name in names {
                if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) { return handle }
            }
            return nil
        }
        guard let zip = open(["libzip.so.4", "libzip.so.5", "libzip.so"]) else {
            return .failure(missing("libzip (Debian 12: libzip4; Debian 13: libzip5)"))
        }
        // libxml2.so.16 is libxml2 2.14 and later (Debian's libxml2-16): the reader API used is unchanged.
        guard let xml = open(["libxml2.so.2", "libxml2.so.16", "libxml2.so"]) else {
            return .failure(missing("libxml2 (Debian: libxml2, or libxml2-16)"))
        }
        var absent: [String] = []
        func symbol<Function>(_ handle: UnsafeMutableRawPointer, _ name: String, as type: Function.Type)
            -> Function?
        {
            guard let address = dlsym(handle, name) else {
                absent.append(name)
                return nil
            }
            return unsafeBitCast(address, to: type)
        }
        typealias Reader = @convention(c) (OpaquePointer?) -> Int32
        typealias Text = @convention(c) (OpaquePointer?) -> UnsafePointer<UInt8>?
        guard
            let zipOpen = symbol(
                zip, "zip_open",
                as: (@convention(c) (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>?) ->
                    OpaquePointer?).self),
            let zipDiscard = symbol(zip, "zip_discard", as: (@convention(c) (OpaquePointer?) -> Void).self),
            let zipNameLocate = symbol(
                zip, "zip_name_locate",
                as: (@convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UInt32) -> Int64).self),
            let zipFopenIndex = symbol(
                zip, "zip_fopen_index",
                as: (@convention(c) (OpaquePointer?, UInt64, UInt32) -> OpaquePointer?).self),
            let zipFread = symbol(
                zip, "zip_fread",
                as: (@convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UInt64) -> Int64).self),
            let zipFclose = symbol(zip, "zip_fclose", as: Reader.self),
            let zipStrerror = symbol(
                zip, "zip_strerror", as: (@convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?).self),
            let zipStatIndex = symbol(
                zip, "zip_stat_index",
                as: (@convention(c) (OpaquePointer?, UInt64, UInt32, UnsafeMutableRawPointer?) -> Int32).self),
            let readerForIO = symbol(
                xml, "xmlReaderForIO",
                as: (@convention(c) (
                    ReadCallback?, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, UnsafePointer<CChar>?,
                    UnsafePointer<CChar>?, Int32
                ) -> OpaquePointer?).self),
            let freeTextReader = symbol(
                xml, "xmlFreeTextReader", as: (@convention(c) (OpaquePointer?) -> Void).self),
            let setErrorHandler = symbol(
                xml, "xmlTextReaderSetErrorHandler",
                as: (@convention(c) (OpaquePointer?, ErrorCallback?, UnsafeMutableRawPointer?) -> Void).self),
            let read = symbol(xml, "xmlTextReaderRead", as: Reader.self),
            let nodeType = symbol(xml, "xmlTextReaderNodeType", as: Reader.self),
            let isEmptyElement = symbol(xml, "xmlTextReaderIsEmptyElement", as: Reader.self),
            let localName = symbol(xml, "xmlTextReaderConstLocalName", as: Text.self),
            let value = symbol(xml, "xmlTextReaderConstValue", as: Text.self),
            let moveToFirstAttribute = symbol(xml, "xmlTextReaderMoveToFirstAttribute", as: Reader.self),
            let moveToNextAttribute = symbol(xml, "xmlTextReaderMoveToNextAttribute", as: Reader.self),
            let moveToElement = symbol(xml, "xmlTextReaderMoveToElement", as: Reader.self)
        else {
            return .failure(
                WorkbookArchive.Failure(
                    message: "the installed libzip or libxml2 lacks \(absent.joined(separator: ", ")); .xlsx "
                        + "workbooks cannot be read: save the sheet as CSV"))
        }
        return .success(
            WorkbookLibraries(
                zipOpen: zipOpen, zipDiscard: zipDiscard, zipNameLocate: zipNameLocate,
                zipFopenIndex: zipFopenIndex,
                zipFread: zipFread, zipFclose: zipFclose, zipStrerror: zipStrerror,
                zipStatIndex: zipStatIndex,
                readerForIO: readerForIO,
                freeTextReader: freeTextReader, setErrorHandler: setErrorHandler, read: read,
                nodeType: nodeType,
                isEmptyElement: isEmptyElement, localName: localName, value: value,
                moveToFirstAttribute: moveToFirstAttribute, moveToNextAttribute: moveToNextAttribute,
                moveToElement: moveToElement))
    }

    /// Throws `.missingLibrary` for the workbook `path` when the libraries did not load (`loaded`): a
    /// machine without libzip or libxml2 is a setup to fix (exit 2), not a finding in the file.
    static func require(
        for path: String, _ loaded: Result<WorkbookLibraries, WorkbookArchive.Failure> = shared
    ) throws(InputError) {
        if case .failure(let failure) = loaded {
            throw .missingLibrary(path: path, reason: failure.message)
        }
    }

    static func missing(_ library: String) -> WorkbookArchive.Failure {
        WorkbookArchive.Failure(
            message:
                "reading .xlsx workbooks needs \(library), which is not installed; install it, or save the "
                + "sheet as CSV")
    }

    /// libzip's message for an error code of `zip_open` (zip.h's ZIP_ER_*).
    static func zipMessage(_ code: Int32) -> String {
        switch code {
        case 5: return "read error"
        case 11: return "cannot open the file"
        case 14: return "out of memory"
        case 19: return "Not a zip archive"
        case 10: return "two entries of the archive have the same name"
        case 21: return "zip archive inconsistent"
        case 24: return "encrypted"
        default: return "libzip error \(code)"
        }
    }
}
