import Foundation
import Testing

/// A SARIF log as the end-to-end tests read it: its first run's results, and where each one is.
struct SARIFLog {
    /// The log's members (`version`, `runs`...).
    let root: [String: Any]
    /// The first run's results.
    let results: [[String: Any]]

    /// Reads `text`, which must be a SARIF log with a run and results.
    init(_ text: String) throws {
        root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((root["runs"] as? [[String: Any]])?.first)
        results = try #require(run["results"] as? [[String: Any]])
    }

    /// The rule of `result` and its first physical location: `VT007 samples:1`, `none:0` when it has none.
    static func place(of result: [String: Any]) -> String {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "none"
        let line = (location?["region"] as? [String: Any])?["startLine"] as? Int ?? 0
        return "\(result["ruleId"] as? String ?? "?") \(uri):\(line)"
    }
}
