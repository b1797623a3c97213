import Dispatch

/// Every figure of `recall stats`, computed from the review log and the card states; nothing
/// here is stored, so nothing can drift from the log.
public struct StudyStatistics: Equatable, Sendable {
    /// Today's work.
    public struct Today: Equatable, Sendable {
        /// The day's first answers: each card's first grade today.
        public var reviews: Int
        /// Of those, how many were graded 3 or more: the day's share correct, as the end of a
        /// session counts it.
        public var correct: Int
        /// Grades given again the same day (re-drills), counted apart: they end correct by design.
        public var redrills: Int = 0
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
        /// Card ids, in deck order.
        public var ids: [String]
        /// Card kinds, in deck order.
        public var kinds: [String]
        public var states: CardStates
        public var log: ReviewLog
        /// The questions of the cards at these deck positions, read only for the cards listed.
        public var questions: @Sendable ([Int]) throws -> [String]

        /// Makes a deck's input.
        public init(
            ids: [String], kinds: [String], states: CardStates, log: ReviewLog, questions: @escaping @Sendable ([Int]) throws -> [String]
        ) {
            self.ids = ids
            self.kinds = kinds
            self.states = states
            self.log = log
            self.questions = questions
        }

        /// A deck with what its progress holds; a deck with no progress has none.
        /// - Throws: what reading the progress's log throws.
        public init(deck: any CardSource, progress: (any ProgressStoring)?) throws {
            let ids = deck.ids
            let log = try progress?.reviewLog(deckIds: ids)
            self.init(
                ids: ids, kinds: deck.kinds, states: progress?.states ?? [:], log: log ?? ReviewLog(events: [], deckIds: ids),
                questions: { try deck.questions(at: $0) })
        }

        /// From cards in memory and full events.
        public init(cards: [Card], states: CardStates, events: [ProgressEvent]) {
            let ids = cards.map(\.id)
            self.init(
                ids: ids, kinds: cards.map(\.kind), states: states, log: ReviewLog(events: events, deckIds: ids),
                questions: { $0.map { cards[$0].question } })
        }
    }

    /// The reviews in force: an undo takes back the latest review still in force.
    static func reviewsInForce(_ digests: [ReviewDigest]) -> [ReviewDigest] {
        guard digests.contains(where: \.isUndo) else { return digests }
        var stack: [ReviewDigest] = []
        stack.reserveCapacity(digests.count)
        for d in digests {
            if d.isUndo { _ = stack.popLast() } else { stack.append(d) }
        }
        return stack
    }

    /// Reviews per day over a span of days.
    struct DayCounts {
        let first: Int
        var counts: [Int]

        init(from first: Int, through last: Int) {
            self.first = first
            counts = [Int](repeating: 0, count: max(0, last - first + 1))
        }

        subscript(day: Int) -> Int {
            get { day >= first && day - first < counts.count ? counts[day - first] : 0 }
            set { counts[day - first] = newValue }
        }
    }

    /// A card that may be among the hardest: where it is, and its figures.
    struct Candidate {
        var deck: Int, position: Int, easiness: Int, lapses: Int
    }

    /// Computes every figure: the log's and the cards' on the two cores at once.
    /// - Parameters:
    ///   - decks: the decks with their states and logs.
    ///   - today: the study day.
    ///   - historyDays: how many past days the history covers (today included).
    ///   - forecastDays: how many coming days the forecast covers (today included).
    /// - Throws: what reading the hardest cards' questions throws.
    public static func compute(_ decks: [DeckData], today: Day, historyDays: Int = 30, forecastDays: Int = 14) throws -> StudyStatistics {
        let done = DispatchGroup()
        nonisolated(unsafe) var cardsResult: Result<CardFigures, Error> = .success(CardFigures(forecast: []))
        DispatchQueue.global().async(group: done) {
            cardsResult = Result { try cardFigures(decks, today: today, forecastDays: forecastDays) }
        }
        let log = logFigures(decks, today: today)
        done.wait()
        let cards = try cardsResult.get()
        var t = log.today
        t.due = cards.due
        let history = (0..<max(1, historyDays)).reversed().map { back in
            (day: today.adding(-back), reviews: log.perDay[today.ordinal - back])
        }
        let heatmap = (0..<112).reversed().map { back in (day: today.adding(-back), reviews: log.perDay[today.ordinal - back]) }
        return StudyStatistics(
            today: t, streak: log.streak, retention: log.retention, cards: cards.cards, averageEasiness: cards.averageEasiness,
            forecast: cards.forecast.enumerated().map { (today.adding($0.offset), $0.element) },
            history: history, heatmap: heatmap, hardest: cards.hardest, mostLapsed: cards.mostLapsed, leeches: cards.leeches,
            hasReviews: log.hasReviews
        )
    }

