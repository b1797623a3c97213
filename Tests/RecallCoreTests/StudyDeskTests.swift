import RecallTestSupport
import Testing

@testable import RecallCore

/// The day's plan across decks, the session's order and the desk that records every change.
@Suite struct StudyDeskTests {
    let day = Day(ordinal: 20_500)

    func deck(_ name: String, _ count: Int, groups: [String?] = []) -> Deck {
        Deck(
            name: name, title: name,
            cards: (0..<count).map { k in
                Card(id: "\(name)\(k)", kind: "k", question: "q \(name)\(k)?", answer: "a", group: k < groups.count ? groups[k] : nil)
            })
    }

    func due(_ daysAgo: Int) -> CardState {
        var s = CardState.new
        s.repetitions = 2
        s.interval = 6
        s.due = day.adding(-daysAgo)
        s.introduced = day.adding(-30)
        s.lastReviewed = day.adding(-daysAgo - 6)
        return s
    }

    @Test func queueOrdersOverdueFirstThenNewUpToTheLimit() {
        let cards = (1...6).map { Card(id: "c\($0)", kind: "k", question: "q\($0)", answer: "a") }
        var states = CardStates()
        var due = CardState.new
        due.due = day.adding(-1)
        due.introduced = day.adding(-5)
        var older = due
        older.due = day.adding(-3)
        var later = due
        later.due = day.adding(2)
        var suspended = due
        suspended.suspended = true
        states["c2"] = due
        states["c3"] = older
        states["c4"] = later
        states["c5"] = suspended
        let queue = DailyQueue.build(cards: cards, states: states, today: day, newLimit: 1)
        #expect(queue.due == ["c3", "c2"])
        #expect(queue.new == ["c1"])
    }

