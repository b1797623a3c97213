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
    /// What can be taken back: a grade, or a card set aside (buried or suspended).
    public enum Step: Sendable {
        /// A grade given to the card.
        case graded(CardRef, Review)
        /// The card set aside by `action` ("bury", "suspend"), and its state before.
        case setAside(CardRef, action: String, before: CardState)
    }

    /// Everything done this session that ``undo()`` can take back, newest last.
    public private(set) var steps: [Step] = []

    /// The grades given this session, newest last.
    public var history: [(card: CardRef, review: Review)] {
        steps.compactMap { if case let .graded(card, review) = $0 { return (card, review) } else { return nil } }
    }
    /// The card being shown, if any.
    public private(set) var current: CardRef?
    /// How long the current card had waited as a re-drill, when it is one: an undo puts it
    /// back among the re-drills.
    private var currentRedrillWait: Int?
    /// Grades given, re-drills included.
    public private(set) var reviewedCount = 0
    /// Grades given to cards already graded today.
    public private(set) var redrillCount = 0

    /// Starts a session over cards in the order to show them, after `redrills` (cards an
    /// earlier sitting today left to re-drill).
    public init(cards: [CardRef], redrills: [CardRef] = []) {
        self.pending = cards
        self.redrills = redrills.map { ($0, 0) }
    }

    /// Cards left, including re-drills.
    public var remaining: Int { pending.count + redrills.count + (current == nil ? 0 : 1) }

    /// Moves to the next card and returns it, or nil when the session is done.
    public mutating func next() -> CardRef? {
        if let current { return current }
        currentRedrillWait = nil
        if let index = redrills.firstIndex(where: { $0.wait <= 0 }) ?? (pending.isEmpty && !redrills.isEmpty ? 0 : nil) {
            let (card, wait) = redrills.remove(at: index)
            current = card
            currentRedrillWait = wait
        } else if !pending.isEmpty {
            current = pending.removeFirst()
        }
        return current
    }

    /// Takes the grade of the current card: a card graded below 4 comes back after a few other
    /// cards, or at once when nothing else is left.
    public mutating func graded(_ review: Review) {
        guard let card = current else { return }
        steps.append(.graded(card, review))
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

    /// Drops the current card from this session: it was buried or suspended by `action`, and
    /// was in state `before`.
    public mutating func setAside(action: String, before: CardState) {
        guard let card = current else { return }
        steps.append(.setAside(card, action: action, before: before))
        current = nil
    }

    /// Takes back the last step, a grade or a setting aside.
    /// - Returns: the step taken back; its card becomes the current card again.
    public mutating func undo() -> Step? {
        guard let last = steps.popLast() else { return nil }
        let card: CardRef
        switch last {
        case let .graded(graded, review):
            card = graded
            // Re-drills wait one card longer again, as before the grade; the card's own is dropped.
            for i in redrills.indices { redrills[i].wait += 1 }
            redrills.removeAll { $0.card == card }
            reviewedCount -= 1
            if review.redrill { redrillCount -= 1 }
        case let .setAside(setAside, _, _):
            card = setAside
        }
        if let current, current != card {
            // The card shown goes back where it came from: the re-drills, as due as it was.
            if let wait = currentRedrillWait {
                redrills.insert((current, wait + 1), at: 0)
            } else {
                pending.insert(current, at: 0)
            }
        }
        pending.removeAll { $0 == card }
        current = card
        currentRedrillWait = nil
        return last
    }
}
