import PlatcFacts
import PlatcSpec

/// router timeout > inference gateway. A written rung is reported at itself; a derived one (halfway)
/// fails only when the router is 1 ms above the engine, reported at the router timeout.
public enum RouterInferenceGateway: CheckRule {
    public static let rule = Rule(
        id: "timeout/router-inference-gateway",
        summary: "In inference-gateway mode, the router's per-attempt timeout must be strictly longer than the inference route's.",
        rationale:
            "LiteLLM's attempt waits on the inference Gateway, which waits on vLLM. When the router gives up first, the "
            + "inference Gateway and vLLM keep working on a request nobody waits for, and LiteLLM's retry adds a second one; "
            + "when the inference Gateway gives up first, LiteLLM sees its 504 and decides.",
        example: """
            platform/lab.yaml
            routing:
              mode: inference-gateway
            timeouts:
              router:
                timeout: 120s
              inferenceGateway: 120s
            """,
        fix: "Lower `timeouts.inferenceGateway` below `router.timeout` (and above `engine`), or remove it to take the halfway default.")

    public static func check(_ context: inout CheckContext) {
        let timeouts = context.spec.platform.timeouts
        let ladder = context.facts.ladder
        guard ladder.throughInferenceGateway, ladder.routerCoversEngine else { return }
        let notes = [Diagnostic.Note("the router timeout is \(spoken(ladder.routerTimeout)) per attempt", at: timeouts.router.timeout.span)]
        if let written = timeouts.inferenceGateway {
            guard !ladder.routerCoversInferenceGateway else { return }
            context.diagnostics.error(
                Self.rule,
                "inference gateway timeout \(spoken(ladder.inferenceGateway ?? 0)) is not shorter than the router timeout "
                    + "\(spoken(ladder.routerTimeout)) per attempt: LiteLLM would abandon, and retry, requests the inference Gateway still runs",
                at: written.span, notes: notes, hint: NestingProposal(ladder).hint)
        } else if !ladder.inferenceGatewayCoversEngine {
            // Derived halfway, it lies strictly between unless the two are 1 ms apart.
            context.diagnostics.error(
                Self.rule,
                "router timeout \(spoken(ladder.routerTimeout)) leaves no room above the engine timeout \(spoken(ladder.engine)) "
                    + "for the inference gateway's deadline, which must lie strictly between them",
                at: timeouts.router.timeout.span,
                notes: [Diagnostic.Note("the engine may run a request for \(spoken(ladder.engine))", at: timeouts.engine.span)],
                hint: NestingProposal(ladder).hint)
        }
    }
}
