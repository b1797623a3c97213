/// Card ids numbered 0, 1, 2, … in the order they were added, found by their UTF-8 bytes.
///
/// Start-up looks up every card of a deck, and statistics every review of a log, by id: at a
/// hundred thousand cards and a million reviews, `Dictionary<String, _>` spends most of
/// start-up hashing Strings (about 200 ns a lookup on the benchmark machine). This open-addressing
/// table hashes the bytes where they lie, in the file being read, without making a String. Each
/// bucket holds an id's hash, length and first 16 bytes, so finding a short id (Recall's are 14
/// bytes) reads one bucket and nothing else: lookups are bound by memory latency, not work.
public struct IdIndex: Sendable {
    /// One slot of the table: 32 bytes, half a cache line.
    private struct Bucket {
        /// The id's number + 1; 0 for an empty bucket.
        var entry: Int32 = 0
        var length: Int32 = 0
        var hash: UInt64 = 0
        /// The id's first 16 bytes, zero-padded.
        var head: (UInt64, UInt64) = (0, 0)
    }

    /// A key as the table sees it.
    private struct Key {
        var hash: UInt64
        var head: (UInt64, UInt64)
    }

    /// Every id's UTF-8, one after another.
    private var bytes: [UInt8] = []
    /// Where each id ends in `bytes`; the id numbered k starts where k - 1 ends.
    private var ends: [Int32] = []
    private var buckets: [Bucket]
    private var mask: Int

