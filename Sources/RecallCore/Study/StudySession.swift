/// One sitting's state machine: which card comes next, re-drills of cards graded below 4, skips,
/// and the undo stack. Pure: the desk (``StudyDesk``) records the events; the session only says
/// what comes when.
public struct StudySession: Sendable {
    /// How many other cards come between a failed card and its re-drill.
    public static let redrillGap = 3

    /// Cards still to show, in order.
    public private(set) var pending: [CardRef]
    /// Cards waiting to be re-drilled, each with how many cards must pass before it returns.
    public private(set) var redrills: [(card: CardRef, wait: Int)] = []
    /// Reviews given this session, newest last, for undo.
    public private(set) var history: [(card: CardRef, review: Review)] = []
    /// The card being shown, if any.
    public private(set) var current: CardRef?
    /// Grades given, re-drills included.
    public private(set) var reviewedCount = 0
    /// Grades given to cards already graded today.
    public private(set) var redrillCount = 0

    /// Starts a session over cards in the order to show them.
    public init(cards: [CardRef]) {
        self.pending = cards
    }

    /// Cards left, including re-drills.
    public var remaining: Int { pending.count + redrills.count + (current == nil ? 0 : 1) }

    /// Moves to the next card and returns it, or nil when the session is done.
    public mutating func next() -> CardRef? {
        if let current { return current }
        if let index = redrills.firstIndex(where: { $0.wait <= 0 }) {
            current = redrills.remove(at: index).card
        } else if !pending.isEmpty {
            current = pending.removeFirst()
        } else if !redrills.isEmpty {
            current = redrills.removeFirst().card
        }
        return current
    }

    /// Takes the grade of the current card: a card graded below 4 comes back after a few other
    /// cards, or at once when nothing else is left.
    public mutating func graded(_ review: Review) {
        guard let card = current else { return }
        history.append((card, review))
        reviewedCount += 1
        if review.redrill { redrillCount += 1 }
        current = nil
        for i in redrills.indices { redrills[i].wait -= 1 }
        if review.grade < 4 { redrills.append((card, Self.redrillGap)) }
    }

    /// Puts the current card back later in this session.
    public mutating func skip() {
        guard let card = current else { return }
        current = nil
        pending.append(card)
    }

    /// Drops the current card from this session (after a bury or suspend).
    public mutating func drop() {
        current = nil
    }

    /// Takes back the last grade.
    /// - Returns: the card and the review taken back; the card becomes the current card again.
    public mutating func undo() -> (card: CardRef, review: Review)? {
        guard let last = history.popLast() else { return nil }
        // Re-drills wait one card longer again, as before the grade; the card's own is dropped.
        for i in redrills.indices { redrills[i].wait += 1 }
        redrills.removeAll { $0.card == last.card }
        if let current, current != last.card { pending.insert(current, at: 0) }
        pending.removeAll { $0 == last.card }
        current = last.card
        reviewedCount -= 1
        if last.review.redrill { redrillCount -= 1 }
        return last
    }
}
