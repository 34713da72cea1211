import PlatcSpec

/// One side of a changed file in out/: its bytes, composed once (YAML, and JSON as YAML), and
/// what it is. The identity, the rename pairing and the secret mask all read this one parse.
struct OutFile: Sendable {
    let path: String
    let bytes: [UInt8]
    /// nil for files that are not YAML or JSON, binary files, and documents that do not parse.
    let document: YAMLNode?
    let identity: ObjectIdentity

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let structured = ObjectIdentity.isManifestPath(path) || path.hasSuffix(".json")
        document = structured && !bytes.contains(0) ? YAMLComposer(file: path).compose(bytes).root : nil
        identity = ObjectIdentity.isManifestPath(path) ? ObjectIdentity(document: document) : ObjectIdentity()
    }
}
