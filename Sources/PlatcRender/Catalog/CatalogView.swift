import PlatcFacts
import PlatcSpec

/// The catalog as display strings, the one value both writers (`CatalogPage`, `CatalogMarkdown`)
/// read. The writers only lay the strings out, so every decision (what a cell says, a bar's
/// geometry) is made here, where it is tested.
struct CatalogView {
    struct Row {
        let name: String
        /// The id vLLM serves (usually the Hugging Face id), "LoRA <adapter> on <id>", or
        /// "<provider model> (<provider>)".
        let base: String
        let status: String
        let owner: String
        /// The GPU-class filter's value: the class, or "hosted".
        let gpuClass: String
        /// "l4 × 1" (class × tensor parallel), or "hosted by anthropic".
        let gpu: String
        let context: String
        let vram: CatalogBar?
        /// "weights 15.02 · KV cache 52.10 · overhead 5.31 of 79.19 GiB per GPU".
        let vramText: String
        /// vLLM's maximum concurrency at full context, e.g. "12.34".
        let concurrency: String
        /// "max concurrency 12.34 at 8,192 tokens"; nil for a hosted model.
        let concurrencyText: String?
        /// `ReplicaPlan.description`: "1 warm, up to 3", "parked"; "hosted".
        let replicas: String
        /// The Argo CD Application that syncs where the name runs: the model's serving shard
        /// (`lab-serving-000`: its Deployment, Service, …), or for a hosted model the LiteLLM
        /// one (`lab-litellm`: the config that holds it).
        let application: String
        let tenants: [String]
        /// Space-separated, for the filter's `data-tenants`.
        let tenantList: String
        /// Comma-separated, or "none", for Markdown.
        let tenantsText: String
        let rpm: String?
        let tpm: String?
        let priceIn: String
        let priceOut: String
        let description: String
        /// Lower-cased text the free-text filter matches.
        let search: String
    }

    struct Quota {
        let gpuClass: String
        let nominal: String
        let borrowing: String
    }

    struct TenantCard {
        let name: String
        let displayName: String
        let budget: String
        let period: String
        let rpm: String
        let tpm: String
        let priority: String
        /// The Argo CD Application that syncs the tenant's namespace objects and ClusterQueue:
        /// its tenant shard's (`lab-tenants-007`).
        let application: String
        let quotas: [Quota]
        /// The quotas and names in one line each, for Markdown.
        let quotaText: String
        let names: [String]
        let namesText: String
        /// Whether the page lists the names (the card's `<ul>`).
        let hasNames: Bool
    }

    struct Capacity {
        let name: String
        let product: String
        let capacity: String
        let nominal: String
        let floor: String
        let peak: String
        let bar: CatalogBar
        /// What serving at max replicas does to the class, when it goes beyond it or into the
        /// tenants' quotas; `noteClass` is `warn` only for the first, which `quota/max-replicas`
        /// warns about. The second is by design (docs/checks-quota.md): serving's PriorityClass
        /// ranks above batch, so its burst preempts batch pods.
        let note: String?
        let noteClass: String
    }

    struct Rung {
        let layer: String
        let value: String
        let detail: String
        let bar: CatalogBar
    }

    let title: String
    let description: String?
    /// How tenants call a name: the gateway's host, LiteLLM's in-cluster URL.
    let gatewayHost: String
    let inClusterURL: String
    let counts: String
    let rows: [Row]
    let tenants: [TenantCard]
    let statuses: [String]
    let gpuClasses: [String]
    let capacities: [Capacity]
    let ladder: [Rung]
    let digest: String
    let fileCount: String

