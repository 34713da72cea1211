import PlatcSpec

/// The parts of a Kyverno `ValidatingPolicy` platc writes, in the CRD's field order. Every policy
/// is cluster-scoped, matches by namespace label (never by name, so a new tenant is covered
/// without touching the policy) and fails closed.
struct ValidatingPolicyShape {
    /// One CEL validation: false (or an evaluation error, `failurePolicy: Fail`) is a violation.
    struct Validation {
        var expression: String
        /// Static text, shown when `messageExpression` cannot be evaluated; also the validation's
        /// identity in docs and in the behaviour harness (each names what it checks).
        var message: String
        var messageExpression: String?
    }

    var name: String
    /// `matchLabels` of the namespaces the policy applies to.
    var namespaceLabels: [(String, String)]
    var resources: [ResourceRule]
    var matchConditions: [(name: String, expression: String)] = []
    var variables: [(name: String, expression: String)] = []
    var validations: [Validation]

    func object(_ context: RenderContext, sources: [String]) -> KubeObject {
        let spec: YAMLMap = [
            "validationActions": .list(Self.validationActions(context.platform).map(YAMLValue.string)),
            // Fail closed: an expression that cannot be evaluated (or Kyverno being unreachable)
            // counts as a violation, so a broken policy never silently admits everything. In
            // Audit mode that is a report and a warning, not a denial.
            "failurePolicy": "Fail",
            "matchConstraints": [
                "namespaceSelector": ["matchLabels": .sortedMap(namespaceLabels)],
                "resourceRules": .list(resources.map(\.yaml)),
            ],
            "matchConditions": matchConditions.isEmpty
                ? nil : .list(matchConditions.map { ["name": .string($0.name), "expression": .string($0.expression)] }),
            "variables": variables.isEmpty
                ? nil : .list(variables.map { ["name": .string($0.name), "expression": .string($0.expression)] }),
            "validations": .list(
                validations.map {
                    [
                        "expression": .string($0.expression), "message": .string($0.message),
                        "messageExpression": $0.messageExpression.map(YAMLValue.string),
                    ]
                }),
            // Both written out (they are Kyverno's defaults): admission decides new objects, the
            // background scan reports objects that existed before the policy or a change to it.
            "evaluation": ["admission": ["enabled": true], "background": ["enabled": true]],
        ]
        return KubeObject(
            KyvernoNames.apiVersion, KyvernoNames.validatingPolicy, name: name, labels: context.commonLabels,
            body: ["spec": .map(spec)], sources: sources)
    }

    /// Audit: report and warn the client (`kubectl` prints it), never deny. Enforce: deny.
    /// ("Deny" and "Warn" may not be combined; the CRD allows the Audit+Warn pair.)
    static func validationActions(_ platform: Platform) -> [String] {
        switch platform.policy.mode.value {
        case .audit: ["Audit", "Warn"]
        case .enforce: ["Deny"]
        }
    }
}

/// One `resourceRules` entry: CREATE and UPDATE of some resources of one API group.
struct ResourceRule {
    var group: String
    var resources: [String]

    var yaml: YAMLValue {
        [
            "apiGroups": [.string(group)], "apiVersions": ["v1"], "operations": ["CREATE", "UPDATE"],
            "resources": .list(resources.map(YAMLValue.string)),
        ]
    }

    /// Pods, and the ephemeral containers `kubectl debug` adds through their own subresource
    /// (an UPDATE of `pods/ephemeralcontainers`, which a rule on `pods` alone never sees).
    static let podsAndDebugContainers = ResourceRule(group: "", resources: ["pods", "pods/ephemeralcontainers"])
    static let pods = ResourceRule(group: "", resources: ["pods"])
    /// The controllers with a pod template, so a bad template fails the Argo CD sync of the
    /// Deployment or Job itself instead of leaving a ReplicaSet or Job silently unable to create
    /// pods (what Kyverno's autogen would do; it is off for policies with a namespaceSelector).
    static let appsControllers = ResourceRule(group: "apps", resources: ["daemonsets", "deployments", "replicasets", "statefulsets"])
    static let batchControllers = ResourceRule(group: "batch", resources: ["cronjobs", "jobs"])

    /// Every object that is or holds a pod spec.
    static let allWorkloads = [podsAndDebugContainers, appsControllers, batchControllers]
}
