import Foundation

/// The system calls out/ is written with, each failure an `OutputDirectory.IOError` that names the
/// path and says what happened in the system's words (strerror), never Foundation's
/// "The operation could not be completed".
enum OutputFileSystem {
    typealias IOError = OutputDirectory.IOError

    /// What a path is, without following a link at its end.
    enum Kind {
        case absent, folder, file, link, other
    }

    static func kind(of path: String) throws(IOError) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return .absent }
            throw IOError(description: "cannot read '\(path)': \(errnoText())")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The names in a folder (without `.` and `..`) and what each is, links not followed.
    static func entries(of folder: String) throws(IOError) -> [(name: String, kind: Kind)] {
        guard let directory = opendir(folder) else { throw IOError(description: "cannot list '\(folder)': \(errnoText())") }
        defer { closedir(directory) }
        var entries: [(name: String, kind: Kind)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): entries.append((name, .folder))
            case Int32(DT_REG): entries.append((name, .file))
            case Int32(DT_LNK): entries.append((name, .link))
            case Int32(DT_UNKNOWN): entries.append((name, try kind(of: folder + "/" + name)))
            default: entries.append((name, .other))
            }
        }
        return entries
    }

    /// Creates `folder` and any missing folder above it; an existing folder is fine.
    static func makeFolders(_ folder: String) throws(IOError) {
        if mkdir(folder, 0o777) == 0 { return }
        var failure = errno
        if failure == ENOENT, let slash = folder.lastIndex(of: "/"), slash > folder.startIndex {
            try makeFolders(String(folder[..<slash]))
            if mkdir(folder, 0o777) == 0 { return }
            failure = errno
        }
        if failure == EEXIST, try kind(of: folder) == .folder { return }
        throw IOError(description: "cannot create the folder '\(folder)': \(String(cString: strerror(failure)))")
    }

    /// Deletes `path` and everything under it, never following a link; absent is fine. The
    /// first failure names the entry that could not be removed.
    static func removeTree(_ path: String) throws(IOError) {
        switch try kind(of: path) {
        case .absent: return
        case .folder:
            for entry in try entries(of: path) {
                let child = path + "/" + entry.name
                if entry.kind == .folder {
                    try removeTree(child)
                } else if unlink(child) != 0, errno != ENOENT {
                    throw IOError(description: "cannot remove '\(child)': \(errnoText())")
                }
            }
            guard rmdir(path) == 0 || errno == ENOENT else { throw IOError(description: "cannot remove '\(path)': \(errnoText())") }
        case .file, .link, .other:
            guard unlink(path) == 0 || errno == ENOENT else { throw IOError(description: "cannot remove '\(path)': \(errnoText())") }
        }
    }

    /// Whether `file` holds exactly `bytes`: a file of another size is not read at all, one of the
    /// same size is read once (no read to find its end) and compared by memcmp, where Array's `==`
    /// went element by element (3 % of `render --check`'s instructions at L).
    static func holds(_ file: String, exactly bytes: [UInt8]) throws(IOError) -> Bool {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOError(description: "cannot read '\(file)': \(errnoText())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw IOError(description: "cannot read '\(file)': \(errnoText())") }
        guard Int(info.st_size) == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        var failed = false
        let read = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = 0
            while count < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if got < 0, errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { break }
                count += got
            }
        }
        guard !failed else { throw IOError(description: "cannot read '\(file)': \(errnoText())") }
        guard read.count == bytes.count else { return false }
        return read.withUnsafeBytes { x in bytes.withUnsafeBytes { y in memcmp(x.baseAddress!, y.baseAddress!, bytes.count) == 0 } }
    }

    /// Writes a new file (it must not exist) with all of `bytes`.
    static func write(_ bytes: [UInt8], to file: String) throws(IOError) {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IOError(description: "cannot create '\(file)': \(errnoText())") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw IOError(description: "cannot write '\(file)': \(errnoText())") }
            offset += written
        }
    }

    /// Waits for an exclusive `flock` on `folder` (created when missing) and returns the
    /// descriptor that holds it: closing it releases the lock, and so does the process's end,
    /// however it ends.
    static func lock(_ folder: String) throws(IOError) -> Int32 {
        try makeFolders(folder)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IOError(description: "cannot open '\(folder)' to lock it: \(errnoText())") }
        while flock(descriptor, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let failure = errnoText()
            close(descriptor)
            throw IOError(description: "cannot lock '\(folder)': \(failure)")
        }
        return descriptor
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
