import Foundation

extension Deck {
    /// Reads and validates a deck from JSON bytes.
    ///
    /// A reader written for this format (a 100,000-card deck must load in a fraction of the time
    /// a general JSON decoder takes here) that validates field by field, so that the error names
    /// the card and the field at fault.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the path to name in errors.
    /// - Throws: ``DeckError``.
    public static func decode(_ data: Data, file: String) throws -> Deck {
        try decodeWithRanges(data, file: file).deck
    }

    /// Decodes a deck and says where each card's JSON object stands in the bytes, so that a
    /// card can be read again alone with ``card(_:number:file:)``.
    public static func decodeWithRanges(_ data: Data, file: String) throws -> (deck: Deck, ranges: [Range<Int>]) {
        if data.isEmpty { throw DeckError.notJSON(file: file, reason: "the file is empty") }
        return try data.withUnsafeBytes { raw in
            var reader = JSONReader(bytes: raw.bindMemory(to: UInt8.self), file: file)
            let deck = try reader.deck()
            return (deck, reader.cardRanges)
        }
    }

    /// Reads one card from the bytes of its JSON object, as ``decodeWithRanges(_:file:)`` found it.
    /// - Parameters:
    ///   - number: the card's 1-based number in its deck, for errors.
    /// - Throws: ``DeckError`` naming the card and the field at fault.
    public static func card(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, file: String) throws -> Card {
        var reader = JSONReader(bytes: bytes, file: file)
        return try reader.card(number: number).get()
    }

    /// Reads only the id and the question of one card from the bytes of its JSON object (statistics list the
    /// questions of thousands of cards, and need nothing else of them).
    /// - Throws: ``DeckError`` when the card does not read.
    public static func idAndQuestion(_ bytes: UnsafeBufferPointer<UInt8>, number: Int, file: String) throws -> (
        id: String, question: String
    ) {
        var reader = JSONReader(bytes: bytes, file: file)
        return try reader.idAndQuestion(number: number)
    }

    /// The deck as pretty, key-sorted JSON, ending with a newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}
