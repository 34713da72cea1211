import PlatcDiff
import PlatcFacts
import Testing

/// GPU quota, serving claims and fit: what a change does to the GPUs.
@Suite struct CapacityChangesTests {
    @Test func raisingOneTenantsQuotaChangesItAndTheClassTotal() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("tenants/team.yaml", "a10: {nominal: 1}", "a10: {nominal: 2}")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(.gpuQuota, "a10", "quota", "1", "2", "GPU quota on a10: 1 → 2 GPUs of 2"),
                .change(.gpuQuota, "a10/team", "quota", "1", "2", "GPU quota of tenant team on a10: 1 → 2 GPUs (class total 1 → 2 of 2)"),
            ])
        #expect(summary.introduced.map(\.ruleID) == ["quota/nominal-over-capacity"], "2 quota + 1 warm > 2 GPUs")
    }

    @Test func quotaMovedBetweenTenantsLeavesTheClassTotal() throws {
        var base = try SummaryPlatform()
        base.files["tenants/blue.yaml"] = base.files["tenants/team.yaml"]!.replacing("name: team", with: "name: blue")
            .replacing("a10: {nominal: 1}", with: "a10: {nominal: 0}")
        var head = base
        head.edit("tenants/team.yaml", "a10: {nominal: 1}", "a10: {nominal: 0}")
        head.edit("tenants/blue.yaml", "a10: {nominal: 0}", "a10: {nominal: 1}")
        #expect(
            try SummaryPlatform.summary(base, head).changes == [
                .change(.gpuQuota, "a10/blue", "quota", "0", "1", "GPU quota of tenant blue on a10: 0 → 1 GPU (class total 1 of 2)"),
                .change(.gpuQuota, "a10/team", "quota", "1", "0", "GPU quota of tenant team on a10: 1 → 0 GPUs (class total 1 of 2)"),
            ])
    }

    @Test func capacityWarmFloorAndMaxGPUsCountReplicasTimesTensorParallelism() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("platform/a10.yaml", "gpusPerNode: 1\nnodes: 2", "gpusPerNode: 2\nnodes: 4")
        head.edit("models/tiny.yaml", "gpuClass: a10\n", "gpuClass: a10\n  tensorParallel: 2\n  replicas: {min: 2, max: 3}\n")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes.filter { $0.topic == .serving } == [
                .change(.serving, "a10", "capacity", "2", "8", "GPUs of class a10: 2 → 8 GPUs (4 nodes × 2 per node)"),
                .change(.serving, "a10", "max GPUs", "1", "6", "Serving GPUs on a10 at max replicas: 1 → 6 GPUs of 8"),
                .change(.serving, "a10", "warm floor", "1", "4", "Serving warm floor on a10 (min replicas × TP): 1 → 4 GPUs of 8"),
                .change(.serving, "tiny", "max replicas", "1", "3", "Max replicas of model tiny: 1 → 3"),
                .change(.serving, "tiny", "min replicas", "1", "2", "Min replicas of model tiny: 1 → 2"),
                .change(
                    .serving, "tiny", "pod size", "3 CPU, 7Gi", "4 CPU, 11Gi",
                    "CPU and memory per replica of model tiny: 3 CPU, 7Gi → 4 CPU, 11Gi"),
                .change(.serving, "tiny", "replicas", "fixed", "keda", "Replica mode of model tiny: fixed → keda"),
                .change(.serving, "tiny", "tensor parallel", "1", "2", "Tensor parallelism of model tiny: 1 → 2 GPUs per replica"),
            ])
    }

    @Test func gpuMemoryUtilizationChangesTheKVCacheHeadroomAndConcurrency() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("models/tiny.yaml", "gpuMemoryUtilization: 0.8", "gpuMemoryUtilization: 0.9")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(
                    .fit, "tiny", "VRAM headroom", "15.18 GiB", "17.38 GiB",
                    "KV-cache headroom of model tiny per GPU: 15.18 GiB → 17.38 GiB"),
                .change(
                    .fit, "tiny", "max concurrency", "323.76×", "370.84×",
                    "Max concurrency of model tiny at full context: 323.76× → 370.84×"),
            ])
        #expect(
            summary.introduced == [
                DiagnosticChange(
                    severity: "warning", ruleID: "fit/utilization-high",
                    message:
                        "gpuMemoryUtilization 0.9 of 'tiny' leaves 2.21 GiB of the 22.07 GiB on 'a10' outside vLLM's budget; platc asks for 3.5 GiB",
                    location: "models/tiny.yaml:18:25")
            ])
    }

    @Test func aModelOnAClassThatIsNotThereHasNoFit() throws {
        let base = try SummaryPlatform()
        var head = base
        head.edit("models/tiny.yaml", "gpuClass: a10", "gpuClass: h100")
        let summary = try SummaryPlatform.summary(base, head)
        #expect(
            summary.changes == [
                .change(.serving, "a10", "max GPUs", "1", "0", "Serving GPUs on a10 at max replicas: 1 → 0 GPUs of 2"),
                .change(.serving, "a10", "warm floor", "1", "0", "Serving warm floor on a10 (min replicas × TP): 1 → 0 GPUs of 2"),
                .change(.serving, "tiny", "GPU class", "a10", "h100", "GPU class of model tiny: a10 → h100"),
                .change(
                    .serving, "tiny", "pod size", "3 CPU, 7Gi", "unknown", "CPU and memory per replica of model tiny: 3 CPU, 7Gi → unknown"),
                .change(
                    .fit, "tiny", "VRAM headroom", "15.18 GiB", "unknown", "KV-cache headroom of model tiny per GPU: 15.18 GiB → unknown"),
                .change(
                    .fit, "tiny", "max concurrency", "323.76×", "unknown",
                    "Max concurrency of model tiny at full context: 323.76× → unknown"),
            ])
    }

    @Test func gpuClassesAddedAndRemovedArePlatformItems() throws {
        var base = try SummaryPlatform()
        base.files["platform/l4.yaml"] =
            "apiVersion: platc.dev/v1alpha1\nkind: GPUClass\nname: l4\nproduct: NVIDIA-L4\nmemory: 24Gi\ngpusPerNode: 4\nnodes: 1\n"
        var head = base
        head.files["platform/l4.yaml"] = nil
        head.files["platform/h100.yaml"] =
            "apiVersion: platc.dev/v1alpha1\nkind: GPUClass\nname: h100\nproduct: NVIDIA-H100-80GB-HBM3\nmemory: 80Gi\ngpusPerNode: 8\nnodes: 2\n"
        #expect(
            try SummaryPlatform.summary(base, head).changes == [
                .change(.platform, "h100", "added", nil, "16 × NVIDIA-H100-80GB-HBM3", "GPU class h100 added (16 × NVIDIA-H100-80GB-HBM3)"),
                .change(.platform, "l4", "removed", "4 × NVIDIA-L4", nil, "GPU class l4 removed (was 4 × NVIDIA-L4)"),
            ])
    }
}
