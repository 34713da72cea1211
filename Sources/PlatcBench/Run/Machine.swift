import Foundation

/// Where and on what the numbers were measured, for the report's header.
struct Machine {
    var cpuModel: String
    var cores: Int
    var memoryKiB: Int
    var kernel: String
    var swiftVersion: String
    var commit: String
    var date: String
    /// Where the platforms and their out/ were written, and its file system.
    var scratch: String

    static func describe(repo: URL, work: URL, timer: ProcessTimer) -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        var name = utsname()
        uname(&name)
        let release = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return Machine(
            cpuModel: field("model name", in: cpuinfo) ?? "unknown",
            cores: cpuinfo.split(separator: "\n").filter { $0.hasPrefix("processor") }.count,
            memoryKiB: Int(field("MemTotal", in: meminfo)?.split(separator: " ").first ?? "") ?? 0,
            kernel: release, swiftVersion: firstLine(of: "swift", ["--version"], timer: timer),
            commit: commit(of: repo, timer: timer), date: formatter.string(from: Date()),
            scratch: "\(work.path) (\(fileSystem(of: work)))")
    }

    /// tmpfs or a disk: creating tens of thousands of files costs very different time on each.
    /// The type of the longest mount point that holds the folder, from /proc/mounts.
    private static func fileSystem(of folder: URL) -> String {
        let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
        let path = folder.resolvingSymlinksInPath().path
        let matches = mounts.split(separator: "\n").compactMap { line -> (point: String, type: String)? in
            let fields = line.split(separator: " ")
            guard fields.count > 2 else { return nil }
            let point = String(fields[1])
            guard path == point || path.hasPrefix(point == "/" ? "/" : point + "/") else { return nil }
            return (point, String(fields[2]))
        }
        return matches.max { $0.point.count < $1.point.count }?.type ?? "unknown file system"
    }

    /// The value after "key<spaces>:" on the first line that starts with key.
    private static func field(_ key: String, in text: String) -> String? {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
            let colon = line.firstIndex(of: ":")
        else { return nil }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    private static func commit(of repo: URL, timer: ProcessTimer) -> String {
        let head = firstLine(of: "git", ["-C", repo.path, "rev-parse", "--short", "HEAD"], timer: timer)
        let status = (try? Executables.find("git")).flatMap { try? timer.run($0, ["-C", repo.path, "status", "--porcelain"]) }
        return status.map { $0.stdout.isEmpty ? head : head + " dirty" } ?? head
    }

    private static func firstLine(of tool: String, _ arguments: [String], timer: ProcessTimer) -> String {
        guard let path = try? Executables.find(tool), let finished = try? timer.run(path, arguments), finished.exitCode == 0 else {
            return "unknown"
        }
        return finished.stdout.split(separator: "\n").first.map(String.init) ?? "unknown"
    }
}

/// Programs found on PATH, as a shell would find them; resolved once, so a timed run does not search.
enum Executables {
    struct NotFound: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not on PATH" }
    }

    static func find(_ name: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw NotFound(name: name)
    }
}

extension Executables {
    /// This running program, to start it again with another subcommand.
    static func current() throws -> String {
        try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
    }
}
