import PlatcFacts
import PlatcSpec

/// inference-gateway mode needs the endpoint picker's image. Reported at `routing.mode`.
public enum EndpointPickerImage: CheckRule {
    public static let rule = Rule(
        id: "routing/endpoint-picker-image",
        summary: "In inference-gateway mode, `routing.endpointPicker.image` must name the endpoint picker image, pinned by digest.",
        rationale:
            "Every InferencePool platc renders names an endpoint picker, which platc renders as a Deployment of this image. "
            + "Without it there is no picker to render, and an InferencePool without one leaves the choice of replica to "
            + "whatever the gateway implementation does, which is what the mode exists to replace.",
        example: """
            platform/lab.yaml
            routing:
              mode: inference-gateway
            """,
        fix:
            "Mirror llm-d's endpoint picker (ghcr.io/llm-d/llm-d-router-endpoint-picker:v0.10.0) into an allowed registry "
            + "and set `routing.endpointPicker.image` to it, pinned by its digest; or set `routing.mode: direct`.")

    public static func check(_ context: inout CheckContext) {
        let routing = context.spec.platform.routing
        guard context.facts.inferenceRouting != nil, routing.endpointPicker.image == nil else { return }
        let registry = context.spec.platform.policy.allowedRegistries.first?.value ?? "registry.example.com"
        context.diagnostics.error(
            Self.rule, "routing.mode is inference-gateway, but routing.endpointPicker.image is not set: no endpoint picker can be rendered",
            at: routing.mode.span,
            hint:
                "set routing.endpointPicker.image to llm-d-router-endpoint-picker v0.10.0 as mirrored in your registry, pinned by "
                + "its digest (platc cannot know it), e.g. \(registry)/llm-d/llm-d-router-endpoint-picker@sha256:<digest>; "
                + "or routing.mode: direct")
    }
}
