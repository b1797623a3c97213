import Foundation
import RecallCore

/// A binary copy of the digests of a log's first bytes, so that statistics need not parse a
/// million reviews again at every run: `Progress/.cache/NAME.reviews.bin`.
///
/// It is never a source, and statistics are all it serves. It records the log file it was made
/// from (its inode: a repair writes a new file), how many of its bytes it covers, and a hash of
/// a sample of them: the first and last 64 KiB and 4 KiB at every MiB. Recall only appends to a
/// log, so a log it wrote keeps its covered bytes; a log replaced, cut, or edited where a sample
/// falls makes the copy useless, and it is rebuilt (reading the samples costs a millisecond
/// where hashing every byte cost 30 at a million reviews). `recall check` reads every line of the
/// log whatever the copy says. Deleting it loses nothing. Layout (see ``BinaryWriter``): the magic
/// `RCLDIG02`; the log's inode, the covered bytes and their sampled hash; the card ids as an
/// ``IdIndex``'s storage; the digest count, then 20 bytes a digest (card, day, due after,
/// response ms as Int32; grade; re-drill, first sight and undo as 0 or 1), as ``ReviewDigest``
/// lies in memory, so the digests are copied whole.
enum ReviewLogCache {
    static let magic = "RCLDIG02"

    /// The cached log and how much of `logBytes` (the log at `logPath`, mapped) it covers, or
    /// nil when there is none that matches the log.
    static func read(_ path: String, logPath: String, logBytes: UnsafeBufferPointer<UInt8>) -> (log: ReviewLog, coveredBytes: Int)? {
        guard let file = try? MappedFile(path), let inode = Platform.info(logPath)?.inode else { return nil }
        return file.withUnsafeBytes { bytes -> (ReviewLog, Int)? in
            do {
                var reader = try BinaryReader(bytes, magic: magic)
                guard try reader.get(UInt64.self) == inode else { return nil }
                let covered = try reader.get(UInt64.self)
                guard covered <= UInt64(logBytes.count), try reader.get(UInt64.self) == sampledHash(logBytes, count: Int(covered)) else {
                    return nil
                }
                let idBytes = try reader.raw()
                let ends = try reader.get(Int32.self, count: try reader.count(unit: 4))
                let buckets = try reader.slice(8 * (try reader.count(unit: 8)))
                guard let cards = IdIndex(bytes: idBytes, ends: ends, bucketWords: buckets) else { return nil }
                let count = try reader.count(unit: 20)
                let raw = try reader.slice(20 * count)
                guard reader.atEnd, let reviews = digests(raw.bindMemory(to: UInt8.self), count: count, cards: cards.count) else {
                    return nil
                }
                return (ReviewLog(cards: cards, reviews: reviews), Int(covered))
            } catch {
                return nil
            }
        }
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

    /// Writes the digests of the first `coveredBytes` of `logBytes` (the log at `logPath`,
    /// mapped); a failure only means no cache.
    static func write(_ path: String, log: ReviewLog, logPath: String, logBytes: UnsafeBufferPointer<UInt8>, coveredBytes: Int) {
        guard let inode = Platform.info(logPath)?.inode, coveredBytes <= logBytes.count else { return }
        let storage = log.cards.storage
        var out = BinaryWriter(magic: magic, capacity: storage.bytes.count + storage.buckets.count * 8 + 20 * log.reviews.count + 128)
        out.put(inode)
        out.put(UInt64(coveredBytes))
        out.put(sampledHash(logBytes, count: coveredBytes))
        out.put(raw: storage.bytes)
        out.put(UInt64(storage.ends.count))
        out.put(storage.ends)
        out.put(UInt64(storage.buckets.count))
        out.put(storage.buckets)
        out.put(UInt64(log.reviews.count))
        var digests: [UInt8] = []
        digests.reserveCapacity(20 * log.reviews.count)
        for r in log.reviews {
            for v in [r.card, r.day, r.afterDue, r.responseMs] { withUnsafeBytes(of: v.littleEndian) { digests.append(contentsOf: $0) } }
            digests.append(UInt8(bitPattern: r.grade))
            digests.append(r.redrill ? 1 : 0)
            digests.append(r.firstSight ? 1 : 0)
            digests.append(r.isUndo ? 1 : 0)
        }
        out.append(digests)
        try? AtomicFile.makeFolder((path as NSString).deletingLastPathComponent)
        try? AtomicFile.write(Data(out.bytes), to: path, durably: false)
    }

    /// A 64-bit hash of a sample of the first `count` bytes: the first and the last 64 KiB, and
    /// 4 KiB at the start of every MiB between. Only the sampled pages of a mapping are read.
    static func sampledHash(_ bytes: UnsafeBufferPointer<UInt8>, count: Int) -> UInt64 {
        var h = avalanche(UInt64(count) &+ prime2)
        func mix(_ range: Range<Int>) {
            guard let base = bytes.baseAddress, !range.isEmpty else { return }
            let raw = UnsafeRawPointer(base)
            var i = range.lowerBound
            while i + 8 <= range.upperBound {
                h = round(h, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
            }
            while i < range.upperBound {
                h = round(h, UInt64(base[i]))
                i += 1
            }
        }
        let head = min(count, 1 << 16)
        mix(0..<head)
        var at = 1 << 20
        while at + 4096 <= count - (1 << 16) {
            mix(at..<(at + 4096))
            at += 1 << 20
        }
        mix(max(head, count - (1 << 16))..<count)
        return avalanche(h)
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