    /// What the log tells: today's work (all but what is still due), reviews by day, retention
    /// and the streaks.
    struct LogFigures {
        var today: Today
        var perDay: DayCounts
        var retention: Retention
        var streak: Streak
        var hasReviews: Bool
    }

    static func logFigures(_ decks: [DeckData], today: Day) -> LogFigures {
        let todayOrdinal = Int32(truncatingIfNeeded: today.ordinal)
        let inForce = decks.map { reviewsInForce($0.log.reviews) }
        var firstDay = today.ordinal
        var lastDay = today.ordinal
        for reviews in inForce {
            for r in reviews {
                firstDay = min(firstDay, Int(r.day))
                lastDay = max(lastDay, Int(r.day))
            }
        }
        var perDay = DayCounts(from: firstDay, through: lastDay)
        var t = Today(reviews: 0, correct: 0, new: 0, due: 0, seconds: 0)
        var milliseconds = 0
        // Retention counters: (graded 3+, all) overall, in the windows, and by kind.
        var all = (good: 0, count: 0)
        var last7 = (good: 0, count: 0)
        var last30 = (good: 0, count: 0)
        var kindNames: [String] = []
        var kindNumbers: [String: Int32] = [:]
        var kindCounts: [(good: Int, count: Int)] = []

        for (deck, reviews) in zip(decks, inForce) {
            // The kind of each card number; cards no longer in the deck have none (-1).
            var kindOf = [Int32](repeating: -1, count: deck.log.cards.count)
            let numbers = deck.log.cards.numbers(of: deck.ids)
            for position in deck.ids.indices where numbers[position] >= 0 {
                let kind = deck.kinds[position]
                let k =
                    kindNumbers[kind]
                    ?? {
                        kindNames.append(kind)
                        kindCounts.append((0, 0))
                        kindNumbers[kind] = Int32(kindNames.count - 1)
                        return Int32(kindNames.count - 1)
                    }()
                kindOf[Int(numbers[position])] = k
            }
            for r in reviews {
                perDay[Int(r.day)] += 1
                if r.day == todayOrdinal {
                    if r.redrill {
                        t.redrills += 1
                    } else {
                        t.reviews += 1
                        if r.grade >= 3 { t.correct += 1 }
                    }
                    if !r.redrill && r.firstSight { t.new += 1 }
                    milliseconds += Int(r.responseMs)
                }
                guard !r.redrill && !r.firstSight else { continue }
                let good = r.grade >= 3 ? 1 : 0
                all.good += good
                all.count += 1
                let age = todayOrdinal - r.day
                if age >= 0 && age < 7 {
                    last7.good += good
                    last7.count += 1
                }
                if age >= 0 && age < 30 {
                    last30.good += good
                    last30.count += 1
                }
                let kind = Int(kindOf[Int(r.card)])
                if kind >= 0 {
                    kindCounts[kind].good += good
                    kindCounts[kind].count += 1
                }
            }
        }
        t.seconds = milliseconds / 1000
        func share(_ x: (good: Int, count: Int)) -> Double? { x.count == 0 ? nil : Double(x.good) / Double(x.count) }
        var byKind: [String: Double] = [:]
        for (k, name) in kindNames.enumerated() { byKind[name] = share(kindCounts[k]) }
        return LogFigures(
            today: t, perDay: perDay,
            retention: Retention(last7: share(last7), last30: share(last30), all: share(all), byKind: byKind),
            streak: streak(zip(decks, inForce).map { ($1, $0.log.cards.count) }, perDay: perDay, today: today),
            hasReviews: inForce.contains { !$0.isEmpty }
        )
    }

    /// What the cards' states tell: stages, the mean E-Factor, the forecast, what is due today
    /// and the hardest cards with their questions.
    struct CardFigures {
        var cards = Cards()
        var averageEasiness: Double?
        var forecast: [Int]
        var due = 0
        var hardest: [HardCard] = [], mostLapsed: [HardCard] = [], leeches: [HardCard] = []
    }