    init(_ catalog: Catalog) {
        title = catalog.platform.name.value
        description = catalog.platform.description?.value
        gatewayHost = catalog.platform.gateway.hostname.value
        inClusterURL = LiteLLMNames.proxyURL(catalog.platform)
        let context = catalog.context
        let rows = catalog.entries.map { Self.row($0, context) }
        self.rows = rows
        tenants = catalog.tenants.map { Self.card($0, context) }
        statuses = Model.Status.allCases.map(\.rawValue).filter { status in rows.contains { $0.status == status } }
        gpuClasses = Array(Set(rows.map(\.gpuClass))).sorted()
        capacities = catalog.pools.map(Self.capacity)
        ladder = Self.rungs(catalog.ladder)
        digest = catalog.sourceDigest.value
        fileCount = Figures.grouped(catalog.sourceDigest.fileCount)
        let models = Set(catalog.entries.map(\.modelName)).count
        counts = [
            Plural.counted(rows.count, "name") + " on " + Plural.counted(models, "model"), Plural.counted(tenants.count, "tenant"),
            Plural.counted(capacities.count, "GPU class", plural: "GPU classes"),
        ].joined(separator: " · ")
    }

    private static func row(_ entry: Catalog.Entry, _ context: RenderContext) -> Row {
        let model = entry.model
        let tenants = entry.name.tenants
        let place = Place(entry)
        let application = application(of: place.owner, context)
        let searchable =
            [
                entry.name.name, place.base, model.status.value.rawValue, model.owner.value, place.gpuClass, model.description.value,
                application,
            ] + place.words
        return Row(
            name: entry.name.name, base: place.base, status: model.status.value.rawValue, owner: model.owner.value,
            gpuClass: place.gpuClass, gpu: place.gpu, context: place.context, vram: place.vram, vramText: place.vramText,
            concurrency: place.concurrency, concurrencyText: place.concurrencyText, replicas: place.replicas,
            application: application, tenants: tenants,
            tenantList: tenants.joined(separator: " "), tenantsText: tenants.isEmpty ? "none" : tenants.joined(separator: ", "),
            rpm: entry.name.rpm.map { Figures.grouped($0) },
            tpm: entry.name.tpm.map { Figures.grouped($0) }, priceIn: Figures.dollars(model.pricing.inputPerMillion.value),
            priceOut: Figures.dollars(model.pricing.outputPerMillion.value), description: model.description.value,
            search: (searchable + tenants).joined(separator: " ").lowercased())
    }

    /// The cells that depend on where the name's model runs: a GPU class under vLLM, or a provider.
    private struct Place {
        var base: String
        var gpuClass: String
        var gpu: String
        var context: String
        var vram: CatalogBar?
        var vramText: String
        var concurrency: String
        var concurrencyText: String?
        var replicas: String
        /// Whose objects carry the name to the cluster: the served model's own, or LiteLLM's
        /// config for a hosted one.
        var owner: PlanOwner
        /// More words the free-text filter matches.
        var words: [String]

        init(_ entry: Catalog.Entry) {
            switch entry.runs {
            case .served(let facts):
                // The base model is the id vLLM serves (usually the Hugging Face id); an adapter's, the one it runs on.
                let serving = facts.model.serving, served = facts.model.servedName.value
                let fit = facts.fit?.estimate, replicas = facts.replicas
                base = entry.name.adapter.map { "LoRA \($0) on \(served)" } ?? served
                gpuClass = serving.gpuClass.value
                gpu = "\(serving.gpuClass.value) × \(serving.tensorParallel.value)"
                context = Figures.grouped(serving.maxModelLen.value)
                vram = fit.map(CatalogView.vramBar)
                vramText = fit.map(CatalogView.vramText) ?? "no estimate"
                concurrency = fit.map { $0.concurrency.description } ?? "?"
                concurrencyText = "max concurrency \(concurrency) at \(context) tokens"
                self.replicas = replicas.description
                owner = .model(facts.model.name.value)
                words = replicas.mode == .parked ? ["parked"] : []
            case .hosted(let facts):
                let provider = facts.model.provider
                base = "\(provider.model.value) (\(provider.name.value))"
                gpuClass = CatalogView.hostedClass
                gpu = "hosted by \(provider.name.value)"
                context = "the provider's"
                vram = nil
                vramText = "no GPU here: \(provider.name.value) serves it"
                concurrency = "the provider's"
                concurrencyText = nil
                replicas = "hosted"
                owner = .litellm
                words = [provider.name.value]
            }
        }
    }

