/// A failure reading Git, with a one-line message that says what to do about it.
public struct GitError: Error, CustomStringConvertible, Equatable {
    /// What went wrong, in terms the caller can act on.
    public enum Kind: Equatable, Sendable {
        /// No repository at this path or any folder above it.
        case notARepository(String)
        /// The revision names nothing in this clone; `shallow` when the clone lacks history.
        case unknownRevision(String, shallow: Bool)
        /// The revision names a tree or a blob, not a commit.
        case notACommit(String)
        /// HEAD points at a branch with no commit yet (an empty repository): no previous out/.
        case unbornHead
        /// The repository belongs to another user and is not listed in safe.directory.
        case ownership(String)
        /// Anything else, with libgit2's message.
        case io(String)
    }

    public var kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public var description: String {
        switch kind {
        case .notARepository(let path):
            return "'\(path)' is not inside a Git repository (nor is any folder above it); run this inside a clone"
        case .unknownRevision(let revision, shallow: true):
            return "revision '\(revision)' is not in this clone: it is shallow (fetched with --depth); "
                + "fetch the full history (actions/checkout: fetch-depth: 0, or git fetch --unshallow)"
        case .unknownRevision(let revision, shallow: false):
            return "revision '\(revision)' not found in this repository; check its name, "
                + "or run git fetch if it is a remote branch or a commit not fetched yet"
        case .notACommit(let revision):
            return "revision '\(revision)' does not name a commit; name a branch, a tag or a commit"
        case .unbornHead:
            return "HEAD has no commit yet (the repository is empty)"
        case .ownership(let path):
            return "the repository at '\(path)' is owned by another user, so Git will not read it; "
                + "if you trust it, run: git config --global --add safe.directory \(shellQuoted(path))"
        case .io(let message):
            return message
        }
    }
}

/// A path as a shell word: unchanged when it is plain, in single quotes otherwise.
private func shellQuoted(_ path: String) -> String {
    let plain = path.utf8.allSatisfy { byte in
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "/._-+@:,=".utf8.contains(byte)
        }
    }
    guard !plain || path.isEmpty else { return path }
    return "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
}
