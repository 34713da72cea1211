import ArgumentParser
import Foundation
import PlatcChecks
import PlatcFacts
import PlatcSpec

/// `platc fit`: the GPU-memory breakdown per model of the platform, or for a config.json alone
/// (what-if mode: `--config` with `--gpu` or `--gpu-memory`). Reports; `platc check` gates.
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit", abstract: "Show how each model fits its GPU under vLLM's memory accounting, or try a config.json.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Models to show (default: all).") var models: [String] = []
    @Option(name: .long, help: "Platform root (holds platform/, tenants/, models/).") var root: String = "."
    @Option(name: .long, help: "Output format: text or json.") var format: Format = .text

    @Option(name: .long, help: "What-if: a Hugging Face config.json to size without a platform.") var config: String?
    @Option(name: .long, help: "What-if: GPU product, e.g. H100-80GB, L4, A100-40GB.") var gpu: String?
    @Option(name: .long, help: "What-if: memory CUDA reports per GPU (visible, not the label), e.g. 79.18Gi.") var gpuMemory: String?
    @Option(name: .long, help: "What-if: --gpu-memory-utilization (default 0.9).") var gpuMemoryUtilization: Double = 0.9
    @Option(name: .long, help: "What-if: --max-model-len (default: the config's context).") var maxModelLen: Int?
    @Option(name: .long, help: "What-if: --tensor-parallel-size.") var tensorParallel: Int = 1
    @Option(name: .long, help: "What-if: --max-num-seqs (default: vLLM's for the GPU).") var maxNumSeqs: Int?
    @Option(name: .long, help: "What-if: --max-num-batched-tokens (default: vLLM's).") var maxNumBatchedTokens: Int?
    @Option(name: .long, help: "What-if: --kv-cache-dtype auto or fp8.") var kvCacheDtype: Model.Serving.KVCacheDtype = .auto
    @Option(name: .long, help: "What-if: --quantization method of --engine-version (default or none: the config's quantization_config).")
    var quantization: String?
    @Option(name: .long, help: "What-if: --dtype (weights load 16-bit either way).") var dtype: Model.Serving.Dtype = .auto
    @Option(name: .long, help: "What-if: vLLM version (memory accounting differs by version).") var engineVersion: String = "0.11.0"
    @Option(name: .long, help: "What-if: --block-size (default 16; 64 for MLA).") var blockSize: Int?
    @Option(name: .long, help: "What-if: parameter count, for architectures platc cannot count.") var parameters: Int64?
    @Option(name: .long, help: "What-if: weights at TP 1 as vLLM logged them (\"Model loading took\"), e.g. 13.85Gi.")
    var measuredWeights: String?
    @Option(name: .long, help: "What-if: generate, or embed (vLLM's pooling runner: no sampler, no lm_head).")
    var task: Model.Serving.Task = .generate
    @Flag(name: .long, help: "What-if: serve a multimodal checkpoint as text only (--limit-mm-per-prompt {\"image\": 0}).")
    var languageModelOnly = false

    func validate() throws {
        if config == nil, gpu != nil || gpuMemory != nil { throw ValidationError("--gpu and --gpu-memory need --config") }
        if config != nil, (gpu == nil) == (gpuMemory == nil) { throw ValidationError("--config needs one of --gpu or --gpu-memory") }
        if config != nil, !models.isEmpty { throw ValidationError("name models or give --config, not both") }
        guard (0.01...1).contains(gpuMemoryUtilization) else { throw ValidationError("--gpu-memory-utilization must be in (0, 1]") }
        guard tensorParallel >= 1, (maxModelLen ?? 1) >= 1, (maxNumSeqs ?? 1) >= 1, (maxNumBatchedTokens ?? 1) >= 1, (blockSize ?? 1) >= 1
        else { throw ValidationError("counts must be positive") }
        guard let version = EngineVersion(parsing: engineVersion) else { throw ValidationError("--engine-version must look like 0.11.0") }
        // The language's vocabulary at the version asked about; none is no flag (the checkpoint's own).
        let methods = EngineVocabulary.quantization.names(at: version)
        if let quantization, quantization != Model.Serving.noQuantization, !methods.contains(quantization) {
            throw ValidationError(
                "vLLM \(engineVersion) has no --quantization '\(quantization)'; its methods: \(methods.joined(separator: ", ")) (or none)")
        }
    }

    func run() throws {
        if let config { try whatIf(config) } else { try platform() }
    }

    private func whatIf(_ path: String) throws {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            printError("cannot read \(path)")
            throw ExitStatus.usageOrIO
        }
        let json: JSONValue
        switch JSONParser.parse([UInt8](bytes)) {
        case .success(let value): json = value
        case .failure(let failure):
            printError("\(path):\(failure.line):\(failure.column): \(failure.message)")
            throw ExitStatus.usageOrIO
        }
        let architecture: ModelArchitecture
        do {
            architecture = try ModelArchitecture(config: json)
        } catch {
            printError("\(path): config.json (\(error.architecture)) \(error.problem)")
            throw ExitStatus.errors
        }
        let (visible, family) = try visibleMemory()
        // Without --max-model-len, the context the config declares; a config that declares none needs the flag.
        guard let length = maxModelLen ?? (architecture.maxContext > 0 ? architecture.maxContext : nil) else {
            printError("\(path): config.json declares no context length (max_position_embeddings); pass --max-model-len")
            throw ExitStatus.usageOrIO
        }
        let method = quantization == Model.Serving.noQuantization ? nil : quantization
        var request = FitRequest(
            parameters: parameters, quantization: method, utilization: gpuMemoryUtilization, maxModelLen: length,
            tensorParallel: tensorParallel, maxNumSeqs: maxNumSeqs, maxNumBatchedTokens: maxNumBatchedTokens,
            kvCacheDtype: kvCacheDtype, engine: EngineVersion(parsing: engineVersion) ?? EngineVersion(0, 11), blockSize: blockSize,
            pooling: task == .embed, languageModelOnly: languageModelOnly)
        request.measuredWeightsGiB = try measuredWeights.map(Self.gibibytes)
        let format: WeightFormat
        do {
            format = try request.weightFormat(architecture)
        } catch {
            let sizable = WeightFormat.sizableMethods.joined(separator: ", ")
            switch error {
            case .unknownQuantization(let name) where name == method:
                printError("platc cannot size weights quantized with '\(name)'; it sizes \(sizable)")
            case .unknownQuantization(let name):
                printError("\(path): quant_method '\(name)' is one platc cannot size; pass --quantization with one of \(sizable)")
            default:
                printError(
                    "\(path): platc cannot count the parameters of '\(architecture.name)'; pass --parameters with its parameter count "
                        + "or --measured-weights with what vLLM logged as \"Model loading took\" at TP 1 "
                        + "(platc counts \(ModelArchitecture.supportedModelTypes.joined(separator: ", ")))")
            }
            throw ExitStatus.errors
        }
        let inputs = request.inputs(architecture, format, visibleGiB: visible, gpuFamily: family)
        let estimate = FitEstimator.estimate(inputs)
        if self.format == .json {
            print(
                JSONValue.object(FitReport.json(estimate, maxModelLen: length) + [FitReport.json(defaults: architecture.defaulted)])
                    .serialized())
        } else {
            let title =
                "\(path) (\(architecture.name)) on \(gpu ?? "a GPU") (\(FitEstimate.gib(visible)) GiB visible), vLLM \(engineVersion), TP \(tensorParallel)"
            print(FitReport.text(estimate, inputs: inputs, title: title), terminator: "")
        }
    }

    /// A memory quantity (`13.85Gi`), or a bare number of GiB.
    static func gibibytes(_ text: String) throws -> Double {
        if let number = Double(text) { return number }
        guard case .success(let quantity) = Quantity.parse(text, kind: .memory) else {
            throw ValidationError("'\(text)' is not a memory quantity like 13.85Gi")
        }
        return quantity.gibibytes
    }

    private func visibleMemory() throws -> (Double, String?) {
        if let gpuMemory {
            if let number = Double(gpuMemory) { return (number, nil) }
            guard case .success(let quantity) = Quantity.parse(gpuMemory, kind: .memory) else {
                printError("--gpu-memory '\(gpuMemory)' is not a memory quantity like 79.18Gi")
                throw ExitStatus.usageOrIO
            }
            return (quantity.gibibytes, nil)
        }
        guard let product = GPUProduct.find(gpu ?? "") else {
            let known = Set(GPUProduct.table.map(\.family)).sorted().joined(separator: ", ")
            printError("unknown GPU '\(gpu ?? "")'; known: \(known); or pass --gpu-memory with what CUDA reports")
            throw ExitStatus.usageOrIO
        }
        return (product.visibleGiB, product.family)
    }

    private func platform() throws {
        let (_, loaded, diagnostics) = try SourceTreeReader.load(root: root)
        guard let spec = loaded.spec else {
            let prefix = CheckCommand.displayPrefix(root)
            print(TextFormatter(sources: loaded.sources, pathPrefix: prefix, color: false).format(diagnostics.sorted), terminator: "")
            printError("the sources have errors; run `platc check`")
            throw ExitStatus.errors
        }
        let names = Set(spec.models.map(\.name.value))
        if let unknown = models.first(where: { !names.contains($0) }) {
            printError("no model '\(unknown)'; models: \(names.sorted().joined(separator: ", "))")
            throw ExitStatus.usageOrIO
        }
        var entries: [JSONValue] = []
        var text: [String] = []
        for facts in Facts(spec).allModels where models.isEmpty || models.contains(facts.model.name.value) {
            let model = facts.model
            guard let gpuClass = facts.gpuClass, let sizing = facts.sizing else { continue }
            let fit: ModelFit
            switch sizing {
            case .success(let sized): fit = sized
            case .failure(let problem):
                text.append("\(model.name.value): cannot be sized (\(problem)); see `platc check`\n")
                continue
            }
            let alsoFits = fit.alsoFits(on: spec.gpuClasses).map(\.name.value)
            let title =
                "\(model.name.value) on \(gpuClass.name.value) (\(gpuClass.product.value), \(fit.estimate.visible) GiB visible), vLLM \(fit.inputs.engine), TP \(fit.inputs.tensorParallel)"
            text.append(FitReport.text(fit.estimate, inputs: fit.inputs, title: title, alsoFits: alsoFits))
            entries.append(
                .object(
                    [("model", .string(model.name.value)), ("gpuClass", .string(gpuClass.name.value))]
                        + FitReport.json(fit.estimate, maxModelLen: fit.inputs.maxModelLen)
                        + [
                            ("alsoFitsOn", .array(alsoFits.map { .string($0) })),
                            FitReport.json(defaults: fit.inputs.architecture.defaulted),
                        ]))
        }
        if format == .json {
            print(JSONValue.object([("version", .integer(1)), ("models", .array(entries))]).serialized())
        } else {
            print(text.joined(separator: "\n"), terminator: "")
        }
    }
}

extension Model.Serving.KVCacheDtype: ExpressibleByArgument {}
extension Model.Serving.Dtype: ExpressibleByArgument {}
extension Model.Serving.Task: ExpressibleByArgument {}
