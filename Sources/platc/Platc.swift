import ArgumentParser
import Foundation

/// The command line. Exit codes, one table for every command (docs/cli.md):
/// 0 clean (warnings allowed), 1 the sources have errors, 2 usage or I/O error.
@main
struct Platc: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "platc",
        abstract: "Compile a GitOps LLM platform (platform/, tenants/, models/) and prove it coherent.",
        version: version,
        subcommands: [
            CheckCommand.self, RenderCommand.self, DiffCommand.self, FitCommand.self, SchemaCommand.self, RulesCommand.self,
            DigestCommand.self, VersionCommand.self,
        ])

    /// ArgumentParser exits 64 on usage errors; platc's contract says 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

enum ExitStatus {
    static let errors = ExitCode(1)
    static let usageOrIO = ExitCode(2)
    /// `render --check` and `diff`: the sources have errors, so nothing could be compared.
    static let sourceErrorsInGate = ExitCode(3)
}

/// Color for stdout: as the `--[no-]color` flag says, else when stdout is a terminal and NO_COLOR is unset.
func stdoutWantsColor(_ flag: Bool?) -> Bool { wantsColor(flag, on: STDOUT_FILENO) }

/// Color for stderr, by the same rule: for commands whose stdout is data (`platc digest`).
func stderrWantsColor(_ flag: Bool?) -> Bool { wantsColor(flag, on: STDERR_FILENO) }

private func wantsColor(_ flag: Bool?, on stream: Int32) -> Bool {
    flag ?? (isatty(stream) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("platc: error: \(message)\n".utf8))
}
