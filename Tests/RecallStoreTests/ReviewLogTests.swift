import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallStore

/// The log as statistics read it, on several cores and mostly without making Strings, must say
/// exactly what the full events say.
@Suite struct ReviewLogTests {
    let day = Day(ordinal: 20_500)

    func review(_ card: String, _ grade: Int, on day: Day, redrill: Bool = false, from state: CardState = .new) -> ProgressEvent {
        .review(
            Review(
                card: card, at: 7, day: day, grade: grade, responseMs: 1200 + grade, redrill: redrill, before: state,
                after: redrill ? state : SM2.review(state, grade: grade, on: day)))
    }

    @Test func agreesWithTheFullEventsAcrossPartsOrphansEscapesAndUndos() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        let deckIds = (0..<40).map { "c\($0)" }
        var states = CardStates()
        // Enough lines for every part of the parallel read to hold cards of the deck and others.
        for k in 0..<400 {
            let card = k % 7 == 0 ? "gone-\(k % 3)" : (k % 11 == 0 ? "é \"quoted\" \\ id" : deckIds[k % deckIds.count])
            let event = review(card, k % 6, on: day.adding(k / 20), redrill: k % 13 == 0, from: states[card] ?? .new)
            try store.append(event)
            if case let .review(r) = event { states[card] = r.after }
            if k % 50 == 49 { try store.append(.undo(card: card, at: 8, day: day.adding(k / 20), restored: .new)) }
            if k % 60 == 0 { try store.append(.set(action: "bury", card: card, at: 9, day: day, state: .new)) }
        }
        store.close()
        // A line written by hand, with spaces, is read in full.
        let handle = try #require(FileHandle(forWritingAtPath: store.logPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("[ \"u\", \"c1\", 10, \"2026-02-01\", [0,250,0,null,0,0,0,null,null,null] ]\n".utf8))
        try handle.close()

