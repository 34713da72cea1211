/// Which Argo CD Application syncs each file of out/, on one side of a diff: read from the
/// Applications that side's out/ holds. A file belongs to the Application whose source folder is
/// the longest whole-component prefix of its path, so `manifests/tenants-1` does not own
/// `manifests/tenants-10/…`; README.md, catalog/, litellm/ and argocd/ belong to none.
public struct ApplicationOwnership: Sendable, Equatable {
    /// The side's Applications, longest folder first, then by name: the first match is the owner.
    public let applications: [Application]
    /// Each folder with its trailing slash, in the same order: built once, not per file asked about.
    private let prefixes: [String]

    public init(applications: [Application]) {
        self.applications = applications.sorted { ($1.folder.count, $0.name) < ($0.folder.count, $1.name) }
        prefixes = self.applications.map { $0.folder + "/" }
    }

    /// A side without Applications: nothing is owned (an empty base, a test without Argo CD).
    public static let none = ApplicationOwnership(applications: [])

    /// Reads the Applications among `files` (paths inside out/). Only the files under argocd/ and
    /// applications/ are parsed, so a caller may pass the whole of out/ (50,000 files at the
    /// XL bench) and still parse a handful.
    public init(files: [String: [UInt8]]) {
        self.init(
            applications: files.compactMap { path, bytes in
                Self.mayHoldApplication(path) ? Application(OutFile(path: path, bytes: bytes)) : nil
            })
    }

    /// Whether a path inside out/ is where platc writes Applications: the root's folder and the children's.
    public static func mayHoldApplication(_ path: String) -> Bool {
        (path.hasPrefix("argocd/") || path.hasPrefix("applications/")) && ObjectIdentity.isManifestPath(path)
    }

    /// The Application that syncs `path` (inside out/), or nil when none does.
    public func owner(of path: String) -> Application? {
        prefixes.firstIndex { path.hasPrefix($0) }.map { applications[$0] }
    }

    public func application(named name: String) -> Application? {
        applications.first { $0.name == name }
    }

    /// Both sides of a diff: who synced each file at the base, and who syncs it in the render.
    public struct Sides: Sendable {
        public var base: ApplicationOwnership
        public var head: ApplicationOwnership

        public init(base: ApplicationOwnership, head: ApplicationOwnership) {
            self.base = base
            self.head = head
        }

        public static let none = Sides(base: .none, head: .none)

        /// Both sides of `platc diff`: `base` holds the base's files that differ from the render
        /// (`BaseRevision.out`), `identical` the paths it did not read because the render's bytes
        /// are the same, `render` the render's files (only argocd/ and applications/ are needed).
        public init(base: [String: [UInt8]], identical: Set<String>, render: [String: [UInt8]]) {
            let rendered = render.filter { ApplicationOwnership.mayHoldApplication($0.key) }
            // An Application unchanged since the base was never read from Git: the render's bytes are its bytes.
            let unread = rendered.filter { identical.contains($0.key) }
            self.init(
                base: ApplicationOwnership(
                    files: base.filter { ApplicationOwnership.mayHoldApplication($0.key) }.merging(unread) { read, _ in read }),
                head: ApplicationOwnership(files: rendered))
        }
    }
}
