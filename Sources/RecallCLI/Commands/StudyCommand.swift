import ArgumentParser
import RecallCore

extension RecallCommand {
    struct StudyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "study")
        @OptionGroup var global: GlobalOptions
        func run() throws { throw CommandFailure(message: "not available yet") }
    }
}
