/// Today's study at one desk: the decks, their progress and the session over them. Every
/// change a learner makes (a grade, an undo, a bury, a suspension) goes through here, is
/// written to the deck's progress first and only then changes the session: an answer is
/// acknowledged only once it is saved. The REPL and the quiz only present and ask.
public final class StudyDesk {
    /// The decks studied, in order; a ``CardRef`` names a card by its deck's place here.
    public let decks: [any CardSource]
    /// Each deck's progress, in the same order.
    public let stores: [any ProgressStoring]
    /// The study day.
    public let today: Day
    /// Today's plan, as it was when the desk opened.
    public let plan: StudyPlan
    /// The sitting: what comes next, re-drills, undo.
    public private(set) var session: StudySession
    /// Each deck's card ids, read once.
    private let ids: [[String]]
    private let newCards: Set<CardRef>

    /// Opens a desk over `decks` and their `stores` (one each, in the same order).
    /// - Parameters:
    ///   - newPerDeck: new cards a day in each deck, counted across the day's sessions.
    ///   - maxReviews: at most this many due cards in the session, across decks.
    ///   - burySiblings: keep cards of one sentence or list on different days.
    public init(
        decks: [any CardSource], stores: [any ProgressStoring], today: Day, newPerDeck: Int, maxReviews: Int? = nil,
        burySiblings: Bool = true
    ) {
        precondition(decks.count == stores.count, "one progress store per deck")
        self.decks = decks
        self.stores = stores
        self.today = today
        let ids = decks.map(\.ids)
        self.ids = ids
        let inputs = decks.indices.map { d in
            StudyPlan.DeckInput(ids: ids[d], groups: burySiblings ? decks[d].groups : [], states: stores[d].states)
        }
        plan = StudyPlan(decks: inputs, today: today, newPerDeck: newPerDeck, maxReviews: maxReviews)
        // Cards an earlier sitting today graded below 4 and did not finish come back first.
        let leftOver = decks.indices.flatMap { d -> [CardRef] in
            let events = (try? stores[d].events(since: today)) ?? []
            return Self.unfinishedRedrills(events, on: today).compactMap { id in
                // Still graded today (not reset since), not set aside, and not in today's plan.
                let state = stores[d].states[id] ?? .new
                guard state.wasGraded(on: today), !state.suspended, !state.isBuried(on: today),
                    let position = ids[d].firstIndex(of: id)
                else { return nil }
                return CardRef(deck: d, position: position)
            }
        }
        let planned = Set(plan.all)
        session = StudySession(cards: plan.all, redrills: leftOver.filter { !planned.contains($0) })
        newCards = Set(plan.new)
    }

    /// The cards whose last grade on `day`, after undos, was below 4: re-drills a sitting that
    /// day left unfinished, in the order they were failed.
    static func unfinishedRedrills(_ events: [ProgressEvent], on day: Day) -> [String] {
        var grades: [String: [Int]] = [:]
        var order: [String] = []
        for event in events where event.day == day {
            switch event {
            case let .review(r):
                grades[r.card, default: []].append(r.grade)
                order.removeAll { $0 == r.card }
                order.append(r.card)
            case let .undo(card, _, _, _):
                _ = grades[card]?.popLast()
            case .set:
                break
            }
        }
        return order.filter { (grades[$0]?.last ?? 5) < 4 }
    }

    /// Why studying on `today` would be wrong, or nil when it is not: a day before the last day
    /// a card of these decks was graded (a clock set back, or `--today` in the past) would log
    /// older grades after newer ones, and SM-2 would schedule from a day already gone.
    public static func refusal(stores: [any ProgressStoring], names: [String], today: Day) -> String? {
        for (store, name) in zip(stores, names) {
            if let last = store.states.lastGradedDay, last > today {
                return "'\(name)' was last studied on \(last), after the study day \(today); grades of an earlier day would come after "
                    + "later ones. Check the clock, or give --today \(last) or later."
            }
        }
        return nil
    }

    // MARK: Reading

    /// The card's id.
    public func id(of card: CardRef) -> String { ids[card.deck][card.position] }

    /// The card's deck name.
    public func deckName(of card: CardRef) -> String { decks[card.deck].name }

    /// The card's text, read from its deck.
    /// - Throws: what reading the deck throws.
    public func card(_ card: CardRef) throws -> Card { try decks[card.deck].card(at: card.position) }

    /// The card's state now.
    public func state(of card: CardRef) -> CardState { stores[card.deck].states[id(of: card)] ?? .new }

    /// Whether a grade of the card now would be a re-drill (it was graded today already).
    public func isRedrill(_ card: CardRef) -> Bool { state(of: card).wasGraded(on: today) }

