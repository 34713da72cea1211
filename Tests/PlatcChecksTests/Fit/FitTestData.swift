import Foundation
import PlatcChecks
import PlatcFacts
import PlatcSpec
import PlatcTestSupport

/// The GPU-fit data set: real HF configs and vLLM start-up figures, vendored in
/// Tests/Fixtures/gpufit (configs/SOURCES.md and the csv's `source` column give their origins).
enum FitTestData {
    static let folder = Paths.fixtures.appendingPathComponent("gpufit")

    static func config(_ file: String) throws -> JSONValue {
        let bytes = try Data(contentsOf: folder.appendingPathComponent("configs/\(file)"))
        return try JSONParser.parse([UInt8](bytes)).get()
    }

    static func architecture(_ file: String) throws -> ModelArchitecture {
        try ModelArchitecture(config: try config(file))
    }

    /// Rows of vllm-measured.csv as dictionaries keyed by the header.
    static func rows() throws -> [[String: String]] {
        let text = try String(contentsOf: folder.appendingPathComponent("vllm-measured.csv"), encoding: .utf8)
        let records = CSV.parse(text)
        guard let header = records.first else { return [] }
        return records.dropFirst().filter { $0.count > 1 }.map {
            Dictionary(uniqueKeysWithValues: zip(header, $0 + Array(repeating: "", count: max(0, header.count - $0.count))))
        }
    }
}

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = [], record: [String] = [], field = ""
        var quoted = false, iterator = Array(text).makeIterator(), pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",": record.append(field); field = ""
            case "\n", "\r\n":
                record.append(field); field = ""
                records.append(record); record = []
            case "\r": break
            default: field.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
