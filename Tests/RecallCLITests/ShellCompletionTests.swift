import Foundation
import Testing

/// The completion scripts `recall --generate-completion-script SHELL` prints, run by bash as
/// Tab runs them.
@Suite struct ShellCompletionTests {
    /// What bash offers for the command line `words` (the last one being completed).
    func bashOffers(_ words: [String]) throws -> [String] {
        let script = """
            source <("$0" --generate-completion-script bash)
            COMP_WORDS=("$0" "$@"); COMP_CWORD=$#; COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
            _recall recall "${@: -1}" "${@: -2:1}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, RecallProcess.binary] + words
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashCompletesCommandsAndTheDecksOfTheHome() throws {
        let home = try TempHome()
        for name in ["work-report", "world", "speech"] {
            _ = try home.write("Decks/\(name).json", Data(#"{"format":"recall-deck","version":1,"name":"x","title":"X","cards":[]}"#.utf8))
        }
        #expect(try bashOffers(["st"]) == ["study", "stats"])
        #expect(try bashOffers(["study", "--home", home.path, "wor"]).sorted() == ["work-report", "world"])
        #expect(try bashOffers(["cards", "--home", home.path, "sp"]) == ["speech"])
    }

    @Test(arguments: ["bash", "zsh", "fish"]) func everyShellGetsAScript(_ shell: String) throws {
        let result = try RecallProcess.run(["--generate-completion-script", shell], home: try TempHome().path)
        #expect(result.status == 0 && result.stdout.contains("study") && result.stdout.contains("---completion"))
    }
}
