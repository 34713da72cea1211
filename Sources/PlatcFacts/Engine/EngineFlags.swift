import PlatcSpec

/// The vLLM flags platc sets or keeps for itself, and what to write instead. vLLM's parser keeps
/// the last occurrence of a flag, so an extra argument naming one of these would override what
/// platc rendered (and what its GPU-fit proof, the Service and the probes rely on) without a word.
/// The renderer (VLLMArguments, VLLMAPIKey) sets only flags listed here: a render test fails on
/// any other. docs/research/vllm-engine-features-notes.md §3 has how vLLM reads its arguments.
public enum EngineFlags {
    public struct Reserved: Sendable {
        /// The long flag, e.g. `--max-model-len`.
        public let flag: String
        /// vLLM's short spellings, e.g. `-tp`.
        public let aliases: [String]
        /// How many values follow it on a command line.
        public let arity: Arity
        /// The platc field that sets it, or why nothing may.
        public let instead: Instead

        init(_ flag: String, _ aliases: [String] = [], _ arity: Arity = .one, _ instead: Instead) {
            self.flag = flag
            self.aliases = aliases
            self.arity = arity
            self.instead = instead
        }
    }

    public enum Arity: Sendable { case none, one, many }

    public enum Instead: Sendable {
        /// A field of the model (or the Platform) sets it: "serving.maxModelLen".
        case field(String)
        /// platc keeps it fixed, for this reason.
        case fixed(String)
    }

    public static let reserved: [Reserved] = [
        Reserved("--model", [], .one, .field("source.modelcar")),
        Reserved("--served-model-name", [], .many, .field("servedName")),
        Reserved("--max-model-len", [], .one, .field("serving.maxModelLen")),
        Reserved("--task", [], .one, .field("serving.task")),
        Reserved("--runner", [], .one, .field("serving.task")),
        Reserved("--convert", [], .one, .field("serving.task")),
        Reserved("--gpu-memory-utilization", [], .one, .field("serving.gpuMemoryUtilization")),
        Reserved("--tensor-parallel-size", ["-tp"], .one, .field("serving.tensorParallel")),
        Reserved("--max-num-seqs", [], .one, .field("serving.maxNumSeqs")),
        Reserved("--dtype", [], .one, .field("serving.dtype")),
        Reserved("--quantization", ["-q"], .one, .field("serving.quantization")),
        Reserved("--kv-cache-dtype", [], .one, .field("serving.kvCacheDtype")),
        Reserved("--max-num-batched-tokens", [], .one, .field("serving.maxNumBatchedTokens")),
        Reserved("--enable-lora", [], .none, .field("lora")),
        Reserved("--max-loras", [], .one, .field("lora.maxLoras")),
        Reserved("--max-lora-rank", [], .one, .field("lora.maxRank")),
        Reserved("--lora-modules", [], .many, .field("lora.adapters")),
        Reserved("--enable-auto-tool-choice", [], .none, .field("serving.toolCallParser")),
        Reserved("--tool-call-parser", [], .one, .field("serving.toolCallParser")),
        Reserved("--reasoning-parser", [], .one, .field("serving.reasoningParser")),
        Reserved("--enable-reasoning", [], .none, .field("serving.reasoningParser")),
        Reserved("--limit-mm-per-prompt", [], .one, .field("serving.languageModelOnly")),
        Reserved("--api-key", [], .many, .field("the Platform's serving.apiKeyRef")),
        Reserved("--host", [], .one, .fixed("the Service and the kubelet's probes reach vLLM on every interface of the pod")),
        Reserved("--port", [], .one, .fixed("the Service, the probes, the NetworkPolicy and LiteLLM's api_base use port 8000")),
        Reserved("--uds", [], .one, .fixed("the Service, the probes and LiteLLM reach vLLM on TCP port 8000")),
        Reserved(
            "--pipeline-parallel-size", ["-pp"], .one,
            .fixed("each replica gets serving.tensorParallel GPUs, and platc's GPU fit assumes one pipeline stage")),
        Reserved(
            "--data-parallel-size", ["-dp"], .one,
            .fixed("each pod runs one engine on serving.tensorParallel GPUs; serving.replicas scales it out")),
        Reserved(
            "--kv-cache-memory-bytes", [], .one,
            .fixed("it replaces the KV-cache budget platc's GPU fit derives from serving.gpuMemoryUtilization")),
        Reserved(
            "--num-gpu-blocks-override", [], .one,
            .fixed("it replaces the KV-cache budget platc's GPU fit derives from serving.gpuMemoryUtilization")),
    ]

    /// The reserved flag an argument names, read as vLLM's parser reads it: `--max-model-len`,
    /// `--max_model_len`, `--max-model-len=8192`, an abbreviation (`--max-model`), the `--no-`
    /// form of a boolean (`--no-enable-lora`), a short alias with or without its value (`-tp`,
    /// `-qawq`). Not a flag (a value): nil.
    public static func reservation(of argument: String) -> Reserved? {
        if argument.hasPrefix("--") {
            // The flag's name: before `=` (its value) and `.` (a JSON sub-key); `_` reads as `-`.
            let name = String(argument.dropFirst(2).prefix { $0 != "=" && $0 != "." }).replacingOccurrences(of: "_", with: "-")
            let names = [name] + (name.hasPrefix("no-") ? [String(name.dropFirst(3))] : [])
            for name in names where !name.isEmpty {
                if let exact = reserved.first(where: { $0.flag == "--" + name }) { return exact }
            }
            // argparse takes an unambiguous prefix for the whole flag; no vLLM 0.11 flag is itself
            // a prefix of a reserved one, so every prefix is refused.
            for name in names where !name.isEmpty {
                if let abbreviated = reserved.first(where: { $0.flag.hasPrefix("--" + name) }) { return abbreviated }
            }
            return nil
        }
        guard argument.hasPrefix("-"), argument.count > 1 else { return nil }
        let token = argument.prefix { $0 != "=" }
        guard token.count > 1 else { return nil }
        return reserved.first { flag in
            flag.aliases.contains { alias in
                // `-t` abbreviates `-tp`; a two-character alias takes its value attached (`-qawq`).
                alias.hasPrefix(token) || (alias.count == 2 && token.hasPrefix(alias))
            }
        }
    }

    /// The argument at `index` and the values after it that belong to it, as written.
    public static func written(_ arguments: [Located<String>], at index: Int, arity: Arity) -> String {
        let argument = arguments[index].value
        guard !argument.contains("="), arity != .none else { return argument }
        let values = arguments[(index + 1)...].prefix { !$0.value.hasPrefix("-") }.map(\.value)
        return ([argument] + (arity == .one ? Array(values.prefix(1)) : values)).joined(separator: " ")
    }
}

extension EngineVersion {
    /// Before 0.9 vLLM used the reasoning parser only with `--enable-reasoning`; 0.9 deprecated
    /// the flag and 0.10 removed it (an unknown argument there).
    public var reasoningNeedsEnableFlag: Bool { self < EngineVersion(0, 9) }
}
