extension Model.Serving {
    /// `quantization: none`: no --quantization, exactly as leaving the field out. vLLM has no
    /// method called none (its parser refuses `--quantization none`), and no flag de-quantizes a
    /// checkpoint: without one vLLM loads it as its config.json declares.
    public static let noQuantization = "none"

    /// The --quantization method vLLM is given: nil when the field is absent or `none`.
    public var quantizationMethod: String? {
        quantization.flatMap { $0.value == Self.noQuantization ? nil : $0.value }
    }

    /// The pinned vLLM version (`engine.version`, a valid version once loaded).
    public var engineVersion: EngineVersion { EngineVersion(parsing: engine.version.value) ?? EngineVersion(0, 11) }
}
