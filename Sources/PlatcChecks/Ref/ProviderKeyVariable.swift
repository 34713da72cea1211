import PlatcFacts
import PlatcSpec

public enum ProviderKeyVariable: CheckRule {
    public static let rule = Rule(
        id: "ref/provider-key-variable",
        summary:
            "Two hosted models read different Secret keys into the same variable of LiteLLM's environment, or one reads its "
            + "key into a variable platc's own references use (VLLM_API_KEY, LITELLM_MASTER_KEY, DATABASE_URL).",
        rationale:
            "LiteLLM reads a provider key from its pods' environment (`api_key: os.environ/<variable>`), and a pod has one "
            + "value per variable: whichever Secret key the pod spec maps last wins, so one provider gets the other's key "
            + "and every call to it fails with 401, or vLLM's key leaks to a provider.",
        example: """
            models/claude.yaml   provider: {apiKeyRef: {name: anthropic-prod, key: API_KEY}}
            models/gpt.yaml      provider: {apiKeyRef: {name: openai, key: API_KEY}}
            """,
        fix: "Give the Secret key a name of its own (the variable is the key when it is upper snake case, else the Secret's name and key).")

    public static func check(_ context: inout CheckContext) {
        var first: [String: HostedModelFacts] = [:]
        let taken = Set(context.facts.hostedModels.map(\.keyVariable)).union(LiteLLMEnvironment.reserved)
        for hosted in context.facts.hostedModels {
            let variable = hosted.keyVariable, ref = hosted.model.provider.apiKeyRef
            if LiteLLMEnvironment.reserved.contains(variable) {
                report(hosted, "it is the variable of platc's own \(owner(variable))", notes: [], taken: taken, &context)
            } else if let earlier = first[variable] {
                let other = earlier.model.provider.apiKeyRef
                guard other.name.value != ref.name.value || other.key.value != ref.key.value else { continue }
                report(
                    hosted, "model '\(earlier.model.name.value)' reads Secret '\(other.name.value)', key '\(other.key.value)' into it",
                    notes: [.init("model '\(earlier.model.name.value)' reads its key here", at: other.key.span)], taken: taken,
                    &context)
            } else {
                first[variable] = hosted
            }
        }
    }

    private static func report(
        _ hosted: HostedModelFacts, _ why: String, notes: [Diagnostic.Note], taken: Set<String>, _ context: inout CheckContext
    ) {
        let ref = hosted.model.provider.apiKeyRef
        let free = proposal(hosted.model, taken: taken)
        context.diagnostics.error(
            Self.rule,
            "model '\(hosted.model.name.value)' reads Secret '\(ref.name.value)', key '\(ref.key.value)' into LiteLLM's variable "
                + "\(hosted.keyVariable), but \(why)",
            at: ref.key.span, notes: notes,
            hint: "name the Secret's key `\(free)` (in the Secret too): `key: \(free)`", replacement: free)
    }

    /// `<PROVIDER>_API_KEY`, or `<MODEL>_API_KEY` when that is taken too.
    static func proposal(_ model: HostedModel, taken: Set<String>) -> String {
        let byProvider = model.provider.name.value.uppercased() + "_API_KEY"
        if !taken.contains(byProvider) { return byProvider }
        let name = String(model.name.value.uppercased().map { $0 == "-" ? "_" : $0 })
        return (name.first?.isNumber == true ? "MODEL_" : "") + name + "_API_KEY"
    }

    static func owner(_ variable: String) -> String {
        switch variable {
        case LiteLLMEnvironment.vllmAPIKey: "vLLM key (serving.apiKeyRef)"
        case LiteLLMEnvironment.masterKey: "master key (litellm.masterKeyRef)"
        default: "database URL"
        }
    }
}
