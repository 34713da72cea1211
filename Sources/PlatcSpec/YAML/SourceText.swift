/// The bytes of one source file after the check that must run before libyaml sees them:
/// UTF-8 only (a UTF-8 BOM is dropped). Tab indentation is looked for when libyaml fails.
public struct SourceText: Sendable {
    /// UTF-8 bytes without BOM, ready for the YAML parser.
    public let bytes: [UInt8]
    /// The decoded text, for showing source lines under diagnostics.
    public let text: String

    /// Returns the text, or where the bytes stop being UTF-8.
    public static func decode(_ raw: [UInt8], file: String) -> Result<SourceText, InvalidUTF8> {
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            return .failure(InvalidUTF8(location: location(of: bad, in: bytes, file: file)))
        }
        return .success(SourceText(bytes: bytes, text: String(decoding: bytes, as: UTF8.self)))
    }

    public struct InvalidUTF8: Error, Sendable {
        public let location: SourceLocation
    }

    /// Byte offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// Line and column (in Unicode scalars) of a byte offset in valid-up-to-there UTF-8.
    static func location(of offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let prefix = bytes[..<offset]
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        let column = String(decoding: bytes[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }

    /// Lines whose leading whitespace holds a tab. YAML forbids tabs in indentation, and libyaml's
    /// own message ("found character that cannot start any token") does not say so.
    public func tabIndentation(file: String) -> [SourceLocation] {
        var problems: [SourceLocation] = []
        var line = 1
        for rawLine in Self.lines(text) {
            var column = 1
            for character in rawLine {
                if character == "\t" {
                    problems.append(SourceLocation(file: file, line: line, column: column))
                    break
                }
                if character != " " { break }
                column += 1
            }
            line += 1
        }
        return problems
    }

    /// The lines of a text, split where libyaml breaks lines: LF, CRLF, CR, NEL, LS and PS.
    /// (Swift's `split(separator: "\n")` would miss CRLF: it is one Character.)
    public static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
        // Found in the UTF-8 bytes (decoding every scalar cost a tenth of a load): \n, \r, U+0085
        // (C2 85), U+2028 and U+2029 (E2 80 A8/A9). Each cut is at a scalar boundary.
        var lines: [Substring.UnicodeScalarView] = []
        let scalars = Substring(text).unicodeScalars
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            var length = 0
            if byte == 0x0A || byte == 0x0D {
                length = 1
            } else if byte == 0xC2 || byte == 0xE2 {
                let rest = utf8[index...].dropFirst()
                if byte == 0xC2, rest.first == 0x85 { length = 2 }
                if byte == 0xE2, rest.first == 0x80, let third = rest.dropFirst().first, third == 0xA8 || third == 0xA9 { length = 3 }
            }
            guard length > 0 else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(scalars[start..<index])
            var after = utf8.index(index, offsetBy: length)
            if byte == 0x0D, after < utf8.endIndex, utf8[after] == 0x0A { after = utf8.index(after: after) }
            start = after
            index = after
        }
        lines.append(scalars[start..<scalars.endIndex])
        return lines
    }
}
