import Foundation
import PlatcTestSupport
import Testing

/// `platc render` killed with SIGKILL at random moments leaves out/ exactly the previous render or
/// exactly the new one — every path and every byte, no extra file, no missing one — and the next
/// render completes it and removes the stage the killed one left (docs/output.md, "Crash safety
/// and faults").
@Suite struct CrashSafetyTests {
    /// 400 tenants, 20 models, 2 GPU classes: 3,765 files; a render from the old out/ to the new
    /// one takes 1.2–1.7 s in a debug build on this 2-core machine (up to 4 s when the machine is
    /// busy), of which staging and swapping on a tmpfs take about 60 ms.
    static let shape = ["--tenants", "400", "--models", "20", "--gpu-classes", "2"]
    static let edit = SyntheticPlatformEdit(
        changed: (1...10).map { String(format: "team-%05d", $0 * 10) }, removed: (0..<6).map { String(format: "team-%05d", 201 + 2 * $0) },
        added: (1...6).map { "team-new-\($0)" }, template: "team-00001")

    /// 27 kills, a third of them from each `KillPoint`: spread over the whole render, over the
    /// staging, and after the swap. A kill costs about a render, so 27 keep the test under a
    /// minute alone (under 90 s within the whole suite). Spread over the whole render alone,
    /// kills would land in the 60 ms that decide old or new once in 25; nine anchored on each
    /// side of the swap (seen through inotify) make both outcomes certain whatever the machine's
    /// load, and the nine from the start cover the phases before the write.
    static let kills = 27
    /// PLATC_KILL_SEED replays another schedule; every delay is printed.
    static let seed = ProcessInfo.processInfo.environment["PLATC_KILL_SEED"].flatMap { UInt64($0) } ?? 20_261_127

