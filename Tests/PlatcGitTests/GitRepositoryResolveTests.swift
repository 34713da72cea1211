import Testing

@testable import PlatcGit

@Suite struct GitRepositoryResolveTests {
    /// Two commits on main ("first" tagged v1 and annotated a1, then "second\n\nbody"), origin/main
    /// in a clone at sandbox/clone.
    @discardableResult
    private func makeRepository(in sandbox: GitSandbox) throws -> (first: String, second: String) {
        try sandbox.git("init", "-q", "repo")
        try sandbox.write("repo/out/a.yaml", "a: 1\n")
        let first = try sandbox.commitAll("first")
        try sandbox.git("tag", "v1", in: "repo")
        try sandbox.git("-c", "tag.gpgSign=false", "tag", "-a", "a1", "-m", "annotated", in: "repo")
        try sandbox.write("repo/out/a.yaml", "a: 2\n")
        let second = try sandbox.commitAll("second\n\nbody")
        return (first, second)
    }

    @Test func resolvesEveryKindOfRevision() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (first, second) = try makeRepository(in: sandbox)
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        let head = try repository.resolve("HEAD")
        #expect(head == GitCommit(id: second, summary: "second"))
        #expect(head.shortID == String(second.prefix(7)) && head.id.count == 40)
        #expect(try repository.resolve("main").id == second)
        #expect(try repository.resolve("v1") == GitCommit(id: first, summary: "first"))
        #expect(try repository.resolve("a1").id == first)
        #expect(try repository.resolve("refs/tags/a1").id == first)
        #expect(try repository.resolve(String(first.prefix(7))).id == first)
        #expect(try repository.resolve(first).id == first)
        #expect(try repository.resolve("HEAD~1").id == first)
        #expect(try repository.resolve("main^").id == first)
    }

    @Test func resolvesARemoteBranchInAClone() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (_, second) = try makeRepository(in: sandbox)
        try sandbox.git("clone", "-q", "file://" + sandbox.path("repo"), "clone")
        let repository = try GitRepository(discoveringFrom: sandbox.path("clone"))
        #expect(try repository.resolve("origin/main").id == second)
    }

    @Test func anUnknownRevisionIsNamed() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        let error = #expect(throws: GitError.self) { try repository.resolve("origin/mian") }
        #expect(error?.kind == .unknownRevision("origin/mian", shallow: false))
        #expect(
            error?.description
                == "revision 'origin/mian' not found in this repository; check its name, "
                + "or run git fetch if it is a remote branch or a commit not fetched yet")
        #expect(throws: GitError(.unknownRevision("HEAD~5", shallow: false))) { try repository.resolve("HEAD~5") }
    }

    @Test func aShallowCloneLacksTheBase() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (first, second) = try makeRepository(in: sandbox)
        try sandbox.git("clone", "-q", "--depth", "1", "file://" + sandbox.path("repo"), "clone")
        let repository = try GitRepository(discoveringFrom: sandbox.path("clone"))
        #expect(try repository.resolve("HEAD").id == second)
        let error = #expect(throws: GitError.self) { try repository.resolve(first) }
        #expect(error?.kind == .unknownRevision(first, shallow: true))
        #expect(
            error?.description
                == "revision '\(first)' is not in this clone: it is shallow (fetched with --depth); "
                + "fetch the full history (actions/checkout: fetch-depth: 0, or git fetch --unshallow)")
        #expect(throws: GitError(.unknownRevision("HEAD~1", shallow: true))) { try repository.resolve("HEAD~1") }
    }

    @Test func anEmptyRepositoryHasAnUnbornHead() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.git("init", "-q", "repo")
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        #expect(throws: GitError(.unbornHead)) { try repository.resolve("HEAD") }
        #expect(throws: GitError(.unknownRevision("main~1", shallow: false))) { try repository.resolve("main~1") }
    }

    @Test func aTreeIsNotACommit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        try sandbox.git("tag", "tree-tag", "HEAD^{tree}", in: "repo")
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        #expect(throws: GitError(.notACommit("HEAD:out"))) { try repository.resolve("HEAD:out") }
        #expect(throws: GitError(.notACommit("tree-tag"))) { try repository.resolve("tree-tag") }
    }

    @Test func theSummaryIsTheFirstLine() {
        #expect(GitCommit.firstLine(of: "subject\nmore\n") == "subject")
        #expect(GitCommit.firstLine(of: "\n\n  \nsubject\r\nbody") == "subject")
        #expect(GitCommit.firstLine(of: "") == "")
    }
}
