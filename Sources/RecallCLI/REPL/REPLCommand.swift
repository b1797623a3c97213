import Foundation

/// A `:` command typed at the study prompt.
public enum REPLCommand: String, CaseIterable, Equatable {
    case help, hint, skip, undo, bury, suspend, context, stats, quit

    /// What each command does, for `:help`.
    var summary: String {
        switch self {
        case .help: return "this help, with what the grades mean"
        case .hint: return "show the answer's first letters (again for more)"
        case .skip: return "put this card back for later in the session"
        case .undo: return "take back the last grade, bury or suspend (repeatable)"
        case .bury: return "hide this card until tomorrow"
        case .suspend: return "hide this card until you unsuspend it"
        case .context: return "show the source sentence"
        case .stats: return "today's figures so far"
        case .quit: return "save and leave (Ctrl-D does the same)"
        }
    }

    public struct UnknownCommand: Error, Equatable { public var text: String }

    /// Parses `:name` (a unique prefix is enough: `:h` is ambiguous, `:he` is help).
    public init(parsing text: String) throws {
        let word = text.trimmingCharacters(in: .whitespaces).dropFirst().lowercased()
        if let exact = REPLCommand(rawValue: word) {
            self = exact
            return
        }
        let matches = REPLCommand.allCases.filter { !word.isEmpty && $0.rawValue.hasPrefix(word) }
        guard matches.count == 1, let only = matches.first else { throw UnknownCommand(text: text) }
        self = only
    }

    /// Tab completion: commands after `:`.
    public static func complete(line: String, word: String) -> [String] {
        guard word.hasPrefix(":") else { return [] }
        return allCases.map { ":" + $0.rawValue }.filter { $0.hasPrefix(word) }
    }
}
