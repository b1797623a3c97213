import Foundation
import Testing

@testable import RecallCore

@Suite struct DeckFormatTests {
    func decode(_ json: String) throws -> Deck { try Deck.decode(Data(json.utf8), file: "x.json") }

    @Test func theMinimalHandWrittenDeckLoads() throws {
        let deck = try decode(
            #"{"format": "recall-deck", "version": 1, "name": "tiny", "title": "Tiny", "cards": [{"id": "c1", "kind": "custom", "question": "Capital of France?", "answer": "Paris"}]}"#
        )
        #expect(deck.cards == [Card(id: "c1", kind: "custom", question: "Capital of France?", answer: "Paris")])
    }

    @Test func roundTrip() throws {
        let deck = try Fixture.deck("digital-economy.txt")
        #expect(try Deck.decode(deck.encoded(), file: "x.json") == deck)
    }

    static let card = #"{"id": "c1", "kind": "k", "question": "Q?", "answer": "A"}"#
    static func deckJSON(cards: String, version: String = "1", format: String = "recall-deck") -> String {
        #"{"format": "\#(format)", "version": \#(version), "name": "n", "title": "T", "cards": [\#(cards)]}"#
    }

    @Test(arguments: ["1", "1.0", "1e0", "1E+0", "10e-1"])
    func aVersionWrittenAnyWayJSONWritesOneIsOne(_ version: String) throws {
        #expect(try decode(Self.deckJSON(cards: Self.card, version: version)).version == 1)
    }

