import Testing

@testable import PlatcDiff

@Suite struct SecretMaskTests {
    private func masked(
        _ old: String?, _ new: String?, path: String = "manifests/x/secret.yaml"
    ) -> (old: String?, new: String?, count: Int) {
        let result = SecretMask.mask(
            old: old.map { OutFile(path: path, bytes: Array($0.utf8)) }, new: new.map { OutFile(path: path, bytes: Array($0.utf8)) })
        return (
            result.old.map { String(decoding: $0, as: UTF8.self) }, result.new.map { String(decoding: $0, as: UTF8.self) }, result.count
        )
    }

    @Test func aSecretsDataShowsKeysAndLabelsTheChangedValue() {
        let before = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  user: YWRtaW4=\n  password: aHVudGVyMg==\n"
        let after = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  user: YWRtaW4=\n  password: c2VjcmV0Mg==\n"
        let result = masked(before, after)
        #expect(result.old == "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  user: ***\n  password: *** (before)\n")
        #expect(result.new == "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  user: ***\n  password: *** (after)\n")
        #expect(result.count == 4)
    }

    @Test func aLiteralUnderASecretKeyIsMaskedAReferenceIsNot() {
        let text =
            "model_list:\n- litellm_params:\n    api_key: os.environ/VLLM_API_KEY\n    master_key: sk-live-1234abcd\n    input_cost_per_token: 1.0e-07\n"
        let result = masked(nil, text, path: "litellm/config.yaml")
        #expect(
            result.new
                == "model_list:\n- litellm_params:\n    api_key: os.environ/VLLM_API_KEY\n    master_key: *** (after)\n    input_cost_per_token: 1.0e-07\n"
        )
        #expect(result.count == 1)
    }

    @Test func unchangedSecretsAreMaskedWithoutLabels() {
        let text = "kind: Secret\nstringData:\n  token: abc123def456\n"
        let result = masked(text + "metadata: {name: a}\n", text + "metadata: {name: b}\n")
        #expect(result.old == "kind: Secret\nstringData:\n  token: ***\nmetadata: {name: a}\n")
        #expect(result.new == "kind: Secret\nstringData:\n  token: ***\nmetadata: {name: b}\n")
    }

    @Test func aBlockScalarKeepsItsLineBreak() {
        let text = "kind: Secret\ndata:\n  key.pem: |\n    line one\n    line two\nmetadata:\n  name: tls\n"
        #expect(masked(text, text).new == "kind: Secret\ndata:\n  key.pem: ***\nmetadata:\n  name: tls\n")
    }

    @Test func tokensAreFoundInAnyFileByTheScanner() {
        let token = "hf_" + String(repeating: "aB3", count: 12)
        let result = masked("<p>token</p>\n", "<p>\(token)</p>\n", path: "catalog/index.html")
        #expect(result.new == "<p>*** (after)</p>\n")
        #expect(result.old == "<p>token</p>\n")
    }

    @Test func filesWithoutSecretsAreUntouched() {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  config.yaml: |\n    a: 1\n"
        let result = masked(text, text)
        #expect(result.old == text && result.new == text && result.count == 0)
    }
}
