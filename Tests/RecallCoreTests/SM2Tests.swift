import Foundation
import Testing

@testable import RecallCore

@Suite struct SM2Tests {
    /// (grade, repetitions, EF, interval, due) lines from SM2.md.
    typealias Step = (q: Int, n: Int, ef: Int, i: Int, due: String)

    static let examples: [(name: String, steps: [Step])] = [
        (
            "5,4,3,0,5,5",
            [
                (5, 1, 260, 1, "2026-01-06"), (4, 2, 260, 6, "2026-01-12"), (3, 3, 246, 16, "2026-01-28"),
                (0, 0, 166, 1, "2026-01-29"), (5, 1, 176, 1, "2026-01-30"), (5, 2, 186, 6, "2026-02-05"),
            ]
        ),
        (
            "5,5,5,5,5,5",
            [
                (5, 1, 260, 1, "2026-01-06"), (5, 2, 270, 6, "2026-01-12"), (5, 3, 280, 17, "2026-01-29"),
                (5, 4, 290, 48, "2026-03-18"), (5, 5, 300, 140, "2026-08-05"), (5, 6, 310, 420, "2027-09-29"),
            ]
        ),
        (
            "4,4,4,2,1,0,4,4,4",
            [
                (4, 1, 250, 1, "2026-01-06"), (4, 2, 250, 6, "2026-01-12"), (4, 3, 250, 15, "2026-01-27"),
                (2, 0, 218, 1, "2026-01-28"), (1, 0, 164, 1, "2026-01-29"), (0, 0, 130, 1, "2026-01-30"),
                (4, 1, 130, 1, "2026-01-31"), (4, 2, 130, 6, "2026-02-06"), (4, 3, 130, 8, "2026-02-14"),
            ]
        ),
        (
            "3,3,3,3,3,3,3",
            [
                (3, 1, 236, 1, "2026-01-06"), (3, 2, 222, 6, "2026-01-12"), (3, 3, 208, 14, "2026-01-26"),
                (3, 4, 194, 30, "2026-02-25"), (3, 5, 180, 59, "2026-04-25"), (3, 6, 166, 107, "2026-08-10"),
                (3, 7, 152, 178, "2027-02-04"),
            ]
        ),
        (
            "1,5,5,0,5,5,5",
            [
                (1, 0, 196, 1, "2026-01-06"), (5, 1, 206, 1, "2026-01-07"), (5, 2, 216, 6, "2026-01-13"),
                (0, 0, 136, 1, "2026-01-14"), (5, 1, 146, 1, "2026-01-15"), (5, 2, 156, 6, "2026-01-21"),
                (5, 3, 166, 10, "2026-01-31"),
            ]
        ),
    ]

    @Test(arguments: examples.indices)
    func workedExample(_ index: Int) throws {
        var state = CardState.new
        var day = try #require(Day("2026-01-05"))
        for step in Self.examples[index].steps {
            state = SM2.review(state, grade: step.q, on: day)
            #expect(state.repetitions == step.n, "\(Self.examples[index].name) q=\(step.q)")
            #expect(state.easiness == step.ef)
            #expect(state.interval == step.i)
            #expect(state.due?.description == step.due)
            day = try #require(state.due)
        }
    }

    @Test func lateReviewIsScheduledFromTheReviewDay() throws {
        let state = CardState(
            repetitions: 2, easiness: 260, interval: 6, due: Day("2026-01-12"), lapses: 0, reviews: 2,
            suspended: false, buriedUntil: nil, introduced: Day("2026-01-05"), lastReviewed: Day("2026-01-06"))
        let next = SM2.review(state, grade: 5, on: try #require(Day("2026-01-20")))
        #expect(next.repetitions == 3 && next.easiness == 270 && next.interval == 16)
        #expect(next.due?.description == "2026-02-05")
    }

    @Test(arguments: 0...5)
    func easinessNeverFallsBelowTheFloor(_ grade: Int) {
        var state = CardState.new
        state.easiness = 131
        #expect(SM2.review(state, grade: grade, on: Day(ordinal: 0)).easiness >= 130)
    }

    @Test func intervalIsCapped() {
        var state = CardState.new
        state.repetitions = 20
        state.interval = 30_000
        state.easiness = 300
        #expect(SM2.review(state, grade: 5, on: Day(ordinal: 0)).interval == 36_500)
    }

    /// A second implementation, written plainly from SM2.md, against thousands of random
    /// grade sequences.
    struct Plain {
        var n = 0, ef = 250, i = 0
        mutating func review(_ q: Int) {
            let deltas = [-80, -54, -32, -14, 0, 10]
            if q >= 3 {
                if n == 0 {
                    i = 1
                } else if n == 1 {
                    i = 6
                } else {
                    let product = i * ef
                    i = product / 100 + (product % 100 == 0 ? 0 : 1)
                    if i > 36500 { i = 36500 }
                }
                n += 1
            } else {
                n = 0
                i = 1
            }
            ef = ef + deltas[q]
            if ef < 130 { ef = 130 }
        }
    }

    @Test func propertyAgreesWithAPlainImplementation() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<5000 {
            var state = CardState.new
            var plain = Plain()
            var day = Day(ordinal: 20_000)
            for _ in 0..<Int(rng.next() % 15 + 1) {
                let q = Int(rng.next() % 6)
                state = SM2.review(state, grade: q, on: day)
                plain.review(q)
                #expect(state.repetitions == plain.n && state.easiness == plain.ef && state.interval == plain.i)
                #expect(state.due == day.adding(plain.i))
                day = day.adding(Int(rng.next() % 40))
            }
        }
    }

