import Foundation
import RecallCore
import Testing

/// End-to-end sessions of the real binary on a pseudo-terminal.
@Suite(.serialized) struct TerminalSessionTests {
    static func home() throws -> TempHome {
        let home = try TempHome()
        let cards = [
            Card(
                id: "c1", kind: "date", question: "In what year did the speaker propose building a Digital Fujian?", answer: "2000",
                context: "When working in Fujian Province in the year 2000 I proposed building a Digital Fujian."),
            Card(id: "c2", kind: "session", question: "Which meeting stressed rural reform?", answer: "the Third Plenary Session"),
            Card(id: "c3", kind: "directive", question: "What is the first task?", answer: "ensure the supply of grain"),
            Card(id: "c4", kind: "directive", question: "What is the second task?", answer: "advance the seed industry"),
        ]
        try Deck(name: "t", title: "T", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/t.json"))
        return home
    }

    @Test func aWholeDayAndTheNextOne() throws {
        let home = try Self.home()
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05"])
        #expect(term.expect("0 due, 4 new"))
        #expect(term.expect("Digital Fujian?"))
        // Typed answer with readline editing (Ctrl-A, Ctrl-K), accepted suggestion.
        term.send("oops\u{01}\u{0B}2000\r")
        #expect(term.expect("✓ correct"))
        #expect(term.expect("[Enter = 5]"))
        term.send("\r")
        #expect(term.expect("graded 5; next review 2026-01-06"))
        // Reveal with Enter, override the suggestion, then a hint and Tab completion.
        #expect(term.expect("stressed rural reform?"))
        term.send("\r")
        #expect(term.expect("the Third Plenary Session"))
        term.send("2\r")
        #expect(term.expect("graded 2; it comes back"))
        #expect(term.expect("1 re-drill waiting"))
        #expect(term.expect("What is the first task?"))
        term.send(":hi\t\r")
        #expect(term.expect("hint: e_____ t__ s_____ o_ g____"))
        term.send("ensure the supply of grain\r")
        #expect(term.expect("[Enter = 3]"), "a hint caps the suggestion at 3")
        term.send("4\r")
        #expect(term.expect("graded 4"))
        // :undo takes the 4 back; the card is shown again and graded 5.
        #expect(term.expect("What is the second task?"))
        term.send(":undo\r")
        #expect(term.expect("undone: grade 4 taken back"))
        #expect(term.expect("What is the first task?"))
        term.send("ensure the supply of grain\r\r")
        #expect(term.expect("graded 5"))
        // Ctrl-C clears the line; the re-drill of card 2 comes back until graded 4.
        #expect(term.expect("What is the second task?"))
        term.send("half typed\u{03}")
        #expect(term.expect("line cleared"))
        term.send("advance the seed industry\r\r")
        #expect(term.expect("re-drill"))
        #expect(term.expect("stressed rural reform?"))
        term.send("the third plenary session\r4\r")
        #expect(term.expect("Session over."))
        #expect(term.expect("reviewed 4 cards"))
        #expect(term.expect("1 re-drill"))
        #expect(term.waitForExit() == 0)

        // The next day SM-2 makes exactly the four cards due (all interval 1).
        let next = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-06", "--new", "0"])
        #expect(next.expect("4 due, 0 new"))
        #expect(next.expect("answer›"))
        next.send("\u{04}")
        #expect(next.expect("Session over."))
        #expect(next.waitForExit() == 0)
        // SM-2 by hand: every first grade was its card's first review, so each is due a day later;
        // the E-Factors follow the first grades (5, 2, 5 after the undo, 5), never the re-drill's.
        let json = try RecallProcess.run(["cards", "--json", "--today", "2026-01-06"], home: home.path)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: rows.compactMap { row in (row["id"] as? String).map { ($0, row) } })
        for (id, ef) in [("c1", 2.6), ("c2", 2.18), ("c3", 2.6), ("c4", 2.6)] {
            #expect(byID[id]?["due"] as? String == "2026-01-06", "\(id)")
            #expect(byID[id]?["easiness"] as? Double == ef, "\(id)")
            #expect(byID[id]?["interval"] as? Int == 1, "\(id)")
        }

        // History is kept with mode 0600.
        let attributes = try FileManager.default.attributesOfItem(atPath: home.path + "/Progress/.history")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let history = try String(contentsOfFile: home.path + "/Progress/.history", encoding: .utf8)
        #expect(history.contains("ensure the supply of grain"))
    }

    @Test func twoCtrlCsQuitAndQuittingMidSessionKeepsTheGrades() throws {
        let home = try Self.home()
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05"])
        #expect(term.expect("Digital Fujian?"))
        term.send("2000\r\r")
        #expect(term.expect("graded 5"))
        #expect(term.expect("answer›"))
        term.send("\u{03}")
        #expect(term.expect("line cleared"))
        term.send("\u{03}")
        #expect(term.expect("Session over."))
        #expect(term.waitForExit() == 0)
        let cards = try RecallProcess.run(["cards", "--json"], home: home.path)
        #expect(cards.stdout.contains("\"due\": \"2026-01-06\""))
    }

