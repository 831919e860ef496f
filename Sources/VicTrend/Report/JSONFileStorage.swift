/// The document written to a staged output, the observations and countries spooled in anonymous
/// temporary files (`SpoolFile`) meanwhile: memory holds none of them. The spools take as much disk as
/// the arrays' text, on top of the staged output, until `writeSpooled` has copied them.
struct JSONFileStorage: JSONReportStorage {
    private let output: StagedOutput
    private let observations: SpoolFile
    private let countries: SpoolFile
    /// The countries' tails as their bytes (`JSONCountryTail` is a plain value).
    private let tails: SpoolFile

    /// Creates the spools (in `spoolDirectory`, by default `$TMPDIR`, else `/tmp`); the document goes to
    /// `output`, which the caller commits or aborts.
    init(output: StagedOutput, spoolDirectory: String? = nil) throws(OutputError) {
        self.output = output
        observations = try SpoolFile(directory: spoolDirectory)
        countries = try SpoolFile(directory: spoolDirectory)
        tails = try SpoolFile(directory: spoolDirectory)
    }

    func spoolTails(_ values: [JSONCountryTail]) throws(OutputError) {
        precondition(_isPOD(JSONCountryTail.self))
        let bytes = values.withUnsafeBytes { Array($0) }
        try tails.append(bytes)
    }

    func spooledTails(from start: Int, count: Int) throws(OutputError) -> [JSONCountryTail] {
        let stride = MemoryLayout<JSONCountryTail>.stride
        let bytes = try tails.read(from: start * stride, count: count * stride)
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { raw.loadUnaligned(fromByteOffset: $0 * stride, as: JSONCountryTail.self) }
        }
    }

    func spool(_ bytes: [UInt8], for array: JSONSpooledArray) throws(OutputError) {
        try spoolFile(array).append(bytes)
    }

    func write(_ bytes: [UInt8]) throws(OutputError) {
        try output.write(bytes)
    }

    func writeSpooled(_ array: JSONSpooledArray) throws(OutputError) {
        try spoolFile(array).copy(to: output)
    }

    func writeSpooled(_ array: JSONSpooledArray, from start: Int, to end: Int) throws(OutputError) {
        try spoolFile(array).copy(to: output, from: start, to: end)
    }

    private func spoolFile(_ array: JSONSpooledArray) -> SpoolFile {
        switch array {
        case .observations: return observations
        case .countries: return countries
        }
    }
}
