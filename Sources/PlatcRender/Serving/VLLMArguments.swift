import PlatcFacts
import PlatcSpec

/// vLLM's command-line arguments, from the model's serving settings. Optional flags appear only
/// when they change vLLM's behaviour, so the defaults stay vLLM's and the args read short. The
/// model's own `extraArgs` come last; none repeats a flag rendered here (engine/reserved-flag,
/// whose list `EngineFlags.reserved` holds every flag this file can write).
enum VLLMArguments {
    static func of(_ model: Model) -> [String] {
        let serving = model.serving
        var args = [
            "--model", Modelcar.modelPath,
            "--served-model-name", model.servedName.value,
            "--max-model-len", "\(serving.maxModelLen.value)",
            "--gpu-memory-utilization", serving.gpuMemoryUtilization.value.description,
            "--tensor-parallel-size", "\(serving.tensorParallel.value)",
            "--max-num-seqs", "\(serving.maxNumSeqs.value)",
        ]
        if serving.task.value == .embed { args += serving.engineVersion.embeddingFlags }
        if serving.dtype.value != .auto { args += ["--dtype", serving.dtype.value.rawValue] }
        // Only a method: absent or `none`, vLLM loads the checkpoint as config.json declares.
        if let method = serving.quantizationMethod { args += ["--quantization", method] }
        if serving.kvCacheDtype.value != .auto { args += ["--kv-cache-dtype", serving.kvCacheDtype.value.rawValue] }
        if let batched = serving.maxNumBatchedTokens?.value { args += ["--max-num-batched-tokens", "\(batched)"] }
        // vLLM uses the tool-call parser only with auto tool choice: one field, both flags.
        if let parser = serving.toolCallParser?.value { args += ["--enable-auto-tool-choice", "--tool-call-parser", parser] }
        if let parser = serving.reasoningParser?.value {
            args += (serving.engineVersion.reasoningNeedsEnableFlag ? ["--enable-reasoning"] : []) + ["--reasoning-parser", parser]
        }
        // Text only: no image per prompt, so vLLM skips the encoder profile (and, for Llama 4 and
        // Mistral 3, the tower). A text-only checkpoint gets no flag: vLLM has no limits to set there.
        if serving.languageModelOnly.value, ModelArchitecture.isMultimodal(model.config.json) {
            args += ["--limit-mm-per-prompt", #"{"image": 0}"#]
        }
        if let lora = model.lora {
            args += ["--enable-lora", "--max-loras", "\(lora.maxLoras.value)", "--max-lora-rank", "\(lora.maxRank.value)"]
            // One flag, every adapter after it: vLLM's parser keeps only the last --lora-modules.
            args += ["--lora-modules"] + lora.adapters.map { "\($0.name.value)=\(Modelcar.adaptersPath)/\($0.name.value)" }
        }
        return args + serving.extraArgs.map(\.value)
    }
}
