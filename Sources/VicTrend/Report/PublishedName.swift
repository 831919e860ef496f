/// How a published report (Markdown, HTML, JSON) names an input file: by its file name alone, never by
/// the local path it was read from. A path such as `/home/NAME/submissions/data.csv` would publish who
/// made the report and where; the file's SHA-256 in the provenance identifies the file (where
/// suppression withholds the hash, the name alone is given). Diagnostics on the terminal, and the CSV
/// tables, which carry no file names, are not concerned: the terminal keeps the path as given.
enum PublishedName {
    /// The file name of `path`: what follows its last `/` (`data.csv` for `/home/a/data.csv`, for
    /// `./data.csv` and for `data.csv`), trailing slashes ignored; `path` itself when nothing follows a
    /// slash (`/`, an empty path) or when there is no slash (`-`, standard input).
    static func of(_ path: String) -> String {
        var end = path.utf8.endIndex
        while end > path.utf8.startIndex, path.utf8[path.utf8.index(before: end)] == UInt8(ascii: "/") {
            end = path.utf8.index(before: end)
        }
        let trimmed = path.utf8[..<end]
        guard let slash = trimmed.lastIndex(of: UInt8(ascii: "/")) else {
            return end == path.utf8.endIndex || trimmed.isEmpty ? path : String(Substring(trimmed))
        }
        let name = trimmed[trimmed.index(after: slash)...]
        return name.isEmpty ? path : String(Substring(name))
    }

    /// `message` with every `PATH:` of `paths` (a location in a diagnostic's message, such as "first
    /// given at /home/a/data.csv:3") written as `NAME:`; the longest paths are replaced first, so that
    /// one path ending another is not cut in two.
    static func message(_ message: String, paths: [String]) -> String {
        var text = message
        for path in Set(paths).sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let name = of(path)
            guard name != path, text.contains(path + ":") else { continue }
            text = text.replacing(path + ":", with: name + ":")
        }
        return text
    }
}
