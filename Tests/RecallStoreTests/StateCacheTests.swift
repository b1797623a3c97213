import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import RecallStore

/// The copy of a snapshot's states that start-up reads: the same states, or none at all.
@Suite struct StateCacheTests {
    let day = Day(ordinal: 20_500)

    /// A store with states of a hundred cards and a snapshot of them.
    func studied(_ tmp: TemporaryHome) throws -> CardStates {
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        for k in 0..<100 {
            let card = k % 9 == 0 ? "é \"\(k)\" a long id past sixteen bytes" : "c\(k)"
            var suspended = CardState.new
            suspended.suspended = true
            try store.append(.review(Review(grading: card, in: .new, grade: k % 6, on: day.adding(k % 5), at: 0, responseMs: 1)))
            if k % 10 == 0 { try store.append(.set(action: "suspend", card: card, at: 0, day: day, state: suspended)) }
        }
        store.close()
        return store.states
    }

    @Test func aReopenedStoreReadsTheSameStatesFromTheCopy() throws {
        let tmp = try TemporaryHome()
        let states = try studied(tmp)
        let files = tmp.home.progress("d")
        #expect(FileManager.default.fileExists(atPath: files.states), "the last snapshot left a copy")
        let fromCopy = try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly)
        let (fromSnapshot, covered, lines) = try JSONProgressStore.readSnapshot(files.snapshot, deck: "d")
        #expect(fromCopy.states == states && fromSnapshot == states)
        #expect(covered == Platform.info(files.log)?.size && lines == 111)
        // The copy is what was read: a copy of other states under this snapshot's stamp shows.
        let stamp = try #require(Platform.info(files.snapshot)?.stamp)
        StateCache.write(files.states, stamp: stamp, states: ["x": .new], coveredBytes: covered, coveredLines: lines)
        #expect(try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).states == ["x": .new])
    }

    @Test func aCopyOfAnotherSnapshotOrADamagedOneIsNotUsed() throws {
        let tmp = try TemporaryHome()
        let states = try studied(tmp)
        let files = tmp.home.progress("d")
        let good = try Data(contentsOf: URL(fileURLWithPath: files.states))
        var flipped = good
        flipped[good.count / 2] ^= 0x40  // one bit anywhere: in the id table, a bucket or a state
        for damaged in [good.prefix(good.count - 3), Data("RCLSTA01".utf8), Data(repeating: 0xAA, count: 500), Data(), flipped] {
            try damaged.write(to: URL(fileURLWithPath: files.states))
            #expect(try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).states == states)
            #expect(try Data(contentsOf: URL(fileURLWithPath: files.states)) == good, "a fresh copy replaces the damaged one")
        }
        // A snapshot written anew (another inode) does not match a copy of the old one.
        let old = try Data(contentsOf: URL(fileURLWithPath: files.states))
        let store = try JSONProgressStore(home: tmp.home, deck: "d")
        try store.append(.review(Review(grading: "new card", in: .new, grade: 4, on: day, at: 0, responseMs: 1)))
        store.close()
        try old.write(to: URL(fileURLWithPath: files.states))
        #expect(try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).states["new card"] != nil)
    }

    @Test func aCopyHoldingAStateNoFileCouldHoldIsNotUsed() throws {
        let tmp = try TemporaryHome()
        let states = try studied(tmp)
        let files = tmp.home.progress("d")
        let stamp = try #require(Platform.info(files.snapshot)?.stamp)
        let (_, covered, lines) = try JSONProgressStore.readSnapshot(files.snapshot, deck: "d")
        var farOff = CardState.new
        farOff.due = Day(ordinal: 2_000_000_000)
        var belowFloor = CardState.new
        belowFloor.easiness = 0
        for impossible in [farOff, belowFloor] {
            var bad = states
            bad["c1"] = impossible
            StateCache.write(files.states, stamp: stamp, states: bad, coveredBytes: covered, coveredLines: lines)
            #expect(try JSONProgressStore(home: tmp.home, deck: "d", mode: .readOnly).states == states)
        }
    }
}
