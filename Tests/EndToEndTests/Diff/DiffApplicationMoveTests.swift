import Foundation
import PlatcTestSupport
import Testing

/// `platc diff` through the binary on the pull request that adopts the app-of-apps layout: the
/// base commit has one Application `lab` syncing out/manifests, the render has `lab-root` and a
/// child per part, and the same objects sit under manifests/tenants-000/. They are moved between
/// Applications, not removed and added, and `lab` must be deleted without cascade first.
@Suite struct DiffApplicationMoveTests {
    /// One side's layout: its Applications, and where an object of manifests/ sits in it.
    private struct Layout {
        var applications: [String: String]
        /// The Application that syncs the objects.
        var owner: String
        var folder: String

        static let single = Layout(
            applications: ["argocd/application.lab.yaml": application("lab", "out/manifests")], owner: "lab", folder: "manifests")
        static let appOfApps = Layout(
            applications: [
                "argocd/application.lab-root.yaml": application("lab-root", "out/applications"),
                "applications/application.lab-tenants-000.yaml": application("lab-tenants-000", "out/manifests/tenants-000"),
            ], owner: "lab-tenants-000", folder: "manifests/tenants-000")

        static func application(_ name: String, _ path: String) -> String { ArgoApplicationYAML.text(name, path: path) }
    }

    @Test func adoptingAppOfAppsMovesObjectsAndSaysToDeleteTheOldApplicationWithoutCascade() throws {
        let repo = try DiffRepository(commit: false)
        let out = repo.root.appendingPathComponent("out")
        // The base is platc's former single Application; the render has the app-of-apps layout.
        let (base, head) = (Layout.single, Layout.appOfApps)
        let objects = try twoObjects(in: out.appendingPathComponent(head.folder))
        // platc's README.md marks out/ as platc's, so the render after the commit may replace it.
        var files = base.applications.merging([
            "README.md": try String(contentsOf: out.appendingPathComponent("README.md"), encoding: .utf8)
        ]) { a, _ in a }
        for object in objects {
            files[base.folder + "/" + object] = try String(
                contentsOf: out.appendingPathComponent(head.folder + "/" + object), encoding: .utf8)
        }
        try FileManager.default.removeItem(at: out)
        for (path, text) in files { try repo.write("out/" + path, text) }
        try repo.commit("Render lab with the single Application")
        try repo.platcIn(["render"]).expectSuccess()

        let json = try repo.diffJSON()
        let changes = try #require(json.object["changes"] as? [[String: Any]])
        let moved = changes.filter { $0["moved"] as? Bool == true }
        #expect(moved.compactMap { $0["path"] as? String }.sorted() == objects.map { "out/\(head.folder)/\($0)" })
        #expect(moved.allSatisfy { $0["application"] as? String == head.owner && $0["previousApplication"] as? String == base.owner })
        let removed = changes.filter { $0["change"] as? String == "removed" }.compactMap { $0["path"] as? String }
        #expect(Set(removed).isSubset(of: base.applications.keys.map { "out/" + $0 }), "a moved object was removed: \(removed)")
        let warnings = try #require(json.object["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["risk"] as? String } == ["old-application-removed"])
        #expect(warnings.first?["applications"] as? [String] == [base.owner])

        let text = try repo.platcIn(["diff", "--no-color"])
        #expect(text.exitCode == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  (moved from Application \(base.owner) to \(head.owner))\n"), "\(text.stdout)")
        #expect(
            text.stdout.contains(
                "\nwarning: 2 objects move from Application \(base.owner), which this render no longer has: delete it without cascade "
                    + "before the new Applications sync: kubectl -n argocd delete application \(base.owner) (platc never sets"),
            "\(text.stdout)")
        #expect(text.stdout.contains("objects (2 moved between Applications)"), "\(text.stdout)")
        let markdown = try repo.platcIn(["diff", "--format", "markdown"])
        #expect(markdown.stdout.contains("`kubectl -n argocd delete application \(base.owner)`"), "\(markdown.stdout)")
    }

    /// Two rendered objects under `folder`, by path inside it: a Namespace and a namespaced one.
    private func twoObjects(in folder: URL) throws -> [String] {
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        let files = walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".yaml") }.sorted()
        let namespace = try #require(files.first { $0.hasPrefix("_cluster/namespace.") }, "no Namespace under \(folder.path)")
        let namespaced = try #require(files.first { !$0.hasPrefix("_cluster/") }, "no namespaced object under \(folder.path)")
        return [namespace, namespaced].sorted()
    }
}
