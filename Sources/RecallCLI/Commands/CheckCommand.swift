import ArgumentParser
import RecallCore

extension RecallCommand {
    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check")
        @OptionGroup var global: GlobalOptions
        func run() throws { throw CommandFailure(message: "not available yet") }
    }
}
