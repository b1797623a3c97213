import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallStore

@Suite struct ProgressStoreTests {
    let day = Day(ordinal: 20_500)

    func review(_ card: String, grade: Int, on day: Day, from state: CardState = .new) -> ProgressEvent {
        .review(
            Review(
                card: card, at: 1, day: day, grade: grade, responseMs: 900, redrill: false, before: state,
                after: SM2.review(state, grade: grade, on: day)))
    }

    @Test func eventsSurviveReopeningWithAndWithoutSnapshot() throws {
        let tmp = try TemporaryHome()
        do {
            let store = try JSONProgressStore(home: tmp.home, deck: "d")
            try store.append(review("a", grade: 5, on: day))
            try store.append(review("b", grade: 2, on: day))
            try store.checkpoint()
            try store.append(review("c", grade: 4, on: day))
            store.close()
        }
        let reopened = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(reopened.states["a"]?.interval == 1)
        #expect(reopened.states["b"]?.lapses == 1)
        #expect(reopened.states["c"]?.repetitions == 1)
        #expect(try reopened.allEvents().count == 3)
    }

    @Test func theDaysEventsAreReadBackFromTheLogsEnd() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(review("a", grade: 5, on: day.adding(-1)))
        try store.append(review("b", grade: 2, on: day))
        try store.checkpoint()
        try store.append(.set(action: "bury", card: "c", at: 2, day: day, state: .new))
        store.close()
        let events = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).events(since: day)
        #expect(events.map(\.card) == ["b", "c"], "the snapshot does not hide them; yesterday's is not read")
        #expect(try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).events(since: day.adding(1)).isEmpty)
        // A torn last line (a crash mid-write) is no event.
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: store.logPath))
        try log.seekToEnd()
        try log.write(contentsOf: Data("[\"r\",\"x\",3,".utf8))
        try log.close()
        #expect(try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).events(since: day).map(\.card) == ["b", "c"])
    }

    @Test func aSnapshotThatEndsInsideALineIsRefusedByAllAndRepaired() throws {
        let tmp = try TemporaryHome()
        let files = tmp.home.progress("d")
        do {
            let store = try JSONProgressStore(files: files)
            try store.append(review("a", grade: 5, on: day))
            store.close()
        }
        let header = #"{"cards":0,"deck":"d","format":"recall-progress-snapshot","logBytes":20,"logLines":1,"version":1}"#
        try Data((header + "\n").utf8).write(to: URL(fileURLWithPath: files.snapshot))
        #expect(throws: ProgressError.snapshotOffLine(file: files.snapshot, covered: 20)) { try JSONProgressStore(files: files) }
        #expect(ProgressCheck.check(files, cardIDs: ["a"]).snapshotProblem == .snapshotOffLine(file: files.snapshot, covered: 20))
        let repaired = try ProgressCheck.repair(files, stamp: "t")
        #expect(repaired.damagedSnapshotKeptAt != nil)
        #expect(ProgressCheck.check(files, cardIDs: ["a"]).isHealthy)
        #expect(try JSONProgressStore(files: files, mode: .readOnly).states["a"]?.interval == 1)
    }

    @Test func aSnapshotListsStatesInTheDecksOrderThenTheRest() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        for card in ["gone", "c", "a", "b"] { try store.append(review(card, grade: 4, on: day)) }
        store.order = ["a", "new", "b", "c"]
        try store.checkpoint()
        store.close()
        let lines = try String(contentsOfFile: store.snapshotPath, encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(lines.map { $0.split(separator: "\"")[3] } == ["a", "b", "c", "gone"])
        let reopened = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(reopened.states.ids == ["a", "b", "c", "gone"])
        #expect(reopened.states.index.numbers(of: ["a", "new", "b", "c"]) == [0, -1, 1, 2])
    }

    @Test func aSnapshotNamingACardTwiceIsReported() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(review("a", grade: 4, on: day))
        try store.append(review("b", grade: 4, on: day))
        store.close()
        var text = try String(contentsOfFile: store.snapshotPath, encoding: .utf8)
        let lines = text.split(separator: "\n")
        let offset = lines[0].utf8.count + lines[1].utf8.count + 2
        text = [lines[0], lines[1], lines[1]].joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: store.snapshotPath))
        #expect(throws: ProgressError.corruptLine(file: store.snapshotPath, line: 3, offset: offset, reason: "the card appears twice")) {
            _ = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        }
    }

    @Test func mappedFilesNameWhatIsWrong() throws {
        let tmp = try TemporaryHome()
        #expect(throws: FileError.missing(path: tmp.path + "/none")) { _ = try MappedFile(tmp.path + "/none") }
        #expect(throws: FileError.isFolder(path: tmp.path)) { _ = try MappedFile(tmp.path) }
        #expect(FileManager.default.createFile(atPath: tmp.path + "/empty", contents: Data()))
        let empty = try MappedFile(tmp.path + "/empty")
        #expect(empty.count == 0 && empty.withUnsafeBytes { $0.isEmpty })
        #expect(FileManager.default.createFile(atPath: tmp.path + "/two", contents: Data("ab".utf8)))
        #expect(try MappedFile(tmp.path + "/two").withUnsafeBytes { Array($0) } == Array("ab".utf8))
    }

    @Test func statesAreWrittenAndReadBackExactly() throws {
        var rng = SplitMix64(seed: 11)
        func day() -> Day? {
            Int.random(in: 0..<4, using: &rng) == 0 ? nil : Day(ordinal: Int.random(in: -719_468...2_932_896, using: &rng))
        }
        for _ in 0..<2000 {
            let state = CardState(
                repetitions: Int.random(in: 0...1000, using: &rng), easiness: Int.random(in: 130...400, using: &rng),
                interval: Int.random(in: 0...36_500, using: &rng), due: day(), lapses: Int.random(in: 0...99, using: &rng),
                reviews: Int.random(in: 0...Int(Int32.max), using: &rng), suspended: Bool.random(using: &rng),
                buriedUntil: day(), introduced: day(), lastReviewed: day())
            var bytes: [UInt8] = []
            ProgressLine.append(state, to: &bytes)
            let line = ProgressEvent.set(action: "reset", card: "c", at: 0, day: Day(ordinal: 0), state: state).logLine
            #expect(line.hasSuffix("," + String(decoding: bytes, as: UTF8.self) + "]\n"))
            let read = try bytes.withUnsafeBufferPointer { buffer in
                var scanner = LineScanner(buffer, from: 0, to: buffer.count)
                return try scanner.state()
            }
            #expect(read == state)
        }
        #expect(MemoryLayout<CardState>.stride == 40, "a state is kept in 40 bytes")
    }

    @Test func undoRestoresTheStateOnDisk() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(review("a", grade: 5, on: day))
        try store.append(.undo(card: "a", at: 2, day: day, restored: .new))
        store.close()
        let reopened = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(reopened.states["a"] == .new)
    }

    @Test func aSecondWriterIsRefused() throws {
        let tmp = try TemporaryHome()
        let first = try JSONProgressStore(home: tmp.home, deck: "d")
        #expect(throws: ProgressError.locked(file: first.logPath, pid: Int(getpid()))) {
            _ = try JSONProgressStore(home: tmp.home, deck: "d")
        }
        _ = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        first.close()
        _ = try JSONProgressStore(home: tmp.home, deck: "d")
    }

    func damagedLog(_ tail: String) throws -> (TemporaryHome, String, Data) {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(review("a", grade: 5, on: day))
        let path = store.logPath
        store.close()
        try FileManager.default.removeItem(atPath: store.snapshotPath)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(tail.utf8))
        try handle.close()
        return (tmp, path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func garbageLineIsReportedWithItsPositionAndLeftAlone() throws {
        let (tmp, path, before) = try damagedLog("not json at all\n")
        let offset = before.count - "not json at all\n".utf8.count
        #expect {
            _ = try JSONProgressStore(home: tmp.home, deck: "d")
        } throws: { error in
            guard case let .corruptLine(file, line, at, _) = error as? ProgressError else { return false }
            return file == path && line == 3 && at == offset
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func tornLastLineIsReported() throws {
        let torn = "[\"r\",\"a\",12"
        let (tmp, path, before) = try damagedLog(torn)
        #expect(throws: ProgressError.tornTail(file: path, line: 3, offset: before.count - torn.utf8.count)) {
            _ = try JSONProgressStore(home: tmp.home, deck: "d")
        }
        // Readers tolerate a line still being written.
        _ = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func wrongVersionIsReported() throws {
        let tmp = try TemporaryHome()
        let path = tmp.home.progress("d").log
        try Data("{\"deck\":\"d\",\"format\":\"recall-progress-log\",\"version\":9}\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: ProgressError.self) { _ = try JSONProgressStore(home: tmp.home, deck: "d") }
    }

    @Test func theCommittedVersion1FixtureLoads() throws {
        let tmp = try TemporaryHome()
        try FileManager.default.copyItem(
            atPath: try #require(Bundle.module.url(forResource: "Fixtures/progress-v1.log.jsonl", withExtension: nil)).path,
            toPath: tmp.home.progress("tiny").log)
        let store = try JSONProgressStore(home: tmp.home, deck: "tiny", mode: .readOnly)
        #expect(store.states["c1"]?.due == Day("2026-01-06"))
        #expect(store.states["c1"]?.easiness == 260)
        #expect(store.states["c2"]?.suspended == true)
    }
}

@Suite struct ProgressRepairTests {
    let day = Day(ordinal: 20_500)

    func review(_ card: String, grade: Int) -> ProgressEvent {
        .review(
            Review(
                card: card, at: 1, day: day, grade: grade, responseMs: 900, redrill: false, before: .new,
                after: SM2.review(.new, grade: grade, on: day)))
    }

    @Test func repairKeepsEveryIntactReviewAndTheDamagedFile() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        for id in ["a", "b", "gone"] { try store.append(review(id, grade: 4)) }
        store.close()
        let log = store.logPath
        var damaged = try Data(contentsOf: URL(fileURLWithPath: log))
        damaged.append(Data("\u{0}\u{1}binary junk\n".utf8))
        let tail = String(decoding: ProgressLine.encode(review("c", grade: 5)), as: UTF8.self)
        damaged.append(Data(tail.utf8))
        damaged.append(Data("[\"r\",\"d\",1".utf8))
        try damaged.write(to: URL(fileURLWithPath: log))

        let report = ProgressCheck.check(tmp.home.progress("d"), cardIDs: ["a", "b", "c"])
        #expect(!report.isHealthy)
        #expect(report.events == 4)
        #expect(report.damage.count == 2)
        #expect(report.orphaned == ["gone"])
        #expect(report.snapshotProblem == nil, "the snapshot covers a prefix of the log and is itself fine")

        let repaired = try ProgressCheck.repair(tmp.home.progress("d"), stamp: "T")
        #expect(repaired.recovered == 4 && repaired.dropped == 2)
        #expect(try Data(contentsOf: URL(fileURLWithPath: log + ".damaged-T")) == damaged)
        let reopened = try JSONProgressStore(home: tmp.home, deck: "d")
        #expect(Set(reopened.states.ids) == ["a", "b", "gone", "c"])
        #expect(ProgressCheck.check(tmp.home.progress("d"), cardIDs: ["a", "b", "c"]).isHealthy)
    }

    @Test func repairIsRefusedWhileAWriterHoldsTheLock() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(review("a", grade: 4))
        #expect(throws: ProgressError.self) { _ = try ProgressCheck.repair(tmp.home.progress("d"), stamp: "T") }
        store.close()
    }

    @Test func aSnapshotAheadOfItsLogIsReportedAndMovedAside() throws {
        let tmp = try TemporaryHome()
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(review("a", grade: 4))
        store.close()
        try Data("{\"deck\":\"d\",\"format\":\"recall-progress-log\",\"version\":1}\n".utf8).write(to: URL(fileURLWithPath: store.logPath))
        #expect(throws: ProgressError.self) { _ = try JSONProgressStore(home: tmp.home, deck: "d") }
        let report = ProgressCheck.check(tmp.home.progress("d"), cardIDs: ["a"])
        #expect(report.snapshotProblem != nil)
        let repaired = try ProgressCheck.repair(tmp.home.progress("d"), stamp: "T")
        #expect(repaired.damagedSnapshotKeptAt == store.snapshotPath + ".damaged-T")
        _ = try JSONProgressStore(home: tmp.home, deck: "d")
    }
}

