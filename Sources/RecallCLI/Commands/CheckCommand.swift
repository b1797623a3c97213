import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall check [DECK] [--repair]`: finds damaged progress and recovers what is intact.
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check progress files; with --repair, recover every intact review.",
            discussion: "A repair keeps the damaged file beside the fresh one (NAME.log.jsonl.damaged-TIME); nothing is deleted."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A deck name (default: every deck with progress).", completion: .deckNames)
        var deck: String?

        @Flag(help: "Write a fresh log of the intact reviews, keeping the damaged file beside it.")
        var repair = false

        func run() throws {
            let context = try global.context()
            let library = context.library
            context.home.removeIndexesOfDeletedDecks()
            if let deck, !library.names().contains(deck), !context.home.decksWithProgress().contains(deck) {
                throw CommandFailure(
                    message: "no deck and no progress named '\(Sanitizer.plain(deck))' in '\(context.home.root)'", status: 64)
            }
            var names = deck.map { [$0] } ?? library.names()
            if deck == nil {
                for name in context.home.decksWithProgress() where !names.contains(name) { names.append(name) }
            }
            var unhealthy = 0
            for name in names.sorted() {
                let ids: Set<String>
                do { ids = Set(try library.load(name).cards.map(\.id)) } catch {
                    printLine("\(name): deck not loaded (\(error.localizedDescription)); every card with progress counts as orphaned")
                    ids = []
                }
                let report = ProgressCheck.check(context.home.progress(name), cardIDs: ids)
                let orphans =
                    report.orphaned.isEmpty
                    ? ""
                    : "; \(report.orphaned.count) card\(report.orphaned.count == 1 ? "" : "s") with progress not in the deck (kept): \(report.orphaned.prefix(5).map(Sanitizer.plain).joined(separator: ", "))\(report.orphaned.count > 5 ? ", …" : "")"
                if report.isHealthy {
                    printLine("\(name): ok, \(counted(report.events, "event"))\(orphans)")
                    continue
                }
                unhealthy += 1
                printLine(
                    "\(name): \(counted(report.damage.count + (report.snapshotProblem == nil ? 0 : 1), "problem")), \(counted(report.events, "intact event"))\(orphans)"
                )
                for problem in report.damage + [report.snapshotProblem].compactMap({ $0 }) {
                    printLine("  - \(problem.problem)")
                }
                if repair {
                    let stamp = Self.stamp(Date())
                    let done = try ProgressCheck.repair(context.home.progress(name), stamp: stamp, notice: context.notice())
                    printLine(
                        "  repaired: \(counted(done.recovered, "event")) recovered, \(counted(done.dropped, "damaged line")) left out")
                    if let kept = done.damagedLogKeptAt { printLine("  the damaged log is kept at \(context.display(kept))") }
                    if let kept = done.damagedSnapshotKeptAt {
                        printLine(
                            "  the old snapshot, which no longer matches the log, is kept at \(context.display(kept)); the next session rebuilds it"
                        )
                    }
                    unhealthy -= 1
                }
            }
            if names.isEmpty { printLine("No progress yet in '\(context.home.progressFolder)'.") }
            if unhealthy > 0 {
                throw CommandFailure(
                    message:
                        "\(unhealthy) deck\(unhealthy == 1 ? " has" : "s have") damaged progress; run 'recall check --repair' to recover every intact review"
                )
            }
        }

        static func stamp(_ date: Date) -> String {
            let f = DateFormatter()
            f.locale = Locale(identifier: "en_US_POSIX")
            f.dateFormat = "yyyyMMdd-HHmmss"
            return f.string(from: date)
        }
    }

    /// `recall suspend DECK ID…`: keeps cards out of sessions until unsuspended.
    struct SuspendCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Keep cards out of sessions until unsuspended.")
        @OptionGroup var target: CardTarget
        func run() throws { try target.apply(action: "suspend") { $0.suspended = true } }
    }

    /// `recall unsuspend DECK ID…`.
    struct UnsuspendCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unsuspend", abstract: "Let suspended cards back into sessions.")
        @OptionGroup var target: CardTarget
        func run() throws { try target.apply(action: "unsuspend") { $0.suspended = false } }
    }

    /// `recall reset DECK ID…`: makes cards new again; their review history is kept.
    struct ResetCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset", abstract: "Make cards new again, keeping their review history.")
        @OptionGroup var target: CardTarget
        func run() throws {
            try target.apply(action: "reset") { state in
                state = CardState(
                    repetitions: 0, easiness: 250, interval: 0, due: nil, lapses: state.lapses, reviews: state.reviews,
                    suspended: state.suspended, buriedUntil: nil, introduced: nil, lastReviewed: nil)
            }
        }
    }
}

/// The deck and card ids a card command acts on.
struct CardTarget: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: "The deck.", completion: .deckNames)
    var deck: String

    @Argument(help: "Card ids (see 'recall cards DECK').")
    var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("name at least one card id (see 'recall cards \(deck)')") }
    }

    /// Changes each card's state and records it, on disk at once.
    func apply(action: String, change: (inout CardState) -> Void) throws {
        let context = try global.context()
        let deck = try context.library.load(self.deck)
        let known = Set(deck.cards.map(\.id))
        let unknown = ids.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw CommandFailure(
                message:
                    "deck '\(deck.name)' has no card \(unknown.map { "'\(Sanitizer.plain($0))'" }.joined(separator: ", ")); 'recall cards \(deck.name)' lists the ids"
            )
        }
        let store = try JSONProgressStore(home: context.home, deck: deck.name)
        store.order = deck.cards.map(\.id)
        defer { store.close() }
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        var changed = 0
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted {
            let before = store.states[id] ?? .new
            var state = before
            change(&state)
            // A card already so is left alone: nothing is logged for it.
            guard state != before else { continue }
            try store.append(.set(action: action, card: id, at: now, day: context.today, state: state))
            changed += 1
        }
        let unchanged = seen.count - changed
        let already = counted(unchanged, "card") + (action == "suspend" ? " suspended already" : " not suspended")
        printLine("\(action): \(counted(changed, "card")) in \(deck.name)" + (unchanged == 0 ? "" : " (\(already))"))
    }
}
