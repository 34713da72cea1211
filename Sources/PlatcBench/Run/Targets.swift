/// The performance targets platc is held to, each judged on this run's numbers.
struct Target {
    var name: String
    var measured: String
    var limit: String
    /// nil when a scale it needs was not run.
    var passed: Bool?

    var verdict: String { passed.map { $0 ? "PASS" : "FAIL" } ?? "n/a" }
}

enum Targets {
    /// Median wall time limits, by command and scale.
    static let wallLimits: [(command: String, scale: Scale, seconds: Double)] = [
        ("check", .L, 0.3),
        ("render (empty out/)", .L, 0.5),
        ("render (empty out/)", .XL, 2.5),
        ("render --check", .L, 0.4),
        ("diff (one tenant changed)", .L, 1.0),
    ]
    static let peakRSSLimitMiB = 300
    static let growthLimit = 6.0

    static func judge(_ rows: [Row]) -> [Target] {
        func row(_ command: String, _ scale: Scale) -> Row? { rows.first { $0.command == command && $0.scale == scale } }
        var targets: [Target] = wallLimits.map { limit in
            let median = row(limit.command, limit.scale)?.wall.median
            return Target(
                name: "\(limit.command) at \(limit.scale)", measured: median.map(Format.seconds) ?? "not run",
                limit: "≤ \(Format.seconds(limit.seconds))", passed: median.map { $0 <= limit.seconds })
        }
        let xl = rows.filter { $0.scale == .XL }
        let peak = xl.map { Int($0.maxRSS.max) }.max()
        targets.append(
            Target(
                name: "peak RSS at XL (any command)", measured: peak.map(Format.mebibytes) ?? "not run",
                limit: "≤ \(peakRSSLimitMiB) MiB", passed: peak.map { $0 <= peakRSSLimitMiB * 1024 }))
        for command in PlatcCommands.names {
            let growth = row(command, .XL).flatMap { xl in row(command, .L).map { xl.wall.median / $0.wall.median } }
            targets.append(
                Target(
                    name: "\(command): XL / L", measured: growth.map(Format.ratio) ?? "not run",
                    limit: "≤ \(Format.ratio(growthLimit))", passed: growth.map { $0 <= growthLimit }))
        }
        return targets
    }
}
