import ArgumentParser
import Foundation
import RecallCore

/// The `recall` command: studies by default, with subcommands for decks, cards and statistics.
public struct RecallCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Learn a policy text cold: cards from its dates, meetings and directives, reviewed with SM-2.",
        discussion: """
        Run with no subcommand to study today's cards of every deck in the home folder.
        The home holds Decks/ and Progress/: --home, else $RECALL_HOME, else the current folder \
        when it has a Decks/ folder, else ~/.local/share/recall.
        """,
        version: "1.0.0",
        subcommands: [StudyCommand.self, QuizCommand.self, StatsCommand.self, GenerateCommand.self, DecksCommand.self, CardsCommand.self, CheckCommand.self,
                      SuspendCommand.self, UnsuspendCommand.self, ResetCommand.self],
        defaultSubcommand: StudyCommand.self
    )

    public init() {}

    /// Runs `recall` with the process's arguments, printing errors as `Error: …` and exiting
    /// non-zero on failure.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data("Error: \(error.message)\n".utf8))
            Foundation.exit(error.status)
        } catch let error as LocalizedError {
            FileHandle.standardError.write(Data("Error: \(error.localizedDescription)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

/// A failure already explained to the user, with the exit status to end on.
struct CommandFailure: Error {
    var message: String
    var status: Int32 = 1
}
