/// Everything one `platc-bench run` measured, for the report.
struct Results {
    var machine: Machine
    var runs: Int
    var warmup: Int
    /// The arguments after `platc-bench run`, to say how this report was made.
    var arguments: [String]
    var inputs: [Inputs]
    var rows: [Row]
    var peer: PeerResult?

    /// The sizes of one scale's platform and its rendered out/.
    struct Inputs {
        var scale: Scale
        var sources: TreeFacts
        var out: TreeFacts
        /// Kubernetes objects in out/ (top-level `kind:` lines).
        var objects: Int
    }

    /// `kubectl kustomize` on the peer tree at L, beside platc's render of the same platform.
    struct PeerResult {
        var row: Row
        var objects: Int
        var tree: TreeFacts
        var kustomizeVersion: String
    }
}
