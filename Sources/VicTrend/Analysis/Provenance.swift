#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a report came from: the tool, the exact inputs (by SHA-256) and when it was made. With
/// `SOURCE_DATE_EPOCH` set, the time is that epoch, so the same inputs give byte-identical reports.
public struct Provenance: Sendable, Hashable {
    /// One file the report was made from.
    public struct Input: Sendable, Hashable {
        /// The path as given.
        public var path: String
        /// What the file is: `data`, `groups` or `members`.
        public var role: String
        /// SHA-256 of its bytes, 64 hex digits; `nil` when withheld because the report is suppressed:
        /// the hash of an input would let anyone confirm a guess of its suppressed counts (hash the file
        /// with each guess until one matches).
        public var sha256: String?

        /// What a report shows instead of a withheld hash.
        public static let withheldText = "input hash withheld: suppression"
    }

    /// victrend's version.
    public var toolVersion: String
    /// When the report was made, ISO 8601 in UTC (`2026-11-23T04:35:00Z`).
    public var generatedAt: String
    /// True when `generatedAt` comes from `SOURCE_DATE_EPOCH` rather than the clock.
    public var fromSourceDateEpoch: Bool
    /// Every input, in the order given.
    public var inputs: [Input]

    public init(toolVersion: String, generatedAt: String, fromSourceDateEpoch: Bool, inputs: [Input]) {
        self.toolVersion = toolVersion
        self.generatedAt = generatedAt
        self.fromSourceDateEpoch = fromSourceDateEpoch
        self.inputs = inputs
    }

    /// Hashes `files` (path, role) and stamps the time `epochSeconds`; with `withholdingHashes` (a
    /// suppressed report) the files are named but not hashed.
    public static func make(
        files: [(path: String, role: String)], epochSeconds: Int, fromSourceDateEpoch: Bool,
        withholdingHashes: Bool = false
    )
        throws(InputError) -> Provenance
    {
        var inputs: [Input] = []
        for file in files {
            let hash = withholdingHashes ? nil : try SHA256.file(file.path)
            inputs.append(Input(path: file.path, role: file.role, sha256: hash))
        }
        return Provenance(
            toolVersion: VicTrendVersion.current, generatedAt: iso8601(epochSeconds),
            fromSourceDateEpoch: fromSourceDateEpoch, inputs: inputs)
    }

    /// `epochSeconds` as `YYYY-MM-DDTHH:MM:SSZ`.
    static func iso8601(_ epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
