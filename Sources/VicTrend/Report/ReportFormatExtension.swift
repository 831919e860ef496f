extension ReportFormat {
    /// The format a file name's extension names, case-insensitively: `.csv`, `.md` (or `.markdown`),
    /// `.html` (or `.htm`), `.json`; `nil` for any other name or none (`report`, `report.txt`).
    /// Only the last component's extension counts: `out.html/report` has none.
    public init?(fileExtensionOf path: String) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        case "json": self = .json
        default: return nil
        }
    }
}
