import Foundation
import LineEditor
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallCLI

/// The study REPL in process: a scripted line reader, progress in memory, a clock that moves two
/// seconds a look, and the screen as text.
@Suite struct StudyREPLTests {
    let day = Day(ordinal: 20_500)

    let deck = Deck(
        name: "speech", title: "A speech",
        cards: [
            Card(
                id: "d1", kind: "date", question: "When was the speech given?", answer: "18 October 2021",
                context: "The speech was given on 18 October 2021."),
            Card(
                id: "m1", kind: "session", question: "Which session was the speech given at?", answer: "34th group study session",
                context: "It was given at the 34th group study session of the Political Bureau."),
            Card(id: "l1", kind: "directive", question: "What must we integrate with the real economy?", answer: "the digital economy"),
        ])

    /// A session over `deck` fed `inputs`: the screen, the events written, the prompts shown.
    func run(_ inputs: [LineInput], states: CardStates = [:], newPerDeck: Int = 20, maxReviews: Int? = nil, failWrites: Bool = false) throws
        -> (screen: String, events: [ProgressEvent], prompts: [String])
    {
        let store = InMemoryProgressStore(states)
        if failWrites { store.failure = WriteRefused() }
        let desk = StudyDesk(decks: [deck], stores: [store], today: day, newPerDeck: newPerDeck, maxReviews: maxReviews)
        let screen = Transcript()
        var now = Date(timeIntervalSince1970: 1_790_000_000)
        let repl = StudyREPL(
            desk: desk, reader: ScriptedLineReader(inputs: inputs),
            console: Console(style: Style(color: false), write: { screen.text += $0 }),
            clock: {
                now += 2
                return now
            })
        do { try repl.run() } catch { screen.text += "thrown: \(error)\n" }
        return (screen.text, store.events, (repl.reader as? ScriptedLineReader)?.prompts ?? [])
    }

    @Test func aWholeSessionReadsAsTheGoldenTranscript() throws {
        let (screen, events, _) = try run([
            .line("18 October 2021"), .line(""),  // correct: Enter takes the suggestion
            .line(":hint"), .line("34th session"), .line("3"),  // a near miss, graded 3 by hand
            .line(""), .line("5"),  // revealed, graded 5
            .line("34th group study session"), .line(""),  // the re-drill of the card graded 3
        ])
        #expect(snapshotMismatch(screen, named: "aWholeSessionReadsAsTheGoldenTranscript") == nil)
        let grades = events.compactMap { event -> Int? in
            if case let .review(r) = event { return r.grade }
            return nil
        }
        #expect(grades.count == 4 && grades[1] == 3 && grades[2] == 5)
    }

    @Test func undoBuryAndSuspendAreSavedAndTheScreenSaysSo() throws {
        let (screen, events, _) = try run([
            .line("18 October 2021"), .line("4"),
            .line(":undo"),  // takes back the date's grade; the date is shown again
            .line(":bury"),  // the date waits for tomorrow
            .line(":suspend"),  // the session card leaves every session
            .line(":skip"),  // the last card goes round once
            .line(""), .line("5"),
        ])
        #expect(snapshotMismatch(screen, named: "undoBuryAndSuspendAreSavedAndTheScreenSaysSo") == nil)
        #expect(events.count == 5)
        guard events.count == 5, case .review = events[0], case .undo(card: "d1", _, _, restored: .new) = events[1],
            case .set(action: "bury", card: "d1", _, _, _) = events[2], case .set(action: "suspend", card: "m1", _, _, _) = events[3],
            case let .review(last) = events[4]
        else {
            Issue.record("events: \(events)")
            return
        }
        #expect(last.card == "l1" && last.grade == 5)
    }

