import PlatcSpec

/// What moving objects between Applications risks in the cluster, once per risk, in every report
/// format. Argo CD syncs each Application on its own: when the one that had an object prunes
/// before the one that has it now creates it, the object is deleted and recreated (argo-cd#16721),
/// a Namespace with everything in it.
public struct MoveWarning: Sendable, Equatable {
    public enum Risk: String, Sendable, CaseIterable {
        /// The old Application is still rendered and prunes: if it syncs first, it deletes the objects.
        case oldApplicationPrunes = "old-application-prunes"
        /// The old Application is no longer rendered: it must go, without cascade, before the new ones sync.
        case oldApplicationRemoved = "old-application-removed"
    }

    /// A run of the message: prose, or a command or setting to type (Markdown puts it in backticks).
    public enum Fragment: Sendable, Equatable {
        case text(String)
        case code(String)
    }

    public var risk: Risk
    /// The Applications the objects leave, by name: as the render has them (prunes) or as the
    /// base had them (removed).
    public var applications: [ApplicationOwnership.Application]
    /// How many objects leave them.
    public var objects: Int

    public init(risk: Risk, applications: [ApplicationOwnership.Application], objects: Int) {
        self.risk = risk
        self.applications = applications.sorted { $0.name < $1.name }
        self.objects = objects
    }

    /// The warnings the moves among `changes` call for: none when every old Application is still
    /// rendered and does not prune (the first step of the safe order).
    static func warnings(for changes: [ObjectChange], _ sides: ApplicationOwnership.Sides) -> [MoveWarning] {
        var leaving: [Risk: (applications: Set<ApplicationOwnership.Application>, objects: Int)] = [:]
        for change in changes where change.isMove {
            guard let name = change.previousApplication, let old = sides.base.application(named: name) else { continue }
            let now = sides.head.application(named: name)
            if let now, !now.prunes { continue }
            // A shard the root no longer renders: the root deletes it without cascade, and until
            // then its folder is gone, which Argo CD reports as a comparison error and never
            // prunes from (docs/research/argocd-sharding-notes.md §4).
            if now == nil, old.syncedByRoot { continue }
            let risk: Risk = now == nil ? .oldApplicationRemoved : .oldApplicationPrunes
            leaving[risk, default: ([], 0)].applications.insert(now ?? old)
            leaving[risk, default: ([], 0)].objects += 1
        }
        return Risk.allCases.compactMap { risk in
            leaving[risk].map { MoveWarning(risk: risk, applications: Array($0.applications), objects: $0.objects) }
        }
    }

    /// The message as plain text, after "warning: ".
    public var message: String {
        fragments.map { fragment in
            switch fragment {
            case .text(let text), .code(let text): text
            }
        }.joined()
    }

    // MARK: - Messages

    /// Where the safe order is explained, cited by every warning.
    static let documentation = "docs/render-argocd.md, \"Moving objects between Applications\""

    /// The message in runs of prose and code: the one place its words are written.
    public var fragments: [Fragment] {
        let names = Self.list(applications.map(\.name))
        let one = applications.count == 1
        let counted = Plural.counted(objects, "object") + (objects == 1 ? " moves" : " move")
        switch risk {
        case .oldApplicationPrunes:
            return [
                .text(
                    "\(counted) between Applications while \(names) \(one ? "prunes" : "prune"): if \(one ? "it" : "one") syncs "
                        + "before the new owner, Argo CD deletes \(objects == 1 ? "it" : "them") first (argo-cd#16721). Commit "),
                .code("argocd.prune: false"),
                .text(" first, then this change, then remove it (\(Self.documentation))."),
            ]
        case .oldApplicationRemoved:
            var fragments: [Fragment] = [
                .text(
                    "\(counted) from \(Plural.noun(applications.count, "Application")) \(names), which this render no longer has: "
                        + "delete \(one ? "it" : "them") without cascade before the new Applications sync: ")
            ]
            for (index, command) in deleteCommands.enumerated() {
                if index > 0 { fragments.append(.text(" and ")) }
                fragments.append(.code(command))
            }
            fragments.append(
                .text(
                    " (platc never sets the resources finalizer, so deleting \(one ? "it leaves its" : "them leaves their") objects; "
                        + "\(Self.documentation))."))
            return fragments
        }
    }

    /// `kubectl -n argocd delete application lab`: one command per namespace.
    private var deleteCommands: [String] {
        Dictionary(grouping: applications, by: \.namespace).sorted { $0.key < $1.key }.map { namespace, applications in
            "kubectl -n \(namespace) delete application " + applications.map(\.name).sorted().joined(separator: " ")
        }
    }

    /// "a", "a and b", "a, b and c".
    private static func list(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
