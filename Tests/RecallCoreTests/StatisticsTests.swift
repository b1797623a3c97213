import Testing

@testable import RecallCore

/// Every figure on a review log whose answers are worked out by hand (see the comments).
@Suite struct StatisticsTests {
    static func day(_ text: String) -> Day { Day(text) ?? Day(ordinal: 0) }

    static func state(reps: Int = 0, ef: Int = 250, interval: Int = 0, due: String?, lapses: Int = 0, suspended: Bool = false) -> CardState
    {
        CardState(
            repetitions: reps, easiness: ef, interval: interval, due: due.map(day), lapses: lapses, reviews: 1,
            suspended: suspended, buriedUntil: nil, introduced: nil, lastReviewed: nil)
    }

    static func review(_ d: String, _ card: String, _ grade: Int, new: Bool = false, redrill: Bool = false, due: String, ms: Int = 1000)
        -> ProgressEvent
    {
        var before = CardState.new
        if !new { before = state(reps: 1, interval: 1, due: d) }
        var after = before
        after.due = day(due)
        return .review(Review(card: card, at: 0, day: day(d), grade: grade, responseMs: ms, redrill: redrill, before: before, after: after))
    }

    static let cards = [
        Card(id: "d1", kind: "date", question: "Q d1?", answer: "a"), Card(id: "s1", kind: "session", question: "Q s1?", answer: "a"),
        Card(id: "t1", kind: "directive", question: "Q t1?", answer: "a"),
        Card(id: "t2", kind: "directive", question: "Q t2?", answer: "a"),
        Card(id: "n1", kind: "date", question: "Q n1?", answer: "a"), Card(id: "n2", kind: "date", question: "Q n2?", answer: "a"),
        Card(id: "x", kind: "date", question: "Q x?", answer: "a"),
    ]

    static let events: [ProgressEvent] = [
        review("2026-03-01", "d1", 5, new: true, due: "2026-03-02"),
        review("2026-03-01", "s1", 4, new: true, due: "2026-03-02"),
        review("2026-03-02", "d1", 4, due: "2026-03-08"),  // retained, date
        review("2026-03-02", "s1", 2, due: "2026-03-03"),  // lapse, session
        review("2026-03-02", "s1", 4, redrill: true, due: "2026-03-03"),  // re-drill: not counted
        review("2026-03-03", "s1", 5, due: "2026-03-09"),  // retained, session
        // 03-04 … 03-07: nothing due, so the streak goes on.
        review("2026-03-08", "d1", 1, due: "2026-03-09"),  // lapse, date
        review("2026-03-08", "t1", 3, new: true, due: "2026-03-09"),
        // 03-09: three cards due and no review: the streak breaks.
        review("2026-03-10", "t1", 5, due: "2026-03-16", ms: 4000),  // retained, directive
        review("2026-03-10", "d1", 0, due: "2026-03-11", ms: 6000),  // lapse, date
        review("2026-03-10", "d1", 5, redrill: true, due: "2026-03-11", ms: 2000),
        .undo(card: "d1", at: 0, day: day("2026-03-10"), restored: .new),  // takes back the re-drill
        review("2026-03-10", "n2", 4, new: true, due: "2026-03-11", ms: 3000),
    ]

    static let states: CardStates = [
        "d1": state(ef: 170, interval: 1, due: "2026-03-11", lapses: 2),
        "s1": state(reps: 2, ef: 236, interval: 6, due: "2026-03-09", lapses: 1),
        "t1": state(reps: 2, ef: 250, interval: 6, due: "2026-03-16"),
        "t2": state(reps: 5, ef: 130, interval: 30, due: "2026-03-20", lapses: 9),
        "n2": state(reps: 1, ef: 250, interval: 1, due: "2026-03-11"),
        "x": state(reps: 3, ef: 250, interval: 10, due: "2026-03-12", suspended: true),
    ]

    let stats: StudyStatistics

    init() throws {
        stats = try StudyStatistics.compute(
            [.init(cards: Self.cards, states: Self.states, events: Self.events)], today: Self.day("2026-03-10"))
    }

    @Test func today() {
        // 03-10 in force: t1 (5), d1 (0), n2 (4, new); the re-drill was undone.
        #expect(stats.today == .init(reviews: 3, correct: 2, new: 1, due: 1, seconds: 13))
    }

    @Test func reDrillsAreCountedApartFromTheDaysFirstAnswers() throws {
        let day = Self.day("2026-03-10")
        let cards = [Card(id: "a", kind: "k", question: "q?", answer: "a"), Card(id: "b", kind: "k", question: "q?", answer: "b")]
        let failed = Review(grading: "a", in: .new, grade: 1, on: day, at: 0, responseMs: 1000)
        let again = Review(grading: "a", in: failed.after, grade: 5, on: day, at: 0, responseMs: 1000)
        let other = Review(grading: "b", in: .new, grade: 4, on: day, at: 0, responseMs: 1000)
        #expect(again.redrill)
        let stats = try StudyStatistics.compute(
            [
                .init(
                    cards: cards, states: ["a": again.after, "b": other.after], events: [.review(failed), .review(again), .review(other)])
            ],
            today: day)
        // The session's summary says 1 of 2 first answers correct; so does this.
        #expect(stats.today.reviews == 2 && stats.today.correct == 1 && stats.today.redrills == 1 && stats.today.seconds == 3)
    }

    @Test func streakAcrossAGapWithNothingDue() {
        // 03-01, 02, 03 and 08 (03-04…07 had nothing due) = 4; 03-09 breaks it; 03-10 = 1.
        #expect(stats.streak == .init(current: 1, longest: 4))
    }

