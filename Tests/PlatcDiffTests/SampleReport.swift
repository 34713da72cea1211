import PlatcDiff

/// A hand-built report with one change of each kind, a masked secret, a summary and diagnostics:
/// the input of the report format goldens.
enum SampleReport {
    static let quotaPatch = """
        --- a/out/manifests/_cluster/clusterqueue.search.yaml
        +++ b/out/manifests/_cluster/clusterqueue.search.yaml
        @@ -14,7 +14,7 @@ spec:
               - name: h100
                 resources:
                 - name: nvidia.com/gpu
        -          nominalQuota: 2
        +          nominalQuota: 3
                   borrowingLimit: 0
             - coveredResources:
               - cpu

        """

    static let report = DiffReport(
        base: DiffReport.Base(revision: "origin/main", commit: "0123456789abcdef0123456789abcdef01234567", subject: "Raise search's quota"),
        outPath: "out",
        changeSet: ChangeSet(
            changes: [
                ObjectChange(
                    change: .modified, path: "out/manifests/search/resourcequota.tenant-quota.yaml", family: .kubernetes,
                    identity: ObjectIdentity(apiVersion: "v1", kind: "ResourceQuota", namespace: "search", name: "tenant-quota"),
                    patch:
                        "--- a/out/manifests/search/resourcequota.tenant-quota.yaml\n+++ b/out/manifests/search/resourcequota.tenant-quota.yaml\n@@ -9 +9 @@ spec:\n-    requests.nvidia.com/gpu: '2'\n+    requests.nvidia.com/gpu: '3'\n",
                    insertions: 1, deletions: 1, maskedSecrets: 0, application: "lab"),
                ObjectChange(
                    change: .added, path: "out/manifests/search/secret.db.yaml", family: .kubernetes,
                    identity: ObjectIdentity(apiVersion: "v1", kind: "Secret", namespace: "search", name: "db"),
                    patch:
                        "--- /dev/null\n+++ b/out/manifests/search/secret.db.yaml\n@@ -0,0 +1,5 @@\n+kind: Secret\n+data:\n+  password: *** (after)\n+metadata:\n+  name: db\n",
                    insertions: 5, deletions: 0, maskedSecrets: 1, application: "lab"),
                ObjectChange(
                    change: .modified, path: "out/manifests/_cluster/clusterqueue.search.yaml", family: .kueue,
                    identity: ObjectIdentity(apiVersion: "kueue.x-k8s.io/v1beta2", kind: "ClusterQueue", name: "search"), patch: quotaPatch,
                    insertions: 1, deletions: 1, maskedSecrets: 0, application: "lab"),
                ObjectChange(
                    change: .renamed, path: "out/catalog/models.md", previousPath: "out/catalog/README.md", family: .catalog,
                    identity: ObjectIdentity(), patch: "", insertions: 0, deletions: 0, maskedSecrets: 0),
                ObjectChange(
                    change: .removed, path: "out/notes.txt", family: .files, identity: ObjectIdentity(),
                    patch: "--- a/out/notes.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-```code``` <b>&</b>\n\\ No newline at end of file\n",
                    insertions: 0, deletions: 1, maskedSecrets: 0),
            ], unchanged: 80),
        summary: PlatformSummary(
            changes: [
                PlatformChange(
                    topic: .gpuQuota, subject: "h100/search", field: "quota", before: "2", after: "3",
                    text: "GPU quota of tenant search on h100: 2 → 3 GPUs (class total 3 → 4 of 8)"),
                PlatformChange(
                    topic: .tenants, subject: "labs", field: "added", before: nil, after: "labs", text: "tenant labs <new> added"),
            ],
            introduced: [
                DiagnosticChange(
                    severity: "warning", ruleID: "quota/max-replicas", message: "serving at max replicas needs 9 of h100's 8 GPUs",
                    location: "models/llama.yaml:20:7")
            ],
            resolved: [
                DiagnosticChange(severity: "warning", ruleID: "quota/zero-floor", message: "model `x` has no warm floor", location: nil)
            ],
            baseUnavailable: nil))
}
