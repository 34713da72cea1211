import PlatcChecks
import PlatcFacts
import PlatcSpec

/// What each model keeps for its KV cache and how many full-context requests that holds, as the
/// fit estimator predicts them on each side, and the context length they are measured at.
enum FitChanges {
    static func compare(_ pair: SpecPair, into list: inout ChangeList) {
        for (base, head) in pair.models.both {
            let name = head.name.value
            let fits = pair.fits(of: name)
            let before = Shown(fits.base), after = Shown(fits.head)
            list.compare(.fit, name, "VRAM headroom", "KV-cache headroom of model \(name) per GPU", before.headroom, after.headroom)
            list.compare(
                .fit, name, "max concurrency", "Max concurrency of model \(name) at full context", before.concurrency, after.concurrency)
            list.compare(
                .fit, name, "max-model-len", "Max model length of model \(name)",
                Figures.grouped(base.serving.maxModelLen.value), Figures.grouped(head.serving.maxModelLen.value),
                unit: " tokens")
        }
    }

    /// The two figures as every surface shows them (`FitFigures`), or "unknown" when the estimator cannot run (config
    /// it cannot read, a GPU class that is not there).
    private struct Shown {
        let headroom: String
        let concurrency: String

        init(_ fit: ModelFit?) {
            guard let fit else {
                headroom = "unknown"
                concurrency = "unknown"
                return
            }
            // Not clamped at zero like the catalog's bar: how far below zero is how far from starting.
            headroom = "\(fit.estimate.kvCache) GiB"
            concurrency = "\(fit.estimate.concurrency)×"
        }
    }
}
