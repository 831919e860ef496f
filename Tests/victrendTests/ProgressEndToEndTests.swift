import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Progress on standard error: shown while a large input is read when standard error is a terminal (here
/// a pseudo-terminal the test holds the other end of), never when it is a pipe or a file.
@Suite("Progress of a large input on standard error, end to end")
struct ProgressEndToEndTests {
    /// About 5 MB in 25,000 rows (a long source note on each, so that the debug build reads it quickly):
    /// the reader reports every 4 MiB, so the run shows one progress line.
    static func largeInput(in directory: TemporaryDirectory) throws -> (path: String, bytes: Int) {
        let note = String(repeating: "synthetic figure for a test of progress on a terminal; ", count: 4)
        var text = "country,year,victims,source\n"
        for series in 0..<1_250 {
            let key = "K" + String(100_000 + series)
            for year in 2005..<2025 {
                text += key + "," + String(year) + "," + String(100 + (series * 7 + year * 13) % 900) + ","
                text += note + "\n"
            }
        }
        return (try directory.file("large.csv", text), text.utf8.count)
    }

    @Test(
        "a terminal sees 'read X of Y MB (P%), R MB/s' lines, then the line is cleared; the table is unchanged"
    )
    func terminalShowsProgress() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (input, bytes) = try Self.largeInput(in: directory)
        #expect(bytes > 4 << 20)
        let arguments = [
            "report", "--countries", "verbatim", "--no-test", "--columns", "country,year,growth_rate",
        ]
        let onTerminal = directory.url.appendingPathComponent("terminal.csv").path
        let (status, terminal) = try Self.runWithTerminalStderr(arguments + ["--output", onTerminal, input])
        #expect(status == 0)

        // "\rvictrend: read 4.1 of 9.4 MB (44%), 12.3 MB/s\e[K", at most five times a second.
        let total = String(Double(bytes / 100_000) / 10)
        let line = try Regex(
            #"\rvictrend: read ([0-9]+\.[0-9]) of "# + NSRegularExpression.escapedPattern(for: total)
                + #" MB \(([0-9]+)%\), [0-9]+\.[0-9] MB/s\x1B\[K"#)
        let shown = terminal.matches(of: line)
        #expect(!shown.isEmpty, "no progress line in \(terminal.debugDescription)")
        for match in shown {
            let read = try #require(Double(String(match.output[1].substring ?? "")))
            let percent = try #require(Int(String(match.output[2].substring ?? "")))
            // The megabytes are truncated to 0.1: the bytes read lie in [read, read + 0.1) MB.
            #expect(read >= 4.1 && read <= Double(bytes) / 1e6)
            #expect(
                percent >= Int(read * 1e8 / Double(bytes))
                    && percent <= Int((read + 0.1) * 1e8 / Double(bytes)))
        }
        // Nothing but progress lines, and the last one wiped before the process ends.
        #expect(terminal.replacing(line, with: "") == "\r\u{1B}[K")

        // Through a pipe: no progress at all, and the same table.
        let onPipe = directory.url.appendingPathComponent("pipe.csv").path
        let piped = try VictrendBinary.run(arguments + ["--output", onPipe, input])
        #expect(piped.status == 0)
        #expect(piped.stderr.isEmpty)
        let table = try String(contentsOfFile: onPipe, encoding: .utf8)
        #expect(table.hasPrefix("country,year,growth_rate\nK100000,2005,\nK100000,2006,"))
        #expect(try String(contentsOfFile: onTerminal, encoding: .utf8) == table)
    }

    /// Runs victrend with standard error on a new pseudo-terminal and returns the exit status and what
    /// the terminal received.
    static func runWithTerminalStderr(_ arguments: [String]) throws -> (Int32, String) {
        // posix_openpt, unlockpt and ptsname by hand: the Glibc module does not export them.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw POSIXError(.ENOTTY) }
        var unlock: CInt = 0
        var number: CInt = 0
        let tiocsptlck: UInt = 0x4004_5431  // TIOCSPTLCK
        let tiocgptn: UInt = 0x8004_5430  // TIOCGPTN
        guard ioctl(master, tiocsptlck, &unlock) == 0, ioctl(master, tiocgptn, &number) == 0 else {
            close(master)
            throw POSIXError(.ENOTTY)
        }
        let name = "/dev/pts/\(number)"
        defer { close(master) }
        let terminal = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)  // only the child's copy stays open
        guard terminal >= 0 else { throw POSIXError(.ENOTTY) }
        // Keep the terminal's text as written (no CR inserted before LF).
        var settings = termios()
        tcgetattr(terminal, &settings)
        settings.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(terminal, TCSANOW, &settings)

        let process = VictrendBinary.process(arguments)
        process.standardError = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        close(terminal)  // the child has its own copy; reading ends once the child's is closed
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }  // EIO: no process holds the terminal any more
            received += buffer[0..<count]
        }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: received, as: UTF8.self))
    }
}
