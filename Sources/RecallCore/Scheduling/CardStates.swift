/// Every card's state by card id, cards no longer in the deck included; a card with no entry
/// is new. Ids are numbered in the order they were first stored (see ``IdIndex``), so a whole
/// table is read, written and walked as two arrays.
public struct CardStates: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The ids, numbered.
    public private(set) var index: IdIndex
    /// The states, by id number.
    public private(set) var values: [CardState]

    /// An empty table with room for `capacity` cards.
    public init(capacity: Int = 0) {
        index = IdIndex(capacity: capacity)
        values = []
        values.reserveCapacity(capacity)
    }

    /// A table from ids and their states; a repeated id keeps its last state.
    public init(_ pairs: some Sequence<(String, CardState)>) {
        self.init()
        for (id, state) in pairs { self[id] = state }
    }

    public init(dictionaryLiteral elements: (String, CardState)...) {
        self.init(elements)
    }

    /// A table over ids already numbered, with one state per id.
    public init(index: IdIndex, values: [CardState]) {
        precondition(index.count == values.count, "one state per id")
        self.index = index
        self.values = values
    }

    /// How many cards have a state.
    public var count: Int { values.count }

    /// The last day any card was graded, nil before the first grade.
    public var lastGradedDay: Day? {
        var last: Day?
        for s in values { if let d = s.lastReviewed, last.map({ d > $0 }) ?? true { last = d } }
        return last
    }

    /// The ids, in the order they were first stored.
    public var ids: [String] { (0..<index.count).map { index[$0] } }

    /// A card's state, nil for a card never stored (a new card). Storing nil is not allowed:
    /// a card's history is kept even when it is reset.
    public subscript(id: String) -> CardState? {
        get { index.number(of: id).map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("a card's state cannot be removed") }
            let (number, inserted) = index.insert(id)
            if inserted { values.append(newValue) } else { values[number] = newValue }
        }
    }

    public func makeIterator() -> some IteratorProtocol<(id: String, state: CardState)> {
        var number = 0
        return AnyIterator {
            guard number < values.count else { return nil }
            defer { number += 1 }
            return (index[number], values[number])
        }
    }

    /// The same cards with the same states, in any order.
    public static func == (a: CardStates, b: CardStates) -> Bool {
        guard a.count == b.count else { return false }
        for number in 0..<a.count where a.index.withUTF8(of: number, { b.index.number(of: $0) }).map({ b.values[$0] }) != a.values[number] {
            return false
        }
        return true
    }
}
