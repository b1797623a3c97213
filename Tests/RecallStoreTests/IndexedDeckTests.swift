import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallStore

@Suite struct IndexedDeckTests {
    func setUp() throws -> (TemporaryHome, DeckLibrary, Deck) {
        let tmp = try TemporaryHome()
        let source = try Data(contentsOf: URL(fileURLWithPath: Package.bundledSource))
        let deck = try DeckGenerator.generate(data: source, options: GenerationOptions(name: "t", sourceFile: "digital-economy.txt")).deck
        try tmp.add(deck)
        return (tmp, tmp.home.library, deck)
    }

    @Test func theIndexGivesTheSameCardsReadFromTheFile() throws {
        let (tmp, _, deck) = try setUp()
        let first = try IndexedDeck.load("t", home: tmp.home)
        #expect(first.loaded != nil, "the first load reads the deck whole")
        #expect(FileManager.default.fileExists(atPath: tmp.home.deckIndex("t")))
        let second = try IndexedDeck.load("t", home: tmp.home)
        #expect(second.loaded == nil, "the second load reads the index")
        #expect(second.ids == deck.cards.map(\.id) && second.kinds == deck.cards.map(\.kind) && second.title == deck.title)
        for position in [0, 1, deck.cards.count / 2, deck.cards.count - 1] {
            #expect(try second.card(at: position) == deck.cards[position])
        }
        let some = [deck.cards.count - 1, 0, 2]
        #expect(try second.cards(at: some) == some.map { deck.cards[$0] })
        #expect(try first.cards(at: some) == some.map { deck.cards[$0] })
    }

    @Test func anEditedDeckIsReadWholeAgainAndItsErrorsAreReported() throws {
        let (tmp, library, deck) = try setUp()
        _ = try IndexedDeck.load("t", home: tmp.home)
        var edited = deck
        edited.cards[0].answer = " "
        try edited.encoded().write(to: URL(fileURLWithPath: library.path(of: "t")))
        #expect(throws: DeckError.emptyCardField(file: library.path(of: "t"), card: 1, id: deck.cards[0].id, field: "answer")) {
            _ = try IndexedDeck.load("t", home: tmp.home)
        }
    }

    @Test func theIndexesOfDeletedDecksAreRemoved() throws {
        let (tmp, _, deck) = try setUp()
        _ = try IndexedDeck.load("t", home: tmp.home)
        var other = deck
        other.name = "u"
        try tmp.add(other)
        _ = try IndexedDeck.load("u", home: tmp.home)
        #expect(FileManager.default.fileExists(atPath: tmp.home.deckIndex("u")))
        try FileManager.default.removeItem(atPath: tmp.home.library.path(of: "u"))
        #expect(tmp.home.removeIndexesOfDeletedDecks() == ["u"])
        #expect(!FileManager.default.fileExists(atPath: tmp.home.deckIndex("u")))
        #expect(FileManager.default.fileExists(atPath: tmp.home.deckIndex("t")), "a deck still there keeps its index")
    }

    @Test func aDamagedIndexIsIgnored() throws {
        let (tmp, _, deck) = try setUp()
        _ = try IndexedDeck.load("t", home: tmp.home)
        let cache = tmp.home.deckIndex("t")
        var data = try Data(contentsOf: URL(fileURLWithPath: cache))
        data.removeLast(10)
        try data.write(to: URL(fileURLWithPath: cache))
        let reloaded = try IndexedDeck.load("t", home: tmp.home)
        #expect(reloaded.ids == deck.cards.map(\.id))
        #expect(try reloaded.card(at: 3) == deck.cards[3])
    }
}

@Suite struct DeckQuestionTests {
    @Test func questionsReadAloneAreTheCardsQuestions() throws {
        let tmp = try TemporaryHome()
        var cards = (0..<300).map { k in
            Card(
                id: "c\(k)", kind: "k", question: "Q \(k) \"quoted\" \\ é \u{1F600}?", answer: "a\(k)", context: "ctx \(k)",
                alternatives: ["x", "y"], unordered: k % 2 == 0, group: k % 3 == 0 ? "g" : nil)
        }
        cards[5].question = "Q five, with an escape \\u00e9 written out"
        try tmp.add(Deck(name: "q", title: "Q", cards: cards))
        _ = try IndexedDeck.load("q", home: tmp.home)  // writes the index
        let deck = try IndexedDeck.load("q", home: tmp.home)
        let positions = [299, 0, 5, 150] + Array(10..<290)
        #expect(try deck.questions(at: positions) == positions.map { cards[$0].question })
    }

    @Test func aCardWhoseQuestionIsNotTextIsReportedAsTheFullReadReportsIt() throws {
        var reader = [UInt8]("{\"id\":\"a\",\"kind\":\"k\",\"question\":7,\"answer\":\"b\"}".utf8)
        #expect(throws: DeckError.self) {
            _ = try reader.withUnsafeBufferPointer { try Deck.idAndQuestion($0, number: 3, file: "x.json") }
        }
        reader = Array("{\"answer\":\"b\",\"id\":\"a\",\"kind\":\"k\",\"question\":\"Why?\"}".utf8)
        #expect(try reader.withUnsafeBufferPointer { try Deck.idAndQuestion($0, number: 3, file: "x.json") } == ("a", "Why?"))
    }
}
