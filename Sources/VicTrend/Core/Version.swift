/// victrend's version, printed by `--version` and recorded in SARIF output.
public enum VicTrendVersion {
    public static let current = "0.1.0"
}
