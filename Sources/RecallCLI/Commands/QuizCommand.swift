import ArgumentParser
import RecallCore

extension RecallCommand {
    struct QuizCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "quiz")
        @OptionGroup var global: GlobalOptions
        func run() throws { throw CommandFailure(message: "not available yet") }
    }
}