@Suite struct LinkedLogTests {
    @Test func aLogThatIsASymbolicLinkIsReadAtTheSizeOfTheFileItNames() throws {
        let tmp = try TemporaryHome()
        let elsewhere = tmp.path + "/elsewhere.log.jsonl"
        let day = Day(ordinal: 20_500)
        try Data(JSONProgressStore.logHeader(deck: "d").utf8).write(to: URL(fileURLWithPath: elsewhere))
        try FileManager.default.createSymbolicLink(atPath: tmp.home.progress("d").log, withDestinationPath: elsewhere)
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(.review(Review(grading: "a", in: .new, grade: 5, on: day, at: 0, responseMs: 1)))
        store.close()  // a snapshot covering the whole log, as the file the link names measures it
        let reopened = try JSONProgressStore(home: tmp.home, deck: "d")
        try reopened.append(.review(Review(grading: "b", in: .new, grade: 4, on: day, at: 0, responseMs: 1)))
        reopened.close()
        let again = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(again.states["a"] != nil && again.states["b"] != nil)
        #expect(ProgressCheck.check(tmp.home.progress("d"), cardIDs: ["a", "b"]).isHealthy)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: tmp.home.progress("d").log)
        #expect(link == elsewhere, "the link is left a link")
    }
}

@Suite struct StudyDayStorageTests {
    @Test func reviewsOnTheFirstAndLastStudyDaysAreReadBackAsWritten() throws {
        let tmp = try TemporaryHome()
        var long = CardState.new
        long.repetitions = 9
        long.interval = SM2.maximumInterval
        let events: [ProgressEvent] = [
            .review(Review(grading: "first", in: .new, grade: 4, on: Day(ordinal: Day.studyDays.lowerBound), at: 0, responseMs: 1)),
            .review(Review(grading: "last", in: long, grade: 5, on: Day(ordinal: Day.studyDays.upperBound), at: 0, responseMs: 1)),
        ]
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        for event in events { try store.append(event) }
        let written = store.states
        store.close()
        let reopened = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        #expect(reopened.states == written)
        #expect(try reopened.allEvents() == events)
        #expect(ProgressCheck.check(tmp.home.progress("d"), cardIDs: ["first", "last"]).isHealthy)
    }
}
