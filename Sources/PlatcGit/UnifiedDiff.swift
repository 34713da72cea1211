import CLibGit2

/// Unified diffs of two versions of a file, as `git diff` prints them (libgit2's xdiff).
public enum UnifiedDiff {
    /// The diff from `old` to `new` (nil: the file is absent on that side, printed as /dev/null),
    /// starting at its `---` line: no `diff --git` or `index` lines. "" when both are equal; one
    /// "Binary files … differ" line when either side holds a NUL byte.
    public static func patch(
        old: [UInt8]?, new: [UInt8]?, oldPath: String, newPath: String, contextLines: Int = 3
    ) throws(GitError) -> String {
        if old == new { return "" }
        LibGit2.initialize()
        var options = git_diff_options()
        git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
        options.context_lines = UInt32(clamping: max(0, contextLines))

        var patch: OpaquePointer?
        let status = withContent(old) { oldBytes, oldCount in
            withContent(new) { newBytes, newCount in
                git_patch_from_buffers(&patch, oldBytes, oldCount, oldPath, newBytes, newCount, newPath, &options)
            }
        }
        guard status == 0, let patch else {
            throw GitError(.io("cannot diff '\(newPath)': \(LibGit2.lastErrorMessage())"))
        }
        defer { git_patch_free(patch) }

        let oldName = old == nil ? "/dev/null" : "a/" + oldPath
        let newName = new == nil ? "/dev/null" : "b/" + newPath
        if let delta = git_patch_get_delta(patch), delta.pointee.flags & GIT_DIFF_FLAG_BINARY.rawValue != 0 {
            return "Binary files \(oldName) and \(newName) differ\n"
        }
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        guard git_patch_to_buf(&buffer, patch) == 0 else {
            throw GitError(.io("cannot print the diff of '\(newPath)': \(LibGit2.lastErrorMessage())"))
        }
        let text = String(decoding: UnsafeRawBufferPointer(start: buffer.ptr, count: buffer.size), as: UTF8.self)
        // An empty file added or removed has no hunk, and git prints no ---/+++ lines for it;
        // the caller still needs a non-empty diff, so give it the two header lines.
        return fromFileHeader(text) ?? "--- \(oldName)\n+++ \(newName)\n"
    }

    /// `text` from its first line starting with "--- ", or nil when there is none.
    static func fromFileHeader(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var lineStart = 0
        while lineStart < bytes.count {
            if bytes[lineStart...].starts(with: "--- ".utf8) {
                return String(decoding: bytes[lineStart...], as: UTF8.self)
            }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lineStart = newline + 1
        }
        return nil
    }

    /// Calls `body` with the content's bytes and count: a null pointer for an absent file (how
    /// libgit2 tells absent from empty), a valid one even for an empty file.
    private static func withContent(_ content: [UInt8]?, _ body: (UnsafeRawPointer?, Int) -> Int32) -> Int32 {
        guard let content else { return body(nil, 0) }
        if content.isEmpty {
            var empty: UInt8 = 0
            return withUnsafeBytes(of: &empty) { body($0.baseAddress, 0) }
        }
        return content.withUnsafeBytes { body($0.baseAddress, $0.count) }
    }
}