    @Test func retentionOverallAndByKind() {
        // Known-card first reviews: d1 4 ✓, s1 2 ✗, s1 5 ✓, d1 1 ✗, t1 5 ✓, d1 0 ✗.
        #expect(stats.retention.all == 0.5)
        #expect(stats.retention.last30 == 0.5)
        #expect(stats.retention.last7 == 1.0 / 3)  // 03-04…03-10: d1 1 ✗, t1 5 ✓, d1 0 ✗
        #expect(stats.retention.byKind == ["date": 1.0 / 3, "session": 0.5, "directive": 1.0])
    }

    @Test func cardStagesAndAverageEasiness() {
        #expect(stats.cards == .init(total: 7, new: 1, learning: 2, young: 2, mature: 1, suspended: 1))
        // (170 + 236 + 250 + 130 + 250) / 5
        #expect(abs((stats.averageEasiness ?? 0) - 2.072) < 0.000_001)
    }

    @Test func forecastCountsOverdueCardsToday() {
        var expected = [Int](repeating: 0, count: 14)
        expected[0] = 1  // s1, overdue since 03-09
        expected[1] = 2  // d1, n2
        expected[6] = 1  // t1
        expected[10] = 1  // t2; x is suspended
        #expect(stats.forecast.map(\.due) == expected)
        #expect(stats.forecast.first?.day == Self.day("2026-03-10"))
    }

    @Test func historyAndHeatmap() {
        let byDay = Dictionary(uniqueKeysWithValues: stats.history.map { ($0.day.description, $0.reviews) })
        #expect(byDay["2026-03-01"] == 2 && byDay["2026-03-02"] == 3 && byDay["2026-03-03"] == 1)
        #expect(byDay["2026-03-08"] == 2 && byDay["2026-03-10"] == 3 && byDay["2026-03-09"] == 0)
        #expect(stats.history.count == 30 && stats.history.last?.day == Self.day("2026-03-10"))
        #expect(stats.heatmap.count == 112)
    }

    @Test func hardestCardsAndLeechThreshold() throws {
        #expect(stats.hardest.map(\.id) == ["t2", "d1", "s1"], "n2 and t1, at EF 2.50 and never failed, are not hard")
        #expect(stats.leeches.map(\.id) == ["t2"])
        var almost = Self.states
        almost["t2"]?.lapses = 7
        let below = try StudyStatistics.compute(
            [.init(cards: Self.cards, states: almost, events: Self.events)], today: Self.day("2026-03-10"))
        #expect(below.leeches.isEmpty)
    }

    @Test func hardestCardsAndLeechesAgreeWithAPlainSort() throws {
        var rng = SplitMix64(seed: 7)
        let cards = (0..<300).map { Card(id: "k\($0 * 37 % 300)", kind: "date", question: "Q\($0)", answer: "a") }
        var states = CardStates()
        for card in cards.dropFirst(20) {
            // A narrow range of E-Factors and lapses, so that ties are broken by the id.
            states[card.id] = CardState(
                repetitions: 1, easiness: Int.random(in: 130...134, using: &rng), interval: 1, due: Self.day("2026-03-11"),
                lapses: Int.random(in: 0...10, using: &rng), reviews: 3, suspended: Int.random(in: 0..<10, using: &rng) == 0,
                buriedUntil: nil, introduced: nil, lastReviewed: nil)
        }
        let figures = try StudyStatistics.compute([.init(cards: cards, states: states, events: [])], today: Self.day("2026-03-10"))
        let known = cards.compactMap { card in states[card.id].map { (card: card, state: $0) } }.filter { !$0.state.suspended }
        let byEase = known.sorted { ($0.state.easiness, -$0.state.lapses, $0.card.id) < ($1.state.easiness, -$1.state.lapses, $1.card.id) }
        let byLapses = known.filter { $0.state.lapses > 0 }
            .sorted { (-$0.state.lapses, $0.state.easiness, $0.card.id) < (-$1.state.lapses, $1.state.easiness, $1.card.id) }
        let leeches = known.filter { $0.state.lapses >= 8 }.sorted { (-$0.state.lapses, $0.card.id) < (-$1.state.lapses, $1.card.id) }
        #expect(figures.hardest.map(\.id) == byEase.prefix(5).map(\.card.id))
        #expect(figures.mostLapsed.map(\.id) == byLapses.prefix(5).map(\.card.id))
        #expect(figures.leeches.map(\.id) == leeches.map(\.card.id))
        #expect(figures.leeches.map(\.question) == leeches.map(\.card.question))
        #expect(leeches.count > 20)
    }

    @Test func cardsNeverFailedAndAtANewCardsEFactorOrAboveAreNotHard() throws {
        var states = CardStates()
        for (i, card) in Self.cards.enumerated() {
            states[card.id] = CardState(
                repetitions: 2, easiness: i == 0 ? 236 : 260, interval: 6, due: Self.day("2026-03-12"), lapses: 0, reviews: 2,
                suspended: false, buriedUntil: nil, introduced: nil, lastReviewed: nil)
        }
        let figures = try StudyStatistics.compute([.init(cards: Self.cards, states: states, events: [])], today: Self.day("2026-03-10"))
        #expect(figures.hardest.map(\.id) == [Self.cards[0].id], "only the card whose E-Factor fell")
    }

    @Test func nothingYet() throws {
        let empty = try StudyStatistics.compute([.init(cards: Self.cards, states: [:], events: [])], today: Self.day("2026-03-10"))
        #expect(!empty.hasReviews)
        #expect(empty.streak == .init(current: 0, longest: 0))
        #expect(empty.retention.all == nil)
        #expect(empty.cards.new == 7)
    }
}
