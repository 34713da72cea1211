import PlatcFacts
import PlatcSpec

/// What the catalog says, computed once from the checked Spec: the page and the Markdown show the
/// same facts, and the numbers are the ones the checks proved (fit estimates, GPU pools, the
/// timeout ladder), never recomputed here.
struct Catalog {
    /// One name a tenant can call: a model's alias or a LoRA adapter, served here or hosted.
    struct Entry {
        let name: CallableName
        let runs: Runs

        var model: any OfferedModel {
            switch runs {
            case .served(let facts): facts.model
            case .hosted(let facts): facts.model
            }
        }

        var modelName: String {
            switch runs {
            case .served(let facts): facts.model.name.value
            case .hosted(let facts): facts.model.name.value
            }
        }
    }

    /// Where the name's model runs: on a GPU class under vLLM, or at its provider. The facts are
    /// classes: an entry per name holds references, not copies of the model.
    enum Runs {
        case served(ModelFacts)
        case hosted(HostedModelFacts)
    }

    struct TenantSummary {
        let tenant: Tenant
        /// The names it may call, in catalog order.
        let names: [String]
    }

    let platform: Platform
    let entries: [Entry]
    let tenants: [TenantSummary]
    let pools: [GPUPool]
    let ladder: TimeoutLadder
    let sourceDigest: SourceDigest
    /// Every source file, config.json files included (the VRAM figures come from them): the
    /// catalog shows something of each.
    let sources: [String]
    /// The render's context, for what the view derives from the facts: the Argo CD Application
    /// that syncs each model's and tenant's objects.
    let context: RenderContext

    init(_ context: RenderContext) {
        self.context = context
        let spec = context.spec
        platform = spec.platform
        let served = context.facts.allModels.flatMap { facts in facts.callableNames.map { Entry(name: $0, runs: .served(facts)) } }
        let hosted = context.facts.hostedModels.flatMap { facts in facts.callableNames.map { Entry(name: $0, runs: .hosted(facts)) } }
        // Served and hosted names together, models by name (each model's names in their order).
        let entries =
            hosted.isEmpty
            ? served
            : (served + hosted).enumerated().sorted { a, b in
                a.element.modelName != b.element.modelName ? a.element.modelName < b.element.modelName : a.offset < b.offset
            }.map(\.element)
        self.entries = entries
        // One pass over the names, not one per tenant: fleets have thousands of tenants.
        var namesByTenant: [String: [String]] = [:]
        for entry in entries {
            for tenant in entry.name.tenants { namesByTenant[tenant, default: []].append(entry.name.name) }
        }
        tenants = spec.tenants.map { TenantSummary(tenant: $0, names: namesByTenant[$0.name.value] ?? []) }
        pools = context.facts.pools
        ladder = context.facts.ladder
        sourceDigest = spec.sourceDigest
        sources =
            [context.platformSource] + spec.gpuClasses.map(\.span.start.file) + spec.tenants.map(\.span.start.file)
            + spec.models.flatMap { [$0.span.start.file, $0.config.path] } + spec.hostedModels.map(\.span.start.file)
    }
}
