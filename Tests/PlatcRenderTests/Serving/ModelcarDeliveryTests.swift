import Testing

@testable import PlatcRender

@Suite struct ModelcarDeliveryTests {
    @Test(arguments: [
        ("1.31", false), ("1.33", false), ("1.34", false), ("1.35", true), ("1.36", true), ("v1.35", true), ("2.0", true),
        ("1.9", false), ("x", false),
    ])
    func imageVolumesFromTheVersionTheGateIsOnByDefault(version: String, on: Bool) {
        #expect(ModelcarDelivery.imageVolumesOnByDefault(version) == on)
    }

    @Test func autoOnAnOldClusterUsesTheSidecar() throws {
        let fixture = try ServingFixture()  // Kubernetes 1.31
        try fixture.model(NamesAgreeTests.lora)
        let pod = try #require(try fixture.object("Deployment").podSpec)
        #expect(pod.at("shareProcessNamespace") == .bool(true))
        let sidecars = pod.at("initContainers")?.listValue ?? []
        #expect(sidecars.count == 3)  // the model and two adapters
        for sidecar in sidecars {
            #expect(sidecar.at("restartPolicy")?.stringValue == "Always")  // native sidecar: keeps running
            #expect(sidecar.at("startupProbe") != nil)  // vLLM starts after the link resolves
            // The kubelet unescapes $$$$ to $$, the shell's PID.
            #expect(sidecar.at("command.2")?.stringValue?.contains("/proc/$$$$/root/models") == true)
        }
        #expect(sidecars[0].at("image")?.stringValue?.hasSuffix(String(repeating: "1", count: 64)) == true)
        #expect(sidecars[1].at("command.2")?.stringValue?.contains(" /mnt/adapters/sql-lora ") == true)
        #expect(!(pod.at("volumes")?.listValue ?? []).contains { $0.at("image") != nil })
    }

    @Test func autoOnANewClusterUsesImageVolumes() throws {
        let fixture = try ServingFixture()
        try fixture.platformFile { $0.replacingOccurrences(of: "kubernetesVersion: \"1.31\"", with: "kubernetesVersion: \"1.35\"") }
        try fixture.model(NamesAgreeTests.lora)
        let deployment = try fixture.object("Deployment")
        let pod = try #require(deployment.podSpec)
        #expect(pod.at("shareProcessNamespace") == nil)
        #expect(pod.at("initContainers") == nil)
        let images = (pod.at("volumes")?.listValue ?? []).filter { $0.at("image") != nil }
        #expect(images.count == 3)
        #expect(images.allSatisfy { $0.at("image.pullPolicy")?.stringValue == "IfNotPresent" })
        #expect(images[0].at("image.reference")?.stringValue?.contains("@sha256:") == true)
        let mounts = deployment.vllm?.at("volumeMounts")?.listValue ?? []
        let paths = mounts.filter { $0.at("subPath") != nil }.compactMap { $0.at("mountPath")?.stringValue }
        #expect(paths == ["/mnt/models", "/mnt/adapters/sql-lora", "/mnt/adapters/tone-lora"])
    }

    @Test func anExplicitDeliveryWins() throws {
        let forced = try ServingFixture()
        try forced.platformFile { $0 + "modelcar:\n  delivery: imageVolume\n" }
        #expect(try forced.object("Deployment").podSpec?.at("initContainers") == nil)

        let sidecar = try ServingFixture()
        try sidecar.platformFile {
            $0.replacingOccurrences(of: "kubernetesVersion: \"1.31\"", with: "kubernetesVersion: \"1.36\"")
                + "modelcar:\n  delivery: sidecar\n"
        }
        #expect(try sidecar.object("Deployment").podSpec?.at("shareProcessNamespace") == .bool(true))
    }
}
