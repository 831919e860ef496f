import Foundation
import Testing

/// What `victrend` promises about files it did not make: it never writes over an input, replaces an
/// output whole or not at all, keeps a replaced file's mode, and leaves nothing behind when stopped.
@Suite("Outputs never touch the inputs; all or nothing; nothing left behind")
struct SafetyEndToEndTests {
    private static let sample = "samples/small/example.csv"

    /// The directory's files and their contents, for "nothing changed" checks.
    private func contents(_ directory: TemporaryDirectory) throws -> [String: String] {
        let names = try FileManager.default.subpathsOfDirectory(atPath: directory.url.path)
        var result: [String: String] = [:]
        for name in names {
            let path = directory.url.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            result[name] =
                isDirectory.boolValue ? "<dir>" : (try? String(contentsOfFile: path, encoding: .utf8))
        }
        return result
    }

    @Test("no output is an input, no input is given twice, through any link: exit 2, nothing written")
    func neverOverwriteAnInput() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = try directory.file("x.csv", try VictrendBinary.golden(Self.sample))
        let groups = try directory.file("g.csv", "country,group\nAUT,EU\n")
        let dir = directory.url.path
        try FileManager.default.createDirectory(atPath: dir + "/od", withIntermediateDirectories: true)
        _ = try directory.file("od/trends.csv", try VictrendBinary.golden(Self.sample))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.csv", withDestinationPath: data)
        try FileManager.default.linkItem(atPath: data, toPath: dir + "/hard.csv")
        let before = try contents(directory)
        let cases: [([String], [String: String], String)] = [
            (["report", "--groups", groups, "-o", groups, data], [:], "g.csv: is one of the inputs"),
            (["report", "-o", data, data], [:], "x.csv: is one of the inputs"),
            (["report", "--output-dir", dir + "/od", dir + "/od/trends.csv"], [:], "trends.csv: is one of"),
            (["report", "-o", dir + "/link.csv", data], [:], "link.csv: is one of the inputs (\(data))"),
            (["report", "-o", dir + "/hard.csv", data], [:], "hard.csv: is one of the inputs (\(data))"),
            (
                ["validate", "--format", "github", data], ["GITHUB_STEP_SUMMARY": data],
                "is one of the inputs"
            ),
            (
                ["validate", "--format", "github", "--members", groups, data],
                ["GITHUB_STEP_SUMMARY": groups],
                "g.csv: is one of the inputs"
            ),
            // One input given twice (by name, a symbolic or a hard link) would be read twice: with --sum,
            // every count doubled. (validate checks such a file once: ValidateEndToEndTests.)
            (["report", "--sum", data, data], [:], "x.csv: is given twice; each input is read once"),
            (["report", "--sum", data, dir + "/link.csv"], [:], "link.csv: is given twice (as \(data))"),
            (["report", data, dir + "/hard.csv"], [:], "hard.csv: is given twice (as \(data))"),
        ]
        for (arguments, environment, message) in cases {
            let outcome = try VictrendBinary.run(arguments, environment: environment)
            #expect(outcome.status == 2, "\(arguments)")
            #expect(outcome.stdout.isEmpty, "\(arguments)")
            #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
            #expect(try contents(directory) == before, "\(arguments)")
        }
    }

    @Test("-o onto a symbolic link writes the file it leads to; the link stays a link")
    func outputThroughLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = try directory.file("target.csv", "old\n")
        let link = directory.url.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.csv")
        let run = try VictrendBinary.run(["report", "-o", link, Self.sample])
        #expect(run.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.csv")
        #expect(
            try String(contentsOfFile: target, encoding: .utf8)
                == VictrendBinary.golden("samples/expected/small-example.csv"))
        #expect(try contents(directory).keys.sorted() == ["link.csv", "target.csv"])
    }

    @Test("-o onto a symbolic link that leads nowhere is refused, exit 2, and the link stays")
    func outputThroughDanglingLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let link = directory.url.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "missing.csv")
        let loop = directory.url.appendingPathComponent("loop.csv").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.csv")
        for (path, reason) in [
            (link, "No such file or directory"), (loop, "Too many levels of symbolic links"),
        ] {
            let run = try VictrendBinary.run(["report", "-o", path, Self.sample])
            #expect(run.status == 2)
            #expect(
                run.stderr.contains(
                    "is a symbolic link that cannot be followed (\(reason)); remove the link"),
                "\(run.stderr)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "missing.csv")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted() == [
                "link.csv", "loop.csv",
            ])
    }

    @Test("--output-dir that it had to make is removed again when the set cannot be written")
    func outputDirectoryMadeAndRemoved() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let od = directory.url.appendingPathComponent("new").path
        // Six descriptors: too few to stage the set's files, enough to start.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", "ulimit -n 6; exec \"$0\" report --output-dir \"$1\" \"$2\"", VictrendBinary.path, od,
            VictrendBinary.packageRoot.appendingPathComponent(Self.sample).path,
        ]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(!FileManager.default.fileExists(atPath: od))
    }

    @Test("--output-dir replaces its set all or nothing: one file that cannot be made leaves the old set")
    func outputDirectoryAllOrNothing() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let od = directory.url.appendingPathComponent("od").path
        try FileManager.default.createDirectory(
            atPath: od + "/report.html", withIntermediateDirectories: true)
        _ = try directory.file("od/trends.csv", "old trends\n")
        _ = try directory.file("od/report.md", "old report\n")
        let before = try contents(directory)
        let outcome = try VictrendBinary.run(["report", "--output-dir", od, Self.sample])
        #expect(outcome.status == 2)
        #expect(
            outcome.stderr.contains("report.html: cannot create output: is a directory"), "\(outcome.stderr)")
        #expect(try contents(directory) == before)
        // Once the obstacle is gone the whole set is written.
        try FileManager.default.removeItem(atPath: od + "/report.html")
        #expect(try VictrendBinary.run(["report", "--output-dir", od, Self.sample]).status == 0)
        let after = try contents(directory)
        #expect(
            after.keys.sorted() == [
                "od", "od/report.html", "od/report.json", "od/report.md", "od/summary.csv",
                "od/totals.csv", "od/trends.csv",
            ])
        #expect(after["od/trends.csv"] == (try VictrendBinary.golden("samples/expected/small-example.csv")))
    }

    @Test("a replaced file keeps its mode; a new one gets 0666 less the umask")
    func modeKept() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = try directory.file("out.csv", "old\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: output)
        #expect(try VictrendBinary.run(["report", "-o", output, Self.sample]).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: output, encoding: .utf8).hasPrefix("country,year,victims"))
        let fresh = directory.url.appendingPathComponent("new.csv").path
        #expect(try VictrendBinary.run(["report", "-o", fresh, Self.sample]).status == 0)
        let mask = umask(0)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: fresh)[.posixPermissions] as? Int
        #expect(mode == 0o666 & ~Int(mask))
    }

    @Test(
        "SOURCE_DATE_EPOCH that is no whole number of seconds up to 9999-12-31 is a usage error",
        arguments: ["219250468000000", "-1", "1.5", "abc", "253402300800"])
    func badEpoch(value: String) throws {
        let outcome = try VictrendBinary.run(
            ["report", "-f", "json", Self.sample], environment: ["SOURCE_DATE_EPOCH": value])
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("SOURCE_DATE_EPOCH must be a whole number of seconds"))
    }

    @Test("the last second of 9999 is a valid SOURCE_DATE_EPOCH")
    func lastEpoch() throws {
        let outcome = try VictrendBinary.run(
            ["report", "-f", "json", Self.sample], environment: ["SOURCE_DATE_EPOCH": "253402300799"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("\"generated_at\": \"9999-12-31T23:59:59Z\""))
    }

    @Test("a step summary that cannot be written is a warning; the findings still print")
    func unwritableSummary() throws {
        let outcome = try VictrendBinary.run(
            ["validate", "--format", "github", "--current-year", "2026", Self.sample],
            environment: ["GITHUB_STEP_SUMMARY": "/nonexistent-dir/summary.md"])
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("::warning file=samples/small/example.csv,line=7,title=VT301::"))
        #expect(
            outcome.stderr.contains(
                "victrend: warning: cannot append the summary to $GITHUB_STEP_SUMMARY (/nonexistent-dir/summary.md)"
            ))
    }

    @Test(
        "stopped by a signal while an output is staged: the signal's exit status, nothing left behind",
        arguments: [(SIGINT, "INT"), (SIGTERM, "TERM"), (SIGHUP, "HUP"), (SIGQUIT, "QUIT")])
    func signals(number: Int32, name: String) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A FIFO as the input: victrend has staged its output and waits for the rows.
        let fifo = directory.url.appendingPathComponent("in.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let output = directory.url.appendingPathComponent("out.csv").path
        let process = VictrendBinary.process(["report", "-o", output, fifo])
        process.standardError = Pipe()
        try process.run()
        let writer = open(fifo, O_WRONLY)
        #expect(writer >= 0)
        _ = "country,year,victims\nAUT,2015,10\n".withCString { write(writer, $0, strlen($0)) }
        usleep(300_000)
        kill(process.processIdentifier, number)
        process.waitUntilExit()
        close(writer)
        #expect(process.terminationReason == .uncaughtSignal, "\(name)")
        #expect(process.terminationStatus == number, "\(name)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["in.csv"], "\(name)")
    }
}
