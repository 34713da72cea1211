import PlatcSpec

/// One ResourceFlavor per GPU class, plus the general flavor for cpu and memory.
enum ResourceFlavors {
    static func objects(_ context: RenderContext) -> [KubeObject] {
        context.spec.gpuClasses.map { gpuFlavor($0, context) } + [generalFlavor(context)]
    }

    /// Kueue injects `nodeLabels` as a node selector and `tolerations` into every pod it admits on
    /// this flavor, so a tenant's Job asks only for `nvidia.com/gpu` and lands on the right pool.
    /// The class's tolerations go to `tolerations`, not `nodeTaints`: `nodeTaints` would make
    /// Kueue skip the flavor for every Job that does not carry the toleration itself.
    static func gpuFlavor(_ gpuClass: GPUClass, _ context: RenderContext) -> KubeObject {
        let nodeLabels = gpuClass.nodeSelector.map { ($0.key.value, $0.value.value) }
        let spec: YAMLValue = [
            "nodeLabels": nodeLabels.isEmpty ? nil : .sortedMap(nodeLabels),
            "tolerations": gpuClass.tolerations.isEmpty ? nil : .list(gpuClass.tolerations.map(toleration)),
        ]
        return KubeObject(
            KueueNames.apiVersion, "ResourceFlavor", name: KueueNames.flavor(for: gpuClass),
            labels: context.commonLabels + [(Conventions.gpuClassLabel, gpuClass.name.value)],
            body: ["spec": spec], sources: [gpuClass.span.start.file])
    }

    /// cpu and memory of tenant Jobs are counted here, whichever GPU pool they run on; with no
    /// node labels a CPU-only Job is not pinned to (or tolerated onto) a GPU pool.
    static func generalFlavor(_ context: RenderContext) -> KubeObject {
        KubeObject(
            KueueNames.apiVersion, "ResourceFlavor", name: KueueNames.generalFlavor, labels: context.commonLabels,
            body: ["spec": [:]], sources: [context.platformSource])
    }

    /// A Kubernetes toleration; `value` only with `Equal` (Kueue's CEL rejects a value with `Exists`).
    static func toleration(_ toleration: GPUClass.Toleration) -> YAMLValue {
        let exists = toleration.operator.value == "Exists"
        return [
            "key": .string(toleration.key.value),
            "operator": .string(toleration.operator.value),
            "value": exists ? nil : toleration.value.map { .string($0.value) },
            "effect": toleration.effect.map { .string($0.value) },
        ]
    }
}
