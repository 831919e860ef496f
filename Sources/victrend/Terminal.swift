import ArgumentParser
import VicTrend

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The only place victrend talks to the terminal.
enum Terminal {
    /// Writes `text` to standard output; false when the write failed (closed pipe, full disk).
    @discardableResult
    static func output(_ text: String) -> Bool {
        write(text, to: STDOUT_FILENO)
    }

    /// Writes bytes to standard output; false when the write failed.
    @discardableResult
    static func output(bytes: [UInt8]) -> Bool {
        AtomicFile.writeAll(bytes, to: STDOUT_FILENO) == nil
    }

    /// Prints `victrend: <error>` on standard error, as one line safe for a terminal or a CI log
    /// (`DisplayText.logLine`: the error names paths); returns exit code 2 (unreadable input,
    /// unwritable output) for the command to throw.
    static func failure(_ error: some CustomStringConvertible) -> ExitCode {
        self.error(DisplayText.logLine("victrend: \(error.description)"))
        return ExitCode(2)
    }

    /// Writes one line to standard error (or, with `newline: false`, the text as it is).
    static func error(_ line: String, newline: Bool = true) {
        write(newline && !line.hasSuffix("\n") ? line + "\n" : line, to: STDERR_FILENO)
    }

    /// Appends `text` to the file at `path` (creating it); false on failure.
    static func append(_ text: String, toFile path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return write(text, to: descriptor)
    }

    @discardableResult
    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        AtomicFile.writeAll(text, to: descriptor) == nil
    }
}
