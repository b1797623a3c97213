import Foundation
import RecallCore

/// The card states of a snapshot as start-up wants them, so that a hundred thousand lines need
/// not be parsed at every start: `Progress/.cache/NAME.states.bin`.
///
/// It is never a source. It carries the stamp (size, modification time, inode) of the snapshot
/// it was made from; a snapshot is only ever replaced whole, by a rename, so any new snapshot
/// has another stamp and the copy is not used. Deleting it loses nothing. Layout (see
/// ``BinaryWriter``): the magic `RCLSTA01`; the snapshot's stamp; the log bytes and lines it
/// covers; the id table's storage (ids' bytes, their ends, its buckets); then ten numbers a
/// card (repetitions, easiness, interval, lapses, reviews, suspended, and the due, buried,
/// introduced and last-reviewed days as ordinals, `Int32.min` for none).
enum StateCache {
    static let magic = "RCLSTA01"

    /// Writes the copy of a snapshot whose stamp is `stamp`; a failure only means no copy.
    static func write(_ path: String, stamp: String, states: CardStates, coveredBytes: Int, coveredLines: Int) {
        let storage = states.index.storage
        var out = BinaryWriter(magic: magic, capacity: storage.bytes.count + storage.buckets.count * 8 + states.count * 44 + 64)
        out.put(stamp)
        out.put(UInt64(coveredBytes))
        out.put(UInt64(coveredLines))
        out.put(raw: storage.bytes)
        out.put(UInt64(storage.ends.count))
        out.put(storage.ends)
        out.put(UInt64(storage.buckets.count))
        out.put(storage.buckets)
        func day(_ d: Day?) -> Int32 { d.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? Int32.min }
        for s in states.values {
            out.put([
                Int32(truncatingIfNeeded: s.repetitions), Int32(truncatingIfNeeded: s.easiness), Int32(truncatingIfNeeded: s.interval),
                Int32(truncatingIfNeeded: s.lapses), Int32(truncatingIfNeeded: s.reviews), s.suspended ? 1 : 0,
                day(s.due), day(s.buriedUntil), day(s.introduced), day(s.lastReviewed),
            ])
        }
        try? AtomicFile.makeFolder((path as NSString).deletingLastPathComponent)
        try? AtomicFile.write(Data(out.sealed), to: path, durably: false)
    }

    /// The states of the snapshot whose stamp is `stamp`, with the log bytes and lines it
    /// covers, or nil when there is no copy of that snapshot or it does not read.
    static func read(_ path: String, stamp: String) -> (states: CardStates, coveredBytes: Int, coveredLines: Int)? {
        guard let file = try? MappedFile(path) else { return nil }
        return file.withUnsafeBytes { buffer in
            do {
                var reader = try BinaryReader(buffer, magic: magic)
                guard try reader.string() == stamp else { return nil }
                let coveredBytes = try reader.get(UInt64.self)
                let coveredLines = try reader.get(UInt64.self)
                let bytes = try reader.raw()
                let ends = try reader.get(Int32.self, count: try reader.count(unit: 4))
                // The buckets and the states are read where they lie in the mapping, not copied first.
                let buckets = try reader.slice(8 * (try reader.count(unit: 8)))
                guard let index = IdIndex(bytes: bytes, ends: ends, bucketWords: buckets) else { return nil }
                let raw = try reader.slice(40 * ends.count)
                guard reader.atEnd, coveredBytes <= UInt64(Int.max), coveredLines <= UInt64(Int.max) else { return nil }
                func day(_ raw: Int32) -> Day? { raw == Int32.min ? nil : Day(ordinal: Int(raw)) }
                var values: [CardState] = []
                values.reserveCapacity(ends.count)
                var fields = (0..<10).map { _ in Int32(0) }
                for k in 0..<ends.count {
                    for n in 0..<10 { fields[n] = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 40 * k + 4 * n, as: Int32.self)) }
                    guard fields[5] == 0 || fields[5] == 1 else { return nil }
                    let state = CardState(
                        repetitions: Int(fields[0]), easiness: Int(fields[1]), interval: Int(fields[2]),
                        due: day(fields[6]), lapses: Int(fields[3]), reviews: Int(fields[4]),
                        suspended: fields[5] == 1, buriedUntil: day(fields[7]), introduced: day(fields[8]),
                        lastReviewed: day(fields[9]))
                    // The rule the snapshot's reader applies: nothing is loaded that could not be written back.
                    guard state.isPossible else { return nil }
                    values.append(state)
                }
                return (CardStates(index: index, values: values), Int(coveredBytes), Int(coveredLines))
            } catch {
                return nil
            }
        }
    }
}