    /// An empty index with room for `capacity` ids before it grows.
    public init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        buckets = [Bucket](repeating: Bucket(), count: size)
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
        let found = find(utf8, Self.key(utf8))
        return found.number >= 0 ? found.number : nil
    }

    /// Whether the id numbered `number` is `utf8`.
    public func id(_ number: Int, is utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard number >= 0, number < ends.count else { return false }
        let start = number == 0 ? 0 : Int(ends[number - 1])
        guard Int(ends[number]) - start == utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { Self.same($0, start, utf8, from: 0) }
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
                if self.id(next, is: utf8) {
                    next += 1
                    return next - 1
                }
                return number(of: utf8)
            }
            if let found { out[position] = Int32(found) }
        }
        return out
    }

    /// The numbers of many ids that lie in `bytes`, -1 for an id not here. Every id's first
    /// bucket is read before any id is compared, so that the reads, each a likely cache miss
    /// in a large table, overlap instead of waiting one after another.
    public func numbers(of ids: [Range<Int>], in bytes: UnsafeBufferPointer<UInt8>) -> [Int32] {
        var keys: [Key] = []
        keys.reserveCapacity(ids.count)
        var first: [Bucket] = []
        first.reserveCapacity(ids.count)
        buckets.withUnsafeBufferPointer { buckets in
            for range in ids {
                let key = Self.key(UnsafeBufferPointer(rebasing: bytes[range]))
                keys.append(key)
                first.append(buckets[Int(truncatingIfNeeded: key.hash) & mask])
            }
        }
        return ids.indices.map { k in
            let utf8 = UnsafeBufferPointer(rebasing: bytes[ids[k]])
            if first[k].entry == 0 { return -1 }
            if matches(first[k], utf8, keys[k]) { return first[k].entry - 1 }
            return Int32(find(utf8, keys[k]).number)
        }
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
        let key = Self.key(utf8)
        let found = find(utf8, key)
        if found.number >= 0 { return (found.number, false) }
        let number = ends.count
        bytes.append(contentsOf: utf8)
        ends.append(Int32(bytes.count))
        buckets[found.bucket] = Bucket(entry: Int32(number + 1), length: Int32(utf8.count), hash: key.hash, head: key.head)
        if ends.count * 2 > buckets.count { grow() }
        return (number, true)
    }

    /// The bucket holding the id, or the empty bucket where it would go.
    @inline(__always)
    private func find(_ utf8: UnsafeBufferPointer<UInt8>, _ key: Key) -> (number: Int, bucket: Int) {
        buckets.withUnsafeBufferPointer { buckets in
            var b = Int(truncatingIfNeeded: key.hash) & mask
            while true {
                let bucket = buckets[b]
                if bucket.entry == 0 { return (-1, b) }
                if matches(bucket, utf8, key) { return (Int(bucket.entry) - 1, b) }
                b = (b + 1) & mask
            }
        }
    }

    /// Whether a full bucket holds the id.
    @inline(__always)
    private func matches(_ bucket: Bucket, _ utf8: UnsafeBufferPointer<UInt8>, _ key: Key) -> Bool {
        bucket.hash == key.hash && bucket.length == utf8.count && bucket.head == key.head
            && (utf8.count <= 16 || tailMatches(Int(bucket.entry) - 1, utf8))
    }

    /// Whether the bytes after the first 16 of the id numbered `number` are those of `utf8`.
    private func tailMatches(_ number: Int, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : Int(ends[number - 1])
        return bytes.withUnsafeBufferPointer { Self.same($0, start, utf8, from: 16) }
    }

    @inline(__always)
    private static func same(_ stored: UnsafeBufferPointer<UInt8>, _ start: Int, _ utf8: UnsafeBufferPointer<UInt8>, from offset: Int)
        -> Bool
    {
        guard let a = stored.baseAddress, let b = utf8.baseAddress else { return utf8.isEmpty }
        // Ids are short: compare eight bytes at a time in place rather than call memcmp.
        let x = UnsafeRawPointer(a + start)
        let y = UnsafeRawPointer(b)
        var i = offset
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
        var grown = [Bucket](repeating: Bucket(), count: size)
        let newMask = size - 1
        for bucket in buckets where bucket.entry != 0 {
            var b = Int(truncatingIfNeeded: bucket.hash) & newMask
            while grown[b].entry != 0 { b = (b + 1) & newMask }
            grown[b] = bucket
        }
        buckets = grown
        mask = newMask
    }

    /// The first 16 bytes, zero-padded, and a hash of all the bytes. Ids come from the user's
    /// own decks, so the table needs spread, not resistance to chosen collisions.
    @inline(__always)
    private static func key(_ utf8: UnsafeBufferPointer<UInt8>) -> Key {
        let n = utf8.count
        guard let base = utf8.baseAddress else { return Key(hash: mix(0x9E37_79B9_7F4A_7C15), head: (0, 0)) }
        let raw = UnsafeRawPointer(base)
        func word(_ from: Int) -> UInt64 {
            // Eight bytes from `from`, fewer (zero-padded) at the end, never read past it.
            let left = n - from
            if left >= 8 { return raw.loadUnaligned(fromByteOffset: from, as: UInt64.self) }
            if left <= 0 { return 0 }
            if n >= 8 { return raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) >> UInt64(8 * (8 - left)) }
            var w: UInt64 = 0
            for k in 0..<left { w |= UInt64(base[from + k]) << UInt64(8 * k) }
            return w
        }
        let head = (word(0), word(8))
        var h = mix(head.0 ^ 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)) ^ head.1
        var i = 16
        while i < n {
            h = mix(h) ^ word(i)
            i += 8
        }
        return Key(hash: mix(h), head: head)
    }

    /// Murmur3's 64-bit finaliser.
    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}

extension IdIndex: Equatable {
    /// The same ids with the same numbers.
    public static func == (a: IdIndex, b: IdIndex) -> Bool { a.ends == b.ends && a.bytes == b.bytes }
}

extension IdIndex {
    /// The table as flat arrays, for a cache that keeps it whole: the ids' bytes, where each id
    /// ends, and each bucket as four words (number + 1 and length, hash, first 16 bytes).
    public struct Storage: Equatable, Sendable {
        /// Every id's UTF-8, one after another.
        public var bytes: [UInt8]
        /// Where each id ends in `bytes`.
        public var ends: [Int32]
        /// Four words a bucket; the bucket count is a power of two.
        public var buckets: [UInt64]

