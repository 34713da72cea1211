import CLibGit2

/// libgit2, initialised once. A global `let` is lazy and thread-safe.
private let libgit2InitCount: Int32 = git_libgit2_init()

/// The libgit2 the binary was linked against. The diff phase (render-and-diff against a Git
/// revision) builds on this module; for now it reports the version for `platc version`.
public enum LibGit2 {
    public static var version: String {
        _ = libgit2InitCount
        var major: Int32 = 0, minor: Int32 = 0, revision: Int32 = 0
        guard git_libgit2_version(&major, &minor, &revision) == 0 else { return "unknown" }
        return "\(major).\(minor).\(revision)"
    }
}
