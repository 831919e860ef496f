/// What a workbook says about itself: its sheets (in order) with their parts, its date system, and
/// which cell styles are dates.
struct Book {
    struct Sheet {
        var name: String
        /// The sheet's part in the zip container, e.g. `xl/worksheets/sheet1.xml`.
        var part: String
        /// Shown in Excel's tabs (not `state="hidden"` or `"veryHidden"`).
        var visible = true
    }

    /// The sheet read without `--sheet`: the first one Excel shows (a hidden sheet, often a lookup
    /// table or an old copy, is not what the user sees first), or the first when all are hidden.
    var defaultSheet: Sheet? {
        sheets.first(where: \.visible) ?? sheets.first
    }

    var sheets: [Sheet] = []
    /// Serial days count from 1904-01-01 (old Mac workbooks) instead of 1900-01-01.
    var date1904 = false
    /// For each cell style (`s`), whether its number format is a date.
    var dateStyles: [Bool] = []

    func isDate(style: Int) -> Bool {
        dateStyles.indices.contains(style) && dateStyles[style]
    }

    /// Reads `xl/workbook.xml`, its relationships and `xl/styles.xml`.
    static func read(_ archive: WorkbookArchive, options: WorkbookReader.Options) throws(WorkbookArchive
        .Failure)
        -> Book
    {
        var book = Book()
        var declared: [(name: String, id: String, visible: Bool)] = []
        try archive.readXML("xl/workbook.xml", limit: options.maxPartBytes) { node in
            guard node.kind == .element else { return }
            switch node.name {
            case "sheet":
                let attributes = node.attributes
                if let name = attributes["name"], let id = attributes["id"], declared.count < 10_000 {
                    let state = attributes["state"]?.lowercased()
                    declared.append((name, id, state != "hidden" && state != "veryhidden"))
                }
            case "workbookPr":
                let value = node.attributes["date1904"]?.lowercased()
                book.date1904 = value == "1" || value == "true"
            default: break
            }
        }
        var targets: [String: String] = [:]
        try archive.readXML("xl/_rels/workbook.xml.rels", limit: options.maxPartBytes) { node in
            guard node.kind == .element, node.name == "Relationship" else { return }
            let attributes = node.attributes
            if let id = attributes["Id"], let target = attributes["Target"], targets.count < 10_000 {
                targets[id] = target
            }
        }
        for (name, id, visible) in declared {
            guard let target = targets[id] else { continue }
            // Relative to xl/, or absolute from the package root.
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            book.sheets.append(Sheet(name: name, part: part, visible: visible))
        }
        book.dateStyles = try dateStyles(archive, options: options)
        return book
    }

    /// Whether each cell style of `xl/styles.xml` formats its number as a date.
    private static func dateStyles(_ archive: WorkbookArchive, options: WorkbookReader.Options)
        throws(WorkbookArchive.Failure) -> [Bool]
    {
        var formats: [Int: String] = [:]
        var styles: [Int] = []
        var inCellFormats = false
        try archive.readXML("xl/styles.xml", limit: options.maxPartBytes, optional: true) { node in
            switch (node.kind, node.name) {
            case (.element, "numFmt"):
                let attributes = node.attributes
                if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"],
                    formats.count < 10_000
                {
                    formats[id] = code
                }
            case (.element, "cellXfs"): inCellFormats = !node.isEmptyElement
            case (.endElement, "cellXfs"): inCellFormats = false
            case (.element, "xf") where inCellFormats && styles.count < 100_000:
                styles.append(node.attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }
        return styles.map { id in
            if (14...22).contains(id) || (45...47).contains(id) { return true }
            return formats[id].map(isDateFormat) ?? false
        }
    }

    /// Whether a number format code shows a date: it has a day, month or year part (`d`, `m`, `y`)
    /// outside quoted text, escapes and brackets (`[Red]`, `[$-407]`), and no `h`/`s` before an `m` that is
    /// then minutes (a time alone is no date).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false
        var bracket = false
        var escaped = false
        var date = false
        for character in code.lowercased() {
            if escaped {
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "y":
                if !quoted && !bracket { date = true }
            default: break
            }
        }
        return date
    }
}

/// The workbook's shared strings (`xl/sharedStrings.xml`): each `<si>`'s text, rich-text runs joined,
/// phonetic runs (`<rPh>`) left out.
enum SharedStrings {
    static func read(_ archive: WorkbookArchive, options: WorkbookReader.Options) throws(WorkbookArchive
        .Failure)
        -> [String]
    {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phonetic = 0
        try archive.readXML("xl/sharedStrings.xml", limit: options.maxSharedStringBytes, optional: true) {
            (node) throws(WorkbookArchive.Failure) in
            switch (node.kind, node.name) {
            case (.element, "si"):
                inItem = !node.isEmptyElement
                current = ""
                if node.isEmptyElement { strings.append("") }
            case (.endElement, "si"):
                guard strings.count < options.maxSharedStrings else {
                    throw WorkbookArchive.Failure(
                        message:
                            "the workbook has more than \(options.maxSharedStrings) shared strings; not read")
                }
                strings.append(current)
                inItem = false
            case (.element, "rPh"): if !node.isEmptyElement { phonetic += 1 }
            case (.endElement, "rPh"): phonetic -= 1
            case (.element, "t"): inText = inItem && phonetic == 0 && !node.isEmptyElement
            case (.endElement, "t"): inText = false
            case (.text, _) where inText:
                guard let piece = node.value(limit: options.maxCellBytes),
                    current.utf8.count + piece.utf8.count <= options.maxCellBytes
                else {
                    throw WorkbookArchive.Failure(
                        message: "a shared string is longer than \(options.maxCellBytes) bytes; not read")
                }
                current += piece
            default: break
            }
        }
        return strings
    }
}
