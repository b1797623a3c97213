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
        var lines: [String] = []
        var line = ""
        var limit = width - firstIndent
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
                limit = width - indent
            }
            if word.count > limit, line.isEmpty {
                var rest = Substring(word)
                while rest.count > limit {
                    lines.append(String(rest.prefix(limit)))
                    rest = rest.dropFirst(limit)
                    limit = width - indent
                }
                line = String(rest)
                continue
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        let pad = String(repeating: " ", count: indent)
        return lines.enumerated().map { $0.offset == 0 ? $0.element : pad + $0.element }.joined(separator: "\n")
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
