import CLibGit2

/// libgit2, initialised once. A global `let` is lazy and thread-safe.
private let libgit2InitCount: Int32 = git_libgit2_init()

/// The libgit2 the binary was linked against, and its one-time initialisation.
public enum LibGit2 {
    public static var version: String {
        initialize()
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        guard git_libgit2_version(&major, &minor, &revision) == 0 else { return "unknown" }
        return "\(major).\(minor).\(revision)"
    }

    /// Every entry point calls this first: without it libgit2 refuses every call.
    static func initialize() {
        _ = libgit2InitCount
    }

    /// libgit2's message for the call that just failed on this thread (it is thread-local, so
    /// read it right after the failing call).
    static func lastErrorMessage() -> String {
        guard let error = git_error_last(), let message = error.pointee.message else { return "unknown libgit2 error" }
        return String(cString: message)
    }
}
