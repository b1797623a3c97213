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
            ("December 23, 2022", "December 23, 2022"),
            ("1978", "Third Plenary Session of the 11th CPC Central Committee"),
            ("2013", "Xiaogang Village"),
            ("2022", "20th CPC National Congress"),
            ("2023", "first session of the 14th National People's Congress"),
            ("2021", "Sixth Plenary Session"),
            ("2021", "Last year, grain output"),
        ]
        for (answer, words) in expected {
            #expect(dates.contains { $0.answer == answer && ($0.context ?? "").contains(words) }, "missing date \(answer) / \(words)")
        }
        #expect(dates.count == expected.count, "invented dates: \(dates.map(\.question))")
    }

    @Test func everyMeeting() {
        let answers = Set(deck.cards.filter { $0.kind == "session" }.map(\.answer))
        for meeting in [
            "Third Plenary Session of the 11th CPC Central Committee", "20th CPC National Congress",
            "first session of the 14th National People's Congress", "Sixth Plenary Session", "Central Rural Work Conference",
        ] {
            #expect(answers.contains(meeting), "missing meeting \(meeting)")
        }
    }

    @Test func fourTasksAndNoListFromALoneFirst() {
        let directives = deck.cards.filter { $0.kind == "directive" }
        let tasks = [
            "ensure the stable production and supply of grain", "advance the revitalization of the seed industry",
            "build a modern rural industrial system", "deepen rural reform",
        ]
        for (i, task) in tasks.enumerated() {
            #expect(
                directives.contains {
                    $0.answer == task && $0.question.contains("(\(i + 1)) \(Card.gap)")
                        && $0.question.hasPrefix("To build a strong agricultural country")
                })
        }
        #expect(!deck.cards.contains { $0.answer.contains("thank") || $0.question.contains("thank") })
        #expect(!deck.cards.contains { $0.answer.contains("2030") || $0.answer.contains("fifth") })
        // The three actions in the third task's sentence are clozes of that sentence.
        for action in ["develop local specialties", "extend industrial chains", "improve the income of farmers"] {
            #expect(directives.contains { $0.answer == action && $0.question.contains(Card.gap) })
        }
    }

    @Test func figures() {
        #expect(deck.cards.contains { $0.kind == "figure" && $0.answer == "650 million" })
    }

    @Test func diagnosticsNameTheLoneOrdinal() throws {
        let data = try Data(contentsOf: Fixture.url("farming-speech.txt"))
        let result = try DeckGenerator.generate(data: data, options: GenerationOptions(name: "t", sourceFile: "f.txt"))
        #expect(result.diagnostics.contains { $0.line == 5 && $0.message.contains("starts no list") })
    }
}
