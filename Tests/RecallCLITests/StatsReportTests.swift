import RecallCore
import RecallTestSupport
import Testing

@testable import RecallCLI

/// The statistics screen as a learner reads it, from a month of reviews made in memory.
@Suite struct StatsReportTests {
    /// Three kinds of card studied for 40 days: most remembered, one card failed again and again.
    func figures() throws -> StudyStatistics {
        let today = try #require(Day("2026-03-01"))
        let kinds = ["date", "session", "directive"]
        let cards = (0..<12).map { k in
            Card(
                id: "c\(k)", kind: kinds[k % 3],
                question: "Question \(k) about the speech, long enough to be cut at the edge of the screen?", answer: "a\(k)")
        }
        var states = CardStates()
        var events: [ProgressEvent] = []
        var rng = SplitMix64(seed: 3)
        for back in stride(from: 40, through: 0, by: -1) where back % 6 != 5 {
            let day = today.adding(-back)
            for card in cards where (states[card.id]?.due ?? day) <= day {
                let grade = card.id == "c7" ? 1 : Int.random(in: 2...5, using: &rng)
                let review = Review(grading: card.id, in: states[card.id] ?? .new, grade: grade, on: day, at: 0, responseMs: 4000)
                events.append(.review(review))
                states[card.id] = review.after
            }
        }
        return try StudyStatistics.compute([.init(cards: cards, states: states, events: events)], today: today)
    }

    @Test func theReportReadsAsTheGoldenScreen() throws {
        let report = RecallCommand.StatsCommand.report(try figures(), charts: Charts(ascii: false), style: Style(color: false))
        #expect(snapshotMismatch(report, named: "theReportReadsAsTheGoldenScreen") == nil)
        #expect(report.split(separator: "\n").allSatisfy { $0.count <= 80 }, "80 columns")
    }

    @Test func theASCIIReportHasOnlyASCII() throws {
        let report = RecallCommand.StatsCommand.report(try figures(), charts: Charts(ascii: true), style: Style(color: false))
        #expect(snapshotMismatch(report, named: "theASCIIReportHasOnlyASCII") == nil)
        #expect(report.unicodeScalars.allSatisfy { $0.isASCII }, "ASCII throughout, not only the charts")
    }
}
