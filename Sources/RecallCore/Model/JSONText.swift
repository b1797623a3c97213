/// JSON string literals as every JSON that Recall writes by hand writes them, and reads them
/// back: one escape, one unescape.
public enum JSONText {
    /// Why a string literal's escapes cannot be read.
    public struct EscapeError: Error, Equatable {
        /// What is wrong, as an error message words it.
        public var reason: String
    }

    /// Whether a byte of UTF-8 text is written as it is. Most text needs no escape at all:
    /// printable ASCII, or UTF-8 without C1 controls (a lead byte 0xC2 may start one, so it
    /// takes the careful path).
    @inline(__always)
    static func needsNoEscape(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x22 && byte != 0x5C && byte != 0x7F && byte != 0xC2
    }

    /// Appends `s` as a JSON string literal: quotes, backslashes and every control character
    /// (C0, DEL and C1) escaped, so the text is safe on a terminal too.
    public static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        if s.utf8.allSatisfy(needsNoEscape) {
            out += s
            out += "\""
            return
        }
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    /// ``appendQuoted(_:to:)`` onto bytes.
    public static func appendQuoted(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { appendQuoted($0, to: &out) }
    }

    /// ``appendQuoted(_:to:)`` for text given as UTF-8, copied as it is when it needs no escape.
    public static func appendQuoted(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if utf8.allSatisfy(needsNoEscape) {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: utf8)
            out.append(UInt8(ascii: "\""))
        } else {
            var text = ""
            appendQuoted(String(decoding: utf8, as: UTF8.self), to: &text)
            out.append(contentsOf: text.utf8)
        }
    }

    /// The text of a string literal's inside (quotes left off) with its escapes read: the eight
    /// of JSON, and `\uXXXX` with surrogate pairs.
    /// - Throws: ``EscapeError`` for a broken or unknown escape or a lone surrogate.
    public static func unescape(_ text: String) throws(EscapeError) -> String {
        var out = String.UnicodeScalarView()
        var it = text.unicodeScalars.makeIterator()
        func hex4() -> UInt32? {
            var v: UInt32 = 0
            for _ in 0..<4 {
                guard let h = it.next(), let d = UInt32(String(h), radix: 16) else { return nil }
                v = v * 16 + d
            }
            return v
        }
        while let c = it.next() {
            guard c == "\\" else {
                out.append(c)
                continue
            }
            guard let e = it.next() else { throw EscapeError(reason: "a broken escape in a string") }
            switch e {
            case "\"", "\\", "/": out.append(e)
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                guard var v = hex4() else { throw EscapeError(reason: "a broken \\u escape in a string") }
                if (0xD800...0xDBFF).contains(v) {
                    guard it.next() == "\\", it.next() == "u", let low = hex4(), (0xDC00...0xDFFF).contains(low) else {
                        throw EscapeError(reason: "an unpaired surrogate in a string")
                    }
                    v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(v) {
                    throw EscapeError(reason: "an unpaired surrogate in a string")
                }
                guard let scalar = Unicode.Scalar(v) else { throw EscapeError(reason: "a broken \\u escape in a string") }
                out.append(scalar)
            default: throw EscapeError(reason: "an unknown escape in a string")
            }
        }
        return String(out)
    }
}
