import ArgumentParser
import RecallCore

extension RecallCommand {
    struct CardsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cards")
        @OptionGroup var global: GlobalOptions
        func run() throws { throw CommandFailure(message: "not available yet") }
    }
}
