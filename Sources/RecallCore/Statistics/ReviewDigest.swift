/// What statistics need of one log line, small enough to hold a million of them: the card, the
/// day, the grade, whether it was a re-drill or the card's first review, its next due day, and
/// the time taken. An undo is a digest too, with `isUndo` set.
public struct ReviewDigest: Sendable, Equatable {
    public var card: String
    public var day: Int32
    public var grade: Int8
    public var redrill: Bool
    /// The card was new before this review.
    public var firstSight: Bool
    public var isUndo: Bool
    /// The due day after the review, `Int32.min` for none.
    public var afterDue: Int32
    public var responseMs: Int32

    /// The digest of a review.
    public init(_ r: Review) {
        card = r.card
        day = Int32(truncatingIfNeeded: r.day.ordinal)
        grade = Int8(truncatingIfNeeded: r.grade)
        redrill = r.redrill
        firstSight = r.before.isNew
        isUndo = false
        afterDue = r.after.due.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? Int32.min
        responseMs = Int32(clamping: r.responseMs)
    }

    /// The digest of an undo of `card` on `day`.
    public init(undoOf card: String, day: Day) {
        self.card = card
        self.day = Int32(truncatingIfNeeded: day.ordinal)
        grade = 0
        redrill = false
        firstSight = false
        isUndo = true
        afterDue = Int32.min
        responseMs = 0
    }

    /// The digests of a list of events; state changes by command are left out.
    public static func digests(_ events: [ProgressEvent]) -> [ReviewDigest] {
        events.compactMap { event in
            switch event {
            case let .review(r): return ReviewDigest(r)
            case let .undo(card, _, day, _): return ReviewDigest(undoOf: card, day: day)
            case .set: return nil
            }
        }
    }
}
