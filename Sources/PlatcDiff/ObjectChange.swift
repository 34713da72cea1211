/// One file of out/ that a render adds, changes, removes or moves.
public struct ObjectChange: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case added, modified, removed, renamed

        /// The sign reports put before the object, as in `terraform plan`.
        public var sign: String {
            switch self {
            case .added: "+"
            case .modified: "~"
            case .removed: "-"
            case .renamed: ">"
            }
        }
    }

    public var change: Kind
    /// Where the file is after the change (before it, for a removal), with the out/ prefix.
    public var path: String
    /// Where a renamed file was.
    public var previousPath: String?
    public var family: Family
    public var identity: ObjectIdentity
    /// The unified diff, secrets masked; "" for a rename with identical bytes.
    public var patch: String
    public var insertions: Int
    public var deletions: Int
    /// How many secret values the patch shows as `***`.
    public var maskedSecrets: Int
    /// The Argo CD Application that syncs the file: the render's, or the base's for a removal
    /// (the one that prunes it). nil for files no Application syncs (README.md, catalog/).
    public var application: String?
    /// For a renamed file, the Application that synced it at the base.
    public var previousApplication: String?

    public init(
        change: Kind, path: String, previousPath: String? = nil, family: Family, identity: ObjectIdentity, patch: String,
        insertions: Int, deletions: Int, maskedSecrets: Int, application: String? = nil, previousApplication: String? = nil
    ) {
        self.change = change
        self.path = path
        self.previousPath = previousPath
        self.family = family
        self.identity = identity
        self.patch = patch
        self.insertions = insertions
        self.deletions = deletions
        self.maskedSecrets = maskedSecrets
        self.application = application
        self.previousApplication = previousApplication
    }

    /// "ClusterQueue search" for an object, the path for a plain file.
    public var title: String { identity.displayName ?? path }

    /// A renamed file that another Application syncs now: the old one may prune it before the new
    /// one creates it (`MoveWarning`).
    public var isMove: Bool { change == .renamed && previousApplication != application }

    /// "Application lab-serving-002", "moved from Application lab to lab-tenants-003": what every
    /// report format adds to the object's line; nil when no Application syncs it on either side.
    public var applicationNote: String? {
        if isMove { return "moved from \(Self.named(previousApplication)) to \(application ?? "none")" }
        return application.map { "Application \($0)" }
    }

    private static func named(_ application: String?) -> String { application.map { "Application \($0)" } ?? "no Application" }
}
