import PlatcChecks
import PlatcFacts
import PlatcSpec

/// The base and head Specs side by side, their tenants, models and GPU classes matched by name,
/// and the GPU pools each side adds up.
struct SpecPair {
    let base: Spec
    let head: Spec
    let tenants: Matched<Tenant>
    let models: Matched<Model>
    let gpuClasses: Matched<GPUClass>
    let basePools: [String: GPUPool]
    let headPools: [String: GPUPool]
    /// Each model on both sides, estimated once on its own side's GPU class: nil where the
    /// estimator cannot run (a config it cannot read, a class that is not there). Fit figures and
    /// the pod size both read it.
    let fits: [String: (base: ModelFit?, head: ModelFit?)]

    init(base: Spec, head: Spec) {
        self.base = base
        self.head = head
        tenants = Matched(base: base.tenants, head: head.tenants) { $0.name.value }
        models = Matched(base: base.models, head: head.models) { $0.name.value }
        gpuClasses = Matched(base: base.gpuClasses, head: head.gpuClasses) { $0.name.value }
        basePools = Self.index(GPUPool.pools(of: base))
        headPools = Self.index(GPUPool.pools(of: head))
        let baseClasses = Self.classes(base), headClasses = Self.classes(head)
        fits = Dictionary(
            models.both.map { pair in
                (pair.head.name.value, (Self.fit(pair.base, baseClasses), Self.fit(pair.head, headClasses)))
            }, uniquingKeysWith: { first, _ in first })
    }

    private static func classes(_ spec: Spec) -> [String: GPUClass] {
        Dictionary(spec.gpuClasses.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private static func fit(_ model: Model, _ classes: [String: GPUClass]) -> ModelFit? {
        classes[model.serving.gpuClass.value].flatMap { try? ModelFit(model: model, gpuClass: $0) }
    }

    /// Every GPU class name either side has, sorted.
    var gpuClassNames: [String] { Set(basePools.keys).union(headPools.keys).sorted() }

    private static func index(_ pools: [GPUPool]) -> [String: GPUPool] {
        Dictionary(pools.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One kind of named thing on both sides: what only head has, what only base has, and the pairs,
/// each in the order the Spec keeps (by name).
struct Matched<Item> {
    private(set) var added: [Item] = []
    private(set) var removed: [Item] = []
    private(set) var both: [(base: Item, head: Item)] = []

    init(base: [Item], head: [Item], name: (Item) -> String) {
        // The loader refuses duplicate names; keeping the first is only a guard.
        let baseByName = Dictionary(base.map { (name($0), $0) }, uniquingKeysWith: { first, _ in first })
        let headNames = Set(head.map(name))
        for item in head {
            if let old = baseByName[name(item)] { both.append((old, item)) } else { added.append(item) }
        }
        removed = base.filter { !headNames.contains(name($0)) }
    }
}
