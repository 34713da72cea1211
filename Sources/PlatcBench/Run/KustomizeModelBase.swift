/// `bases/model/`: one vLLM model's serving objects as platc renders them into llm-serving
/// (out/manifests/llm-serving/ is the model), as a hand-written kustomize base. Overlays name,
/// label, point and size them per model.
enum KustomizeModelBase {
    static func files(platform: String, namespace: String) -> [String: String] {
        [
            "kustomization.yaml": """
            apiVersion: kustomize.config.k8s.io/v1beta1
            kind: Kustomization
            namespace: \(namespace)
            labels:
            - pairs:
                app.kubernetes.io/name: vllm
              includeSelectors: true
            - pairs:
                app.kubernetes.io/managed-by: kustomize
                app.kubernetes.io/part-of: \(platform)
            commonAnnotations:
              argocd.argoproj.io/sync-wave: "1"
            resources:
            - deployment.yaml
            - service.yaml
            - poddisruptionbudget.yaml
            - scaledobject.yaml
            - podmonitor.yaml
            - httproute.yaml
            - inferencepool.yaml

            """,
            "deployment.yaml": deployment,
            "service.yaml": """
            apiVersion: v1
            kind: Service
            metadata:
              name: vllm
            spec:
              type: ClusterIP
              ports:
              - {name: http, port: 8000, targetPort: http, protocol: TCP}

            """,
            "poddisruptionbudget.yaml": """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: vllm
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: vllm
              unhealthyPodEvictionPolicy: AlwaysAllow

            """,
            "scaledobject.yaml": """
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata:
              name: vllm
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: vllm
              minReplicaCount: 1
              maxReplicaCount: 1
              pollingInterval: 15
              advanced:
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleUp:
                      stabilizationWindowSeconds: 60
                      policies:
                      - {type: Pods, value: 1, periodSeconds: 60}
                    scaleDown:
                      stabilizationWindowSeconds: 900
                      policies:
                      - {type: Pods, value: 1, periodSeconds: 600}
              triggers:
              - type: prometheus
                metricType: AverageValue
                metadata:
                  serverAddress: http://prometheus-operated.monitoring.svc:9090
                  query: placeholder
                  threshold: "5"

            """,
            "podmonitor.yaml": """
            apiVersion: monitoring.coreos.com/v1
            kind: PodMonitor
            metadata:
              name: vllm
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: vllm
              podTargetLabels: [platc.dev/model, platc.dev/owner]
              podMetricsEndpoints:
              - {port: http, path: /metrics, interval: 15s}

            """,
            "httproute.yaml": """
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: vllm
            spec:
              parentRefs:
              - {group: gateway.networking.k8s.io, kind: Gateway, namespace: llm-gateway, name: llm-gateway}
              rules:
              - matches:
                - path: {type: PathPrefix, value: /}
                  headers:
                  - {type: Exact, name: X-Gateway-Model-Name, value: placeholder}
                backendRefs:
                - {group: inference.networking.k8s.io, kind: InferencePool, name: vllm, weight: 1}
                timeouts:
                  request: 5m

            """,
            "inferencepool.yaml": """
            apiVersion: inference.networking.k8s.io/v1
            kind: InferencePool
            metadata:
              name: vllm
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: vllm
              targetPorts:
              - number: 8000
              appProtocol: http

            """,
        ]
    }

    /// Objects one model overlay yields.
    static let objectsPerModel = 7

    /// The vLLM Deployment with its modelcar sidecar; images, args, resources and the node
    /// selector come from each model's overlay.
    private static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: vllm
          annotations:
            argocd.argoproj.io/ignore-differences-json-pointers: /spec/replicas
        spec:
          replicas: 1
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
          progressDeadlineSeconds: 1200
          template:
            metadata:
              annotations:
                kubectl.kubernetes.io/default-container: vllm
            spec:
              automountServiceAccountToken: false
              enableServiceLinks: false
              shareProcessNamespace: true
              priorityClassName: platc-serving
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
                runAsGroup: 10001
                fsGroup: 10001
                seccompProfile: {type: RuntimeDefault}
              terminationGracePeriodSeconds: 140
              tolerations:
              - {key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}
              initContainers:
              - name: model-modelcar
                image: modelcar
                imagePullPolicy: IfNotPresent
                command: [sh, -c, 'mkdir -p /mnt && ln -sfn /proc/$$$$/root/models /mnt/models && exec sleep infinity']
                restartPolicy: Always
                startupProbe:
                  exec:
                    command: [sh, -c, '[ -n "$(ls -A /mnt/models/)" ]']
                  periodSeconds: 1
                  failureThreshold: 120
                resources:
                  requests: {cpu: 10m, memory: 16Mi}
                  limits: {cpu: 10m, memory: 16Mi}
                securityContext:
                  runAsNonRoot: true
                  runAsUser: 10001
                  runAsGroup: 10001
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
                  readOnlyRootFilesystem: true
                  seccompProfile: {type: RuntimeDefault}
                volumeMounts:
                - {name: modelcar-links, mountPath: /mnt}
              containers:
              - name: vllm
                image: vllm-openai
                imagePullPolicy: IfNotPresent
                args: [--model, /mnt/models]
                env:
                - {name: HOME, value: /home/vllm}
                - {name: XDG_CACHE_HOME, value: /home/vllm/.cache}
                - {name: HF_HOME, value: /home/vllm/.cache/huggingface}
                - {name: HF_HUB_OFFLINE, value: "1"}
                - {name: VLLM_CACHE_ROOT, value: /home/vllm/.cache/vllm}
                - {name: VLLM_NO_USAGE_STATS, value: "1"}
                ports:
                - {name: http, containerPort: 8000, protocol: TCP}
                readinessProbe:
                  httpGet: {path: /health, port: http}
                  periodSeconds: 10
                  timeoutSeconds: 5
                  failureThreshold: 3
                livenessProbe:
                  httpGet: {path: /health, port: http}
                  periodSeconds: 30
                  timeoutSeconds: 10
                  failureThreshold: 10
                lifecycle:
                  preStop:
                    exec:
                      command: [sleep, "10"]
                securityContext:
                  runAsNonRoot: true
                  runAsUser: 10001
                  runAsGroup: 10001
                  allowPrivilegeEscalation: false
                  capabilities: {drop: [ALL]}
                  readOnlyRootFilesystem: true
                  seccompProfile: {type: RuntimeDefault}
                volumeMounts:
                - {name: home, mountPath: /home/vllm}
                - {name: tmp, mountPath: /tmp}
                - {name: dshm, mountPath: /dev/shm}
                - {name: modelcar-links, mountPath: /mnt, readOnly: true}
              volumes:
              - {name: home, emptyDir: {sizeLimit: 8Gi}}
              - {name: tmp, emptyDir: {sizeLimit: 2Gi}}
              - {name: dshm, emptyDir: {medium: Memory, sizeLimit: 2Gi}}
              - {name: modelcar-links, emptyDir: {sizeLimit: 1Mi}}

        """
}
