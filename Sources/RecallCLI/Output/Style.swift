import Foundation
import RecallCore

/// How output looks: colour on a terminal, none with NO_COLOR or when piped. Decided once.
struct Style {
    var color: Bool
    var width: Int = 80

    static func detect(environment: [String: String], stdoutIsTTY: Bool) -> Style {
        Style(color: stdoutIsTTY && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
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
        // Each word's length is counted once, and the line's kept as a running count: counting a
        // String's characters walks it, and a listing wraps a hundred thousand questions.
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        let pad = String(repeating: " ", count: indent)
        var lineLength = 0
        var limit = width - firstIndent
        var lineIsEmpty = true
        func newLine() {
            out += "\n" + pad
            lineLength = 0
            limit = width - indent
            lineIsEmpty = true
        }
        for word in text.split(separator: " ") {
            var length = word.utf8.allSatisfy { $0 < 0x80 } ? word.utf8.count : word.count
            if !lineIsEmpty, lineLength + 1 + length > limit { newLine() }
            if length > limit, lineIsEmpty {
                var rest = Substring(word)
                while length > limit {
                    out += rest.prefix(limit)
                    rest = rest.dropFirst(limit)
                    length -= limit
                    newLine()
                }
                out += rest
                lineLength = length
                lineIsEmpty = false
                continue
            }
            if !lineIsEmpty {
                out += " "
                lineLength += 1
            }
            out += word
            lineLength += length
            lineIsEmpty = false
        }
        return out
    }
}

/// Where a session's lines go: standard output, or a test's transcript.
struct Console {
    var style: Style
    /// Writes one line's text, newline included.
    var write: (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }

    /// Says one line.
    func say(_ text: String = "") { write(text + "\n") }
}
