/// One hash for what the sources mean, shown in the catalog's footer so a reader can tell which
/// platform a page was built from. Each document and each config.json a model reads is one
/// entry: its canonical JSON (`CanonicalJSON`) and that text's SHA-256. The digest is the
/// SHA-256 of the listing `<hash>  <entry>\n`, entries in byte order, so comments, line ends, a
/// BOM, key order, file order and file paths change nothing, and `platc digest --listing |
/// sha256sum` recomputes it (docs/render-catalog.md).
public struct SourceDigest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// `Kind/name` for a document, the root-relative path for a config.json.
        public let name: String
        /// The canonical JSON text, ending in a line feed.
        public let canonical: String
        /// Lowercase hex SHA-256 of `canonical`.
        public let hash: String
    }

    /// `sha256:` and 64 hex digits.
    public let value: String
    /// In byte order of their names.
    public let entries: [Entry]

    /// How many sources the digest covers: documents and the config.json files models read.
    public var fileCount: Int { entries.count }

    /// What `value` hashes: one `<hash>  <name>` line per entry, in the format of `sha256sum`.
    public var listing: String { entries.map { "\($0.hash)  \($0.name)\n" }.joined() }

    /// A loaded document: its kind, name and validated value.
    public struct Document: Sendable {
        public var kind: Kind
        public var name: String
        public var value: Value

        public init(kind: Kind, name: String, value: Value) {
            self.kind = kind
            self.name = name
            self.value = value
        }
    }

    /// `configs`: each config.json by root-relative path (a path listed twice counts once).
    public init(documents: [Document], configs: [(path: String, json: JSONValue)]) {
        var seen: Set<String> = []
        let sources =
            (documents.map(Source.document)
            + configs.filter { seen.insert($0.path).inserted }.map { Source.config(path: $0.path, json: $0.json) })
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        // Each entry is independent: serialized and hashed on every core, listed in name order.
        entries = Parallel.map(sources) { source in
            let canonical = source.canonical + "\n"
            return Entry(name: source.name, canonical: canonical, hash: SHA256.hex(SHA256.hash(canonical.utf8)))
        }
        var listing = SHA256()
        for entry in entries { listing.update("\(entry.hash)  \(entry.name)\n") }
        value = "sha256:" + SHA256.hex(listing.finalize())
    }

    private enum Source: Sendable {
        case document(Document)
        case config(path: String, json: JSONValue)

        var name: String {
            switch self {
            case .document(let document): "\(document.kind.rawValue)/\(document.name)"
            case .config(let path, _): path
            }
        }

        var canonical: String {
            switch self {
            case .document(let document): CanonicalJSON.text(document.value, as: .object(document.kind.shape))
            case .config(_, let json): CanonicalJSON.sorted(json).serialized(pretty: false)
            }
        }
    }
}
