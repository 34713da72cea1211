import PlatcSpec
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// The Argo CD Application the catalog names for each model and tenant is the one that syncs its
/// objects in the rendered out/: the Application whose folder holds the model's Deployment (a
/// hosted model: the LiteLLM config) or the tenant's Namespace. The browser test
/// (Tests/CatalogBrowser) checks the same on the committed renders, each one shard per kind.
@Suite struct CatalogApplicationTests {
    /// The minimal platform with three serving and three tenant shards, enough models and tenants
    /// to fill more than one of each, and a hosted model.
    static func sharded() throws -> RenderContext {
        var platform = try RenderTestPlatform()
        platform.edit("platform/mini.yaml", "argocd:\n", "argocd:\n  shards: {tenants: 3, serving: 3}\n")
        let tiny = try #require(platform.files["models/tiny.yaml"])
        for name in ["small", "medium", "large", "huge"] {
            platform.files["models/\(name).yaml"] = tiny.replacing("name: tiny", with: "name: \(name)")
                .replacing("aliases: [tiny]", with: "aliases: [\(name)]")
        }
        for name in ["alpha", "beta", "gamma", "delta"] { platform.addTenant(name) }
        platform.files["models/claude.yaml"] = """
            apiVersion: platc.dev/v1alpha1
            kind: Model
            name: claude
            owner: team
            status: preview
            description: Claude, hosted by Anthropic.
            aliases: [haiku]
            provider: {name: anthropic, model: claude-haiku-4-5, apiKeyRef: {name: anthropic, key: api-key}}
            tenants: [team]
            pricing: {inputPerMillion: 1, outputPerMillion: 5}

            """
        platform.edit("tenants/team.yaml", "models: [tiny]", "models: [tiny, claude]")
        return try platform.context()
    }

    /// The rendered out/ as an operator reads it in Argo CD.
    struct Rendered {
        let files: [String]
        /// Application name by the folder under manifests/ its `spec.source.path` names.
        let applications: [String: String]

        init(_ context: RenderContext) throws {
            let artifacts = try RenderPipeline.render(context.facts)
            files = artifacts.map(\.path)
            var applications: [String: String] = [:]
            for artifact in artifacts where artifact.path.hasPrefix("applications/") {
                let lines = String(decoding: artifact.bytes, as: UTF8.self).split(separator: "\n")
                let name = try #require(lines.first { $0.hasPrefix("  name: ") }).dropFirst("  name: ".count)
                let path = try #require(lines.first { $0.hasPrefix("    path: ") }).dropFirst("    path: ".count)
                let folder = try #require(path.split(separator: "/").last)
                #expect(path.hasSuffix("manifests/\(folder)"), "\(artifact.path): \(path)")
                applications[String(folder)] = String(name)
            }
            self.applications = applications
        }

        /// The Application whose folder holds a file named `file` (anywhere below it), when exactly one does.
        func application(holding file: String) -> String? {
            let folders = Set(
                files.compactMap { path -> String? in
                    let parts = path.split(separator: "/")
                    return parts.count > 2 && parts[0] == "manifests" && parts.last == Substring(file) ? String(parts[1]) : nil
                })
            return folders.count == 1 ? folders.first.flatMap { applications[$0] } : nil
        }
    }

    @Test func eachRowAndCardNamesTheApplicationThatSyncsIt() throws {
        let context = try Self.sharded()
        let view = CatalogViewTests.view(context)
        let rendered = try Rendered(context)
        let models = ["haiku": "claude", "huge": "huge", "large": "large", "medium": "medium", "small": "small", "tiny": "tiny"]
        #expect(view.rows.map(\.name) == models.keys.sorted())
        for row in view.rows {
            let file = row.gpuClass == CatalogView.hostedClass ? "configmap.litellm-config.yaml" : "deployment.\(models[row.name]!).yaml"
            let syncing = try #require(rendered.application(holding: file), "\(row.name): no one Application holds \(file)")
            #expect(row.application == syncing, "\(row.name)")
            // The free-text filter finds the names an out-of-sync Application holds.
            #expect(row.search.split(separator: " ").contains(Substring(syncing)), "\(row.search)")
        }
        for card in view.tenants {
            let syncing = try #require(rendered.application(holding: "namespace.\(card.name).yaml"), "\(card.name)")
            #expect(card.application == syncing, "\(card.name)")
        }
        // The platform spreads over more than one shard of each kind, or this proves little.
        let served = view.rows.filter { $0.gpuClass != CatalogView.hostedClass }
        #expect(Set(served.map(\.application)).count > 1, "\(served.map(\.application))")
        #expect(Set(view.tenants.map(\.application)).count > 1, "\(view.tenants.map(\.application))")
        #expect(view.rows.first { $0.name == "haiku" }?.application == "mini-litellm")
    }

    /// The page puts the name under the row's replicas (as it puts the concurrency under the VRAM:
    /// a column more would not fit a laptop's width) and on the card; the Markdown in its tables.
    @Test func pageAndMarkdownShowIt() throws {
        let view = CatalogViewTests.view(try RenderTestPlatform.embeddedDefault().context())
        let llama = try #require(view.rows.first { $0.name == "llama-3.1-8b-instruct" })
        #expect(llama.application == "lab-serving-000")
        #expect(view.tenants.map(\.application) == Array(repeating: "lab-tenants-000", count: view.tenants.count))
        let page = CatalogPage.html(view)
        #expect(
            page.contains(
                "<td data-label=\"Replicas\">1 warm, up to 2<span class=\"small application\">Argo&nbsp;CD: lab-serving-000</span></td>"))
        #expect(page.contains("<dt>Argo CD</dt><dd class=\"application\">lab-tenants-000</dd>"))
        let markdown = CatalogMarkdown.markdown(view)
        #expect(markdown.contains("| Replicas | Argo CD | Tenants |"))
        #expect(markdown.contains("| \(llama.replicas) | lab-serving-000 | \(llama.tenantsText) |"))
        #expect(markdown.contains("| GPU quota | Argo CD | May call |"))
        let search = try #require(view.tenants.first { $0.name == "search" })
        #expect(markdown.contains("| \(search.quotaText) | lab-tenants-000 | \(search.namesText) |"))
    }

    /// A hosted model's names are in the LiteLLM config: the LiteLLM Application syncs them.
    @Test func aHostedModelNamesTheLiteLLMApplication() throws {
        let view = CatalogViewTests.view(try LiteLLMPlannerTests.withHostedModel())
        #expect(view.rows.map(\.application) == ["mini-litellm", "mini-litellm", "mini-serving-000"])
        #expect(view.tenants.map(\.application) == ["mini-tenants-000"])
    }
}
