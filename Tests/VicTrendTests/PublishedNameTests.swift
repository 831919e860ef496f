import Testing

@testable import VicTrend

@Suite("Published reports name inputs by file name")
struct PublishedNameTests {
    @Test(
        "the file name of a path",
        arguments: [
            ("/home/ana/submissions/data.csv", "data.csv"), ("data.csv", "data.csv"),
            ("./data.csv", "data.csv"),
            ("../x/y/z.csv", "z.csv"), ("dir/", "dir"), ("/a/dir//", "dir"), ("/", "/"), ("", ""), ("-", "-"),
            ("C:\\Users\\ana\\data.csv", "C:\\Users\\ana\\data.csv"),
            ("/srv/Ünïcode données.csv", "Ünïcode données.csv"),
        ])
    func names(path: String, name: String) {
        #expect(PublishedName.of(path) == name)
    }

    @Test("a place in a diagnostic's message is named by file name; the longest path first")
    func messages() {
        let paths = ["/home/ana/a.csv", "/srv/home/ana/a.csv", "b.csv"]
        #expect(
            PublishedName.message(
                "AUT 2019 repeats the row at /srv/home/ana/a.csv:3; also /home/ana/a.csv:7:2 and b.csv:1",
                paths: paths)
                == "AUT 2019 repeats the row at a.csv:3; also a.csv:7:2 and b.csv:1")
        // A path not followed by a line is not a place: left as it is.
        #expect(PublishedName.message("see /home/ana/a.csv", paths: paths) == "see /home/ana/a.csv")
    }
}
