import PlatcChecks
import PlatcDiff
import PlatcFacts
import PlatcSpec
import PlatcTestSupport
import Testing

/// The minimal platform (platform `mini`, GPU class `a10` with 2 nodes × 1 GPU, tenant `team`
/// with nominal 1 on a10, model `tiny` on a10 with min 1 = max 1 replica), held in memory so a
/// test can edit one side of a diff.
struct SummaryPlatform {
    var files: [String: String] = [:]

    init() throws {
        for file in try SourceTree.reading(Paths.minimalPlatform).files {
            files[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
    }

    /// Replaces `old` (which must be there) by `new` in one file.
    mutating func edit(_ path: String, _ old: String, _ new: String) {
        let text = files[path] ?? ""
        #expect(text.contains(old), "\(path) has no '\(old)'")
        files[path] = text.replacing(old, with: new)
    }

    /// The Spec and what `platc check` says of it: the loader's findings, then the checks'.
    func load() throws -> (spec: Spec, diagnostics: [Diagnostic]) {
        let loaded = Loader().load(SourceTree(files: files.map { SourceTree.File(path: $0.key, bytes: Array($0.value.utf8)) }))
        let spec = try #require(loaded.spec, "\(loaded.diagnostics.map(\.message))")
        return (spec, loaded.diagnostics + CheckPipeline.check(Facts(spec)))
    }

    /// The summary of going from `base` to `head`.
    static func summary(_ base: SummaryPlatform, _ head: SummaryPlatform) throws -> PlatformSummary {
        let old = try base.load(), new = try head.load()
        return PlatformSummary.compare(
            base: Facts(old.spec), baseDiagnostics: old.diagnostics, head: Facts(new.spec), headDiagnostics: new.diagnostics)
    }
}

extension PlatformChange {
    /// Shorthand for expected values.
    static func change(
        _ topic: Topic, _ subject: String, _ field: String, _ before: String?, _ after: String?, _ text: String
    ) -> PlatformChange {
        PlatformChange(topic: topic, subject: subject, field: field, before: before, after: after, text: text)
    }
}
