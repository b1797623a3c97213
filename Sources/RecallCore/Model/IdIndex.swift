/// Card ids numbered 0, 1, 2, … in the order they were added, found by their UTF-8 bytes.
///
/// Start-up looks up every card of a deck, and statistics every review of a log, by id: at a
/// hundred thousand cards and a million reviews, `Dictionary<String, _>` spends most of
/// start-up hashing Strings (about 200 ns a lookup on the benchmark machine). This open-addressing
/// table hashes the bytes where they lie, in the file being read, without making a String, and
/// keeps every id's bytes in one buffer.
public struct IdIndex: Sendable {
    /// Every id's UTF-8, one after another.
    private var bytes: [UInt8] = []
    /// Where each id ends in `bytes`; the id numbered k starts where k - 1 ends.
    private var ends: [Int32] = []
    /// Per bucket, the id number + 1, or 0 for an empty bucket.
    private var buckets: [Int32]
    private var mask: Int

    /// An empty index with room for `capacity` ids before it grows.
    public init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = [Int32](repeating: 0, count: size)
        mask = size - 1
        ends.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 16)
    }

    /// The ids in order; a repeated id keeps its first number.
    public init(_ ids: [String]) {
        self.init(capacity: ids.count)
        for id in ids { insert(id) }
    }

    /// How many ids there are.
    public var count: Int { ends.count }

    /// The id numbered `number`.
    public subscript(number: Int) -> String {
        withUTF8(of: number) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of the id numbered `number`.
    public func withUTF8<R>(of number: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = number == 0 ? 0 : Int(ends[number - 1])
        let end = Int(ends[number])
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The number of `id`, or nil when it is not here.
    public func number(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { number(of: $0) }
    }

    /// The number of the id whose UTF-8 is `utf8`, or nil when it is not here.
    public func number(of utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        let found = find(utf8, hash: Self.hash(utf8))
        return found.number >= 0 ? found.number : nil
    }

    /// Whether the id numbered `number` is `utf8`.
    public func id(_ number: Int, is utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard number >= 0, number < ends.count else { return false }
        let start = number == 0 ? 0 : Int(ends[number - 1])
        guard Int(ends[number]) - start == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.same($0, start, utf8) }
    }

    /// Each id's number, or -1 for an id not here. Quick when the ids come in the order they
    /// are numbered here, as a snapshot written in deck order is read back: each is then
    /// compared with the next in line, and only the others are hashed.
    public func numbers(of ids: [String]) -> [Int32] {
        var out = [Int32](repeating: -1, count: ids.count)
        var next = 0
        for position in ids.indices {
            var id = ids[position]
            let found = id.withUTF8 { utf8 -> Int? in
                if self.id(next, is: utf8) { next += 1; return next - 1 }
                return number(of: utf8)
            }
            if let found { out[position] = Int32(found) }
        }
        return out
    }

    /// Adds `id` unless it is here.
    /// - Returns: its number, and whether it was added.
    @discardableResult
    public mutating func insert(_ id: String) -> (number: Int, inserted: Bool) {
        var id = id
        return id.withUTF8 { insert($0) }
    }

    /// Adds the id whose UTF-8 is `utf8` unless it is here.
    /// - Returns: its number, and whether it was added.
    @discardableResult
    public mutating func insert(_ utf8: UnsafeBufferPointer<UInt8>) -> (number: Int, inserted: Bool) {
        let hash = Self.hash(utf8)
        let found = find(utf8, hash: hash)
        if found.number >= 0 { return (found.number, false) }
        let number = ends.count
        bytes.append(contentsOf: utf8)
        ends.append(Int32(bytes.count))
        buckets[found.bucket] = Int32(number + 1)
        if ends.count * 2 > buckets.count { grow() }
        return (number, true)
    }

    /// The bucket holding the id, or the empty bucket where it would go.
    @inline(__always)
    private func find(_ utf8: UnsafeBufferPointer<UInt8>, hash: Int) -> (number: Int, bucket: Int) {
        bytes.withUnsafeBufferPointer { stored in
            ends.withUnsafeBufferPointer { ends in
                buckets.withUnsafeBufferPointer { buckets in
                    var bucket = hash & mask
                    while true {
                        let entry = Int(buckets[bucket])
                        if entry == 0 { return (-1, bucket) }
                        let number = entry - 1
                        let start = number == 0 ? 0 : Int(ends[number - 1])
                        let end = Int(ends[number])
                        if end - start == utf8.count, Self.same(stored, start, utf8) { return (number, bucket) }
                        bucket = (bucket + 1) & mask
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func same(_ stored: UnsafeBufferPointer<UInt8>, _ start: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let a = stored.baseAddress, let b = utf8.baseAddress else { return utf8.isEmpty }
        // Ids are short: compare eight bytes at a time in place rather than call memcmp.
        let x = UnsafeRawPointer(a + start), y = UnsafeRawPointer(b)
        var i = 0
        while i + 8 <= utf8.count {
            if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
            i += 8
        }
        while i < utf8.count {
            if a[start + i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        let size = buckets.count * 2
        var grown = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for number in 0..<ends.count {
            var bucket = withUTF8(of: number) { Self.hash($0) } & newMask
            while grown[bucket] != 0 { bucket = (bucket + 1) & newMask }
            grown[bucket] = Int32(number + 1)
        }
        buckets = grown
        mask = newMask
    }

    /// A fast mix of the bytes, eight at a time; ids come from the user's own decks, so the
    /// table needs spread, not resistance to chosen collisions.
    @inline(__always)
    static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(utf8.count)
        guard let base = utf8.baseAddress else { return Int(truncatingIfNeeded: h) }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= utf8.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < utf8.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        h ^= tail
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return Int(truncatingIfNeeded: h)
    }
}

extension IdIndex: Equatable {
    /// The same ids with the same numbers.
    public static func == (a: IdIndex, b: IdIndex) -> Bool { a.ends == b.ends && a.bytes == b.bytes }
}
