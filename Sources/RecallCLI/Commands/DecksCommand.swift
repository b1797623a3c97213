import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall decks`: lists the decks with their card counts by kind.
    struct DecksCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decks", abstract: "List the decks in Decks/ with their cards by kind.")

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let context = try global.context()
            let library = context.library
            let names = library.names()
            context.home.removeIndexesOfDeletedDecks()
            if names.isEmpty {
                printLine("No decks in '\(context.home.decksFolder)'. Make one with: recall generate SOURCE.txt")
                return
            }
            var failed = 0
            for name in names {
                do {
                    // Through the deck's index: a large deck is parsed once, not at every listing.
                    let deck = try IndexedDeck.load(name, home: context.home)
                    let counts = Dictionary(deck.kinds.map { ($0, 1) }, uniquingKeysWith: +)
                        .sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
                    printLine(
                        "\(Sanitizer.plain(name))  \(counted(deck.count, "card")) (\(counts.isEmpty ? "none" : counts))  \(Sanitizer.plain(deck.title))"
                    )
                } catch {
                    failed += 1
                    printError("error: \(error.localizedDescription)")
                }
            }
            if failed > 0 { throw CommandFailure(message: "\(failed) deck\(failed == 1 ? "" : "s") could not be read") }
        }
    }
}
