/// Makes text from documents Recall did not write safe to print on a terminal.
public enum Sanitizer {
    /// The text with every control character (C0, DEL, C1) and escape sequence removed; tabs and
    /// line breaks become spaces, so card text always prints on the lines Recall chooses.
    public static func plain(_ text: String) -> String { plain(text, keepingLineBreaks: false) }

    /// Like ``plain(_:)``; with `keepingLineBreaks`, `\n` stays (and `\r\n` becomes `\n`) so a
    /// whole document can be cleaned before it is split into lines.
    public static func plain(_ text: String, keepingLineBreaks: Bool) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return text }
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
                        if c.value == 0x1B { if pending == "\\" { pending = scalars.next() }; break }
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
                continue // zero-width and bidirectional controls
            default:
                out.append(s)
            }
        }
        return String(out)
    }
}
