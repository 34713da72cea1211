import PlatcFacts
import PlatcSpec

public enum TimeSlicing: CheckRule {
    public static let rule = Rule(
        id: "fit/time-slicing",
        summary: "Models that may share a time-sliced GPU claim more than all of its memory together.",
        rationale:
            "Time-slicing shares compute, not memory: every vLLM on the GPU takes its gpuMemoryUtilization share, and vLLM refuses to start when less than that is free.",
        example: """
            platform/gpu-classes/l4.yaml
            timeSlicing: {replicas: 2}     # two models at gpuMemoryUtilization 0.8 each
            """,
        fix:
            "Lower gpuMemoryUtilization of the models on the class so any `replicas` of them sum to at most 1, or stop time-slicing the class."
    )

    /// Any `replicas` slices of one GPU can land together; the largest shares are the worst case.
    /// Only the fits `SizedModels` lets through share a GPU here.
    public static func check(_ context: inout CheckContext) {
        let fits = SizedModels.fits(context.facts)
        for gpuClass in context.spec.gpuClasses {
            guard let slicing = gpuClass.timeSlicing else { continue }
            let sharing = fits.filter { $0.gpuClass.name.value == gpuClass.name.value }
            var shares: [(fraction: Int64, model: Model)] = []
            for fit in sharing {
                let slices = fit.model.serving.replicas.max.value * fit.model.serving.tensorParallel.value
                for _ in 0..<min(slices, slicing.replicas.value) {
                    shares.append((fit.model.serving.gpuMemoryUtilization.value.millionths, fit.model))
                }
            }
            let together = shares.sorted { $0.fraction > $1.fraction }.prefix(Int(slicing.replicas.value))
            let total = together.reduce(Int64(0)) { $0 + $1.fraction }
            guard total > 1_000_000 else { continue }
            var seen = Set<String>()
            let notes = together.compactMap { share -> Diagnostic.Note? in
                guard seen.insert(share.model.name.value).inserted else { return nil }
                return Diagnostic.Note(
                    "'\(share.model.name.value)' claims \(share.model.serving.gpuMemoryUtilization.value) of a GPU",
                    at: share.model.serving.gpuMemoryUtilization.span)
            }
            let each = Fraction(millionths: 1_000_000 / slicing.replicas.value / 10_000 * 10_000)
            context.diagnostics.error(
                Self.rule,
                "\(together.count) slices of one '\(gpuClass.name.value)' GPU may hold vLLM processes claiming \(Fraction(millionths: total)) of its memory together; time-slicing gives no memory isolation",
                at: slicing.replicas.span, notes: notes,
                hint: Diagnostic.noSingleValue(
                    "gpuMemoryUtilization \(each) or less on each model sharing the class, or remove timeSlicing"))
        }
    }
}
