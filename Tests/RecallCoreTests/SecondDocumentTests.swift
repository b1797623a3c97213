import Foundation
import Testing
@testable import RecallCore

/// A document written for these tests, of the same genre: other meetings, a list of four tasks,
/// and ordinal words that start no list. Its facts are found and nothing is invented.
@Suite struct SecondDocumentTests {
    let deck: Deck
    init() throws { deck = try Fixture.deck("farming-speech.txt") }

    @Test func everyDate() {
        let dates = deck.cards.filter { $0.kind == "date" }
        let expected: [(String, String)] = [
            ("December 23, 2022", "\"Build a Strong Agricultural Country\""),
            ("1978", "Third Plenary Session of the 11th CPC Central Committee"),
            ("2013", "visit Xiaogang Village"),
            ("2022", "20th CPC National Congress"),
            ("2023", "first session of the 14th National People's Congress"),
            ("2021", "Sixth Plenary Session of the 19th CPC Central Committee"),
            ("December 23, 2022", "Central Rural Work Conference"),
        ]
        for (answer, words) in expected {
            #expect(dates.contains { $0.answer == answer && $0.question.contains(words) }, "missing date \(answer) / \(words)")
        }
        #expect(dates.count == expected.count, "invented dates: \(dates.map(\.question))")
    }

    @Test func everyMeeting() {
        let answers = Set(deck.cards.filter { $0.kind == "session" }.map(\.answer))
        for meeting in [
            "the Third Plenary Session of the 11th CPC Central Committee", "the 20th CPC National Congress",
            "the first session of the 14th National People's Congress", "the Sixth Plenary Session of the 19th CPC Central Committee",
            "the Central Rural Work Conference",
        ] {
            #expect(answers.contains(meeting), "missing meeting \(meeting)")
        }
        #expect(deck.cards.contains { $0.question == "What did the 20th CPC National Congress stress?" && $0.answer == "accelerate the building of a strong agricultural country" })
    }

    @Test func fourTasksAndNoListFromALoneFirst() {
        let directives = deck.cards.filter { $0.kind == "directive" }
        let tasks = ["ensure the stable production and supply of grain", "advance the revitalization of the seed industry",
                     "build a modern rural industrial system", "deepen rural reform"]
        for (i, task) in tasks.enumerated() {
            #expect(directives.contains { $0.answer == task && $0.question.hasPrefix("What is the \(English.ordinalWord(i + 1)) of the four tasks") })
        }
        #expect(!directives.contains { $0.answer.contains("thank") || $0.question.contains("thank") })
        #expect(!deck.cards.contains { $0.answer.contains("2030") || $0.question.contains("fifth time") })
        // Lists: the four tasks, and the three actions in the third task's paragraph.
        let wholeLists = directives.filter { $0.question.hasPrefix("What are") }
        #expect(wholeLists.count == 2)
    }

    @Test func diagnosticsNameTheLoneOrdinal() throws {
        let data = try Data(contentsOf: Fixture.url("farming-speech.txt"))
        let result = try DeckGenerator.generate(data: data, options: GenerationOptions(name: "t", sourceFile: "f.txt"))
        #expect(result.diagnostics.contains { $0.line == 5 && $0.message.contains("starts no list") })
    }
}
