import Testing

@testable import RecallCore

@Suite struct GradingTests {
    let grader = AnswerGrader()

    static let year = Card(id: "y", kind: "date", question: "In what year?", answer: "2000", alternatives: ["the year 2000"])
    static let meeting = Card(
        id: "m", kind: "session", question: "Which meeting?",
        answer: "the 36th group study session of the Political Bureau of the 18th CPC Central Committee")
    static let task = Card(
        id: "t", kind: "directive", question: "Third task?", answer: "integrate the digital economy with the real economy")
    static let list = Card(
        id: "l", kind: "directive", question: "The three points?",
        answer: "build a digital China; develop a data-driven digital economy; integrate the digital economy with the real economy",
        unordered: true)
    static let orderedList = Card(
        id: "o", kind: "directive", question: "The four tasks, in order?",
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
        (
            "integrate the digital economy with the real economy; build a digital China; develop a data-driven digital economy", list,
            .correct
        ),
        ("build a digital China, develop a data-driven digital economy", list, .partial(recalled: 2, of: 3)),
        ("ensure grain supply; advance the seed industry; build a rural industrial system; deepen rural reform", orderedList, .correct),
        ("ensure grain supply; deepen rural reform", orderedList, .partial(recalled: 2, of: 4)),
        ("something else entirely", orderedList, .partial(recalled: 0, of: 4)),
        // Dates in digits, spoken, with a weekday; years spoken; "in 2012".
        ("2021-10-18", date, .correct), ("18/10/2021", date, .correct), ("10/18/2021", date, .correct), ("18.10.2021", date, .correct),
        ("Monday, October 18, 2021", date, .correct), ("the eighteenth of October, twenty twenty-one", date, .correct),
        ("19/10/2021", date, .wrong), ("October 18", date, .nearMiss), ("2021", date, .wrong),
        ("twenty fifteen", Card(id: "y", kind: "date", question: "When?", answer: "2015"), .correct),
        ("two thousand and three", Card(id: "y", kind: "date", question: "When?", answer: "2003"), .correct),
        ("in 2000", year, .correct),
        // Ordinals: without a hyphen, with a slip in the word.
        ("thirty sixth group study session of the political bureau of the 18th CPC Central Committee", meeting, .correct),
        ("the 36th group study session", meeting, .correct),
        (
            "the thrid group study session", Card(id: "m", kind: "session", question: "Which?", answer: "third group study session"),
            .nearMiss
        ),
        // Short forms any teacher accepts.
        ("18th Party Congress", congress, .correct), ("the 18th National Congress of the CPC", congress, .correct),
        ("19th Party Congress", congress, .wrong),
        (
            "the fifth plenum",
            Card(id: "p", kind: "session", question: "Which?", answer: "Fifth Plenary Session of the 19th CPC Central Committee"), .correct
        ),
        ("AI", Card(id: "a", kind: "directive", question: "What?", answer: "artificial intelligence"), .correct),
        ("data driven", Card(id: "h", kind: "directive", question: "What?", answer: "data-driven"), .correct),
        // A key word missing or changed, a negation: wrong; a typo or a filler word: a near miss.
        ("do not integrate the digital economy with the real economy", task, .wrong),
        ("integrate the digital society with the real economy", task, .wrong),
        ("integrate the digital ecnomy with the real economy", task, .nearMiss),
        (
            "deregulate the development of the digital economy",
            Card(id: "r", kind: "directive", question: "?", answer: "regulate the development of the digital economy"), .wrong
        ),
        ("1.3 billion", Card(id: "f", kind: "figure", question: "?", answer: "1.3 trillion"), .wrong),
        ("650m", Card(id: "f", kind: "figure", question: "?", answer: "650 million"), .correct),
        // Items read by the card's separators or by the commas and "and"s that fit, never at an item's own "and".
        ("stable production and supply of grain, seed industry and rural reform", andList, .correct),
        ("rural reform; the seed industry; stable production and supply of grain", andList, .correct),
        (
            "advance the seed industry; ensure grain supply; build a rural industrial system; deepen rural reform", orderedList,
            .partial(recalled: 3, of: 4)
        ),
        (
            "1. ensure grain supply\n2. advance the seed industry\n3. build a rural industrial system\n4. deepen rural reform", orderedList,
            .correct
        ),
        // The README's table.
        ("two thousand", year, .correct), ("Octobre 18, 2021", date, .nearMiss),
        ("G20", Card(id: "g", kind: "session", question: "At the 2016 ____ in Hangzhou", answer: "G20 Summit"), .correct),
        ("cyber power", Card(id: "c", kind: "directive", question: "?", answer: "a cyberpower"), .correct),
        (
            "reorganising global factor resources",
            Card(id: "r", kind: "directive", question: "?", answer: "reorganizing global factor resources"), .correct
        ),
        ("5.2 %", Card(id: "f", kind: "figure", question: "?", answer: "5.2%"), .correct),
        ("410 thousand", Card(id: "f", kind: "figure", question: "?", answer: "410,000"), .correct),
        ("5.5%", Card(id: "f", kind: "figure", question: "?", answer: "5.2%"), .wrong),
        (
            "increase the efficiency of digital governance",
            Card(id: "e", kind: "directive", question: "?", answer: "increase the efficiency of digital government"), .nearMiss
        ),
        ("extend industrial chains", Card(id: "e", kind: "directive", question: "?", answer: "extend their industrial chains"), .correct),
        (
            "transform traditional industries with new internet technology",
            Card(
                id: "t", kind: "directive", question: "?",
                answer: "transform traditional industries thoroughly with new internet technology"), .nearMiss
        ),
        ("No. 2", Card(id: "n", kind: "directive", question: "?", answer: "second"), .correct),
        ("number two", Card(id: "n", kind: "directive", question: "?", answer: "second"), .correct),
        ("WIC", Card(id: "w", kind: "session", question: "?", answer: "World Internet Conference"), .correct),
        ("improve TFP", Card(id: "t", kind: "directive", question: "?", answer: "improve the total-factor productivity"), .correct),
        ("5,2 %", Card(id: "f", kind: "figure", question: "?", answer: "5.2%"), .correct),
        ("thirty-forth group study session", Card(id: "m", kind: "session", question: "?", answer: "34th group study session"), .nearMiss),
        (
            "Global Digital Economic Conference",
            Card(id: "g", kind: "session", question: "?", answer: "Global Digital Economy Conference"), .nearMiss
        ),
        (
            "the 19th congress of the Communist Party of China",
            Card(id: "c", kind: "session", question: "?", answer: "19th CPC National Congress"), .correct
        ),
        ("stable production and supply of grain; the seed industry; rural reform; rural roads", andList, .wrong),
        // The wrong day of the week is a near miss; dates in other scripts and short forms are read.
        ("Tuesday, October 18, 2021", date, .nearMiss), ("Mon 18 Oct 21", date, .correct),
        ("2021年10月18日", date, .correct),
        ("30.000", Card(id: "f", kind: "figure", question: "?", answer: "30,000"), .correct),
        ("3.5", Card(id: "f", kind: "figure", question: "?", answer: "3,500"), .wrong),
        ("0125", Card(id: "f", kind: "figure", question: "?", answer: "0.125"), .wrong),
        ("major S&T projects", Card(id: "s", kind: "directive", question: "?", answer: "major science and technology projects"), .correct),
        ("Central Rural Work Conf.", Card(id: "c", kind: "session", question: "?", answer: "Central Rural Work Conference"), .correct),
        // A meeting's words in another order; but never without its number.
        (
            "Central Economic Work Conference",
            Card(id: "c", kind: "session", question: "?", answer: "Central Conference on Economic Work"), .correct
        ),
        (
            "Central Conference of Economic Work",
            Card(id: "c", kind: "session", question: "?", answer: "Central Conference on Economic Work"), .nearMiss
        ),
        ("CPC National Congress", congress, .wrong),
        ("18th Congress", congress, .nearMiss),
        // The answer's core, cut of the words that frame it: close; cut of what says whose: wrong.
        (
            "build a digital China", Card(id: "b", kind: "directive", question: "?", answer: "move faster to build a digital China"),
            .nearMiss
        ),
        (
            "develop the digital industry",
            Card(id: "b", kind: "directive", question: "?", answer: "develop the digital industry in key fields"), .nearMiss
        ),
        ("Coastal Investment Forum", Card(id: "c", kind: "session", question: "?", answer: "Annual Coastal Investment Forum"), .nearMiss),
        ("improve the income", Card(id: "b", kind: "directive", question: "?", answer: "improve the income of farmers"), .wrong),
        ("the digital economy", Card(id: "b", kind: "directive", question: "?", answer: "develop the digital economy"), .wrong),
        (
            "advance the digital industry",
            Card(
                id: "b", kind: "directive", question: "?",
                answer: "advance the digital industry and the digital transformation of industries"), .wrong
        ),
        // A meeting without its place, or with another kind: close.
        (
            "Summit on Rural Broadband", Card(id: "s", kind: "session", question: "?", answer: "Summit on Rural Broadband in Denver"),
            .nearMiss
        ),
        ("World Internet Congress", Card(id: "s", kind: "session", question: "?", answer: "World Internet Conference"), .nearMiss),
        // A vague adjective is a filler; a slip in a word's ending is close.
        (
            "realize development across fields",
            Card(id: "r", kind: "directive", question: "?", answer: "realize development across different fields"), .correct
        ),
        ("close loopholes", Card(id: "r", kind: "directive", question: "?", answer: "closing loopholes"), .nearMiss),
        // A large number in another magnitude is the same number.
        ("1,300 billion", Card(id: "f", kind: "figure", question: "?", answer: "1.3 trillion"), .correct),
        ("0.5 billion yuan", Card(id: "f", kind: "figure", question: "?", answer: "500 million yuan"), .correct),
        ("1,300 million", Card(id: "f", kind: "figure", question: "?", answer: "1.3 trillion"), .wrong),
        ("the same standards", Card(id: "r", kind: "directive", question: "?", answer: "set different standards"), .wrong),
        ("strengthen cooperation", Card(id: "r", kind: "directive", question: "?", answer: "strengthen cooperation with Africa"), .wrong),
        ("regulate the sector", Card(id: "r", kind: "directive", question: "?", answer: "regulate the section"), .wrong),
        ("Tuesday, 25 September 2024", weekdayCard, .nearMiss), ("25 September 2024", weekdayCard, .correct),
    ]
    static let weekdayCard = Card(
        id: "w", kind: "date", question: "… on ____.", answer: "Wednesday, 25 September 2024",
        alternatives: ["Wednesday", "25 September 2024"])
    static let date = Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021")
    static let congress = Card(id: "c", kind: "session", question: "Since the ____ in 2012 …", answer: "18th CPC National Congress")
    static let andList = Card(
        id: "a", kind: "directive", question: "The three tasks?",
        answer: "stable production and supply of grain; the seed industry; rural reform", unordered: true)

