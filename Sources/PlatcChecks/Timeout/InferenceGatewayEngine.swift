import PlatcFacts
import PlatcSpec

/// inference gateway > engine, when the rung is written. Reported at the inference gateway's timeout.
public enum InferenceGatewayEngine: CheckRule {
    public static let rule = Rule(
        id: "timeout/inference-gateway-engine",
        summary: "In inference-gateway mode, the inference route's timeout must be strictly longer than the engine timeout.",
        rationale:
            "The inference route's deadline covers the whole exchange, a streamed answer included (GEP-1742). Shorter than "
            + "the engine budget, it cuts generations the platform plans for: the caller gets a timeout (the gateway's 504) "
            + "for an answer vLLM was still producing within its budget, and the GPU time spent on it is lost.",
        example: """
            platform/lab.yaml
            routing:
              mode: inference-gateway
            timeouts:
              inferenceGateway: 100s
              engine: 110s
            """,
        fix: "Raise `timeouts.inferenceGateway` above `engine` (and below `router.timeout`), or remove it to take the halfway default.")

    public static func check(_ context: inout CheckContext) {
        let timeouts = context.spec.platform.timeouts
        let ladder = context.facts.ladder
        guard ladder.throughInferenceGateway, let written = timeouts.inferenceGateway, ladder.engineLeavesTime,
            !ladder.inferenceGatewayCoversEngine
        else { return }
        context.diagnostics.error(
            Self.rule,
            "inference gateway timeout \(spoken(ladder.inferenceGateway ?? 0)) is not longer than the engine timeout "
                + "\(spoken(ladder.engine)): the inference Gateway would cut generations the engine budget allows",
            at: written.span,
            notes: [Diagnostic.Note("the engine may run a request for \(spoken(ladder.engine))", at: timeouts.engine.span)],
            hint: NestingProposal(ladder).hint)
    }
}
