import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall cards [DECK] [--json]`: the cards with their study state.
    struct CardsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cards",
            abstract: "List cards with their state, as a table or as JSON.",
            discussion: "Reads progress without locking it, so it works while a session runs."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A deck name (default: every deck).", completion: .deckNames)
        var deck: String?

        @Flag(help: "Print a JSON array instead of a table.")
        var json = false

        @Flag(help: "Only cards due today or earlier.")
        var due = false

        @Flag(help: "Only cards never reviewed.")
        var new = false

        @Flag(help: "Only suspended cards.")
        var suspended = false

        @Option(help: "Only cards of this kind.")
        var kind: String?

        func run() throws {
            let context = try global.context()
            let (decks, stores) = try openDecks(
                context, names: try deckNames(context, deck: deck), mode: .readOnly, notice: context.notice(json: json))
            if let kind, let failure = CommandFailure.missingKinds([kind], present: Set(decks.flatMap(\.kinds))) { throw failure }
            var style = Style.detect(environment: context.environment, stdoutIsTTY: isatty(1) == 1)
            style.width = Terminal.columns() ?? 80
            var out = StreamedOutput()
            var json = json ? JSONArrayStream() : nil
            // Cards are chosen by their state and kind first; only those are read from the deck,
            // a thousand at a time, and printed as they come.
            let picked = zip(decks, stores).map { deck, store -> (numbers: [Int32], chosen: [Int]) in
                let states = store.states
                let numbers = states.index.numbers(of: deck.ids)
                let chosen = deck.ids.indices.filter { p in
                    let s = numbers[p] >= 0 ? states.values[Int(numbers[p])] : .new
                    return (!due || s.isDue(on: context.today)) && (!new || s.isNew) && (!suspended || s.suspended)
                        && (kind.map { deck.kinds[p] == $0 } ?? true)
                }
                return (numbers, chosen)
            }
            // The deck is named on each row when the rows come from more than one.
            let manyDecks = picked.filter { !$0.chosen.isEmpty }.count > 1
            var printed = 0
            for ((deck, store), (numbers, chosen)) in zip(zip(decks, stores), picked) {
                let states = store.states
                // Names are made safe once a deck and once a kind, not once a row.
                let deckName = Sanitizer.plain(deck.name)
                var plainKinds: [String: String] = [:]
                for start in stride(from: 0, to: chosen.count, by: 1000) {
                    let positions = Array(chosen[start..<min(chosen.count, start + 1000)])
                    func state(_ p: Int) -> CardState { numbers[p] >= 0 ? states.values[Int(numbers[p])] : .new }
                    if json != nil {
                        for (p, card) in zip(positions, try deck.cards(at: positions)) {
                            json?.append(CardRow(deck: deck.name, card: card, state: state(p)).json(today: context.today), to: &out)
                        }
                    } else {
                        // The table needs only each card's question from the deck file.
                        for (p, question) in zip(positions, try deck.questions(at: positions)) {
                            let kind = plainKinds[deck.kinds[p]] ?? Sanitizer.plain(deck.kinds[p])
                            plainKinds[deck.kinds[p]] = kind
                            let head = (manyDecks ? deckName + " " : "") + Sanitizer.plain(deck.ids[p]) + "  " + kind
                            out.write(
                                CardRow.tableLines(head: head, question: question, state: state(p), style: style, today: context.today))
                        }
                    }
                    printed += positions.count
                    out.flush()
                }
            }
            if json != nil {
                json?.finish(to: &out)
            } else if printed == 0 {
                out.write("No cards match.\n")
            }
            out.flush()
        }
    }
}

/// A card of a deck with its state, as `cards` shows it.
struct CardRow {
    var deck: String
    var card: Card
    var state: CardState

    /// A card's two lines of the table: its deck, id and kind (`head`, made safe) with its
    /// schedule, then its question.
    static func tableLines(head: String, question: String, state s: CardState, style: Style, today: Day) -> String {
        var facts = s.isNew ? "new" : "due \(s.due?.description ?? "")"
        if !s.isNew {
            let ef = s.easiness
            facts +=
                "  ivl \(s.interval)d  EF \(ef / 100).\(ef % 100 < 10 ? "0" : "")\(ef % 100)  reps \(s.repetitions)  lapses \(s.lapses)"
        }
        if s.suspended { facts += "  suspended" }
        if s.isBuried(on: today) { facts += "  buried" }
        return style.symbols(style.bold(head) + "  " + style.dim(facts) + "\n    " + style.wrap(question, indent: 4, firstIndent: 4) + "\n")
    }

    /// The row as `recall cards --json` writes it: exactly the documented fields.
    func json(today: Day) -> JSONValue {
        let s = state
        return .object([
            ("deck", .string(deck)), ("id", .string(card.id)), ("kind", .string(card.kind)),
            ("question", .string(card.question)), ("answer", .string(card.answer)),
            ("due", s.due.map { .string($0.description) } ?? .null), ("interval", .int(s.interval)),
            ("easiness", .fixed(s.easiness, places: 2)), ("repetitions", .int(s.repetitions)), ("lapses", .int(s.lapses)),
            ("reviews", .int(s.reviews)), ("suspended", .bool(s.suspended)), ("buried", .bool(s.isBuried(on: today))),
        ])
    }
}
