import ArgumentParser
import Foundation
import RecallStore

extension CompletionKind {
    /// Tab completion of a deck's name: the decks of the home the command line names with
    /// `--home`, else of the home `RECALL_HOME` or the default names.
    static var deckNames: CompletionKind {
        .custom { words, _, prefix in
            var option: String?
            for (i, word) in words.enumerated() {
                if word == "--home", i + 1 < words.count { option = words[i + 1] }
                if word.hasPrefix("--home=") { option = String(word.dropFirst("--home=".count)) }
            }
            let home = Home.resolve(option: option, environment: ProcessInfo.processInfo.environment)
            return home.library.names().filter { $0.hasPrefix(prefix) }
        }
    }
}