        /// Storage of these arrays.
        public init(bytes: [UInt8], ends: [Int32], buckets: [UInt64]) {
            self.bytes = bytes
            self.ends = ends
            self.buckets = buckets
        }
    }

    /// The table's storage.
    public var storage: Storage {
        var words = [UInt64](repeating: 0, count: buckets.count * 4)
        for (k, b) in buckets.enumerated() {
            words[4 * k] = UInt64(UInt32(bitPattern: b.entry)) | UInt64(UInt32(bitPattern: b.length)) << 32
            words[4 * k + 1] = b.hash
            words[4 * k + 2] = b.head.0
            words[4 * k + 3] = b.head.1
        }
        return Storage(bytes: bytes, ends: ends, buckets: words)
    }

    /// The table from its storage, or nil when the storage is not one a table could have: ids
    /// out of order or past the bytes, a bucket count that is not a power of two or leaves no
    /// empty bucket, a bucket naming an id that is not there or holding it twice.
    public init?(storage: Storage) {
        let found = storage.buckets.withUnsafeBytes { IdIndex(bytes: storage.bytes, ends: storage.ends, bucketWords: $0) }
        guard let found else { return nil }
        self = found
    }

    /// The table from the ids' bytes, their ends and its buckets as little-endian words where
    /// they lie (a mapped cache file), under the checks of ``init(storage:)``.
    public init?(bytes: [UInt8], ends: [Int32], bucketWords: UnsafeRawBufferPointer) {
        let count = ends.count
        let size = bucketWords.count / 32
        guard bucketWords.count % 32 == 0, size >= 16, size & (size - 1) == 0, count * 2 <= size else { return nil }
        var previous: Int32 = 0
        for end in ends {
            guard end >= previous else { return nil }
            previous = end
        }
        guard Int(previous) == bytes.count else { return nil }
        // A bucket lies in memory as its four words do in the file (checked here), so the table is
        // copied whole and then checked, rather than built a bucket at a time.
        let sameLayout =
            UInt32(1).littleEndian == 1 && MemoryLayout<Bucket>.stride == 32 && MemoryLayout<Bucket>.offset(of: \.length) == 4
            && MemoryLayout<Bucket>.offset(of: \.hash) == 8 && MemoryLayout<Bucket>.offset(of: \.head) == 16
        func word(_ k: Int) -> UInt64 { UInt64(littleEndian: bucketWords.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self)) }
        let buckets = [Bucket](unsafeUninitializedCapacity: size) { buffer, initialized in
            if sameLayout, let target = buffer.baseAddress, let source = bucketWords.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: source, byteCount: 32 * size)
            } else {
                for k in 0..<size {
                    let first = word(4 * k)
                    buffer.initializeElement(
                        at: k,
                        to: Bucket(
                            entry: Int32(bitPattern: UInt32(truncatingIfNeeded: first)),
                            length: Int32(bitPattern: UInt32(truncatingIfNeeded: first >> 32)), hash: word(4 * k + 1),
                            head: (word(4 * k + 2), word(4 * k + 3))))
                }
            }
            initialized = size
        }
        var seen = [Bool](repeating: false, count: count)
        var filled = 0
        var valid = true
        buckets.withUnsafeBufferPointer { table in
            for bucket in table where bucket.entry != 0 {
                let number = Int(bucket.entry) - 1
                if number < 0 || number >= count || seen[number]
                    || Int(bucket.length) != Int(ends[number]) - (number == 0 ? 0 : Int(ends[number - 1]))
                {
                    valid = false
                    return
                }
                seen[number] = true
                filled += 1
            }
        }
        guard valid, filled == count else { return nil }
        self.bytes = bytes
        self.ends = ends
        self.buckets = buckets
        self.mask = size - 1
    }
}