    @Test func aListItemTypedAsItsCoreIsTheItem() {
        let card = Card(
            id: "l", kind: "directive", question: "?",
            answer:
                "helps to build a new development dynamic; helps to build a modern economy; gives China an edge in international competition"
        )
        #expect(grader.verdict("new development dynamic, modern economy", for: card) == .partial(recalled: 2, of: 3))
        let others = Card(
            id: "m", kind: "directive", question: "?", answer: "strengthen cooperation with Africa; deepen ties with Europe",
            unordered: true)
        #expect(grader.verdict("strengthen cooperation, deepen ties", for: others) != .correct, "a lead not shared is not dropped")
        let verbs = Card(id: "v", kind: "directive", question: "?", answer: "expand domestic demand; curb local government debt")
        #expect(grader.verdict("domestic demand, local government debt", for: verbs) != .correct)
    }

    @Test(arguments: table.indices)
    func verdicts(_ i: Int) {
        let row = Self.table[i]
        #expect(grader.verdict(row.typed, for: row.card) == row.verdict, "\(row.typed)")
    }

    /// Words the deck's answers share weigh little: missing "real" from an answer of the
    /// bundled deck is wrong, missing "digital" a near miss.
    @Test func wordsWeighByHowWellTheyTellTheDecksAnswersApart() throws {
        let deck = try AnswerGrader(deck: Fixture.deck("digital-economy.txt").cards)
        #expect(deck.verdict("integrate the digital economy with the economy", for: Self.task) == .wrong)
        #expect(deck.verdict("integrate the economy with the real economy", for: Self.task) == .nearMiss)
        #expect(deck.shared.contains("digital") && deck.shared.contains("economy") && !deck.shared.contains("real"))
    }

