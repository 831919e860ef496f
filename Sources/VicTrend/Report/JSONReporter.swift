/// Everything the report knows, as one JSON document (`--format json`); the schema is
/// `docs/report.schema.json`. Fields that do not apply are `null`; rates are fractions in full
/// precision (shortest round-trip decimal), counts are integers, numbers are JSON numbers (the target
/// rate also as its exact text). Field names are the CSV tables' column names (`growth_rate`,
/// `required_victims`), snake case throughout. Inputs are named by file name, never by local path
/// (`PublishedName`): the SHA-256 in the metadata identifies them.
///
/// The layout: two spaces of indentation a level, every member and every array element on a line of
/// its own, `": "` after a key, empty arrays as `[]`, a newline at the end. The members, in order:
/// format, format_version, metadata, parameters, summary, observations, countries, totals, diagnostics.
/// One writer makes every JSON report (`JSONReportWriter`): this string, `write(_:to:)`, and the
/// report written while series arrive (`JSONReportStream`) are the same bytes for the same report.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    /// The document's format version; raised when a field changes meaning or disappears. Version 2:
    /// the CSV column names in snake case, `target_rate` a number, inputs by file name, the periods of
    /// a country flat (`long_term_cagr`), `victims_status`.
    public static let formatVersion = 2

    /// The document, in memory: for small reports and tests (about 1 KB a country-year, held twice
    /// while it is assembled). Large reports go to a file through `write(_:to:)` or `JSONReportStream`.
    public static func report(_ report: TrendReport) -> String {
        var writer = JSONReportWriter(storage: JSONMemoryStorage())
        write(report, with: &writer)
        return String(decoding: writer.storage.document, as: UTF8.self)
    }

    /// Writes the document to `output` and commits it, with memory for the report alone (the arrays wait
    /// in temporary files, see `JSONFileStorage`); on an error the output is aborted and nothing appears.
    static func write(_ report: TrendReport, to output: StagedOutput) throws(OutputError) {
        do {
            var writer = JSONReportWriter(storage: try JSONFileStorage(output: output))
            try write(report, with: &writer)
            try output.commit()
        } catch {
            output.abort()
            throw error
        }
    }

    private static func write<Storage>(_ report: TrendReport, with writer: inout JSONReportWriter<Storage>)
        throws(Storage.Failure)
    {
        for row in report.assessments { try writer.add(row) }
        for country in report.countries { try writer.add(country) }
        try writer.finish(
            options: report.options, suppression: report.suppression, provenance: report.provenance,
            summary: report.summary, totals: report.totals, diagnostics: report.diagnostics)
    }
}
