extension Rule {
    public static let sourceConfigJSON = Rule(
        id: "source/config-json",
        summary: "A model's Hugging Face config.json is missing or is not a valid config.",
        rationale: "GPU-fit checks read the architecture from config.json; without it platc cannot tell whether the model fits its GPU.",
        example: """
            models/llama.yaml
            source:
              config: llama/config.json   # file does not exist
            """,
        fix: "Vendor the model's config.json next to the model file and point `source.config` at it.")
}
