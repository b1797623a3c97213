import Foundation
import Testing
@testable import RecallCore

@Suite struct IndexedDeckTests {
    func setUp() throws -> (TempFolder, DeckLibrary, Deck) {
        let tmp = try TempFolder()
        try FileManager.default.createDirectory(atPath: tmp.path + "/Decks", withIntermediateDirectories: true)
        let deck = try Fixture.deck("digital-economy.txt")
        try deck.encoded().write(to: URL(fileURLWithPath: tmp.path + "/Decks/t.json"))
        return (tmp, DeckLibrary(folder: tmp.path + "/Decks"), deck)
    }

    @Test func theIndexGivesTheSameCardsReadFromTheFile() throws {
        let (tmp, library, deck) = try setUp()
        let first = try IndexedDeck.load("t", library: library, cacheFolder: tmp.path + "/cache")
        #expect(first.loaded != nil, "the first load reads the deck whole")
        #expect(FileManager.default.fileExists(atPath: tmp.path + "/cache/t.index.jsonl"))
        let second = try IndexedDeck.load("t", library: library, cacheFolder: tmp.path + "/cache")
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
        _ = try IndexedDeck.load("t", library: library, cacheFolder: tmp.path + "/cache")
        var edited = deck
        edited.cards[0].answer = " "
        try edited.encoded().write(to: URL(fileURLWithPath: tmp.path + "/Decks/t.json"))
        #expect(throws: DeckError.emptyCardField(file: library.path(of: "t"), card: 1, id: deck.cards[0].id, field: "answer")) {
            _ = try IndexedDeck.load("t", library: library, cacheFolder: tmp.path + "/cache")
        }
    }

    @Test func aDamagedIndexIsIgnored() throws {
        let (tmp, library, deck) = try setUp()
        _ = try IndexedDeck.load("t", library: library, cacheFolder: tmp.path + "/cache")
        let cache = tmp.path + "/cache/t.index.jsonl"
        var data = try Data(contentsOf: URL(fileURLWithPath: cache))
        data.removeLast(10)
        try data.write(to: URL(fileURLWithPath: cache))
        let reloaded = try IndexedDeck.load("t", library: library, cacheFolder: tmp.path + "/cache")
        #expect(reloaded.ids == deck.cards.map(\.id))
        #expect(try reloaded.card(at: 3) == deck.cards[3])
    }
}
