import PlatcSpec

/// vLLM's command-line arguments, from the model's serving settings. Optional flags appear only
/// when they change vLLM's behaviour, so the defaults stay vLLM's and the args read short.
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
        if serving.dtype.value != "auto" { args += ["--dtype", serving.dtype.value] }
        // Only when written in the spec: otherwise vLLM reads it from config.json, as platc did.
        if let quantization = serving.quantization?.value { args += ["--quantization", quantization] }
        if serving.kvCacheDtype.value != "auto" { args += ["--kv-cache-dtype", serving.kvCacheDtype.value] }
        if let batched = serving.maxNumBatchedTokens?.value { args += ["--max-num-batched-tokens", "\(batched)"] }
        if let lora = model.lora {
            args += ["--enable-lora", "--max-loras", "\(lora.maxLoras.value)", "--max-lora-rank", "\(lora.maxRank.value)"]
            // One flag, every adapter after it: vLLM's parser keeps only the last --lora-modules.
            args += ["--lora-modules"] + lora.adapters.map { "\($0.name.value)=\(Modelcar.adaptersPath)/\($0.name.value)" }
        }
        return args
    }
}
