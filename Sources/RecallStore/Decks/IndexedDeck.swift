import Foundation
import RecallCore

/// A deck as a study session needs it at start-up: the card ids and kinds, in order, with each
/// card read from the deck file only when it is shown.
///
/// The first load of a deck reads and validates it whole, and writes an index (ids, kinds and
/// where each card stands in the file) to a cache folder, stamped with the deck file's size,
/// modification time and inode. Later loads read the small index instead of parsing every card;
/// any change to the deck file, or a cache that does not read, means a full load again.
public struct IndexedDeck: CardSource {
    /// The deck's name.
    public let name: String
    /// The deck's title.
    public let title: String
    /// The deck file.
    public let path: String
    /// Card ids, in deck order.
    public let ids: [String]
    /// Card kinds, in deck order.
    public let kinds: [String]
    /// Card sibling groups, in deck order ("" for none).
    public let groups: [String]
    let ranges: [Range<Int>]
    /// The cards, when the deck was just read whole.
    let loaded: [Card]?

    /// The number of cards.
    public var count: Int { ids.count }

    /// The card at `position`, read from the deck file unless it is in memory.
    /// - Throws: ``DeckError`` when the file changed under the index.
    public func card(at position: Int) throws -> Card {
        if let loaded { return loaded[position] }
        let range = ranges[position]
        guard let fd = Platform.open(path, .read) else { throw DeckError.unreadable(file: path, reason: Platform.lastError) }
        defer { Platform.close(fd) }
        var buffer = [UInt8](repeating: 0, count: range.count)
        let read = buffer.withUnsafeMutableBytes { raw in
            raw.baseAddress.map { Platform.readExactly(fd, into: $0, count: range.count, at: range.lowerBound) } ?? false
        }
        guard read else { throw changed }
        let card = try buffer.withUnsafeBufferPointer { try Deck.card($0, number: position + 1, file: path) }
        guard card.id == ids[position] else { throw changed }
        return card
    }

    /// The cards at `positions`, read from one mapping of the deck file unless they are in memory.
    /// - Throws: ``DeckError`` when the file changed under the index.
    public func cards(at positions: [Int]) throws -> [Card] {
        if let loaded { return positions.map { loaded[$0] } }
        return try read(positions) { position, bytes in
            let card = try Deck.card(bytes, number: position + 1, file: path)
            guard card.id == ids[position] else { throw changed }
            return card
        }
    }

    /// The questions of the cards at `positions`, reading no other field of them.
    /// - Throws: ``DeckError`` when the file changed under the index.
    public func questions(at positions: [Int]) throws -> [String] {
        if let loaded { return positions.map { loaded[$0].question } }
        return try read(positions) { position, bytes in
            let (id, question) = try Deck.idAndQuestion(bytes, number: position + 1, file: path)
            guard id == ids[position] else { throw changed }
            return question
        }
    }

    /// Reads something of each card at `positions` from one mapping of the deck file. Only the
    /// pages the cards lie on are touched: a listing reads a thousand cards at a time, and
    /// mapping all of a 40 MB deck for each thousand cost a second.
    private func read<T: Sendable>(_ positions: [Int], _ transform: @escaping @Sendable (Int, UnsafeBufferPointer<UInt8>) throws -> T)
        throws -> [T]
    {
        let file: MappedFile
        do { file = try MappedFile(path, populate: false) } catch {
            throw DeckError.unreadable(file: path, reason: FileError.reason(of: error))
        }
        return try file.withUnsafeBytes { mapped in
            nonisolated(unsafe) let bytes = mapped
            let ranges = self.ranges
            @Sendable func readOne(_ position: Int) throws -> T {
                guard ranges[position].upperBound <= bytes.count else { throw changed }
                return try transform(position, UnsafeBufferPointer(rebasing: bytes[ranges[position]]))
            }
            // Thousands of cards (every leech of a large deck) are read on both cores.
            let half = positions.count / 2
            let chunks = positions.count < 256 ? [positions[...]] : [positions[..<half], positions[half...]]
            return try chunks.parallelMapAlways { chunk in Result { try chunk.map(readOne) } }.flatMap { try $0.get() }
        }
    }

    private var changed: DeckError { .unreadable(file: path, reason: "the file changed while it was read; start again") }

    /// The index file's first bytes: its format and version.
    static let magic = "RCLIDX03"

