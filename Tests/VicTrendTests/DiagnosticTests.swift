import Foundation
import Testing

@testable import VicTrend

@Suite("Diagnostics: the catalogue and the compiler-style text")
struct DiagnosticTests {
    @Test("codes are unique, well-formed, documented, and errors by default")
    func catalogue() {
        let codes = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 5 && $0.hasPrefix("VT") && Int($0.dropFirst(2)) != nil })
        #expect(DiagnosticCode.allCases.allSatisfy { !$0.summary.isEmpty && $0.summary.hasSuffix(".") })
        // Plausibility rules (VT3xx), a country found by ignoring characters (VT108) and a repeated
        // identical row (VT206) or, under --sum, one of another file (VT207), and a total-like key or a part of a country kept under --countries
        // verbatim (VT150, VT151) are warnings; a falling running total (VT204) and a bad members row
        // (VT307) are errors; everything else is an error.
        let warnings = DiagnosticCode.allCases.filter { $0.defaultSeverity == .warning }.map(\.rawValue)
        #expect(
            warnings == [
                "VT108", "VT206", "VT207", "VT301", "VT302", "VT303", "VT304", "VT305", "VT306", "VT150",
                "VT151",
                "VT162",
            ])
    }

    @Test("text form: file:line:col: severity[code]: message")
    func text() {
        let located = Diagnostic(.invalidYear, at: Location(file: "a.csv", line: 3, column: 7), "bad year")
        #expect(located.description == "a.csv:3:7: error[VT102]: bad year")
        let line = Diagnostic(
            .missingCells, severity: .warning, at: Location(file: "a.csv", line: 4), "short")
        #expect(line.description == "a.csv:4: warning[VT020]: short")
        let global = Diagnostic(.emptyFile, severity: .info, at: nil, "note")
        #expect(global.description == "note[VT001]: note")
        #expect(Diagnostic.Severity.error < .warning && Diagnostic.Severity.warning < .info)
        #expect([located, line].containsErrors)
        #expect(![line, global].containsErrors)
    }

    @Test("the log keeps the first diagnostics, errors first, and counts all by severity")
    func log() {
        var log = DiagnosticLog(limit: 2)
        log.add(Diagnostic(.invalidYear, at: nil, "1"))
        log.add(Diagnostic(.invalidYear, severity: .warning, at: nil, "2"))
        log.add(Diagnostic(.invalidYear, severity: .info, at: nil, "3"))
        // The log is full: an error takes the place of the warning, a note or warning is only counted.
        log.add(Diagnostic(.invalidYear, at: nil, "4"))
        log.add(Diagnostic(.invalidYear, severity: .warning, at: nil, "5"))
        #expect(log.diagnostics.map(\.message) == ["1", "4"])
        // Only errors kept: a further error is only counted.
        log.add(Diagnostic(.invalidYear, at: nil, "6"))
        #expect(log.diagnostics.map(\.message) == ["1", "4"])
        #expect(log.errorCount == 3)
        #expect(log.warningCount == 2)
        #expect(log.infoCount == 1)
        #expect(log.omittedCount == 4)
        #expect(log.hasErrors)
    }

    @Test("a thousand notes never hide an error: it takes the last note's place, the notes keep their order")
    func errorsFirst() {
        var log = DiagnosticLog(limit: 1_000)
        for index in 1...1_260 { log.add(Diagnostic(.withheldValue, at: nil, "note \(index)")) }
        log.add(.error) { Diagnostic(.invalidCount, at: nil, "the error") }
        #expect(log.diagnostics.count == 1_000)
        #expect(log.diagnostics.last?.message == "the error")
        #expect(log.diagnostics.dropLast().map(\.message) == (1...999).map { "note \($0)" })
        #expect(log.errorCount == 1 && log.infoCount == 1_260 && log.omittedCount == 261)
        let report = ValidationReport(log: log, inputs: [], rowCount: 0)
        #expect(
            report.omitted == "261 more findings not listed (261 notes); the first 1,000 are, errors first")
    }

    @Test("past the limit a diagnostic is counted without being built")
    func lazyLog() {
        var log = DiagnosticLog(limit: 2)
        var built = 0
        for index in 1...5 {
            log.add(.warning) {
                built += 1
                return Diagnostic(.missingYear, at: nil, "\(index)")
            }
        }
        #expect(built == 2)
        #expect(log.diagnostics.map(\.message) == ["1", "2"])
        #expect(log.warningCount == 5)
        #expect(log.errorCount == 0)
        #expect(log.omittedCount == 3)
    }
}

@Suite("The README's diagnostic catalogue")
struct CatalogueTests {
    @Test("every code is documented in the README, and the README lists no code that does not exist")
    func readme() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var listed: [String] = []
        for line in readme.split(separator: "\n") where line.hasPrefix("| VT") {
            listed += line.split(separator: "|")[0].split(separator: "/").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        #expect(Set(listed) == Set(DiagnosticCode.allCases.map(\.rawValue)))
    }
}
