#!/usr/bin/env python3
"""Writes the bad-input fixtures under Tests/Fixtures/bad/.

Each fixture is a folder of files laid over Tests/Fixtures/minimal/ (a valid platform), plus an
optional DELETE file listing base paths to remove. The end-to-end tests copy minimal/, apply the
overlay, run the built `platc check` on it and compare with the folder's expected.txt.
Re-run this script after changing a fixture here; expected.txt is recorded by the tests
(PLATC_RECORD=1 swift test --filter BadFixture).
"""
import os, shutil, pathlib

HERE = pathlib.Path(__file__).parent
BASE = HERE / "minimal"
OUT = HERE / "bad"

def base(path):
    return (BASE / path).read_text()

def sub(path, old, new, count=1):
    text = base(path)
    assert old in text, (path, old)
    return text.replace(old, new, count)

T, M, P, G = "tenants/team.yaml", "models/tiny.yaml", "platform/mini.yaml", "platform/a10.yaml"
HEADER_T = "apiVersion: platc.dev/v1alpha1\nkind: Tenant\n"

fixtures = {
  "yaml-syntax-unclosed-flow": {T: sub(T, "budget:\n  usd: 50\n", "budget: {usd: 50\n")},
  "yaml-syntax-bad-indent": {T: sub(T, "  tpm: 100000\n", "    tpm: 100000\n  oops\n")},
  "yaml-tab-indentation": {T: sub(T, "  usd: 50\n", "\tusd: 50\n").replace("  tpm: 100000\n", "\t tpm: 100000\n")},
  "yaml-duplicate-key": {T: sub(T, "  tpm: 100000\n", "  tpm: 100000\n  rpm: 6000\n")},
  "yaml-duplicate-keys-two-levels": {T: sub(T, "models: [tiny]\n", "models: [tiny]\nname: team\n").replace("gpuQuota:\n  a10: {nominal: 1}", "gpuQuota:\n  a10: {nominal: 1, nominal: 2}")},
  "yaml-invalid-utf8": {T: sub(T, "ssoGroups: [team]\n", "displayName: \"Recherche \xe9quipe\"\nssoGroups: [team]\n").encode("latin-1")},
  "yaml-utf16-file": {T: base(T).encode("utf-16")},
  "yaml-empty-file": {"tenants/empty.yaml": ""},
  "yaml-comment-only-file": {"tenants/todo.yaml": "# TODO: write the tenant for the ML team\n\n# (nothing here yet)\n"},
  "yaml-multiple-documents": {T: base(T) + "---\n" + HEADER_T + "name: other\n"},
  "yaml-explicit-tag": {T: sub(T, "  rpm: 60\n", "  rpm: !!str 60\n")},
  "yaml-undefined-alias": {T: sub(T, "budget:\n  usd: 50\n", "budget: *defaultBudget\n")},
  "limit-alias-bomb": {T: HEADER_T + "name: team\n" + "".join(
      f"l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 10 if i else ["lol"] * 10) + "]\n" for i in range(9))},
  "limit-nesting-depth": {T: sub(T, "ssoGroups: [team]\n", "ssoGroups: " + "[" * 70 + "team" + "]" * 70 + "\n")},
  "schema-unknown-kind": {T: sub(T, "kind: Tenant\n", "kind: Tennant\n")},
  "schema-kind-not-a-scalar": {T: sub(T, "kind: Tenant\n", "kind: [Tenant]\n")},
  "source-wrong-folder": {"tenants/a10.yaml": base(G)},
  "schema-api-version-unsupported": {T: sub(T, "apiVersion: platc.dev/v1alpha1\n", "apiVersion: platc.dev/v2\n")},
  "schema-api-version-missing": {T: sub(T, "apiVersion: platc.dev/v1alpha1\n", "")},
  "schema-unknown-key-suggestion": {T: sub(T, "rateLimits:\n", "rateLimit:\n")},
  "schema-unknown-key-nested": {T: sub(T, "{nominal: 1}", "{nominl: 1}")},
  "schema-unknown-key-no-suggestion": {M: sub(M, "tenants: [team]\n", "tenants: [team]\nsecretSauce: true\n")},
  "schema-merge-key": {T: sub(T, "budget:\n  usd: 50\n", "defaults: &defaults\n  usd: 50\nbudget:\n  <<: *defaults\n")},
  "schema-wrong-type-quoted-number": {T: sub(T, "  rpm: 60\n", "  rpm: \"60\"\n")},
  "schema-wrong-type-scalar-for-list": {T: sub(T, "ssoGroups: [team]\n", "ssoGroups: team\n")},
  "schema-wrong-type-scalar-for-object": {T: sub(T, "budget:\n  usd: 50\n", "budget: 50\n")},
  "schema-wrong-type-list-for-scalar": {M: sub(M, "owner: team\n", "owner: [team, platform]\n")},
  "schema-document-not-mapping": {T: "- apiVersion: platc.dev/v1alpha1\n- kind: Tenant\n"},
  "schema-missing-field": {T: sub(T, "budget:\n  usd: 50\n", "")},
  "schema-missing-field-nested": {P: sub(P, "    timeout: 50s\n", "")},
  "schema-missing-kind": {T: sub(T, "kind: Tenant\n", "")},
  "schema-null-required-field": {T: sub(T, "budget:\n  usd: 50\n", "budget:\n")},
  "schema-empty-list": {T: sub(T, "ssoGroups: [team]\n", "ssoGroups: []\n")},
  "schema-bad-unit-duration": {P: sub(P, "  client: 300s\n", "  client: 300\n").replace("  engine: 45s\n", "  engine: 45 seconds\n")},
  "schema-bad-unit-fractional-duration": {P: sub(P, "  engine: 45s\n", "  engine: 1.5m\n")},
  "schema-bad-unit-memory": {G: sub(G, "memory: 24Gi\n", "memory: 24GB\n")},
  "schema-bad-unit-cpu": {T: base(T) + "namespaceQuota:\n  cpu: 4 cores\n  memory: 2Gb\n"},
  "schema-negative-number": {T: sub(T, "{nominal: 1}", "{nominal: -1}")},
  "schema-nan-and-infinity": {T: sub(T, "  usd: 50\n", "  usd: .nan\n").replace("  tpm: 100000\n", "  tpm: .inf\n")},
  "schema-number-overflow": {T: sub(T, "  tpm: 100000\n", "  tpm: 99999999999999999999999\n")},
  "schema-fraction-out-of-range": {M: sub(M, "  maxModelLen: 4096\n", "  maxModelLen: 4096\n  gpuMemoryUtilization: 1.2\n")},
  "schema-fraction-as-percent": {M: sub(M, "  maxModelLen: 4096\n", "  maxModelLen: 4096\n  gpuMemoryUtilization: 90%\n")},
  "schema-fractional-integer": {T: sub(T, "  rpm: 60\n", "  rpm: 60.5\n")},
  "schema-usd-currency-sign": {T: sub(T, "  usd: 50\n", "  usd: $50\n")},
  "schema-bad-enum-value": {M: sub(M, "status: ga\n", "status: GA\n").replace("tenants: [team]\n", "tenants: [team]\nmode: chatt\n")},
  "schema-bad-boolean": {P: sub(P, "  allowedRegistries: [registry.example.com]\n", "  allowedRegistries: [registry.example.com]\n  requireDigests: yes\n")},
  "schema-bad-budget-period": {T: sub(T, "  usd: 50\n", "  usd: 50\n  period: monthly\n")},
  "schema-bad-version": {P: sub(P, "kubernetesVersion: \"1.31\"\n", "kubernetesVersion: v1.31\n")},
  "schema-bad-image-reference": {M: sub(M, "models/tiny@sha256:1111111111111111111111111111111111111111111111111111111111111111", "models/Tiny:latest@sha256:abc")},
  "schema-bad-map-key": {G: base(G) + "nodeSelector:\n  \"nvidia.com/gpu product\": NVIDIA-A10\n"},
  "schema-invalid-name": {"tenants/Team_A.yaml": sub(T, "name: team\n", "name: Team_A\n"), "DELETE": T},
  "schema-invalid-name-reference": {M: sub(M, "gpuClass: a10\n", "gpuClass: A10_pool\n")},
  "schema-name-mismatch": {T: sub(T, "name: team\n", "name: teem\n")},
  "schema-duplicate-name": {"tenants/more/team.yml": base(T)},
  "schema-duplicate-item": {M: sub(M, "tenants: [team]\n", "tenants: [team, team]\n").replace("aliases: [tiny]\n", "aliases: [tiny, tiny-chat, tiny]\n")},
  # A hosted model (provider) that also writes what only a served model has, and one missing its key.
  "schema-hosted-model-with-serving": {M: sub(M, "tenants: [team]\n", "tenants: [team]\nprovider:\n  name: anthropic\n  model: claude-haiku-4-5\n  apiKeyRef: {name: anthropic, key: ANTHROPIC_API_KEY}\n")},
  "schema-hosted-model-incomplete": {"models/claude.yaml": "apiVersion: platc.dev/v1alpha1\nkind: Model\nname: claude\nowner: team\nstatus: ga\ndescription: Hosted.\naliases: [claude]\nprovider:\n  name: anthropik\n  model: claude-haiku-4-5\n  apiBase: ftp://example.com\ntenants: [team]\npricing: {inputPerMillion: 1, outputPerMillion: 5}\n"},
  "schema-exclusive-fields": {M: sub(M, "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n  env:\n    - name: HF_TOKEN\n      value: \"1\"\n      valueFrom: {secretKeyRef: {name: hf-token, key: token}}\n")},
  "schema-env-names": {M: sub(M, "  gpuMemoryUtilization: 0.8\n", "  gpuMemoryUtilization: 0.8\n  env:\n    - {name: VLLM_LOGGING_LEVEL, value: DEBUG}\n    - {name: 2FAST, value: \"1\"}\n    - {name: VLLM_LOGGING_LEVEL, value: INFO}\n    - {name: HF_TOKEN}\n")},
  "source-config-json-missing": {M: sub(M, "config: tiny.json\n", "config: configs/tiny.json\n")},
  "source-config-json-invalid": {"models/tiny.json": "{\n  \"architectures\": [\"Qwen2ForCausalLM\"],\n  \"hidden_size\": 896,,\n}\n"},
  "source-config-json-not-a-config": {"models/tiny.json": "{\"hello\": \"world\"}\n"},
  "source-config-json-outside-models": {M: sub(M, "config: tiny.json\n", "config: ../platform/mini.yaml\n")},
  "source-platform-missing": {"DELETE": P},
  "source-platform-twice": {"platform/mini2.yaml": sub(P, "name: mini\n", "name: mini2\n")},
  "many-errors-across-files": {
      T: sub(T, "rateLimits:\n", "rateLimit:\n"),
      M: sub(M, "status: ga\n", "status: beta\n").replace("  maxModelLen: 4096\n", "  maxModelLen: -4096\n"),
      G: sub(G, "memory: 24Gi\n", "memory: 24\n")},
  "crlf-and-bom-errors-keep-positions": {T: ("\ufeff" + sub(T, "  rpm: 60\n", "  rpm: sixty\n")).replace("\n", "\r\n")},
}

shutil.rmtree(OUT, ignore_errors=True)
for name, files in fixtures.items():
    folder = OUT / name
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_bytes(content.encode("utf-8"))
        else:
            target.write_bytes(content)
print(f"{len(fixtures)} fixtures")
