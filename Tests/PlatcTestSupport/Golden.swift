import Foundation

/// Golden files: compares text with a committed file; PLATC_RECORD=1 rewrites the file instead.
/// Review `git diff` after recording, then commit.
public enum Golden {
    public static var recording: Bool { ProcessInfo.processInfo.environment["PLATC_RECORD"] == "1" }

    /// nil when equal (or just recorded); otherwise a unified diff of expected → actual.
    public static func compare(_ actual: String, with file: URL) throws -> String? {
        if recording {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            return nil
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            return "missing golden file \(file.path); record it with PLATC_RECORD=1"
        }
        return expected == actual ? nil : unifiedDiff(expected, actual, name: file.lastPathComponent)
    }

    /// A plain line diff (LCS), enough to read what changed.
    public static func unifiedDiff(_ a: String, _ b: String, name: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        var lcs = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out = "--- expected/\(name)\n+++ actual/\(name)\n"
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                out += "  \(x[i])\n"; i += 1; j += 1
            } else if j < y.count, i == x.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                out += "+ \(y[j])\n"; j += 1
            } else {
                out += "- \(x[i])\n"; i += 1
            }
        }
        return out
    }
}
