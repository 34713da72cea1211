import Foundation
import PlatcSpec
import Testing

@Suite struct NameTests {
    @Test(arguments: ["a", "search", "llama-3-1-8b", "a0", String(repeating: "a", count: 63)])
    func dnsLabels(_ name: String) {
        #expect(StringFormat.dnsLabel.accepts(name))
    }

    @Test(arguments: ["", "-a", "a-", "A", "Search", "a_b", "a.b", "é", String(repeating: "a", count: 64), "a b"])
    func notDNSLabels(_ name: String) {
        #expect(!StringFormat.dnsLabel.accepts(name))
    }

    @Test func imageReferences() throws {
        let digest = String(repeating: "a", count: 64)
        let pinned = try #require(ImageReference.parse("registry.example.com/vllm/vllm-openai@sha256:\(digest)"))
        #expect(pinned.registry == "registry.example.com")
        #expect(pinned.repository == "vllm/vllm-openai")
        #expect(pinned.isPinnedByDigest)
        let tagged = try #require(ImageReference.parse("registry.example.com:5000/models/m:v1"))
        #expect(tagged.tag == "v1")
        #expect(!tagged.isPinnedByDigest)
        for bad in [
            "", "vllm", "registry.example.com/Models/m", "r.example.com/m@sha256:abc", "r.example.com/m@sha256:\(digest.uppercased())",
            "r.example.com/m:", "r.example.com//m", "r.example.com/m with space",
        ] {
            #expect(ImageReference.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func modelAliasesAllowDotsAndSlashes() {
        #expect(StringFormat.modelAlias.accepts("llama-3.1-8b-instruct"))
        #expect(StringFormat.modelAlias.accepts("team/model_v2"))
        #expect(!StringFormat.modelAlias.accepts("Llama"))
        #expect(!StringFormat.modelAlias.accepts("a."))
    }

    /// The JSON Schema patterns and the Swift checks describe the same language: on a spread of
    /// samples, ECMA-style regex matching (NSRegularExpression) and `accepts` agree.
    @Test(arguments: StringFormat.allCases.filter { $0.pattern != nil })
    func patternAgreesWithChecker(_ format: StringFormat) throws {
        let digest = String(repeating: "0", count: 64)
        let samples = [
            "a", "search", "Search", "-a", "a-", "a.b", "a_b", "a/b", "nvidia.com/gpu.product", "nvidia.com/gpu product",
            "llm.example.com", "LLM.example.com", "1.33", "0.11.0", "v1.33", "1", "30d", "1mo", "0d", "12w",
            "https://git.example.com/x.git", "ftp://x", "git@example.com:org/repo.git", "registry.example.com",
            "registry.example.com/models", "registry.example.com:5000/a/b", "registry.example.com/m@sha256:\(digest)",
            "registry.example.com/m:v1@sha256:\(digest)", "registry.example.com/M", "meta-llama/Llama-3.1-8B-Instruct",
            "configs/x.json", "/etc/passwd", "a b", "", "Qwen/Qwen2.5-0.5B-Instruct", String(repeating: "a", count: 64),
            "1.28", "1.29", "1.29.0", "1.033", "1.100", "1.35.12", "2.1", "1.29.", "1.3",
        ]
        let regex = try NSRegularExpression(pattern: try #require(format.pattern))
        for sample in samples {
            let range = NSRange(sample.startIndex..., in: sample)
            let matches = regex.firstMatch(in: sample, range: range) != nil
            #expect(matches == format.accepts(sample), "\(format): '\(sample)' pattern \(matches), checker \(format.accepts(sample))")
        }
    }
}
