import PlatcFacts
import PlatcSpec

/// The GPU-fit numbers platc stamps on vLLM pods (`platc.dev/vram-*-mib`, see
/// GPUFitAnnotations) must hold on the GPU class the pod selects: required ≤ reserved ≤ what vLLM
/// can use of one GPU of that class. Kyverno cannot compute VRAM; platc computes the ceiling per
/// class and writes one validation per class.
enum GPUFitPolicy {
    static func shape(_ context: RenderContext) -> ValidatingPolicyShape {
        let reserved = Conventions.vramReservedAnnotation
        let required = Conventions.vramRequiredAnnotation
        let serving = context.platform.namespaces.serving.value
        var validations: [ValidatingPolicyShape.Validation] = [
            .init(
                expression: "namespaceObject.metadata.name != \(CEL.string(serving)) || !variables.requestsGPU || variables.stamped",
                message:
                    "vram annotations: GPU pods in the serving namespace must carry \(reserved) and \(required), which platc stamps on every vLLM pod.",
                messageExpression:
                    "variables.subject + ' requests \(KyvernoNames.gpuResource) in the serving namespace but lacks '"
                    + " + (variables.reservedText == '' ? \(CEL.string(reserved)) : \(CEL.string(required)))"
                    + " + ': render serving workloads with platc, which stamps the GPU-fit numbers'"),
            .init(
                expression: "!variables.requestsGPU || ((variables.reservedText == '' || variables.reservedMiB >= 0)"
                    + " && (variables.requiredText == '' || variables.requiredMiB >= 0))",
                message: "vram numbers: \(reserved) and \(required) must be whole MiB (digits only).",
                messageExpression:
                    "variables.subject + ' stamps \(reserved)=' + variables.reservedText + ' and \(required)='"
                    + " + variables.requiredText + '; both must be whole MiB, digits only'"),
        ]
        for gpuClass in context.spec.gpuClasses.sorted(by: { $0.name.value < $1.name.value }) {
            guard let validation = classValidation(gpuClass) else { continue }
            validations.append(validation)
        }
        return ValidatingPolicyShape(
            name: KyvernoNames.gpuFit,
            namespaceLabels: [KyvernoNames.managedByLabel],
            resources: [.pods, .appsControllers, .batchControllers],
            variables: PodTemplateVariables.base + [
                PodTemplateVariables.podAnnotations, PodTemplateVariables.requestsGPU,
                ("nodeSelector", "has(variables.podSpec.nodeSelector) ? variables.podSpec.nodeSelector : {}"),
                ("reservedText", CEL.value("variables.podAnnotations", reserved)),
                ("requiredText", CEL.value("variables.podAnnotations", required)),
                ("stamped", "variables.reservedText != '' && variables.requiredText != ''"),
                // -1 when not a whole number, so no validation ever fails on int() of bad text.
                ("reservedMiB", "variables.reservedText.matches('^[0-9]{1,9}$') ? int(variables.reservedText) : -1"),
                ("requiredMiB", "variables.requiredText.matches('^[0-9]{1,9}$') ? int(variables.requiredText) : -1"),
            ],
            validations: validations)
    }

    /// What vLLM can use of one GPU of the class, in MiB: the memory CUDA reports (the same
    /// figure the fit estimator takes its budget from), rounded down. On a time-sliced class each
    /// slice is the whole GPU as far as CUDA is concerned (no memory isolation), so this is the
    /// ceiling of one pod too; that the pods sharing a GPU fit together is fit/time-slicing's
    /// job, which sees every model at once. nil when the class's memory is unknown (a check error).
    static func ceilingMiB(_ gpuClass: GPUClass) -> Int64? {
        guard let visible = ModelFit.visibleGiB(gpuClass) else { return nil }
        return Int64((visible.GiB * 1024).rounded(.down))
    }

    /// A pod selects the class when its nodeSelector holds every pair of the class's (a class
    /// without a nodeSelector is selected by every GPU pod).
    static func selects(_ gpuClass: GPUClass) -> String {
        let pairs = gpuClass.nodeSelector.sorted { $0.key.value < $1.key.value }.map { pair in
            "\(CEL.value("variables.nodeSelector", pair.key.value)) == \(CEL.string(pair.value.value))"
        }
        return pairs.isEmpty ? "true" : pairs.joined(separator: " && ")
    }

    static func classValidation(_ gpuClass: GPUClass) -> ValidatingPolicyShape.Validation? {
        guard let ceiling = ceilingMiB(gpuClass) else { return nil }
        let name = gpuClass.name.value
        let product = gpuClass.product.value
        let slicing = gpuClass.timeSlicing.map { ", time-sliced \($0.replicas.value) ways" } ?? ""
        return .init(
            expression: "!(variables.requestsGPU && variables.stamped && variables.reservedMiB >= 0 && variables.requiredMiB >= 0"
                + " && \(selects(gpuClass))) || (variables.requiredMiB <= variables.reservedMiB && variables.reservedMiB <= \(ceiling))",
            message:
                "gpu class \(name): a pod on \(product) must stamp \(Conventions.vramRequiredAnnotation) ≤ \(Conventions.vramReservedAnnotation) ≤ \(ceiling) MiB (what vLLM can use of one GPU\(slicing)).",
            messageExpression:
                "variables.subject + ' selects GPU class \(name) (\(product)\(slicing)) and '"
                + " + (variables.requiredMiB > variables.reservedMiB"
                + " ? 'needs ' + string(variables.requiredMiB) + ' MiB per GPU but reserves only ' + string(variables.reservedMiB)"
                + " + ' MiB: lower maxModelLen or raise gpuMemoryUtilization, then render again'"
                + " : 'reserves ' + string(variables.reservedMiB) + ' MiB per GPU, more than the \(ceiling) MiB vLLM can use there:'"
                + " + ' lower gpuMemoryUtilization or pick a larger class, then render again')")
    }
}
