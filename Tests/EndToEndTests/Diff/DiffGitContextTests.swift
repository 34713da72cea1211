import Foundation
import PlatcTestSupport
import Testing

/// The gate and the diff in the checkouts CI makes: detached HEAD, linked worktrees, a platform
/// root in a subfolder, the first render, an empty repository; and the errors of each bad case.
@Suite struct DiffGitContextTests {
    @Test func aHandEditFailsTheGateNamingTheFile() throws {
        let repo = try DiffRepository()
        try repo.edit(
            "out/manifests/tenants-000/search/resourcequota.tenant-quota.yaml", replacing: "requests.nvidia.com/gpu",
            with: "requests.nvidia.com/gpu ")
        let gate = try repo.platcIn(["render", "--check"])
        #expect(gate.exitCode == 1)
        #expect(gate.stdout == "stale or edited: \(repo.root.path)/out/manifests/tenants-000/search/resourcequota.tenant-quota.yaml\n")
        #expect(
            gate.stderr.hasSuffix(
                "out/ differs from a fresh render: 0 missing, 1 changed, 0 extra; run `platc render --root \(repo.root.path)`\n"))
        // Run from the root, paths and the fix are as short as they can be.
        let here = try platc(["render", "--check"], in: repo.root)
        #expect(here.stdout == "stale or edited: out/manifests/tenants-000/search/resourcequota.tenant-quota.yaml\n")
        #expect(here.stderr == "platc: error: out/ differs from a fresh render: 0 missing, 1 changed, 0 extra; run `platc render`\n")
        let diff = try repo.diffJSON()
        #expect(diff.changes.isEmpty, "the diff compares a render with the commit, not with the edited file")
    }

    /// The disk reader's size limit holds for the base read from Git: a 5 MiB source committed
    /// at the base is sized from its object header, not inflated, and reported with its size.
    @Test func anOversizedSourceAtTheBaseIsALimitError() throws {
        let repo = try DiffRepository()
        try repo.write("tenants/huge.yaml", "# " + String(repeating: "x", count: 5 * 1024 * 1024) + "\n")
        try repo.commit("a huge file")
        try repo.remove("tenants/huge.yaml")
        let diff = try repo.diffJSON()
        #expect(diff.object["baseUnavailable"] as? String == "its sources have 1 error")
        let diagnostics = try #require(diff.object["diagnostics"] as? [String: Any])
        let resolved = try #require(diagnostics["resolved"] as? [[String: Any]])
        #expect(resolved.map { $0["rule"] as? String } == ["limit/file-size"])
        #expect(resolved.first?["message"] as? String == "file is 5242883 bytes, more than the limit of 4194304")
    }

    /// A base with more files than a folder may hold: the object diff still runs, the summary
    /// says which limit stopped it, and the base's 20,001 blobs are counted, not loaded.
    @Test func tooManyFilesAtTheBaseMakeTheSummaryUnavailable() throws {
        let repo = try DiffRepository()
        let folder = repo.root.appendingPathComponent("tenants/generated")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 0..<20_001 {
            #expect(
                FileManager.default.createFile(atPath: folder.appendingPathComponent("t\(index).yaml").path, contents: Data("x: 1\n".utf8)))
        }
        try repo.commit("a runaway generator")
        try FileManager.default.removeItem(at: folder)
        let diff = try repo.diffJSON()
        #expect(diff.object["baseUnavailable"] as? String == "its tenants/ holds more than 20000 source files [limit/file-count]")
        #expect(diff.changes.isEmpty)
    }

    @Test func detachedHead() throws {
        let repo = try DiffRepository()
        try repo.edit("tenants/search.yaml", replacing: "rpm: 1200", with: "rpm: 1300")
        try repo.platcIn(["render"]).expectSuccess()
        try repo.commit("Raise search's rpm")
        try repo.git("checkout", "-q", "--detach", "HEAD")
        try repo.platcIn(["render", "--check"]).expectSuccess()
        #expect(try repo.diffJSON().changes.isEmpty)
        let previous = try repo.diffJSON(["--base", "HEAD~1"])
        #expect(previous.files.contains("modified out/litellm/teams.json"))
    }

    @Test func aLinkedWorktree() throws {
        let repo = try DiffRepository()
        let worktree = repo.scratch.url.appendingPathComponent("worktree")
        try repo.git("worktree", "add", "-q", "--detach", worktree.path)
        try repo.platcIn(["render", "--check"], root: worktree).expectSuccess()
        let diff = try repo.platcIn(["diff", "--exit-code"], root: worktree)
        #expect(diff.exitCode == 0, "\(diff.stderr)")
    }

    @Test func aPlatformRootInASubfolder() throws {
        let repo = try DiffRepository(subfolder: "platforms/lab")
        try repo.platcIn(["render", "--check"]).expectSuccess()
        #expect(try repo.diffJSON().changes.isEmpty)
        try repo.edit("tenants/search.yaml", replacing: "rpm: 1200", with: "rpm: 1300")
        let json = try repo.diffJSON()
        #expect(json.files.contains("modified out/litellm/teams.json"))
        let patch = try #require(json.patches["out/litellm/teams.json"])
        #expect(patch.hasPrefix("--- a/out/litellm/teams.json\n+++ b/out/litellm/teams.json\n"))
        // From the top of the repository, out/ is named as the user named it.
        let fromTop = try platc(["diff", "--format", "json", "--root", "platforms/lab"], in: repo.top)
        #expect(try DiffJSON(fromTop.stdout).changes == json.changes)
    }

    @Test func theFirstRenderAddsEverything() throws {
        let repo = try DiffRepository(commitOut: false)
        try repo.platcIn(["render", "--check"]).expectSuccess()
        let json = try repo.diffJSON()
        #expect(json.changes.count == 120)
        #expect(json.changes.allSatisfy { $0.change == "added" })
    }

    @Test func aRepositoryWithoutCommitsAddsEverything() throws {
        let repo = try DiffRepository(commit: false)
        let text = try repo.platcIn(["diff"])
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(
            text.stdout.hasPrefix(
                "platc diff: out/ at HEAD (no commit yet) → this render\n\nnote: the base platform was not compared: there is no commit yet\n"
            ))
        #expect(
            text.stdout.hasSuffix(
                "Plan: +120 ~0 -0 objects: Kubernetes +91, Kueue +13, Kyverno +5, Argo CD +6, LiteLLM +2, Catalog +2, Other files +1\n"))
    }

    @Test func outsideARepositoryIsAnError() throws {
        let platform = try TemporaryPlatform(copying: Paths.minimalPlatform)
        let result = try platc(["diff", "--root", platform.root.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("is not inside a Git repository"), "\(result.stderr)")
    }

    @Test func anUnknownRevisionIsAnError() throws {
        let repo = try DiffRepository()
        let result = try repo.platcIn(["diff", "--base", "origin/nope"])
        #expect(result.exitCode == 2)
        #expect(
            result.stderr
                == "platc: error: revision 'origin/nope' not found in this repository; check its name, or run git fetch if it is a remote branch or a commit not fetched yet\n"
        )
    }

    @Test func aShallowCloneWithoutTheBaseSaysHowToFetchIt() throws {
        let repo = try DiffRepository()
        try repo.edit("tenants/search.yaml", replacing: "rpm: 1200", with: "rpm: 1300")
        try repo.platcIn(["render"]).expectSuccess()
        try repo.commit("Raise search's rpm")
        let clone = repo.scratch.url.appendingPathComponent("clone")
        try repo.git("clone", "-q", "--depth", "1", "file://" + repo.top.path, clone.path)
        let result = try platc(["diff", "--base", "HEAD~1", "--root", clone.path])
        #expect(result.exitCode == 2)
        #expect(result.stderr.contains("it is shallow"), "\(result.stderr)")
        #expect(result.stderr.contains("fetch-depth: 0"))
    }

    @Test func invalidSourcesExitThree() throws {
        let repo = try DiffRepository()
        try repo.edit("tenants/search.yaml", replacing: "rpm: 1200", with: "rpm: [")
        let result = try repo.platcIn(["diff"])
        #expect(result.exitCode == 3)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("tenants/search.yaml:"))
    }
}

