/// The SM-2 state of one card, as `../shared/SM2.md` defines it, plus what the queue needs.
public struct CardState: Equatable, Hashable, Sendable {
    /// Successful repetitions (grade ≥ 3) since the card was new or last lapsed.
    public var repetitions: Int
    /// The E-Factor in hundredths (250 = 2.50).
    public var easiness: Int
    /// Days until the next review.
    public var interval: Int
    /// The day of the next review; nil while the card is new.
    public var due: Day?
    /// How many times a card that had been learned was failed (grade < 3).
    public var lapses: Int
    /// Reviews that changed the state (first grades of a day).
    public var reviews: Int
    /// Suspended cards are never shown until unsuspended.
    public var suspended: Bool
    /// A buried card is skipped until the day after this one.
    public var buriedUntil: Day?
    /// The day the card was first reviewed.
    public var introduced: Day?
    /// The last day a grade changed this state; a second grade that day is a re-drill.
    public var lastReviewed: Day?

    /// A new card's state.
    public static let new = CardState(repetitions: 0, easiness: 250, interval: 0, due: nil, lapses: 0, reviews: 0,
                                      suspended: false, buriedUntil: nil, introduced: nil, lastReviewed: nil)

    /// Makes a state.
    public init(repetitions: Int, easiness: Int, interval: Int, due: Day?, lapses: Int, reviews: Int,
                suspended: Bool, buriedUntil: Day?, introduced: Day?, lastReviewed: Day?) {
        self.repetitions = repetitions
        self.easiness = easiness
        self.interval = interval
        self.due = due
        self.lapses = lapses
        self.reviews = reviews
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.introduced = introduced
        self.lastReviewed = lastReviewed
    }

    /// Whether the card has never been reviewed.
    public var isNew: Bool { due == nil }

    /// Whether the card is buried on `day`.
    public func isBuried(on day: Day) -> Bool { buriedUntil.map { day <= $0 } ?? false }

    /// The E-Factor as a number (2.46).
    public var easinessValue: Double { Double(easiness) / 100 }
}
