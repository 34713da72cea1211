import ArgumentParser
import Foundation
import PlatcChecks
import PlatcRender
import PlatcSpec

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif
}

/// `platc check`: load and check the sources; print diagnostics; render nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate the platform sources and print diagnostics.")

    @Option(name: .long, help: "Platform root (holds platform/, tenants/, models/).")
    var root: String = "."

    @Option(name: .long, help: "Output format: text, json, github or sarif.")
    var format: DiagnosticFormat = .text

    @Flag(name: .long, inversion: .prefixedNo, help: "Color text output (default: when stdout is a terminal and NO_COLOR is unset).")
    var color: Bool?

    func run() throws {
        let started = Date()
        let (tree, compilation) = try SourceTreeReader.loadAndCheck(root: root)
        let (loaded, sorted) = (compilation.loaded, compilation.diagnostics)

        let prefix = Self.displayPrefix(root)
        switch format {
        case .text:
            print(TextFormatter(sources: loaded.sources, pathPrefix: prefix, color: stdoutWantsColor(color)).format(sorted), terminator: "")
            let files = tree.files.filter { SourceTree.isDocument($0.path) }.count
            let elapsed = Int(Date().timeIntervalSince(started) * 1000)
            FileHandle.standardError.write(Data("platc: checked \(files) files in \(elapsed) ms: \(TextFormatter.summary(sorted))\n".utf8))
        case .json:
            print(JSONFormatter.format(sorted, pathPrefix: prefix), terminator: "")
        case .github:
            print(GitHubFormatter.format(sorted, pathPrefix: prefix), terminator: "")
        case .sarif:
            print(SARIFFormatter.format(sorted, rules: AllRules.list, toolVersion: Platc.version, pathPrefix: prefix), terminator: "")
        }
        if sorted.contains(where: { $0.severity == .error }) { throw ExitStatus.errors }
    }

    /// Paths print as the user named the root: `--root fixtures/x` gives `fixtures/x/tenants/a.yaml`.
    static func displayPrefix(_ root: String) -> String {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        return trimmed == "." || trimmed.isEmpty ? "" : (trimmed.hasPrefix("./") ? String(trimmed.dropFirst(2)) : trimmed) + "/"
    }
}

/// Every rule of every phase, in documentation order.
enum AllRules {
    static let list: [Rule] = Rule.loadRules + CheckPipeline.rules + RenderPipeline.rules
}
