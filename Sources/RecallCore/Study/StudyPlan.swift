/// Today's cards across the decks studied together, as a session shows them.
///
/// The policy, the same whatever the number of decks:
/// - due cards first, the most overdue first across every deck; cards due the same day keep the
///   order of their decks, then of the cards in each deck;
/// - `maxReviews` caps the due cards of the whole session, not of each deck;
/// - then new cards, deck after deck, each deck giving up to `newPerDeck` (counted across the
///   day's sessions, as Anki's per-deck new-card limit is): a deck added later does not starve
///   for new cards because another has many;
/// - siblings (cards of one sentence or list) are kept apart within each deck (see ``DailyQueue``).
public struct StudyPlan: Equatable, Sendable {
    /// Due cards, in the order to show them.
    public var due: [CardRef]
    /// New cards to introduce today, in the order to show them.
    public var new: [CardRef]
    /// Cards left for another day because a sibling is shown today.
    public var deferred: Int
    /// Due cards beyond the day's review limit: they wait for a later session.
    public var beyondLimit = 0

    /// Every card, due cards first.
    public var all: [CardRef] { due + new }

    /// One deck's part of the input.
    public struct DeckInput {
        /// Card ids, in deck order.
        public var ids: [String]
        /// Sibling groups, in deck order ("" for none); empty to show siblings together.
        public var groups: [String]
        /// The deck's progress.
        public var states: CardStates

        /// Makes a deck's input.
        public init(ids: [String], groups: [String], states: CardStates) {
            self.ids = ids
            self.groups = groups
            self.states = states
        }
    }

    /// Makes a plan from the cards it names.
    public init(due: [CardRef], new: [CardRef], deferred: Int = 0) {
        self.due = due
        self.new = new
        self.deferred = deferred
    }

    /// Plans today's session over `decks`, in the order given.
    public init(decks: [DeckInput], today: Day, newPerDeck: Int, maxReviews: Int? = nil) {
        var due: [[CardRef]] = []
        var dueDays: [[Int]] = []
        var new: [CardRef] = []
        var deferred = 0
        for (d, deck) in decks.enumerated() {
            let queue = DailyQueue.positions(ids: deck.ids, states: deck.states, today: today, newLimit: newPerDeck, groups: deck.groups)
            deferred += queue.deferred
            due.append(queue.due.map { CardRef(deck: d, position: $0) })
            new += queue.new.map { CardRef(deck: d, position: $0) }
            // Each deck's due cards come in due order already; several decks are merged by day.
            if decks.count > 1 {
                let numbers = deck.states.index.numbers(of: deck.ids)
                dueDays.append(queue.due.map { deck.states.values[Int(numbers[$0])].due?.ordinal ?? today.ordinal })
            }
        }
        var ordered = due.first ?? []
        if decks.count > 1 {
            // Stable: the same day keeps deck order, and each deck's own order.
            let all = zip(due, dueDays).flatMap { zip($1, $0) }
            ordered = all.enumerated().sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }.map(\.element.1)
        }
        self.init(due: maxReviews.map { Array(ordered.prefix($0)) } ?? ordered, new: new, deferred: deferred)
        beyondLimit = ordered.count - self.due.count
    }
}