    @Test func aKilledRenderLeavesTheOldOrTheNewOutNeverAMix() async throws {
        let started = Date()
        let (scratch, fileSystem) = try Self.scratchFolder()
        defer { try? removeQuickly(scratch) }
        let oldSources = scratch.appendingPathComponent("old-sources")
        let newSources = scratch.appendingPathComponent("new-sources")
        let generated = try BenchBinary.run(["generate"] + Self.shape + ["--repo", Paths.packageRoot.path, oldSources.path], timeout: 300)
        try #require(generated.exitCode == 0, "\(generated.stdout)\(generated.stderr)")
        try FileManager.default.copyItem(at: oldSources, to: newSources)
        try Self.edit.apply(to: newSources)

        // The two complete renders every killed one must equal, each rendered without interruption.
        let oldRender = scratch.appendingPathComponent("old-render")
        let newRender = scratch.appendingPathComponent("new-render")
        // Both at once: a debug render takes seconds and this machine has two cores.
        async let oldResult = platc(["render", "--root", oldSources.path, "--out", oldRender.path], timeout: 300)
        async let newResult = platc(["render", "--root", newSources.path, "--out", newRender.path], timeout: 300)
        for result in try await [oldResult, newResult] { try #require(result.exitCode == 0, "\(result.stdout)\(result.stderr)") }
        let old = try #require(try TreeSnapshot(of: oldRender))
        let new = try #require(try TreeSnapshot(of: newRender))
        let change = old.fileChanges(to: new)
        try #require(
            change.added > 0 && change.modified > 0 && change.removed > 0, "the change must add, modify and remove files: \(change)")

        let out = scratch.appendingPathComponent("out")
        let stage = scratch.appendingPathComponent(".out.platc-stage")
        let arguments = ["render", "--root", newSources.path, "--out", out.path]
        let watch = try FolderWatch(scratch)
        let stderrFile = scratch.appendingPathComponent("stderr.txt")

        // A whole render from the old out/ to the new one, timed: its start, the stage's creation
        // (the write phase begins), the swap, its exit.
        try linkCopy(of: oldRender, to: out)
        watch.drain()
        let start = Date()
        let calibration = try KillablePlatc(arguments, stderrTo: stderrFile)
        let running = { calibration.poll() == nil }
        try #require(watch.wait(for: .created(stage.lastPathComponent), timeout: 300, keepWaiting: running), "\(calibration.stderr)")
        let staging = Date()
        try #require(watch.wait(for: .movedIn(out.lastPathComponent), timeout: 300, keepWaiting: running), "\(calibration.stderr)")
        let swapped = Date()
        try #require(calibration.wait() == .exited(0), "\(calibration.stderr)")
        let exited = Date()
        try #require(try TreeSnapshot(of: out) == new, "an uninterrupted render from the old out/ is not the new render")
        // How long each span a kill is spread over lasts; shortened when a render ends before its kill.
        var spans: [KillPoint: TimeInterval] = [
            .start: exited.timeIntervalSince(start), .stage: swapped.timeIntervalSince(staging), .swap: exited.timeIntervalSince(swapped),
        ]
        print(
            "crash safety: seed \(Self.seed), on \(fileSystem); \(old.fileCount) files → \(new.fileCount) (+\(change.added) ~\(change.modified) -\(change.removed)); a render takes \(Self.seconds(spans[.start]!)): \(Self.seconds(staging.timeIntervalSince(start))) before the stage, \(Self.seconds(spans[.stage]!)) staging, \(Self.seconds(spans[.swap]!)) from the swap to its exit; set up in \(Self.seconds(Date().timeIntervalSince(started)))"
        )

        var random = SeededRandom(seed: Self.seed)
        var outcomes: [String: Int] = [:]
        var leftStages = 0
        var outIsOld = false  // the calibration left the new render
        for kill in 1...Self.kills {
            if !outIsOld {
                try removeQuickly(out)
                try linkCopy(of: oldRender, to: out)
            }
            let point = KillPoint.allCases[(kill - 1) % KillPoint.allCases.count]
            let delay = Double.random(in: 0..<1, using: &random) * spans[point]!
            watch.drain()
            let render = try KillablePlatc(arguments, stderrTo: stderrFile)
            if let event = point.event(stage: stage, out: out) {
                _ = watch.wait(for: event, timeout: 300) { render.poll() == nil }
            }
            usleep(useconds_t(delay * 1_000_000))
            let ending = render.kill()
            let after = try #require(try TreeSnapshot(of: out))
            let outcome: String
            switch (ending, after) {
            case (.killed(SIGKILL), old): outcome = "old"
            case (.killed(SIGKILL), new): outcome = "new"
            case (.exited(0), new):
                outcome = "finished before the kill"
                spans[point] = min(spans[point]!, delay)
            default:
                Issue.record(
                    "kill \(kill) (\(ending)): out/ is neither the old render nor the new one: \(after.differences(from: new).joined(separator: "; ")) (against the new render); \(after.differences(from: old).joined(separator: "; ")) (against the old)\n\(render.stderr)"
                )
                outcome = "neither"
            }
            let stageLeft = FileManager.default.fileExists(atPath: stage.path)
            if stageLeft { leftStages += 1 }
            outcomes[outcome, default: 0] += 1
            outIsOld = outcome == "old"
            print(
                "crash safety: kill \(kill)/\(Self.kills) \(Self.seconds(delay)) after \(point): \(outcome)\(stageLeft ? ", stage left behind" : "")"
            )
        }

        // The next render completes the change and removes whatever stage the last kill left. The
        // last kill is one after the swap, so it usually finds out/ new already and the previous
        // tree as the stage: with nothing to write, it must still remove it.
        let hadStage = FileManager.default.fileExists(atPath: stage.path)
        let final = try platc(arguments, timeout: 300)
        #expect(final.exitCode == 0, "\(final.stdout)\(final.stderr)")
        #expect(try TreeSnapshot(of: out) == new)
        #expect(!FileManager.default.fileExists(atPath: stage.path), "the stage folder is left behind")

        print(
            "crash safety: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")); \(leftStages) kills left a stage; the final render \(hadStage ? "started with a stage left behind" : "started with no stage"); \(Self.seconds(Date().timeIntervalSince(started))) in all"
        )
        #expect(outcomes["neither", default: 0] == 0)
        #expect(outcomes["old", default: 0] >= 1, "no kill landed before the swap: the test proves nothing about the old side")
        #expect(outcomes["new", default: 0] >= 1, "no kill landed after the swap: the test proves nothing about the new side")
    }

    /// Where a kill's delay counts from, and over what span it is spread.
    enum KillPoint: CaseIterable, CustomStringConvertible {
        /// From the start, over the whole render: mostly loading, checking and rendering in memory.
        case start
        /// From the stage's creation until the swap: out/ must still be old.
        case stage
        /// From the swap until the exit (the old tree being deleted): out/ must be new.
        case swap

        func event(stage: URL, out: URL) -> FolderWatch.Event? {
            switch self {
            case .start: nil
            case .stage: .created(stage.lastPathComponent)
            case .swap: .movedIn(out.lastPathComponent)
            }
        }

        var description: String {
            switch self {
            case .start: "the start"
            case .stage: "the stage appeared"
            case .swap: "the swap"
            }
        }
    }

    static func seconds(_ interval: TimeInterval) -> String { String(format: "%.3f s", interval) }

    /// A fresh folder on /dev/shm when it has room (a tmpfs: on this VM's ext4, creating and
    /// deleting a few thousand files varies by seconds, which would blur the timing of the
    /// kills), else in the temporary directory; and which one it is. A SIGKILL leaves the same
    /// state on either: what a killed process wrote is in the kernel's page cache.
    static func scratchFolder() throws -> (URL, String) {
        var info = statvfs()
        let roomy =
            statvfs("/dev/shm", &info) == 0 && UInt64(info.f_bavail) * UInt64(info.f_frsize) >= 256 << 20 && access("/dev/shm", W_OK) == 0
        let base = roomy ? URL(fileURLWithPath: "/dev/shm") : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("platc-crash-safety-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, roomy ? "tmpfs (/dev/shm)" : "the temporary directory (\(base.path))")
    }
}