    @Test func studyDayStartsAt4AM() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let midnight = try #require(Day("2026-01-05")).ordinal * 86_400
        let lateNight = Date(timeIntervalSince1970: Double(midnight + 4 * 3600 - 1))  // 2026-01-05 03:59:59 UTC
        #expect(Day.studyDay(at: lateNight, timeZone: utc).description == "2026-01-04")
        #expect(Day.studyDay(at: lateNight.addingTimeInterval(1), timeZone: utc).description == "2026-01-05")
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "26-01-01", "2026/01/01", ""])
    func invalidDaysDoNotParse(_ text: String) { #expect(Day(text) == nil) }

    @Test func dayRoundTrip() {
        for ordinal in stride(from: -1000, to: 80_000, by: 37) {
            #expect(Day(Day(ordinal: ordinal).description)?.ordinal == ordinal)
        }
    }
}

/// Siblings (cards of one sentence or one list) are kept apart: one of a group a day.
@Suite struct SiblingTests {
    func card(_ id: String, _ group: String?) -> Card { Card(id: id, kind: "k", question: "\(id)?", answer: id, group: group) }
    let day = Day(year: 2026, month: 1, day: 5)!

    @Test func oneNewCardOfAGroupADay() {
        let cards = [card("a1", "a"), card("a2", "a"), card("b1", "b"), card("x", nil), card("a3", "a"), card("b2", "b")]
        let queue = DailyQueue.build(cards: cards, states: [:], today: day, newLimit: 10)
        #expect(queue.new == ["a1", "b1", "x"])
        let all = DailyQueue.build(cards: cards, states: [:], today: day, newLimit: 10, burySiblings: false)
        #expect(all.new == cards.map(\.id))
        let counted = DailyQueue.positions(
            ids: cards.map(\.id), states: [:], today: day, newLimit: 10, groups: cards.map { $0.group ?? "" })
        #expect(counted.deferred == 3)
    }

    @Test func theLimitIsFilledPastDeferredSiblings() {
        let cards = [card("a1", "a"), card("a2", "a"), card("a3", "a"), card("b1", "b"), card("c1", "c")]
        #expect(DailyQueue.build(cards: cards, states: [:], today: day, newLimit: 2).new == ["a1", "b1"])
        // Only a2 would have been shown today (the first two new cards): one card waits, not two.
        let counted = DailyQueue.positions(ids: cards.map(\.id), states: [:], today: day, newLimit: 2, groups: cards.map { $0.group ?? "" })
        #expect(counted.deferred == 1)
    }

    @Test func aDueCardTakesItsGroupAndAGroupStudiedTodayWaits() {
        let cards = [card("a1", "a"), card("a2", "a"), card("b1", "b"), card("b2", "b")]
        var states = CardStates()
        var due = CardState.new
        due.repetitions = 1
        due.interval = 1
        due.due = day
        due.introduced = day.adding(-1)
        due.lastReviewed = day.adding(-1)
        states["a2"] = due
        var seen = CardState.new
        seen.repetitions = 1
        seen.interval = 1
        seen.due = day.adding(1)
        seen.introduced = day
        seen.lastReviewed = day
        states["b1"] = seen
        let queue = DailyQueue.build(cards: cards, states: states, today: day, newLimit: 10)
        #expect(queue.due == ["a2"])
        #expect(queue.new == [], "a1 is a sibling of the due a2; b2 of b1, studied today")
    }
}

@Suite struct StudyDayRangeTests {
    @Test func everyDueDateOfEveryStudyDayIsOneTheFilesCanHold() throws {
        #expect(Day.studyDays.lowerBound - 0 >= Day.writable.lowerBound)
        #expect(Day.studyDays.upperBound + SM2.maximumInterval <= Day.writable.upperBound)
        // The longest interval reached on the last study day, and the shortest on the first.
        var state = CardState.new
        state.repetitions = 9
        state.interval = SM2.maximumInterval
        let last = Day(ordinal: Day.studyDays.upperBound)
        let reviewed = SM2.review(state, grade: 5, on: last)
        #expect(reviewed.interval == SM2.maximumInterval && reviewed.isPossible)
        #expect(SM2.review(.new, grade: 0, on: Day(ordinal: Day.studyDays.lowerBound)).isPossible)
    }

    @Test(arguments: [
        ("2026-11-30", "ok"), ("1900-01-01", "ok"), ("2999-12-31", "ok"),
        ("9999-12-31", "'9999-12-31' is outside the days Recall studies on (1900-01-01 to 2999-12-31)"),
        ("0000-01-01", "'0000-01-01' is outside the days Recall studies on (1900-01-01 to 2999-12-31)"),
        ("2021-02-29", "'2021-02-29' is not a day of the calendar"), ("2021-13-01", "'2021-13-01' is not a day of the calendar"),
        ("18/10/2021", "'18/10/2021' is not a date of the form YYYY-MM-DD"),
        ("2021-1-1", "'2021-1-1' is not a date of the form YYYY-MM-DD"),
        ("２０２１-01-01", "'２０２１-01-01' is not a date of the form YYYY-MM-DD"),
    ])
    func aStudyDayIsADateOfTheCalendarInTheRange(_ text: String, _ expected: String) {
        switch Day.studyDay(parsing: text) {
        case let .success(day): #expect(expected == "ok" && day.description == text)
        case let .failure(problem): #expect(problem.description == expected)
        }
    }
}
