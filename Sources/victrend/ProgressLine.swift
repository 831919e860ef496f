#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress of reading large inputs on standard error — only when standard error is a terminal, and
/// at most five times a second: `victrend: read 120.0 of 200.0 MB (60%), 150.2 MB/s`.
final class ProgressLine: @unchecked Sendable {
    private let started = ProgressLine.now()
    private var lastShown = 0.0
    private var shown = false

    /// A progress callback for the reader, or `nil` when standard error is not a terminal.
    static func callback() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) == 1 else { return nil }
        let line = ProgressLine()
        return { read, total in line.update(read: read, total: total) }
    }

    private func update(read: Int, total: Int) {
        let now = Self.now()
        guard now - lastShown >= 0.2 else { return }
        lastShown = now
        shown = true
        let megabytes = { (bytes: Int) in String(Double(bytes / 100_000) / 10) }
        let percent = total > 0 ? read * 100 / total : 0
        let rate = now > started ? Double(read) / (now - started) / 1e6 : 0
        Terminal.error(
            "\rvictrend: read \(megabytes(read)) of \(megabytes(total)) MB (\(percent)%), "
                + "\(String(Double(Int(rate * 10)) / 10)) MB/s\u{1B}[K", newline: false)
    }

    deinit {
        if shown { Terminal.error("\r\u{1B}[K", newline: false) }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
