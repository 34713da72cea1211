import PlatcDiff
import Testing

@Suite struct ObjectIdentityTests {
    @Test func aFileWithoutKindIsNotAnObject() {
        #expect(!ObjectIdentity().isKubernetesObject)
        #expect(ObjectIdentity(apiVersion: "v1", kind: "Namespace", name: "search").isKubernetesObject)
    }
}
