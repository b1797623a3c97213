/// One sitting's state machine: which card comes next, re-drills of cards graded below 4, skips,
/// and the undo stack. Pure: it returns the events to record; the caller persists them.
public struct StudySession: Sendable {
    /// How many other cards come between a failed card and its re-drill.
    public static let redrillGap = 3

    /// Card ids still to show, in order.
    public private(set) var pending: [String]
    /// Cards waiting to be re-drilled, each with how many cards must pass before it returns.
    public private(set) var redrills: [(id: String, wait: Int)] = []
    /// Reviews given this session, newest last, for undo.
    public private(set) var history: [Review] = []
    /// The card being shown, if any.
    public private(set) var current: String?
    /// Counts for the header and summary.
    public private(set) var reviewedCount = 0
    public private(set) var redrillCount = 0
    public let today: Day

    /// Starts a session over a queue.
    public init(queue: DailyQueue, today: Day) {
        self.pending = queue.all
        self.today = today
    }

    /// Cards left, including re-drills.
    public var remaining: Int { pending.count + redrills.count + (current == nil ? 0 : 1) }

    /// Moves to the next card and returns its id, or nil when the session is done.
    public mutating func next() -> String? {
        if let current { return current }
        if let index = redrills.firstIndex(where: { $0.wait <= 0 }) {
            current = redrills.remove(at: index).id
        } else if !pending.isEmpty {
            current = pending.removeFirst()
        } else if !redrills.isEmpty {
            current = redrills.removeFirst().id
        }
        return current
    }

    /// Grades the current card. Only the day's first grade changes the state; a card graded
    /// below 4 comes back after a few other cards, or at once when nothing else is left.
    /// - Returns: the review to record.
    public mutating func grade(_ grade: Int, state: CardState, at: Int64, responseMs: Int) -> Review? {
        guard let id = current else { return nil }
        let redrill = state.lastReviewed == today
        let after = redrill ? state : SM2.review(state, grade: grade, on: today)
        let review = Review(card: id, at: at, day: today, grade: grade, responseMs: responseMs, redrill: redrill, before: state, after: after)
        history.append(review)
        reviewedCount += 1
        if redrill { redrillCount += 1 }
        current = nil
        for i in redrills.indices { redrills[i].wait -= 1 }
        if grade < 4 { redrills.append((id, Self.redrillGap)) }
        return review
    }

    /// Puts the current card back later in this session.
    public mutating func skip() {
        guard let id = current else { return }
        current = nil
        pending.append(id)
    }

    /// Drops the current card from this session (after a bury or suspend).
    public mutating func drop() {
        current = nil
    }

    /// Takes back the last grade.
    /// - Returns: the review taken back; its card becomes the current card again.
    public mutating func undo() -> Review? {
        guard let last = history.popLast() else { return nil }
        redrills.removeAll { $0.id == last.card }
        if let current, current != last.card { pending.insert(current, at: 0) }
        pending.removeAll { $0 == last.card }
        current = last.card
        reviewedCount -= 1
        if last.redrill { redrillCount -= 1 }
        for i in redrills.indices { redrills[i].wait += 1 }
        return last
    }
}
