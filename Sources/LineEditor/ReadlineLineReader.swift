@preconcurrency import CReadline
import Foundation

/// Completes a word given the whole line: a pure function the readline callback calls.
public typealias Completer = @Sendable (_ line: String, _ word: String) -> [String]

/// The one global that readline's C callbacks may reach (they cannot capture).
nonisolated(unsafe) private var activeCompleter: Completer?
nonisolated(unsafe) private var interruptPending: Int32 = 0
nonisolated(unsafe) private var lastReadInterrupted = false
/// Keys read since the prompt was shown: a Ctrl-C after typing is not a second Ctrl-C in a row.
nonisolated(unsafe) private var keysThisRead = 0
/// Set by Ctrl-Z while a line is read; the key reader stops the process at a safe point.
nonisolated(unsafe) private var suspendPending: Int32 = 0
/// Whether readline has the terminal (its own modes, a prompt on screen).
nonisolated(unsafe) private var reading: Int32 = 0
nonisolated(unsafe) private var completionList: [String] = []
/// A pipe the signal handlers write a byte to, so that a key reader waiting in `poll` wakes
/// even when the signal came just before it began to wait (the flag alone would be seen only
/// at the next key).
nonisolated(unsafe) private var wakeUp: (read: Int32, write: Int32) = (-1, -1)

/// Called from the signal handlers: wakes the key reader (async-signal-safe).
private func wakeKeyReader() {
    var byte: UInt8 = 1
    if wakeUp.write >= 0 { _ = write(wakeUp.write, &byte, 1) }
}

/// Reads lines with GNU readline: editing, history across sessions, Tab completion, and
/// Ctrl-C that clears the line instead of killing the program.
public struct ReadlineLineReader: LineReading {
    let historyPath: String?

    /// Sets readline up.
    /// - Parameters:
    ///   - historyPath: a file for history across sessions (mode 0600, 1000 lines), or nil.
    ///   - completer: candidates for Tab.
    public init(historyPath: String?, completer: @escaping Completer) {
        self.historyPath = historyPath
        activeCompleter = completer
        rl_readline_name = UnsafePointer(strdup("recall"))
        rl_catch_signals = 0
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            let word = text.map { String(cString: $0) } ?? ""
            let line = rl_line_buffer.map { String(cString: $0) } ?? ""
            completionList = activeCompleter?(line, word) ?? []
            guard !completionList.isEmpty else { return nil }
            return rl_completion_matches(text) { _, state in
                let i = Int(state)
                return i < completionList.count ? strdup(completionList[i]) : nil
            }
        }
        // Readline only leaves its input loop after a key, so Ctrl-C is turned into one: the
        // line is emptied and Enter is fed back, and readLine reports the interrupt.
        rl_getc_function = { stream in
            while true {
                // A Ctrl-C that came while Recall was printing counts for this prompt.
                if interruptPending != 0 {
                    interruptPending = 0
                    lastReadInterrupted = true
                    rl_replace_line("", 0)
                    rl_redisplay()
                    return 10
                }
                if suspendPending != 0 {
                    suspendPending = 0
                    ReadlineLineReader.suspend()
                    continue
                }
                let fd = stream.map { fileno($0) } ?? 0
                // Wait for a key or a signal's byte on the pipe, whichever comes first.
                var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: wakeUp.read, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&fds, wakeUp.read >= 0 ? 2 : 1, -1)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return EOF
                }
                if wakeUp.read >= 0, fds[1].revents != 0 {
                    var drain = [UInt8](repeating: 0, count: 64)
                    _ = read(wakeUp.read, &drain, drain.count)
                    continue
                }
                var byte: UInt8 = 0
                let n = read(fd, &byte, 1)
                if n == 1 {
                    keysThisRead += 1
                    return Int32(byte)
                }
                if n < 0, errno == EINTR { continue }
                return EOF
            }
        }
        if wakeUp.read < 0 {
            var ends: [Int32] = [-1, -1]
            if pipe(&ends) == 0 {
                for end in ends {
                    _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                    _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                }
                wakeUp = (ends[0], ends[1])
            }
        }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            interruptPending = 1
            wakeKeyReader()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        Self.catchSuspend()
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        stifle_history(1000)
        if let historyPath { read_history(historyPath) }
    }

    /// Ctrl-Z: while a line is read, the key reader is told to stop the process (see
    /// ``suspend()``); at any other time the process stops at once, as without a handler, and
    /// the handler is put back at the next prompt.
    static func catchSuspend() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            if reading != 0 {
                suspendPending = 1
                wakeKeyReader()
            } else {
                signal(SIGTSTP, SIG_DFL)
                raise(SIGTSTP)
            }
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGTSTP, &action, nil)
    }

    /// Stops the process as Ctrl-Z asks, with the terminal as the shell expects it; on `fg`
    /// readline takes the terminal back and draws the prompt and the text typed so far again.
    static func suspend() {
        rl_deprep_terminal()
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Here again after SIGCONT.
        catchSuspend()
        rl_prep_terminal(0)
        rl_forced_update_display()
    }

    public mutating func readLine(prompt: String) -> LineInput {
        lastReadInterrupted = false
        keysThisRead = 0
        Self.catchSuspend()
        reading = 1
        let raw = readline(prompt)
        reading = 0
        // A Ctrl-Z that came as readline returned stops the process now, not at the next prompt.
        if suspendPending != 0 {
            suspendPending = 0
            signal(SIGTSTP, SIG_DFL)
            raise(SIGTSTP)
            Self.catchSuspend()
        }
        let interrupted: LineInput = keysThisRead > 0 ? .interruptAfterTyping : .interrupt
        guard let raw else {
            if lastReadInterrupted { return interrupted }
            return .end
        }
        defer { free(raw) }
        if lastReadInterrupted { return interrupted }
        let line = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty {
            let previous =
                history_length > 0
                ? history_get(history_base + history_length - 1).flatMap { $0.pointee.line.map { String(cString: $0) } } : nil
            if previous != line { add_history(raw) }
        }
        return .line(line)
    }

    /// Writes the history file with mode 0600.
    public func saveHistory() {
        guard let historyPath else { return }
        let folder = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let fd = open(historyPath, O_WRONLY | O_CREAT, 0o600)
        if fd >= 0 { close(fd) }
        chmod(historyPath, 0o600)
        write_history(historyPath)
        history_truncate_file(historyPath, 1000)
    }
}