    /// What the GPU-class filter calls hosted models.
    static let hostedClass = "hosted"

    /// The name of the Argo CD Application that syncs `owner`'s objects, from the layout the
    /// render places them by (docs/render-argocd.md), so the catalog names the Application an
    /// operator finds them in.
    static func application(of owner: PlanOwner, _ context: RenderContext) -> String {
        ArgoCDApplication.name(of: context.facts.applications.part(of: owner), context)
    }

    /// Overhead: what vLLM keeps besides weights and KV cache inside its budget; the rest of the
    /// GPU (1 − gpuMemoryUtilization) is headroom it never touches.

    static func vramBar(_ fit: FitEstimate) -> CatalogBar {
        CatalogBar(
            total: fit.visibleGiB,
            parts: [
                ("weights", fit.weightsGiB, "weights \(fit.weights) GiB"),
                ("kv", max(0, fit.kvCacheGiB), "KV cache \(fit.kvCache) GiB"),
                ("overhead", fit.overheadGiB, "overhead \(fit.overhead) GiB"),
                (
                    "headroom", fit.visibleGiB - fit.budgetGiB,
                    "outside vLLM's budget \(FitEstimate.gib(fit.visibleGiB - fit.budgetGiB)) GiB"
                ),
            ], summary: vramText(fit))
    }

    static func vramText(_ fit: FitEstimate) -> String {
        "weights \(fit.weights) · KV cache \(fit.kvCache) · overhead \(fit.overhead) of \(fit.visible) GiB per GPU"
    }

    private static func card(_ summary: Catalog.TenantSummary, _ context: RenderContext) -> TenantCard {
        let tenant = summary.tenant
        let quotas = tenant.gpuQuota.sorted { $0.gpuClass.value < $1.gpuClass.value }.map {
            Quota(gpuClass: $0.gpuClass.value, nominal: String($0.quota.nominal.value), borrowing: String($0.quota.borrowingLimit.value))
        }
        return TenantCard(
            name: tenant.name.value, displayName: tenant.displayName?.value ?? tenant.name.value,
            budget: Figures.dollars(tenant.budget.usd.value), period: tenant.budget.period.value,
            rpm: Figures.grouped(tenant.rateLimits.rpm.value), tpm: Figures.grouped(tenant.rateLimits.tpm.value),
            priority: tenant.priority.value.rawValue, application: application(of: .tenant(tenant.name.value), context),
            quotas: quotas,
            quotaText: quotas.isEmpty
                ? "none" : quotas.map { "\($0.gpuClass): \($0.nominal) + \($0.borrowing) borrowed" }.joined(separator: "; "),
            names: summary.names, namesText: summary.names.isEmpty ? "none" : summary.names.joined(separator: ", "),
            hasNames: !summary.names.isEmpty)
    }

    /// Tenant quotas, the serving warm floor, then serving's burst to max replicas, end to end
    /// against the class's capacity (the marker), the sums the quota checks bound.
    private static func capacity(_ pool: GPUPool) -> Capacity {
        let burst = pool.peak - pool.warmFloor
        let needed = pool.nominal + pool.peak
        let summary =
            "\(Plural.counted(pool.capacity, "GPU")): tenant quotas \(pool.nominal), serving warm floor \(pool.warmFloor), serving at max replicas \(pool.peak)"
        return Capacity(
            name: pool.name, product: pool.gpuClass.product.value, capacity: String(pool.capacity), nominal: String(pool.nominal),
            floor: String(pool.warmFloor), peak: String(pool.peak),
            bar: CatalogBar(
                total: Double(max(pool.capacity, needed, 1)),
                parts: [
                    ("quota", Double(pool.nominal), "tenant quotas \(Plural.counted(pool.nominal, "GPU"))"),
                    ("floor", Double(pool.warmFloor), "serving warm floor \(Plural.counted(pool.warmFloor, "GPU"))"),
                    ("burst", Double(burst), "serving up to max replicas +\(Plural.counted(burst, "GPU"))"),
                ], marker: Double(pool.capacity), summary: summary),
            note: note(pool), noteClass: pool.peak > pool.capacity ? "warn" : "muted")
    }

