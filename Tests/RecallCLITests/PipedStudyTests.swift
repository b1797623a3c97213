import Foundation
import RecallCore
import RecallStore
import Testing

/// A scripted session with stdin piped: one line for the answer, one for the grade.
@Suite struct PipedStudyTests {
    @Test func gradesAreSavedAndTheNextDayFindsThemDue() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        // Card 1 wrong and accepted (1), card 2 revealed and graded 5, then quit.
        let day1 = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "2"], input: "1999\n\n\n5\n:quit\n", home: home.path)
        #expect(day1.status == 0, "\(day1.stderr)")
        #expect(day1.stdout.contains("0 due, 2 new"))
        #expect(day1.stdout.contains("graded 1; it comes back"))
        #expect(day1.stdout.contains("graded 5; next review 2026-01-06"))
        #expect(!day1.stdout.contains("\u{1B}["), "no escape sequences when NO_COLOR is set")
        let day2 = try RecallProcess.run(["study", "--today", "2026-01-06", "--new", "0"], input: ":quit\n", home: home.path)
        #expect(day2.stdout.contains("2 due, 0 new"), "\(day2.stdout)")
    }

    @Test func underTheCLocaleEveryCommandWritesASCII() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        let c = ["LC_ALL": "C"]
        _ = try home.write("Decks/broken.json", Data("{\"format\": \"recall-deck\", \"version\": 1, \"name\": \"broken\" …".utf8))
        let runs = [
            try RecallProcess.run(
                ["study", "speech", "--today", "2026-01-05", "--new", "3"], input: "1999\n\n:hint\n\n5\n:bury\n:undo\n:stats\n:quit\n",
                home: home.path, environment: c),
            try RecallProcess.run(
                ["quiz", "speech", "--count", "2", "--today", "2026-01-05"], input: "x\n\n", home: home.path, environment: c),
            try RecallProcess.run(["quiz", "speech", "--count", "2", "--choices"], input: "A\nB\n", home: home.path, environment: c),
            try RecallProcess.run(["stats", "speech", "--today", "2026-01-05"], home: home.path, environment: c),
            try RecallProcess.run(["cards", "speech", "--today", "2026-01-05"], home: home.path, environment: c),
            try RecallProcess.run(["decks"], home: home.path, environment: c),
            try RecallProcess.run(["check"], home: home.path, environment: c),
            // Error paths and notes too: a broken deck, the generator's findings.
            try RecallProcess.run(
                ["generate", try home.speech, "--name", "speech", "--force", "--verbose"], home: home.path, environment: c),
            try RecallProcess.run(["decks"], home: home.path, environment: c),
            try RecallProcess.run(["study", "broken"], home: home.path, environment: c),
        ]
        for run in runs {
            // Card text is the document's; the speech here is ASCII, so all of it must be.
            let foreign = (run.stdout + run.stderr).unicodeScalars.filter { !$0.isASCII }
            #expect(foreign.isEmpty, "\(String(String.UnicodeScalarView(foreign))) in:\n\(run.stdout)")
        }
        #expect(runs[0].stdout.contains("-- 1/"), "\(runs[0].stdout)")
        #expect(runs.last?.status == 1 && runs.last?.stderr.hasPrefix("Error: deck") == true, "\(runs.last?.stderr ?? "")")
    }

    @Test func aQuizAsksOneCardOfASentenceBeforeAnother() throws {
        let home = try TempHome()
        let cards = (1...4).map { k in
            Card(id: "c\(k)", kind: "directive", question: "Question \(k)?", answer: "answer \(k)", group: k < 4 ? "list" : nil)
        }
        try Deck(name: "t", title: "T", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/t.json"))
        for seed in 1...5 {
            let quiz = try RecallProcess.run(["quiz", "--count", "2", "--seed", "\(seed)"], input: "\n\n", home: home.path)
            #expect(quiz.stdout.contains("Question 4?"), "the card of its own comes before a second of the list: \(quiz.stdout)")
        }
    }

    @Test func siblingsWaitForAnotherDayUnlessAskedFor() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        func newCount(_ out: String) -> Int? {
            guard let r = out.range(of: #"0 due, (\d+) new"#, options: .regularExpression) else { return nil }
            return Int(out[r].split(separator: " ")[2])
        }
        let kept = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "60"], input: ":quit\n", home: home.path)
        #expect(kept.stdout.contains("cards wait for another day: they share a sentence or list with today's cards."), "\(kept.stdout)")
        let together = try RecallProcess.run(
            ["study", "--today", "2026-01-05", "--new", "60", "--show-siblings"], input: ":quit\n", home: home.path)
        #expect(!together.stdout.contains("wait for another day"))
        #expect(newCount(together.stdout) == 60)
        let shown = try #require(newCount(kept.stdout))
        #expect(shown < 60 && shown > 20, "\(kept.stdout)")
        // Read again through the deck's index in Progress/.cache, the groups are the same.
        let again = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "60"], input: ":quit\n", home: home.path)
        #expect(newCount(again.stdout) == shown)
    }

    @Test func commandsWorkAtTheGradePrompt() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        let result = try RecallProcess.run(
            ["study", "--today", "2026-01-05"], input: "\n:context\n:stats\n:hint\n:bogus\n4\n:quit\n", home: home.path)
        #expect(result.stdout.contains("context: October 18, 2021"))
        #expect(result.stdout.contains("today: 0 reviews"))
        #expect(result.stdout.contains("the answer is shown above"))
        #expect(result.stdout.contains("error: unknown command ':bogus'"))
        #expect(result.stdout.contains("graded 4; next review 2026-01-06"))
    }

    @Test func invalidUTF8AndControlBytesAreSafe() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        var input = Data([0xFF, 0xFE, 0x41, 0x1B, 0x5B, 0x32, 0x4A, 0x0A])  // invalid UTF-8 and ESC [2J as an answer
        input.append(Data("\u{7}\n".utf8))  // a bell as a grade: nothing left, so Enter
        input.append(Data("5\n".utf8))
        let result = try RecallProcess.run(["study", "--today", "2026-01-05"], inputData: input, home: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("graded 0; it comes back"))
        #expect(result.stdout.contains("[-\u{FFFD}\u{FFFD}A]"), "invalid bytes are shown as replacement characters")
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{7}"))
    }

    @Test func endOfInputAndJunkAreSafe() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        let junk = "\u{1B}[31m\u{07}" + String(repeating: "x", count: 20_000) + "\n9\n\n"
        let result = try RecallProcess.run(["study", "--today", "2026-01-05"], input: junk, home: home.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("is not a grade"))
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(!result.stdout.contains("\u{07}"))
    }
}

