import Foundation
import RecallStore
import Testing

@Suite struct GenerateCommandTests {
    @Test func generatesAndRefusesToOverwrite() throws {
        let home = try TempHome()
        let first = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Wrote Decks/speech.json"))
        let again = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists; use --force"))
        let forced = try RecallProcess.run(
            ["generate", try home.speech, "--name", "speech", "--force", "--kinds", "date", "--limit", "3"], home: home.path)
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("3 cards (3 date)"))
        let decks = try RecallProcess.run(["decks"], home: home.path)
        #expect(decks.stdout.contains("speech  3 cards (3 date)"))
        // The second listing reads the deck's index, and says the same.
        #expect(FileManager.default.fileExists(atPath: home.home.deckIndex("speech")))
        #expect(try RecallProcess.run(["decks"], home: home.path).stdout == decks.stdout)
    }

    @Test func theHomeMayBeGivenBeforeTheSubcommand() throws {
        let home = try TempHome()
        let result = try RecallProcess.run(["--home", home.path, "generate", try home.speech, "--name", "speech"], home: "/nonexistent")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.path + "/Decks/speech.json"))
        let decks = try RecallProcess.run(["--home=\(home.path)", "decks"], home: "/nonexistent")
        #expect(decks.stdout.contains("speech"), "\(decks.stderr)")
    }

    @Test func badInputGetsAClearErrorAndNoDeck() throws {
        let home = try TempHome()
        let empty = try home.write("empty.txt", Data())
        let binary = try home.write("junk.bin", Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0xFF]))
        let plain = try home.write("plain.txt", Data("A calm day.\n\nThe river runs on.\n".utf8))
        let cases: [([String], String)] = [
            (["generate", home.path + "/missing.txt"], "missing.txt' does not exist"),
            (["generate", empty], "is empty"),
            (["generate", binary], "source '\(binary)' is not plain UTF-8 text (binary data at byte 4)"),
            (["generate", plain], "yields no cards"),
            (["generate", try home.speech, "--out", "/proc/forbidden/x.json"], "/proc/forbidden"),
        ]
        for (arguments, message) in cases {
            let result = try RecallProcess.run(arguments, home: home.path)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("Error: "), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path + "/Decks").isEmpty)
    }

    @Test func anAssumedYearIsAnnouncedAndADateOptionSilencesIt() throws {
        let home = try TempHome()
        let text = try home.write(
            "undated.txt",
            Data(
                "A Statement\n\nIn 2023, we adopted the compact with our partners. Next year, we will host the summit in our capital.\n"
                    .utf8))
        let assumed = try RecallProcess.run(["generate", text, "--name", "u"], home: home.path)
        #expect(assumed.status == 0, "\(assumed.stderr)")
        #expect(
            assumed.stderr.contains("has no date: relative dates (\"last year\", \"next year\") are read as of 2024"), "\(assumed.stderr)")
        #expect(assumed.stderr.contains("give --date"))
        let given = try RecallProcess.run(["generate", text, "--name", "u", "--force", "--date", "2030-05"], home: home.path)
        #expect(given.status == 0, "\(given.stderr)")
        #expect(!given.stderr.contains("has no date"))
        #expect(
            String(decoding: try Data(contentsOf: URL(fileURLWithPath: home.path + "/Decks/u.json")), as: UTF8.self).contains("\"2031\""))
    }

    @Test func badArgumentsExit64() throws {
        let home = try TempHome()
        for arguments in [
            ["generate", "x.txt", "--kinds", "dates"], ["generate", "x.txt", "--limit", "0"], ["--today", "2026-02-30"],
            ["generate", "x.txt", "--date", "next week"], ["generate", "x.txt", "--date", "2024-13-01"],
        ] {
            let result = try RecallProcess.run(arguments, home: home.path)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }

    @Test func malformedDeckIsNamed() throws {
        let home = try TempHome()
        _ = try home.write(
            "Decks/bad.json",
            Data(
                #"{"format": "recall-deck", "version": 1, "name": "b", "title": "B", "cards": [{"id": "c1", "kind": "k", "question": "Q?", "answer": ""}]}"#
                    .utf8))
        let result = try RecallProcess.run(["decks"], home: home.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Decks/bad.json': card 1 (id \"c1\"): \"answer\" is empty"))
    }

    @Test func dateOptionResolvesRelativeDates() throws {
        let home = try TempHome()
        let text = try home.write("talk.txt", Data("A Talk\n\nLast year, we opened the new bridge across the river.\n".utf8))
        let without = try RecallProcess.run(["generate", text, "--verbose"], home: home.path)
        #expect(without.status == 1)
        #expect(
            without.stderr.contains(
                "talk.txt:3: \"Last year, we opened the new bridge across …\": a relative date and no date for the document: give --date"),
            "\(without.stderr)")
        let with = try RecallProcess.run(["generate", text, "--date", "2024-09-27", "--title", "The Bridge"], home: home.path)
        #expect(with.status == 0, "\(with.stderr)")
        let deck = try String(contentsOfFile: home.path + "/Decks/talk.json", encoding: .utf8)
        #expect(deck.contains("\"answer\" : \"2023\""))
        #expect(deck.contains("\"title\" : \"The Bridge\""))
    }

    @Test func aStudyDayOutsideTheRangeOrOffTheCalendarIsRefused() throws {
        let home = try TempHome()
        for (day, message) in [
            ("9999-12-31", "--today '9999-12-31' is outside the days Recall studies on (1900-01-01 to 2999-12-31)"),
            ("2021-02-29", "--today '2021-02-29' is not a day of the calendar"),
        ] {
            let result = try RecallProcess.run(["stats", "--today", day], home: home.path)
            #expect(result.status == 64 && result.stderr.contains(message), "\(result.stderr)")
        }
    }

    @Test func aNegativeCountIsToldAsSuchAndAFolderOutGetsTheDeckInside() throws {
        let home = try TempHome()
        for (arguments, message) in [
            (["study", "--new", "-1"], "--new must be 0 or more, not -1"), (["study", "--max", "-5"], "--max must be 0 or more, not -5"),
            (["quiz", "--count", "-2"], "--count must be at least 1, not -2"),
        ] {
            let result = try RecallProcess.run(arguments, home: home.path)
            #expect(result.status == 64 && result.stderr.contains(message), "\(result.stderr)")
        }
        let folder = home.path + "/elsewhere"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let written = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--out", folder], home: home.path)
        #expect(written.status == 0 && FileManager.default.fileExists(atPath: folder + "/speech.json"), "\(written.stderr)")
    }
}
