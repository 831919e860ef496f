import ArgumentParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The time reports are stamped with: `$SOURCE_DATE_EPOCH` when set (the reproducible-builds
/// convention: the same inputs then give byte-identical outputs), else the clock. A value that is not
/// a whole number of seconds from 1970-01-01 to 9999-12-31 is a usage error: it is never replaced by
/// the clock in silence, nor printed as a year beyond 9999.
enum SourceDateEpoch {
    /// The latest second whose year has four digits: 9999-12-31T23:59:59Z.
    static let latest = 253_402_300_799

    static func current() throws -> (seconds: Int, fromEnvironment: Bool) {
        guard let text = getenv("SOURCE_DATE_EPOCH").map({ String(cString: $0) }), !text.isEmpty else {
            return (time(nil), false)
        }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let seconds = Int(text), seconds <= latest
        else {
            throw ValidationError(
                "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, at most "
                    + "\(latest) (9999-12-31), e.g. 1704067200; got '\(text)'")
        }
        return (seconds, true)
    }
}
