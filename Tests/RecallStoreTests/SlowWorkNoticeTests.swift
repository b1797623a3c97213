import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallStore

/// Slow work is announced, and only slow work.
@Suite struct SlowWorkNoticeTests {
    /// What a notice was told, in order.
    final class Heard: @unchecked Sendable {
        private let lock = NSLock()
        private var said: [String] = []
        var lines: [String] { lock.withLock { said } }
        func add(_ line: String) { lock.withLock { said.append(line) } }

        func notice(above: Int) -> SlowWorkNotice {
            SlowWorkNotice(above: above, begin: { self.add("begin: \($0)") }, end: { self.add("end") })
        }
    }

    @Test func aDeckReadWholeToIndexItIsAnnouncedAndItsIndexIsNot() throws {
        let tmp = try TemporaryHome()
        try tmp.add(Deck(name: "d", title: "D", cards: [Card(id: "a", kind: "k", question: "q?", answer: "a")]))
        let heard = Heard()
        _ = try IndexedDeck.load("d", home: tmp.home, notice: heard.notice(above: 1))
        _ = try IndexedDeck.load("d", home: tmp.home, notice: heard.notice(above: 1))
        #expect(heard.lines == ["begin: Reading deck 'd' (0 MB) to index it", "end"])
        _ = try IndexedDeck.load("d", home: tmp.home, notice: heard.notice(above: 1 << 20))
        #expect(heard.lines.count == 2, "a small deck is read without a word")
    }

    @Test func aLogReadWithoutItsCopyIsAnnounced() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        let day = Day(ordinal: 20_500)
        for k in 0..<50 { try store.append(.review(Review(grading: "c\(k)", in: .new, grade: 4, on: day, at: 0, responseMs: 1))) }
        let heard = Heard()
        store.notice = heard.notice(above: 1)
        _ = try store.reviewLog(deckIds: [], cached: true, cacheAfter: 1)
        #expect(heard.lines.first?.hasPrefix("begin: Reading 0 MB of the progress log of 'd'") == true && heard.lines.count == 2)
        _ = try store.reviewLog(deckIds: [], cached: true, cacheAfter: 1)
        #expect(heard.lines.count == 2, "the copy covers the whole log: nothing is read")
    }

    @Test func aRepairOfALargeLogIsAnnounced() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(.review(Review(grading: "c", in: .new, grade: 4, on: Day(ordinal: 20_500), at: 0, responseMs: 1)))
        store.close()
        let heard = Heard()
        _ = try ProgressCheck.repair(tmp.home.progress("d"), stamp: "T", notice: heard.notice(above: 1))
        #expect(heard.lines == ["begin: Repairing the progress log of 'd' (0 MB)", "end"])
    }
}
