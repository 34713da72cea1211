import CLibGit2

/// A commit a revision resolved to.
public struct GitCommit: Sendable, Equatable {
    /// The full object id, 40 hexadecimal digits.
    public var id: String
    /// The first 7 digits of `id`, as `git log --oneline` shows it.
    public var shortID: String
    /// The first line of the commit message.
    public var summary: String

    public init(id: String, summary: String) {
        self.id = id
        self.shortID = String(id.prefix(7))
        self.summary = summary
    }
}

extension GitCommit {
    /// Reads a libgit2 commit; the pointer stays owned by the caller.
    init(reading commit: OpaquePointer) {
        var hex = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&hex, hex.count, git_commit_id(commit))
        let id = String(decoding: hex.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
        self.init(id: id, summary: Self.firstLine(of: message))
    }

    /// The first non-blank line, without its line ending (bytes, so "\r\n" splits too).
    static func firstLine(of message: String) -> String {
        for line in message.utf8.split(separator: UInt8(ascii: "\n")) {
            let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            if text.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }) {
                return String(decoding: text, as: UTF8.self)
            }
        }
        return ""
    }
}
