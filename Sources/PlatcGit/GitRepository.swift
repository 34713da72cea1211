import CLibGit2

/// An open Git repository (libgit2). Not thread-safe: libgit2 objects must not be used from two
/// threads at once, so keep one instance on one thread (or task) at a time.
public final class GitRepository {
    /// The `git_repository*`, freed in deinit.
    let pointer: OpaquePointer

    /// Opens the repository that contains `path`, searching upward like `git` does: works from a
    /// subfolder, in a linked worktree, and on a detached HEAD.
    public init(discoveringFrom path: String) throws(GitError) {
        LibGit2.initialize()
        var repository: OpaquePointer?
        let status = git_repository_open_ext(&repository, path, 0, nil)
        guard status == 0, let repository else {
            throw Self.openingError(path: path, status: status, message: LibGit2.lastErrorMessage())
        }
        pointer = repository
    }

    deinit {
        git_repository_free(pointer)
    }

    /// The working tree, absolute and without a trailing slash; nil for a bare repository.
    public var workdir: String? {
        guard let path = git_repository_workdir(pointer) else { return nil }
        let text = String(cString: path)
        return text.count > 1 && text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    /// Whether the clone was fetched with --depth, so older commits may be missing.
    public var isShallow: Bool {
        git_repository_is_shallow(pointer) == 1
    }

    /// Classifies a failed open. libgit2 1.5 reports an unlisted repository of another user as
    /// "config value 'safe.directory' was not found" (when safe.directory is unset) or with
    /// GIT_EOWNER; both mean the same thing to the user.
    static func openingError(path: String, status: Int32, message: String) -> GitError {
        if status == GIT_EOWNER.rawValue || message.contains("safe.directory") {
            return GitError(.ownership(FilePaths.repositoryFolder(containing: path) ?? path))
        }
        if status == GIT_ENOTFOUND.rawValue {
            return GitError(.notARepository(path))
        }
        return GitError(.io("cannot open the Git repository at '\(path)': \(message)"))
    }
}
