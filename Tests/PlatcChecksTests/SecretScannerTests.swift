import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// The secret scanner behind `policy/inline-secret`, line by line: what it must find, and what
/// it must leave alone (the default platform, digests, public keys, references, prose).
@Suite struct SecretScannerTests {
    static func kinds(_ line: String) -> [String] { SecretScanner.scan(line).map(\.kind.name) }

    static let secrets: [(line: String, kind: String, secret: String)] = [
        (
            "# OPENAI_API_KEY=sk-proj-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW", "an OpenAI or LiteLLM API key",
            "sk-proj-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW"
        ),
        ("master: sk-Xy7Qp2LmN8vB4kR1tZ9wA3", "an OpenAI or LiteLLM API key", "sk-Xy7Qp2LmN8vB4kR1tZ9wA3"),
        ("key: sk-4f3a9c1e7b2d8f6a0c5e9b3d7f1a4c8e", "an OpenAI or LiteLLM API key", "sk-4f3a9c1e7b2d8f6a0c5e9b3d7f1a4c8e"),
        (
            "x: sk-ant-api03-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vWxYz-AA", "an Anthropic API key",
            "sk-ant-api03-Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vWxYz-AA"
        ),
        ("description: uses hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "a Hugging Face token", "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"),
        ("# ghp_Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vWx0Y2", "a GitHub token", "ghp_Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vWx0Y2"),
        (
            "# github_pat_11ABCDEFG0abcdefghijkl_MnOpQrStUvWxYz0123456789", "a GitHub token",
            "github_pat_11ABCDEFG0abcdefghijkl_MnOpQrStUvWxYz0123456789"
        ),
        ("# aws AKIAIOSFODNN7EXAMPLE here", "an AWS access key ID", "AKIAIOSFODNN7EXAMPLE"),
        ("# xoxb-123456789012-1234567890123-AbCdEfGhIjKl", "a Slack token", "xoxb-123456789012-1234567890123-AbCdEfGhIjKl"),
        (
            "# eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWFtIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "a JSON Web Token",
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZWFtIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
        ),
        ("  -----BEGIN OPENSSH PRIVATE KEY-----", "a PEM private key", "-----BEGIN OPENSSH PRIVATE KEY-----"),
        ("  -----BEGIN PGP PRIVATE KEY BLOCK-----", "a PEM private key", "-----BEGIN PGP PRIVATE KEY BLOCK-----"),
        ("repoURL: https://deploy:s3cr3t-pa55@git.example.com/x.git", "a password in a URL", "s3cr3t-pa55"),
        ("# password: hunter2", "a literal value for 'password'", "hunter2"),
        ("# DB_PASSWORD=Tr0ub4dor&3", "a literal value for 'DB_PASSWORD'", "Tr0ub4dor&3"),
        ("# {\"client_secret\": \"q8Zr-x91K\"}", "a literal value for 'client_secret'", "q8Zr-x91K"),
        ("# Authorization: Bearer abc123def456", "a literal value for 'Authorization'", "abc123def456"),
        ("# litellm master_key: sk-1234abcd", "a literal value for 'master_key'", "sk-1234abcd"),
    ]

    @Test(arguments: secrets)
    func findsTheSecretAndWhereItIs(_ example: (line: String, kind: String, secret: String)) throws {
        let found = SecretScanner.scan(example.line)
        #expect(found.map(\.kind.name) == [example.kind])
        let finding = try #require(found.first)
        let scalars = Array(example.line.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[finding.range])) == example.secret)
        if example.kind != "a PEM private key" {
            #expect(finding.shown == "'\(example.secret.prefix(4))…'")
        }
    }

    static let innocent: [String] = [
        "  modelcar: registry.example.com/models/tiny@sha256:0923f02c239645033d70501916bff2efa484e07f68b94518146d896928919d2a",
        "sha256: 9adece52d52d8d2d440bcf54efa0b5c8900f850ce21953e57a222ccc2de29e22",
        "  -----BEGIN PUBLIC KEY-----",
        "  MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEAKIAIOSFODNN7EXAMPLEqQ9bN8hJ1zYfGkT3wWv2pLs0eRuVa6XoMnB4Dg==",
        "tenants: [sk-telecom-research-team-2024]",
        "description: ask-the-expert-assistant-model-for-support",
        "  maxNumBatchedTokens: 8192",
        "  \"pad_token\": \"<|endoftext|>\", \"bos_token_id\": 151643,",
        "# password: ${DB_PASSWORD}",
        "# api_key: os.environ/OPENAI_API_KEY",
        "# token: see the vault for the deploy key",
        "# token: required",
        "# password: changeme",
        "# OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxx",
        "# api_key: <your-api-key>",
        "repoURL: https://git.example.com/platform/llm-lab.git",
        "repoURL: ssh://git@git.example.com/platform/llm-lab.git",
        "repoURL: git@github.com:example/llm-lab.git",
        "# yaml-language-server: $schema=../schema/platc.schema.json",
        "  - key: nvidia.com/gpu",
        "# client 600s > gateway 300s > router 2 attempts x 120s + 1s backoff > engine 110s.",
        "# https://user@example.com/x and https://user:@example.com/y",
    ]

    @Test(arguments: innocent)
    func leavesOrdinaryTextAlone(_ line: String) {
        #expect(Self.kinds(line).isEmpty)
    }

    @Test func everyLineOfTheDefaultPlatformIsClean() throws {
        let loaded = Loader().load(try SourceTree.reading(Paths.packageRoot))
        for path in loaded.sources.paths {
            for (number, line) in loaded.sources.lines(of: path).enumerated() {
                #expect(Self.kinds(String(line)).isEmpty, "\(path):\(number + 1)")
            }
        }
    }

    @Test func eachSecretOfALineIsReportedOnce() {
        // The GitHub token is the URL's password: one finding, named by the more precise pattern.
        let line = "https://x:ghp_Ab3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vWx0Y2@github.com/a/b.git token=Q9x-Zr72Lp"
        #expect(Self.kinds(line) == ["a GitHub token", "a literal value for 'token'"])
    }
}
