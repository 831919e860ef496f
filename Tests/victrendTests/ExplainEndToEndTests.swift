import Foundation
import Testing
import VicTrend

/// `victrend explain CODE`: every code has an entry, and its examples do what they say.
@Suite("victrend explain, end to end")
struct ExplainEndToEndTests {
    @Test("explain VT103 prints the entry with a bad and a fixed example")
    func oneEntry() throws {
        let run = try VictrendBinary.run(["explain", "VT103"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("VT103 (error): The count is not a non-negative whole number.\n\n"))
        #expect(
            run.stdout.contains(
                """
                Example that gets VT103:

                  data.csv:
                    country,year,victims
                    AUT,2019,"1,234"

                  $ victrend validate data.csv

                Fixed:

                  data.csv:
                    country,year,victims
                    AUT,2019,1234
                """))
        #expect(try VictrendBinary.run(["explain", "vt103"]).stdout == run.stdout)
        #expect(try VictrendBinary.run(["explain", "103"]).stdout == run.stdout)
    }

    @Test("the catalogue has one entry per code, ordered by code")
    func catalogue() {
        let codes = DiagnosticExplanation.catalogue.map(\.code.rawValue)
        #expect(codes == DiagnosticCode.allCases.map(\.rawValue).sorted())
    }

    @Test("explain without a code lists every code; an unknown code is a usage error")
    func listAndUnknown() throws {
        let list = try VictrendBinary.run(["explain"])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == DiagnosticCode.allCases.count)
        #expect(lines.first == "VT001  error    The file is empty: expected a header row.")
        let unknown = try VictrendBinary.run(["explain", "VT999"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'VT999' is not a victrend diagnostic code"))
    }

    @Test(
        "every code's bad example gets that code, and its fixed example passes without it",
        arguments: DiagnosticCode.allCases)
    func examplesRun(code: DiagnosticCode) throws {
        let entry = try #require(
            code.explanation,
            "\(code.rawValue) has no entry in Sources/VicTrend/Core/DiagnosticExplanations.swift")
        #expect(entry.code == code)
        #expect(entry.text.count > 60)
        let explained = try VictrendBinary.run(["explain", code.rawValue])
        #expect(explained.status == 0)
        #expect(explained.stdout.contains("$ \(entry.bad.command)\n"))
        guard entry.bad.runnable else {
            // A row of 10,001 cells is not printed, a workbook is not text, a missing file has no text:
            // the unit tests and the samples/invalid goldens (VT018-unknown-sheet,
            // VT160-other-sheets-not-read, VT007-unreadable-file) have them.
            #expect(
                code == .oversizedRecord || code == .unknownSheet || code == .otherSheetsNotRead
                    || code == .unreadableFile)
            return
        }
        let bad = try Self.check(entry.bad)
        #expect(bad.stdout.contains("[\(code.rawValue)]"), "\(code.rawValue) bad: \(bad.stdout)")
        #expect(bad.status == (code.defaultSeverity == .error ? 1 : 0), "\(code.rawValue) bad")
        let fixed = try Self.check(entry.fixed)
        #expect(!fixed.stdout.contains("[\(code.rawValue)]"), "\(code.rawValue) fixed: \(fixed.stdout)")
        #expect(fixed.status == 0, "\(code.rawValue) fixed: \(fixed.stdout)")
        #expect(!fixed.stdout.contains("error["), "\(code.rawValue) fixed: \(fixed.stdout)")
    }

    /// Writes the example's files into a fresh directory and runs its command there.
    static func check(_ example: DiagnosticExplanation.Example) throws -> VictrendBinary.Outcome {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("victrend-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = example.savedAsLatin1 ? example.data.data(using: .isoLatin1) : Data(example.data.utf8)
        try #require(data).write(to: directory.appendingPathComponent("data.csv"))
        for file in example.files {
            try Data(file.contents.utf8).write(to: directory.appendingPathComponent(file.name))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: VictrendBinary.path)
        process.arguments = ["validate"] + example.options + ["data.csv"]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(
            status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self), stderr: "")
    }
}