    static func cardFigures(_ decks: [DeckData], today: Day, forecastDays: Int) throws -> CardFigures {
        var f = CardFigures(forecast: [Int](repeating: 0, count: max(1, forecastDays)))
        var efSum = 0
        var efCount = 0
        var lowestEase: [Candidate] = []
        var mostLapses: [Candidate] = []
        var leechCards: [Candidate] = []
        let ids = decks.map(\.ids)
        func id(_ x: Candidate) -> String { ids[x.deck][x.position] }
        func easierFirst(_ a: Candidate, _ b: Candidate) -> Bool {
            (a.easiness, -a.lapses) != (b.easiness, -b.lapses) ? (a.easiness, -a.lapses) < (b.easiness, -b.lapses) : id(a) < id(b)
        }
        func lapsedFirst(_ a: Candidate, _ b: Candidate) -> Bool {
            (-a.lapses, a.easiness) != (-b.lapses, b.easiness) ? (-a.lapses, a.easiness) < (-b.lapses, b.easiness) : id(a) < id(b)
        }
        /// Keeps the first five of `list` by `order` as `x` comes along.
        func keepFive(_ list: inout [Candidate], _ x: Candidate, _ order: (Candidate, Candidate) -> Bool) {
            guard list.count < 5 || order(x, list[4]) else { return }
            list.insert(x, at: list.firstIndex { order(x, $0) } ?? list.count)
            if list.count > 5 { list.removeLast() }
        }
        for (d, deck) in decks.enumerated() {
            let numbers = deck.states.index.numbers(of: deck.ids)
            for position in deck.ids.indices {
                f.cards.total += 1
                let s = numbers[position] >= 0 ? deck.states.values[Int(numbers[position])] : .new
                if s.suspended {
                    f.cards.suspended += 1
                    continue
                }
                if s.isNew {
                    f.cards.new += 1
                    continue
                }
                efSum += s.easiness
                efCount += 1
                if s.repetitions < 2 { f.cards.learning += 1 } else if s.interval < 21 { f.cards.young += 1 } else { f.cards.mature += 1 }
                if let due = s.due, !s.isBuried(on: today) {
                    let offset = max(0, due.days(since: today))
                    if offset < f.forecast.count { f.forecast[offset] += 1 }
                    if s.isDue(on: today) { f.due += 1 }
                }
                let x = Candidate(deck: d, position: position, easiness: s.easiness, lapses: s.lapses)
                // Hard: failed at least once, or its E-Factor fell below a new card's.
                if s.easiness < CardState.new.easiness || s.lapses > 0 { keepFive(&lowestEase, x, easierFirst) }
                if s.lapses > 0 { keepFive(&mostLapses, x, lapsedFirst) }
                if s.lapses >= leechThreshold { leechCards.append(x) }
            }
        }
        leechCards.sort { a, b in a.lapses != b.lapses ? a.lapses > b.lapses : id(a) < id(b) }
        f.averageEasiness = efCount == 0 ? nil : Double(efSum) / Double(efCount) / 100

        // The questions, read once per deck for every card listed.
        var questions: [[Int: String]] = Array(repeating: [:], count: decks.count)
        for d in decks.indices {
            let positions = Array(Set((lowestEase + mostLapses + leechCards).filter { $0.deck == d }.map(\.position))).sorted()
            guard !positions.isEmpty else { continue }
            questions[d] = Dictionary(uniqueKeysWithValues: zip(positions, try decks[d].questions(positions)))
        }
        func hard(_ x: Candidate) -> HardCard {
            HardCard(id: id(x), question: questions[x.deck][x.position] ?? "", easiness: x.easiness, lapses: x.lapses)
        }
        f.hardest = lowestEase.map(hard)
        f.mostLapsed = mostLapses.map(hard)
        f.leeches = leechCards.map(hard)
        return f
    }

    /// Streaks of study days. A day without reviews breaks a streak only if some card was due
    /// that day; today, not over yet, never breaks one. Each deck's log is in time order.
    static func streak(_ decks: [(reviews: [ReviewDigest], cards: Int)], perDay: DayCounts, today: Day) -> Streak {
        guard decks.contains(where: { !$0.reviews.isEmpty }) else { return Streak(current: 0, longest: 0) }
        let start = perDay.first
        let end = perDay.first + perDay.counts.count - 1
        // Cards due on each day: from a review's due date until the card's next review.
        var change = [Int](repeating: 0, count: end - start + 2)
        let none = Int.min
        for (reviews, cards) in decks {
            var lastDue = [Int](repeating: none, count: cards)
            for r in reviews {
                let day = Int(r.day)
                let card = Int(r.card)
                let open = lastDue[card]
                if open != none, open <= day {
                    change[open - start] += 1
                    change[day - start] -= 1
                }
                lastDue[card] = r.afterDue == Int32.min ? none : max(Int(r.afterDue), start)
            }
            for open in lastDue where open != none && open <= end {
                change[open - start] += 1
                change[end - start + 1] -= 1
            }
        }
        var dueOn = [Int](repeating: 0, count: end - start + 1)
        var running = 0
        for i in 0...(end - start) {
            running += change[i]
            dueOn[i] = running
        }

        var longest = 0
        var run = 0
        for day in start...end {
            if perDay[day] > 0 {
                run += 1
                longest = max(longest, run)
            } else if dueOn[day - start] > 0 && day != today.ordinal {
                run = 0
            }
        }
        var current = 0
        var day = today.ordinal
        while day >= start {
            if perDay[day] > 0 { current += 1 } else if dueOn[day - start] > 0 && day != today.ordinal { break }
            day -= 1
        }
        return Streak(current: current, longest: longest)
    }
}
