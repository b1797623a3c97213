import Foundation
import RecallCore

/// A parser or reader the fuzzer attacks: each takes any bytes, must not crash, hang or leak,
/// and checks what must hold of its answer (a round trip, no control character printed).
///
/// The same code runs under libFuzzer (`recall-fuzz` built with `--sanitize fuzzer`, see
/// `Fuzz/run`) and in `swift test`, which replays every seed and every input that once failed.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A deck file: the deck reader, and a read deck written and read again.
    case deck
    /// A progress log: opened as a session opens it, replayed, and checked as `recall check` does.
    case log
    /// A snapshot beside a sound log.
    case snapshot
    /// A document: the generator, and the deck it makes written and read again.
    case generator
    /// An expected answer and a typed one (split at the first line break): the grader.
    case grader
    /// A study day, a document date and the date forms the grader reads.
    case date
    /// Lines typed at the study prompt: the `:` command parser and the text shown back.
    case repl
    /// Any text through every JSON writer and its reader: the escape, a deck, a log line.
    case json

    /// Makes what the target keeps between inputs (the scratch home), so that it is not taken
    /// for a leak of the first input.
    public func prepare() {
        switch self {
        case .log, .snapshot, .json: _ = FileTargets.shared
        default: break
        }
    }

    /// Runs the target on one input.
    /// - Throws: ``BrokenPromise`` when something that must hold of the answer does not.
    public func run(_ bytes: [UInt8]) throws(BrokenPromise) {
        switch self {
        case .deck: try TextTargets.deck(bytes)
        case .log: try FileTargets.shared.log(bytes)
        case .snapshot: try FileTargets.shared.snapshot(bytes)
        case .generator: try TextTargets.generator(bytes)
        case .grader: try TextTargets.grader(bytes)
        case .date: try TextTargets.date(bytes)
        case .repl: try TextTargets.repl(bytes)
        case .json:
            try TextTargets.json(bytes)
            try FileTargets.shared.logRoundTrip(bytes)
        }
    }
}

/// Something a target promises of its answer that did not hold for an input.
public struct BrokenPromise: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Throws ``BrokenPromise`` with the message when the condition is false.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) throws(BrokenPromise) {
    guard condition() else { throw BrokenPromise(message()) }
}
