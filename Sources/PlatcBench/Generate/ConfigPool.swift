import Foundation

/// The real Hugging Face config.json files synthetic models are drawn from: the embedded
/// default's (models/configs) and the measured set (Tests/Fixtures/gpufit/configs), in name order
/// so the draw is the same on every machine.
struct ConfigPool {
    struct Config {
        /// A DNS-label form of the file name: "meta-llama--Llama-3.1-8B.json" → "meta-llama-llama-3-1-8b".
        var stem: String
        var bytes: [UInt8]
    }

    var configs: [Config]

    static let folders = ["models/configs", "Tests/Fixtures/gpufit/configs"]

    struct Missing: Error, CustomStringConvertible {
        var folder: String
        var description: String { "no config.json files in \(folder): run platc-bench from the platc repository or pass --repo" }
    }

    static func read(repo: URL) throws -> ConfigPool {
        var seen = Set<String>()
        var configs: [Config] = []
        for folder in folders {
            let url = repo.appendingPathComponent(folder)
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            guard !names.isEmpty else { throw Missing(folder: url.path) }
            for name in names {
                let stem = Self.stem(of: name)
                guard seen.insert(stem).inserted else { continue }
                configs.append(Config(stem: stem, bytes: Array(try Data(contentsOf: url.appendingPathComponent(name)))))
            }
        }
        return ConfigPool(configs: configs)
    }

    static func stem(of fileName: String) -> String {
        var text = ""
        for character in fileName.dropLast(".json".count).lowercased() {
            let keep = character.isASCII && (character.isLetter || character.isNumber)
            if keep { text.append(character) } else if !text.isEmpty, text.last != "-" { text.append("-") }
        }
        while text.hasSuffix("-") { text.removeLast() }
        return text
    }
}
