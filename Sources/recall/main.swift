import RecallCLI

RecallCommand.run()
