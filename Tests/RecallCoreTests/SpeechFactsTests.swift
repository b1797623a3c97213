import Foundation
import Testing

@testable import RecallCore

/// Every fact a student of "Expand and Strengthen the Digital Economy" is examined on, listed by
/// hand from the text, must be in the generated deck, as a card worth studying.
@Suite struct SpeechFactsTests {
    let deck: Deck

    init() throws { deck = try Fixture.deck("digital-economy.txt") }

    func cards(_ kind: String) -> [Card] { deck.cards.filter { $0.kind == kind } }

    static let dates: [(answer: String, contextWords: String)] = [
        ("October 18, 2021", "October 18, 2021"),
        ("2000", "Digital Fujian"),
        ("2003", "Digital Zhejiang"),
        ("2012", "Since the 18th CPC National Congress in 2012"),
        ("2016", "36th group study session"),
        ("2016", "G20 Summit in Hangzhou"),
        ("2017", "second group study session"),
        ("2018", "Central Conference on Economic Work"),
        ("2021", "World Internet Conference Wuzhen Summit"),
        ("2015", "Fifth Plenary Session in 2015"),
        ("2017", "The 19th CPC National Congress in 2017"),
        ("2020", "Fifth Plenary Session in 2020"),
        ("2021", "Global Digital Economy Conference"),
    ]

    @Test(arguments: dates.indices)
    func everyDateIsAsked(_ index: Int) {
        let fact = Self.dates[index]
        #expect(
            cards("date").contains { $0.answer == fact.answer && ($0.context ?? "").contains(fact.contextWords) },
            "no date card answering \(fact.answer) from the sentence with \(fact.contextWords)")
    }

    @Test func theSpeechDateIsAskedOnce() {
        #expect(cards("date").filter { $0.answer == "October 18, 2021" }.count == 1)
        #expect(deck.source?.date == "October 18, 2021")
    }

    static let meetings = [
        "18th CPC National Congress",
        "36th group study session of the Political Bureau of the 18th CPC Central Committee",
        "G20 Summit",
        "second group study session of the Political Bureau of the 19th CPC Central Committee",
        "Central Conference on Economic Work",
        "World Internet Conference",
        "Fifth Plenary Session",
        "19th CPC National Congress",
        "Global Digital Economy Conference",
        "34th group study session of the Political Bureau of the 19th CPC Central Committee",
    ]

    @Test(arguments: meetings)
    func everyMeetingIsAnAnswer(_ meeting: String) {
        #expect(cards("session").contains { $0.answer == meeting }, "no session card answered by \(meeting)")
    }

    @Test func longMeetingNamesAcceptTheirShortForm() throws {
        let card = try #require(cards("session").first { $0.answer.hasPrefix("36th group study session") })
        #expect(card.alternatives.contains("36th group study session"))
        #expect(AnswerGrader().verdict("36th group study session", for: card) == .correct)
    }

    @Test func theAnnualConferenceIsAskedByWhatWasSaidThere() throws {
        let card = try #require(cards("session").first { $0.answer == "Central Conference on Economic Work" })
        #expect(card.question.contains("5G"), "the cue is what was said there: \(card.question)")
        #expect(!cards("date").contains { $0.question.hasPrefix("In what year") })
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

    /// Overlapping clozes: item i is blank, the items before it are shown as cues.
    func checkOrdered(_ items: [String]) throws {
        for (i, item) in items.enumerated() {
            let card = try #require(
                cards("directive").first { $0.answer == item && $0.question.contains("(\(i + 1)) \(Card.gap)") },
                "no overlapping cloze for item \(i + 1): \(item)")
            if i > 0 { #expect(card.question.contains("(\(i)) ")) }
            #expect(card.question.components(separatedBy: Card.gap).count == 2)
        }
        let groups = Set(
            cards("directive").filter { items.contains($0.answer) && $0.question.contains(") \(Card.gap)") }.compactMap(\.group))
        #expect(groups.count == 1, "one list, one sibling group")
    }

    @Test func threeReasons() throws { try checkOrdered(Self.reasons) }
    @Test func sevenTasks() throws { try checkOrdered(Self.tasks) }

    @Test func fiveAimsAreClozesInTheSpeakersSentence() throws {
        for aim in Self.aims {
            let card = try #require(cards("directive").first { $0.answer == aim }, "no card for \(aim)")
            #expect(card.question.contains(Card.gap))
            for other in Self.aims where other != aim { #expect(card.question.contains(other), "the other items are shown") }
        }
    }

    @Test func theRankIsAFigure() {
        #expect(cards("figure").contains { $0.answer == "second" && $0.question.contains("ranked \(Card.gap) in the world") })
    }

    @Test func cardQuality() {
        for card in deck.cards {
            #expect(!Answer.normalized(card.question).contains(" \(Answer.normalized(card.answer)) "), "gives away: \(card.question)")
            #expect(!card.question.contains("the speaker"), "rewritten: \(card.question)")
            #expect(!card.question.hasPrefix("Where does"), "a position card: \(card.question)")
            #expect(card.answer.split(separator: " ").count <= 15, "untypeable: \(card.answer)")
            #expect(card.question.split(separator: " ").count <= 45, "too long: \(card.question)")
            #expect(card.context.map { !$0.isEmpty } ?? false)
            #expect(card.group != nil)
            #expect(!card.question.contains("  "))
            if card.isCloze { #expect(card.question.components(separatedBy: Card.gap).count == 2, "one gap: \(card.question)") }
        }
        #expect(Set(deck.cards.map(\.id)).count == deck.cards.count)
    }

    @Test func contextIsTheVerbatimSourceSentence() throws {
        let text = Words.folded(try Fixture.text("digital-economy.txt"))
        for card in deck.cards {
            let context = try #require(card.context)
            #expect(text.contains(context), "context not in source: \(context)")
        }
    }

    @Test func yearsInNamesAndUpdateStampsAreNotDates() {
        #expect(!deck.cards.contains { $0.answer.contains("2023") })
    }
}
