import Foundation
import PlatcTestSupport
import Testing

/// `platc diff` on a committed default platform after one source change: the exact change set.
@Suite struct DiffChangeSetTests {
    @Test func anUnchangedPlatformHasNoChanges() throws {
        let repo = try DiffRepository()
        let text = try repo.platcIn(["diff", "--exit-code"])
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout.contains("No changes: out/ matches the base (120 files)."))
        let json = try repo.diffJSON()
        #expect(json.changes.isEmpty)
    }

    /// A pull request that only fixes comments, converts line endings, adds a BOM or reorders
    /// keys changes nothing the platform means: the gate is quiet, the catalog included.
    @Test func aRespellingOnlyChangeHasNoChanges() throws {
        let repo = try DiffRepository()
        let path = repo.root.appendingPathComponent("tenants/search.yaml")
        let text = try String(contentsOf: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let name = try #require(lines.firstIndex { $0.hasPrefix("name: ") })
        lines.insert(lines.remove(at: name), at: 0)  // `name:` before `apiVersion:`
        let respelled = "# The search team: owns the RAG stack.\n" + lines.joined(separator: "\n")
        try Data([0xEF, 0xBB, 0xBF] + Array(respelled.replacingOccurrences(of: "\n", with: "\r\n").utf8)).write(to: path)
        let gate = try repo.platcIn(["diff", "--exit-code"])
        #expect(gate.exitCode == 0, "\(gate.stdout)\(gate.stderr)")
        #expect(gate.stdout.contains("No changes: out/ matches the base (120 files)."))
        #expect(try repo.platcIn(["render", "--check"]).exitCode == 0)
    }

    @Test func raisingATenantsQuotaTouchesExactlyItsClusterQueueAndResourceQuota() throws {
        let repo = try DiffRepository()
        try repo.edit("tenants/search.yaml", replacing: "  h100:\n    nominal: 1", with: "  h100:\n    nominal: 2")
        let json = try repo.diffJSON()
        #expect(json.objects == ["modified ClusterQueue search", "modified ResourceQuota search/tenant-quota"])
        // The catalog shows quotas and carries the digest of what the sources mean.
        #expect(json.files == ["modified out/catalog/index.html", "modified out/catalog/models.md"])
        let patch = try #require(json.patches["out/manifests/tenants-000/_cluster/clusterqueue.search.yaml"])
        #expect(
            patch.contains(
                "@@ -32,7 +32,7 @@ spec:\n     - name: h100\n       resources:\n       - name: nvidia.com/gpu\n-        nominalQuota: 1\n+        nominalQuota: 2\n"
            ), "\(patch)")
        let gate = try repo.platcIn(["diff", "--exit-code"])
        #expect(gate.exitCode == 1)
        #expect(gate.stdout.hasSuffix("Plan: +0 ~4 -0 objects: Kubernetes ~1, Kueue ~1, Catalog ~2\n"), "\(gate.stdout)")
    }

    @Test func addingAModelAddsExactlyItsObjectsAndChangesTheLiteLLMConfigAndCatalog() throws {
        let repo = try DiffRepository()
        let source = try String(contentsOf: repo.root.appendingPathComponent("models/qwen2-5-0-5b-instruct.yaml"), encoding: .utf8)
        let model = source.replacingOccurrences(of: "name: qwen2-5-0-5b-instruct", with: "name: qwen2-5-0-5b-batch")
            .replacingOccurrences(of: "- qwen2.5-0.5b-instruct", with: "- qwen2.5-0.5b-batch")
            .replacingOccurrences(of: "servedName: Qwen/Qwen2.5-0.5B-Instruct", with: "servedName: Qwen/Qwen2.5-0.5B-Instruct-batch")
            .replacingOccurrences(of: "gpuClass: l4", with: "gpuClass: h100").replacingOccurrences(of: "max: 3", with: "max: 1")
            .replacingOccurrences(of: "tenants: [research, search, support]", with: "tenants: [search]")
        try repo.write("models/qwen2-5-0-5b-batch.yaml", model)
        try repo.edit(
            "tenants/search.yaml", replacing: "  - llama-3-3-70b-instruct-fp8\n",
            with: "  - llama-3-3-70b-instruct-fp8\n  - qwen2-5-0-5b-batch\n")
        let json = try repo.diffJSON()
        let added = json.objects.filter { $0.hasPrefix("added ") }
        #expect(
            added == [
                "added Deployment llm-serving/qwen2-5-0-5b-batch", "added Service llm-serving/qwen2-5-0-5b-batch",
                "added PodDisruptionBudget llm-serving/qwen2-5-0-5b-batch", "added PodMonitor llm-serving/qwen2-5-0-5b-batch",
                // The default platform routes through the inference Gateway: the model's pool,
                // route and endpoint picker, and the policy admitting the picker to the model.
                "added InferencePool llm-serving/qwen2-5-0-5b-batch", "added HTTPRoute llm-serving/qwen2-5-0-5b-batch",
                "added Deployment llm-serving/qwen2-5-0-5b-batch-epp", "added Service llm-serving/qwen2-5-0-5b-batch-epp",
                "added PodDisruptionBudget llm-serving/qwen2-5-0-5b-batch-epp", "added NetworkPolicy llm-serving/qwen2-5-0-5b-batch-epp",
            ])
        // The proxy config gains the model's route; the AppProject (it allows every kind rendered) and
        // the team reconciler (a team's access depends on the models) name the new file as a source.
        // The 70B model's rollout turns Recreate: with the new floor on h100, its 2 replicas × 2 GPUs
        // at max leave no 2 GPUs to surge into.
        #expect(
            json.objects.subtracting(added) == [
                "modified ConfigMap litellm/litellm-config", "modified ConfigMap litellm/litellm-team-reconciler",
                "modified AppProject argocd/llm-platform", "modified Deployment llm-serving/llama-3-3-70b-instruct-fp8",
            ])
        #expect(
            json.files == [
                "modified out/litellm/config.yaml", "modified out/catalog/index.html", "modified out/catalog/models.md",
                "modified out/README.md",
            ])
        let config = try #require(json.patches["out/litellm/config.yaml"])
        #expect(config.contains("+- model_name: qwen2.5-0.5b-batch\n"), "\(config)")
        #expect(!json.changes.contains { $0.change == "removed" })
    }

    @Test func removingATenantRemovesAllItsObjects() throws {
        let repo = try DiffRepository()
        let before = try outFiles(repo)
        try repo.remove("tenants/research.yaml")
        for model in ["llama-3-3-70b-instruct-fp8", "qwen2-5-0-5b-instruct", "qwen2-5-coder-7b-instruct-awq"] {
            try repo.edit("models/\(model).yaml", replacing: "tenants: [research, ", with: "tenants: [")
        }
        try repo.edit("models/qwen3-30b-a3b.yaml", replacing: "tenants: [research]", with: "tenants: [search]")
        let json = try repo.diffJSON()
        let removed = Set(json.changes.filter { $0.change == "removed" }.map(\.path))
        let research = Set(before.filter { $0.contains("research") }.map { "out/" + $0 })
        #expect(research.count == 9)
        #expect(removed == research)
        #expect(json.objects.contains("removed Namespace research"))
        #expect(json.objects.contains("removed ClusterQueue research"))
        #expect(!json.changes.contains { $0.change == "added" })
    }

    @Test func aSecretInTheBaseIsMaskedInEveryFormat() throws {
        let repo = try DiffRepository()
        let secret = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: search\nstringData:\n  password: hunter2-Secret!\n"
        try repo.write("out/manifests/tenants-000/search/secret.db.yaml", secret)
        try repo.commit("A hand-written secret in out/")
        try repo.remove("out/manifests/tenants-000/search/secret.db.yaml")
        try repo.edit("tenants/search.yaml", replacing: "rpm: 1200", with: "rpm: 1300")
        for format in ["text", "markdown", "json"] {
            let result = try repo.platcIn(["diff", "--format", format])
            #expect(result.exitCode == 0)
            #expect(!result.stdout.contains("hunter2"), "\(format) shows the secret")
            #expect(result.stdout.contains("password: *** (before)"), "\(format)")
        }
        let json = try repo.diffJSON()
        #expect(json.objects.contains("removed Secret search/db"))
    }

    @Test func aMarkdownReportOverItsBudgetStaysUnderItAndBalanced() throws {
        let repo = try DiffRepository()
        try repo.remove("tenants/research.yaml")
        for model in ["llama-3-3-70b-instruct-fp8", "qwen2-5-0-5b-instruct", "qwen2-5-coder-7b-instruct-awq"] {
            try repo.edit("models/\(model).yaml", replacing: "tenants: [research, ", with: "tenants: [")
        }
        try repo.edit("models/qwen3-30b-a3b.yaml", replacing: "tenants: [research]", with: "tenants: [search]")
        let first = try repo.platcIn(["diff", "--format", "markdown", "--markdown-budget", "6000"])
        let second = try repo.platcIn(["diff", "--format", "markdown", "--markdown-budget", "6000"])
        #expect(first.exitCode == 0)
        #expect(first.stdout == second.stdout)
        // print adds nothing: the report is the whole stdout.
        #expect(first.stdout.utf8.count <= 6000)
        #expect(first.stdout.components(separatedBy: "<details>").count == first.stdout.components(separatedBy: "</details>").count)
        #expect(first.stdout.split(separator: "\n").filter { $0.hasPrefix("```") }.count % 2 == 0)
        #expect(first.stdout.contains("more objects changed: run `platc diff --base HEAD` to see them all."))
    }

    private func outFiles(_ repo: DiffRepository) throws -> [String] {
        let out = repo.root.appendingPathComponent("out")
        let walker = try #require(FileManager.default.enumerator(atPath: out.path))
        return walker.compactMap { $0 as? String }.filter { !$0.hasSuffix("/") && $0.contains(".") }.sorted()
    }
}
