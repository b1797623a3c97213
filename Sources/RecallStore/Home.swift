import Foundation

/// The folder a learner studies in, and the one place that knows where each of Recall's files
/// lies in it:
///
/// ```
/// HOME/Decks/NAME.json                   a deck (and Decks/sources/, the texts it came from)
/// HOME/Progress/NAME.log.jsonl           every event of a deck's study, appended
/// HOME/Progress/NAME.snapshot.jsonl      card states up to a point of the log
/// HOME/Progress/NAME.lock                held by the one process writing the deck's progress
/// HOME/Progress/.cache/NAME.index.bin    the deck's card ids, kinds and places (rebuilt at will)
/// HOME/Progress/.cache/NAME.reviews.bin  the log's digests for statistics (rebuilt at will)
/// HOME/Progress/.cache/NAME.states.bin   the snapshot's card states as start-up reads them (rebuilt at will)
/// HOME/Progress/.history                 the study prompt's line history
/// ```
public struct Home: Sendable, Equatable {
    /// The home folder.
    public let root: String
    /// Whether paths inside it are shown whole: for the default home, which the user did not
    /// name and is not in (`Decks/x.json` would point at the current folder).
    public var showsWholePaths = false

    /// A home at `root`, written without a trailing slash.
    public init(_ root: String) {
        var root = root
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        self.root = root
    }

    /// The home a command works in: `option` (`--home`), else `$RECALL_HOME`, else the current
    /// folder when it has a Decks/ folder, else `~/.local/share/recall`.
    public static func resolve(option: String?, environment: [String: String]) -> Home {
        if let option { return Home((option as NSString).standardizingPath) }
        if let env = environment["RECALL_HOME"], !env.isEmpty { return Home((env as NSString).standardizingPath) }
        let here = Home(FileManager.default.currentDirectoryPath)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: here.decksFolder, isDirectory: &isFolder), isFolder.boolValue { return here }
        var fallback = Home(((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/recall" as NSString).standardizingPath)
        fallback.showsWholePaths = true
        return fallback
    }

    /// Where the decks are.
    public var decksFolder: String { root + "/Decks" }
    /// Where study progress is.
    public var progressFolder: String { root + "/Progress" }
    /// Files Recall can always rebuild: deck indexes and log digests.
    public var cacheFolder: String { progressFolder + "/.cache" }
    /// The study prompt's history.
    public var historyFile: String { progressFolder + "/.history" }

    /// The decks of this home.
    public var library: DeckLibrary { DeckLibrary(folder: decksFolder) }

    /// A deck's index in the cache.
    public func deckIndex(_ deck: String) -> String { "\(cacheFolder)/\(deck).index.bin" }

    /// The files of a deck's progress.
    public func progress(_ deck: String) -> ProgressFiles {
        ProgressFiles(
            deck: deck, folder: progressFolder, log: "\(progressFolder)/\(deck).log.jsonl",
            snapshot: "\(progressFolder)/\(deck).snapshot.jsonl", lock: "\(progressFolder)/\(deck).lock",
            digests: "\(cacheFolder)/\(deck).reviews.bin", states: "\(cacheFolder)/\(deck).states.bin")
    }

    /// Removes the cached indexes of decks no longer in Decks/ (the caches of progress stay
    /// while its log does).
    /// - Returns: the names of the decks whose index was removed.
    @discardableResult
    public func removeIndexesOfDeletedDecks() -> [String] {
        let decks = Set(library.names())
        let stale = FolderListing.names(in: cacheFolder, ending: ".index.bin").filter { !decks.contains($0) }
        for name in stale { try? FileManager.default.removeItem(atPath: deckIndex(name)) }
        return stale
    }

    /// The names of the decks that have a progress log, whether or not the deck is still there.
    public func decksWithProgress() -> [String] {
        FolderListing.names(in: progressFolder, ending: ProgressFiles.logSuffix)
    }

    /// A path shown relative to the home when it lies inside it (whole for the default home).
    public func display(_ path: String) -> String {
        !showsWholePaths && path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
    }
}

/// Where one deck's progress lies; made by ``Home/progress(_:)``.
public struct ProgressFiles: Sendable, Equatable {
    /// The deck's name.
    public let deck: String
    /// The folder holding the log, the snapshot and the lock.
    public let folder: String
    /// The append-only log of events.
    public let log: String
    /// The snapshot of card states.
    public let snapshot: String
    /// The writer's lock.
    public let lock: String
    /// The log's digests for statistics, a cache.
    public let digests: String
    /// The snapshot's states in the form start-up reads, a cache.
    public let states: String

    /// What ends a log's file name.
    static let logSuffix = ".log.jsonl"

    /// Where a repair keeps a damaged file: beside it, with the time of the repair.
    public static func damagedCopy(of path: String, stamp: String) -> String { "\(path).damaged-\(stamp)" }

    /// Where a repair writes the fresh log before it takes the log's place.
    static func repairedCopy(of path: String, stamp: String) -> String { "\(path).repaired-\(stamp)" }
}
