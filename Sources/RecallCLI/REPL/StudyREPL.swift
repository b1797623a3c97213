import Foundation
import LineEditor
import RecallCore

/// A daily study session in the terminal: shows each card, reads the answer, suggests a grade,
/// and hands every grade to the desk, which records it durably before the next card is shown.
/// It presents and asks; the desk (``StudyDesk``) decides what comes next and what is written.
final class StudyREPL {
    let console: Console
    var reader: any LineReading
    let desk: StudyDesk
    let clock: () -> Date
    /// Each deck's grader, made when its first card is graded.
    var graders: [Int: AnswerGrader] = [:]
    var started: Date
    var interrupts = InterruptTracker()

    var today: Day { desk.today }
    var session: StudySession { desk.session }
    /// First grades of the day that were 3 or more.
    var correct: Int { session.history.filter { !$0.review.redrill && $0.review.grade >= 3 }.count }

    init(desk: StudyDesk, reader: any LineReading, console: Console, clock: @escaping () -> Date) {
        self.desk = desk
        self.console = console
        self.reader = reader
        self.clock = clock
        self.started = clock()
    }

    /// The style with the width of the screen as it is now.
    var style: Style {
        var style = console.style
        style.width = console.width?() ?? console.style.width
        return style
    }

    /// Runs the session to its end or until the user quits.
    func run() throws {
        let title = desk.decks.count == 1 ? desk.decks[0].name : "\(desk.decks.count) decks"
        let plan = desk.plan
        console.say(
            style.bold("Recall · \(Sanitizer.plain(title)) · \(today)")
                + style.dim(" — \(plan.due.count) due, \(plan.new.count) new, \(counted(session.redrills.count, "re-drill"))"))
        if plan.beyondLimit > 0 {
            let more = plan.beyondLimit == 1 ? "1 more due card waits" : "\(plan.beyondLimit) more due cards wait"
            console.say(
                style.dim(
                    "\(more) beyond this session's limit of \(plan.due.count) review\(plan.due.count == 1 ? "" : "s") (--max N to change it, --max 0 for none)."
                ))
        }
        if plan.deferred > 0 {
            let cards = plan.deferred == 1 ? "1 card waits" : "\(plan.deferred) cards wait"
            console.say(style.dim("\(cards) for another day: they share a sentence or list with today's cards."))
        }
        if session.remaining == 0 {
            console.say(nothingDueMessage())
            return
        }
        console.say(style.dim("Type the answer, or press Enter to reveal it. :help lists commands."))
        while let card = desk.next() {
            if try ask(card) == .quit { break }
        }
        summary()
    }

    enum Outcome { case graded, skipped, quit }

    /// The grader that weighs words by the answers of this deck (of its first cards, for a
    /// large deck: see ``AnswerGrader/sampleSize``).
    func grader(forDeck index: Int) -> AnswerGrader {
        if let known = graders[index] { return known }
        let deck = desk.decks[index]
        let grader = AnswerGrader(deck: (try? deck.cards(at: Array(0..<min(deck.ids.count, AnswerGrader.sampleSize)))) ?? [])
        graders[index] = grader
        return grader
    }

