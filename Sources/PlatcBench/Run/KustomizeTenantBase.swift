/// `bases/tenant/`: the objects platc renders into a tenant's namespace, plus the Namespace,
/// written as a kustomize base would be by hand (out/manifests/<tenant>/ is the model).
/// Overlays set the namespace, labels, quota numbers, groups and cluster queue.
enum KustomizeTenantBase {
    static func files(platform: String) -> [String: String] {
        [
            "kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            labels:
            - pairs:
                app.kubernetes.io/managed-by: kustomize
                app.kubernetes.io/part-of: \(platform)
            commonAnnotations:
              argocd.argoproj.io/sync-wave: "0"
            resources:
            - namespace.yaml
            - resourcequota.yaml
            - limitrange.yaml
            - role.yaml
            - rolebinding.yaml
            - networkpolicy-default-deny.yaml
            - networkpolicy-allow-egress-dns-litellm.yaml
            - localqueue.yaml

            """,
            "namespace.yaml": """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: tenant
              labels:
                platc.dev/tenant-workloads: "true"
                pod-security.kubernetes.io/audit: restricted
                pod-security.kubernetes.io/audit-version: latest
                pod-security.kubernetes.io/enforce: restricted
                pod-security.kubernetes.io/enforce-version: v1.33
                pod-security.kubernetes.io/warn: restricted
                pod-security.kubernetes.io/warn-version: latest

            """,
            "resourcequota.yaml": """
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: tenant-quota
            spec:
              hard:
                pods: "10"
                requests.cpu: "1"
                requests.memory: 1Gi
                requests.nvidia.com/gpu: "0"

            """,
            "limitrange.yaml": """
            apiVersion: v1
            kind: LimitRange
            metadata:
              name: tenant-defaults
            spec:
              limits:
              - type: Container
                defaultRequest:
                  cpu: 100m
                  memory: 256Mi

            """,
            "role.yaml": role,
            "rolebinding.yaml": """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: tenant-member
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: tenant-member
            subjects:
            - kind: Group
              apiGroup: rbac.authorization.k8s.io
              name: placeholder

            """,
            "networkpolicy-default-deny.yaml": """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
            spec:
              podSelector: {}
              policyTypes:
              - Ingress
              - Egress

            """,
            "networkpolicy-allow-egress-dns-litellm.yaml": """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-egress-dns-litellm
            spec:
              podSelector: {}
              policyTypes:
              - Egress
              egress:
              - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: kube-system
                  podSelector:
                    matchLabels:
                      k8s-app: kube-dns
                ports:
                - {protocol: UDP, port: 53}
                - {protocol: TCP, port: 53}
              - to:
                - namespaceSelector:
                    matchLabels:
                      kubernetes.io/metadata.name: litellm
                  podSelector:
                    matchLabels:
                      app.kubernetes.io/name: litellm
                ports:
                - {protocol: TCP, port: 4000}

            """,
            "localqueue.yaml": """
            apiVersion: kueue.x-k8s.io/v1beta2
            kind: LocalQueue
            metadata:
              name: default
            spec:
              clusterQueue: placeholder
              stopPolicy: None

            """,
        ]
    }

    /// What a tenant's members may do in their namespace (platc's tenant-member Role).
    private static let role = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: tenant-member
        rules:
        - apiGroups: [batch]
          resources: [jobs, cronjobs]
          verbs: [get, list, watch, create, update, patch, delete, deletecollection]
        - apiGroups: [""]
          resources: [pods]
          verbs: [get, list, watch, delete, deletecollection]
        - apiGroups: [""]
          resources: [pods/log]
          verbs: [get, list]
        - apiGroups: [""]
          resources: [pods/exec, pods/portforward]
          verbs: [create]
        - apiGroups: [""]
          resources: [configmaps, secrets, persistentvolumeclaims, services]
          verbs: [get, list, watch, create, update, patch, delete, deletecollection]
        - apiGroups: ["", events.k8s.io]
          resources: [events]
          verbs: [get, list, watch]
        - apiGroups: [kueue.x-k8s.io]
          resources: [workloads, localqueues]
          verbs: [get, list, watch]
        - apiGroups: [""]
          resources: [resourcequotas, limitranges]
          verbs: [get, list, watch]

        """

    /// Objects one tenant overlay yields.
    static let objectsPerTenant = 8
}