    @Test func aVersionThatIsNotAWholeNumberIsSaidToBeOne() {
        #expect(throws: DeckError.badField(file: "x.json", field: "version", problem: "must be a whole number")) {
            try decode(Self.deckJSON(cards: Self.card, version: "1.5"))
        }
    }

    @Test func aByteOrderMarkBeforeTheDeckIsNotAnError() throws {
        let deck = try Deck.decode(Data([0xEF, 0xBB, 0xBF]) + Data(Self.deckJSON(cards: Self.card).utf8), file: "x.json")
        #expect(deck.cards.count == 1)
    }

    @Test func unorderedIsTrueFalseOrLeftOut() throws {
        let yes = #"{"id": "c1", "kind": "k", "question": "Q?", "answer": "A", "unordered": "yes"}"#
        #expect(throws: DeckError.badCardField(file: "x.json", card: 1, field: "unordered", problem: "must be true or false")) {
            try decode(Self.deckJSON(cards: yes))
        }
        let null = #"{"id": "c1", "kind": "k", "question": "Q?", "answer": "A", "unordered": null}"#
        #expect(try decode(Self.deckJSON(cards: null)).cards[0].unordered == false, "null, as for every optional field, is left out")
    }

    @Test func errorsNameFileCardAndField() {
        #expect(throws: DeckError.badCardField(file: "x.json", card: 2, field: "answer", problem: "is missing")) {
            try decode(Self.deckJSON(cards: Self.card + #", {"id": "c2", "kind": "k", "question": "Q?"}"#))
        }
        #expect(throws: DeckError.duplicateID(file: "x.json", card: 2, id: "c1", firstCard: 1)) {
            try decode(Self.deckJSON(cards: Self.card + ", " + Self.card))
        }
        #expect(throws: DeckError.emptyCardField(file: "x.json", card: 1, id: "c1", field: "answer")) {
            try decode(Self.deckJSON(cards: #"{"id": "c1", "kind": "k", "question": "Q?", "answer": "  "}"#))
        }
        #expect(throws: DeckError.unsupportedVersion(file: "x.json", found: 2)) {
            try decode(Self.deckJSON(cards: Self.card, version: "2"))
        }
        #expect(throws: DeckError.wrongFormat(file: "x.json", found: "anki")) {
            try decode(Self.deckJSON(cards: Self.card, format: "anki"))
        }
        #expect(throws: DeckError.badField(file: "x.json", field: "version", problem: "must be a whole number")) {
            try decode(Self.deckJSON(cards: Self.card, version: "\"1\""))
        }
    }

    @Test func messagesQuoteTheProblem() {
        let message = DeckError.emptyCardField(file: "Decks/x.json", card: 12, id: "c12", field: "answer").localizedDescription
        #expect(message == #"deck 'Decks/x.json': card 12 (id "c12"): "answer" is empty"#)
    }

    @Test func notJSONAndBinary() {
        #expect(throws: DeckError.notJSON(file: "x.json", reason: "the file is empty")) { try Deck.decode(Data(), file: "x.json") }
        #expect(throws: DeckError.notJSON(file: "x.json", reason: "the file is not UTF-8 text (binary data?)")) {
            try Deck.decode(Data([0xFF, 0xFE, 0x00, 0x81]), file: "x.json")
        }
    }

    @Test func invalidJSONGivesLineAndColumn() {
        #expect(throws: DeckError.notJSON(file: "x.json", reason: "invalid JSON at line 2, column 13: expected ':'")) {
            try decode("{\"format\": \"recall-deck\",\n  \"version\" 1}")
        }
        #expect(throws: DeckError.notJSON(file: "x.json", reason: "invalid JSON at line 1, column 4: unexpected text after the deck")) {
            try decode("{} x")
        }
        #expect(throws: DeckError.notJSON(file: "x.json", reason: "the top level is not a JSON object")) { try decode("[1, 2]") }
    }

    @Test func wrongTypesAreNamed() {
        #expect(throws: DeckError.badField(file: "x.json", field: "cards", problem: "must be an array of cards")) {
            try decode(#"{"format": "recall-deck", "version": 1, "name": "n", "title": "T", "cards": {}}"#)
        }
        #expect(throws: DeckError.badCardField(file: "x.json", card: 1, field: "question", problem: "must be a string")) {
            try decode(Self.deckJSON(cards: #"{"id": "c1", "kind": "k", "question": 7, "answer": "A"}"#))
        }
        #expect(throws: DeckError.badField(file: "x.json", field: "name", problem: "is missing")) {
            try decode(#"{"format": "recall-deck", "version": 1, "title": "T", "cards": []}"#)
        }
    }

    @Test func escapesAndUnicodeDecode() throws {
        let deck = try decode(
            Self.deckJSON(
                cards:
                    #"{"id": "c\u00e9", "kind": "k", "question": "Q \"x\" \ud83d\ude00?", "answer": "A\nB", "unordered": true, "extra": [1, {"a": null}]}"#
            ))
        #expect(deck.cards[0].id == "cé")
        #expect(deck.cards[0].question == "Q \"x\" 😀?")
        #expect(deck.cards[0].answer == "A\nB")
        #expect(deck.cards[0].unordered)
    }

    @Test func sanitizerStripsEscapes() {
        #expect(Sanitizer.plain("a\u{1B}[31mred\u{1B}[0m\u{07}b\tc\u{9B}d\u{1B}]0;title\u{07}e") == "aredb cde")
    }

    /// The byte check that lets clean text through unchanged agrees with cleaning it scalar by
    /// scalar, on every short text made from the scalars at the edges of the ranges it knows.
    @Test func theCleanCheckAgreesWithCleaning() {
        let alphabet: [Unicode.Scalar] = [
            "a", " ", "\n", "\r", "\t", "\u{1B}", "\u{7F}", "\u{80}", "\u{9F}", "\u{A0}", "\u{C2}", "\u{E2}",
            "\u{200A}", "\u{200B}", "\u{200F}", "\u{2010}", "\u{2019}", "\u{2029}", "\u{202A}", "\u{202E}",
            "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{1F600}",
        ]
        // Every text of up to three of them.
        var texts: [String.UnicodeScalarView] = [String.UnicodeScalarView()]
        for length in 1...3 {
            texts += texts.filter { $0.count == length - 1 }.flatMap { text in
                alphabet.map {
                    var t = text
                    t.append($0)
                    return t
                }
            }
        }
        for text in texts {
            let s = String(text)
            for keep in [false, true] {
                #expect(
                    Sanitizer.isClean(s, keepingLineBreaks: keep) == (Sanitizer.cleaned(s, keepingLineBreaks: keep) == s),
                    "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
