import Foundation

/// A change to a `platc-bench generate` platform that still checks clean and makes a render add,
/// modify and remove files: some tenants' pod quota raised, some tenants removed, new tenants
/// added (copies of an existing one), with the models' `tenants:` lists kept in step.
struct SyntheticPlatformEdit {
    var changed: [String]
    var removed: [String]
    /// New tenant names, each a copy of `template`, allowed the same models.
    var added: [String]
    var template: String

    func apply(to root: URL) throws {
        let fileManager = FileManager.default
        let tenants = root.appendingPathComponent("tenants"), models = root.appendingPathComponent("models")
        for name in changed {
            let file = tenants.appendingPathComponent("\(name).yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            guard text.contains("  pods: 50\n") else { throw EditError(description: "\(file.path) has no 'pods: 50' to change") }
            try text.replacing("  pods: 50\n", with: "  pods: 64\n").write(to: file, atomically: false, encoding: .utf8)
        }
        for name in removed { try fileManager.removeItem(at: tenants.appendingPathComponent("\(name).yaml")) }
        let copy = try String(contentsOf: tenants.appendingPathComponent("\(template).yaml"), encoding: .utf8)
        for name in added {
            try copy.replacing(template, with: name).write(
                to: tenants.appendingPathComponent("\(name).yaml"), atomically: false, encoding: .utf8)
        }
        for file in try fileManager.contentsOfDirectory(at: models, includingPropertiesForKeys: nil) where file.pathExtension == "yaml" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                guard line.hasPrefix("tenants: ["), line.hasSuffix("]") else { return String(line) }
                var names = line.dropFirst("tenants: [".count).dropLast().components(separatedBy: ", ").filter { !removed.contains($0) }
                if names.contains(template) { names += added }
                return "tenants: [\(names.joined(separator: ", "))]"
            }
            try lines.joined(separator: "\n").write(to: file, atomically: false, encoding: .utf8)
        }
    }

    struct EditError: Error, CustomStringConvertible {
        var description: String
    }
}
