import ArgumentParser
import Foundation
import PlatcSpec

/// `platc digest`: the source digest the catalog's footer shows, a hash of what the sources mean
/// (docs/render-catalog.md). `--listing` prints what it hashes, `--canonical` each entry's text.
struct DigestCommand: ParsableCommand {
    enum Show: String, EnumerableFlag {
        case listing, canonical

        static func help(for value: Show) -> ArgumentHelp? {
            switch value {
            case .listing: "Print the `sha256sum` listing of the entries; its SHA-256 is the digest."
            case .canonical: "Print each entry's name and canonical JSON, the text its hash covers."
            }
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Print the digest of what the platform sources mean (the catalog footer's).")

    @Option(name: .long, help: "Platform root (holds platform/, tenants/, models/).")
    var root: String = "."

    @Flag var show: Show?

    @Flag(name: .long, inversion: .prefixedNo, help: "Color diagnostics (default: when stderr is a terminal and NO_COLOR is unset).")
    var color: Bool?

    func run() throws {
        let (_, loaded, diagnostics) = try SourceTreeReader.load(root: root)
        guard let digest = loaded.spec?.sourceDigest, !diagnostics.hasErrors else {
            // The same text `platc check` prints, on stderr: stdout is for the digest alone.
            let formatter = TextFormatter(
                sources: loaded.sources, pathPrefix: CheckCommand.displayPrefix(root), color: stderrWantsColor(color))
            FileHandle.standardError.write(Data(formatter.format(diagnostics.sorted).utf8))
            printError("the sources do not load; there is no digest")
            throw ExitStatus.errors
        }
        switch show {
        case nil: print(digest.value)
        case .listing: print(digest.listing, terminator: "")
        case .canonical: for entry in digest.entries { print("\(entry.name)\t\(entry.canonical)", terminator: "") }
        }
    }
}
