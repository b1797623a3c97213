import ArgumentParser
import Foundation
import LineEditor
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall` / `recall study [DECK]`: today's session.
    struct StudyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "study",
            abstract: "Study today's due and new cards (the default command)."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A deck name (default: every deck in Decks/).", completion: .deckNames)
        var deck: String?

        @Option(parsing: .unconditional, help: "New cards a day in each deck, counted across sessions.")
        var new: Int = 20

        @Option(
            parsing: .unconditional, help: "At most this many reviews of due cards in the session, the most overdue first; 0 for no limit.")
        var max: Int = 200

        @Flag(
            name: .customLong("show-siblings"),
            help: "Show cards of the same sentence or list on the same day (by default one of them a day).")
        var showSiblings = false

        func validate() throws {
            if new < 0 { throw ValidationError("--new must be 0 or more, not \(new)") }
            if max < 0 { throw ValidationError("--max must be 0 or more, not \(max)") }
        }

        func run() throws {
            let context = try global.context()
            let (decks, opened) = try openDecks(
                context, names: try deckNames(context, deck: deck), mode: .readWrite, notice: context.notice())
            defer { for store in opened { store.close() } }
            for (deck, store) in zip(decks, opened) { store.order = deck.ids }
            if let refusal = StudyDesk.refusal(stores: opened, names: decks.map(\.name), today: context.today) {
                throw CommandFailure(message: refusal)
            }
            let tty = isatty(0) == 1 && isatty(1) == 1
            let style = Style.detect(environment: context.environment, stdoutIsTTY: isatty(1) == 1)
            let reader: any LineReading
            var readline: ReadlineLineReader?
            if tty {
                let names = decks.map(\.name)
                let r = ReadlineLineReader(historyPath: context.home.historyFile) { line, word in
                    word.hasPrefix(":")
                        ? REPLCommand.complete(line: line, word: word) : names.filter { $0.hasPrefix(word) && !word.isEmpty }
                }
                readline = r
                reader = r
            } else {
                reader = PlainLineReader()
            }
            let desk = StudyDesk(
                decks: decks, stores: opened, today: context.today, newPerDeck: new, maxReviews: max == 0 ? nil : max,
                burySiblings: !showSiblings)
            let console = Console(style: style, width: { Terminal.columns() ?? 80 })
            let repl = StudyREPL(desk: desk, reader: reader, console: console, clock: { Date() })
            defer {
                readline?.saveHistory()
                // Housekeeping after the session, off the path to the first card.
                context.home.removeIndexesOfDeletedDecks()
            }
            try repl.run()
        }
    }
}

/// Reads the decks' indexes while their progress loads, the two largest reads of start-up.
/// - Throws: the first deck's or progress's error; progress opened for nothing is closed again.
func openDecks(
    _ context: AppContext, names: [String], mode: JSONProgressStore.Mode, notice: SlowWorkNotice = .silent
) throws -> (decks: [IndexedDeck], stores: [JSONProgressStore]) {
    nonisolated(unsafe) var decksResult: Result<[IndexedDeck], Error> = .success([])
    nonisolated(unsafe) var storesResult: Result<[JSONProgressStore], Error> = .success([])
    // Worker threads inherit this mask, so Ctrl-C always reaches the main thread, whose
    // readline waits for it; the main thread unblocks it again below.
    var interrupt = sigset_t()
    sigemptyset(&interrupt)
    sigaddset(&interrupt, SIGINT)
    sigaddset(&interrupt, SIGTSTP)
    pthread_sigmask(SIG_BLOCK, &interrupt, nil)
    DispatchQueue.concurrentPerform(iterations: 2) { part in
        if part == 0 {
            decksResult = Result { try names.map { try IndexedDeck.load($0, home: context.home, notice: notice) } }
        } else {
            storesResult = Result { try names.map { try JSONProgressStore(home: context.home, deck: $0, mode: mode) } }
        }
    }
    pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
    let stores = try storesResult.get()
    do {
        return (try decksResult.get(), stores)
    } catch {
        for store in stores { store.close() }
        throw error
    }
}

/// The decks a command works on: one by name, or all in the home.
func loadDecks(_ context: AppContext, deck: String?) throws -> [Deck] {
    try deckNames(context, deck: deck).map { try context.library.load($0) }
}

/// The names of the decks a command works on, checking that they exist.
func deckNames(_ context: AppContext, deck: String?) throws -> [String] {
    let library = context.library
    if let deck {
        if DeckLibrary.isPath(deck) {
            throw CommandFailure(
                message:
                    "name a deck in '\(context.home.decksFolder)' (e.g. '\(((deck as NSString).lastPathComponent as NSString).deletingPathExtension)'), not a path",
                status: 64)
        }
        guard library.names().contains(deck) else {
            throw DeckError.notFound(name: deck, folder: context.home.decksFolder, available: library.names())
        }
        return [deck]
    }
    let names = library.names()
    if names.isEmpty {
        throw CommandFailure(
            message: "no decks in '\(context.home.decksFolder)'. Make one with: recall generate SOURCE.txt (or pass --home)")
    }
    return names
}
