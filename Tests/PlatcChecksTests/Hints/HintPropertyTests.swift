import Foundation
import PlatcChecks
import PlatcCompiler
import PlatcSpec
import PlatcTestSupport
import Testing

/// Issue 24: every hint passes. Each diagnostic of every failing check fixture, every bad fixture
/// and 800 seeded mutations of the four fixture platforms has its fix applied (the `replacement`,
/// else the first `key: value` the hint proposes, written at the caret: `HintFix`) and the
/// platform checked again: that diagnostic (rule, file, line, column) must be gone and no new
/// error may appear. An error whose hint proposes no value must say why (it removes or renames
/// something, or "no single value fixes this").
@Suite struct HintPropertyTests {
    static let fixtures = Paths.fixtures
    static let platforms = ["minimal", "single-l4", "timeslicing-keda", "inference-gateway"]
    static let mutationCount = 800

    /// What happened to each diagnostic, for the counts the test prints.
    struct Tally {
        var seen = 0
        var applied = 0
        var passed = 0
        var passedByRule: [String: Int] = [:]
        var valueless: [String: Int] = [:]
        var unparseable: [String: Int] = [:]
        var unexplained: [String: Int] = [:]
        var failures: [String] = []

        var summary: String {
            func list(_ counts: [String: Int]) -> String {
                counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            }
            return """
                hint property test: \(seen) diagnostics seen, \(applied) fixes applied, \(passed) passed, \
                \(failures.count) failed
                  passed, by rule: \(list(passedByRule))
                  explicitly without a value (\(valueless.values.reduce(0, +))): \(list(valueless))
                  no value, warnings and notes, and load rules' example hints (\(unparseable.values.reduce(0, +))): \(list(unparseable))
                  errors with no value that do not say why (\(unexplained.values.reduce(0, +))): \(list(unexplained))
                """
        }
    }

    @Test func everyHintPasses() throws {
        var tally = Tally()
        let minimal = try Self.read(Self.fixtures.appendingPathComponent("minimal"))
        let checks = Self.fixtures.appendingPathComponent("checks")
        for name in Paths.subfolders(of: checks) where name.contains("-fails") {
            if let files = try Self.overlay(minimal, checks.appendingPathComponent(name)) {
                exercise(files, origin: name, strict: true, &tally)
            }
        }
        let bad = Self.fixtures.appendingPathComponent("bad")
        for name in Paths.subfolders(of: bad) {
            // Load errors: fix what proposes a value; syntax errors mostly cannot.
            if let files = try Self.overlay(minimal, bad.appendingPathComponent(name)) {
                exercise(files, origin: "bad/\(name)", strict: false, &tally)
            }
        }
        var random = SeededRandom(seed: 24)
        let bases = try Self.platforms.map { try Self.read(Self.fixtures.appendingPathComponent($0)) }
        for round in 0..<Self.mutationCount {
            let base = bases[round % bases.count]
            let mutated = HintMutation.mutate(base, &random)
            exercise(
                mutated.files, origin: "\(Self.platforms[round % bases.count]) mutation \(round): \(mutated.what)", strict: true, &tally)
        }
        print(tally.summary)
        for failure in tally.failures { Issue.record(Comment(rawValue: failure)) }
        #expect(tally.seen > 400, "too few diagnostics exercised: \(tally.seen)")
    }

    /// The issue's case: maxNumSeqs absent, its default too many for the cache. The caret is on
    /// `serving:` (not on its first key, `engine:`), the note says the default, and the hint,
    /// written there, passes.
    @Test func anAbsentFieldPointsAtItsParentKey() throws {
        var files = try Self.read(Self.fixtures.appendingPathComponent("minimal"))
        files["models/tiny.yaml"] = files["models/tiny.yaml"]?.replacingOccurrences(of: "maxModelLen: 4096", with: "maxModelLen: 32768")
        let finding = try #require(Self.check(files).first { $0.ruleID == "fit/low-concurrency" })
        #expect(finding.span?.start == SourceLocation(file: "models/tiny.yaml", line: 12, column: 1))
        #expect(finding.notes.first?.message == "serving.maxNumSeqs (absent; default 256)")
        var tally = Tally()
        exercise(files, origin: "absent maxNumSeqs", strict: true, &tally)
        #expect(tally.failures.isEmpty, "\(tally.failures)")
        #expect(tally.passedByRule["fit/low-concurrency"] == 1)
    }

