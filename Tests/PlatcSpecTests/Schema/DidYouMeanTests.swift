import PlatcSpec
import Testing

@Suite struct DidYouMeanTests {
    @Test(arguments: [
        ("rateLimit", "rateLimits"), ("nominl", "nominal"), ("borowingLimit", "borrowingLimit"), ("Tennant", "Tenant"),
        ("gpuclass", "gpuClass"), ("maxModelLne", "maxModelLen"), ("GA", "ga"),
    ])
    func suggestsTheClosest(_ typo: String, _ expected: String) {
        let candidates = [
            "rateLimits", "nominal", "borrowingLimit", "Tenant", "Model", "gpuClass", "maxModelLen", "maxNumSeqs", "ga", "preview",
        ]
        #expect(DidYouMean.suggest(typo, from: candidates) == expected)
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(DidYouMean.suggest("secretSauce", from: ["name", "owner", "status"]) == nil)
        #expect(DidYouMean.suggest("x", from: []) == nil)
    }

    @Test func transpositionIsOneEdit() {
        #expect(DidYouMean.editDistance(Array("nmae"), Array("name")) == 1)
        #expect(DidYouMean.editDistance(Array("kitten"), Array("sitting")) == 3)
        #expect(DidYouMean.editDistance(Array(""), Array("abc")) == 3)
    }
}