    @Test(arguments: [
        (AnswerGrader.Verdict.correct, 2.0, 5), (.correct, 60.0, 4), (.nearMiss, 2.0, 3), (.wrong, 2.0, 1), (.blank, 1.0, 0),
        // A list with items missing or out of order is wrong, and a wrong answer that is not blank is 1.
        (.partial(recalled: 3, of: 4), 5.0, 1), (.partial(recalled: 2, of: 4), 5.0, 1), (.partial(recalled: 1, of: 4), 5.0, 1),
        (.partial(recalled: 0, of: 4), 5.0, 1),
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
    let grader: AnswerGrader
    init() throws {
        deck = try Fixture.deck("digital-economy.txt")
        grader = AnswerGrader(deck: deck.cards)
    }

    @Test func rightKindNoDuplicatesNeverTheAnswer() {
        var rng = SplitMix64(seed: 9)
        for card in deck.cards {
            let options = Distractors.pick(for: card, from: deck.cards, count: 3, using: &rng)
            let keys = options.map(Answer.normalized)
            #expect(Set(keys).count == keys.count, "duplicate options for \(card.id)")
            #expect(!keys.contains(Answer.normalized(card.answer)), "the answer offered as a distractor for \(card.id)")
            let answersOfKind = Set(deck.cards.filter { $0.kind == card.kind }.map(\.answer))
            // A date may also be offered its neighbours, written the same way, and an ordinal the other places.
            let near = Set(Distractors.neighbours(of: card.answer))
            let place = Distractors.shape(card.answer) == .ordinal
            for option in options {
                #expect(
                    answersOfKind.contains(option) || near.contains(option) || (place && English.ordinalValue(option) != nil),
                    "\(option) is not an answer of kind \(card.kind)")
            }
            // No option is one the question shows, or one the grader would accept.
            for option in options {
                #expect(
                    !Words.containsWords(Answer.normalized(card.question), Answer.normalized(option)),
                    "\(option) is in \(card.id)'s question")
            }
            for option in options {
                #expect(![.correct, .nearMiss].contains(grader.verdict(option, for: card)), "\(option) would be accepted for \(card.id)")
            }
        }
    }

