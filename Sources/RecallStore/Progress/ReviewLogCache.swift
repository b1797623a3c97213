import Foundation
import RecallCore

/// A binary copy of the digests of a log's first bytes, so that statistics need not parse a
/// million reviews again at every run: `Progress/.cache/NAME.reviews.bin`.
///
/// It is never a source, and statistics are all it serves. It records how many of the log's
/// bytes it covers, a checksum of all of them, and the log's stamp (size, modification time,
/// inode) when that checksum was last found true. While the log keeps that stamp, it has not
/// been touched and the copy is used as it is; once the stamp changes (a session appended to
/// it, or anything else), the covered bytes are checksummed again, so a log changed anywhere in
/// them (a repair, an edit in place) makes the copy useless and it is rebuilt. Deleting it loses
/// nothing. Layout (see ``BinaryWriter``): the magic `RCLDIG03`; the log's stamp, the covered
/// bytes and their checksum; the card ids as an ``IdIndex``'s storage; the digest count, then 20
/// bytes a digest (card, day, due after, response ms as Int32; grade; re-drill, first sight and
/// undo as 0 or 1), as ``ReviewDigest`` lies in memory, so the digests are copied whole.
enum ReviewLogCache {
    static let magic = "RCLDIG03"

    /// The cached log and how much of `logBytes` (the log at `logPath`, mapped) it covers, and
    /// whether the log changed since the copy was checked (the copy is then worth writing again
    /// with the new stamp); nil when there is no copy that matches the log.
    static func read(_ path: String, logPath: String, logBytes: UnsafeBufferPointer<UInt8>)
        -> (log: ReviewLog, coveredBytes: Int, logChanged: Bool)?
    {
        guard let file = try? MappedFile(path), let stamp = Platform.info(logPath)?.stamp else { return nil }
        return file.withUnsafeBytes { bytes -> (ReviewLog, Int, Bool)? in
            do {
                var reader = try BinaryReader(bytes, magic: magic)
                let unchanged = try reader.string() == stamp
                let covered = try reader.get(UInt64.self)
                let sum = try reader.get(UInt64.self)
                guard covered <= UInt64(logBytes.count) else { return nil }
                if !unchanged, Checksum.ofFile(logPath, count: Int(covered)) != sum { return nil }
                let idBytes = try reader.raw()
                let ends = try reader.get(Int32.self, count: try reader.count(unit: 4))
                let buckets = try reader.slice(8 * (try reader.count(unit: 8)))
                guard let cards = IdIndex(bytes: idBytes, ends: ends, bucketWords: buckets) else { return nil }
                let count = try reader.count(unit: 20)
                let raw = try reader.slice(20 * count)
                guard reader.atEnd, let reviews = digests(raw.bindMemory(to: UInt8.self), count: count, cards: cards.count) else {
                    return nil
                }
                return (ReviewLog(cards: cards, reviews: reviews), Int(covered), !unchanged)
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
            let day = Int(raw.loadUnaligned(fromByteOffset: at + 4, as: Int32.self))
            let afterDue = raw.loadUnaligned(fromByteOffset: at + 8, as: Int32.self)
            // Days the files can hold, grades of SM-2: figures computed from these stay in range.
            guard card >= 0, Int(card) < cards, Day.writable.contains(day),
                afterDue == Int32.min || Day.writable.contains(Int(afterDue)), base[at + 16] <= 5,
                base[at + 17] <= 1, base[at + 18] <= 1, base[at + 19] <= 1
            else { return nil }
        }
        return [ReviewDigest](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let target = buffer.baseAddress { UnsafeMutableRawPointer(target).copyMemory(from: raw, byteCount: 20 * count) }
            initialized = count
        }
    }

    /// Writes the digests of the log's first `coveredBytes`; a failure only means no cache.
    static func write(_ path: String, log: ReviewLog, logPath: String, coveredBytes: Int) {
        // The stamp is taken before the checksum: a change made while it is computed leaves a
        // stamp that no longer matches, so the next use checks the bytes again.
        guard let stamp = Platform.info(logPath)?.stamp, let sum = Checksum.ofFile(logPath, count: coveredBytes) else { return }
        let storage = log.cards.storage
        var out = BinaryWriter(magic: magic, capacity: storage.bytes.count + storage.buckets.count * 8 + 20 * log.reviews.count + 128)
        out.put(stamp)
        out.put(UInt64(coveredBytes))
        out.put(sum)
        out.put(raw: storage.bytes)
        out.put(UInt64(storage.ends.count))
        out.put(storage.ends)
        out.put(UInt64(storage.buckets.count))
        out.put(storage.buckets)
        out.put(UInt64(log.reviews.count))
        var digests = [UInt8](repeating: 0, count: 20 * log.reviews.count)
        digests.withUnsafeMutableBytes { raw in
            for (k, r) in log.reviews.enumerated() {
                let at = 20 * k
                raw.storeBytes(of: r.card.littleEndian, toByteOffset: at, as: Int32.self)
                raw.storeBytes(of: r.day.littleEndian, toByteOffset: at + 4, as: Int32.self)
                raw.storeBytes(of: r.afterDue.littleEndian, toByteOffset: at + 8, as: Int32.self)
                raw.storeBytes(of: r.responseMs.littleEndian, toByteOffset: at + 12, as: Int32.self)
                raw[at + 16] = UInt8(bitPattern: r.grade)
                raw[at + 17] = r.redrill ? 1 : 0
                raw[at + 18] = r.firstSight ? 1 : 0
                raw[at + 19] = r.isUndo ? 1 : 0
            }
        }
        out.append(digests)
        try? AtomicFile.makeFolder((path as NSString).deletingLastPathComponent)
        try? AtomicFile.write(Data(out.sealed), to: path, durably: false)
    }
}