@Suite struct QuizCommandTests {
    @Test func multipleChoiceScoresAndLeavesTheScheduleAlone() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        let result = try RecallProcess.run(
            ["quiz", "--choices", "--count", "3", "--kinds", "date", "--seed", "7"], input: "A\nB\nC\n", home: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("A) ") && result.stdout.contains("D) "))
        #expect(result.stdout.contains("Score: "))
        #expect(result.stdout.contains("your schedule is unchanged"))
        #expect(!FileManager.default.fileExists(atPath: home.path + "/Progress/speech.log.jsonl"))
        // The same seed asks the same questions.
        let again = try RecallProcess.run(
            ["quiz", "--choices", "--count", "3", "--kinds", "date", "--seed", "7"], input: "A\nB\nC\n", home: home.path)
        #expect(again.stdout == result.stdout)
    }

    @Test func commandsAreNotAnswersAndAnOptionMayBeTypedInFull() throws {
        let home = try TempHome()
        let cards = (0..<4).map { k in Card(id: "c\(k)", kind: "k", question: "Which is number \(k)?", answer: "answer number \(k)") }
        try Deck(name: "n", title: "N", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/n.json"))
        let pasted = try RecallProcess.run(
            ["quiz", "--count", "1", "--seed", "3"], input: String(repeating: "economy ", count: 20_000) + "\n", home: home.path)
        #expect(pasted.stdout.contains("characters typed, far more than any form of the answer"), "\(pasted.stdout.prefix(600))")
        #expect(pasted.stdout.utf8.count < 4_000, "the pasted text is not shown back")
        let typed = try RecallProcess.run(["quiz", "--count", "1", "--seed", "3"], input: ":hint\n:quit\n", home: home.path)
        #expect(typed.stdout.contains("error: ':hint' is not a quiz command; :quit ends the quiz"))
        #expect(typed.stdout.contains("No question answered."), "the quiz ended without taking ':hint' as an answer")
        // The right option's words, in any case and spacing, choose it.
        let choice = try RecallProcess.run(["quiz", "--count", "1", "--seed", "3", "--choices"], input: "x\n", home: home.path)
        let question = try #require(choice.stdout.split(separator: "\n").first { $0.hasPrefix("Which is number") })
        let number = try #require(question.split(separator: " ").last?.dropLast())
        let byWords = try RecallProcess.run(
            ["quiz", "--count", "1", "--seed", "3", "--choices"], input: "  ANSWER  number \(number)\n", home: home.path)
        #expect(byWords.stdout.contains("Score: 1/1"), "\(byWords.stdout)")
        #expect(choice.stdout.contains("error: answer with a letter A-D, or an option's words (or :quit)"))
    }

    @Test func typedAnswersWithRecordAndMissedList() throws {
        let home = try TempHome()
        let cards = [
            Card(id: "a", kind: "k", question: "Capital of France?", answer: "Paris"),
            Card(id: "b", kind: "k", question: "Capital of Italy?", answer: "Rome"),
        ]
        try Deck(name: "caps", title: "Caps", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/caps.json"))
        let result = try RecallProcess.run(
            ["quiz", "--count", "2", "--seed", "1", "--record", "--today", "2026-01-05"], input: "paris\nparis\n", home: home.path)
        #expect(result.stdout.contains("Score: 1/2 (50%)"))
        #expect(result.stdout.contains("Missed:\n  - Capital of Italy?\n    → Rome"))
        #expect(result.stdout.contains("grades recorded"))
        let json = try RecallProcess.run(["cards", "--json"], home: home.path)
        #expect(json.stdout.components(separatedBy: "\"reviews\": 1").count - 1 == 2)
        let bad = try RecallProcess.run(["quiz", "--count", "0"], home: home.path)
        #expect(bad.status == 64)
    }

    @Test func aDayBeforeTheLastStudyDayIsRefusedAndNothingIsWritten() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        let day2 = try RecallProcess.run(["study", "--today", "2026-01-06", "--new", "1"], input: "\n5\n", home: home.path)
        #expect(day2.status == 0, "\(day2.stderr)")
        let log = home.home.progress("speech").log
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        let day1 = try RecallProcess.run(["study", "--today", "2026-01-05"], input: "\n5\n", home: home.path)
        #expect(day1.status == 1)
        #expect(day1.stderr.contains("'speech' was last studied on 2026-01-06, after the study day 2026-01-05"), "\(day1.stderr)")
        let quiz = try RecallProcess.run(["quiz", "--record", "--today", "2026-01-05", "--count", "1"], input: "x\n", home: home.path)
        #expect(quiz.status == 1 && quiz.stderr.contains("last studied on 2026-01-06"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before, "the log is as it was")
        #expect(try RecallProcess.run(["study", "--today", "2026-01-06"], input: ":quit\n", home: home.path).status == 0)
    }
}
