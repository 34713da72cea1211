import PlatcFacts
import PlatcSpec

public enum UnknownGPUClass: CheckRule {
    public static let rule = Rule(
        id: "ref/unknown-gpu-class",
        summary: "A model's `serving.gpuClass` or a key of a tenant's `gpuQuota` names a GPU class that platform/ does not define.",
        rationale:
            "A model on an unknown class has no node selector, tolerations or memory to fit against, so it would never "
            + "schedule; quota on an unknown class becomes a Kueue flavor no node provides.",
        example: """
            models/llama.yaml
            serving:
              gpuClass: h100-80gb   # platform/ defines h100
            """,
        fix: "Name a GPU class defined under platform/ (the hint suggests the closest), or add that GPU class.")

    public static func check(_ context: inout CheckContext) {
        let defined = context.spec.gpuClasses.map(\.name)
        for model in context.spec.models {
            let gpuClass = model.serving.gpuClass
            let message = "model '\(model.name.value)' runs on GPU class '\(gpuClass.value)', but no GPU class has that name"
            report(gpuClass, message: message, defined, &context)
        }
        for tenant in context.spec.tenants {
            for (gpuClass, _) in tenant.gpuQuota {
                let message =
                    "tenant '\(tenant.name.value)' has GPU quota on class '\(gpuClass.value)', but no GPU class has that name"
                report(gpuClass, message: message, defined, &context)
            }
        }
    }

    private static func report(
        _ name: Located<String>, message: String, _ defined: [Located<String>], _ context: inout CheckContext
    ) {
        guard context.gpuClass(named: name.value) == nil else { return }
        let suggestion = Suggestion(
            for: name.value, kind: "GPU class", kinds: "GPU classes", defined: defined,
            otherwise: "add platform/\(name.value).yaml (kind: GPUClass) or name one of those")
        context.diagnostics.error(
            Self.rule, message, at: name.span, notes: suggestion.notes, hint: suggestion.hint,
            replacement: suggestion.replacement)
    }
}
