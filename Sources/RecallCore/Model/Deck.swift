/// A named set of cards, as stored in `Decks/NAME.json`.
public struct Deck: Encodable, Equatable, Sendable {
    /// The format name every deck file carries.
    public static let formatName = "recall-deck"
    /// The newest deck format version this build reads and writes.
    public static let currentVersion = 1

    /// Where a generated deck came from.
    public struct Source: Encodable, Equatable, Sendable {
        /// The source text's file name, without folders.
        public var file: String
        /// The document's title, when it states one.
        public var title: String?
        /// The document's own date, when it states one.
        public var date: String?
        /// SHA-256 of the source text, lowercase hex.
        public var sha256: String

        /// Makes a source description.
        public init(file: String, title: String?, date: String?, sha256: String) {
            self.file = file
            self.title = title
            self.date = date
            self.sha256 = sha256
        }
    }

    /// Always ``formatName``.
    public var format: String
    /// The format version, ``currentVersion`` for decks this build writes.
    public var version: Int
    /// The deck's short name: its file name without `.json`.
    public var name: String
    /// A human title.
    public var title: String
    /// The source text, for generated decks.
    public var source: Source?
    /// The cards, in study order.
    public var cards: [Card]

    /// Makes a deck of the current format.
    public init(name: String, title: String, source: Source? = nil, cards: [Card]) {
        self.format = Deck.formatName
        self.version = Deck.currentVersion
        self.name = name
        self.title = title
        self.source = source
        self.cards = cards
    }

    /// The number of cards of each kind.
    public var countsByKind: [String: Int] {
        cards.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }
}
