import ArgumentParser
import Foundation
import LineEditor
import RecallCore

extension RecallCommand {
    /// `recall` / `recall study [DECK]`: today's session.
    struct StudyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "study",
            abstract: "Study today's due and new cards (the default command)."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "A deck name (default: every deck in Decks/).")
        var deck: String?

        @Option(help: "New cards per day, counted across sessions.")
        var new: Int = 20

        @Option(help: "At most this many reviews of due cards today.")
        var max: Int?

        func validate() throws {
            if new < 0 { throw ValidationError("--new must be 0 or more, not \(new)") }
            if let max, max < 0 { throw ValidationError("--max must be 0 or more, not \(max)") }
        }

        func run() throws {
            let context = try global.context()
            let decks = try loadDecks(context, deck: deck)
            var stores: [String: any ProgressStoring] = [:]
            var opened: [JSONProgressStore] = []
            defer { opened.forEach { $0.close() } }
            for d in decks {
                let store = try JSONProgressStore(folder: context.progressFolder, deck: d.name)
                stores[d.name] = store
                opened.append(store)
            }
            let tty = isatty(0) == 1 && isatty(1) == 1
            let style = Style.detect(environment: context.environment, stdoutIsTTY: isatty(1) == 1)
            let reader: any LineReading
            var readline: ReadlineLineReader?
            if tty {
                let names = decks.map(\.name)
                let r = ReadlineLineReader(historyPath: context.progressFolder + "/.history") { line, word in
                    word.hasPrefix(":") ? REPLCommand.complete(line: line, word: word) : names.filter { $0.hasPrefix(word) && !word.isEmpty }
                }
                readline = r
                reader = r
            } else {
                reader = PlainLineReader()
            }
            let repl = StudyREPL(decks: decks, stores: stores, reader: reader, console: Console(style: style),
                                 today: context.today, clock: { Date() }, newLimit: new, maxReviews: max)
            defer { readline?.saveHistory() }
            try repl.run()
        }
    }
}

/// The decks a command works on: one by name, or all in the home.
func loadDecks(_ context: AppContext, deck: String?) throws -> [Deck] {
    let library = context.library
    if let deck { return [try library.load(deck)] }
    let names = library.names()
    if names.isEmpty {
        throw CommandFailure(message: "no decks in '\(context.decksFolder)'. Make one with: recall generate SOURCE.txt (or pass --home)")
    }
    return try names.map { try library.load($0) }
}
