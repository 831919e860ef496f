/// Where a `JSONReportWriter` puts its bytes: the document, in order, and two spools that keep the
/// elements of the observations and countries arrays until the summary, which comes before them in the
/// document, is known.
protocol JSONReportStorage {
    /// Why storing failed (`Never` in memory).
    associatedtype Failure: Error

    /// Keeps `bytes`, the next elements of `array`, for `writeSpooled(_:)`.
    mutating func spool(_ bytes: [UInt8], for array: JSONSpooledArray) throws(Failure)

    /// Appends `bytes` to the document.
    mutating func write(_ bytes: [UInt8]) throws(Failure)

    /// Appends to the document everything spooled for `array`, in order (called once per array).
    mutating func writeSpooled(_ array: JSONSpooledArray) throws(Failure)

    /// Appends to the document the bytes `start..<end` of what was spooled for `array` (in order: each
    /// range starts where the previous one ended).
    mutating func writeSpooled(_ array: JSONSpooledArray, from start: Int, to end: Int) throws(Failure)

    /// Keeps the next countries' tails, in order.
    mutating func spoolTails(_ tails: [JSONCountryTail]) throws(Failure)

    /// The `count` tails kept from the `start`-th on.
    mutating func spooledTails(from start: Int, count: Int) throws(Failure) -> [JSONCountryTail]
}

/// The arrays of the JSON report whose elements are spooled.
enum JSONSpooledArray: Sendable {
    case observations
    case countries
}

/// The document in memory, spools included: for `JSONReporter.report`, which returns it as a string.
struct JSONMemoryStorage: JSONReportStorage {
    /// The document written so far.
    private(set) var document: [UInt8] = []
    private var observations: [UInt8] = []
    private var countries: [UInt8] = []
    private var tails: [JSONCountryTail] = []

    mutating func spoolTails(_ tails: [JSONCountryTail]) {
        self.tails += tails
    }

    func spooledTails(from start: Int, count: Int) -> [JSONCountryTail] {
        Array(tails[start..<start + count])
    }

    mutating func spool(_ bytes: [UInt8], for array: JSONSpooledArray) {
        switch array {
        case .observations: observations += bytes
        case .countries: countries += bytes
        }
    }

    mutating func write(_ bytes: [UInt8]) {
        document += bytes
    }

    mutating func writeSpooled(_ array: JSONSpooledArray, from start: Int, to end: Int) {
        switch array {
        case .observations: document += observations[start..<end]
        case .countries: document += countries[start..<end]
        }
    }

    mutating func writeSpooled(_ array: JSONSpooledArray) {
        switch array {
        case .observations:
            document += observations
            observations = []
        case .countries:
            document += countries
            countries = []
        }
    }
}
