import Foundation
import Testing

@testable import PlatcGit

@Suite struct GitRepositoryFilesTests {
    /// out/ with nested folders, an empty file, an executable, a symbolic link and a submodule;
    /// sub/out/ beside it; a file named out-file.
    private func makeRepository(in sandbox: GitSandbox) throws -> (GitRepository, GitCommit) {
        try sandbox.git("init", "-q", "repo")
        try sandbox.write("repo/out/manifests/search/namespace.yaml", "kind: Namespace\n")
        try sandbox.write("repo/out/manifests/search/quota.yaml", "kind: ResourceQuota\n")
        try sandbox.write("repo/out/catalog/index.html", "<html>\n")
        try sandbox.write("repo/out/empty.txt", "")
        try sandbox.write("repo/out/run.sh", "#!/bin/sh\n")
        try sandbox.write("repo/sub/out/kueue/queue.yaml", "kind: ClusterQueue\n")
        try sandbox.write("repo/out-file", "not a folder\n")
        try sandbox.write("repo/README.md", "# readme\n")
        try sandbox.git("add", "-A", in: "repo")
        try sandbox.git("update-index", "--chmod=+x", "out/run.sh", in: "repo")
        try FileManager.default.createSymbolicLink(atPath: sandbox.path("repo/out/link.yaml"), withDestinationPath: "run.sh")
        try sandbox.git("add", "out/link.yaml", in: "repo")
        // A submodule entry (a gitlink), without cloning anything.
        let someCommit = String(repeating: "1", count: 40)
        try sandbox.git("update-index", "--add", "--cacheinfo", "160000,\(someCommit),out/vendored", in: "repo")
        try sandbox.git("commit", "-q", "-m", "render", in: "repo")
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        return (repository, try repository.resolve("HEAD"))
    }

    @Test func readsEveryFileUnderAFolder() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (repository, head) = try makeRepository(in: sandbox)
        let files = try repository.files(at: head, under: "out")
        #expect(
            files == [
                "manifests/search/namespace.yaml": Array("kind: Namespace\n".utf8),
                "manifests/search/quota.yaml": Array("kind: ResourceQuota\n".utf8),
                "catalog/index.html": Array("<html>\n".utf8),
                "empty.txt": [],
                "run.sh": Array("#!/bin/sh\n".utf8),
            ])
        #expect(try repository.files(at: head, under: "out/") == files)
        #expect(try repository.files(at: head, under: "./out") == files)
    }

    /// With a size limit, a larger blob is listed with its size and no bytes (never inflated);
    /// one at the limit is read; packed objects report their size the same way.
    @Test(arguments: [false, true])
    func blobsOverTheSizeLimitAreSizedNotRead(packed: Bool) throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (repository, _) = try makeRepository(in: sandbox)
        try sandbox.write("repo/out/big.yaml", String(repeating: "x", count: 21))
        try sandbox.write("repo/out/edge.yaml", String(repeating: "y", count: 20))
        try sandbox.git("add", "-A", in: "repo")
        try sandbox.git("commit", "-q", "-m", "big", in: "repo")
        if packed { try sandbox.git("gc", "-q", in: "repo") }
        let read = try repository.files(at: repository.resolve("HEAD"), under: "out", sizeLimit: 20)
        #expect(read.oversized == ["big.yaml": 21])
        #expect(read.files["big.yaml"] == [])
        #expect(read.files["edge.yaml"] == Array(String(repeating: "y", count: 20).utf8))
        #expect(read.files["catalog/index.html"] == Array("<html>\n".utf8))
    }

    /// A render's ids skip exactly the files that are equal at the commit; a changed, a new and a
    /// missing file behave as without ids.
    @Test func filesWithTheRendersBlobIDAreNotRead() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (repository, head) = try makeRepository(in: sandbox)
        let render: [String: [UInt8]] = [
            "manifests/search/namespace.yaml": Array("kind: Namespace\n".utf8),
            "manifests/search/quota.yaml": Array("kind: ResourceQuota # changed\n".utf8),
            "empty.txt": [],
            "new.yaml": Array("kind: New\n".utf8),
        ]
        let ids = render.mapValues { GitBlobID(of: $0) }
        let read = try repository.files(at: head, under: "out", skipping: ids)
        #expect(read.identical == ["manifests/search/namespace.yaml", "empty.txt"])
        #expect(
            read.files == [
                "manifests/search/quota.yaml": Array("kind: ResourceQuota\n".utf8),
                "catalog/index.html": Array("<html>\n".utf8),
                "run.sh": Array("#!/bin/sh\n".utf8),
            ])
    }

    /// The id is Git's own: `git hash-object` agrees.
    @Test func blobIDsAreGitsObjectIDs() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        try sandbox.write("file.txt", "kind: Namespace\n")
        let expected = try sandbox.git("hash-object", "file.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let id = GitBlobID(of: Array("kind: Namespace\n".utf8))
        #expect(id.raw.map { String(format: "%02x", $0) }.joined() == expected)
        #expect(GitBlobID(of: []) != id)
    }

    @Test func readsANestedFolderAndTheWholeTree() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (repository, head) = try makeRepository(in: sandbox)
        #expect(try repository.files(at: head, under: "sub/out") == ["kueue/queue.yaml": Array("kind: ClusterQueue\n".utf8)])
        #expect(try repository.files(at: head, under: "out/manifests/search").keys.sorted() == ["namespace.yaml", "quota.yaml"])
        #expect(
            try repository.files(at: head, under: "").keys.sorted() == [
                "README.md", "out-file", "out/catalog/index.html", "out/empty.txt", "out/manifests/search/namespace.yaml",
                "out/manifests/search/quota.yaml", "out/run.sh", "sub/out/kueue/queue.yaml",
            ])
    }

    @Test func anAbsentFolderOrAFileGivesNothing() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (repository, head) = try makeRepository(in: sandbox)
        #expect(try repository.files(at: head, under: "missing") == [:])
        #expect(try repository.files(at: head, under: "sub/missing/out") == [:])
        #expect(try repository.files(at: head, under: "out-file") == [:])
        #expect(try repository.files(at: head, under: "out/run.sh") == [:])
        #expect(try repository.files(at: head, under: "out/vendored") == [:])
    }

    @Test func readsTheFilesOfAnOlderCommit() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (_, head) = try makeRepository(in: sandbox)
        try sandbox.write("repo/out/catalog/index.html", "<html lang=en>\n")
        try FileManager.default.removeItem(atPath: sandbox.path("repo/out/empty.txt"))
        try sandbox.git("commit", "-q", "-a", "-m", "change", in: "repo")
        let repository = try GitRepository(discoveringFrom: sandbox.path("repo"))
        #expect(try repository.files(at: repository.resolve("HEAD"), under: "out")["catalog/index.html"] == Array("<html lang=en>\n".utf8))
        #expect(try repository.files(at: repository.resolve("HEAD"), under: "out")["empty.txt"] == nil)
        #expect(try repository.files(at: head, under: "out")["catalog/index.html"] == Array("<html>\n".utf8))
    }

    @Test func aCommitOfAnotherRepositoryIsAnError() throws {
        let sandbox = try GitSandbox()
        defer { sandbox.remove() }
        let (repository, _) = try makeRepository(in: sandbox)
        let stranger = GitCommit(id: String(repeating: "2", count: 40), summary: "")
        let error = #expect(throws: GitError.self) { try repository.files(at: stranger, under: "out") }
        guard case .io(let message) = error?.kind else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
        #expect(message.hasPrefix("cannot read commit 2222222: "))
    }
}
