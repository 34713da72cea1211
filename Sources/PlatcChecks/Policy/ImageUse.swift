import PlatcFacts
import PlatcSpec

/// One image the platform pulls, where it is written and what it holds.
struct ImageUse {
    var image: Located<String>
    /// "source.modelcar of model 'tiny'", for messages.
    var role: String
    /// Weights (modelcars, LoRA adapters) are mounted as image volumes and cached per node, so
    /// they are pinned by digest whatever the platform's policy says.
    var holdsWeights: Bool

    /// Every image of the platform, in Spec order: the LiteLLM image, the endpoint picker's (in
    /// inference-gateway mode: only then is it rendered), then per model its modelcar, engine and adapters.
    static func all(in spec: Spec) -> [ImageUse] {
        let litellm = spec.platform.litellm.image.map {
            ImageUse(image: $0, role: "litellm.image of the platform", holdsWeights: false)
        }
        let routing = spec.platform.routing
        let picker = routing.endpointPicker.image.flatMap {
            routing.mode.value == .inferenceGateway
                ? ImageUse(image: $0, role: "routing.endpointPicker.image of the platform", holdsWeights: false) : nil
        }
        return [litellm, picker].compactMap { $0 }
            + spec.models.flatMap { model -> [ImageUse] in
                let name = model.name.value
                var uses = [
                    ImageUse(image: model.source.modelcar, role: "source.modelcar of model '\(name)'", holdsWeights: true),
                    ImageUse(image: model.serving.engine.image, role: "serving.engine.image of model '\(name)'", holdsWeights: false),
                ]
                for adapter in model.lora?.adapters ?? [] {
                    uses.append(
                        ImageUse(
                            image: adapter.image, role: "image of LoRA adapter '\(adapter.name.value)' of model '\(name)'",
                            holdsWeights: true))
                }
                return uses
            }
    }
}