    /// The deck file's size, modification time and inode, or nil when it cannot be read.
    static func stamp(_ path: String) -> String? { Platform.info(path)?.stamp }

    /// Loads a deck of `home` through its index in the home's cache, building the index when it
    /// is missing or stale. Failing to write the cache is not an error: the deck is then read whole.
    /// - Throws: ``DeckError`` for a missing or malformed deck.
    /// - Parameter notice: told when a large deck is read whole to build its index.
    public static func load(_ name: String, home: Home, notice: SlowWorkNotice = .silent) throws -> IndexedDeck {
        let library = home.library
        let path = library.path(of: name)
        guard AtomicFile.exists(path) else {
            throw DeckError.notFound(name: name, folder: library.folder, available: library.names())
        }
        let cachePath = home.deckIndex(name)
        if let stamp = stamp(path), let cached = try? readIndex(cachePath, stamp: stamp, deckPath: path) { return cached }
        let before = stamp(path)
        let size = Platform.info(path)?.size ?? 0
        let (deck, ranges) = try notice.around("Reading deck '\(name)' (\(SlowWorkNotice.size(size))) to index it", bytes: size) {
            let data: Data
            do { data = try AtomicFile.read(path) } catch let error as FileError {
                throw DeckError.unreadable(file: path, reason: FileError.reason(of: error))
            }
            return try Deck.decodeWithRanges(data, file: path)
        }
        let indexed = IndexedDeck(
            name: name, title: deck.title, path: path, ids: deck.cards.map(\.id),
            kinds: deck.cards.map(\.kind), groups: deck.cards.map { $0.group ?? "" }, ranges: ranges, loaded: deck.cards)
        if let before, before == stamp(path) { try? indexed.writeIndex(cachePath, stamp: before) }
        return indexed
    }

    /// Writes the index: the deck file's stamp, name and title; the ids; the kinds and groups as
    /// tables of the distinct ones and each card's number in them; each card's byte range.
    func writeIndex(_ cachePath: String, stamp: String) throws {
        try AtomicFile.makeFolder((cachePath as NSString).deletingLastPathComponent)
        var out = BinaryWriter(magic: Self.magic, capacity: ids.count * 48)
        out.put(stamp)
        out.put(name)
        out.put(title)
        out.put(ids)
        for column in [kinds, groups] {
            var table: [String] = []
            var numbers: [String: UInt32] = [:]
            let numbered = column.map { value -> UInt32 in
                if let n = numbers[value] { return n }
                numbers[value] = UInt32(table.count)
                table.append(value)
                return UInt32(table.count - 1)
            }
            out.put(table)
            out.put(numbered)
        }
        out.put(ranges.flatMap { [UInt64($0.lowerBound), UInt64($0.upperBound)] })
        try AtomicFile.write(Data(out.sealed), to: cachePath, durably: false)
    }

    /// Reads an index written for the deck file as it is now (`stamp`).
    /// - Throws: when the index is missing, damaged or stale; the deck is then read whole.
    static func readIndex(_ cachePath: String, stamp: String, deckPath: String) throws -> IndexedDeck {
        let file = try MappedFile(cachePath)
        return try file.withUnsafeBytes { buffer in
            var reader = try BinaryReader(buffer, magic: magic)
            guard try reader.string() == stamp else { throw BinaryReader.Damaged() }
            let name = try reader.string()
            let title = try reader.string()
            let ids = try reader.strings()
            var columns: [[String]] = []
            for _ in 0..<2 {
                let table = try reader.strings()
                let numbers = try reader.get(UInt32.self, count: ids.count)
                guard numbers.allSatisfy({ Int($0) < table.count }) else { throw BinaryReader.Damaged() }
                columns.append(numbers.map { table[Int($0)] })
            }
            let bounds = try reader.get(UInt64.self, count: 2 * ids.count)
            guard reader.atEnd else { throw BinaryReader.Damaged() }
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(ids.count)
            for k in ids.indices {
                let lo = bounds[2 * k]
                let hi = bounds[2 * k + 1]
                guard lo < hi, hi <= UInt64(Int.max) else { throw BinaryReader.Damaged() }
                ranges.append(Int(lo)..<Int(hi))
            }
            return IndexedDeck(
                name: name, title: title, path: deckPath, ids: ids, kinds: columns[0], groups: columns[1], ranges: ranges, loaded: nil)
        }
    }
}