    func ask(_ ref: CardRef) throws -> Outcome {
        let card = try desk.card(ref)
        let st = desk.state(of: ref)
        let redrill = desk.isRedrill(ref)
        console.say("")
        let tag = redrill ? "re-drill" : (st.isNew ? "new" : "review")
        let waiting = session.redrills.count
        let redrills = waiting > 0 ? " · \(waiting) re-drill\(waiting == 1 ? "" : "s") waiting" : ""
        console.say(
            style.dim(
                "── \(session.reviewedCount + 1)/\(session.reviewedCount + session.remaining) · \(desk.newLeft) new left\(redrills) · \(Sanitizer.plain(card.kind)) · \(tag)\(desk.decks.count > 1 ? " · " + Sanitizer.plain(desk.deckName(of: ref)) : "") ──"
            ))
        console.say(style.bold(style.wrap(card.question)))
        let shownAt = clock()
        var hintLevel = 0
        var peeked = false
        var typed = ""
        answering: while true {
            switch readInput(prompt: "answer› ", interruptNote: "(line cleared; Ctrl-C again or Ctrl-D to quit)") {
            case .quit: return .quit
            case .command(.hint):
                hintLevel += 1
                console.say(style.yellow("hint: ") + hint(card.answer, level: hintLevel))
            case let .command(command):
                // The source sentence holds the answer: seen before answering, it is a hint.
                if command == .context { peeked = true }
                if let outcome = try perform(command, on: ref) { return outcome }
            case let .text(line):
                typed = line
                break answering
            }
        }
        let seconds = clock().timeIntervalSince(shownAt)
        let grader = self.grader(forDeck: ref.deck)
        let verdict = grader.verdict(typed, for: card)
        var suggested = grader.suggestedGrade(verdict, seconds: seconds, card: card)
        if hintLevel > 0 || peeked, suggested > 3 { suggested = 3 }
        reveal(card: card, typed: typed, verdict: verdict)
        let preview = SM2.preview(st, on: today)
        if redrill {
            console.say(style.dim("re-drill: the schedule is already set for today; grade 4 or 5 to finish"))
        } else if Set(preview).count > 1 {
            // Shown only when the grade makes a difference: every grade of a new card gives 1 day.
            console.say(style.dim("next review: " + (0...5).map { "\($0)→\(preview[$0])d" }.joined(separator: "  ")))
        }
        while true {
            let grade: Int
            switch readInput(
                prompt: "grade 0-5 [Enter = \(suggested)]› ", interruptNote: "(Ctrl-C again or Ctrl-D to quit; the card is not graded yet)")
            {
            case .quit: return .quit
            case .command(.hint):
                console.say(style.dim("the answer is shown above; grade it 0-5, or Enter for \(suggested)"))
                continue
            case let .command(command):
                if let outcome = try perform(command, on: ref) { return outcome }
                continue
            case let .text(text):
                if text.isEmpty {
                    grade = suggested
                } else if text.count == 1, let g = Int(text), (0...5).contains(g) {
                    grade = g
                } else {
                    console.say(style.red("error: '\(String(text.prefix(20)))' is not a grade; type 0-5, or Enter for \(suggested)"))
                    continue
                }
            }
            guard let review = try desk.grade(grade, at: millis(clock()), responseMs: Int(seconds * 1000)) else { return .graded }
            if grade < 4 {
                console.say(style.dim("graded \(grade); it comes back in this session until you grade it 4 or 5"))
            } else if let due = review.after.due, !review.redrill {
                console.say(
                    style.dim(
                        "graded \(grade); next review \(due) (in \(review.after.interval) day\(review.after.interval == 1 ? "" : "s"))"))
            } else {
                console.say(style.dim("graded \(grade)"))
            }
            return .graded
        }
    }

    /// What the user typed at a prompt.
    enum Input: Equatable {
        case text(String)
        case command(REPLCommand)
        case quit
    }

    /// Reads until there is a line or a known command: Ctrl-C clears the line (twice in a row,
    /// with nothing typed between, quits), Ctrl-D quits, an unknown command gets a one-line error and the list.
    func readInput(prompt: String, interruptNote: String) -> Input {
        while true {
            let input = reader.readLine(prompt: style.symbols(prompt))
            if interrupts.quits(on: input) { return .quit }
            switch input {
            case .end:
                return .quit
            case .interrupt, .interruptAfterTyping:
                console.say(style.dim(interruptNote))
            case let .line(raw):
                let line = Sanitizer.plain(raw).trimmingCharacters(in: .whitespaces)
                guard line.hasPrefix(":") else { return .text(line) }
                guard let command = try? REPLCommand(parsing: line) else {
                    // Wrapped to the screen like card text: the list of commands runs past 80 columns.
                    let commands = REPLCommand.allCases.map { ":" + $0.rawValue }.joined(separator: " ")
                    console.say(
                        style.red(style.wrap("error: unknown command '\(String(line.prefix(40)))' — commands: \(commands)", indent: 2)))
                    continue
                }
                return command == .quit ? .quit : .command(command)
            }
        }
    }

    /// Carries out a command on the card shown; returns an outcome when the card is left.
    func perform(_ command: REPLCommand, on ref: CardRef) throws -> Outcome? {
        switch command {
        case .help: help()
        case .hint: break
        case .skip:
            desk.skip()
            console.say(style.dim("skipped; it comes back later in this session"))
            return .skipped
        case .undo:
            if try undo() { return .skipped }
        case .bury:
            try desk.bury(at: millis(clock()))
            console.say(style.dim("buried until tomorrow (:undo takes it back)"))
            return .skipped
        case .suspend:
            try desk.suspend(at: millis(clock()))
            let deck = Sanitizer.plain(desk.deckName(of: ref))
            let id = Sanitizer.plain(desk.id(of: ref))
            console.say(
                style.dim(
                    style.wrap("suspended; it stays out of your sessions until 'recall unsuspend \(deck) \(id)' (:undo takes it back now)"))
            )
            return .skipped
        case .context:
            console.say(style.dim("context: ") + style.wrap(try desk.card(ref).context ?? "(none)", indent: 9, firstIndent: 9))
        case .stats: stats()
        case .quit: return .quit
        }
        return nil
    }

