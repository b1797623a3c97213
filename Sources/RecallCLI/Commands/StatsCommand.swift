import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall stats [DECK]`: what you know, what you forget, what comes next.
    struct StatsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Statistics: today, streaks, retention by kind, card stages, forecast, hardest cards.",
            discussion: "Reads progress without locking it, so it works while a session runs."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A deck name (default: every deck).", completion: .deckNames)
        var deck: String?

        @Flag(help: "Print one JSON object (keys in the README).")
        var json = false

        @Flag(help: "Draw charts with ASCII characters only.")
        var ascii = false

        @Option(parsing: .unconditional, help: "Days of history to chart; the forecast covers 14 days.")
        var days: Int = 30

        func validate() throws {
            if !(1...366).contains(days) { throw ValidationError("--days must be between 1 and 366, not \(days)") }
        }

        func run() throws {
            let context = try global.context()
            let stats = try Self.compute(context, deck: deck, days: days, json: json)
            if json {
                print(Self.json(stats).text())
                return
            }
            var style = Style.detect(environment: context.environment, stdoutIsTTY: isatty(1) == 1)
            if ascii { style.ascii = true }
            print(style.symbols(Self.report(stats, charts: Charts(ascii: style.ascii), style: style)))
        }

        static func compute(_ context: AppContext, deck: String?, days: Int = 30, json: Bool = false) throws -> StudyStatistics {
            let notice = context.notice(json: json)
            let (decks, stores) = try openDecks(context, names: try deckNames(context, deck: deck), mode: .readOnly, notice: notice)
            for store in stores { store.notice = notice }
            let data = try zip(decks, stores).map { try StudyStatistics.DeckData(deck: $0, progress: $1) }
            return try StudyStatistics.compute(data, today: context.today, historyDays: days)
        }

        static func json(_ s: StudyStatistics) -> JSONValue {
            .object([
                (
                    "today",
                    .object([
                        ("reviews", .int(s.today.reviews)), ("correct", .int(s.today.correct)), ("redrills", .int(s.today.redrills)),
                        ("new", .int(s.today.new)),
                        ("due", .int(s.today.due)), ("seconds", .int(s.today.seconds)),
                    ])
                ),
                ("streak", .object([("current", .int(s.streak.current)), ("longest", .int(s.streak.longest))])),
                (
                    "retention",
                    .object([
                        ("last7", .share(s.retention.last7)), ("last30", .share(s.retention.last30)), ("all", .share(s.retention.all)),
                        ("byKind", .object(s.retention.byKind.sorted { $0.key < $1.key }.map { ($0.key, .share($0.value)) })),
                    ])
                ),
                (
                    "cards",
                    .object([
                        ("total", .int(s.cards.total)), ("new", .int(s.cards.new)), ("learning", .int(s.cards.learning)),
                        ("young", .int(s.cards.young)), ("mature", .int(s.cards.mature)), ("suspended", .int(s.cards.suspended)),
                    ])
                ),
                ("averageEasiness", s.averageEasiness.map { .fixed(Int(($0 * 100).rounded()), places: 2) } ?? .null),
                ("forecast", .array(s.forecast.map { .object([("date", .string($0.day.description)), ("due", .int($0.due))]) })),
                ("history", .array(s.history.map { .object([("date", .string($0.day.description)), ("reviews", .int($0.reviews))]) })),
                (
                    "leeches",
                    .array(
                        s.leeches.map {
                            .object([("id", .string($0.id)), ("question", .string($0.question)), ("lapses", .int($0.lapses))])
                        })
                ),
                (
                    "hardest",
                    .array(
                        s.hardest.map {
                            .object([
                                ("id", .string($0.id)), ("question", .string($0.question)),
                                ("easiness", .fixed($0.easiness, places: 2)), ("lapses", .int($0.lapses)),
                            ])
                        })
                ),
            ])
        }

        static func percent(_ share: Double?, ascii: Bool = false) -> String {
            share.map { "\(Int(($0 * 100).rounded()))%" } ?? (ascii ? "-" : "—")
        }

        /// The text report, 80 columns wide.
        static func report(_ s: StudyStatistics, charts: Charts, style: Style) -> String {
            var out: [String] = []
            let t = s.today
            // One decision for every character: box-drawing and dots only where the charts use blocks.
            let dot = charts.ascii ? "/" : "·"
            func percent(_ share: Double?) -> String { Self.percent(share, ascii: charts.ascii) }
            out.append(
                style.bold("Today")
                    + "  \(todayReviews(t)), \(t.reviews == 0 ? percent(nil) : percent(Double(t.correct) / Double(t.reviews))) correct, \(t.new) new, \(t.due) still due, \(t.seconds / 60) min \(t.seconds % 60) s"
            )
            out.append(style.bold("Streak") + " \(s.streak.current) day\(s.streak.current == 1 ? "" : "s") (longest \(s.streak.longest))")
            guard s.hasReviews else {
                out.append("")
                out.append("No reviews yet: run 'recall' to study your first cards; charts appear once you have.")
                out.append("Cards: \(s.cards.total) in all, \(s.cards.new) new.")
                return out.joined(separator: "\n")
            }
            out.append("")
            if s.retention.all == nil {
                out.append(style.bold("Retention") + " shows once you review cards you have seen on an earlier day")
            } else {
                out.append(
                    style.bold("Retention")
                        + " (known cards graded 3+)  7 days \(percent(s.retention.last7)) \(dot) 30 days \(percent(s.retention.last30)) \(dot) all \(percent(s.retention.all))"
                )
            }
            for (kind, share) in s.retention.byKind.sorted(by: { $0.value < $1.value }) {
                let name = Sanitizer.plain(kind)
                out.append(
                    "  " + name.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
                        + percent(share).padding(toLength: 5, withPad: " ", startingAt: 0)
                        + " " + charts.bar(Int(share * 1000), maximum: 1000, width: 40))
            }
            let c = s.cards
            out.append("")
            out.append(
                style.bold("Cards")
                    + "  \(c.total): \(c.new) new, \(c.learning) learning, \(c.young) young, \(c.mature) mature, \(c.suspended) suspended"
                    + (s.averageEasiness.map { String(format: " \(dot) mean EF %.2f", $0) } ?? ""))
            out.append("")
            out.append(style.bold("Due in the next \(s.forecast.count) days"))
            let top = s.forecast.map(\.due).max() ?? 0
            for (i, f) in s.forecast.enumerated() {
                let label = i == 0 ? "today" : String(f.day.description.dropFirst(5))
                out.append(
                    "  " + label.padding(toLength: 6, withPad: " ", startingAt: 0) + String(format: "%5d ", f.due)
                        + charts.bar(f.due, maximum: top, width: 60))
            }
            out.append("")
            out.append(style.bold("Reviews per day, last \(s.history.count) days") + " (max \(s.history.map(\.reviews).max() ?? 0))")
            out.append("  " + charts.sparkline(s.history.map(\.reviews)))
            out.append("")
            out.append(style.bold("The last 16 weeks"))
            out += charts.heatmap(s.heatmap).map { "  " + $0 }
            if !s.hardest.isEmpty {
                out.append("")
                out.append(style.bold("Hardest cards") + " (lowest E-Factor)")
                for h in s.hardest { out.append(line(h, charts: charts)) }
            }
            if !s.mostLapsed.isEmpty {
                out.append("")
                out.append(style.bold("Most lapses"))
                for h in s.mostLapsed { out.append(line(h, charts: charts)) }
            }
            if !s.leeches.isEmpty {
                out.append("")
                out.append(style.red("Leeches") + " (failed \(StudyStatistics.leechThreshold)+ times; rewrite or suspend them)")
                for h in s.leeches.prefix(leechLines) { out.append(line(h, charts: charts)) }
                if s.leeches.count > leechLines {
                    out.append(style.dim("  … and \(s.leeches.count - leechLines) more; 'recall stats --json' lists them all"))
                }
            }
            return out.joined(separator: "\n")
        }

        /// Leeches listed in the text report; `--json` lists every one.
        static let leechLines = 20

        static func line(_ h: StudyStatistics.HardCard, charts: Charts) -> String {
            let head = String(
                format: "  EF %d.%02d  %2d %@  ", h.easiness / 100, h.easiness % 100, h.lapses, h.lapses == 1 ? "lapse " : "lapses")
            let room = 80 - head.count
            let q = Sanitizer.plain(h.question)
            let ellipsis = charts.ascii ? "..." : "…"
            return head + (q.count > room ? String(q.prefix(room - ellipsis.count)) + ellipsis : q)
        }

        /// The day's first answers, and its re-drills apart: "12 reviews (3 re-drills)".
        static func todayReviews(_ t: StudyStatistics.Today) -> String {
            let reviews = "\(t.reviews) review\(t.reviews == 1 ? "" : "s")"
            return t.redrills == 0 ? reviews : reviews + " (\(t.redrills) re-drill\(t.redrills == 1 ? "" : "s"))"
        }

        /// The first lines of the report, today and the streak, for `:stats` in a session.
        static func todayLines(_ s: StudyStatistics) -> [String] {
            let t = s.today
            return [
                "today: \(todayReviews(t)), \(t.reviews == 0 ? "—" : percent(Double(t.correct) / Double(t.reviews))) correct, \(t.new) new, \(t.due) still due, \(t.seconds / 60) min \(t.seconds % 60) s",
                "streak: \(s.streak.current) day\(s.streak.current == 1 ? "" : "s") (longest \(s.streak.longest))",
            ]
        }
    }
}
