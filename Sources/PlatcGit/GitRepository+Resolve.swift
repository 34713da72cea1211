import CLibGit2

extension GitRepository {
    /// The commit a revision names: anything `git rev-parse` accepts (branch, tag, annotated tag,
    /// SHA, short SHA, origin/main, HEAD~1). Throws `.unbornHead` for HEAD in an empty repository.
    public func resolve(_ revision: String) throws(GitError) -> GitCommit {
        var object: OpaquePointer?
        let status = git_revparse_single(&object, pointer, revision)
        guard status == 0, let object else {
            throw revisionError(revision, status: status, message: LibGit2.lastErrorMessage())
        }
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        let peeled = git_object_peel(&commit, object, GIT_OBJECT_COMMIT)
        guard peeled == 0, let commit else {
            // A tag whose commit is missing from a shallow clone is a missing revision, not a tree.
            if peeled == GIT_ENOTFOUND.rawValue { throw GitError(.unknownRevision(revision, shallow: isShallow)) }
            throw GitError(.notACommit(revision))
        }
        defer { git_commit_free(commit) }
        return GitCommit(reading: commit)
    }

    /// Classifies a failed rev-parse; `message` was read right after the failing call.
    private func revisionError(_ revision: String, status: Int32, message: String) -> GitError {
        switch status {
        case GIT_ENOTFOUND.rawValue, GIT_EINVALIDSPEC.rawValue:
            if (revision == "HEAD" || revision == "@") && git_repository_head_unborn(pointer) == 1 {
                return GitError(.unbornHead)
            }
            return GitError(.unknownRevision(revision, shallow: isShallow))
        case GIT_EAMBIGUOUS.rawValue:
            return GitError(.io("revision '\(revision)' is ambiguous (\(message)); give more digits or a full name"))
        default:
            return GitError(.io("cannot resolve revision '\(revision)': \(message)"))
        }
    }

    /// The commit `commit` names in this repository; the caller frees it.
    func lookUp(_ commit: GitCommit) throws(GitError) -> OpaquePointer {
        var oid = git_oid()
        guard git_oid_fromstr(&oid, commit.id) == 0 else {
            throw GitError(.io("'\(commit.id)' is not a commit id: \(LibGit2.lastErrorMessage())"))
        }
        var found: OpaquePointer?
        let status = git_commit_lookup(&found, pointer, &oid)
        guard status == 0, let found else {
            throw GitError(.io("cannot read commit \(commit.shortID): \(LibGit2.lastErrorMessage())"))
        }
        return found
    }
}
