/// What one read of a line gave.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C at a prompt where nothing was typed.
    case interrupt
    /// Ctrl-C after something was typed at this prompt: the line was thrown away.
    case interruptAfterTyping
    /// End of input (Ctrl-D on an empty line, or the pipe closed).
    case end
}

/// Reads lines from the user. The REPL only sees this protocol, so tests can script it.
public protocol LineReading {
    /// Shows `prompt` and reads one line.
    mutating func readLine(prompt: String) -> LineInput
}

/// Reads lines with no editing, for when standard input is not a terminal: no prompt is
/// echoed, so a scripted session's output holds only what Recall says.
public struct PlainLineReader: LineReading {
    public init() {}

    public mutating func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }
}

/// The rule for leaving a prompt loop with Ctrl-C, one for the session and the quiz: the first
/// Ctrl-C clears the line, and a second quits only when nothing was typed since the first.
public struct InterruptTracker: Sendable {
    private var armed = false

    public init() {}

    /// Takes what one read gave; true when it is the Ctrl-C that quits.
    public mutating func quits(on input: LineInput) -> Bool {
        switch input {
        case .interrupt:
            if armed { return true }
            armed = true
        case .interruptAfterTyping: armed = true
        case .line, .end: armed = false
        }
        return false
    }
}
