import PlatcFacts
import PlatcSpec

/// `fit/*`: every model proven to fit its GPU class under vLLM's memory accounting.
public enum FitChecks: Check {
    public static let rules: [Rule] = [
        .fitDoesNotFit, .fitLowConcurrency, .fitTPHeads, .fitTPNode, .fitUtilizationHigh, .fitTimeSlicing, .fitMaxModelLen,
        .fitUnknownArchitecture, .fitUnknownGPU, .fitNodeResources, .fitPodResources, .timeoutStartupProbe,
    ]

    public static func run(_ context: inout CheckContext) {
        let classes = context.spec.gpuClasses
        for gpuClass in classes { Rule.checkUnknownGPU(gpuClass, &context) }
        var fits: [ModelFit] = []
        for facts in context.facts.allModels {
            let model = facts.model
            guard let gpuClass = facts.gpuClass, let sizing = facts.sizing else { continue }
            guard Rule.checkTensorParallel(model, gpuClass, try? facts.architecture.get(), &context) else { continue }
            let fit: ModelFit
            switch sizing {
            case .success(let sized): fit = sized
            case .failure(let problem):
                reportUnsizable(problem, model, &context)
                continue
            }
            fits.append(fit)
            Rule.checkMaxModelLen(fit, &context)
            Rule.checkDoesNotFit(fit, classes: classes, &context)
            Rule.checkLowConcurrency(fit, &context)
            Rule.checkUtilization(fit, &context)
            Rule.checkStartupProbe(fit, &context)
        }
        Rule.checkTimeSlicing(fits, classes: classes, &context)
        for facts in context.facts.allModels { Rule.checkPodResources(facts.model, facts.pod, &context) }
        Rule.checkNodeResources(&context)
    }
}
