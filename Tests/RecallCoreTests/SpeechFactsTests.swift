import Foundation
import Testing
@testable import RecallCore

/// Every fact a student of "Expand and Strengthen the Digital Economy" is examined on, listed by
/// hand from the text, must be in the generated deck.
@Suite struct SpeechFactsTests {
    let deck: Deck

    init() throws { deck = try Fixture.deck("digital-economy.txt") }

    func cards(_ kind: String) -> [Card] { deck.cards.filter { $0.kind == kind } }

    static let dates: [(answer: String, questionWords: [String])] = [
        ("October 18, 2021", ["Expand and Strengthen the Digital Economy"]),
        ("2000", ["Digital Fujian"]),
        ("2003", ["Digital Zhejiang"]),
        ("2012", ["18th CPC National Congress"]),
        ("2016", ["36th group study session"]),
        ("2016", ["G20 Summit", "Hangzhou"]),
        ("2017", ["second group study session", "19th CPC Central Committee"]),
        ("2018", ["Central Conference on Economic Work"]),
        ("2021", ["World Internet Conference Wuzhen Summit"]),
        ("2015", ["Fifth Plenary Session of the 18th CPC Central Committee"]),
        ("2017", ["19th CPC National Congress"]),
        ("2020", ["Fifth Plenary Session of the 19th CPC Central Committee"]),
        ("2021", ["Global Digital Economy Conference"]),
        ("October 18, 2021", ["34th group study session"]),
    ]

    @Test(arguments: dates.indices)
    func everyDateIsAsked(_ index: Int) {
        let fact = Self.dates[index]
        let found = cards("date").contains { card in
            card.answer == fact.answer && fact.questionWords.allSatisfy { card.question.contains($0) }
        }
        #expect(found, "no date card answering \(fact.answer) about \(fact.questionWords)")
    }

    static let meetings = [
        "the 18th CPC National Congress",
        "the 36th group study session of the Political Bureau of the 18th CPC Central Committee",
        "the G20 Summit in Hangzhou",
        "the second group study session of the Political Bureau of the 19th CPC Central Committee",
        "the Central Conference on Economic Work",
        "the World Internet Conference Wuzhen Summit",
        "the Fifth Plenary Session of the 18th CPC Central Committee",
        "the 19th CPC National Congress",
        "the Fifth Plenary Session of the 19th CPC Central Committee",
        "the Global Digital Economy Conference",
        "the 34th group study session of the Political Bureau of the 19th CPC Central Committee",
    ]

    @Test(arguments: meetings)
    func everyMeetingIsAnAnswer(_ meeting: String) {
        #expect(cards("session").contains { $0.answer == meeting }, "no session card answered by \(meeting)")
    }

    @Test func meetingsAreAskedBothWays() {
        let which = cards("session").first { $0.question.hasPrefix("At which meeting in 2016 did the speaker emphasize") }
        #expect(which?.answer == "the 36th group study session of the Political Bureau of the 18th CPC Central Committee")
        let what = cards("session").first { $0.question.hasPrefix("What did the speaker emphasize at the 36th group study session") }
        #expect(what?.answer == "the importance of expanding and strengthening our digital economy to open up new space for economic development")
        let decided = cards("session").first { $0.question == "What did the 18th CPC Central Committee decide at its Fifth Plenary Session?" }
        #expect(decided?.answer.hasPrefix("to implement the national big data strategy") == true)
    }

    static let reasons = [
        "the sound growth of the digital economy helps to build a new development dynamic",
        "the sound growth of the digital economy helps to build a modern economy",
        "the sound growth of the digital economy gives China an edge in international competition",
    ]
    static let tasks = [
        "intensify efforts to make breakthroughs in core technologies in key fields",
        "accelerate the construction of new infrastructure",
        "integrate the digital economy with the real economy",
        "develop the digital industry in key fields",
        "regulate the development of the digital economy",
        "strengthen governance of the digital economy",
        "actively participate in international cooperation in the digital economy",
    ]
    static let aims = [
        "stimulate the vitality of the digital economy",
        "increase the efficiency of digital government",
        "optimize the environment of the digital society",
        "set up a digital cooperation model",
        "build a digital security shield",
    ]

    func checkList(_ items: [String], noun: String) throws {
        let n = English.cardinalWord(items.count)
        for (i, item) in items.enumerated() {
            let ordinal = English.ordinalWord(i + 1)
            let card = try #require(cards("directive").first { $0.answer == item && $0.question.hasPrefix("What is the \(ordinal) of the \(n) \(noun)") },
                                    "no card for item \(i + 1): \(item)")
            #expect(card.context?.isEmpty == false)
            #expect(cards("directive").contains { $0.question.hasPrefix("Where does \"\(item)\" stand among the \(n) \(noun)") && $0.answer == English.ordinalDigits(i + 1) })
        }
        #expect(cards("directive").contains { $0.question.hasPrefix("What are the \(n) \(noun)") && $0.answer == items.joined(separator: "; ") })
    }

    @Test func threeReasons() throws { try checkList(Self.reasons, noun: "reasons") }
    @Test func sevenTasks() throws { try checkList(Self.tasks, noun: "tasks") }
    @Test func fiveAimsInOneSentence() throws { try checkList(Self.aims, noun: "points the speaker pointed out") }

    @Test func theIssuesExampleQuestions() {
        #expect(deck.cards.contains { $0.question == "In what year did the speaker propose building a Digital Fujian?" && $0.answer == "2000" })
        #expect(deck.cards.contains { $0.question == "What is the third of the seven tasks set out in \"Expand and Strengthen the Digital Economy\"?" && $0.answer == "integrate the digital economy with the real economy" })
    }

    @Test func cardQuality() {
        var questions = Set<String>()
        for card in deck.cards {
            #expect(questions.insert(Answer.normalized(card.question)).inserted, "duplicate question: \(card.question)")
            #expect(card.question.hasSuffix("?"))
            #expect(card.question.first?.isUppercase == true)
            #expect(!Answer.normalized(card.question).contains(Answer.normalized(card.answer)), "gives away: \(card.question)")
            for pronoun in [" I ", " we ", " We ", " our ", " my ", " me "] {
                #expect(!(" " + card.question + " ").contains(pronoun), "first person in: \(card.question)")
            }
            #expect(card.context.map { !$0.isEmpty } ?? false)
            #expect(!card.question.contains("  "))
        }
        #expect(Set(deck.cards.map(\.id)).count == deck.cards.count)
    }

    @Test func contextIsTheVerbatimSourceSentence() throws {
        let text = Words.folded(try Fixture.text("digital-economy.txt"))
        for card in deck.cards where card.kind != "directive" || !card.question.hasPrefix("What are") {
            let context = try #require(card.context)
            #expect(text.contains(context), "context not in source: \(context)")
        }
    }

    @Test func yearsInNamesAndUpdateStampsAreNotDates() {
        #expect(!deck.cards.contains { $0.answer.contains("2023") })
    }

    @Test func ordinalMeetingWordsMakeNoList() {
        #expect(!cards("directive").contains { $0.question.contains("Plenary Session") && $0.question.hasPrefix("What is the fifth") })
    }
}
