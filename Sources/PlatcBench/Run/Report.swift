/// The Markdown of a run: the part of docs/BENCHMARKS.md between the markers, or with
/// `--output -` only the tables.
enum Report {
    static func document(_ results: Results) -> String {
        let machine = results.machine
        var lines = [
            "## Results", "",
            "Measured \(machine.date) at platc `\(machine.commit)` by `platc-bench run \(results.arguments.joined(separator: " "))`: "
                + "\(results.warmup) warm-up and \(results.runs) timed runs per row, each a whole process timed like /usr/bin/time "
                + "(wall: CLOCK_MONOTONIC from posix_spawn to wait4; CPU: user + system from the child's rusage; "
                + "peak RSS: its ru_maxrss).",
            "", "### Machine", "", "| | |", "| --- | --- |",
            "| CPU | \(machine.cpuModel) |", "| cores | \(machine.cores) |",
            "| RAM | \(Format.bytes(machine.memoryKiB * 1024)) |", "| kernel | \(machine.kernel) |",
            "| Swift | \(machine.swiftVersion) |", "| scratch folder | \(machine.scratch) |", "",
            "### Inputs", "",
            "| scale | tenants | models | GPU classes | source files | source bytes | out/ files | out/ bytes | objects in out/ |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for input in results.inputs {
            let scale = input.scale
            lines.append(
                "| \(scale) | \(Format.count(scale.tenants)) | \(Format.count(scale.models)) | \(scale.gpuClasses) "
                    + "| \(Format.count(input.sources.files)) | \(Format.bytes(input.sources.bytes)) | \(Format.count(input.out.files)) "
                    + "| \(Format.bytes(input.out.bytes)) | \(Format.count(input.objects)) |")
        }
        lines += ["", "### Timings", ""] + timings(results) + [""]
        let floors = results.rows.map(\.floorKiB)
        lines.append(
            "Peak RSS is the largest of the timed runs. Linux carries the spawning process's own high-water mark into "
                + "the child's ru_maxrss, so no row can read below the runner's, measured after each row with an empty child "
                + "(/bin/true) spawned the same way: \(Format.mebibytes(floors.min() ?? 0)) to \(Format.mebibytes(floors.max() ?? 0)), "
                + "mostly the shared libraries the runner and platc both map. \"(floor)\" marks a peak within 5 % of its row's floor.")
        lines += ["", "### Targets", ""] + targets(results)
        if let peer = results.peer { lines += ["", "### Peer: kubectl kustomize at L", ""] + peerSection(peer, results) }
        lines += ["", "### How to reproduce", ""] + reproduce
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `--output -` prints: the timings, the targets and the peer, nothing else.
    static func tables(_ results: Results) -> String {
        var lines = timings(results) + [""] + targets(results)
        if let peer = results.peer { lines += [""] + peerSection(peer, results) }
        return lines.joined(separator: "\n") + "\n"
    }

    static func timings(_ results: Results) -> [String] {
        ["| scale | command | median wall | min–max wall | median CPU | peak RSS |", "| --- | --- | ---: | ---: | ---: | ---: |"]
            + results.rows.map(row)
    }

    private static func row(_ row: Row) -> String {
        let peak = Int(row.maxRSS.max)
        // Within 5 % of what an empty child shows: the runner's mark, not necessarily platc's.
        let atFloor = row.floorKiB > 0 && Double(peak) <= Double(row.floorKiB) * 1.05
        return "| \(row.scale) | \(row.command) | \(Format.seconds(row.wall.median)) "
            + "| \(Format.seconds(row.wall.min)) – \(Format.seconds(row.wall.max)) | \(Format.seconds(row.cpu.median)) "
            + "| \(Format.mebibytes(peak))\(atFloor ? " (floor)" : "") |"
    }

    static func targets(_ results: Results) -> [String] {
        let judged = Targets.judge(results.rows)
        let count = { (verdict: String) in judged.filter { $0.verdict == verdict }.count }
        return ["| target | measured | limit | result |", "| --- | ---: | ---: | --- |"]
            + judged.map { "| \($0.name) | \($0.measured) | \($0.limit) | \($0.verdict) |" }
            + ["", "Wall times are medians. \(count("PASS")) PASS, \(count("FAIL")) FAIL, \(count("n/a")) not run."]
    }
}
