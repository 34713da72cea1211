import PlatcDiff
import Testing

/// Money, rate limits, the timeout ladder and platform settings.
@Suite struct SettingChangesTests {
    @Test func budgetsPricesAndRateLimits() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("platform/mini.yaml", "budget:\n  usd: 100\n", "budget:\n  usd: 200\n  overcommit: 1.5\n")
        head.edit("tenants/team.yaml", "budget:\n  usd: 50\n", "budget:\n  usd: 60\n  period: 7d\n")
        head.edit("tenants/team.yaml", "rpm: 60", "rpm: 120")
        head.edit("models/tiny.yaml", "inputPerMillion: 0.01", "inputPerMillion: 0.015")
        head.files["models/tiny.yaml"]! += "rateLimits: {rpm: 600, tpm: 1000000}\n"
        #expect(
            try SummaryPlatform.summary(base, head).changes == [
                .change(
                    .budgets, "platform", "budget", "$100.00 per 30d", "$200.00 per 30d",
                    "Platform budget: $100.00 per 30d → $200.00 per 30d"),
                .change(
                    .budgets, "platform", "overcommit", "1×", "1.5×", "Overcommit of tenant budgets over the platform budget: 1× → 1.5×"),
                .change(
                    .budgets, "team", "budget", "$50.00 per 30d", "$60.00 per 7d", "Budget of tenant team: $50.00 per 30d → $60.00 per 7d"),
                .change(.budgets, "tiny", "input price", "$0.01", "$0.015", "Input price of model tiny: $0.01 → $0.015 per 1M tokens"),
                .change(.rateLimits, "team", "rpm", "60", "120", "Requests per minute of tenant team: 60 → 120"),
                .change(.rateLimits, "tiny", "rpm", nil, "600", "Requests per minute of model tiny: none → 600"),
                .change(.rateLimits, "tiny", "tpm", nil, "1,000,000", "Tokens per minute of model tiny: none → 1,000,000"),
            ])
    }

    @Test func routerRetriesChangeTheRoutersWorstCase() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("platform/mini.yaml", "retries: 1", "retries: 2")
        let summary = try SummaryPlatform.summary(base, head)
        // LiteLLM sleeps 0.5 s × 2^k + 0.75 s jitter before retry k and once after the last:
        // 1 retry 1.25 + 1.75 = 3 s; 2 retries + 2.75 = 5.75 s.
        #expect(
            summary.changes == [
                .change(.timeouts, "router", "retries", "1", "2", "Router retries: 1 → 2"),
                .change(
                    .timeouts, "router", "worst case", "1 m 43 s", "2 m 35.75 s",
                    "Router worst case: 1 m 43 s → 2 m 35.75 s (3 attempts × 50 s + 5.75 s backoff; gateway 2 m)"),
            ])
        #expect(summary.introduced.map(\.ruleID) == ["timeout/gateway-router"])
        #expect(summary.introduced.first?.location == "platform/mini.yaml:10:12")
    }

    @Test func eachLayerOfTheLadder() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("platform/mini.yaml", "client: 300s", "client: 600s")
        head.edit("platform/mini.yaml", "gateway: 120s", "gateway: 150s")
        head.edit("platform/mini.yaml", "    retries: 1\n", "    retries: 1\n    streamTimeout: 30s\n    retryBackoff: 1s\n")
        head.edit("platform/mini.yaml", "engine: 45s", "engine: 40s")
        #expect(
            try SummaryPlatform.summary(base, head).changes == [
                .change(.timeouts, "client", "timeout", "5 m", "10 m", "Client timeout: 5 m → 10 m"),
                .change(.timeouts, "engine", "timeout", "45 s", "40 s", "Engine timeout: 45 s → 40 s"),
                .change(.timeouts, "gateway", "timeout", "2 m", "2 m 30 s", "Gateway timeout: 2 m → 2 m 30 s"),
                .change(.timeouts, "router", "retry backoff", "0 s", "1 s", "Router retry backoff: 0 s → 1 s"),
                .change(.timeouts, "router", "stream timeout", nil, "30 s", "Router stream timeout: none → 30 s"),
                .change(
                    .timeouts, "router", "worst case", "1 m 43 s", "1 m 43.5 s",
                    "Router worst case: 1 m 43 s → 1 m 43.5 s (2 attempts × 50 s + 3.5 s backoff; gateway 2 m 30 s)"),
            ])
    }

    @Test func kubernetesVersionAndPolicyMode() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("platform/mini.yaml", "kubernetesVersion: \"1.31\"", "kubernetesVersion: \"1.33\"")
        head.edit("platform/mini.yaml", "policy:\n", "policy:\n  mode: Enforce\n")
        #expect(
            try SummaryPlatform.summary(base, head).changes == [
                .change(.platform, "platform", "kubernetes version", "1.31", "1.33", "Kubernetes version: 1.31 → 1.33"),
                .change(.platform, "platform", "policy mode", "Audit", "Enforce", "Admission policy mode: Audit → Enforce"),
            ])
    }

    @Test func theRequestPathsEnds() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("platform/mini.yaml", "hostname: llm.mini.example.com", "hostname: ai.example.com")
        head.edit("platform/mini.yaml", "\nlitellm:\n", "\nlitellm:\n  service: {port: 4100}\n")
        head.files["platform/mini.yaml"]! += "serving:\n  apiKeyRef: {name: vllm-key-2}\n"
        #expect(
            try SummaryPlatform.summary(base, head).changes == [
                .change(
                    .requestPath, "platform", "gateway", "llm-gateway/llm-gateway on llm.mini.example.com",
                    "llm-gateway/llm-gateway on ai.example.com",
                    "Gateway clients call: llm-gateway/llm-gateway on llm.mini.example.com → llm-gateway/llm-gateway on ai.example.com"),
                .change(
                    .requestPath, "platform", "litellm service", "litellm/litellm:4000", "litellm/litellm:4100",
                    "LiteLLM's Service (the edge route's backend): litellm/litellm:4000 → litellm/litellm:4100"),
                .change(
                    .requestPath, "platform", "vllm api key", "vllm-api-key/VLLM_API_KEY", "vllm-key-2/VLLM_API_KEY",
                    "Secret key vLLM requires (in the serving namespace): vllm-api-key/VLLM_API_KEY → vllm-key-2/VLLM_API_KEY"),
            ])
    }
}
