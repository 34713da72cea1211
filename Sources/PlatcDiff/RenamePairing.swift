/// Which removed file reappears as which added one. platc derives paths from identities, so
/// a move means the naming scheme changed (or a hand-written file was renamed): a Kubernetes
/// object is the same object when its group, kind, namespace and name match; any other file
/// when its bytes do.
enum RenamePairing {
    static func pairs(removed: [OutFile], added: [OutFile]) -> [(OutFile, OutFile)] {
        struct Key: Hashable {
            var group: String?, kind: String?, namespace: String?, name: String?
            var bytes: [UInt8]?
        }
        func key(_ file: OutFile) -> Key {
            let identity = file.identity
            guard identity.isKubernetesObject else { return Key(bytes: file.bytes) }
            return Key(group: identity.group, kind: identity.kind, namespace: identity.namespace, name: identity.name)
        }
        // First added file per key, in path order, so the pairing is deterministic.
        var addedByKey: [Key: [OutFile]] = [:]
        for file in added { addedByKey[key(file), default: []].append(file) }
        var pairs: [(OutFile, OutFile)] = []
        for file in removed {
            let wanted = key(file)
            guard var candidates = addedByKey[wanted], !candidates.isEmpty else { continue }
            pairs.append((file, candidates.removeFirst()))
            addedByKey[wanted] = candidates
        }
        return pairs
    }
}
