import PlatcGit
import Testing

@Suite struct LibGit2Tests {
    /// The system-library target links and libgit2 initialises (the diff phase builds on it).
    @Test func reportsTheLinkedVersion() {
        let parts = LibGit2.version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil }, "\(LibGit2.version)")
    }
}
