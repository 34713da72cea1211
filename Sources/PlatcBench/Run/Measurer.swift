import Foundation

/// A command the benchmark times: what to run, what exit code it must end with, what to do
/// before each run (untimed) and what its output must show.
struct MeasuredCommand {
    var name: String
    var program: String
    var arguments: [String]
    var expectedExit: Int32 = 0
    var beforeEach: () throws -> Void = {}
    var verify: (Finished) throws -> Void = { _ in }
}

/// Runs each command through the warm-up, then the timed runs, checking every run.
struct Measurer {
    var timer: ProcessTimer
    var runs: Int
    var warmup: Int

    struct UnexpectedEnding: Error, CustomStringConvertible {
        var command: String
        var finished: Finished
        var expected: Int32
        var description: String {
            "\(command): \(finished.ending), expected exit \(expected)\n--- stderr\n\(finished.stderr.suffix(4000))"
                + "\n--- stdout\n\(finished.stdout.suffix(2000))"
        }
    }

    struct WrongOutput: Error, CustomStringConvertible {
        var description: String
    }

    func measure(_ command: MeasuredCommand, at scale: Scale) throws -> Row {
        var timings: [Timing] = []
        for index in 0..<(warmup + runs) {
            try command.beforeEach()
            let finished = try run(command)
            try command.verify(finished)
            if index >= warmup { timings.append(finished.timing) }
        }
        let row = Row(scale: scale, command: command.name, runs: timings, floorKiB: try timer.floor())
        Log.say(
            "  \(scale) \(command.name): median \(Format.seconds(row.wall.median)), CPU \(Format.seconds(row.cpu.median)), "
                + "peak \(Format.mebibytes(Int(row.maxRSS.max)))")
        return row
    }

    /// One untimed-by-the-report run whose exit code is still checked (set-up steps, git).
    func run(_ command: MeasuredCommand) throws -> Finished {
        let finished = try timer.run(command.program, command.arguments)
        guard finished.exitCode == command.expectedExit else {
            throw UnexpectedEnding(
                command: ([command.program] + command.arguments).joined(separator: " "), finished: finished,
                expected: command.expectedExit)
        }
        return finished
    }
}

/// Progress on stderr; stdout carries only the product (`--output -`).
enum Log {
    static func say(_ line: String) { FileHandle.standardError.write(Data((line + "\n").utf8)) }
}
