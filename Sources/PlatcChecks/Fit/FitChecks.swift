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
        for model in context.spec.models {
            guard let gpuClass = context.gpuClass(named: model.serving.gpuClass.value) else { continue }
            guard Rule.checkTensorParallel(model, gpuClass, &context) else { continue }
            let fit: ModelFit
            do {
                fit = try ModelFit(model: model, gpuClass: gpuClass)
            } catch {
                reportUnsizable(error, model, &context)
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
        let fitByName = Dictionary(fits.map { ($0.model.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let sizes = Dictionary(
            context.spec.models.map { ($0.name.value, PodResources.of($0, fit: fitByName[$0.name.value])) },
            uniquingKeysWith: { first, _ in first })
        for model in context.spec.models {
            if let size = sizes[model.name.value] { Rule.checkPodResources(model, size, &context) }
        }
        Rule.checkNodeResources(context.spec, sizes: sizes, &context)
    }
}
