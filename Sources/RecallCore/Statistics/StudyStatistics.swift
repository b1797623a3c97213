/// Every figure of `recall stats`, computed from the review log and the card states; nothing
/// here is stored, so nothing can drift from the log.
public struct StudyStatistics: Equatable, Sendable {
    /// Today's work.
    public struct Today: Equatable, Sendable {
        /// Reviews given today, re-drills included.
        public var reviews: Int
        /// Of those, how many were graded 3 or more.
        public var correct: Int
        /// Cards seen for the first time today.
        public var new: Int
        /// Cards still due today.
        public var due: Int
        /// Seconds spent answering today.
        public var seconds: Int
    }

    /// Consecutive study days.
    public struct Streak: Equatable, Sendable {
        /// Up to today (or yesterday, while today has no review yet).
        public var current: Int
        /// The longest ever.
        public var longest: Int
    }

    /// True retention: the share of first reviews of the day, of cards reviewed before, graded 3+.
    public struct Retention: Equatable, Sendable {
        public var last7: Double?
        public var last30: Double?
        public var all: Double?
        /// All time, by card kind.
        public var byKind: [String: Double]
    }

    /// How many cards are in each stage.
    public struct Cards: Equatable, Sendable {
        public var total = 0, new = 0, learning = 0, young = 0, mature = 0, suspended = 0
    }

    /// A card that is hard to keep.
    public struct HardCard: Equatable, Sendable {
        public var id: String
        public var question: String
        public var easiness: Int
        public var lapses: Int
    }

    public var today: Today
    public var streak: Streak
    public var retention: Retention
    public var cards: Cards
    /// The mean E-Factor of cards reviewed at least once, or nil.
    public var averageEasiness: Double?
    /// Cards due on each coming day, overdue cards counted today.
    public var forecast: [(day: Day, due: Int)]
    /// Reviews on each past day, oldest first, ending today.
    public var history: [(day: Day, reviews: Int)]
    /// Reviews on each of the last 16 weeks' days, oldest first, ending today.
    public var heatmap: [(day: Day, reviews: Int)]
    /// Lowest E-Factor first.
    public var hardest: [HardCard]
    /// Most lapses first.
    public var mostLapsed: [HardCard]
    /// Cards failed `leechThreshold` times or more.
    public var leeches: [HardCard]
    /// Whether any review has been given at all.
    public var hasReviews: Bool

    /// Failures that make a card a leech.
    public static let leechThreshold = 8

    public static func == (a: StudyStatistics, b: StudyStatistics) -> Bool {
        a.today == b.today && a.streak == b.streak && a.retention == b.retention && a.cards == b.cards
            && a.averageEasiness == b.averageEasiness && a.forecast.map(\.due) == b.forecast.map(\.due)
            && a.history.map(\.reviews) == b.history.map(\.reviews) && a.hardest == b.hardest && a.leeches == b.leeches
    }
}

extension StudyStatistics {
    /// One deck's part of the input: its cards, their states and its log.
    public struct DeckData: Sendable {
        public var cards: [Card]
        public var states: CardStates
        public var reviews: [ReviewDigest]

        /// From the log's digests (see ``JSONProgressStore/reviewDigests()``).
        public init(cards: [Card], states: CardStates, reviews: [ReviewDigest]) {
            self.cards = cards
            self.states = states
            self.reviews = reviews
        }

        /// From full events.
        public init(cards: [Card], states: CardStates, events: [ProgressEvent]) {
            self.init(cards: cards, states: states, reviews: ReviewDigest.digests(events))
        }
    }

    /// The reviews in force: an undo takes back the latest review still in force.
    static func reviewsInForce(_ digests: [ReviewDigest]) -> [ReviewDigest] {
        var stack: [ReviewDigest] = []
        stack.reserveCapacity(digests.count)
        for d in digests {
            if d.isUndo { _ = stack.popLast() } else { stack.append(d) }
        }
        return stack
    }

