/// Median, minimum and maximum of repeated measurements.
struct Spread {
    var median: Double
    var min: Double
    var max: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        min = sorted.first!
        max = sorted.last!
    }
}

/// One measured command at one scale: the timed runs after warm-up.
struct Row {
    var scale: Scale
    var command: String
    var runs: [Timing]
    /// What an empty child showed right after the runs (ProcessTimer.floor): the runner's mark
    /// only grows, so no run of the row can read below a floor of at most this.
    var floorKiB = 0

    var wall: Spread { Spread(runs.map(\.wall)) }
    var cpu: Spread { Spread(runs.map(\.cpu)) }
    /// Peak RSS in KiB per run; the table shows the largest.
    var maxRSS: Spread { Spread(runs.map { Double($0.maxRSSKiB) }) }
}
