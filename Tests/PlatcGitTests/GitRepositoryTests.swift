import Foundation
import Testing

@testable import PlatcGit

@Suite struct GitRepositoryTests {
    /// A repository at sandbox/repo with one commit holding out/a.yaml.
    private func makeRepository(in sandbox: GitSandbox) throws {
        try sandbox.git("init", "-q", "repo")
        try sandbox.write("repo/out/sub/a.yaml", "a: 1\n")
        try sandbox.commitAll("first")
    }

    @Test func opensFromASubfolder() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo/out/sub"))
        #expect(repository.workdir == sandbox.path("repo"))
        #expect(repository.isShallow == false)
    }

    @Test func opensALinkedWorktreeAtItsOwnFolder() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        try sandbox.git("worktree", "add", "-q", "-b", "feature", "../wt", in: "repo")
        try sandbox.write("wt/out/b.yaml", "b: 2\n")
        let featureHead = try sandbox.commitAll("on feature", in: "wt")
        let repository = try GitRepository(discoveringFrom: sandbox.path("wt/out"))
        #expect(repository.workdir == sandbox.path("wt"))
        #expect(try repository.resolve("HEAD").id == featureHead)
        #expect(try repository.resolve("main").summary == "first")
    }

    @Test func readsADetachedHead() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        let first = try sandbox.git("rev-parse", "HEAD", in: "repo")
        try sandbox.write("repo/out/b.yaml", "b: 2\n")
        try sandbox.commitAll("second")
        try sandbox.git("checkout", "-q", "--detach", "HEAD~1", in: "repo")
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        #expect(try repository.resolve("HEAD").id == first)
    }

    @Test func aBareRepositoryHasNoWorkdir() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.git("init", "-q", "--bare", "bare.git")
        let repository = try GitRepository(discoveringFrom: sandbox.path("bare.git"))
        #expect(repository.workdir == nil)
        #expect(repository.relativePath(of: sandbox.path("bare.git")) == nil)
    }

    @Test func aShallowCloneSaysSo() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        try sandbox.git("clone", "-q", "--depth", "1", "file://" + sandbox.path("repo"), "clone")
        #expect(try GitRepository(discoveringFrom: sandbox.path("clone")).isShallow == true)
    }

    @Test func aFolderOutsideAnyRepositoryIsNotARepository() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.write("plain/file.txt", "x\n")
        // The test means nothing if the temporary folder itself sits inside a repository.
        #expect(throws: GitSandbox.Failed.self, "\(sandbox.path()) is inside a Git repository") {
            try sandbox.git("rev-parse", "--git-dir", in: "plain")
        }
        let error = #expect(throws: GitError.self) { try GitRepository(discoveringFrom: sandbox.path("plain")) }
        #expect(error?.kind == .notARepository(sandbox.path("plain")))
        #expect(throws: GitError(.notARepository(sandbox.path("missing")))) {
            try GitRepository(discoveringFrom: sandbox.path("missing"))
        }
    }

    /// Only root can hand a repository to another user; elsewhere this is covered by
    /// GitErrorTests' classification of libgit2's message.
    @Test(.enabled(if: getuid() == 0)) func aRepositoryOfAnotherUserIsAnOwnershipError() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        let nobody = "65534"
        try runChown(nobody, sandbox.path("repo"))
        let error = #expect(throws: GitError.self) { try GitRepository(discoveringFrom: sandbox.path("repo/out")) }
        #expect(error?.kind == .ownership(sandbox.path("repo")))
    }

    @Test func relativePathsInsideTheWorkdir() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try makeRepository(in: sandbox)
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("link"), withDestinationPath: sandbox.path("repo"))
        let repository = try GitRepository(discoveringFrom: sandbox.path("link/out"))
        #expect(repository.relativePath(of: sandbox.path("repo")) == "")
        #expect(repository.relativePath(of: sandbox.path("repo/")) == "")
        #expect(repository.relativePath(of: sandbox.path("repo/out")) == "out")
        #expect(repository.relativePath(of: sandbox.path("repo/out/sub")) == "out/sub")
        #expect(repository.relativePath(of: sandbox.path("link/out/sub")) == "out/sub")
        #expect(repository.relativePath(of: sandbox.path("repo/out/../out/./sub")) == "out/sub")
        #expect(repository.relativePath(of: sandbox.path("repo/not/yet/out")) == "not/yet/out")
        #expect(repository.relativePath(of: sandbox.path("repo/new/../out")) == "out")
        #expect(repository.relativePath(of: sandbox.path()) == nil)
        #expect(repository.relativePath(of: sandbox.path("repository")) == nil)
        #expect(repository.relativePath(of: "/") == nil)
    }

    private func runChown(_ owner: String, _ path: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["chown", "-R", owner, path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
