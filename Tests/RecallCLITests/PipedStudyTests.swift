import Foundation
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

    @Test func commandsWorkAtTheGradePrompt() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        let result = try RecallProcess.run(["study", "--today", "2026-01-05"], input: "\n:context\n:stats\n:hint\n:bogus\n4\n:quit\n", home: home.path)
        #expect(result.stdout.contains("context: October 18, 2021"))
        #expect(result.stdout.contains("today: 0 reviews"))
        #expect(result.stdout.contains("the answer is shown above"))
        #expect(result.stdout.contains("error: unknown command ':bogus'"))
        #expect(result.stdout.contains("graded 4; next review 2026-01-06"))
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