    /// Computes every figure.
    /// - Parameters:
    ///   - decks: the decks with their states and logs.
    ///   - today: the study day.
    ///   - historyDays: how many past days the history covers (today included).
    ///   - forecastDays: how many coming days the forecast covers (today included).
    public static func compute(_ decks: [DeckData], today: Day, historyDays: Int = 30, forecastDays: Int = 14) -> StudyStatistics {
        let todayOrdinal = Int32(truncatingIfNeeded: today.ordinal)
        var t = Today(reviews: 0, correct: 0, new: 0, due: 0, seconds: 0)
        var perDay: [Int: Int] = [:]
        var milliseconds = 0
        // Retention counters: (graded 3+, all) overall, in the windows, and by kind.
        var all = (good: 0, count: 0), last7 = (good: 0, count: 0), last30 = (good: 0, count: 0)
        var kindCounts: [String: (good: Int, count: Int)] = [:]
        var inForce: [[ReviewDigest]] = []
        var any = false

        for deck in decks {
            var kindOf: [String: String] = [:]
            kindOf.reserveCapacity(deck.cards.count)
            for card in deck.cards { kindOf[card.id] = card.kind }
            let reviews = reviewsInForce(deck.reviews)
            inForce.append(reviews)
            var dayCounts: [Int32: Int] = [:]
            for r in reviews {
                any = true
                dayCounts[r.day, default: 0] += 1
                if r.day == todayOrdinal {
                    t.reviews += 1
                    if r.grade >= 3 { t.correct += 1 }
                    if !r.redrill && r.firstSight { t.new += 1 }
                    milliseconds += Int(r.responseMs)
                }
                guard !r.redrill && !r.firstSight else { continue }
                let good = r.grade >= 3 ? 1 : 0
                all.good += good; all.count += 1
                let age = todayOrdinal - r.day
                if age >= 0 && age < 7 { last7.good += good; last7.count += 1 }
                if age >= 0 && age < 30 { last30.good += good; last30.count += 1 }
                if let kind = kindOf[r.card] {
                    let c = kindCounts[kind] ?? (0, 0)
                    kindCounts[kind] = (c.good + good, c.count + 1)
                }
            }
            for (day, n) in dayCounts { perDay[Int(day), default: 0] += n }
        }
        t.seconds = milliseconds / 1000

        // Cards, forecast, hardest.
        var c = Cards()
        var efSum = 0, efCount = 0
        var forecast = [Int](repeating: 0, count: max(1, forecastDays))
        var hard: [HardCard] = []
        for deck in decks {
            for card in deck.cards {
                c.total += 1
                let s = deck.states[card.id] ?? .new
                if s.suspended { c.suspended += 1; continue }
                if s.isNew { c.new += 1; continue }
                efSum += s.easiness; efCount += 1
                if s.repetitions < 2 { c.learning += 1 } else if s.interval < 21 { c.young += 1 } else { c.mature += 1 }
                if let due = s.due, !s.isBuried(on: today) {
                    let offset = max(0, due.days(since: today))
                    if offset < forecast.count { forecast[offset] += 1 }
                    if due <= today { t.due += 1 }
                }
                hard.append(HardCard(id: card.id, question: card.question, easiness: s.easiness, lapses: s.lapses))
            }
        }

        func share(_ x: (good: Int, count: Int)) -> Double? { x.count == 0 ? nil : Double(x.good) / Double(x.count) }
        let retention = Retention(last7: share(last7), last30: share(last30), all: share(all),
                                  byKind: kindCounts.compactMapValues { share($0) })
        let history = (0..<max(1, historyDays)).reversed().map { back in
            (day: today.adding(-back), reviews: perDay[today.adding(-back).ordinal] ?? 0)
        }
        let heatmap = (0..<112).reversed().map { back in (day: today.adding(-back), reviews: perDay[today.adding(-back).ordinal] ?? 0) }
        let byEase = hard.sorted { ($0.easiness, -$0.lapses, $0.id) < ($1.easiness, -$1.lapses, $1.id) }
        let byLapses = hard.filter { $0.lapses > 0 }.sorted { (-$0.lapses, $0.easiness, $0.id) < (-$1.lapses, $1.easiness, $1.id) }

        return StudyStatistics(
            today: t,
            streak: streak(inForce, perDay: perDay, today: today),
            retention: retention,
            cards: c,
            averageEasiness: efCount == 0 ? nil : Double(efSum) / Double(efCount) / 100,
            forecast: forecast.enumerated().map { (today.adding($0.offset), $0.element) },
            history: history,
            heatmap: heatmap,
            hardest: Array(byEase.prefix(5)),
            mostLapsed: Array(byLapses.prefix(5)),
            leeches: byLapses.filter { $0.lapses >= leechThreshold }.sorted { (-$0.lapses, $0.id) < (-$1.lapses, $1.id) },
            hasReviews: any
        )
    }

    /// Streaks of study days. A day without reviews breaks a streak only if some card was due
    /// that day; today, not over yet, never breaks one. Each deck's log is in time order.
    static func streak(_ decks: [[ReviewDigest]], perDay: [Int: Int], today: Day) -> Streak {
        guard let first = perDay.keys.min() else { return Streak(current: 0, longest: 0) }
        let start = first, end = max(today.ordinal, perDay.keys.max() ?? first)
        // Cards due on each day: from a review's due date until the card's next review.
        var change = [Int](repeating: 0, count: end - start + 2)
        for reviews in decks {
            var lastDue: [String: Int] = [:]
            for r in reviews {
                let day = Int(r.day)
                if let open = lastDue[r.card], open <= day {
                    change[open - start] += 1
                    change[day - start] -= 1
                }
                lastDue[r.card] = r.afterDue == Int32.min ? nil : max(Int(r.afterDue), start)
            }
            for (_, open) in lastDue where open <= end {
                change[open - start] += 1
                change[end - start + 1] -= 1
            }
        }
        var dueOn = [Int](repeating: 0, count: end - start + 1)
        var running = 0
        for i in 0...(end - start) { running += change[i]; dueOn[i] = running }

        var longest = 0, run = 0
        for day in start...end {
            if (perDay[day] ?? 0) > 0 { run += 1; longest = max(longest, run) }
            else if dueOn[day - start] > 0 && day != today.ordinal { run = 0 }
        }
        var current = 0
        var day = today.ordinal
        while day >= start {
            if (perDay[day] ?? 0) > 0 { current += 1 }
            else if dueOn[day - start] > 0 && day != today.ordinal { break }
            day -= 1
        }
        return Streak(current: current, longest: longest)
    }
}
