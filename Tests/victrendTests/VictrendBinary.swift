import Foundation

/// Runs the built `victrend` executable, as a user would, from the package root.
enum VictrendBinary {
    /// The package root (where `samples/` is).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable next to the test bundle (SwiftPM builds it because the test target depends on it),
    /// or `$VICTREND_BIN`.
    static let path: String = {
        if let given = ProcessInfo.processInfo.environment["VICTREND_BIN"] { return given }
        let runner = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return runner.deletingLastPathComponent().appendingPathComponent("victrend").path
    }()

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `SOURCE_DATE_EPOCH` every run gets unless the test gives another: the golden files' time
    /// (2026-01-01T00:00:00Z).
    static let epoch = "1767225600"

    /// A process that runs `victrend arguments...` with the package root as working directory.
    static func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        return process
    }

    /// Runs `victrend arguments...` with the package root as working directory.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
        stdinEncoding: String.Encoding = .utf8, stdinFile: String? = nil
    ) throws -> Outcome {
        let process = process(arguments)
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = epoch
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        if stdin != nil { process.standardInput = input }
        if let stdinFile { process.standardInput = FileHandle(forReadingAtPath: stdinFile) }
        try process.run()
        if let stdin {
            // Small inputs only: written whole before the outputs are read.
            // A text read as Latin-1 goes back byte for byte (the samples include invalid UTF-8).
            input.fileHandleForWriting.write(stdin.data(using: stdinEncoding) ?? Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Both pipes are drained at once, standard error on a thread of its own, before waiting: a
        // child that fills one pipe while the test reads the other would never end.
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errorReader.data()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The text of a file under the package root.
    static func golden(_ relativePath: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }
}

/// Reads a pipe to its end on a thread of its own; `data()` waits for the end.
final class PipeReader: @unchecked Sendable {
    private var collected = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            collected = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the writer closed the pipe.
    func data() -> Data {
        done.wait()
        return collected
    }
}

/// A fresh directory under the system's temporary directory, removed with `remove()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vt-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` in the directory and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
