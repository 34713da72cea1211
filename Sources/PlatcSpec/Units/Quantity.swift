/// A Kubernetes resource quantity: memory (`24Gi`, `512Mi`, `79.18Gi`) or CPU (`500m`, `4`).
/// Kept exactly as milli-units (like the API server's MilliValue), plus the text as written.
public struct Quantity: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Bytes; binary (Ki, Mi, Gi, Ti, Pi, Ei) or decimal (k, M, G, T, P, E) suffixes.
        case memory
        /// Cores; whole or milli (`500m`).
        case cpu
    }

    /// Thousandths of the base unit (bytes or cores).
    public var milliValue: Int64
    public var text: String

    public init(milliValue: Int64, text: String) {
        self.milliValue = milliValue
        self.text = text
    }

    /// Bytes (memory) or cores (cpu), rounded down.
    public var value: Int64 { milliValue / 1000 }
    public var gibibytes: Double { Double(milliValue) / 1000 / 1_073_741_824 }

    static let memorySuffixes: [(String, Int64)] = [
        ("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("Ti", 1 << 40), ("Pi", 1 << 50),
        ("k", 1_000), ("M", 1_000_000), ("G", 1_000_000_000), ("T", 1_000_000_000_000),
        ("P", 1_000_000_000_000_000), ("", 1),
    ]

    public static func pattern(_ kind: Kind) -> String {
        switch kind {
        case .memory: "^[0-9]+(\\.[0-9]{1,3})?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$"
        case .cpu: "^([0-9]+(\\.[0-9]{1,3})?|[0-9]+m)$"
        }
    }

    public static func parse(_ text: String, kind: Kind) -> Result<Quantity, UnitError> {
        let (number, unit) = splitNumberAndUnit(Substring(text))
        switch kind {
        case .memory:
            let hint = "write a Kubernetes quantity with a binary suffix, e.g. 512Mi, 24Gi or 79.18Gi"
            guard let factor = memorySuffixes.first(where: { $0.0 == unit })?.1 else {
                let suggestion = memorySuggestion(number: number, unit: unit)
                return .failure(UnitError("'\(text)' is not a memory quantity", hint: suggestion ?? hint))
            }
            guard let thousandths = parseFixedPoint(number, scale: 3) else {
                return .failure(UnitError("'\(text)' is not a memory quantity", hint: hint))
            }
            let (milli, overflow) = thousandths.multipliedReportingOverflow(by: factor)
            guard !overflow else { return .failure(UnitError("'\(text)' is too large", hint: "memory must stay below 8Pi")) }
            return .success(Quantity(milliValue: milli, text: text))
        case .cpu:
            let hint = "write cores (e.g. 4 or 0.5) or millicores (e.g. 500m)"
            if unit == "m", let millis = Int64(number), !number.isEmpty {
                return .success(Quantity(milliValue: millis, text: text))
            }
            guard unit.isEmpty, let thousandths = parseFixedPoint(number, scale: 3),
                thousandths <= 1_000_000_000_000
            else {
                return .failure(UnitError("'\(text)' is not a CPU quantity", hint: hint))
            }
            return .success(Quantity(milliValue: thousandths, text: text))
        }
    }

    /// `24GB` → "did you mean 24Gi?": the common slip from marketing sizes.
    private static func memorySuggestion(number: Substring, unit: Substring) -> String? {
        let fixes = [
            "GB": "Gi", "MB": "Mi", "KB": "Ki", "TB": "Ti", "GiB": "Gi", "MiB": "Mi", "Gb": "Gi", "gb": "Gi",
            "gi": "Gi", "mi": "Mi", "m": "Mi",
        ]
        guard !number.isEmpty, let fix = fixes[String(unit)] else { return nil }
        return "did you mean \(number)\(fix)? Kubernetes quantities use Ki, Mi, Gi, Ti (powers of 1024)"
    }

    public static func < (a: Quantity, b: Quantity) -> Bool { a.milliValue < b.milliValue }

    public var description: String { text }
}
