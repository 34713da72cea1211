import PlatcSpec

/// The variables LiteLLM's pods must hold for the rendered config (listed in out/README.md): the
/// vLLM key, the master key, the database, and one per hosted model's provider key.
public enum LiteLLMEnvironment {
    /// The value of `serving.apiKeyRef`, sent to vLLM (`api_key: os.environ/VLLM_API_KEY`).
    public static let vllmAPIKey = "VLLM_API_KEY"
    public static let masterKey = "LITELLM_MASTER_KEY"
    public static let databaseURL = "DATABASE_URL"
    /// What no provider key may be called.
    public static let reserved = [databaseURL, masterKey, vllmAPIKey]

    /// The variable holding a hosted model's provider key, read by its entries as
    /// `api_key: os.environ/<name>`. A Secret key that is already a variable name
    /// (`ANTHROPIC_API_KEY`) is used as it is, as `serving.apiKeyRef`'s `VLLM_API_KEY` is; any other
    /// is the Secret's name and key in upper snake case (`anthropic` / `api-key` →
    /// `ANTHROPIC_API_KEY`). Models sharing a reference share the variable; two references that
    /// would share one are `ref/provider-key-variable`.
    public static func providerKey(_ ref: Platform.SecretKeyRef) -> String { providerKey(secret: ref.name.value, key: ref.key.value) }

    public static func providerKey(secret: String, key: String) -> String {
        isVariableName(key) ? key : snake(secret + "_" + key)
    }

    /// Upper-case letters, digits and '_', not starting with a digit.
    static func isVariableName(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return text.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5F }
    }

    static func snake(_ text: String) -> String {
        let upper = String(
            decoding: text.utf8.map { byte in
                switch byte {
                case 0x61...0x7A: byte - 0x20
                case 0x41...0x5A, 0x30...0x39: byte
                default: 0x5F
                }
            }, as: UTF8.self)
        return upper.first?.isNumber == true ? "_" + upper : upper
    }
}