    /// Moves to the next card, or nil when the session is done.
    public func next() -> CardRef? { session.next() }

    /// New cards of today's plan still to come: not graded, buried or suspended, and not the one shown.
    public var newLeft: Int {
        newCards.filter { card in
            let s = state(of: card)
            return card != session.current && s.isNew && !s.suspended && !s.isBuried(on: today)
        }.count
    }

    // MARK: Changing

    /// Grades the current card, writing the review before the session moves on.
    /// - Returns: the review, or nil when no card is shown.
    /// - Throws: what writing the progress throws; the card is then still shown, ungraded.
    @discardableResult
    public func grade(_ grade: Int, at: Int64, responseMs: Int) throws -> Review? {
        guard let card = session.current else { return nil }
        let review = Review(grading: id(of: card), in: state(of: card), grade: grade, on: today, at: at, responseMs: responseMs)
        try stores[card.deck].append(.review(review))
        session.graded(review)
        return review
    }

    /// Grades a card chosen outside the session's order (a quiz that records its grades),
    /// writing the review; the session is left as it is.
    /// - Throws: what writing the progress throws.
    @discardableResult
    public func grade(_ card: CardRef, _ grade: Int, at: Int64, responseMs: Int) throws -> Review {
        let review = Review(grading: id(of: card), in: state(of: card), grade: grade, on: today, at: at, responseMs: responseMs)
        try stores[card.deck].append(.review(review))
        return review
    }

    /// Takes back the session's last step, writing what undoes it first: an undo of a grade, or
    /// the card's state from before it was buried or suspended. Its card is shown again.
    /// - Returns: the step taken back, or nil when there is none.
    @discardableResult
    public func undo(at: Int64) throws -> StudySession.Step? {
        guard let last = session.steps.last else { return nil }
        switch last {
        case let .graded(card, review):
            try stores[card.deck].append(.undo(card: id(of: card), at: at, day: today, restored: review.before))
        case let .setAside(card, action, before):
            try stores[card.deck].append(.set(action: "un" + action, card: id(of: card), at: at, day: today, state: before))
        }
        return session.undo()
    }

    /// Buries the current card until tomorrow and drops it from the session.
    public func bury(at: Int64) throws {
        try setAside(action: "bury", at: at) { $0.buriedUntil = today }
    }

    /// Suspends the current card until it is unsuspended, and drops it from the session.
    public func suspend(at: Int64) throws {
        try setAside(action: "suspend", at: at) { $0.suspended = true }
    }

    /// Puts the current card back at the end of the session.
    public func skip() { session.skip() }

    /// Records a change of the current card's state. A new card set aside was shown today, so it
    /// counts as introduced: a later session the same day does not give its slot to another.
    private func setAside(action: String, at: Int64, change: (inout CardState) -> Void) throws {
        guard let card = session.current else { return }
        var changed = state(of: card)
        change(&changed)
        if changed.isNew, changed.introduced == nil { changed.introduced = today }
        let before = state(of: card)
        try stores[card.deck].append(.set(action: action, card: id(of: card), at: at, day: today, state: changed))
        session.setAside(action: action, before: before)
    }

    // MARK: Looking ahead

    /// Calls `body` with every card's state, deck by deck, in deck order (new cards left out),
    /// walking each deck in step with its states (see IdIndex.numbers(of:)), not looking up an
    /// id at a time.
    private func forEachState(_ body: (CardState) -> Void) {
        for d in decks.indices {
            let states = stores[d].states
            for number in states.index.numbers(of: ids[d]) where number >= 0 { body(states.values[Int(number)]) }
        }
    }

    /// Cards due by tomorrow and within a week, suspended ones left out.
    public func upcoming() -> (tomorrow: Int, week: Int) {
        var tomorrow = 0
        var week = 0
        forEachState { s in
            guard let due = s.due, !s.suspended else { return }
            let d = due.days(since: today)
            if d <= 1 { tomorrow += 1 }
            if d <= 7 { week += 1 }
        }
        return (tomorrow, week)
    }

    /// The first day after today on which a card is due, nil when none is.
    public func nextDueDay() -> Day? {
        var next: Day?
        forEachState { s in
            if !s.suspended, let due = s.due, due > today, next.map({ due < $0 }) ?? true { next = due }
        }
        return next
    }

    /// Today's figures from the whole of every deck's log, as `recall stats` computes them.
    /// - Throws: what reading a log throws.
    public func statistics() throws -> StudyStatistics {
        let data = try decks.indices.map { try StudyStatistics.DeckData(deck: decks[$0], progress: stores[$0]) }
        return try StudyStatistics.compute(data, today: today)
    }
}
