/// Makes text from documents Recall did not write safe to print on a terminal.
public enum Sanitizer {
    /// The text with every control character (C0, DEL, C1) and escape sequence removed; tabs and
    /// line breaks become spaces, so card text always prints on the lines Recall chooses.
    public static func plain(_ text: String) -> String { plain(text, keepingLineBreaks: false) }

    /// Whether the text holds nothing ``plain(_:keepingLineBreaks:)`` would change, checked on the
    /// bytes: a whole document is mostly clean, and cleaning it scalar by scalar is slow.
    static func isClean(_ text: String, keepingLineBreaks: Bool) -> Bool {
        var utf8 = text.utf8.makeIterator()
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        while let b = utf8.next() {
            switch b {
            case 0x0A where keepingLineBreaks: break
            case 0x00...0x1F, 0x7F: return false
            // C1 controls: C2 80 … C2 9F.
            case 0x80...0x9F where previous == 0xC2: return false
            // U+200B…U+200F and U+202A…U+202E: E2 80 8B…8F, E2 80 AA…AE; U+2066…U+2069: E2 81 A6…A9.
            case 0x8B...0x8F where previous == 0x80 && beforePrevious == 0xE2,
                0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2,
                0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2:
                return false
            default: break
            }
            beforePrevious = previous
            previous = b
        }
        return true
    }

    /// Like ``plain(_:)``; with `keepingLineBreaks`, `\n` stays (and `\r\n` becomes `\n`) so a
    /// whole document can be cleaned before it is split into lines.
    public static func plain(_ text: String, keepingLineBreaks: Bool) -> String {
        isClean(text, keepingLineBreaks: keepingLineBreaks) ? text : cleaned(text, keepingLineBreaks: keepingLineBreaks)
    }

    /// ``plain(_:keepingLineBreaks:)`` scalar by scalar.
    static func cleaned(_ text: String, keepingLineBreaks: Bool) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        while let s = pending {
            pending = scalars.next()
            switch s.value {
            case 0x1B:
                // ESC: drop a CSI/OSC sequence or the single following character.
                guard let next = pending else { break }
                pending = scalars.next()
                if next == "[" {
                    while let c = pending {
                        pending = scalars.next()
                        if (0x40...0x7E).contains(c.value) { break }
                    }
                } else if next == "]" || next == "P" || next == "_" || next == "^" {
                    while let c = pending {
                        pending = scalars.next()
                        if c.value == 0x07 { break }
                        if c.value == 0x1B {
                            if pending == "\\" { pending = scalars.next() }
                            break
                        }
                    }
                }
            case 0x0A where keepingLineBreaks:
                out.append(s)
            case 0x0D where keepingLineBreaks:
                if pending != "\n" { out.append("\n") }
            case 0x09, 0x0A, 0x0D:
                out.append(" ")
            case 0x00...0x1F, 0x7F, 0x80...0x9F:
                continue
            case 0x200B...0x200F, 0x202A...0x202E, 0x2066...0x2069:
                continue  // zero-width and bidirectional controls
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}
