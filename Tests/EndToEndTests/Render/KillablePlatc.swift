import Foundation
import PlatcTestSupport

/// The built `platc`, started with posix_spawn and not waited for, so a test can SIGKILL it at a
/// moment of its choosing. stdout goes to /dev/null and stderr to a file, read when it matters.
final class KillablePlatc {
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case killed(Int32)

        var description: String {
            switch self {
            case .exited(let code): "exited with \(code)"
            case .killed(let signal): "killed by signal \(signal)"
            }
        }
    }

    let pid: pid_t
    let stderrFile: URL
    private(set) var ending: Ending?

    init(_ arguments: [String], stderrTo stderrFile: URL) throws {
        self.stderrFile = stderrFile
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderrFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([Paths.platcBinary.path] + arguments).map { strdup($0) } + [nil]
        defer { for argument in argv { free(argument) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, argv[0]!, &actions, nil, argv, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EIO) }
        self.pid = pid
    }

    /// How it ended, if it has (reaps it); nil while it runs.
    func poll() -> Ending? {
        if ending == nil { reap(options: WNOHANG) }
        return ending
    }

    /// SIGKILL, unless it already ended; then how it ended.
    func kill() -> Ending {
        if poll() == nil { Glibc.kill(pid, SIGKILL) }
        return wait()
    }

    func wait() -> Ending {
        while ending == nil { reap(options: 0) }
        return ending!
    }

    var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }

    private func reap(options: Int32) {
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, options)
        if reaped == -1, errno == EINTR { return }
        guard reaped == pid else { return }
        // WIFEXITED / WTERMSIG are macros Swift does not import.
        ending = status & 0x7f == 0 ? .exited((status >> 8) & 0xff) : .killed(status & 0x7f)
    }

    deinit {
        if ending == nil { _ = kill() }
    }
}

/// Sees entries created in or moved into one folder (inotify), so a test can time a kill from
/// the moment platc creates its stage (the start of its write phase) or swaps it with out/ (a
/// RENAME_EXCHANGE reports both names as moved in), whatever the load of the machine.
final class FolderWatch {
    enum Event: Equatable {
        case created(String)
        case movedIn(String)
    }

    private let descriptor: Int32
    private var seen: [Event] = []

    init(_ folder: URL) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0, inotify_add_watch(descriptor, folder.path, UInt32(IN_CREATE | IN_MOVED_TO)) >= 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
    }

    /// Forgets every event so far.
    func drain() {
        readEvents()
        seen = []
    }

    /// Waits until `event` has happened since the last `drain`; false when `keepWaiting` says to
    /// stop (the process ended) or after `timeout`.
    func wait(for event: Event, timeout: TimeInterval, keepWaiting: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            readEvents()
            if seen.contains(event) { return true }
            guard keepWaiting() else {
                readEvents()
                return seen.contains(event)
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            _ = Glibc.poll(&request, 1, 20)
        }
        return false
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            let header = MemoryLayout<inotify_event>.size  // wd, mask, cookie, len; then the name
            while offset + header <= count {
                let mask = buffer.withUnsafeBytes { $0.load(fromByteOffset: offset + 4, as: UInt32.self) }
                let length = buffer.withUnsafeBytes { Int($0.load(fromByteOffset: offset + 12, as: UInt32.self)) }
                let name = String(decoding: buffer[(offset + header)..<(offset + header + length)].prefix { $0 != 0 }, as: UTF8.self)
                if mask & UInt32(IN_CREATE) != 0 { seen.append(.created(name)) }
                if mask & UInt32(IN_MOVED_TO) != 0 { seen.append(.movedIn(name)) }
                offset += header + length
            }
        }
    }

    deinit { close(descriptor) }
}
