import PlatcChecks
import PlatcSpec
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// What the catalog says, on the minimal platform with adapters and on the embedded default.
@Suite struct CatalogViewTests {
    static func view(_ context: RenderContext) -> CatalogView { CatalogView(Catalog(context)) }

    @Test func oneRowPerAliasAndAdapterWithItsTenants() throws {
        let view = Self.view(try LiteLLMPlannerTests.withAdapters())
        #expect(view.rows.map(\.name) == ["tiny", "tiny-sql", "tone-lora"])
        // The base model is the id vLLM serves, not platc's name for the model.
        let served = "Qwen/Qwen2.5-0.5B-Instruct"
        #expect(view.rows.map(\.base) == [served, "LoRA sql-lora on \(served)", "LoRA tone-lora on \(served)"])
        #expect(view.rows.map(\.tenants) == [["other", "team"], ["team"], ["other"]])
        #expect(view.rows.map(\.tenantList) == ["other team", "team", "other"])
        #expect(view.tenants.map(\.name) == ["other", "team"])
        #expect(view.tenants.map(\.names) == [["tiny", "tone-lora"], ["tiny", "tiny-sql"]])
    }

    /// The default's numbers are the checks' numbers: pools, shares of the rate limit, prices.
    @Test func defaultPlatformFacts() throws {
        let view = Self.view(try RenderTestPlatform.embeddedDefault().context())
        let llama = try #require(view.rows.first { $0.name == "llama-3.1-8b-instruct" })
        #expect(llama.gpuClass == "h100" && llama.gpu == "h100 × 1" && llama.context == "16,384")
        #expect(llama.base == "meta-llama/Llama-3.1-8B-Instruct")
        #expect(llama.concurrencyText == "max concurrency \(llama.concurrency) at 16,384 tokens")
        #expect(llama.rpm == "400" && llama.tpm == "666,667")  // 1200 rpm, 2,000,000 tpm over 3 names
        #expect(llama.priceIn == "$0.10" && llama.priceOut == "$0.20")
        #expect(llama.replicas == "1 warm, up to 2")
        let coder = try #require(view.rows.first { $0.name == "qwen2.5-coder-7b-instruct" })
        #expect(coder.rpm == nil)
        let h100 = try #require(view.capacities.first { $0.name == "h100" })
        #expect([h100.capacity, h100.nominal, h100.floor, h100.peak] == ["8", "3", "4", "7"])
        // 3 + 4 + 3 = 10 GPUs on a scale of 10: the line sits at 8.
        #expect(h100.bar.segments.map(\.width) == ["30.00", "40.00", "30.00"])
        #expect(h100.bar.segments.map(\.x) == ["0.00", "30.00", "70.00"])
        #expect(h100.bar.marker == "80.00")
        // Peak 7 fits the 8 GPUs, but 7 + 3 quota GPUs do not: by design, not a warning.
        #expect(h100.note == "At max replicas serving takes 2 of the tenants' 3 quota GPUs: its higher priority preempts batch pods.")
        #expect(h100.noteClass == "muted")
        #expect(view.statuses == ["preview", "ga"])
        #expect(view.gpuClasses == ["h100", "l4"])
    }

    /// A hosted model's names: its provider's model as the base, no GPU, no replicas, and "hosted"
    /// in the GPU-class filter; the counts agree with their numbers.
    @Test func hostedRowsAndCounts() throws {
        let view = Self.view(try LiteLLMPlannerTests.withHostedModel())
        #expect(view.rows.map(\.name) == ["claude-haiku", "haiku", "tiny"])
        let haiku = view.rows[0]
        #expect(haiku.base == "claude-haiku-4-5 (anthropic)" && haiku.gpu == "hosted by anthropic" && haiku.gpuClass == "hosted")
        #expect(haiku.vram == nil && haiku.concurrencyText == nil && haiku.replicas == "hosted")
        #expect(haiku.rpm == "51" && haiku.priceOut == "$5.00" && haiku.tenants == ["team"])
        #expect(view.gpuClasses == ["a10", "hosted"])
        #expect(view.counts == "3 names on 2 models · 1 tenant · 1 GPU class")
        #expect(view.tenants.map(\.names) == [["claude-haiku", "haiku", "tiny"]])
    }

    /// weights + KV cache + overhead + headroom is the whole GPU.
    @Test func vramBarCoversTheGPU() throws {
        let view = Self.view(try RenderTestPlatform.embeddedDefault().context())
        for row in view.rows {
            let bar = try #require(row.vram, "\(row.name)")
            let total = bar.segments.compactMap { Double($0.width) }.reduce(0, +)
            #expect(abs(total - 100) < 0.05, "\(row.name): \(total)")
            #expect(bar.segments.map(\.kind) == ["weights", "kv", "overhead", "headroom"])
        }
    }

    /// The router's rung is its worst case, what `timeout/*` compares with the gateway; the
    /// inference gateway's rung sits between it and the engine (the default routes through it).
    @Test func timeoutLadder() throws {
        let context = try RenderTestPlatform.embeddedDefault().context()
        let view = Self.view(context)
        let ladder = TimeoutLadder(context.platform)
        #expect(view.ladder.map(\.layer) == ["client", "gateway", "router", "inference gateway", "engine"])
        #expect(view.ladder[3].value == "1 m 55 s")
        #expect(view.ladder[2].value == Duration(milliseconds: ladder.routerWorstCase).spoken)
        #expect(view.ladder[2].bar.segments.map(\.kind) == Array(repeating: "attempt", count: Int(ladder.routerAttempts)) + ["backoff"])
        #expect(view.ladder[0].bar.segments.map(\.width) == ["100.00"])
        // Direct mode has no such rung.
        #expect(Self.view(try RenderTestPlatform().context()).ladder.map(\.layer) == ["client", "gateway", "router", "engine"])
    }

    /// Serving beyond the class is what `quota/max-replicas` warns about: the page warns too.
    @Test func servingBeyondTheClassIsAWarning() throws {
        var platform = try RenderTestPlatform()
        platform.edit("models/tiny.yaml", "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n  replicas: {min: 1, max: 3}\n")
        let a10 = try #require(Self.view(try platform.context()).capacities.first)
        #expect(a10.note == "At max replicas serving alone needs 3 of 2 GPUs: the replicas above that stay Pending.")
        #expect(a10.noteClass == "warn")
    }

    @Test func tenantWithNoModelSaysSo() throws {
        var platform = try RenderTestPlatform()
        platform.addTenant("idle")
        let view = Self.view(try platform.context())
        let idle = try #require(view.tenants.first { $0.name == "idle" })
        #expect(idle.names.isEmpty && !idle.hasNames && idle.namesText == "none")
        let page = CatalogPage.html(view)
        #expect(page.contains("<article class=\"tenant\" data-tenant=\"idle\">"))
        #expect(page.contains("no model yet"))
    }
}
