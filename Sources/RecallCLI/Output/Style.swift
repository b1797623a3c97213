import Foundation
import RecallCore

/// How output looks, decided once: colour on a terminal, none with NO_COLOR or when piped;
/// Recall's own symbols (rules, dots, ticks, arrows, dashes) in Unicode under a UTF-8 locale
/// and in ASCII under any other, everywhere.
struct Style {
    var color: Bool
    var width: Int = 80
    /// ASCII only: the locale is not UTF-8 (or `stats --ascii` asked for it).
    var ascii = false

    static func detect(environment: [String: String], stdoutIsTTY: Bool) -> Style {
        Style(
            color: stdoutIsTTY && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb",
            ascii: !unicodeLocale(environment))
    }

    /// Whether the locale (LC_ALL, else LC_CTYPE, else LANG) is UTF-8.
    static func unicodeLocale(_ environment: [String: String]) -> Bool {
        let locale =
            environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// Recall's symbols and their ASCII forms.
    static let asciiForms: [(Character, String)] = [
        ("─", "-"), ("·", "-"), ("—", "-"), ("–", "-"), ("…", "..."), ("›", ">"), ("✓", "+"), ("✗", "x"), ("→", "->"),
    ]

    /// The text with Recall's symbols in ASCII when ``ascii`` is set: every line Recall writes
    /// passes here, so the decision holds everywhere.
    func symbols(_ text: String) -> String { ascii ? Self.symbols(inASCII: text) : text }

    static func symbols(inASCII text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            if let form = asciiForms.first(where: { $0.0 == c }) { out += form.1 } else { out.append(c) }
        }
        return out
    }

    func paint(_ text: String, _ code: String) -> String { color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ t: String) -> String { paint(t, "1") }
    func dim(_ t: String) -> String { paint(t, "2") }
    func green(_ t: String) -> String { paint(t, "32") }
    func red(_ t: String) -> String { paint(t, "31") }
    func yellow(_ t: String) -> String { paint(t, "33") }
    func cyan(_ t: String) -> String { paint(t, "36") }

    /// Card text made safe and wrapped at word boundaries, each line after the first indented.
    func wrap(_ text: String, indent: Int = 0, firstIndent: Int? = nil) -> String {
        Style.wrap(Sanitizer.plain(text), width: width, indent: indent, firstIndent: firstIndent ?? indent)
    }

    static func wrap(_ text: String, width: Int, indent: Int, firstIndent: Int) -> String {
        // Words are found in the bytes and each one's length counted once (its bytes when it is
        // ASCII): a listing wraps a hundred thousand questions, and splitting a String into
        // Characters walked every grapheme.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        var lineLength = 0
        var limit = width - firstIndent
        var lineIsEmpty = true
        func newLine() {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            lineLength = 0
            limit = width - indent
            lineIsEmpty = true
        }
        for bytes in text.utf8.split(separator: UInt8(ascii: " ")) {
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            var length = ascii ? bytes.count : Substring(bytes).count
            if !lineIsEmpty, lineLength + 1 + length > limit { newLine() }
            if length > limit, lineIsEmpty {
                var rest = Substring(bytes)
                while length > limit {
                    out.append(contentsOf: rest.prefix(limit).utf8)
                    rest = rest.dropFirst(limit)
                    length -= limit
                    newLine()
                }
                out.append(contentsOf: rest.utf8)
                lineLength = length
                lineIsEmpty = false
                continue
            }
            if !lineIsEmpty {
                out.append(UInt8(ascii: " "))
                lineLength += 1
            }
            out.append(contentsOf: bytes)
            lineLength += length
            lineIsEmpty = false
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Style {
    /// The symbols of this process's locale, for lines written outside a session.
    static let ofProcess = Style(color: false, ascii: !unicodeLocale(ProcessInfo.processInfo.environment))
}

/// Prints a line of a command's output, its symbols in ASCII under a locale that is not UTF-8.
func printLine(_ text: String) { print(Style.ofProcess.symbols(text)) }

/// Writes a line to standard error, as ``printLine(_:)`` does to standard output.
func printError(_ text: String) { FileHandle.standardError.write(Data((Style.ofProcess.symbols(text) + "\n").utf8)) }

/// Where a session's lines go: standard output, or a test's transcript.
struct Console {
    var style: Style
    /// The width to wrap to, asked each time so that a terminal's width follows a resize; the
    /// style's when nil.
    var width: (() -> Int)? = nil
    /// Writes one line's text, newline included.
    var write: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }

    /// Says one line, broken at spaces where it is wider than the screen (card text comes
    /// wrapped already; this catches every other line: headers, notes, messages).
    func say(_ text: String = "") { write(Self.fit(style.symbols(text), width: width?() ?? style.width) + "\n") }

    /// Each line of `text` wider than `width` columns (escape sequences take none) broken at
    /// its spaces; a word wider than the screen is left whole.
    static func fit(_ text: String, width: Int) -> String {
        guard text.utf8.count > width else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.utf8.count > width, columns(line) > width else { return String(line) }
            var out = ""
            var used = 0
            for (i, word) in line.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
                let w = columns(word)
                if i > 0 {
                    if used > 0, used + 1 + w > width {
                        out += "\n"
                        used = 0
                    } else {
                        out += " "
                        used += 1
                    }
                }
                out += word
                used += w
            }
            return out
        }.joined(separator: "\n")
    }

    /// The columns a line takes: its characters (as ``Style/wrap(_:indent:firstIndent:)``
    /// counts them), escape sequences left out.
    static func columns(_ line: Substring) -> Int {
        var count = 0
        var inEscape = false
        for c in line {
            if inEscape {
                if let v = c.asciiValue, (0x40...0x7E).contains(v), c != "[" { inEscape = false }
            } else if c == "\u{1B}" {
                inEscape = true
            } else {
                count += 1
            }
        }
        return count
    }
}
