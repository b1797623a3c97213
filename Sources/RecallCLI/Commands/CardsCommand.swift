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

        @Argument(help: "A deck name (default: every deck).")
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
            let all = try CardRow.load(context, deck: deck)
            if let kind, !all.contains(where: { $0.card.kind == kind }) {
                let kinds = Set(all.map(\.card.kind)).sorted().map(Sanitizer.plain).joined(separator: ", ")
                throw CommandFailure(
                    message: "no cards of kind '\(Sanitizer.plain(kind))'; the kinds here are: \(kinds.isEmpty ? "none" : kinds)",
                    status: 64)
            }
            let rows = all.filter { row in
                (!due || row.isDue(on: context.today)) && (!new || row.state.isNew)
                    && (!suspended || row.state.suspended) && (kind.map { row.card.kind == $0 } ?? true)
            }
            if json {
                print(CardRow.json(rows, today: context.today))
                return
            }
            if rows.isEmpty {
                print("No cards match.")
                return
            }
            let style = Style.detect(environment: context.environment, stdoutIsTTY: isatty(1) == 1)
            let manyDecks = Set(rows.map(\.deck)).count > 1
            for row in rows {
                let s = row.state
                var facts = [s.isNew ? "new" : "due \(s.due?.description ?? "")"]
                if !s.isNew {
                    facts += [
                        "ivl \(s.interval)d", String(format: "EF %.2f", s.easinessValue), "reps \(s.repetitions)", "lapses \(s.lapses)",
                    ]
                }
                if s.suspended { facts.append("suspended") }
                if s.isBuried(on: context.today) { facts.append("buried") }
                let head =
                    (manyDecks ? Sanitizer.plain(row.deck) + " " : "") + Sanitizer.plain(row.card.id) + "  "
                    + Sanitizer.plain(row.card.kind)
                print(style.bold(head) + "  " + style.dim(facts.joined(separator: "  ")))
                print("    " + style.wrap(row.card.question, indent: 4, firstIndent: 4))
            }
        }

    }
}

/// A card of a deck with its state, as `cards` and `stats` show it.
struct CardRow {
    var deck: String
    var card: Card
    var state: CardState

    func isDue(on day: Day) -> Bool {
        guard let due = state.due, !state.suspended, !state.isBuried(on: day) else { return false }
        return due <= day
    }

    /// Every card of one deck or all decks, with progress read without taking the lock.
    static func load(_ context: AppContext, deck: String?) throws -> [CardRow] {
        var rows: [CardRow] = []
        for d in try loadDecks(context, deck: deck) {
            let store = try JSONProgressStore(home: context.home, deck: d.name, mode: .readOnly)
            rows += d.cards.map { CardRow(deck: d.name, card: $0, state: store.states[$0.id] ?? .new) }
        }
        return rows
    }

    /// The JSON array of `recall cards --json`: exactly the documented fields.
    static func json(_ rows: [CardRow], today: Day) -> String {
        JSONValue.array(
            rows.map { row in
                let s = row.state
                return .object([
                    ("deck", .string(row.deck)), ("id", .string(row.card.id)), ("kind", .string(row.card.kind)),
                    ("question", .string(row.card.question)), ("answer", .string(row.card.answer)),
                    ("due", s.due.map { .string($0.description) } ?? .null), ("interval", .int(s.interval)),
                    ("easiness", .fixed(s.easiness, places: 2)), ("repetitions", .int(s.repetitions)), ("lapses", .int(s.lapses)),
                    ("reviews", .int(s.reviews)), ("suspended", .bool(s.suspended)), ("buried", .bool(s.isBuried(on: today))),
                ])
            }
        ).text()
    }
}