        let reader = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        let fast = try reader.reviewLog(deckIds: deckIds, cached: false)
        let plain = ReviewLog(events: try reader.allEvents(), deckIds: deckIds)
        #expect(fast.reviews.count == 400 + 8 + 1)
        #expect(fast.reviews == plain.reviews)
        #expect(fast.cards == plain.cards)
        #expect((0..<deckIds.count).allSatisfy { fast.cards[$0] == deckIds[$0] })
        #expect(fast.cards.count == deckIds.count + 4)
    }

    @Test func damageIsReportedWithItsLine() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        for k in 0..<30 { try store.append(review("c\(k)", 4, on: day)) }
        store.close()
        // Damage a line the snapshot covers, keeping the log's length: loading reads past it.
        var lines = try String(contentsOfFile: store.logPath, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let date = day.description
        lines[20] = Substring(lines[20].replacingOccurrences(of: date, with: date.prefix(5) + "13" + date.dropFirst(7)))
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: store.logPath))
        let offset = lines[0..<20].reduce(0) { $0 + $1.utf8.count + 1 }
        let reader = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(throws: ProgressError.self) { _ = try reader.reviewLog(deckIds: [], cached: false) }
        do {
            _ = try reader.reviewLog(deckIds: [], cached: false)
        } catch let ProgressError.corruptLine(file, line, at, _) {
            #expect(file == store.logPath && line == 21 && at == offset)
        }
    }

    let deckIds = (0..<10).map { "c\($0)" }

    /// A store with a log of `count` reviews of c0…c9 and one of a card no longer in the deck,
    /// the full digests of its log, and where the copy of its digests goes.
    func logOf(_ count: Int, in tmp: TemporaryHome) throws -> (store: JSONProgressStore, truth: ReviewLog, copy: String) {
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        var states = CardStates()
        for k in 0..<count {
            let card = k == 3 ? "gone" : "c\(k % 10)"
            let event = review(card, k % 6, on: day.adding(k / 10), from: states[card] ?? .new)
            try store.append(event)
            if case let .review(r) = event { states[card] = r.after }
        }
        return (store, try store.reviewLog(deckIds: deckIds, cached: false), tmp.home.progress("d").digests)
    }

    @Test func aCopyOfTheDigestsIsUsedOnlyWhileTheLogItCoversIsUnchanged() throws {
        let tmp = try TemporaryHome()
        let (store, truth, copy) = try logOf(60, in: tmp)
        #expect(try store.reviewLog(deckIds: deckIds, cached: true, cacheAfter: 100).reviews == truth.reviews)
        #expect(!FileManager.default.fileExists(atPath: copy), "too few lines to keep a copy")
        #expect(try store.reviewLog(deckIds: deckIds, cached: true, cacheAfter: 10).reviews == truth.reviews)
        #expect(FileManager.default.fileExists(atPath: copy))

        // The copy is what is read: a copy made with another first grade shows it.
        var other = truth
        other.reviews[0].grade = 5
        let size = try #require(Platform.info(store.logPath)?.size)
        ReviewLogCache.write(copy, log: other, logPath: store.logPath, coveredBytes: size)
        #expect(try store.reviewLog(deckIds: deckIds, cached: true).reviews.first?.grade == 5)
        // A copy changed on disk does not pass its checksum, and is not read.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: copy))
        bytes[bytes.count - 20 - 8 + 16] = 4
        try bytes.write(to: URL(fileURLWithPath: copy))
        #expect(try store.reviewLog(deckIds: deckIds, cached: true).reviews == truth.reviews)
        ReviewLogCache.write(copy, log: other, logPath: store.logPath, coveredBytes: size)

        // New lines after the copy are read from the log; the copy still serves the rest.
        try store.append(review("c1", 4, on: day.adding(30)))
        let grown = try store.reviewLog(deckIds: deckIds, cached: true)
        #expect(grown.reviews.count == 61 && grown.reviews.first?.grade == 5)
        #expect(Array(grown.reviews.dropFirst()) == Array(try store.reviewLog(deckIds: deckIds, cached: false).reviews.dropFirst()))

        // One byte of the log changed in place where the copy covers it (the same size, the same
        // file): the copy is not used.
        store.close()
        var log = try Data(contentsOf: URL(fileURLWithPath: store.logPath))
        let at = try #require(log.firstRange(of: Data("\"c1\"".utf8)))
        log[at.lowerBound + 2] = UInt8(ascii: "2")
        try log.write(to: URL(fileURLWithPath: store.logPath))
        try FileManager.default.removeItem(atPath: store.snapshotPath)
        let reader = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(try reader.reviewLog(deckIds: deckIds, cached: true).reviews == reader.reviewLog(deckIds: deckIds, cached: false).reviews)
    }

    @Test func aDamagedCopyIsIgnored() throws {
        let tmp = try TemporaryHome()
        let (store, truth, copy) = try logOf(40, in: tmp)
        _ = try store.reviewLog(deckIds: deckIds, cached: true, cacheAfter: 1)
        let good = try Data(contentsOf: URL(fileURLWithPath: copy))
        var badCard = good
        badCard[good.count - 20] = 0xFF  // the last digest's card number is out of range
        for damaged in [good.prefix(good.count - 7), Data(repeating: 0x41, count: 300), Data(), badCard] {
            try damaged.write(to: URL(fileURLWithPath: copy))
            #expect(try store.reviewLog(deckIds: deckIds, cached: true, cacheAfter: 1000).reviews == truth.reviews)
        }
    }

    @Test func aCopyWithDaysOrGradesNoLogCouldHoldIsNotUsed() throws {
        let tmp = try TemporaryHome()
        let (store, truth, copy) = try logOf(30, in: tmp)
        let size = try #require(Platform.info(store.logPath)?.size)
        for change in [{ (d: inout ReviewDigest) in d.day = Int32.min }, { $0.afterDue = Int32.max }, { $0.grade = 9 }] {
            var bad = truth
            change(&bad.reviews[3])
            ReviewLogCache.write(copy, log: bad, logPath: store.logPath, coveredBytes: size)
            #expect(try store.reviewLog(deckIds: deckIds, cached: true, cacheAfter: 1000).reviews == truth.reviews)
        }
    }
}
