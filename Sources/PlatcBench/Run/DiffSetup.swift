import Foundation

/// Turns a rendered platform into a Git repository with out/ committed, then changes one
/// tenant, so `platc diff --base HEAD` has exactly one source change to report.
struct DiffSetup {
    var platform: URL
    var git: String

    /// The tenant whose rate limit is raised, and by how much.
    static let tenant = "team-00001"
    static let rpmRaise = 60

    /// A fixed identity and date, and no user or system Git configuration.
    static let environment = [
        "GIT_AUTHOR_NAME": "platc-bench", "GIT_AUTHOR_EMAIL": "bench@platc.invalid", "GIT_AUTHOR_DATE": "2000-01-01T00:00:00Z",
        "GIT_COMMITTER_NAME": "platc-bench", "GIT_COMMITTER_EMAIL": "bench@platc.invalid",
        "GIT_COMMITTER_DATE": "2000-01-01T00:00:00Z", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1",
    ]

    struct NoRateLimit: Error, CustomStringConvertible {
        var file: String
        var description: String { "\(file) has no `rpm:` line to change" }
    }

    /// Commits the platform as it is and raises the tenant's `rpm:`; returns the new value.
    func prepare(with measurer: Measurer) throws -> Int {
        var measurer = measurer
        measurer.timer.environment.merge(Self.environment) { $1 }
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "platc-bench"]] {
            _ = try measurer.run(MeasuredCommand(name: "git", program: git, arguments: ["-C", platform.path] + arguments))
        }
        let file = platform.appendingPathComponent("tenants/\(Self.tenant).yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("rpm:") }),
            let old = Int(lines[index].split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        else { throw NoRateLimit(file: file.path) }
        let raised = old + Self.rpmRaise
        lines[index] = lines[index].replacingOccurrences(of: String(old), with: String(raised))
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        return raised
    }

    /// `platc diff --base HEAD`: exit 0 (no --exit-code), and the report names the tenant and
    /// shows the new limit in the rendered LiteLLM teams.
    func command(platc: String, raised: Int) -> MeasuredCommand {
        MeasuredCommand(
            name: "diff (one tenant changed)", program: platc, arguments: ["diff", "--root", platform.path, "--base", "HEAD"],
            verify: { finished in
                guard finished.stdout.contains(Self.tenant), finished.stdout.contains("\"rpm_limit\": \(raised)") else {
                    throw Measurer.WrongOutput(
                        description: "platc diff does not report \(Self.tenant)'s rpm \(raised):\n\(finished.stdout.prefix(3000))")
                }
            })
    }
}
