extension Rule {
    public static let sourceSymlinkOutsideRoot = Rule(
        id: "source/symlink-outside-root",
        summary: "A symbolic link points outside the platform root.",
        rationale:
            "The render must be a function of the repository alone; a link to /etc or a home folder would make it depend on the machine, and could leak its files into out/.",
        example: """
            models/llama/config.json -> /home/me/Downloads/config.json
            """,
        fix: "Copy the file into the repository (vendor it) and remove the link.")
}