    @Test func ctrlCAfterTypingAgainOnlyClearsTheLine() throws {
        let home = try Self.home()
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05"])
        #expect(term.expect("Digital Fujian?"))
        #expect(term.expect("answer›"))
        term.send("\u{03}")
        #expect(term.expect("line cleared"))
        // A person types at the new prompt (keys typed before it are the terminal's, and a
        // Ctrl-C throws them away with the line).
        #expect(term.expect("answer›"))
        term.send("19")
        #expect(term.expect("19"))
        term.send("\u{03}")
        #expect(term.expect("line cleared"), "typing since the first Ctrl-C makes this one a first again")
        term.send("2000\r\r")
        #expect(term.expect("graded 5"))
        term.send(":quit\r")
        #expect(term.expect("Session over."))
        #expect(term.waitForExit() == 0)
    }

    @Test func inTheQuizCtrlCClearsTheLineAndASecondEndsIt() throws {
        let home = try Self.home()
        let term = try PseudoTerminal(home: home.path, arguments: ["quiz", "--count", "2"])
        #expect(term.expect("answer›"))
        term.send("abc")
        #expect(term.expect("abc"))
        term.send("\u{03}")
        #expect(term.expect("line cleared"))
        #expect(term.expect("answer›"))
        term.send("\u{03}")
        #expect(term.expect("No question answered."))
        #expect(term.waitForExit() == 0)
    }

    @Test func ctrlZThenContinueRedrawsThePromptAndWhatWasTyped() throws {
        let home = try Self.home()
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05"], jobControl: true)
        #expect(term.expect("Digital Fujian?"))
        #expect(term.expect("answer›"))
        term.send("20")
        #expect(term.expect("20"))
        term.send("\u{1A}")
        #expect(term.expect("Stopped"), "Ctrl-Z stops recall")
        #expect(term.expect("answer› 20"), "the prompt and the text typed so far are drawn again")
        term.send("00\r")
        #expect(term.expect("correct"), "the answer read is 2000: the 20 typed before Ctrl-Z was kept")
        #expect(!term.plainScreen.contains("0000"), "each key is echoed once: \(term.plainScreen)")
        term.send("\r:quit\r")
        #expect(term.expect("Session over."))
        #expect(term.waitForExit() == 0)
    }

    @Test func tabCompletesCommandsAndUnknownCommandsAreListed() throws {
        let home = try Self.home()
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05"])
        #expect(term.expect("Digital Fujian?"))
        term.send(":con\t\r")
        #expect(term.expect("context: When working in Fujian Province"))
        term.send(":frobnicate\r")
        #expect(term.expect("error: unknown command ':frobnicate' — commands: :help :hint :skip :undo"))
        term.send(":help\r")
        #expect(term.expect("5  perfect response"))
        term.send(":quit\r")
        #expect(term.expect("Session over."))
        #expect(term.waitForExit() == 0)
    }

    @Test func hostileCardTextIsShownSafely() throws {
        let home = try TempHome()
        let cards = [Card(id: "x", kind: "custom", question: "Evil \u{1B}]0;pwned\u{07}\u{1B}[2J question?", answer: "ok\u{1B}[31m")]
        try Deck(name: "evil", title: "Evil", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/evil.json"))
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05"])
        #expect(term.expect("Evil"))
        #expect(term.expect("question?"))
        term.send("\r")
        #expect(term.expect("answer: "))
        term.send(":quit\r")
        _ = term.waitForExit()
        let raw = term.screen
        #expect(!raw.contains("pwned"))
        #expect(!raw.contains("\u{1B}[2J"))
        #expect(!raw.contains("\u{1B}]0;"))
    }

    @Test func cardsAreWrappedToTheTerminalsWidthAndFollowAResize() throws {
        let home = try TempHome()
        let long = "Which of the seven tasks of the speech asks the Party to integrate the digital economy with the real economy?"
        let cards = (0..<3).map { Card(id: "c\($0)", kind: "directive", question: "\(long) (\($0))", answer: "the third") }
        try Deck(name: "t", title: "T", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/t.json"))
        let term = try PseudoTerminal(home: home.path, arguments: ["--today", "2026-01-05", "--show-siblings"], columns: 40)
        #expect(term.expect("(0)"))
        /// The lines the question ending "(n)" was shown on.
        func questionLines(_ n: Int) -> [Substring] {
            let lines = term.plainScreen.split(separator: "\n")
            guard let last = lines.lastIndex(where: { $0.hasSuffix("(\(n))") }),
                let first = lines[...last].lastIndex(where: { $0.hasPrefix("Which of the seven") })
            else { return [] }
            return Array(lines[first...last])
        }
        let narrow = questionLines(0)
        #expect(narrow.count >= 3 && narrow.allSatisfy { $0.count <= 40 }, "\(narrow)")
        let everyLine = term.plainScreen.split(separator: "\n")
        #expect(everyLine.allSatisfy { $0.count <= 40 }, "headers and notes too: \(everyLine.filter { $0.count > 40 })")
        #expect(narrow.joined(separator: " ") == "\(long) (0)", "no word is broken")
        term.resize(columns: 100)
        term.send(":skip\r")
        #expect(term.expect("(1)"))
        let wide = questionLines(1)
        #expect(wide.count == 2 && wide.allSatisfy { $0.count <= 100 } && wide[0].count > 60, "\(wide)")
        #expect(term.expect("answer›"))
        term.send(":quit\r")
        #expect(term.expect("Session over."))
        #expect(term.waitForExit() == 0)
    }
}
