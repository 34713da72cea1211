import Foundation
import PlatcSpec
import PlatcTestSupport
import Testing

@testable import PlatcFacts
@testable import PlatcRender

/// Every pod template platc renders meets the Pod Security Standards' `restricted` profile, which
/// includes `baseline`: each control of kubernetes.io/docs/concepts/security/pod-security-standards,
/// in every namespace (also the LiteLLM one, which platc does not render and so cannot label), and
/// every Namespace platc renders enforces the profile (the inference Gateway's audits it: its pods
/// are the gateway implementation's). This holds platc's own output to the
/// standard, apart from the Kyverno policy that enforces it on tenants in the cluster.
@Suite struct PodSecurityRestrictedTests {
    /// Kinds whose objects carry a pod template, and where it is.
    static let templatePaths = [
        "Pod": "spec", "CronJob": "spec.jobTemplate.spec.template.spec", "Deployment": "spec.template.spec",
        "StatefulSet": "spec.template.spec", "DaemonSet": "spec.template.spec", "ReplicaSet": "spec.template.spec",
        "Job": "spec.template.spec",
    ]

    @Test(arguments: RenderDeterminismTests.platforms)
    func everyRenderedPodIsRestricted(_ root: URL) throws {
        let spec = try #require(Loader().load(try SourceTree.reading(root)).spec)
        let context = RenderContext(facts: Facts(spec))
        let objects = RenderPipeline.planners.flatMap { $0.plan(context) }
        let imageVolumes = PodSecurityRestricted.admitsImageVolumes(spec.platform.kubernetesVersion.value)
        let workloads = objects.filter { Self.templatePaths[$0.kind] != nil }
        // Not vacuous: each platform renders vLLM Deployments and the reconciler Job.
        #expect(Set(workloads.map(\.kind)) == ["Deployment", "Job"])
        for object in workloads {
            let pod = try #require(YAMLValue.map(object.body)[path: Self.templatePaths[object.kind]!])
            #expect(pod.at("containers")?.listValue?.isEmpty == false)
            let violations = PodSecurityRestricted.violations(pod, imageVolumes: imageVolumes)
            #expect(violations.isEmpty, "\(object.kind) \(object.namespace ?? "")/\(object.name): \(violations)")
        }
        let namespaces = objects.filter { $0.kind == "Namespace" }
        #expect(!namespaces.isEmpty)
        // The inference Gateway's namespace holds the gateway implementation's pods, not platc's:
        // baseline enforced, restricted audited and warned (InferenceGateway.namespace).
        let inferenceGateway = context.facts.inferenceRouting?.namespace
        for namespace in namespaces {
            let enforced = namespace.name == inferenceGateway ? "baseline" : "restricted"
            #expect(namespace.labelValue("pod-security.kubernetes.io/enforce") == enforced, "\(namespace.name)")
            #expect(namespace.labelValue("pod-security.kubernetes.io/audit") == "restricted", "\(namespace.name)")
        }
    }

    /// The checker is not vacuous: one broken field at a time, each reported.
    @Test func eachControlIsCaught() {
        let context: YAMLValue = [
            "runAsNonRoot": true, "runAsUser": 10001, "allowPrivilegeEscalation": false,
            "capabilities": ["drop": ["ALL"]], "seccompProfile": ["type": "RuntimeDefault"],
        ]
        func pod(_ container: YAMLValue = context, _ extra: YAMLMap = [:]) -> YAMLValue {
            var pod: YAMLMap = [
                "securityContext": ["runAsNonRoot": true, "seccompProfile": ["type": "RuntimeDefault"]],
                "containers": [["name": "c", "securityContext": container]],
                "volumes": [["name": "v", "emptyDir": [:]]],
            ]
            for entry in extra.entries { pod[entry.key] = entry.value }
            return .map(pod)
        }
        func with(_ key: String, _ value: YAMLValue?) -> YAMLValue {
            var map = context.mapValue!
            map[key] = value
            return .map(map)
        }
        #expect(PodSecurityRestricted.violations(pod(), imageVolumes: false).isEmpty)
        let broken: [(String, YAMLValue)] = [
            ("privileged", pod(with("privileged", true))),
            ("allowPrivilegeEscalation", pod(with("allowPrivilegeEscalation", nil))),
            ("runAsNonRoot", pod(with("runAsNonRoot", false))),
            ("runAsUser", pod(with("runAsUser", 0))),
            ("capabilities", pod(with("capabilities", ["drop": ["NET_RAW"]]))),
            ("capabilities", pod(with("capabilities", ["drop": ["ALL"], "add": ["SYS_ADMIN"]]))),
            ("seccompProfile", pod(with("seccompProfile", ["type": "Unconfined"]))),
            ("procMount", pod(with("procMount", "Unmasked"))),
            ("seLinuxOptions", pod(with("seLinuxOptions", ["type": "spc_t"]))),
            ("hostNetwork", pod(context, ["hostNetwork": true])),
            ("volumes", pod(context, ["volumes": [["name": "root", "hostPath": ["path": "/"]]]])),
            ("volumes", pod(context, ["volumes": [["name": "m", "image": ["reference": "r@sha256:1"]]]])),
            ("sysctls", pod(context, ["securityContext": ["runAsNonRoot": true, "sysctls": [["name": "kernel.x"]]]])),
        ]
        for (control, value) in broken {
            let violations = PodSecurityRestricted.violations(value, imageVolumes: false)
            #expect(violations.contains { $0.hasPrefix(control) }, "\(control) not caught: \(violations)")
        }
        let image = pod(context, ["volumes": [["name": "m", "image": ["reference": "r@sha256:1"]]]])
        #expect(PodSecurityRestricted.violations(image, imageVolumes: true).isEmpty)
    }
}
