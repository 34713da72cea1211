/// Which removed file reappears as which added one. platc derives paths from identities, so
/// a move means the naming scheme changed (or a hand-written file was renamed): a Kubernetes
/// object is the same object when its group, kind, namespace and name match; any other file
/// when its bytes do.
enum RenamePairing {
    static func pairs(removed: [String], added: [String], base: [String: [UInt8]], head: [String: [UInt8]]) -> [(String, String)] {
        struct Key: Hashable {
            var group: String?, kind: String?, namespace: String?, name: String?
            var bytes: [UInt8]?
        }
        func key(_ path: String, _ bytes: [UInt8]) -> Key {
            let identity = ObjectIdentity.read(path: path, bytes: bytes)
            guard identity.isKubernetesObject else { return Key(bytes: bytes) }
            return Key(group: identity.group, kind: identity.kind, namespace: identity.namespace, name: identity.name)
        }
        // First added path per key, in path order, so the pairing is deterministic.
        var addedByKey: [Key: [String]] = [:]
        for path in added { addedByKey[key(path, head[path]!), default: []].append(path) }
        var pairs: [(String, String)] = []
        for path in removed {
            let wanted = key(path, base[path]!)
            guard var candidates = addedByKey[wanted], !candidates.isEmpty else { continue }
            pairs.append((path, candidates.removeFirst()))
            addedByKey[wanted] = candidates
        }
        return pairs
    }
}
