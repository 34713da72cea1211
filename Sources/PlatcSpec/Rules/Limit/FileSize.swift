extension DiagnosticCollector {
    /// Reports `file` when it is over `limit` (limit/file-size), with its real size; true when it was.
    mutating func reportOversized(_ file: SourceTree.File, limit: Int, hint: String) -> Bool {
        guard file.size > limit else { return false }
        error(.limitFileSize, "file is \(file.size) bytes, more than the limit of \(limit)", at: .file(file.path), hint: hint)
        return true
    }
}

extension Rule {
    public static let limitFileSize = Rule(
        id: "limit/file-size",
        summary: "A source file is larger than 4 MiB.",
        rationale:
            "Platform files are a few kilobytes; a huge file is a mistake or an attack, and platc refuses it before parsing so it cannot exhaust memory.",
        example: """
            models/big.yaml (5 MiB)
            """,
        fix: "Split the content or remove what does not belong in a platform file.")
}
