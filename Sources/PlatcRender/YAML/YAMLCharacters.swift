/// libyaml's character classes (the `IS_*` macros of yaml_private.h), read from UTF-8 bytes at
/// an offset. The writer must classify exactly as libyaml 0.2.5 does, quirks included: a
/// character outside the Basic Multilingual Plane (an emoji) is not "printable", so libyaml
/// double-quotes it as `\U0001F600`.
///
/// Offsets point at the first byte of a character; Swift strings are valid UTF-8, so the
/// continuation bytes a lead byte announces are there. libyaml reads one byte past the end of a
/// scalar (its copy ends in NUL); `isBlankOrEnd` treats the end the same way.
extension UnsafeBufferPointer<UInt8> {
    /// `WIDTH`: the byte length of the character whose lead byte is at `offset`.
    @inline(__always)
    func characterWidth(at offset: Int) -> Int {
        let byte = self[offset]
        if byte & 0x80 == 0 { return 1 }
        if byte & 0xE0 == 0xC0 { return 2 }
        if byte & 0xF0 == 0xE0 { return 3 }
        return byte & 0xF8 == 0xF0 ? 4 : 1
    }

    /// `IS_BREAK`: CR, LF, NEL (U+0085), LS (U+2028), PS (U+2029).
    @inline(__always)
    func isBreak(at offset: Int) -> Bool {
        switch self[offset] {
        case 0x0A, 0x0D: return true
        case 0xC2: return self[offset + 1] == 0x85
        case 0xE2: return self[offset + 1] == 0x80 && (self[offset + 2] == 0xA8 || self[offset + 2] == 0xA9)
        default: return false
        }
    }

    /// `IS_BLANKZ`: space, tab, a break, NUL, or the end of the scalar.
    @inline(__always)
    func isBlankOrEnd(at offset: Int) -> Bool {
        guard offset < count else { return true }
        switch self[offset] {
        case 0x20, 0x09, 0x00: return true
        default: return isBreak(at: offset)
        }
    }

    /// `IS_PRINTABLE`: LF, 0x20–0x7E, U+00A0–U+D7FF and U+E000–U+FFFD except the BOM U+FEFF
    /// (so libyaml's separate `IS_BOM` test in the double-quoted writer adds nothing).
    /// Four-byte characters are not printable in libyaml 0.2.5.
    @inline(__always)
    func isPrintable(at offset: Int) -> Bool {
        let byte = self[offset]
        switch byte {
        case 0x0A, 0x20...0x7E: return true
        case 0xC2: return self[offset + 1] >= 0xA0
        case 0xC3..<0xED, 0xEE: return true
        case 0xED: return self[offset + 1] < 0xA0
        case 0xEF:
            let second = self[offset + 1], third = self[offset + 2]
            if second == 0xBB && third == 0xBF { return false }
            return !(second == 0xBF && (third == 0xBE || third == 0xBF))
        default: return false
        }
    }

    /// The start of the character before the one at `offset` (skips continuation bytes).
    @inline(__always)
    func characterStart(before offset: Int) -> Int {
        var index = offset - 1
        while index > 0 && self[index] & 0xC0 == 0x80 { index -= 1 }
        return index
    }
}
