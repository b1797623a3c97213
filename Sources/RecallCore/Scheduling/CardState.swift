/// The SM-2 state of one card, as `../shared/SM2.md` defines it, plus what the queue needs.
///
/// Stored compactly (40 bytes instead of about 105): a snapshot holds one per card, and a hundred
/// thousand of them are read, copied and hashed at every start-up.
public struct CardState: Equatable, Hashable, Sendable {
    /// Successful repetitions (grade ≥ 3) since the card was new or last lapsed.
    @Int32Backed public var repetitions: Int
    /// The E-Factor in hundredths (250 = 2.50).
    @Int32Backed public var easiness: Int
    /// Days until the next review.
    @Int32Backed public var interval: Int
    /// How many times the card was failed (a first grade of the day below 3).
    @Int32Backed public var lapses: Int
    /// Reviews that changed the state (first grades of a day).
    @Int32Backed public var reviews: Int
    /// The day of the next review; nil while the card is new.
    @DayBacked public var due: Day?
    /// A buried card is skipped until the day after this one.
    @DayBacked public var buriedUntil: Day?
    /// The day the card was first reviewed.
    @DayBacked public var introduced: Day?
    /// The last day a grade changed this state; a second grade that day is a re-drill.
    @DayBacked public var lastReviewed: Day?
    /// Suspended cards are never shown until unsuspended.
    public var suspended: Bool

    /// A new card's state.
    public static let new = CardState(
        repetitions: 0, easiness: 250, interval: 0, due: nil, lapses: 0, reviews: 0,
        suspended: false, buriedUntil: nil, introduced: nil, lastReviewed: nil)

    /// Makes a state.
    public init(
        repetitions: Int, easiness: Int, interval: Int, due: Day?, lapses: Int, reviews: Int,
        suspended: Bool, buriedUntil: Day?, introduced: Day?, lastReviewed: Day?
    ) {
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
    public var isNew: Bool { _due.isNone }

    /// Whether the card is buried on `day`.
    public func isBuried(on day: Day) -> Bool { buriedUntil.map { day <= $0 } ?? false }

    /// Whether every field holds a value a state can have: counts not negative, the E-Factor not
    /// below SM-2's floor, and every day one the files can hold (``Day/writable``). Every reader
    /// of stored states asks this, so that nothing is loaded that could not be written back.
    public var isPossible: Bool {
        func writable(_ day: Day?) -> Bool { day.map { Day.writable.contains($0.ordinal) } ?? true }
        return repetitions >= 0 && easiness >= SM2.minimumEasiness && interval >= 0 && lapses >= 0 && reviews >= 0
            && writable(due) && writable(buriedUntil) && writable(introduced) && writable(lastReviewed)
    }

    /// Whether the card is due for review on `day`: scheduled for then or earlier, and neither
    /// suspended nor buried.
    public func isDue(on day: Day) -> Bool {
        guard let due, !suspended, !isBuried(on: day) else { return false }
        return due <= day
    }

    /// Whether the card was graded on `day` already: another grade that day is a re-drill, and
    /// its siblings wait for another day.
    public func wasGraded(on day: Day) -> Bool { lastReviewed == day }

    /// The E-Factor as a number (2.46).
    public var easinessValue: Double { Double(easiness) / 100 }
}

/// A count kept in four bytes, clamped to Int32.
@propertyWrapper
public struct Int32Backed: Hashable, Sendable {
    private var raw: Int32
    public init(wrappedValue: Int) { raw = Int32(clamping: wrappedValue) }
    public var wrappedValue: Int {
        get { Int(raw) }
        set { raw = Int32(clamping: newValue) }
    }
}

/// An optional day kept in four bytes: its ordinal, or Int32.min for none.
@propertyWrapper
public struct DayBacked: Hashable, Sendable {
    private static let none = Int32.min
    private var raw: Int32
    public init(wrappedValue: Day?) { raw = wrappedValue.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? Self.none }
    public var wrappedValue: Day? {
        get { raw == Self.none ? nil : Day(ordinal: Int(raw)) }
        set { raw = newValue.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? Self.none }
    }
    var isNone: Bool { raw == Self.none }
}
