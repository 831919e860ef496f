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

    /// Runs the pipeline; every `VictrendError` (an unreadable input, an unwritable output, a request
    /// too large) is printed as `victrend: <error>` and becomes exit code 2, here and nowhere else.
    static func run(_ inputs: [String], reading: PanelReader.Options, producing product: Pipeline.Product)
        throws -> PipelineOutcome
    {
        do {
            return try Pipeline.run(inputs, reading: reading, producing: product)
        } catch {
            self.error(DisplayText.logLine("victrend: \(error.description)"))
            throw ExitCode(2)
        }
    }

    /// Exit 2, with the library's message, when one of `outputs` is one of `inputs`.
    static func refuseOverwriting(_ outputs: [String], _ inputs: [String]) throws {
        do {
            try Pipeline.refuseOverwriting(outputs, inputs)
        } catch {
            self.error(DisplayText.logLine("victrend: \(error.description)"))
            throw ExitCode(2)
        }
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
