import Foundation

/// The decks in a `Decks/` folder.
public struct DeckLibrary: Sendable {
    /// The folder holding `NAME.json` decks.
    public var folder: String

    /// Makes a library over a folder.
    public init(folder: String) { self.folder = folder }

    /// The deck names in the folder, sorted.
    public func names() -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// The path of a deck by name.
    public func path(of name: String) -> String { "\(folder)/\(name).json" }

    /// Loads one deck by name or by path.
    /// - Throws: ``DeckError`` (not found, malformed) or ``FileError``.
    public func load(_ nameOrPath: String) throws -> Deck {
        let isPath = nameOrPath.hasSuffix(".json") || nameOrPath.contains("/")
        let path = isPath ? nameOrPath : self.path(of: nameOrPath)
        if !isPath, !FileManager.default.fileExists(atPath: path) {
            throw DeckError.notFound(name: nameOrPath, folder: folder, available: names())
        }
        let data: Data
        do { data = try AtomicFile.read(path) } catch let error as FileError {
            throw DeckError.unreadable(file: path, reason: error.localizedDescription)
        }
        return try Deck.decode(data, file: path)
    }
}
