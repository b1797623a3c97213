import ArgumentParser
import RecallCore

extension RecallCommand {
    struct StatsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "stats")
        @OptionGroup var global: GlobalOptions
        func run() throws { throw CommandFailure(message: "not available yet") }
    }
}
