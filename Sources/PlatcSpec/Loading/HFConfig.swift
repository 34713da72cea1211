/// A model's Hugging Face `config.json`, as vendored in the platform repo.
public struct HFConfig: Sendable {
    /// Root-relative path of the file.
    public var path: String
    public var json: JSONValue

    public var architectures: [String] { json["architectures"]?.arrayValue?.compactMap(\.stringValue) ?? [] }
    public var modelType: String? { json["model_type"]?.stringValue }

    /// Parses and checks the minimum every later phase relies on: an object naming its architecture.
    static func read(path: String, bytes: [UInt8]) -> Result<HFConfig, JSONParser.Failure> {
        switch JSONParser.parse(bytes) {
        case .failure(let failure): return .failure(failure)
        case .success(let json):
            guard case .object = json else {
                return .failure(JSONParser.Failure(message: "config.json must be a JSON object", line: 1, column: 1))
            }
            let config = HFConfig(path: path, json: json)
            guard config.modelType != nil || !config.architectures.isEmpty else {
                return .failure(
                    JSONParser.Failure(
                        message: "config.json names neither \"model_type\" nor \"architectures\"", line: 1, column: 1))
            }
            return .success(config)
        }
    }
}
