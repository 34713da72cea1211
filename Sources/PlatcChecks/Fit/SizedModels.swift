import PlatcFacts
import PlatcSpec

/// Which models the per-model fit rules look at, read from the facts in the Spec's order. Each
/// problem is reported once, by its own rule, and the rules after it skip the model:
///
/// 1. A model whose GPU class does not resolve is `ref/unknown-gpu-class`'s: no fit rule sees it.
/// 2. A model whose tensorParallel cannot run on its class (`fit/tp-node`, `fit/tp-heads`) is
///    skipped by every rule below.
/// 3. A model platc cannot size is `fit/unknown-architecture`'s (an unknown GPU product is
///    `fit/unknown-gpu`'s, once per class) and is skipped by the rules that read a fit.
///
/// Each rule asks for the gate it needs; they are cheap (the fits are the facts'). `fit/pod-resources`
/// and `fit/node-resources` read every model's pod size and pass no gate.
enum SizedModels {
    /// The models on a GPU class that resolves, with that class: what `fit/tp-node` and `fit/tp-heads` check.
    static func placed(_ facts: Facts) -> [(facts: ModelFacts, gpuClass: GPUClass)] {
        facts.allModels.compactMap { model in model.gpuClass.map { (model, $0) } }
    }

    /// The models past gates 1 and 2 that platc cannot size, with why: what `fit/unknown-architecture` reports.
    static func unsizable(_ facts: Facts) -> [(model: Model, problem: ModelFit.Problem)] {
        runnable(facts).compactMap { entry in
            guard case .failure(let problem) = entry.sizing else { return nil }
            return (entry.model, problem)
        }
    }

    /// The fits of the models past every gate: what the other per-model fit rules,
    /// `fit/time-slicing` and `timeout/startup-probe` read.
    static func fits(_ facts: Facts) -> [ModelFit] {
        runnable(facts).compactMap { try? $0.sizing.get() }
    }

    /// Whether the model's tensorParallel runs on its class: neither `fit/tp-node` nor `fit/tp-heads` fires.
    static func tensorParallelRuns(_ model: ModelFacts, on gpuClass: GPUClass) -> Bool {
        !TPNode.exceedsNode(model.model, gpuClass) && TPHeads.problem(of: model) == nil
    }

    /// The models past gates 1 and 2, with their sizing.
    private static func runnable(_ facts: Facts) -> [(model: Model, sizing: Result<ModelFit, ModelFit.Problem>)] {
        placed(facts).compactMap { placed in
            guard let sizing = placed.facts.sizing, tensorParallelRuns(placed.facts, on: placed.gpuClass) else { return nil }
            return (placed.facts.model, sizing)
        }
    }
}
