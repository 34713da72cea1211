import PlatcFacts
import PlatcSpec

/// The size budget of one Application (docs/render-argocd.md, "The size budget"): Argo CD keeps
/// every object's status inside its Application, and etcd refuses an object over 1.5 MiB;
/// Applications of about 3,000 objects are reported to fail (argo-cd#14486).
enum ApplicationSize {
    static let maxObjects = 1_500
    static let maxStatusBytes = 512 * 1_024

    static let rule = Rule.limitArgoCDApplicationSize

    /// One finding per kind of shard (tenants, serving) with an Application over budget, and one
    /// for the foundation or LiteLLM, which no shard count divides.
    static func diagnostics(_ context: RenderContext, sizes: [ApplicationPart: Size], units: [PlacedUnit]) -> [Diagnostic] {
        let over = sizes.filter { !$0.value.fits }.keys.sorted()
        guard !over.isEmpty else { return [] }
        let layout = context.facts.applications
        let shards = context.platform.argocd.shards
        var found: [Diagnostic] = []
        for group in Group.allCases {
            let groupOver = over.filter { group.contains($0) }
            guard let largest = groupOver.max(by: { sizes[$0]!.objects < sizes[$1]!.objects }) else { continue }
            let size = sizes[largest]!
            let name = ArgoCDApplication.name(of: largest, context)
            let others = groupOver.count > 1 ? " (and \(Plural.counted(groupOver.count - 1, "other Application")))" : ""
            let message =
                "Application '\(name)'\(others) would sync \(Figures.grouped(size.objects)) objects with about "
                + "\(kib(size.estimatedStatusBytes)) of status, over Argo CD's budget of \(Figures.grouped(maxObjects)) objects and "
                + "\(kib(maxStatusBytes)) per Application"
            switch group {
            case .foundation:
                found.append(
                    Diagnostic(
                        .error, rule: rule, message + ": its objects are the platform's shared ones, which no shard count divides",
                        at: context.platform.argocd.shards.span,
                        hint: Diagnostic.noSingleValue("split the platform into several roots, each with its own out/ and Applications")))
            case .tenants, .serving:
                let (key, current, written) =
                    group == .tenants
                    ? ("tenants", layout.tenantShards, shards.tenants) : ("serving", layout.servingShards, shards.serving)
                let span =
                    written?.span
                    ?? shards.span.standingIn(
                        path: "argocd.shards", key: key, defaultText: "\(current), one per \(group.unitsPerShard)")
                let owners = ownerSizes(units.filter { group.contains($0.part) })
                let detail = message + " (\(Plural.counted(current, "\(group.kind) shard")))"
                if let passing = passingShards(owners, from: current + 1, layout: layout) {
                    found.append(
                        Diagnostic(
                            .error, rule: rule, detail, at: span,
                            hint: "\(key): \(passing) keeps every \(group.kind) Application within the budget "
                                + "(argocd.shards; moving objects between Applications: docs/render-argocd.md)"))
                } else {
                    found.append(
                        Diagnostic(
                            .error, rule: rule, detail, at: span,
                            hint: Diagnostic.noSingleValue(
                                "one \(group.unit) alone is over the budget, or no shard count up to \(ArgoCDShardLimits.maximum) "
                                    + "spreads them; split the platform into several roots")))
                }
            }
        }
        return found
    }

    /// The smallest shard count from `start` on whose every Application fits.
    static func passingShards(_ owners: [PlanOwner: Size], from start: Int, layout: ApplicationLayout) -> Int? {
        guard owners.values.allSatisfy(\.fits), start <= ArgoCDShardLimits.maximum else { return nil }
        for shards in start...ArgoCDShardLimits.maximum {
            var bins = [Size](repeating: Size(), count: shards)
            for (owner, size) in owners {
                let part = layout.part(of: owner, tenantShards: shards, servingShards: shards)
                switch part {
                case .tenants(let bin), .serving(let bin): bins[bin].add(size)
                case .foundation, .litellm: break
                }
            }
            if bins.allSatisfy(\.fits) { return shards }
        }
        return nil
    }

    /// A model's objects come from two units (serving and routing): each owner's together.
    static func ownerSizes(_ units: [PlacedUnit]) -> [PlanOwner: Size] {
        var sizes: [PlanOwner: Size] = [:]
        for unit in units { sizes[unit.owner, default: Size()].add(unit.size) }
        return sizes
    }

    /// "512 KiB": whole KiB, rounded up.
    static func kib(_ bytes: Int) -> String { Figures.grouped((bytes + 1_023) / 1_024) + " KiB" }

    /// Objects and estimated status bytes of an Application, or of the objects of one owner.
    struct Size {
        var objects = 0
        /// The objects' entries, without the Application's fixed part.
        var statusBytes = 0

        init() {}

        mutating func add(_ object: KubeObject) {
            objects += 1
            statusBytes += ApplicationStatusEstimate.bytes(of: object)
        }

        mutating func add(_ other: Size) {
            objects += other.objects
            statusBytes += other.statusBytes
        }

        /// The whole status of an Application syncing these objects.
        var estimatedStatusBytes: Int { statusBytes + ApplicationStatusEstimate.fixedBytes }

        var fits: Bool { objects <= maxObjects && estimatedStatusBytes < maxStatusBytes }
    }

    /// The kinds of Application a finding can name.
    enum Group: CaseIterable {
        case foundation, tenants, serving

        func contains(_ part: ApplicationPart) -> Bool {
            switch (self, part) {
            case (.foundation, .foundation), (.foundation, .litellm), (.tenants, .tenants), (.serving, .serving): true
            default: false
            }
        }

        var unit: String { self == .tenants ? "tenant" : "model" }
        /// The Applications' kind in messages: "tenant", "serving".
        var kind: String { self == .tenants ? "tenant" : "serving" }
        var unitsPerShard: String {
            self == .tenants
                ? "\(ArgoCDShardLimits.tenantsPerShard) tenants" : "\(ArgoCDShardLimits.modelsPerShard) served models"
        }
    }
}
