extension GitRepository {
    /// Where an absolute folder lies inside the working tree ("out", "sub/dir/out"), resolving
    /// symbolic links on both sides; "" for the working tree itself, nil when outside it or bare.
    public func relativePath(of absolutePath: String) -> String? {
        guard let workdir, let root = FilePaths.canonical(workdir), let target = FilePaths.canonical(absolutePath) else {
            return nil
        }
        if target.utf8.elementsEqual(root.utf8) { return "" }
        let prefix = root == "/" ? "/" : root + "/"
        // Bytes, not Characters: Swift's String comparison would match canonically equivalent names.
        guard target.utf8.starts(with: prefix.utf8) else { return nil }
        return String(decoding: target.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)
    }
}
