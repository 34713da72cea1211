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

    public init(
        change: Kind, path: String, previousPath: String? = nil, family: Family, identity: ObjectIdentity, patch: String,
        insertions: Int, deletions: Int, maskedSecrets: Int
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
    }

    /// "ClusterQueue search" for an object, the path for a plain file.
    public var title: String { identity.displayName ?? path }
}
