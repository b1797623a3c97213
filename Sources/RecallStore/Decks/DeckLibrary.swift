import Foundation
import RecallCore

/// The decks in a `Decks/` folder.
public struct DeckLibrary: Sendable {
    /// The folder holding `NAME.json` decks.
    public var folder: String

    /// Makes a library over a folder.
    public init(folder: String) { self.folder = folder }

    /// The deck names in the folder, sorted.
    public func names() -> [String] { FolderListing.names(in: folder, ending: ".json") }

    /// The path of a deck by name.
    public func path(of name: String) -> String { "\(folder)/\(name).json" }

    /// Whether a name is a path to a deck file rather than a deck's name.
    public static func isPath(_ nameOrPath: String) -> Bool { nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") }

    /// Loads one deck by name or by path.
    /// - Throws: ``DeckError`` (not found, malformed) or ``FileError``.
    public func load(_ nameOrPath: String) throws -> Deck {
        let isPath = Self.isPath(nameOrPath)
        let path = isPath ? nameOrPath : self.path(of: nameOrPath)
        if !isPath, !AtomicFile.exists(path) {
            throw DeckError.notFound(name: nameOrPath, folder: folder, available: names())
        }
        let data: Data
        do { data = try AtomicFile.read(path) } catch let error as FileError {
            throw DeckError.unreadable(file: path, reason: FileError.reason(of: error))
        }
        return try Deck.decode(data, file: path)
    }
}
