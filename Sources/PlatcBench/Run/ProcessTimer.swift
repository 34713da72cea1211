import Foundation

/// What one whole process cost, as /usr/bin/time reports it.
struct Timing {
    /// Seconds from spawn to reap (CLOCK_MONOTONIC).
    var wall: Double
    /// User plus system seconds of the process and the children it waited for.
    var cpu: Double
    /// Peak resident set size in KiB (ru_maxrss).
    var maxRSSKiB: Int
}

/// A finished process: its cost, how it ended, and what it printed.
struct Finished {
    var timing: Timing
    /// The exit code, or nil when a signal ended it.
    var exitCode: Int32?
    var signal: Int32?
    var stdout: String
    var stderr: String

    var ending: String { exitCode.map { "exit \($0)" } ?? "signal \(signal ?? 0)" }
}

/// Spawns a program with posix_spawn and reaps it with wait4, so wall time, CPU time and peak
/// RSS belong to that one process. Output goes to files in `scratch`, not pipes: no reader
/// thread competes with the measured process for the two cores.
///
/// Linux records the spawning process's own peak RSS in the child's ru_maxrss (exec keeps the
/// forked address space's high-water mark), so the runner stays small: it never loads a
/// platform itself, and `floor()` reports what an empty child shows.
struct ProcessTimer {
    var scratch: URL
    var environment: [String: String]

    struct SpawnFailed: Error, CustomStringConvertible {
        var program: String
        var code: Int32
        var description: String { "cannot start \(program): \(String(cString: strerror(code)))" }
    }

    func run(_ program: String, _ arguments: [String]) throws -> Finished {
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = CStrings([program] + arguments)
        let envp = CStrings(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
        var pid = pid_t()
        var start = timespec()
        var end = timespec()
        var usage = rusage()
        var status: Int32 = 0
        clock_gettime(CLOCK_MONOTONIC, &start)
        let spawned = posix_spawn(&pid, program, &actions, nil, argv.pointers, envp.pointers)
        guard spawned == 0 else { throw SpawnFailed(program: program, code: spawned) }
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        clock_gettime(CLOCK_MONOTONIC, &end)

        let timing = Timing(
            wall: Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9,
            cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), maxRSSKiB: usage.ru_maxrss)
        // The <sys/wait.h> macros, which Swift does not import: low 7 bits are the signal, 0 for an exit.
        let signal = status & 0x7f
        return Finished(
            timing: timing, exitCode: signal == 0 ? (status >> 8) & 0xff : nil, signal: signal == 0 ? nil : signal,
            stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// The peak RSS an empty child (/bin/true) shows when this runner spawns it: the runner's own
    /// high-water mark, below which no measured number can go.
    func floor() throws -> Int { try run("/bin/true", []).timing.maxRSSKiB }

    private func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
}

/// A NULL-terminated array of C strings that lives as long as the value.
private final class CStrings {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    deinit { for pointer in pointers { free(pointer) } }
}
