/// The SM-2 state of one card, as `../shared/SM2.md` defines it, plus what the queue needs.
public struct CardState: Equatable, Hashable, Sendable {
    // Stored compactly (40 bytes instead of about 105): a snapshot holds one per card, and a
    // hundred thousand of them are read, copied and hashed at every start-up.
    private var counts: (repetitions: Int32, easiness: Int32, interval: Int32, lapses: Int32, reviews: Int32)
    private var days: (due: Int32, buriedUntil: Int32, introduced: Int32, lastReviewed: Int32)
    /// Suspended cards are never shown until unsuspended.
    public var suspended: Bool

    private static let none = Int32.min
    private static func pack(_ day: Day?) -> Int32 { day.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? none }
    private static func unpack(_ value: Int32) -> Day? { value == none ? nil : Day(ordinal: Int(value)) }

    /// Successful repetitions (grade ≥ 3) since the card was new or last lapsed.
    public var repetitions: Int {
        get { Int(counts.repetitions) }
        set { counts.repetitions = Int32(clamping: newValue) }
    }
    /// The E-Factor in hundredths (250 = 2.50).
    public var easiness: Int {
        get { Int(counts.easiness) }
        set { counts.easiness = Int32(clamping: newValue) }
    }
    /// Days until the next review.
    public var interval: Int {
        get { Int(counts.interval) }
        set { counts.interval = Int32(clamping: newValue) }
    }
    /// How many times the card was failed (a first grade of the day below 3).
    public var lapses: Int {
        get { Int(counts.lapses) }
        set { counts.lapses = Int32(clamping: newValue) }
    }
    /// Reviews that changed the state (first grades of a day).
    public var reviews: Int {
        get { Int(counts.reviews) }
        set { counts.reviews = Int32(clamping: newValue) }
    }
    /// The day of the next review; nil while the card is new.
    public var due: Day? {
        get { Self.unpack(days.due) }
        set { days.due = Self.pack(newValue) }
    }
    /// A buried card is skipped until the day after this one.
    public var buriedUntil: Day? {
        get { Self.unpack(days.buriedUntil) }
        set { days.buriedUntil = Self.pack(newValue) }
    }
    /// The day the card was first reviewed.
    public var introduced: Day? {
        get { Self.unpack(days.introduced) }
        set { days.introduced = Self.pack(newValue) }
    }
    /// The last day a grade changed this state; a second grade that day is a re-drill.
    public var lastReviewed: Day? {
        get { Self.unpack(days.lastReviewed) }
        set { days.lastReviewed = Self.pack(newValue) }
    }

    public static func == (a: CardState, b: CardState) -> Bool {
        a.counts == b.counts && a.days == b.days && a.suspended == b.suspended
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(counts.repetitions); hasher.combine(counts.easiness); hasher.combine(counts.interval)
        hasher.combine(counts.lapses); hasher.combine(counts.reviews); hasher.combine(days.due)
        hasher.combine(days.buriedUntil); hasher.combine(days.introduced); hasher.combine(days.lastReviewed)
        hasher.combine(suspended)
    }

    /// A new card's state.
    public static let new = CardState(repetitions: 0, easiness: 250, interval: 0, due: nil, lapses: 0, reviews: 0,
                                      suspended: false, buriedUntil: nil, introduced: nil, lastReviewed: nil)

    /// Makes a state.
    public init(repetitions: Int, easiness: Int, interval: Int, due: Day?, lapses: Int, reviews: Int,
                suspended: Bool, buriedUntil: Day?, introduced: Day?, lastReviewed: Day?) {
        counts = (Int32(clamping: repetitions), Int32(clamping: easiness), Int32(clamping: interval),
                  Int32(clamping: lapses), Int32(clamping: reviews))
        days = (Self.pack(due), Self.pack(buriedUntil), Self.pack(introduced), Self.pack(lastReviewed))
        self.suspended = suspended
    }

    /// Whether the card has never been reviewed.
    public var isNew: Bool { days.due == Self.none }

    /// Whether the card is buried on `day`.
    public func isBuried(on day: Day) -> Bool { days.buriedUntil != Self.none && day.ordinal <= Int(days.buriedUntil) }

    /// The E-Factor as a number (2.46).
    public var easinessValue: Double { Double(easiness) / 100 }
}
