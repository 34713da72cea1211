import Foundation
import PlatcCompiler

/// `PLATC_TIMINGS=1` prints how long each phase of a command took to stderr (wall and CPU of
/// the whole process in ms, and its peak memory so far): where docs/BENCHMARKS.md's profile starts. Off, it costs one branch.
enum PhaseTimings {
    static let enabled = ProcessInfo.processInfo.environment["PLATC_TIMINGS"] == "1"

    static func measure<Result>(_ phase: String, _ body: () throws -> Result) rethrows -> Result {
        guard enabled else { return try body() }
        let wall = DispatchTime.now().uptimeNanoseconds
        let cpu = clock()
        defer {
            let wallMS = Double(DispatchTime.now().uptimeNanoseconds - wall) / 1e6
            let cpuMS = Double(clock() - cpu) * 1000 / Double(CLOCKS_PER_SEC)
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let line = String(
                format: "timing: %-10@ %7.1f ms wall %7.1f ms cpu %6ld MB peak\n", phase, wallMS, cpuMS, usage.ru_maxrss / 1024)
            FileHandle.standardError.write(Data(line.utf8))
        }
        return try body()
    }
}

extension PhaseTimings {
    /// The same timer, handed to the library's phases (load, facts, check, render …).
    static let phases = Clock()

    struct Clock: PhaseClock {
        func measure<Result>(_ phase: String, _ body: () throws -> Result) rethrows -> Result {
            try PhaseTimings.measure(phase, body)
        }
    }
}