    @Test func ctrlCClearsTheLineAndTwiceInARowQuitsKeepingWhatWasGraded() throws {
        let (screen, events, _) = try run([.line("18 October 2021"), .line(""), .interrupt, .line(":nope"), .interrupt, .interrupt])
        #expect(screen.contains("(line cleared; Ctrl-C again or Ctrl-D to quit)"))
        #expect(
            screen.contains("error: unknown command ':nope' — commands: :help :hint :skip :undo :bury\n  :suspend :context :stats :quit"))
        #expect(screen.contains("Session over.") && screen.contains("reviewed 1 card (100% correct)"))
        #expect(events.count == 1)
    }

    @Test func aCtrlCAfterTypingAgainIsAFirstCtrlCNotASecond() throws {
        // Ctrl-C, type something, Ctrl-C: the session goes on; a bare Ctrl-C right after quits.
        let (screen, events, prompts) = try run([.interrupt, .interruptAfterTyping, .line("18 October 2021"), .line("")])
        #expect(screen.components(separatedBy: "(line cleared; Ctrl-C again or Ctrl-D to quit)").count == 3)
        #expect(events.count == 1, "the card after the two Ctrl-Cs was answered and graded")
        #expect(prompts.prefix(4) == ["answer› ", "answer› ", "answer› ", "grade 0-5 [Enter = 5]› "])
        let (_, _, quitting) = try run([.interruptAfterTyping, .interrupt, .line("never read")])
        #expect(quitting == ["answer› ", "answer› "], "a bare Ctrl-C after a first one quits")
    }

    @Test func aMegabyteLinePastedAsAnAnswerIsGradedWrongUnreadAndNotShownBack() throws {
        let pasted = String(repeating: "economy ", count: 131_072)
        let (screen, events, _) = try run([.line(pasted), .line("")])
        // The line is read without its last space: 1,048,575 characters.
        #expect(screen.contains("(1,048,575 characters typed, far more than any form of the answer:"))
        #expect(screen.contains("graded wrong without reading it)"))
        #expect(screen.utf8.count < 5_000, "the pasted text is not shown back word by word")
        guard case let .review(r) = events.first else {
            Issue.record("no review")
            return
        }
        #expect(r.grade == 1, "a wrong answer that is not blank is 1")
    }

    @Test func theIntervalsEachGradeWouldGiveAreShownOnlyWhenTheyDiffer() throws {
        var states = CardStates()
        states["d1"] = CardState(
            repetitions: 2, easiness: 250, interval: 6, due: day, lapses: 0, reviews: 2, suspended: false, buriedUntil: nil,
            introduced: day.adding(-7), lastReviewed: day.adding(-6))
        let (screen, _, _) = try run([.line("18 October 2021"), .line(""), .line(""), .line("5")], states: states, newPerDeck: 1)
        #expect(screen.components(separatedBy: "next review: ").count == 2, "once, for the review; not for the new card: \(screen)")
        #expect(screen.contains("next review: 0→1d  1→1d  2→1d  3→15d  4→15d  5→15d"), "\(screen)")
    }

    @Test func theContextSeenBeforeAnsweringCapsTheSuggestionAsAHintDoes() throws {
        let (screen, events, prompts) = try run([.line(":context"), .line("18 October 2021"), .line("")], newPerDeck: 1)
        #expect(screen.contains("context: The speech was given on 18 October 2021."))
        #expect(prompts.contains("grade 0-5 [Enter = 3]› "), "\(prompts)")
        guard case let .review(r) = events.first else {
            Issue.record("no review")
            return
        }
        #expect(r.grade == 3)
    }

    @Test func statsInASessionCountWithTheirNouns() throws {
        // d1 failed (2), the others passed, d1 re-drilled and failed again (2), then :stats.
        let inputs: [LineInput] = [
            .line("1999"), .line("2"), .line(""), .line("5"), .line(""), .line("5"), .line(""), .line("2"), .line(":stats"),
        ]
        let (screen, _, _) = try run(inputs)
        #expect(screen.contains("this session: 4 graded (1 re-drill), 1 left"), "\(screen)")
    }

    @Test func aGradeThatIsNotOneToFiveIsAskedAgain() throws {
        let (screen, events, prompts) = try run([.line("1999"), .line("7"), .line("five"), .line("0")], newPerDeck: 1)
        #expect(screen.contains("error: '7' is not a grade; type 0-5, or Enter for 1"))
        #expect(screen.contains("error: 'five' is not a grade; type 0-5, or Enter for 1"))
        #expect(prompts == ["answer› ", "grade 0-5 [Enter = 1]› ", "grade 0-5 [Enter = 1]› ", "grade 0-5 [Enter = 1]› ", "answer› "])
        guard case let .review(r) = events.first else {
            Issue.record("no review")
            return
        }
        #expect(r.grade == 0 && events.count == 1)
    }

    @Test func aGradeThatCannotBeSavedEndsTheSessionWithTheReason() throws {
        let (screen, events, _) = try run([.line("18 October 2021"), .line("")], failWrites: true)
        #expect(events.isEmpty)
        #expect(screen.contains("thrown: WriteRefused()"))
        #expect(!screen.contains("graded 5"), "nothing is acknowledged that was not saved")
    }

    @Test func dueCardsBeyondTheLimitAreCountedInTheHeader() throws {
        var due = CardState.new
        due.repetitions = 1
        due.interval = 1
        due.due = day.adding(-1)
        due.introduced = day.adding(-2)
        due.lastReviewed = day.adding(-2)
        let (screen, _, _) = try run([], states: ["d1": due, "m1": due, "l1": due], maxReviews: 1)
        #expect(screen.contains("— 1 due, 0 new"))
        #expect(
            screen.replacingOccurrences(of: "\n", with: " ").contains(
                "2 more due cards wait beyond this session's limit of 1 review (--max N to change it, --max 0 for none)."))
    }

    @Test func nothingDueSaysWhenTheNextCardIs() throws {
        var later = CardState.new
        later.repetitions = 1
        later.interval = 3
        later.due = day.adding(3)
        later.introduced = day.adding(-1)
        later.lastReviewed = day.adding(-1)
        let (screen, _, prompts) = try run([], states: ["d1": later, "m1": later, "l1": later])
        #expect(screen.contains("Nothing is due today — well done. The next card is due \(day.adding(3)) (in 3 days)."))
        #expect(prompts.isEmpty)
    }
}

/// Collects what a session says.
final class Transcript: @unchecked Sendable {
    var text = ""
}

/// A write the store refuses.
struct WriteRefused: Error {}
