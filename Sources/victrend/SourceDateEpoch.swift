#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The time reports are stamped with: `$SOURCE_DATE_EPOCH` when set (the reproducible-builds
/// convention: the same inputs then give byte-identical outputs), else the clock.
enum SourceDateEpoch {
    static func current() -> (seconds: Int, fromEnvironment: Bool) {
        if let text = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), let seconds = Int(text),
            seconds >= 0
        {
            return (seconds, true)
        }
        return (time(nil), false)
    }
}
