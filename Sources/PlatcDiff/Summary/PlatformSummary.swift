import PlatcFacts
import PlatcSpec

/// What a pull request changes in the platform's own terms, from the Specs and `platc check`
/// findings at the base revision and in the working tree.
public struct PlatformSummary: Sendable, Equatable {
    /// Sorted: topic order, then subject, then field.
    public var changes: [PlatformChange]
    /// Findings in head that base does not have, in report order.
    public var introduced: [DiagnosticChange]
    /// Findings in base that head no longer has, in report order.
    public var resolved: [DiagnosticChange]
    /// Why the base Spec could not be compared (it did not load, or there was no platform yet);
    /// nil normally.
    public var baseUnavailable: String?

    public init(
        changes: [PlatformChange] = [], introduced: [DiagnosticChange] = [], resolved: [DiagnosticChange] = [],
        baseUnavailable: String? = nil
    ) {
        self.changes = changes
        self.introduced = introduced
        self.resolved = resolved
        self.baseUnavailable = baseUnavailable
    }

    /// Nothing to report: no change, no finding introduced or resolved, the base compared.
    public var isEmpty: Bool { changes.isEmpty && introduced.isEmpty && resolved.isEmpty && baseUnavailable == nil }

    /// Compares base and head. Without a base Spec, every tenant and model in head counts as added
    /// (their quotas and settings are not listed one by one) and `baseProblem` says why.
    /// Findings are compared whether or not the base loaded: a load error fixed is resolved.
    /// `changedRoutes`: the HTTPRoute files of out/ that differ (path → bytes on each side,
    /// `RouteChanges.routeFiles`), for what the render itself changes on the request path.
    public static func compare(
        base: Facts?, baseDiagnostics: [Diagnostic], head: Facts, headDiagnostics: [Diagnostic], baseProblem: String? = nil,
        changedRoutes: (base: [String: [UInt8]], head: [String: [UInt8]]) = ([:], [:])
    ) -> PlatformSummary {
        var list = ChangeList()
        RouteChanges.compare(base: changedRoutes.base, head: changedRoutes.head, head: head, into: &list)
        if let base {
            let pair = SpecPair(base: base, head: head)
            TenantChanges.compare(pair, into: &list)
            ModelChanges.compare(pair, into: &list)
            HostedModelChanges.compare(pair, into: &list)
            GPUQuotaChanges.compare(pair, into: &list)
            ServingChanges.compare(pair, into: &list)
            FitChanges.compare(pair, into: &list)
            BudgetChanges.compare(pair, into: &list)
            RateLimitChanges.compare(pair, into: &list)
            TimeoutChanges.compare(pair, into: &list)
            PlatformSettingChanges.compare(pair, into: &list)
        } else {
            for tenant in head.spec.tenants { TenantChanges.added(tenant, into: &list) }
            for model in head.spec.models { ModelChanges.added(model, head, into: &list) }
            for model in head.spec.hostedModels { HostedModelChanges.added(model, head, into: &list) }
        }
        return PlatformSummary(
            changes: list.sorted, introduced: DiagnosticChange.unmatched(headDiagnostics, against: baseDiagnostics),
            resolved: DiagnosticChange.unmatched(baseDiagnostics, against: headDiagnostics),
            baseUnavailable: base == nil ? baseProblem ?? "the base revision's sources did not load" : nil)
    }
}
