import PlatcSpec
import Testing

@testable import PlatcChecks
@testable import PlatcFacts

/// The one reading of image references (distribution/reference's normalize.go) that `platc check`
/// runs in Swift and the Kyverno policy runs as CEL; ImagePolicyAgreementTests holds the two equal.
@Suite struct ImageNormalisationTests {
    static let digest = "@sha256:" + String(repeating: "ab", count: 32)

    @Test func imagesNormaliseAsContainerRuntimesReadThem() {
        let table: [(String, String)] = [
            ("registry.example.com/vllm/vllm-openai:v1" + Self.digest, "registry.example.com/vllm/vllm-openai"),
            ("vllm/vllm-openai" + Self.digest, "docker.io/vllm/vllm-openai"),
            ("index.docker.io/vllm/vllm-openai", "docker.io/vllm/vllm-openai"),
            ("docker.io/nginx:1.25", "docker.io/library/nginx"),
            ("index.docker.io/nginx", "docker.io/library/nginx"),
            ("library/nginx", "docker.io/library/nginx"),
            ("nginx", "docker.io/library/nginx"),
            ("nginx:1.25" + Self.digest, "docker.io/library/nginx"),
            // Alone, a host-like name is an official image (normalize.go's FIXME keeps it so).
            ("localhost", "docker.io/library/localhost"),
            ("localhost/x", "localhost/x"),
            ("localhost:5000/x:5000", "localhost:5000/x"),
            ("reg:5000/x", "reg:5000/x"),
            ("localhostx/y", "docker.io/localhostx/y"),
            ("MyHub/x", "MyHub/x"),
            ("[::1]:5000/x:1", "[::1]:5000/x"),
            ("DOCKER.IO/x", "DOCKER.IO/x"),
            ("docker.io/library/nginx/x", "docker.io/library/nginx/x"),
        ]
        for (image, repository) in table {
            #expect(ImageNormalisation.repository(of: image) == repository, "\(image)")
        }
    }

    @Test func whatCELCannotEvaluateIsNil() {
        // ''.lastIndexOf(':') fails in cel-go: the policy counts the image as a violation.
        #expect(ImageNormalisation.repository(of: "") == nil)
        #expect(ImageNormalisation.repository(of: "@" + Self.digest) == nil)
    }

    @Test func entriesBecomePrefixesOnAPathBoundary() {
        #expect(AllowedRegistries(["registry.example.com", "reg:5000/ml"]).prefixes == ["reg:5000/ml/", "registry.example.com/"])
        #expect(AllowedRegistries(["index.docker.io"]).prefixes == ["docker.io/"])
        // A Docker Hub entry of one component is a namespace and, read as an image, an official image.
        #expect(AllowedRegistries(["vllm"]).prefixes == ["docker.io/library/vllm/", "docker.io/vllm/"])
        #expect(AllowedRegistries(["index.docker.io/nginx"]).prefixes == ["docker.io/library/nginx/", "docker.io/nginx/"])
        #expect(AllowedRegistries(["docker.io/vllm/x"]).prefixes == ["docker.io/vllm/x/"])
        #expect(AllowedRegistries(["localhost", "localhost:5000"]).prefixes == ["localhost/", "localhost:5000/"])
    }

    @Test func pinnedMeansTheLoadersDigestAtTheEnd() {
        #expect(ImageNormalisation.isPinned("r.io/x" + Self.digest))
        #expect(ImageNormalisation.isPinned("r.io/x:v1" + Self.digest))
        #expect(!ImageNormalisation.isPinned("r.io/x:v1"))
        #expect(!ImageNormalisation.isPinned("r.io/x" + Self.digest.uppercased()))
        #expect(!ImageNormalisation.isPinned("r.io/x" + Self.digest + "0"))
        #expect(!ImageNormalisation.isPinned("r.io/x@sha512:" + String(repeating: "a", count: 64)))
        #expect(ImageNormalisation.celIsPinned("i") == "i.matches('@sha256:[0-9a-f]{64}$')")
    }

    @Test func rewritesPrintAsCEL() {
        #expect(ImageNormalisation.dropDigest.rewrite.cel("i") == "i.split('@')[0]")
        #expect(
            ImageNormalisation.dropTag.rewrite.cel("r.path")
                == "(r.path.lastIndexOf(':') > r.path.lastIndexOf('/') ? r.path.substring(0, r.path.lastIndexOf(':')) : r.path)")
        #expect(
            AllowedRegistries(["reg.io"]).celCovers("r.path") == "['reg.io/'].exists(p, (r.path + '/').startsWith(p))")
    }
}
