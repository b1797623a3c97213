import Foundation
import RecallCore

/// A binary copy of the digests of a log's first bytes, so that statistics need not parse a
/// million reviews again at every run: `Progress/.cache/NAME.reviews.bin`.
///
/// It is never a source. It records how many of the log's bytes it covers and a 64-bit hash of
/// every one of them, and each use hashes those bytes of the log again: a log changed anywhere
/// in them (a repair, an edit) makes the copy useless, and it is rebuilt. Deleting it loses
/// nothing. Layout, little-endian: the magic `RCLDIG01`; covered bytes, their hash, card count,
/// digest count and id bytes as UInt64; each id's end as UInt32; the ids' UTF-8; padding to 4;
/// then 20 bytes a digest (card, day, due after, response ms as Int32; grade; re-drill, first
/// sight and undo as 0 or 1), as ``ReviewDigest`` lies in memory, so the digests are copied whole.
enum ReviewLogCache {
    static let magic = Array("RCLDIG01".utf8)

    /// The cached log and how much of `logBytes` it covers, or nil when there is none that
    /// matches the log.
    static func read(_ path: String, logPath: String, logBytes: UnsafeBufferPointer<UInt8>) -> (log: ReviewLog, coveredBytes: Int)? {
        guard let file = try? MappedFile(path) else { return nil }
        return file.withUnsafeBytes { bytes -> (ReviewLog, Int)? in
            guard bytes.count >= 48, Array(bytes[0..<8]) == magic, let raw = UnsafeRawBufferPointer(bytes).baseAddress else { return nil }
            func u64(_ at: Int) -> Int { Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
            let covered = u64(8)
            let hash = UInt64(bitPattern: Int64(u64(16)))
            let cards = u64(24)
            let count = u64(32)
            let idBytes = u64(40)
            let endsAt = 48
            let idsAt = endsAt + 4 * cards
            let digestsAt = (idsAt + idBytes + 3) / 4 * 4
            guard covered >= 0, covered <= logBytes.count, cards >= 0, count >= 0, idBytes >= 0,
                digestsAt + 20 * count == bytes.count,
                Self.hash(ofFile: logPath, count: covered) == hash
            else { return nil }
            // The ids are numbered while the digests are checked and copied, on both cores.
            nonisolated(unsafe) let mapped = bytes
            let parts = [Part.ids, .digests].parallelMapAlways { part -> Part in
                switch part {
                case .ids:
                    let raw = UnsafeRawBufferPointer(mapped)
                    var index = IdIndex(capacity: cards)
                    var start = idsAt
                    for k in 0..<cards {
                        let end = idsAt + Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: endsAt + 4 * k, as: UInt32.self)))
                        guard end >= start, end <= idsAt + idBytes,
                            index.insert(UnsafeBufferPointer(rebasing: mapped[start..<end])).inserted
                        else { return .failed }
                        start = end
                    }
                    return .index(index)
                default:
                    return digests(UnsafeBufferPointer(rebasing: mapped[digestsAt...]), count: count, cards: cards).map(Part.read)
                        ?? .failed
                }
            }
            guard case let .index(index) = parts[0], case let .read(reviews) = parts[1] else { return nil }
            return (ReviewLog(cards: index, reviews: reviews), covered)
        }
    }

    /// What each core reads of a cache.
    private enum Part: Sendable {
        case ids, digests, failed
        case index(IdIndex)
        case read([ReviewDigest])
    }

    /// The digests as they lie on disk, which is how they lie in memory: checked, then copied whole.
    private static func digests(_ bytes: UnsafeBufferPointer<UInt8>, count: Int, cards: Int) -> [ReviewDigest]? {
        guard UInt32(1).littleEndian == 1, MemoryLayout<ReviewDigest>.stride == 20, MemoryLayout<ReviewDigest>.offset(of: \.day) == 4,
            MemoryLayout<ReviewDigest>.offset(of: \.afterDue) == 8, MemoryLayout<ReviewDigest>.offset(of: \.responseMs) == 12,
            MemoryLayout<ReviewDigest>.offset(of: \.grade) == 16, MemoryLayout<ReviewDigest>.offset(of: \.redrill) == 17,
            MemoryLayout<ReviewDigest>.offset(of: \.firstSight) == 18, MemoryLayout<ReviewDigest>.offset(of: \.isUndo) == 19,
            let base = bytes.baseAddress, bytes.count == 20 * count
        else { return nil }
        let raw = UnsafeRawPointer(base)
        for k in 0..<count {
            let at = 20 * k
            let card = raw.loadUnaligned(fromByteOffset: at, as: Int32.self)
            guard card >= 0, Int(card) < cards, base[at + 17] <= 1, base[at + 18] <= 1, base[at + 19] <= 1 else { return nil }
        }
        return [ReviewDigest](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let target = buffer.baseAddress { UnsafeMutableRawPointer(target).copyMemory(from: raw, byteCount: 20 * count) }
            initialized = count
        }
    }

    /// Writes the digests of the log's first `coveredBytes`; a failure only means no cache.
    static func write(_ path: String, log: ReviewLog, logPath: String, coveredBytes: Int) {
        guard let hash = hash(ofFile: logPath, count: coveredBytes) else { return }
        var out: [UInt8] = []
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        var ids: [UInt8] = []
        var ends: [UInt32] = []
        for k in 0..<log.cards.count {
            log.cards.withUTF8(of: k) { ids.append(contentsOf: $0) }
            ends.append(UInt32(ids.count))
        }
        out.reserveCapacity(48 + 4 * ends.count + ids.count + 4 + 20 * log.reviews.count)
        out += magic
        put(UInt64(coveredBytes))
        put(hash)
        put(UInt64(ends.count))
        put(UInt64(log.reviews.count))
        put(UInt64(ids.count))
        for end in ends { put(end) }
        out += ids
        while out.count % 4 != 0 { out.append(0) }
        for r in log.reviews {
            put(r.card)
            put(r.day)
            put(r.afterDue)
            put(r.responseMs)
            out.append(UInt8(bitPattern: r.grade))
            out.append(r.redrill ? 1 : 0)
            out.append(r.firstSight ? 1 : 0)
            out.append(r.isUndo ? 1 : 0)
        }
        try? AtomicFile.makeFolder((path as NSString).deletingLastPathComponent)
        try? AtomicFile.write(Data(out), to: path, durably: false)
    }

    /// A 64-bit hash of the first `count` bytes of the file at `path`, or nil when they cannot
    /// be read: four lanes of multiply-and-rotate, the two halves on two cores. The file is read
    /// a megabyte at a time into a buffer that stays in cache, which is quicker than touching
    /// every page of a mapping.
    static func hash(ofFile path: String, count: Int) -> UInt64? {
        guard let fd = Platform.open(path, .read) else { return nil }
        defer { Platform.close(fd) }
        let half = count / 64 * 32
        let parts = [0..<half, half..<count].parallelMapAlways { range -> UInt64? in
            var lanes = Lanes()
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            var at = range.lowerBound
            return buffer.withUnsafeMutableBytes { chunk -> UInt64? in
                guard let base = chunk.baseAddress else { return nil }
                while true {
                    let want = min(chunk.count, range.upperBound - at)
                    guard Platform.readExactly(fd, into: base, count: want, at: at) else { return nil }
                    at += want
                    guard at < range.upperBound else {
                        return lanes.finish(UnsafeRawBufferPointer(start: base, count: want), total: range.count)
                    }
                    lanes.blocks(UnsafeRawBufferPointer(start: base, count: want))
                }
            }
        }
        guard let first = parts[0], let second = parts[1] else { return nil }
        return avalanche(first &* prime1 ^ rotate(second, 27) &+ UInt64(count))
    }

    /// Four running lanes, fed whole 32-byte blocks, then finished with the last bytes.
    private struct Lanes {
        var a = prime1, b = prime2, c: UInt64 = 0, d = prime1 ^ prime2

        /// Takes every whole block of `bytes`; a caller passes a multiple of 32 until the end.
        mutating func blocks(_ bytes: UnsafeRawBufferPointer) {
            var i = 0
            while i + 32 <= bytes.count {
                a = round(a, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                b = round(b, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
                c = round(c, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
                d = round(d, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
                i += 32
            }
        }

        /// Takes the last bytes and gives the hash of the `total` bytes fed.
        mutating func finish(_ last: UnsafeRawBufferPointer, total: Int) -> UInt64 {
            blocks(last)
            var h = rotate(a, 1) &+ rotate(b, 7) &+ rotate(c, 12) &+ rotate(d, 18)
            for k in (last.count / 32 * 32)..<last.count { h = round(h, UInt64(last[k])) }
            return avalanche(h &+ UInt64(total))
        }
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always) private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    /// One multiply a word: a checksum against change, not a defence against chosen collisions.
    @inline(__always) private static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        rotate((acc ^ word) &* prime1, 29)
    }

    private static func avalanche(_ x: UInt64) -> UInt64 {
        var h = x
        h ^= h >> 33
        h = h &* prime2
        h ^= h >> 29
        h = h &* 0x1656_67B1_9E37_79F9
        h ^= h >> 32
        return h
    }
}
