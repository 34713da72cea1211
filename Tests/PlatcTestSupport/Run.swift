import Foundation

/// The result of running a command to completion.
public struct ProcessResult: Sendable {
    public var exitCode: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs a program with arguments in a folder and waits (bounded) for it. Output is read on
/// background threads so a chatty child cannot block on a full pipe.
public func run(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
    timeout: TimeInterval = 120
) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    var env = environment ?? ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let collected = Collected()
    let group = DispatchGroup()
    for (pipe, keyPath) in [(out, \Collected.stdout), (err, \Collected.stderr)] {
        group.enter()
        DispatchQueue.global().async {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            collected.set(keyPath, data)
            group.leave()
        }
    }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { usleep(10_000) }
    if process.isRunning {
        process.terminate()
        process.waitUntilExit()
        throw TimedOut(command: ([executable.path] + arguments).joined(separator: " "), seconds: timeout)
    }
    process.waitUntilExit()
    group.wait()
    return ProcessResult(
        exitCode: process.terminationStatus, stdout: String(decoding: collected.get(\.stdout), as: UTF8.self),
        stderr: String(decoding: collected.get(\.stderr), as: UTF8.self))
}

/// Runs the built `platc`.
public func platc(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 60) throws -> ProcessResult {
    try run(Paths.platcBinary, arguments, in: directory, timeout: timeout)
}

/// Runs a command found on PATH (python3, check-jsonschema, git).
public func runTool(_ name: String, _ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 300) throws -> ProcessResult {
    try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory, timeout: timeout)
}

public struct TimedOut: Error, CustomStringConvertible {
    public var command: String
    public var seconds: TimeInterval
    public var description: String { "'\(command)' did not finish in \(Int(seconds)) s" }
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [PartialKeyPath<Collected>: Data] = [:]
    var stdout = Data()
    var stderr = Data()

    func set(_ key: KeyPath<Collected, Data>, _ data: Data) {
        lock.lock()
        values[key] = data
        lock.unlock()
    }

    func get(_ key: KeyPath<Collected, Data>) -> Data {
        lock.lock()
        defer { lock.unlock() }
        return values[key] ?? Data()
    }
}
