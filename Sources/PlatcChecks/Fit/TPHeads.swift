import PlatcFacts
import PlatcSpec

public enum TPHeads: CheckRule {
    public static let rule = Rule(
        id: "fit/tp-heads",
        summary: "tensorParallel does not divide the model's attention heads (or its KV heads evenly).",
        rationale: "vLLM shards attention by heads and refuses to start when they do not split evenly across the ranks.",
        example: """
            models/llama.yaml
            serving: {tensorParallel: 3}   # 32 attention heads
            """,
        fix: "Use a tensorParallel from the hint's list.")

    public static func check(_ context: inout CheckContext) {
        for (facts, gpuClass) in SizedModels.placed(context.facts) {
            guard let architecture = try? facts.architecture.get() else { continue }
            let model = facts.model
            let tp = model.serving.tensorParallel
            guard let problem = Self.problem(architecture, Int(tp.value)) else { continue }
            let valid = (1...max(1, Int(gpuClass.gpusPerNode.value))).filter { Self.problem(architecture, $0) == nil }
            context.diagnostics.error(
                Self.rule, "tensorParallel \(tp.value) cannot shard '\(model.name.value)': \(problem)", at: tp.span,
                hint: hint(valid, requested: Int(tp.value)))
        }
    }

    /// The largest tensorParallel below the requested one that shards the model on its class's
    /// nodes, and the others that would.
    static func hint(_ valid: [Int], requested: Int) -> String {
        guard let best = valid.last(where: { $0 < requested }) ?? valid.last else {
            return Diagnostic.noSingleValue("no tensorParallel up to the class's gpusPerNode shards this model")
        }
        let others = valid.filter { $0 != best }
        return "tensorParallel: \(best)" + (others.isEmpty ? "" : " (also valid: \(others.map(String.init).joined(separator: ", ")))")
    }

    /// Why the model's tensorParallel cannot shard it, or nil (also when its config.json does not
    /// read: that is `fit/unknown-architecture`'s).
    static func problem(of model: ModelFacts) -> String? {
        guard let architecture = try? model.architecture.get() else { return nil }
        return problem(architecture, Int(model.model.serving.tensorParallel.value))
    }

    /// Why `tp` cannot shard `a`, or nil. KV heads must split evenly, or be replicated evenly.
    static func problem(_ a: ModelArchitecture, _ tp: Int) -> String? {
        if a.attentionHeads % tp != 0 { return "\(a.attentionHeads) attention heads do not split into \(tp) ranks" }
        if a.mla == nil, a.kvHeads % tp != 0, tp % a.kvHeads != 0 {
            return "\(a.kvHeads) KV heads neither split into nor replicate evenly over \(tp) ranks"
        }
        return nil
    }
}
