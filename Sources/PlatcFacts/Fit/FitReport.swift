import PlatcSpec

/// `platc fit` output: the estimate as stable JSON fields and as a readable breakdown.
public enum FitReport {
    /// The JSON object for one estimate. Field names are stable API (docs/cli.md).
    public static func json(_ e: FitEstimate, maxModelLen: Int) -> [(String, JSONValue)] {
        [
            ("parameters", .integer(e.parameters)), ("visionParameters", .integer(e.visionParameters)), ("visibleGiB", gib(e.visibleGiB)),
            ("budgetGiB", gib(e.budgetGiB)),
            ("weightsGiB", gib(e.weightsGiB)), ("activationGiB", gib(e.activationGiB)),
            ("encoderCacheGiB", gib(e.encoderCacheGiB)), ("nonTorchGiB", gib(e.nonTorchGiB)),
            ("cudaGraphGiB", gib(e.cudaGraphGiB)), ("cudaGraphInBudget", .bool(e.cudaGraphInBudget)), ("loraGiB", gib(e.loraGiB)),
            ("kvBytesPerToken", .integer(Int64(e.kvBytesPerToken))), ("kvCacheGiB", gib(e.kvCacheGiB)),
            ("blockSize", .integer(Int64(e.blockSize))), ("kvBlocks", .integer(Int64(e.kvBlocks))),
            ("kvTokens", .integer(Int64(e.kvTokens))),
            ("maxModelLen", .integer(Int64(maxModelLen))), ("maxNumSeqs", .integer(Int64(e.maxNumSeqs))),
            ("maxNumBatchedTokens", .integer(Int64(e.maxNumBatchedTokens))), ("maxConcurrency", .double(e.concurrency.value)),
            ("maxModelLenThatFits", .integer(Int64(e.maxModelLenThatFits))), ("fits", .bool(e.fits)),
        ]
    }

    /// The config values transformers' class defaults supplied, for the JSON report.
    public static func json(defaults: [ModelArchitecture.DefaultedValue]) -> (String, JSONValue) {
        (
            "defaults",
            .array(
                defaults.map {
                    .object([
                        ("key", .string($0.key)), ("value", $0.value),
                        ("from", .string("\($0.configClass) (transformers \(ConfigDefaults.transformersVersion))")),
                    ])
                })
        )
    }

    /// Two decimals, as vLLM logs GiB: the same digits as the text (`FitEstimate.gib`).
    static func gib(_ value: Double) -> JSONValue { .double(FitEstimate.gib(value).value) }

    /// The breakdown, one term per line, in the order vLLM's budget subtracts them.
    public static func text(_ e: FitEstimate, inputs: FitInputs, title: String, alsoFits: [String]? = nil) -> String {
        func row(_ label: String, _ value: String, _ note: String = "") -> String {
            label.padding(toLength: 18, withPad: " ", startingAt: 0) + value.leftPadded(12) + (note.isEmpty ? "" : "  " + note) + "\n"
        }
        func g(_ value: Double) -> String { "\(FitEstimate.gib(value)) GiB" }
        let headroom = e.visibleGiB * (1 - inputs.utilization)
        var out = title + "\n"
        let vision = e.visionParameters > 0 ? "incl. \(Figures.fixed(Double(e.visionParameters) / 1e9, places: 2)) B vision tower" : ""
        if e.parameters > 0 {
            out += row("parameters", "\(Figures.fixed(Double(e.parameters) / 1e9, places: 2)) B", vision)
        } else {
            out += row("parameters", "—", "not counted: the weights are measured")
        }
        out += row("budget", g(e.budgetGiB), "\(Figures.fixed(inputs.utilization, places: 2)) × \(e.visible) GiB visible")
        out += row(
            "weights", g(e.weightsGiB),
            inputs.measuredWeightsGiB.map { "per GPU: \(FitEstimate.gib($0)) GiB measured ÷ TP \(inputs.tensorParallel)" } ?? "per GPU")
        let peak =
            inputs.pooling
            ? "profile peak: \(e.maxNumBatchedTokens) batched tokens, pooled (no sampler)"
            : "profile peak: \(e.maxNumSeqs) seqs, \(e.maxNumBatchedTokens) batched tokens"
        out += row("activation", g(e.activationGiB), peak + (e.encoderCacheGiB > 0 ? " + \(g(e.encoderCacheGiB)) encoder cache" : ""))
        out += row("non-torch", g(e.nonTorchGiB), "CUDA context, NCCL")
        out += row(
            "CUDA graphs", g(e.cudaGraphGiB),
            e.cudaGraphInBudget ? "inside the budget (vLLM ≥ 0.21)" : "outside the budget, in \(FitEstimate.gib(headroom)) GiB headroom")
        if e.loraGiB > 0 { out += row("LoRA slots", g(e.loraGiB)) }
        out += row(
            "KV cache", g(e.kvCacheGiB), "\(e.kvBlocks) blocks of \(e.blockSize) tokens, \(e.kvBytesPerToken) B/token: \(e.kvTokens) tokens"
        )
        out += row(
            "concurrency", e.concurrency.description,
            "requests of \(inputs.maxModelLen) tokens at once (maxNumSeqs \(e.maxNumSeqs))")
        out += row("longest context", "\(e.maxModelLenThatFits)", "tokens one request could have")
        out += row("verdict", e.fits ? "fits" : "DOES NOT FIT")
        out += defaultsRows(inputs.architecture.defaulted, row)
        if let alsoFits { out += row("also fits on", alsoFits.isEmpty ? "none" : alsoFits.joined(separator: ", ")) }
        return out
    }
}

extension FitReport {
    /// One line per config class: the values config.json left to it.
    static func defaultsRows(_ defaults: [ModelArchitecture.DefaultedValue], _ row: (String, String, String) -> String) -> String {
        var classes: [String] = []
        for value in defaults where !classes.contains(value.configClass) { classes.append(value.configClass) }
        return classes.map { name in
            let values = defaults.filter { $0.configClass == name }.map { "\($0.key) \($0.value.serialized())" }
            let count = values.count == 1 ? "1 key" : "\(values.count) keys"
            return row(
                "defaults", count, "\(name) of transformers \(ConfigDefaults.transformersVersion): \(values.joined(separator: ", "))")
        }.joined()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
