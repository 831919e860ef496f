import Foundation

@testable import VicTrend

/// Writes test inputs to a fresh temporary directory.
struct Fixtures {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("victrend-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `text` (UTF-8) to `name` and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        try bytes(name, Array(text.utf8))
    }

    /// Writes raw bytes to `name` and returns its path.
    func bytes(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Reads `text` as one long-layout file and returns the result.
func readPanel(
    _ text: String, name: String = "input.csv", options: PanelReader.Options = .init()
) throws -> (PanelReader.Result, String) {
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let path = try fixtures.file(name, text)
    return (try PanelReader(options: options).read([path]), path)
}

/// Reads every record of `bytes` with the given chunk size: (line, cells) pairs, or the stop diagnostic.
func records(_ bytes: [UInt8], chunkSize: Int = 1 << 16, delimiter: UInt8? = nil) throws
    -> (records: [(Int, [String])], stop: Diagnostic?)
{
    let fixtures = try Fixtures()
    defer { fixtures.remove() }
    let path = try fixtures.bytes("records.csv", bytes)
    var options = CSVReader.Options()
    options.chunkSize = chunkSize
    options.delimiter = delimiter
    let reader = CSVReader(path: path, options: options)
    var result: [(Int, [String])] = []
    let stop = try reader.read { record, _ in
        result.append((record.line, (0..<record.count).map { record.text($0) }))
    }
    return (
        result,
        stop.map {
            Diagnostic(
                $0.code, at: $0.location.map { Location(file: "f", line: $0.line, column: $0.column) },
                $0.message)
        }
    )
}
