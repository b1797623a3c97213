/// One line of the append-only progress log.
public enum ProgressEvent: Equatable, Sendable {
    /// A grade given to a card.
    case review(Review)
    /// The last review still in force was taken back; the card returns to `restored`.
    case undo(card: String, at: Int64, day: Day, restored: CardState)
    /// The card's state was set by a command (`suspend`, `unsuspend`, `bury`, `reset`).
    case set(action: String, card: String, at: Int64, day: Day, state: CardState)

    /// The card the event is about.
    public var card: String {
        switch self {
        case let .review(r): return r.card
        case let .undo(card, _, _, _), let .set(_, card, _, _, _): return card
        }
    }
}

/// A review as logged: enough to undo it or replay it.
public struct Review: Equatable, Sendable {
    /// The card's id.
    public var card: String
    /// Milliseconds since 1970 when the grade was given.
    public var at: Int64
    /// The study day.
    public var day: Day
    /// The grade, 0…5.
    public var grade: Int
    /// How long the answer took, in milliseconds.
    public var responseMs: Int
    /// A same-day re-drill: logged, but it changes nothing.
    public var redrill: Bool
    /// The state before the review.
    public var before: CardState
    /// The state after it (equal to `before` for a re-drill).
    public var after: CardState

    /// Makes a review.
    public init(card: String, at: Int64, day: Day, grade: Int, responseMs: Int, redrill: Bool, before: CardState, after: CardState) {
        self.card = card
        self.at = at
        self.day = day
        self.grade = grade
        self.responseMs = responseMs
        self.redrill = redrill
        self.before = before
        self.after = after
    }
}

extension Review {
    /// The review of `card`, in `state`, graded `grade` on `day`. Only the day's first grade of
    /// a card changes its schedule (SM-2 asks for one grade a day); a later one the same day is a
    /// re-drill, logged and changing nothing.
    public init(grading card: String, in state: CardState, grade: Int, on day: Day, at: Int64, responseMs: Int) {
        let redrill = state.wasGraded(on: day)
        self.init(
            card: card, at: at, day: day, grade: grade, responseMs: responseMs, redrill: redrill, before: state,
            after: redrill ? state : SM2.review(state, grade: grade, on: day))
    }
}
