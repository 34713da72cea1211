import Testing

@testable import PlatcGit

@Suite struct GitErrorTests {
    @Test func everyKindSaysWhatToDo() {
        #expect(
            GitError(.notARepository("/tmp/x")).description
                == "'/tmp/x' is not inside a Git repository (nor is any folder above it); run this inside a clone")
        #expect(
            GitError(.unknownRevision("origin/main", shallow: true)).description
                == "revision 'origin/main' is not in this clone: it is shallow (fetched with --depth); "
                + "fetch the full history (actions/checkout: fetch-depth: 0, or git fetch --unshallow)")
        #expect(
            GitError(.unknownRevision("v9", shallow: false)).description
                == "revision 'v9' not found in this repository; check its name, "
                + "or run git fetch if it is a remote branch or a commit not fetched yet")
        #expect(
            GitError(.notACommit("HEAD:out")).description == "revision 'HEAD:out' does not name a commit; name a branch, a tag or a commit")
        #expect(GitError(.unbornHead).description == "HEAD has no commit yet (the repository is empty)")
        #expect(GitError(.io("disk on fire")).description == "disk on fire")
    }

    @Test func theOwnershipFixQuotesPathsThatNeedIt() {
        #expect(
            GitError(.ownership("/work/repo")).description
                == "the repository at '/work/repo' is owned by another user, so Git will not read it; "
                + "if you trust it, run: git config --global --add safe.directory /work/repo")
        #expect(
            GitError(.ownership("/work/my repo's")).description.hasSuffix(
                "safe.directory '/work/my repo'\\''s'"))
    }

    /// libgit2 1.5 reports an unlisted repository of another user as a missing config value.
    @Test func libgit2sMisleadingOwnershipMessageBecomesAnOwnershipError() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.git("init", "-q", "repo")
        try sandbox.write("repo/out/a.yaml", "a: 1\n")
        let unset = GitRepository.openingError(
            path: sandbox.path("repo/out"), status: -3, message: "config value 'safe.directory' was not found")
        #expect(unset.kind == .ownership(sandbox.path("repo")))
        let unlisted = GitRepository.openingError(
            path: sandbox.path("repo"), status: -36, message: "repository path '\(sandbox.path("repo"))/' is not owned by current user")
        #expect(unlisted.kind == .ownership(sandbox.path("repo")))
        #expect(
            GitRepository.openingError(path: "/nowhere", status: -3, message: "could not find repository from '/nowhere'").kind
                == .notARepository("/nowhere"))
        #expect(
            GitRepository.openingError(path: "/x", status: -1, message: "corrupt").kind
                == .io("cannot open the Git repository at '/x': corrupt"))
    }
}