    @Test func dueCardsComeMostOverdueFirstAcrossDecks() {
        let a = deck("a", 3)
        let b = deck("b", 3)
        let plan = StudyPlan(
            decks: [
                .init(ids: a.ids, groups: [], states: ["a0": due(1), "a1": due(5), "a2": due(3)]),
                .init(ids: b.ids, groups: [], states: ["b0": due(4), "b1": due(3), "b2": due(9)]),
            ], today: day, newPerDeck: 0)
        // b2 (9 days), a1 (5), b0 (4), then a2 and b1 both 3 days over: deck order; a0 last.
        #expect(
            plan.due == [
                CardRef(deck: 1, position: 2), CardRef(deck: 0, position: 1), CardRef(deck: 1, position: 0),
                CardRef(deck: 0, position: 2), CardRef(deck: 1, position: 1), CardRef(deck: 0, position: 0),
            ])
    }

    @Test func maxReviewsCapsTheWholeSessionAndNewCardsComeFromEachDeck() {
        let a = deck("a", 4)
        let b = deck("b", 4)
        let plan = StudyPlan(
            decks: [
                .init(ids: a.ids, groups: [], states: ["a0": due(2), "a1": due(1)]),
                .init(ids: b.ids, groups: [], states: ["b0": due(7)]),
            ], today: day, newPerDeck: 2, maxReviews: 2)
        #expect(plan.due == [CardRef(deck: 1, position: 0), CardRef(deck: 0, position: 0)], "the two most overdue of all decks")
        #expect(plan.beyondLimit == 1)
        #expect(
            plan.new == [
                CardRef(deck: 0, position: 2), CardRef(deck: 0, position: 3), CardRef(deck: 1, position: 1), CardRef(deck: 1, position: 2),
            ],
            "up to two new cards of each deck, deck after deck")
    }

    @Test func siblingsComeApartEachGroupsFirstCardFirst() {
        #expect(DailyQueue.siblingsApart(["a", "a", nil, "b", "a", "b", nil]) == [0, 2, 3, 6, 1, 5, 4])
        #expect(DailyQueue.siblingsApart([]) == [])
    }

    @Test func cardsBeyondTheLimitAreThoseTheLimitLeavesOut() {
        let a = deck("a", 8)
        let states: CardStates = ["a0": due(1), "a1": due(2), "a2": due(3), "a3": due(4), "a4": due(5)]
        for (max, beyond) in [(nil, 0), (200, 0), (5, 0), (3, 2), (1, 4)] as [(Int?, Int)] {
            let plan = StudyPlan(decks: [.init(ids: a.ids, groups: [], states: states)], today: day, newPerDeck: 0, maxReviews: max)
            #expect(plan.beyondLimit == beyond, "--max \(max.map(String.init) ?? "none"): \(plan.beyondLimit)")
            #expect(plan.due.count == 5 - beyond)
        }
    }

    @Test func newCardsIntroducedTodayCountAgainstTheirOwnDeckOnly() {
        var introduced = CardState.new
        introduced.introduced = day
        introduced.lastReviewed = day
        introduced.due = day.adding(1)
        introduced.repetitions = 1
        let a = deck("a", 4)
        let b = deck("b", 4)
        let plan = StudyPlan(
            decks: [
                .init(ids: a.ids, groups: [], states: ["a0": introduced, "a1": introduced]),
                .init(ids: b.ids, groups: [], states: [:]),
            ], today: day, newPerDeck: 2)
        #expect(plan.new == [CardRef(deck: 1, position: 0), CardRef(deck: 1, position: 1)])
    }

    @Test func aRedrillComesBackAfterThreeOthersUntilGradedFour() throws {
        let d = deck("a", 5)
        let store = InMemoryProgressStore()
        let desk = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 10)
        var order: [String] = []
        var gradedA = 0
        while let card = desk.next() {
            let id = desk.id(of: card)
            order.append(id)
            let grade = id == "a0" ? [2, 3, 5][gradedA] : 5
            if id == "a0" { gradedA += 1 }
            let review = try #require(try desk.grade(grade, at: 0, responseMs: 0))
            #expect(review.redrill == (id == "a0" && gradedA > 1), "only the day's first grade of a card schedules it")
        }
        #expect(order == ["a0", "a1", "a2", "a3", "a0", "a4", "a0"])
        #expect(store.events.count == 7)
        #expect(desk.session.redrillCount == 2 && desk.session.reviewedCount == 7)
    }

    @Test func everyChangeIsWrittenBeforeTheSessionMovesOn() throws {
        let d = deck("a", 3)
        let store = InMemoryProgressStore()
        let desk = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 3)
        let first = try #require(desk.next())
        store.failure = CocoaLikeError()
        #expect(throws: CocoaLikeError.self) { try desk.grade(4, at: 1, responseMs: 10) }
        #expect(desk.session.current == first && desk.session.reviewedCount == 0, "an unsaved grade is not taken")
        #expect(desk.state(of: first).isNew)
        store.failure = nil
        try desk.grade(4, at: 1, responseMs: 10)
        #expect(store.events.count == 1 && !desk.state(of: first).isNew)
    }

    @Test func undoBuryAndSuspendRecordTheirEventsAndMoveTheSession() throws {
        let d = deck("a", 4)
        let store = InMemoryProgressStore()
        let desk = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 4)
        let a0 = try #require(desk.next())
        try desk.grade(5, at: 1, responseMs: 10)
        #expect(desk.newLeft == 3)
        guard case let .graded(_, taken)? = try desk.undo(at: 2) else {
            Issue.record("the grade is the step taken back")
            return
        }
        #expect(taken.card == "a0" && desk.session.current == a0 && desk.state(of: a0).isNew && desk.newLeft == 3)
        guard case .undo(card: "a0", at: 2, day: day, restored: .new) = store.events.last else {
            Issue.record("the undo is logged with the state it restores: \(String(describing: store.events.last))")
            return
        }
        try desk.bury(at: 3)
        #expect(store.states["a0"]?.buriedUntil == day && desk.session.current == nil)
        #expect(desk.newLeft == 3, "a1, a2 and a3")
        _ = desk.next()
        #expect(desk.newLeft == 2, "the card shown is not left")
        try desk.suspend(at: 4)
        #expect(store.states["a1"]?.suspended == true && desk.newLeft == 2)
        #expect(store.events.count == 4)
        let a2 = try #require(desk.next())
        desk.skip()
        let a3 = CardRef(deck: 0, position: 3)
        #expect(desk.next() == a3 && desk.session.pending == [a2])

        // A suspension and a burial are taken back too, newest first, each card shown again.
        guard case .setAside(CardRef(deck: 0, position: 1), action: "suspend", _)? = try desk.undo(at: 5) else {
            Issue.record("the suspension is the step taken back")
            return
        }
        #expect(store.states["a1"]?.suspended == false && desk.session.current == CardRef(deck: 0, position: 1))
        #expect(desk.session.pending.first == a3, "the card that was shown comes next")
        guard case .set(action: "unsuspend", card: "a1", _, _, _) = store.events.last else {
            Issue.record("the unsuspension is logged: \(String(describing: store.events.last))")
            return
        }
        _ = try desk.undo(at: 6)
        #expect(store.states["a0"]?.buriedUntil == nil && desk.session.current == a0)
        guard case .set(action: "unbury", card: "a0", _, _, _) = store.events.last else {
            Issue.record("the unburial is logged")
            return
        }
        #expect(try desk.undo(at: 7) == nil, "the undone grade left nothing more to undo")
    }

    @Test func aSecondDeskTheSameDayLeavesOutWhatTheFirstBuriedAndCounted() throws {
        let d = deck("a", 6)
        let store = InMemoryProgressStore()
        let first = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 3)
        _ = first.next()
        try first.grade(5, at: 1, responseMs: 1)
        _ = first.next()
        try first.bury(at: 2)
        let second = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 3)
        #expect(second.plan.new.map { second.id(of: $0) } == ["a2"], "a0 was introduced today, a1 shown and buried: one slot is left")
    }

    @Test func undoWhileARedrillIsShownPutsItBackAmongTheRedrills() throws {
        let desk = StudyDesk(decks: [deck("a", 3)], stores: [InMemoryProgressStore()], today: day, newPerDeck: 3)
        for grade in [1, 1, 5] {
            _ = desk.next()
            try desk.grade(grade, at: 0, responseMs: 0)
        }
        #expect(desk.next().map(desk.id) == "a0" && desk.session.redrills.count == 1)
        _ = try desk.undo(at: 1)
        #expect(desk.session.current.map(desk.id) == "a2", "the last grade, of a2, is taken back")
        #expect(desk.session.redrills.map { desk.id(of: $0.card) } == ["a0", "a1"], "a0 waits again, with a1")
        #expect(desk.session.remaining == 3)
        try desk.grade(5, at: 2, responseMs: 0)
        #expect(desk.next().map(desk.id) == "a0", "and comes back as it would have")
    }

    @Test func aLaterSittingTheSameDayRedrillsWhatAnEarlierOneLeftUnfinished() throws {
        let d = deck("a", 5)
        let store = InMemoryProgressStore()
        let first = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 5)
        func show(_ id: String) throws {
            let card = try #require(first.next())
            #expect(first.id(of: card) == id)
        }
        try show("a0")
        try first.grade(1, at: 0, responseMs: 0)  // failed, then re-drilled to 5 below
        try show("a1")
        try first.grade(1, at: 0, responseMs: 0)  // failed, then buried at its re-drill
        try show("a2")
        try first.grade(1, at: 0, responseMs: 0)  // failed, the grade undone, then 4
        _ = try first.undo(at: 0)
        try first.grade(4, at: 0, responseMs: 0)
        try show("a3")
        try first.grade(5, at: 0, responseMs: 0)
        try show("a0")
        try first.grade(5, at: 0, responseMs: 0)
        try show("a1")
        try first.bury(at: 0)
        try show("a4")
        try first.grade(2, at: 0, responseMs: 0)  // failed, and the sitting ends
        let second = StudyDesk(decks: [d], stores: [store], today: day, newPerDeck: 5)
        #expect(second.session.redrills.map { second.id(of: $0.card) } == ["a4"])
        let card = try #require(second.next())
        #expect(second.id(of: card) == "a4" && second.isRedrill(card))
        let tomorrow = StudyDesk(decks: [d], stores: [store], today: day.adding(1), newPerDeck: 5)
        #expect(tomorrow.session.redrills.isEmpty, "a day's re-drills end with the day")
    }

    @Test func studyingBeforeTheLastGradedDayIsRefused() throws {
        var graded = CardState.new
        graded.lastReviewed = day.adding(2)
        let stores = [InMemoryProgressStore(["a0": .new]), InMemoryProgressStore(["b0": graded])]
        #expect(StudyDesk.refusal(stores: stores, names: ["a", "b"], today: day.adding(2)) == nil)
        let refusal = try #require(StudyDesk.refusal(stores: stores, names: ["a", "b"], today: day.adding(1)))
        #expect(refusal.hasPrefix("'b' was last studied on \(day.adding(2)), after the study day \(day.adding(1))"))
        #expect(CardStates().lastGradedDay == nil)
    }

    @Test func upcomingAndNextDueLookAtEveryDeck() throws {
        let a = deck("a", 2)
        let b = deck("b", 2)
        var soon = due(0)
        soon.due = day.adding(1)
        var later = due(0)
        later.due = day.adding(5)
        var suspended = due(0)
        suspended.due = day.adding(1)
        suspended.suspended = true
        let desk = StudyDesk(
            decks: [a, b], stores: [InMemoryProgressStore(["a0": later]), InMemoryProgressStore(["b0": soon, "b1": suspended])],
            today: day, newPerDeck: 0)
        #expect(desk.upcoming() == (tomorrow: 1, week: 2))
        #expect(desk.nextDueDay() == day.adding(1))
        #expect(desk.plan.all.isEmpty)
    }
}

/// A write failure for tests.
struct CocoaLikeError: Error {}