    @Test func aDateGetsNeighbouringDatesWrittenLikeIt() {
        var rng = SplitMix64(seed: 1)
        let day = Card(id: "d", kind: "date", question: "When?", answer: "October 18, 2021")
        let options = Distractors.pick(for: day, from: [day], count: 3, using: &rng)
        #expect(options.count == 3)
        for option in options {
            #expect(CalendarDate(parsing: option) != nil && !option.first!.isNumber, "\(option)")
            #expect(option != "October 18, 2021")
        }
        let dayFirst = Card(id: "e", kind: "date", question: "When?", answer: "28 September 2024")
        #expect(Distractors.pick(for: dayFirst, from: [dayFirst], count: 3, using: &rng).allSatisfy { $0.first!.isNumber })
        let year = Card(id: "y", kind: "date", question: "When?", answer: "2016")
        let years = Distractors.pick(for: year, from: [year], count: 3, using: &rng)
        #expect(years.count == 3 && years.allSatisfy { Int($0).map { abs($0 - 2016) <= 4 } ?? false })
    }

    @Test func anOrdinalIsOfferedOnlyThePlacesTheListHas() {
        var rng = SplitMix64(seed: 2)
        let card = Card(
            id: "o", kind: "directive", question: "Where does \"deepen rural reform\" stand among the three tasks?", answer: "third")
        let other = Card(id: "p", kind: "directive", question: "Where does X stand among the seven tasks?", answer: "fifth")
        let options = Distractors.pick(for: card, from: [card, other], count: 3, using: &rng)
        #expect(Set(options) == ["first", "second"], "\(options)")
    }

