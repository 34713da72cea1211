import ArgumentParser
import PlatcGit
import PlatcSpec

/// `platc rules`: the rule catalogue, as a list, one rule explained, or docs/rules.md.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules platc checks, or explain one.")

    @Argument(help: "A rule id to explain, e.g. schema/unknown-key.")
    var id: String?

    @Flag(name: .long, help: "Print the whole catalogue as Markdown (docs/rules.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(RuleCatalogue.markdown(AllRules.list), terminator: "")
            return
        }
        guard let id else {
            for rule in AllRules.list { print("\(rule.id.padding(30)) \(rule.summary)") }
            return
        }
        guard let rule = AllRules.list.first(where: { $0.id == id }) else {
            let suggestion = DidYouMean.suggest(id, from: AllRules.list.map(\.id))
            printError("no rule '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""))
            throw ExitStatus.usageOrIO
        }
        print(RuleCatalogue.markdown([rule], title: nil), terminator: "")
        print("Defined in Sources/\(rule.definedIn).")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print versions of platc and its libraries.")

    func run() throws {
        print("platc \(Platc.version)")
        print("language \(Kind.apiVersion)")
        print("libyaml \(LibYAML.version)")
        print("libgit2 \(LibGit2.version)")
    }
}
