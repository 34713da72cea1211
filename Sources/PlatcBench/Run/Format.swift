import Foundation

/// How numbers read in the report.
enum Format {
    static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    static func mebibytes(_ kibibytes: Int) -> String { String(format: "%.1f MiB", Double(kibibytes) / 1024) }

    static func ratio(_ value: Double) -> String { String(format: "%.1f×", value) }

    /// 12345678 → "12,345,678".
    static func count(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    static func bytes(_ value: Int) -> String {
        if value >= 1 << 30 { return String(format: "%.1f GiB", Double(value) / 1_073_741_824) }
        if value >= 1 << 20 { return String(format: "%.1f MiB", Double(value) / 1_048_576) }
        return String(format: "%.1f KiB", Double(value) / 1024)
    }
}
