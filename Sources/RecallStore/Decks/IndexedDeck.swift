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
        return try buffer.withUnsafeBufferPointer { try card(position, from: $0) }
    }

    /// The cards at `positions`, read from one mapping of the deck file unless they are in memory.
    /// - Throws: ``DeckError`` when the file changed under the index.
    public func cards(at positions: [Int]) throws -> [Card] {
        if let loaded { return positions.map { loaded[$0] } }
        let file: MappedFile
        do { file = try MappedFile(path) } catch {
            throw DeckError.unreadable(file: path, reason: error.localizedDescription)
        }
        return try file.withUnsafeBytes { mapped in
            nonisolated(unsafe) let bytes = mapped
            @Sendable func readCard(_ position: Int) throws -> Card {
                guard ranges[position].upperBound <= bytes.count else { throw changed }
                return try card(position, from: UnsafeBufferPointer(rebasing: bytes[ranges[position]]))
            }
            // Thousands of cards (every leech of a large deck) are read on both cores.
            let half = positions.count / 2
            let chunks = positions.count < 256 ? [positions[...]] : [positions[..<half], positions[half...]]
            return try chunks.parallelMapAlways { chunk in Result { try chunk.map(readCard) } }.flatMap { try $0.get() }
        }
    }

    /// The card at `position` from its bytes, checked against the index.
    private func card(_ position: Int, from bytes: UnsafeBufferPointer<UInt8>) throws -> Card {
        let card = try Deck.card(bytes, number: position + 1, file: path)
        guard card.id == ids[position] else { throw changed }
        return card
    }

    private var changed: DeckError { .unreadable(file: path, reason: "the file changed while it was read; start again") }

    static let format = "recall-deck-index"
    static let version = 2

    /// The deck file's size, modification time and inode, or nil when it cannot be read.
    static func stamp(_ path: String) -> String? { Platform.info(path)?.stamp }

    /// Loads a deck of `home` through its index in the home's cache, building the index when it
    /// is missing or stale. Failing to write the cache is not an error: the deck is then read whole.
    /// - Throws: ``DeckError`` for a missing or malformed deck.
    public static func load(_ name: String, home: Home) throws -> IndexedDeck {
        let library = home.library
        let path = library.path(of: name)
        guard AtomicFile.exists(path) else {
            throw DeckError.notFound(name: name, folder: library.folder, available: library.names())
        }
        let cachePath = home.deckIndex(name)
        if let stamp = stamp(path), let cached = try? readIndex(cachePath, stamp: stamp, deckPath: path) { return cached }
        let before = stamp(path)
        let data: Data
        do { data = try AtomicFile.read(path) } catch let error as FileError {
            throw DeckError.unreadable(file: path, reason: error.localizedDescription)
        }
        let (deck, ranges) = try Deck.decodeWithRanges(data, file: path)
        let indexed = IndexedDeck(
            name: name, title: deck.title, path: path, ids: deck.cards.map(\.id),
            kinds: deck.cards.map(\.kind), groups: deck.cards.map { $0.group ?? "" }, ranges: ranges, loaded: deck.cards)
        if let before, before == stamp(path) { try? indexed.writeIndex(cachePath, stamp: before) }
        return indexed
    }

    func writeIndex(_ cachePath: String, stamp: String) throws {
        try AtomicFile.makeFolder((cachePath as NSString).deletingLastPathComponent)
        var out = HeaderLine([
            "count": .int(ids.count), "format": .string(Self.format), "name": .string(name), "stamp": .string(stamp),
            "title": .string(title), "version": .int(Self.version),
        ]).text
        out.reserveCapacity(ids.count * 40)
        for k in ids.indices {
            out += "["
            JSONText.appendQuoted(ids[k], to: &out)
            out += ","
            JSONText.appendQuoted(kinds[k], to: &out)
            out += ",\(ranges[k].lowerBound),\(ranges[k].upperBound),"
            JSONText.appendQuoted(groups[k], to: &out)
            out += "]\n"
        }
        try AtomicFile.write(Data(out.utf8), to: cachePath)
    }

    struct StaleIndex: Error {}

    static func readIndex(_ cachePath: String, stamp: String, deckPath: String) throws -> IndexedDeck {
        let file = try MappedFile(cachePath)
        return try file.withUnsafeBytes { buffer in
            guard let (header, body) = HeaderLine.read(buffer), header.string("format") == format, header.int("version") == version,
                header.string("stamp") == stamp, let count = header.int("count"), count >= 0,
                let name = header.string("name"), let title = header.string("title")
            else { throw StaleIndex() }
            var ids: [String] = []
            var kinds: [String] = []
            var groups: [String] = []
            var ranges: [Range<Int>] = []
            ids.reserveCapacity(count)
            kinds.reserveCapacity(count)
            groups.reserveCapacity(count)
            ranges.reserveCapacity(count)
            var internedKinds: [String: String] = [:]
            var start = body
            while start < buffer.count {
                let end = LineScanner.lineEnd(buffer, from: start, to: buffer.count)
                guard end < buffer.count else { throw StaleIndex() }
                var scanner = LineScanner(buffer, from: start, to: end)
                try scanner.expect(UInt8(ascii: "["))
                ids.append(try scanner.string())
                try scanner.comma()
                let kind = try scanner.string()
                if let interned = internedKinds[kind] {
                    kinds.append(interned)
                } else {
                    internedKinds[kind] = kind
                    kinds.append(kind)
                }
                try scanner.comma()
                let lo = try scanner.int()
                try scanner.comma()
                let hi = try scanner.int()
                try scanner.comma()
                groups.append(try scanner.string())
                try scanner.finish()
                guard lo >= 0, hi > lo else { throw StaleIndex() }
                ranges.append(lo..<hi)
                start = end + 1
            }
            guard ids.count == count else { throw StaleIndex() }
            return IndexedDeck(
                name: name, title: title, path: deckPath, ids: ids, kinds: kinds, groups: groups, ranges: ranges, loaded: nil)
        }
    }
}