    func millis(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    func undo() throws -> Bool {
        switch try desk.undo(at: millis(clock())) {
        case nil:
            console.say(style.dim("nothing to undo in this session"))
            return false
        case let .graded(_, review)?:
            console.say(style.yellow("undone: grade \(review.grade) taken back; the card is shown again"))
        case let .setAside(_, action, _)?:
            console.say(style.yellow("undone: the card is no longer \(action == "bury" ? "buried" : "suspended"); it is shown again"))
        }
        return true
    }

    func reveal(card: Card, typed: String, verdict: AnswerGrader.Verdict) {
        let mark: String
        switch verdict {
        case .blank: mark = style.cyan("revealed")
        case .correct: mark = style.green("✓ correct")
        case .nearMiss: mark = style.yellow("~ close")
        case .wrong: mark = style.red("✗ not quite")
        case let .partial(r, n): mark = style.yellow("\(r) of \(n) items")
        }
        console.say(mark)
        console.say("  answer: " + style.bold(style.wrap(card.answer, indent: 10, firstIndent: 10)))
        if AnswerGrader.isUnread(typed, for: card), verdict == .wrong {
            console.say("     you: " + style.dim(style.wrap(unreadAnswerNote(typed), indent: 10, firstIndent: 10)))
        } else if !typed.trimmingCharacters(in: .whitespaces).isEmpty, verdict != .correct {
            console.say(
                "     you: " + style.wrap(WordDiff.marked(typed: typed, expected: card.answer, style: style), indent: 10, firstIndent: 10))
        }
        if let context = card.context, !context.isEmpty, context != card.answer {
            console.say(style.dim(" context: " + style.wrap(context, indent: 10, firstIndent: 10)))
        }
    }

    func hint(_ answer: String, level: Int) -> String {
        let words = Sanitizer.plain(answer).split(separator: " ")
        return words.map { word in
            let show = min(word.count, level)
            return String(word.prefix(show)) + String(repeating: "_", count: word.count - show)
        }.joined(separator: " ")
    }

    func help() {
        console.say("Commands (Tab completes them):")
        for c in REPLCommand.allCases { console.say("  :\(c.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(c.summary)") }
        console.say("Grades (SM-2):")
        let meanings = [
            "complete blackout", "incorrect; the correct one remembered", "incorrect; the correct one seemed easy to recall",
            "correct, recalled with serious difficulty", "correct after a hesitation", "perfect response",
        ]
        for g in stride(from: 5, through: 0, by: -1) { console.say("  \(g)  \(meanings[g])") }
        console.say("Enter accepts the suggested grade; below 4 the card comes back this session.")
    }

    /// Today's figures from the whole log, as `recall stats` computes them.
    func stats() {
        do {
            let figures = try desk.statistics()
            for line in RecallCommand.StatsCommand.todayLines(figures) { console.say(line) }
        } catch {
            console.say(style.red("error: \(error.localizedDescription)"))
        }
        console.say(
            "this session: \(session.reviewedCount) graded (\(counted(session.redrillCount, "re-drill"))), \(session.remaining) left, \(formatDuration(clock().timeIntervalSince(started)))"
        )
    }

    func summary() {
        let reviewed = session.reviewedCount
        let firstReviews = reviewed - session.redrillCount
        console.say("")
        console.say(style.bold("Session over."))
        if reviewed > 0 {
            let share = firstReviews == 0 ? 0 : Int((Double(correct) / Double(firstReviews) * 100).rounded())
            console.say(
                "  reviewed \(firstReviews) card\(firstReviews == 1 ? "" : "s") (\(share)% correct), \(session.redrillCount) re-drill\(session.redrillCount == 1 ? "" : "s"), \(formatDuration(clock().timeIntervalSince(started)))"
            )
        } else {
            console.say("  no cards graded")
        }
        let (tomorrow, week) = desk.upcoming()
        console.say("  due tomorrow: \(tomorrow) · next 7 days: \(week)")
        console.say(style.dim("  progress is saved in Progress/"))
    }

    func nothingDueMessage() -> String {
        if let next = desk.nextDueDay() {
            let days = next.days(since: today)
            return "Nothing is due today — well done. The next card is due \(next) (in \(days) day\(days == 1 ? "" : "s"))."
        }
        return "Nothing to study: every card is suspended or the daily new-card limit is reached. Come back tomorrow."
    }

    func formatDuration(_ seconds: Double) -> String {
        let s = Int(seconds)
        return s >= 60 ? "\(s / 60) min \(s % 60) s" : "\(s) s"
    }
}
