/// One question/answer card of a deck.
///
/// Decks are read by `Deck.decode(_:file:)` (one reader, which names the card and field at
/// fault) and written with `JSONEncoder`. Cards are immutable values; study state lives apart from them in ``CardState`` so that a deck
/// can be regenerated without touching a user's progress.
public struct Card: Encodable, Equatable, Hashable, Sendable {
    /// A stable identifier, unique within its deck; progress is keyed by it.
    public var id: String
    /// What kind of fact the card asks about (`date`, `session`, `directive`, or any other word).
    public var kind: String
    /// The question shown to the student; a cloze card's question holds the gap ``Card/gap``.
    public var question: String
    /// The expected answer: the core phrase, not a whole sentence.
    public var answer: String
    /// The source sentence the card was made from, whitespace folded.
    public var context: String?
    /// Other answers that count as correct.
    public var alternatives: [String]
    /// Whether a list answer may be given in any order.
    public var unordered: Bool
    /// Cards with the same group are siblings (made from one sentence or one list): the daily
    /// queue shows at most one of them a day, since each gives the others away.
    public var group: String?

    /// The gap in a cloze card's question: the phrase the answer fills.
    public static let gap = "____"

    /// Whether the card is a cloze: its question is a sentence with a gap.
    public var isCloze: Bool { question.contains(Card.gap) }

    /// Makes a card.
    public init(
        id: String, kind: String, question: String, answer: String,
        context: String? = nil, alternatives: [String] = [], unordered: Bool = false, group: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.question = question
        self.answer = answer
        self.context = context
        self.alternatives = alternatives
        self.unordered = unordered
        self.group = group
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, question, answer, context, alternatives, unordered, group
    }

    /// Encodes a card, leaving out empty optional fields.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(question, forKey: .question)
        try c.encode(answer, forKey: .answer)
        try c.encodeIfPresent(context, forKey: .context)
        if !alternatives.isEmpty { try c.encode(alternatives, forKey: .alternatives) }
        if unordered { try c.encode(unordered, forKey: .unordered) }
        try c.encodeIfPresent(group, forKey: .group)
    }
}
