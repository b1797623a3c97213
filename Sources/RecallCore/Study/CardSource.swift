/// A deck as study and statistics need it: its cards' ids, kinds and sibling groups in deck
/// order, and each card's text when it is shown. A deck in memory is one; RecallStore's
/// `IndexedDeck` is one that reads each card from the file only when asked.
public protocol CardSource: Sendable {
    /// The deck's name.
    var name: String { get }
    /// The deck's title.
    var title: String { get }
    /// Card ids, in deck order.
    var ids: [String] { get }
    /// Card kinds, in deck order.
    var kinds: [String] { get }
    /// Card sibling groups, in deck order ("" for none).
    var groups: [String] { get }
    /// The card at `position`.
    func card(at position: Int) throws -> Card
    /// The cards at `positions`, in that order.
    func cards(at positions: [Int]) throws -> [Card]
    /// The questions of the cards at `positions`, in that order.
    func questions(at positions: [Int]) throws -> [String]
}

extension CardSource {
    public func questions(at positions: [Int]) throws -> [String] { try cards(at: positions).map(\.question) }
}

extension Deck: CardSource {
    public var ids: [String] { cards.map(\.id) }
    public var kinds: [String] { cards.map(\.kind) }
    public var groups: [String] { cards.map { $0.group ?? "" } }
    public func card(at position: Int) throws -> Card { cards[position] }
    public func cards(at positions: [Int]) throws -> [Card] { positions.map { cards[$0] } }
}

/// A card of a study desk: the place of its deck among the desk's decks, and its own place in
/// that deck.
public struct CardRef: Hashable, Sendable, CustomStringConvertible {
    /// The deck's place among the decks studied.
    public var deck: Int
    /// The card's place in its deck.
    public var position: Int

    /// Names a card by its deck's place and its own.
    public init(deck: Int, position: Int) {
        self.deck = deck
        self.position = position
    }

    public var description: String { "\(deck):\(position)" }
}