extension ProcessResult {
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(exitCode == 0, "\(stdout)\(stderr)", sourceLocation: sourceLocation)
    }
}

/// scripts/pre-commit, installed as a real hook.
@Suite struct PreCommitHookTests {
    @Test func refusesAHandEditAndAcceptsARenderedChange() throws {
        let repo = try DiffRepository(subfolder: "lab")
        let hook = repo.top.appendingPathComponent(".git/hooks/pre-commit")
        try FileManager.default.createSymbolicLink(
            at: hook, withDestinationURL: Paths.packageRoot.appendingPathComponent("scripts/pre-commit"))
        let environment = ["PLATC": Paths.platcBinary.path, "PLATC_ROOT": repo.root.path]

        try repo.edit("out/litellm/teams.json", replacing: "1200", with: "1300")
        try repo.git("add", "-A")
        let refused = try repo.gitWith(environment, "commit", "-q", "-m", "hand edit")
        #expect(refused.exitCode != 0)
        // Git shows a hook's output on stderr.
        #expect(refused.stderr.contains("stale or edited: \(repo.root.path)/out/litellm/teams.json"), "\(refused.stderr)")
        #expect(refused.stderr.contains("run: \(Paths.platcBinary.path) render --root \(repo.root.path)"))

        try repo.edit("tenants/search.yaml", replacing: "rpm: 1200", with: "rpm: 1300")
        try repo.platcIn(["render"]).expectSuccess()
        try repo.git("add", "-A")
        let accepted = try repo.gitWith(environment, "commit", "-q", "-m", "raise search's rpm")
        #expect(accepted.exitCode == 0, "\(accepted.stdout)\(accepted.stderr)")

        // A commit outside the platform does not run platc at all (a broken binary would fail it).
        try repo.write("notes.txt", "hello\n", under: repo.top)
        try repo.git("add", "-A")
        let unrelated = try repo.gitWith(["PLATC": "/nonexistent/platc", "PLATC_ROOT": repo.root.path], "commit", "-q", "-m", "notes")
        #expect(unrelated.exitCode == 0, "\(unrelated.stderr)")
    }
}

/// The CI setup docs/diff.md shows is the file CI validates.
@Suite struct CIExampleTests {
    @Test func theGitLabExampleInTheDocsIsTheCheckedFile() throws {
        let example = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/examples/gitlab-ci.yml"), encoding: .utf8)
        let docs = try String(contentsOf: Paths.packageRoot.appendingPathComponent("docs/diff.md"), encoding: .utf8)
        #expect(docs.contains("```yaml\n" + example + "```\n"))
    }
}
