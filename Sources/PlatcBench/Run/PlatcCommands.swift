import Foundation

/// The platc commands measured at every scale, each with its untimed preparation and the
/// proof that it did what the row says.
struct PlatcCommands {
    var platc: String
    var platform: URL

    var out: URL { platform.appendingPathComponent("out") }

    /// The rows of every scale, in the order they are measured.
    static let names = ["check", "render (empty out/)", "render (no change)", "render --check", "diff (one tenant changed)"]

    var check: MeasuredCommand {
        MeasuredCommand(
            name: "check", program: platc, arguments: ["check", "--root", platform.path],
            verify: { finished in
                guard finished.stderr.contains("no problems") else {
                    throw Measurer.WrongOutput(description: "platc check found problems:\n\(finished.stdout.prefix(2000))")
                }
            })
    }

    /// Every run starts from no out/ at all: the first render of a platform.
    var renderEmpty: MeasuredCommand {
        let out = out
        return MeasuredCommand(
            name: "render (empty out/)", program: platc, arguments: ["render", "--root", platform.path],
            beforeEach: { try? FileManager.default.removeItem(at: out) })
    }

    /// A render over a current out/ must write nothing: its summary says so, and `proof`
    /// compares every file's inode and mtime before and after the runs.
    var renderNoChange: MeasuredCommand {
        MeasuredCommand(
            name: "render (no change)", program: platc, arguments: ["render", "--root", platform.path],
            verify: { finished in
                guard (finished.stderr + finished.stdout).contains("0 added, 0 changed, 0 removed") else {
                    throw Measurer.WrongOutput(description: "a render of an unchanged platform wrote files:\n\(finished.stderr)")
                }
            })
    }

    var renderCheck: MeasuredCommand {
        MeasuredCommand(name: "render --check", program: platc, arguments: ["render", "--check", "--root", platform.path])
    }

    struct Touched: Error, CustomStringConvertible {
        var paths: [String]
        var description: String {
            "render (no change) touched \(paths.count) files under out/: \(paths.prefix(5).joined(separator: ", "))"
        }
    }

    /// Measures `renderNoChange` and fails unless out/ is exactly as it was, file by file.
    func measureNoChange(with measurer: Measurer, at scale: Scale) throws -> Row {
        let before = TreeSnapshot(of: out)
        let row = try measurer.measure(renderNoChange, at: scale)
        let touched = TreeSnapshot(of: out).changes(since: before)
        guard touched.isEmpty else { throw Touched(paths: touched) }
        return row
    }
}
