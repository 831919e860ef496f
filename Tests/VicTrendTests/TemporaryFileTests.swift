import Foundation
import Testing

@testable import VicTrend

@Suite("Temporary files: unnamed until published, named ones removed on a signal")
struct TemporaryFileTests {
    private func names(_ fixtures: Fixtures) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixtures.directory.path).sorted()
    }

    @Test("an unnamed file shows in no directory until it is published; then it has the destination's name")
    func unnamed() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let directory = fixtures.directory.path + "/"
        var file = try TemporaryFile(in: directory, base: "out.csv", for: directory + "out.csv")
        #expect(write(file.descriptor, "abc", 3) == 3)
        #expect(try names(fixtures).isEmpty)
        try file.publish(as: directory + "out.csv")
        close(file.descriptor)
        #expect(try names(fixtures) == ["out.csv"])
        #expect(try String(contentsOfFile: directory + "out.csv", encoding: .utf8) == "abc")
    }

    @Test(
        "a named file is hidden beside its destination and removed by removeTemporaryFiles (the signal path)")
    func namedRemovedOnSignal() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let directory = fixtures.directory.path + "/"
        var file = try TemporaryFile(
            in: directory, base: "out.csv", for: directory + "out.csv", unnamed: false)
        let shown = try names(fixtures)
        #expect(shown.count == 1)
        #expect(shown.first?.hasPrefix(".out.csv.victrend-") == true)
        Pipeline.removeTemporaryFiles()
        #expect(try names(fixtures).isEmpty)
        file.discard()
        close(file.descriptor)
    }

    @Test("a published named file leaves the signal list: removeTemporaryFiles no longer touches it")
    func publishedNamed() throws {
        let fixtures = try Fixtures()
        defer { fixtures.remove() }
        let directory = fixtures.directory.path + "/"
        var file = try TemporaryFile(in: directory, base: "a.csv", for: directory + "a.csv", unnamed: false)
        try file.publish(as: directory + "a.csv")
        close(file.descriptor)
        Pipeline.removeTemporaryFiles()
        #expect(try names(fixtures) == ["a.csv"])
    }
}
