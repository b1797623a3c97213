import Foundation
import RecallCore
import RecallStore
import Testing

@Suite struct StatsCommandTests {
    @Test func helpSaysEachDefaultOnce() throws {
        let help = try RecallProcess.run(["stats", "--help"], home: try TempHome().path).stdout
        #expect(help.components(separatedBy: "default: 30").count == 2 && !help.contains("(default 30)"), "\(help)")
    }

    @Test func jsonAgreesWithCardsAndTheLog() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        // Day 1: three cards (5, 1 then re-drill 4, reveal 0 then re-drill 5). Day 2: the due ones.
        _ = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "3"], input: "\n5\n\n1\n\n0\n\n4\n\n5\n", home: home.path)
        _ = try RecallProcess.run(["study", "--today", "2026-01-06", "--new", "0"], input: "\n5\n\n2\n\n4\n", home: home.path)
        let stats = try RecallProcess.run(["stats", "--json", "--today", "2026-01-06"], home: home.path)
        #expect(stats.status == 0, "\(stats.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        for key in ["today", "streak", "retention", "cards", "averageEasiness", "forecast", "history", "leeches"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let cards = try #require(
            try JSONSerialization.jsonObject(
                with: Data(try RecallProcess.run(["cards", "--json", "--today", "2026-01-06"], home: home.path).stdout.utf8))
                as? [[String: Any]])
        let counts = try #require(object["cards"] as? [String: Int])
        #expect(counts["total"] == cards.count)
        #expect(counts["new"] == cards.filter { $0["due"] is NSNull }.count)
        #expect(counts["suspended"] == 0)
        let today = try #require(object["today"] as? [String: Int])
        let log = try String(contentsOfFile: home.path + "/Progress/speech.log.jsonl", encoding: .utf8)
        let todaysReviews = log.split(separator: "\n").filter { line in
            let fields = line.split(separator: ",")
            return line.hasPrefix("[\"r\"") && fields.count > 3 && fields[3] == "\"2026-01-06\""
        }.count
        #expect(today["reviews"] == todaysReviews)
        #expect(today["new"] == 0)
        let streak = try #require(object["streak"] as? [String: Int])
        #expect(streak["current"] == 2 && streak["longest"] == 2)
        let retention = try #require(object["retention"] as? [String: Any])
        // Day 2's first reviews of known cards: 5 ✓, 2 ✗, 4 ✓ (the re-drill of the 2 never came).
        #expect(retention["all"] as? Double == 0.6667)
        let forecast = try #require(object["forecast"] as? [[String: Any]])
        #expect(forecast.count == 14 && forecast.first?["date"] as? String == "2026-01-06")
        let sumDue = forecast.compactMap { $0["due"] as? Int }.reduce(0, +)
        #expect(sumDue == cards.filter { !($0["due"] is NSNull) && ($0["due"] as? String ?? "") <= "2026-01-19" }.count)
    }

    @Test func textReportFitsEightyColumnsAndFallsBackToASCII() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        let none = try RecallProcess.run(["stats"], home: home.path)
        #expect(none.stdout.contains("No reviews yet"))
        _ = try RecallProcess.run(
            ["study", "--today", "2026-01-05", "--new", "5"], input: "\n5\n\n4\n\n1\n\n5\n\n5\n\n5\n", home: home.path)
        let text = try RecallProcess.run(["stats", "--today", "2026-01-05"], home: home.path)
        #expect(text.stdout.contains("Due in the next 14 days"))
        #expect(text.stdout.contains("Retention shows once you review cards you have seen on an earlier day"))
        #expect(text.stdout.contains("The last 16 weeks"))
        for line in text.stdout.split(separator: "\n") { #expect(line.count <= 80, "too wide: \(line)") }
        let ascii = try RecallProcess.run(["stats", "--ascii", "--today", "2026-01-05"], home: home.path)
        #expect(ascii.stdout.unicodeScalars.allSatisfy { $0.value < 128 || "—·→✓…’“”".unicodeScalars.contains($0) }, "\(ascii.stdout)")
        #expect(try RecallProcess.run(["stats", "--days", "0"], home: home.path).status == 64)
    }

    @Test func theTextReportListsTwentyLeechesAndJSONListsThemAll() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        let deck = try home.home.library.load("speech")
        #expect(deck.cards.count >= 25)
        // 25 cards failed 8 times each.
        let store = try JSONProgressStore(home: home.home, deck: "speech")
        let first = try #require(Day("2026-01-01"))
        for card in deck.cards.prefix(25) {
            var state = CardState.new
            for k in 0..<8 {
                let after = SM2.review(state, grade: 1, on: first.adding(k))
                try store.append(
                    .review(
                        Review(
                            card: card.id, at: 0, day: first.adding(k), grade: 1, responseMs: 1000, redrill: false, before: state,
                            after: after)))
                state = after
            }
        }
        store.close()
        let text = try RecallProcess.run(["stats", "--today", "2026-01-08"], home: home.path)
        #expect(text.status == 0, "\(text.stderr)")
        let leechLines = text.stdout.components(separatedBy: "Leeches")[1].split(separator: "\n").dropFirst()
        #expect(leechLines.filter { $0.contains(" 8 lapses") }.count == 20)
        #expect(leechLines.last?.contains("… and 5 more; 'recall stats --json' lists them all") == true)
        let json = try RecallProcess.run(["stats", "--json", "--today", "2026-01-08"], home: home.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["leeches"] as? [[String: Any]])?.count == 25)
    }
}