    private static func note(_ pool: GPUPool) -> String? {
        if pool.peak > pool.capacity {
            return
                "At max replicas serving alone needs \(pool.peak) of \(Plural.counted(pool.capacity, "GPU")): the replicas above that stay Pending."
        }
        let intoQuotas = pool.nominal + pool.peak - pool.capacity
        guard intoQuotas > 0 else { return nil }
        return
            "At max replicas serving takes \(intoQuotas) of the tenants' \(pool.nominal) quota \(Plural.noun(pool.nominal, "GPU")): its higher priority preempts batch pods."
    }

    /// client > gateway > router (every attempt to its timeout, plus backoff) > inference gateway
    /// (in that routing mode) > engine, each bar on the client's scale.
    private static func rungs(_ ladder: TimeoutLadder) -> [Rung] {
        let scale = Double(max(ladder.client, ladder.gateway, ladder.routerWorstCase, 1))
        func single(_ kind: String, _ value: Int64) -> CatalogBar {
            CatalogBar(total: scale, parts: [(kind, Double(value), spoken(value))], summary: spoken(value))
        }
        var attempts: [(kind: String, value: Double, label: String)] = []
        for attempt in 1...max(1, ladder.routerAttempts) {
            attempts.append(
                ("attempt", Double(ladder.routerTimeout), "attempt \(attempt): \(spoken(ladder.routerTimeout))"))
        }
        attempts.append(("backoff", Double(ladder.routerBackoff), "backoff \(spoken(ladder.routerBackoff))"))
        let router =
            "\(Plural.counted(ladder.routerAttempts, "attempt")) × \(spoken(ladder.routerTimeout)) + \(spoken(ladder.routerBackoff)) backoff"
        return [
            Rung(
                layer: "client", value: spoken(ladder.client), detail: "what clients should wait at most",
                bar: single("client", ladder.client)),
            Rung(
                layer: "gateway", value: spoken(ladder.gateway), detail: "HTTPRoute request timeout",
                bar: single("gateway", ladder.gateway)),
            Rung(
                layer: "router", value: spoken(ladder.routerWorstCase), detail: "LiteLLM worst case: \(router)",
                bar: CatalogBar(total: scale, parts: attempts, summary: router)),
        ]
            + (ladder.inferenceGateway.map { rung in
                [
                    Rung(
                        layer: "inference gateway", value: spoken(rung), detail: "the model's HTTPRoute, per attempt",
                        bar: single("inference", rung))
                ]
            } ?? [])
            + [
                Rung(
                    layer: "engine", value: spoken(ladder.engine), detail: "vLLM per request",
                    bar: single("engine", ladder.engine))
            ]
    }
}

extension CatalogView {
    /// A view from its parts, for tests that write views no platform could produce (hostile text
    /// in every field, empty lists, fields that disagree).
    init(
        title: String, description: String?, gatewayHost: String, inClusterURL: String, counts: String, rows: [Row],
        tenants: [TenantCard], statuses: [String], gpuClasses: [String], capacities: [Capacity], ladder: [Rung], digest: String,
        fileCount: String
    ) {
        self.title = title
        self.description = description
        self.gatewayHost = gatewayHost
        self.inClusterURL = inClusterURL
        self.counts = counts
        self.rows = rows
        self.tenants = tenants
        self.statuses = statuses
        self.gpuClasses = gpuClasses
        self.capacities = capacities
        self.ladder = ladder
        self.digest = digest
        self.fileCount = fileCount
    }
}
