import Foundation
import PlatcChecks
import PlatcFacts
import PlatcSpec
import PlatcTestSupport

/// A copy of the minimal platform that the quota tests change one file at a time.
final class QuotaPlatform {
    let platform: TemporaryPlatform

    init() throws { platform = try TemporaryPlatform() }

    /// The quota/* findings on the platform as it is now; throws when it no longer loads.
    func check() throws -> [Diagnostic] {
        let loaded = Loader().load(try SourceTree.reading(platform.root))
        guard let spec = loaded.spec else { throw DoesNotLoad(diagnostics: loaded.diagnostics) }
        return QuotaCheckTests.quota(spec)
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOf: platform.root.appendingPathComponent(path), encoding: .utf8)
        try platform.write(path, change(text))
    }

    /// Sets tiny's tensor parallelism and replicas.
    func serving(tensorParallel: Int = 1, min: Int, max: Int) throws {
        try edit("models/tiny.yaml") { text in
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("  tensorParallel:") && !$0.hasPrefix("  replicas:") }.joined(separator: "\n")
            return kept.replacingOccurrences(
                of: "  gpuMemoryUtilization: 0.8\n",
                with: "  gpuMemoryUtilization: 0.8\n  tensorParallel: \(tensorParallel)\n  replicas: {min: \(min), max: \(max)}\n")
        }
    }

    /// Writes tenants/<name>.yaml; `quota` is the a10 entry of gpuQuota (none when nil).
    func tenant(
        _ name: String, quota: String? = nil, budget: String = "50", period: String = "30d", models: String = "[tiny]",
        rpm: Int = 60, tpm: Int = 100_000
    ) throws {
        try platform.write(
            "tenants/\(name).yaml",
            """
            apiVersion: platc.dev/v1alpha1
            kind: Tenant
            name: \(name)
            ssoGroups: [\(name)]
            budget: {usd: \(budget), period: \(period)}
            rateLimits: {rpm: \(rpm), tpm: \(tpm)}
            models: \(models)

            """ + (quota.map { "gpuQuota:\n  a10: \($0)\n" } ?? ""))
    }

    /// Replaces the platform's budget block.
    func budget(_ fields: String) throws {
        try edit("platform/mini.yaml") { text in
            text.replacingOccurrences(of: #"budget:\n(  .*\n)*"#, with: "budget:\n  \(fields)\n", options: .regularExpression)
        }
    }

    /// Writes models/<name>.yaml: tiny under another name, with these rate limits.
    func model(_ name: String, rateLimits: String?) throws {
        let tiny = try String(contentsOf: Paths.minimalPlatform.appendingPathComponent("models/tiny.yaml"), encoding: .utf8)
        let renamed = tiny.replacingOccurrences(of: "name: tiny", with: "name: \(name)")
            .replacingOccurrences(of: "aliases: [tiny]", with: "aliases: [\(name)]")
        try platform.write("models/\(name).yaml", renamed + (rateLimits.map { "rateLimits: \($0)\n" } ?? ""))
    }

    /// A lora block with `adapters` adapters named a1-lora, a2-lora, …
    static func lora(slots: Int, adapters: Int) -> String {
        "lora:\n  maxLoras: \(slots)\n  adapters:\n"
            + (1...adapters).map {
                "    - name: a\($0)-lora\n      image: registry.example.com/adapters/a\($0)@sha256:\(String(repeating: "\($0)", count: 64))\n"
                    + "      tenants: [team]\n"
            }.joined()
    }

    struct DoesNotLoad: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String { diagnostics.map { "\($0.span?.description ?? "-"): \($0.message)" }.joined(separator: "\n") }
    }
}
