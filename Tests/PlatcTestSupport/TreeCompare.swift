import Foundation

/// Whole folders as golden files: every regular file under a root, by relative path.
public enum TreeCompare {
    public static func files(under root: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let file as URL in walker where (try file.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            files[String(file.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: file)
        }
        return files
    }

    /// nil when both folders hold the same files with the same bytes; else what differs, with a
    /// line diff per changed file. PLATC_RECORD=1 replaces `golden` with `actual` instead.
    public static func compare(_ actual: URL, with golden: URL) throws -> String? {
        if Golden.recording {
            try? FileManager.default.removeItem(at: golden)
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: actual, to: golden)
            return nil
        }
        let got = try files(under: actual)
        let want = try files(under: golden)
        var report: [String] = []
        for path in Set(want.keys).subtracting(got.keys).sorted() { report.append("missing: \(path)") }
        for path in Set(got.keys).subtracting(want.keys).sorted() { report.append("unexpected: \(path)") }
        for path in Set(got.keys).intersection(want.keys).sorted() where got[path] != want[path] {
            report.append(
                Golden.unifiedDiff(String(decoding: want[path]!, as: UTF8.self), String(decoding: got[path]!, as: UTF8.self), name: path))
        }
        return report.isEmpty ? nil : report.joined(separator: "\n") + "\n(re-record with PLATC_RECORD=1 and review the diff)"
    }
}
