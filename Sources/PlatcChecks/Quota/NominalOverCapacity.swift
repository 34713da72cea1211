import PlatcFacts
import PlatcSpec

/// Σ tenants' nominal quota on a class ≤ its GPUs − the serving warm floor.
/// Not reported when the warm floor itself does not fit: that is the finding to fix first.
public enum NominalOverCapacity: CheckRule {
    public static let rule = Rule(
        id: "quota/nominal-over-capacity",
        summary: "The tenants' nominal Kueue GPU quota on a GPU class is more than the class has beside the serving warm floor.",
        rationale:
            "Kueue admits batch jobs up to their nominal quota without seeing the vLLM Deployments on the same nodes; quota the pool cannot hold admits jobs whose pods then stay Pending.",
        example: """
            tenants/research.yaml
            gpuQuota:
              l4: {nominal: 5}   # l4 has 6 GPUs and the models keep 2 warm: 4 are left
            """,
        fix: "Lower the tenants' nominal quota on the class, or add nodes to it.")

    public static func check(_ context: inout CheckContext) {
        for pool in context.facts.pools { check(pool, into: &context.diagnostics) }
    }

    private static func check(_ pool: GPUPool, into diagnostics: inout DiagnosticCollector) {
        let left = pool.capacity - pool.warmFloor
        guard left >= 0, pool.nominal > left else { return }
        var parts = Contributions()
        for batch in pool.batch where batch.quota.nominal.value > 0 {
            let nominal = batch.quota.nominal
            parts.add(
                nominal.value, "'\(batch.tenant.name.value)' holds \(Plural.counted(nominal.value, "GPU")) of nominal quota",
                at: nominal.span)
        }
        diagnostics.error(
            Self.rule, message(pool, left: left), at: pool.gpuClass.nodes.span,
            notes: parts.notes(noun: "tenant") { "\(Plural.counted($0, "GPU"))" },
            hint:
                "\(pool.raiseNodes(toFit: pool.warmFloor + pool.nominal)), or lower the tenants' nominal quota on '\(pool.name)' "
                + "by \(Plural.counted(pool.nominal - left, "GPU")) (to \(left) in total)")
    }

    // MARK: - Messages

    static func message(_ pool: GPUPool, left: Int64) -> String {
        "the tenants' nominal GPU quota on GPU class '\(pool.name)' adds up to \(Plural.counted(pool.nominal, "GPU")), "
            + "but the class has \(pool.capacityDescription) and the serving warm floor keeps \(pool.warmFloor), leaving \(left)"
    }
}
