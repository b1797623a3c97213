import Foundation

/// What can be wrong with progress files; each case names the file and the position.
public enum ProgressError: Error, Equatable, LocalizedError {
    /// A line could not be read (1-based line, 0-based byte offset of its start).
    case corruptLine(file: String, line: Int, offset: Int, reason: String)
    /// The last line has no newline and does not parse: a write was cut off.
    case tornTail(file: String, line: Int, offset: Int)
    /// The file is of another format or a version this build does not read.
    case badHeader(file: String, reason: String)
    /// The snapshot says the log was longer than it is.
    case logShorterThanSnapshot(file: String, expected: Int, found: Int)
    /// The snapshot says it covers the log up to a byte where no line of the log ends.
    case snapshotOffLine(file: String, covered: Int)
    /// Another process holds the progress.
    case locked(file: String, pid: Int?)
    /// A file could not be written.
    case writeFailed(file: String, reason: String)
    /// An event could not be appended to the log: it was not saved, and the log was cut back
    /// to what it held before.
    case appendFailed(file: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .corruptLine, .tornTail:
            return problem + ". Nothing was changed; run 'recall check --repair' to recover every intact review."
        case .badHeader:
            return problem + ". Nothing was changed."
        case .logShorterThanSnapshot, .snapshotOffLine:
            return problem + "; run 'recall check --repair' (the snapshot is rebuilt from the log)."
        case .locked:
            return problem + "; finish that session first"
        case .writeFailed:
            return problem
        case .appendFailed:
            return problem + ". That answer was not saved; the log holds every answer before it."
        }
    }

    /// What is wrong and where, without what to do about it (for `recall check`, which says that
    /// itself).
    public var problem: String {
        switch self {
        case let .corruptLine(file, line, offset, reason):
            return "progress '\(file)': line \(line) (byte \(offset)) is damaged: \(reason)"
        case let .tornTail(file, line, offset):
            return "progress '\(file)': the last line (line \(line), byte \(offset)) was cut off mid-write"
        case let .badHeader(file, reason):
            return "progress '\(file)': \(reason)"
        case let .logShorterThanSnapshot(file, expected, found):
            return "progress '\(file)': the log is \(found) bytes but the snapshot covers \(expected)"
        case let .snapshotOffLine(file, covered):
            return "progress '\(file)': the snapshot covers \(covered) bytes of the log, where none of its lines ends"
        case let .locked(file, pid):
            let who = pid.map { "another recall (pid \($0))" } ?? "another recall"
            return "progress '\(file)' is in use by \(who)"
        case let .writeFailed(file, reason), let .appendFailed(file, reason):
            return "cannot save progress to '\(file)': \(reason)"
        }
    }
}
