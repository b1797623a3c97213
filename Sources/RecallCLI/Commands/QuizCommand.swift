import ArgumentParser
import Foundation
import LineEditor
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall quiz [DECK]`: a quick self-test that leaves the schedule alone unless `--record`.
    struct QuizCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quiz",
            abstract: "A quick self-test; the schedule is left alone unless --record is given."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A deck name (default: every deck).", completion: .deckNames)
        var deck: String?

        @Option(parsing: .unconditional, help: "How many questions.")
        var count: Int = 10

        @Option(help: ArgumentHelp("Only these kinds, comma-separated.", valueName: "kinds"))
        var kinds: String?

        @Flag(help: "Multiple choice: pick the answer among options from the same deck and kind.")
        var choices = false

        @Flag(help: "Record the grades in your progress, as a study session would.")
        var record = false

        @Option(help: "A seed for choosing questions and options, to repeat a quiz.")
        var seed: UInt64?

        func validate() throws {
            if count < 1 { throw ValidationError("--count must be at least 1, not \(count)") }
        }

        func run() throws {
            let context = try global.context()
            let decks = try loadDecks(context, deck: deck)
            let askedKinds = kinds.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            if let askedKinds, let failure = CommandFailure.missingKinds(askedKinds, present: Set(decks.flatMap { $0.cards.map(\.kind) })) {
                throw failure
            }
            let kindSet = askedKinds.map(Set.init)
            var pool: [(deck: Deck, card: Card, position: Int)] = []
            for d in decks {
                for (p, c) in d.cards.enumerated() where kindSet.map({ $0.contains(c.kind) }) ?? true { pool.append((d, c, p)) }
            }
            if pool.isEmpty { throw CommandFailure(message: "no cards to quiz\(kinds.map { " of kinds \($0)" } ?? "")") }
            var rng: any RandomNumberGenerator =
                seed.map { SplitMix64(seed: $0) as any RandomNumberGenerator } ?? SystemRandomNumberGenerator()
            pool.shuffle(using: &rng)
            // One card of a sentence or list before another of it: siblings give each other away.
            let order = DailyQueue.siblingsApart(pool.map { item in item.card.group.map { "\(item.deck.name)\u{0}\($0)" } })
            let chosen = order.prefix(count).map { pool[$0] }

            // With --record, a desk over the decks quizzed writes each grade as a session would.
            var desk: StudyDesk?
            var stores: [JSONProgressStore] = []
            defer { for store in stores { store.close() } }
            let quizzed = decks.filter { d in chosen.contains { $0.deck.name == d.name } }
            if record {
                for d in quizzed {
                    let store = try JSONProgressStore(home: context.home, deck: d.name)
                    store.order = d.cards.map(\.id)
                    stores.append(store)
                }
                if let refusal = StudyDesk.refusal(stores: stores, names: quizzed.map(\.name), today: context.today) {
                    throw CommandFailure(message: refusal)
                }
                desk = StudyDesk(decks: quizzed, stores: stores, today: context.today, newPerDeck: 0)
            }
            var style = Style.detect(environment: context.environment, stdoutIsTTY: isatty(1) == 1)
            style.width = Terminal.columns() ?? 80
            let console = Console(style: style, width: { Terminal.columns() ?? 80 })
            var reader: any LineReading =
                isatty(0) == 1 && isatty(1) == 1
                ? ReadlineLineReader(historyPath: nil) { _, _ in [] } : PlainLineReader()
            // One grader per deck, which weighs words by that deck's answers.
            var graders: [String: AnswerGrader] = [:]
            var score = 0
            var missed: [Card] = []
            var asked = 0
            var interrupts = InterruptTracker()
            quiz: for (n, item) in chosen.enumerated() {
                // Asked again for every question, so a resized window is followed.
                style.width = Terminal.columns() ?? 80
                let card = item.card
                let grader = graders[item.deck.name] ?? AnswerGrader(deck: item.deck.cards)
                graders[item.deck.name] = grader
                console.say("")
                console.say(style.dim("── question \(n + 1)/\(chosen.count) · \(Sanitizer.plain(card.kind)) ──"))
                console.say(style.bold(style.wrap(card.question)))
                var options: [String] = []
                if choices {
                    options = Distractors.pick(for: card, from: item.deck.cards, count: 3, grader: grader, using: &rng) + [card.answer]
                    options.shuffle(using: &rng)
                    for (i, option) in options.enumerated() {
                        console.say("  \(Character(Unicode.Scalar(UInt8(65 + i))))) " + style.wrap(option, indent: 5, firstIndent: 5))
                    }
                }
                let shownAt = Date()
                var correct = false
                var verdict = AnswerGrader.Verdict.blank
                var typed = ""
                reading: while true {
                    let input = reader.readLine(prompt: style.symbols(choices ? "choice› " : "answer› "))
                    // As in a session: Ctrl-C clears the line, and a second with nothing typed since ends.
                    if interrupts.quits(on: input) { break quiz }
                    switch input {
                    case .end: break quiz
                    case .interrupt, .interruptAfterTyping:
                        console.say(style.dim("(line cleared; Ctrl-C again or Ctrl-D to end the quiz)"))
                        continue reading
                    case let .line(raw):
                        let text = Sanitizer.plain(raw).trimmingCharacters(in: .whitespaces)
                        if text == ":quit" || text == ":q" { break quiz }
                        if text.hasPrefix(":") {
                            // A command is never taken as an answer; the quiz knows one.
                            console.say(style.red("error: '\(String(text.prefix(20)))' is not a quiz command; :quit ends the quiz"))
                            continue reading
                        }
                        if choices {
                            // A letter, a number, or an option's own words.
                            let typed = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
                            let byText = options.firstIndex {
                                $0.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") == typed
                            }
                            guard let index = Self.choiceIndex(text.uppercased(), count: options.count) ?? byText else {
                                console.say(
                                    style.red(
                                        "error: answer with a letter A-\(Character(Unicode.Scalar(UInt8(64 + options.count)))), or an option's words (or :quit)"
                                    ))
                                continue reading
                            }
                            correct = options[index] == card.answer
                            verdict = correct ? .correct : .wrong
                        } else {
                            typed = text
                            verdict = grader.verdict(text, for: card)
                            correct = verdict == .correct
                        }
                        break reading
                    }
                }
                asked += 1
                if correct { score += 1 } else { missed.append(card) }
                console.say(
                    correct
                        ? style.green("✓ correct")
                        : style.red("✗ the answer is: ") + style.bold(style.wrap(card.answer, indent: 4, firstIndent: 17)))
                if !choices, verdict == .wrong, AnswerGrader.isUnread(typed, for: card) {
                    console.say(style.dim(style.wrap(unreadAnswerNote(typed), indent: 4, firstIndent: 4)))
                }
                if let desk, let d = quizzed.firstIndex(where: { $0.name == item.deck.name }) {
                    let seconds = Date().timeIntervalSince(shownAt)
                    let grade = choices ? (correct ? 4 : 1) : grader.suggestedGrade(verdict, seconds: seconds, card: card)
                    try desk.grade(
                        CardRef(deck: d, position: item.position), grade, at: Int64(Date().timeIntervalSince1970 * 1000),
                        responseMs: Int(seconds * 1000))
                }
            }
            console.say("")
            guard asked > 0 else {
                console.say(style.bold("No question answered.") + style.dim(" · your schedule is unchanged"))
                return
            }
            let share = Int((Double(score) / Double(asked) * 100).rounded())
            console.say(
                style.bold("Score: \(score)/\(asked) (\(share)%)")
                    + (record ? style.dim(" · grades recorded") : style.dim(" · your schedule is unchanged")))
            if !missed.isEmpty {
                console.say("Missed:")
                for card in missed {
                    console.say("  - " + style.wrap(card.question, indent: 4, firstIndent: 4))
                    console.say("    " + style.dim("→ ") + style.wrap(card.answer, indent: 6, firstIndent: 6))
                }
            }
        }

        static func choiceIndex(_ text: String, count: Int) -> Int? {
            if text.count == 1, let scalar = text.unicodeScalars.first, (65..<(65 + UInt32(count))).contains(scalar.value) {
                return Int(scalar.value - 65)
            }
            if let n = Int(text), (1...count).contains(n) { return n - 1 }
            return nil
        }
    }
}