    /// Applies the fix of every diagnostic of `files`, one at a time, and checks again.
    func exercise(_ files: PlatformFiles, origin: String, strict: Bool, _ tally: inout Tally) {
        let before = Self.check(files)
        for diagnostic in before {
            tally.seen += 1
            let place = "\(origin): \(diagnostic.span?.description ?? "-") [\(diagnostic.ruleID)] \(diagnostic.message)"
            // A load rule's hint shows the shape with an example value (it cannot know the
            // platform's numbers): only its `replacement` is a fix. A check rule's hint is a fix.
            let proposes = Self.isCheckRule(diagnostic) && !(diagnostic.hint.map(HintFix.proposals(in:)) ?? []).isEmpty
            guard diagnostic.replacement != nil || proposes else {
                if let hint = diagnostic.hint, HintFix.isExplicitlyValueless(hint) {
                    tally.valueless[diagnostic.ruleID, default: 0] += 1
                } else if strict, diagnostic.severity == .error, Self.isCheckRule(diagnostic) {
                    tally.unexplained[diagnostic.ruleID, default: 0] += 1
                    tally.failures.append("\(place)\n  proposes no value and does not say why: \(diagnostic.hint ?? "(no hint)")")
                } else {
                    tally.unparseable[diagnostic.ruleID, default: 0] += 1
                }
                continue
            }
            tally.applied += 1
            guard let fixed = HintFix.apply(diagnostic, to: files) else {
                // A load error's hint may name a value it cannot place (a document that is a list).
                if !strict || !Self.isCheckRule(diagnostic) {
                    tally.applied -= 1
                    tally.unparseable[diagnostic.ruleID, default: 0] += 1
                    continue
                }
                tally.failures.append("\(place)\n  hint cannot be applied at the caret: \(diagnostic.hint ?? "")")
                continue
            }
            let after = Self.check(fixed)
            let stays = after.contains { $0.ruleID == diagnostic.ruleID && $0.span?.start == diagnostic.span?.start }
            let added = Self.newErrors(before: before, after: after)
            if stays || !added.isEmpty {
                let why = stays ? "still reported" : "new error: " + added.map { "[\($0.ruleID)] \($0.message)" }.joined(separator: "; ")
                tally.failures.append("\(place)\n  hint: \(diagnostic.hint ?? diagnostic.replacement ?? "")\n  applied: \(why)")
            } else {
                tally.passed += 1
                tally.passedByRule[diagnostic.ruleID, default: 0] += 1
            }
        }
    }

    static let checkRules = Set(CheckPipeline.rules.map(\.id))

    /// Load errors (syntax, schema) often have no value to propose; check rules always can.
    static func isCheckRule(_ diagnostic: Diagnostic) -> Bool { checkRules.contains(diagnostic.ruleID) }

    /// Errors whose rule fires more often after the fix than before.
    static func newErrors(before: [Diagnostic], after: [Diagnostic]) -> [Diagnostic] {
        var budget: [String: Int] = [:]
        for d in before where d.severity == .error { budget[d.ruleID, default: 0] += 1 }
        return after.filter { d in
            guard d.severity == .error else { return false }
            budget[d.ruleID, default: 0] -= 1
            return budget[d.ruleID, default: 0] < 0
        }
    }

    // MARK: - Platforms in memory

    static func check(_ files: PlatformFiles) -> [Diagnostic] {
        let tree = SourceTree(files: files.sorted { $0.key < $1.key }.map { .init(path: $0.key, bytes: Array($0.value.utf8)) })
        return Compilation(tree).diagnostics
    }

    static func read(_ root: URL) throws -> PlatformFiles {
        var files: PlatformFiles = [:]
        for file in try SourceTree.reading(root).files {
            guard let text = String(validating: file.bytes, as: UTF8.self) else { continue }
            files[file.path] = text
        }
        return files
    }

    /// A fixture laid over `base` (its DELETE removes files); nil when a file is not UTF-8 text.
    static func overlay(_ base: PlatformFiles, _ fixture: URL) throws -> PlatformFiles? {
        var files = base
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: fixture, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
        for case let file as URL in walker where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let relative = String(file.path.dropFirst(fixture.path.count + 1))
            let bytes = [UInt8](try Data(contentsOf: file))
            guard let text = String(validating: bytes, as: UTF8.self), !text.hasPrefix("\u{FEFF}") else { return nil }
            if relative == "expected.txt" { continue }
            if relative == "DELETE" {
                for line in text.split(separator: "\n") { files[String(line)] = nil }
                continue
            }
            files[relative] = text
        }
        return files
    }
}
