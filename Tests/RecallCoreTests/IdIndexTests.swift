import Testing

@testable import RecallCore

@Suite struct IdIndexTests {
    @Test func numbersIdsInOrderAndFindsThemAfterGrowing() {
        var index = IdIndex()
        let ids =
            (0..<5000).map { "d-\(String($0 * 7919, radix: 16))" } + [
                "", "é-ünïcode", "a\u{0}b", "a long id that is well over sixteen bytes", "a long id that is well over sixteen bytez",
                "sixteen bytes id", "sixteen bytes ie", "nine byte", "nine bytf",
            ]
        for (k, id) in ids.enumerated() {
            let result = index.insert(id)
            #expect(result.number == k && result.inserted)
        }
        #expect(index.count == ids.count)
        for (k, id) in ids.enumerated() {
            #expect(index.number(of: id) == k)
            #expect(index[k] == id)
        }
        #expect(index.number(of: "d-") == nil)
        #expect(index.number(of: "a") == nil)
        #expect(index.number(of: "a\u{0}") == nil)
    }

    @Test func aRepeatedIdKeepsItsFirstNumber() {
        var index = IdIndex(["x", "y"])
        #expect(index.insert("x") == (0, false))
        #expect(index.insert("z") == (2, true))
        #expect(IdIndex(["a", "b", "a"]).count == 2)
    }

    @Test func numbersFollowTheOrderGivenAndFindTheRest() {
        let index = IdIndex(["a", "b", "c"])
        #expect(index.numbers(of: ["a", "x", "b", "c", "z"]) == [0, -1, 1, 2, -1])
        #expect(index.numbers(of: ["c", "b", "a", "a"]) == [2, 1, 0, 0])
        #expect(index.numbers(of: []) == [])
    }

    @Test func findsIdsByTheirBytes() {
        let index = IdIndex(["alpha", "beta"])
        let line = Array("[\"beta\",1]".utf8)
        let found = line.withUnsafeBufferPointer { index.number(of: UnsafeBufferPointer(rebasing: $0[2..<6])) }
        #expect(found == 1)
    }

    @Test func cardStatesReadLikeADictionary() {
        var states: CardStates = ["a": .new]
        var due = CardState.new
        due.due = Day(ordinal: 10)
        states["b"] = due
        states["a"]?.lapses = 3
        #expect(states.count == 2)
        #expect(states["a"]?.lapses == 3 && states["b"]?.due == Day(ordinal: 10) && states["c"] == nil)
        #expect(states.ids == ["a", "b"])
        #expect(states.map(\.id) == ["a", "b"])
        let reordered: CardStates = ["b": due, "a": states["a"] ?? .new]
        #expect(states == reordered)
        #expect(states != ["a": .new, "b": due])
    }
}

@Suite struct IdIndexStorageTests {
    @Test func theStorageGivesBackTheSameTable() throws {
        var index = IdIndex()
        for k in 0..<3000 { index.insert(k % 7 == 0 ? "a long id, longer than sixteen bytes, number \(k)" : "c-\(k)") }
        let copy = try #require(IdIndex(storage: index.storage))
        #expect(copy == index)
        for k in stride(from: 0, to: 3000, by: 13) {
            let id = k % 7 == 0 ? "a long id, longer than sixteen bytes, number \(k)" : "c-\(k)"
            #expect(copy.number(of: id) == index.number(of: id))
        }
        #expect(copy.number(of: "c-3000") == nil)
    }

    @Test func storageNoTableCouldHaveIsRefused() {
        var index = IdIndex()
        for k in 0..<40 { index.insert("id\(k)") }
        let good = index.storage
        var outOfOrder = good
        outOfOrder.ends.swapAt(3, 4)
        var twice = good
        if let k = stride(from: 0, to: twice.buckets.count, by: 4).first(where: { twice.buckets[$0] != 0 }),
            let j = stride(from: k + 4, to: twice.buckets.count, by: 4).first(where: { twice.buckets[$0] == 0 })
        {
            for w in 0..<4 { twice.buckets[j + w] = twice.buckets[k + w] }
        }
        var notPowerOfTwo = good
        notPowerOfTwo.buckets.removeLast(4)
        var shortBytes = good
        shortBytes.bytes.removeLast()
        for bad in [outOfOrder, twice, notPowerOfTwo, shortBytes] { #expect(IdIndex(storage: bad) == nil) }
    }
}