    @Test func aBlankAfterTheIsOfferedNounPhrasesAndAVerbSlotVerbPhrases() {
        let pool = [
            Card(id: "n", kind: "directive", question: "It focuses on the ____, the data centers and the internet.", answer: "5G network"),
            Card(id: "n2", kind: "directive", question: "We will build the ____ of the country.", answer: "socialist system"),
            Card(id: "n3", kind: "directive", question: "We help ____ grow.", answer: "various market entities"),
            Card(id: "n4", kind: "directive", question: "Our aim is a ____ for all.", answer: "super big market"),
            Card(id: "v", kind: "directive", question: "We must ____ and grow.", answer: "support internet-based innovation"),
            Card(id: "v2", kind: "directive", question: "We should ____ now.", answer: "develop a data-driven digital economy"),
            Card(id: "v3", kind: "directive", question: "We will ____, and more.", answer: "set up a digital cooperation model"),
        ]
        for seed in 0..<10 {
            var rng = SplitMix64(seed: UInt64(seed))
            let nouns = Distractors.pick(for: pool[0], from: pool, count: 3, using: &rng)
            #expect(Set(nouns) == ["socialist system", "various market entities", "super big market"], "\(nouns)")
            let verbs = Distractors.pick(for: pool[4], from: pool, count: 3, using: &rng)
            #expect(!verbs.contains("various market entities") && verbs.contains("set up a digital cooperation model"), "\(verbs)")
        }
    }

    @Test func aPhraseIsOfferedPhrasesOfItsBuild() {
        var rng = SplitMix64(seed: 4)
        let card = Card(
            id: "m", kind: "directive", question: "advance digital transformation of ____, service sector, and agriculture",
            answer: "the manufacturing industry")
        let pool =
            [card]
            + [
                "help them expand and grow", "stimulate the vitality of the digital economy", "the 5G network",
                "the national industrial internet", "the global economic structure", "fully integrate the digital economy",
            ]
            .enumerated().map { Card(id: "c\($0.offset)", kind: "directive", question: "?", answer: $0.element) }
        let options = Distractors.pick(for: card, from: pool, count: 3, using: &rng)
        #expect(Set(options) == ["the 5G network", "the national industrial internet", "the global economic structure"], "\(options)")
    }

    @Test func aMeetingIsOfferedMeetingsOfItsKind() throws {
        var rng = SplitMix64(seed: 5)
        let card = Card(id: "s", kind: "session", question: "At the 2016 ____ in Hangzhou", answer: "G20 Summit")
        let pool =
            [card]
            + ["BRICS Summit", "Fifth Plenary Session", "World Internet Conference", "Summit of the Future", "second group study session"]
            .enumerated().map { Card(id: "c\($0.offset)", kind: "session", question: "?", answer: $0.element) }
        let options = Distractors.pick(for: card, from: pool, count: 2, using: &rng)
        #expect(Set(options) == ["BRICS Summit", "Summit of the Future"], "\(options)")
    }

    @Test func aMeetingIsOfferedMeetingsOfItsPeriodWhereThereAreEnough() throws {
        let card = Card(
            id: "s", kind: "session", question: "At the 2016 ____ in Hangzhou", answer: "G20 Summit",
            context: "At the 2016 G20 Summit in Hangzhou, we spoke.")
        let others = [
            ("BRICS Summit", 2017), ("APEC Summit", 2014), ("Millennium Summit", 2000), ("Earth Summit", 1992),
            ("Nuclear Security Summit", 2016),
        ]
        let pool =
            [card]
            + others.enumerated().map { k, o in
                Card(id: "c\(k)", kind: "session", question: "?", answer: o.0, context: "The \(o.0) met in \(o.1).")
            }
        for seed in 0..<20 {
            var rng = SplitMix64(seed: UInt64(seed))
            let options = Distractors.pick(for: card, from: pool, count: 3, using: &rng)
            #expect(Set(options) == ["BRICS Summit", "APEC Summit", "Nuclear Security Summit"], "\(options)")
        }
        // Too few of the period: the others fill in.
        var rng = SplitMix64(seed: 1)
        #expect(Distractors.pick(for: card, from: pool, count: 4, using: &rng).count == 4)
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
        let task = try #require(
            deck.cards.first {
                $0.answer == "integrate the digital economy with the real economy" && $0.question.contains("(3) \(Card.gap)")
            })
        #expect(Distractors.pick(for: task, from: deck.cards, count: 3, using: &rng).allSatisfy { !$0.contains("; ") })
    }
}
