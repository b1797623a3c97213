import Testing
@testable import RecallCore

@Suite struct GradingTests {
    let grader = AnswerGrader()

    static let year = Card(id: "y", kind: "date", question: "In what year?", answer: "2000", alternatives: ["the year 2000"])
    static let meeting = Card(id: "m", kind: "session", question: "Which meeting?",
                              answer: "the 36th group study session of the Political Bureau of the 18th CPC Central Committee")
    static let task = Card(id: "t", kind: "directive", question: "Third task?", answer: "integrate the digital economy with the real economy")
    static let list = Card(id: "l", kind: "directive", question: "The three points?",
                           answer: "build a digital China; develop a data-driven digital economy; integrate the digital economy with the real economy",
                           unordered: true)
    static let orderedList = Card(id: "o", kind: "directive", question: "The four tasks, in order?",
                                  answer: "ensure grain supply; advance the seed industry; build a rural industrial system; deepen rural reform")

    static let table: [(typed: String, card: Card, verdict: AnswerGrader.Verdict)] = [
        ("2000", year, .correct),
        ("the year 2000", year, .correct),
        ("  2000. ", year, .correct),
        ("2001", year, .wrong),
        ("October 18 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .correct),
        ("Octobre 18, 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .nearMiss),
        ("October 19, 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .wrong),
        ("oct 18 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .correct),
        ("18 October 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .correct),
        ("Oct. 18th, 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .correct),
        ("Sept 2021", Card(id: "d", kind: "date", question: "When?", answer: "September 2021"), .correct),
        ("oct 19 2021", Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021"), .wrong),
        ("mar the plan", Card(id: "w", kind: "directive", question: "What?", answer: "march the plan"), .wrong),  // "mar" alone is a word
        ("1999", year, .wrong),
        ("", year, .blank),
        ("The 36th Group Study Session of the Political Bureau of the 18th CPC Central Committee", meeting, .correct),
        ("thirty-sixth group study session of the political bureau of the eighteenth CPC central committee", meeting, .correct),
        ("36th group study session of Political Bureau of 18th CPC Central Committee", meeting, .correct),
        ("the 36th group study sesion of the Political Bureau of the 18th CPC Central Committee", meeting, .nearMiss),
        ("the 19th CPC National Congress", meeting, .wrong),
        ("Integrate the digital economy with the real economy!", task, .correct),
        ("integrate digital economy with real economy", task, .correct),
        ("integrate the digital economy with the reel economy", task, .nearMiss),
        ("integrate the economy with the real economy", task, .nearMiss),
        ("regulate the development of the digital economy", task, .wrong),
        ("integrate the digital economy with the real economy; build a digital China; develop a data-driven digital economy", list, .correct),
        ("build a digital China, develop a data-driven digital economy", list, .partial(recalled: 2, of: 3)),
        ("ensure grain supply; advance the seed industry; build a rural industrial system; deepen rural reform", orderedList, .correct),
        ("ensure grain supply; deepen rural reform", orderedList, .partial(recalled: 2, of: 4)),
        ("something else entirely", orderedList, .partial(recalled: 0, of: 4)),
    ]

    @Test(arguments: table.indices)
    func verdicts(_ i: Int) {
        let row = Self.table[i]
        #expect(grader.verdict(row.typed, for: row.card) == row.verdict, "\(row.typed)")
    }

    @Test(arguments: [
        (AnswerGrader.Verdict.correct, 2.0, 5), (.correct, 60.0, 4), (.nearMiss, 2.0, 3), (.wrong, 2.0, 1), (.blank, 1.0, 0),
        (.partial(recalled: 3, of: 4), 5.0, 3), (.partial(recalled: 2, of: 4), 5.0, 2), (.partial(recalled: 1, of: 4), 5.0, 1),
        (.partial(recalled: 0, of: 4), 5.0, 0),
    ])
    func suggestedGrades(verdict: AnswerGrader.Verdict, seconds: Double, grade: Int) {
        #expect(grader.suggestedGrade(verdict, seconds: seconds, card: Self.task) == grade)
    }

    @Test func slownessScalesWithTheAnswer() {
        #expect(grader.quickLimit(for: Self.list) > grader.quickLimit(for: Self.year))
        #expect(grader.suggestedGrade(.correct, seconds: 15, card: Self.list) == 5)
        #expect(grader.suggestedGrade(.correct, seconds: 15, card: Self.year) == 4)
    }
}

@Suite struct DistractorTests {
    let deck: Deck
    init() throws { deck = try Fixture.deck("digital-economy.txt") }

    @Test func rightKindNoDuplicatesNeverTheAnswer() {
        var rng = SplitMix64(seed: 9)
        for card in deck.cards {
            let options = Distractors.pick(for: card, from: deck.cards, count: 3, using: &rng)
            let keys = options.map(Answer.normalized)
            #expect(Set(keys).count == keys.count, "duplicate options for \(card.id)")
            #expect(!keys.contains(Answer.normalized(card.answer)), "the answer offered as a distractor for \(card.id)")
            let answersOfKind = Set(deck.cards.filter { $0.kind == card.kind }.map(\.answer))
            for option in options { #expect(answersOfKind.contains(option), "\(option) is not an answer of kind \(card.kind)") }
        }
    }

    @Test func yearsAmongYearsMeetingsAmongMeetings() throws {
        var rng = SplitMix64(seed: 3)
        let year = try #require(deck.cards.first { $0.answer == "2000" })
        let yearOptions = Distractors.pick(for: year, from: deck.cards, count: 3, using: &rng)
        #expect(yearOptions.count == 3)
        #expect(yearOptions.allSatisfy { $0.count == 4 && $0.allSatisfy(\.isNumber) })
        let meeting = try #require(deck.cards.first { $0.kind == "session" && $0.answer.hasPrefix("36th") })
        let meetingOptions = Distractors.pick(for: meeting, from: deck.cards, count: 3, using: &rng)
        #expect(meetingOptions.count == 3)
        #expect(meetingOptions.allSatisfy { Distractors.shape($0) == .meeting })
        let task = try #require(deck.cards.first { $0.answer == "integrate the digital economy with the real economy" && $0.question.contains("(3) \(Card.gap)") })
        #expect(Distractors.pick(for: task, from: deck.cards, count: 3, using: &rng).allSatisfy { !$0.contains("; ") })
    }
}
