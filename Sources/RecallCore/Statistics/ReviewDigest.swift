/// What statistics need of one log line, 20 bytes so that a million of them fit easily: the
/// card's number, the day, the grade, whether it was a re-drill or the card's first review, its
/// next due day and the time taken. An undo is a digest too, with `isUndo` set.
public struct ReviewDigest: Sendable, Equatable {
    /// The card's number in its ``ReviewLog/cards``.
    public var card: Int32
    public var day: Int32
    /// The due day after the review, `Int32.min` for none.
    public var afterDue: Int32
    public var responseMs: Int32
    public var grade: Int8
    public var redrill: Bool
    /// The card was new before this review.
    public var firstSight: Bool
    public var isUndo: Bool

    /// Makes a digest; days are ordinals (``Day/ordinal``).
    public init(
        card: Int32, day: Int32, grade: Int8, redrill: Bool, firstSight: Bool, afterDue: Int32, responseMs: Int32, isUndo: Bool = false
    ) {
        self.card = card
        self.day = day
        self.grade = grade
        self.redrill = redrill
        self.firstSight = firstSight
        self.afterDue = afterDue
        self.responseMs = responseMs
        self.isUndo = isUndo
    }

    /// The digest of a review of the card numbered `card`.
    public init(_ r: Review, card: Int32) {
        self.init(
            card: card, day: Int32(truncatingIfNeeded: r.day.ordinal), grade: Int8(truncatingIfNeeded: r.grade),
            redrill: r.redrill, firstSight: r.before.isNew,
            afterDue: r.after.due.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? Int32.min,
            responseMs: Int32(clamping: r.responseMs))
    }

    /// The digest of an undo of the card numbered `card` on `day`.
    public init(undoOf card: Int32, day: Day) {
        self.init(
            card: card, day: Int32(truncatingIfNeeded: day.ordinal), grade: 0, redrill: false, firstSight: false,
            afterDue: Int32.min, responseMs: 0, isUndo: true)
    }
}

/// A deck's review log as statistics read it: a digest per review or undo, oldest first, with
/// cards numbered by ``cards``: the deck's cards first, in deck order, then cards that are no
/// longer in the deck.
public struct ReviewLog: Sendable {
    /// The cards' ids by number.
    public var cards: IdIndex
    /// The reviews and undos, oldest first; state changes by command are left out.
    public var reviews: [ReviewDigest]

    /// A log of digests already numbered by `cards`.
    public init(cards: IdIndex, reviews: [ReviewDigest]) {
        self.cards = cards
        self.reviews = reviews
    }

    /// The log of a list of events, numbering cards after the deck's `deckIds`.
    public init(events: [ProgressEvent], deckIds: [String]) {
        var cards = IdIndex(deckIds)
        var reviews: [ReviewDigest] = []
        for event in events {
            switch event {
            case let .review(r): reviews.append(ReviewDigest(r, card: Int32(cards.insert(r.card).number)))
            case let .undo(card, _, day, _): reviews.append(ReviewDigest(undoOf: Int32(cards.insert(card).number), day: day))
            case .set: break
            }
        }
        self.init(cards: cards, reviews: reviews)
    }
}
