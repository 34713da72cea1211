import PlatcFacts
import PlatcSpec

/// The base and head platforms side by side, each with the facts derived from it once (fits,
/// pools, callable names), and their tenants, models and GPU classes matched by name.
struct SpecPair {
    let baseFacts: Facts
    let headFacts: Facts
    let tenants: Matched<Tenant>
    let models: Matched<Model>
    let hostedModels: Matched<HostedModel>
    let gpuClasses: Matched<GPUClass>

    init(base: Facts, head: Facts) {
        baseFacts = base
        headFacts = head
        tenants = Matched(base: base.spec.tenants, head: head.spec.tenants) { $0.name.value }
        models = Matched(base: base.spec.models, head: head.spec.models) { $0.name.value }
        hostedModels = Matched(base: base.spec.hostedModels, head: head.spec.hostedModels) { $0.name.value }
        gpuClasses = Matched(base: base.spec.gpuClasses, head: head.spec.gpuClasses) { $0.name.value }
    }

    var base: Spec { baseFacts.spec }
    var head: Spec { headFacts.spec }

    /// The model's fit on each side, nil where the estimator cannot run (a config it cannot read,
    /// a class that is not there).
    func fits(of name: String) -> (base: ModelFit?, head: ModelFit?) {
        (baseFacts.of(model: name)?.fit, headFacts.of(model: name)?.fit)
    }

    /// Every GPU class name either side has, sorted.
    var gpuClassNames: [String] { Set(baseFacts.pools.map(\.name)).union(headFacts.pools.map(\.name)).sorted() }
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
