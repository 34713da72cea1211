import ArgumentParser
import Foundation

/// The three platform sizes the benchmark measures (docs/BENCHMARKS.md).
enum Scale: String, CaseIterable, ExpressibleByArgument {
    case S, L, XL

    var tenants: Int { [.S: 10, .L: 1000, .XL: 5000][self]! }
    var models: Int { [.S: 5, .L: 200, .XL: 1000][self]! }
    var gpuClasses: Int { self == .S ? 2 : 8 }
}

/// `--scales S,L,XL`: a comma-separated list, measured in the order S, L, XL whatever the order given.
struct ScaleList: ExpressibleByArgument {
    var scales: [Scale]

    init?(argument: String) {
        var picked = Set<Scale>()
        for name in argument.split(separator: ",") {
            guard let scale = Scale(rawValue: name.trimmingCharacters(in: .whitespaces).uppercased()) else { return nil }
            picked.insert(scale)
        }
        guard !picked.isEmpty else { return nil }
        scales = Scale.allCases.filter(picked.contains)
    }

    static let all = ScaleList(argument: "S,L,XL")!

    var defaultValueDescription: String { scales.map(\.rawValue).joined(separator: ",") }
}
