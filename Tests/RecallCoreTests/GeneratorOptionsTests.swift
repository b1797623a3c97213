import Foundation
import Testing
@testable import RecallCore

@Suite struct GeneratorOptionsTests {
    func generate(_ text: String, kinds: Set<String>? = nil, limit: Int? = nil) throws -> Deck {
        try DeckGenerator.generate(text: text, options: GenerationOptions(name: "x", sourceFile: "x.txt", kinds: kinds, limit: limit)).deck
    }

    @Test func kindsFilter() throws {
        let text = try Fixture.text("digital-economy.txt")
        let deck = try generate(text, kinds: ["date"])
        #expect(!deck.cards.isEmpty)
        #expect(deck.cards.allSatisfy { $0.kind == "date" })
    }

    @Test func limitCapsTheCount() throws {
        let deck = try generate(try Fixture.text("digital-economy.txt"), limit: 5)
        #expect(deck.cards.count == 5)
    }

    @Test func sameTextSameDeck() throws {
        let text = try Fixture.text("digital-economy.txt")
        #expect(try generate(text) == generate(text))
    }

    @Test func lightEditKeepsUnchangedIDs() throws {
        let text = try Fixture.text("digital-economy.txt")
        let before = try generate(text)
        let edited = text.replacingOccurrences(of: "set up a digital cooperation model", with: "set up a digital cooperation mechanism")
            .replacingOccurrences(of: "Our digital economy has witnessed rapid growth", with: "Our digital economy has seen rapid growth")
        let after = try generate(edited)
        let afterIDs = Set(after.cards.map(\.id))
        let unchanged = before.cards.filter { card in after.cards.contains { $0.question == card.question && $0.answer == card.answer } }
        #expect(unchanged.count > before.cards.count - 10)
        for card in unchanged { #expect(afterIDs.contains(card.id)) }
        let changed = before.cards.first { $0.answer == "set up a digital cooperation model" }
        #expect(changed.map { !afterIDs.contains($0.id) } == true)
    }

    @Test func noFactsGivesAnEmptyDeck() throws {
        let deck = try generate("A quiet morning.\n\nThe river runs on and the hills stay green.\n")
        #expect(deck.cards.isEmpty)
    }

    @Test func emptyAndBinaryTextsThrow() {
        #expect(throws: GenerationError.emptyText(file: "x.txt")) { try generate("  \n\n ") }
        #expect(throws: GenerationError.notText(file: "b.bin", offset: 3)) {
            try DeckGenerator.generate(data: Data([65, 66, 67, 0, 1, 2]), options: GenerationOptions(name: "b", sourceFile: "b.bin"))
        }
    }

    @Test func invalidUTF8IsReportedAtItsOffset() {
        #expect(throws: GenerationError.notText(file: "l.txt", offset: 4)) {
            try DeckGenerator.generate(data: Data([0x41, 0xC3, 0xA9, 0x42, 0xFF, 0x43]), options: GenerationOptions(name: "l", sourceFile: "l.txt"))
        }
    }

    @Test func controlCharactersNeverReachCards() throws {
        let text = "Title\n\nAt the 3rd Plenary Session of the Ninth Committee in 1990, we decided to \u{1B}[31mcut\u{07} taxes.\n"
        let deck = try generate(text)
        #expect(!deck.cards.isEmpty)
        for card in deck.cards {
            for field in [card.question, card.answer, card.context ?? ""] {
                #expect(!field.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
            }
        }
    }

    @Test(arguments: [
        ("In 1999 we opened the bridge.", "In what year did the speaker open the bridge?", "1999"),
        ("By 2035 we will basically realize modernization.", "By what year will the speaker basically realize modernization?", "2035"),
        ("On July 1, 2021, we celebrated the centenary of the Party.", "On what date did the speaker celebrate the centenary of the Party?", "July 1, 2021"),
        ("The country joined the organization in 2001.", "In what year did the country join the organization?", "2001"),
    ])
    func dateQuestions(sentence: String, question: String, answer: String) throws {
        let deck = try generate("Title\n\n\(sentence)\n")
        #expect(deck.cards.contains { $0.question == question && $0.answer == answer }, "got \(deck.cards.map(\.question))")
    }

    @Test(arguments: ["the 2030 Agenda for Sustainable Development", "Vision 2035", "last year", "in the 1990s", "from 2013 to 2020"])
    func notDateFacts(_ phrase: String) throws {
        let deck = try generate("Title\n\nWe spoke about \(phrase) with our partners.\n")
        #expect(deck.cards.filter { $0.kind == "date" }.isEmpty, "made: \(deck.cards.map(\.question))")
    }

    @Test func numberedListsCount() throws {
        let text = "Title\n\nWe have three goals.\n\n1. Raise incomes in rural areas.\n\n2. Protect the environment.\n\n3. Improve public health.\n"
        let deck = try generate(text)
        #expect(deck.cards.contains { $0.question.hasPrefix("What is the second of the three points") && $0.answer == "Protect the environment" })
    }
}
