import PlatcFacts
import PlatcSpec

/// `fit/pod-resources` (a type named for its rule: `PodResources` is the facts' pod size).
public enum PodResourcesRule: CheckRule {
    public static let rule = Rule(
        id: "fit/pod-resources", severity: .warning,
        summary:
            "serving.resources gives a replica less CPU than one core per busy vLLM process, or less memory than vLLM's processes hold.",
        rationale:
            "Requests equal limits: below its processes' memory the container is OOM-killed (the seed platform's one OOM was host RAM while loading weights, not VRAM), and below a core per process the engine core's busy loop is throttled and every request slows. docs/node-sizing.md has the numbers and where they come from.",
        example: """
            models/coder.yaml
            serving:
              resources: {cpu: 1, memory: 4Gi}   # tensorParallel 1: at least 2 CPU and 6Gi
            """,
        fix: "Raise serving.resources to at least the hint's values, or remove the field to use the derived size.")

    /// Every model's pod size, whether or not platc could size its fit (`serving.resources` written, or derived).
    public static func check(_ context: inout CheckContext) {
        for facts in context.facts.allModels { check(facts.model, facts.pod, &context) }
    }

    private static func check(_ model: Model, _ size: PodResources, _ context: inout CheckContext) {
        guard let resources = model.serving.resources else { return }
        let name = model.name.value
        if let cpu = resources.cpu, size.cpuMillis < size.minimumCPUMillis {
            context.diagnostics.warning(
                Self.rule,
                "'\(name)' gives each replica \(size.cpuText) CPU, below one core per busy vLLM process (\(PodResources.cpuText(size.minimumCPUMillis)) CPU at tensorParallel \(size.gpus)): the engine core is throttled",
                at: cpu.span, hint: "cpu: \(PodResources.cpuText(size.minimumCPUMillis))")
        }
        if let memory = resources.memory, size.memoryBytes < size.minimumMemoryBytes {
            context.diagnostics.warning(
                Self.rule,
                "'\(name)' gives each replica \(size.memoryText), below the \(PodResources.memoryText(size.minimumMemoryBytes)) vLLM's processes hold at tensorParallel \(size.gpus): the container is OOM-killed",
                at: memory.span, hint: "memory: \(PodResources.memoryText(size.minimumMemoryBytes))")
        }
    }
}
