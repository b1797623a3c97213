import Foundation
import RecallCore
import RecallStore

/// A fresh temporary folder, removed when the value goes away.
public final class TempFolder {
    /// The folder.
    public let path: String

    /// Makes the folder.
    public init() throws {
        path = NSTemporaryDirectory() + "recall-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

/// A temporary home with a Decks/ and a Progress/ folder, removed when the value goes away.
public final class TemporaryHome {
    private let folder: TempFolder
    /// The home.
    public let home: Home
    /// The home's folder.
    public var path: String { home.root }

    /// Makes an empty home.
    public init() throws {
        folder = try TempFolder()
        home = Home(folder.path)
        try FileManager.default.createDirectory(atPath: home.decksFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: home.progressFolder, withIntermediateDirectories: true)
    }

    /// Writes a deck into Decks/.
    public func add(_ deck: Deck) throws {
        try deck.encoded().write(to: URL(fileURLWithPath: home.library.path(of: deck.name)))
    }
}

/// Where the package lies, for tests that read its bundled deck and source.
public enum Package {
    /// The package's folder.
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The bundled speech, as the README's quick start studies it.
    public static var bundledSource: String { root + "/Decks/sources/digital-economy.txt" }
}
