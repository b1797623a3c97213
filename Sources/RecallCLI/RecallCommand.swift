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
        subcommands: [
            StudyCommand.self, QuizCommand.self, StatsCommand.self, GenerateCommand.self, DecksCommand.self, CardsCommand.self,
            CheckCommand.self,
            SuspendCommand.self, UnsuspendCommand.self, ResetCommand.self,
        ],
        defaultSubcommand: StudyCommand.self
    )

    public init() {}

    /// Runs `recall` with the process's arguments, printing errors as `Error: …` and exiting
    /// non-zero on failure.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(subcommandFirst(arguments))
            try command.run()
            Foundation.exit(0)
        } catch let error as CommandFailure {
            printError("Error: \(error.message)")
            Foundation.exit(error.status)
        } catch let error as LocalizedError {
            printError("Error: \(error.localizedDescription)")
            // A deck named that is not there is a bad argument, as a bad option is.
            if case .notFound = error as? DeckError { Foundation.exit(64) }
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

extension RecallCommand {
    /// The arguments with a subcommand written after the options every command takes moved to the
    /// front: `recall --home H generate F` is `recall generate --home H F`, as a newcomer expects.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
        let names = Set(configuration.subcommands.map { $0._commandName })
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--home" || a == "--today" {
                i += 2
                continue
            }
            if a.hasPrefix("--home=") || a.hasPrefix("--today=") {
                i += 1
                continue
            }
            break
        }
        guard i > 0, i < arguments.count, names.contains(arguments[i]) else { return arguments }
        return [arguments[i]] + arguments[..<i] + arguments[(i + 1)...]
    }
}

/// A failure already explained to the user, with the exit status to end on.
struct CommandFailure: Error {
    var message: String
    var status: Int32 = 1

    /// Kinds asked for (`--kind`, `--kinds`) that no card of the decks has, with the kinds there
    /// are (exit 64), or nil when every one is there.
    static func missingKinds(_ asked: [String], present: Set<String>) -> CommandFailure? {
        let missing = asked.filter { !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        let named = missing.map { "'\(Sanitizer.plain($0))'" }.joined(separator: ", ")
        let here = present.sorted().map(Sanitizer.plain).joined(separator: ", ")
        return CommandFailure(message: "no cards of kind \(named); the kinds here are: \(here.isEmpty ? "none" : here)", status: 64)
    }
}
