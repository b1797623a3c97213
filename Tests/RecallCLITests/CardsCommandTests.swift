import Foundation
import RecallStore
import Testing

@Suite struct CardsCommandTests {
    func studied() throws -> TempHome {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        // First card: revealed and graded 3; second: graded 5.
        _ = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "2"], input: "\n3\n\n5\n", home: home.path)
        return home
    }

    @Test func jsonHasExactlyTheDocumentedFields() throws {
        let home = try studied()
        let result = try RecallProcess.run(["cards", "speech", "--json", "--today", "2026-01-05"], home: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.count == 13)
        let fields: Set<String> = [
            "deck", "id", "kind", "question", "answer", "due", "interval", "easiness", "repetitions", "lapses", "reviews", "suspended",
            "buried",
        ]
        for object in array { #expect(Set(object.keys) == fields) }
        let first = try #require(array.first)
        #expect(first["due"] as? String == "2026-01-06")
        #expect(first["easiness"] as? Double == 2.36)
        #expect(first["reviews"] as? Int == 1)
        #expect(first["suspended"] as? Bool == false)
        #expect(result.stdout.contains("\"easiness\": 2.36"))
        #expect(array[2]["due"] is NSNull)
    }

    @Test func filtersAndCardActions() throws {
        let home = try studied()
        let json = try RecallProcess.run(["cards", "speech", "--json"], home: home.path)
        let ids = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]).compactMap {
            $0["id"] as? String
        }
        let due = try RecallProcess.run(["cards", "--due", "--today", "2026-01-06"], home: home.path)
        #expect(due.stdout.split(separator: "\n").filter { !$0.hasPrefix(" ") }.count == 2, "\(due.stdout)")
        let new = try RecallProcess.run(["cards", "--new", "--json"], home: home.path)
        #expect(new.stdout.components(separatedBy: "\"id\"").count - 1 == 11)

        #expect(try RecallProcess.run(["suspend", "speech", ids[0]], home: home.path).status == 0)
        let lines = { try String(contentsOfFile: home.home.progress("speech").log, encoding: .utf8).split(separator: "\n").count }
        let logged = try lines()
        let again = try RecallProcess.run(["suspend", "speech", ids[0], ids[0]], home: home.path)
        #expect(again.stdout == "suspend: 0 cards in speech (1 card suspended already)\n", "\(again.stdout)")
        #expect(try lines() == logged, "a card suspended already is not logged again")
        let suspended = try RecallProcess.run(["cards", "--suspended", "--json"], home: home.path)
        #expect(suspended.stdout.contains(ids[0]) && suspended.stdout.contains("\"suspended\": true"))
        let next = try RecallProcess.run(["study", "--today", "2026-01-06", "--new", "0"], input: ":quit\n", home: home.path)
        #expect(next.stdout.contains("1 due, 0 new"))
        #expect(try RecallProcess.run(["unsuspend", "speech", ids[0]], home: home.path).status == 0)
        let notSuspended = try RecallProcess.run(["unsuspend", "speech", ids[0]], home: home.path)
        #expect(notSuspended.stdout == "unsuspend: 0 cards in speech (1 card not suspended)\n", "\(notSuspended.stdout)")
        #expect(try RecallProcess.run(["reset", "speech", ids[1]], home: home.path).status == 0)
        let after = try RecallProcess.run(["cards", "--due", "--today", "2026-01-06", "--json"], home: home.path)
        #expect(after.stdout.contains(ids[0]) && !after.stdout.contains(ids[1]))
        let noDeck = try RecallProcess.run(["study", "nosuch"], home: home.path)
        #expect(noDeck.status == 64 && noDeck.stderr.contains("no deck named 'nosuch'"), "\(noDeck.stderr)")
        let noCheck = try RecallProcess.run(["check", "nosuch"], home: home.path)
        #expect(noCheck.status == 64 && noCheck.stderr.contains("no deck and no progress named 'nosuch'"), "\(noCheck.stdout)")
        let bad = try RecallProcess.run(["reset", "speech", "no-such-id"], home: home.path)
        #expect(bad.status == 1 && bad.stderr.contains("has no card 'no-such-id'"))
        let kind = try RecallProcess.run(["cards", "--kind", "dates"], home: home.path)
        #expect(kind.status == 64 && kind.stderr.contains("no cards of kind 'dates'; the kinds here are: date"))
        let quizKinds = try RecallProcess.run(["quiz", "--kinds", "date,dates"], home: home.path)
        #expect(
            quizKinds.status == 64 && quizKinds.stderr.contains("no cards of kind 'dates'; the kinds here are: date"), "\(quizKinds.stderr)"
        )
    }

    @Test func checkReportsAndRepairs() throws {
        let home = try studied()
        let log = home.path + "/Progress/speech.log.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: log))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("garbage\n".utf8))
        try handle.close()
        let study = try RecallProcess.run(["study"], input: ":quit\n", home: home.path)
        #expect(study.status == 1 && study.stderr.contains("speech.log.jsonl': line 4 (byte"))
        let check = try RecallProcess.run(["check"], home: home.path)
        #expect(check.status == 1 && check.stdout.contains("speech: 1 problem, 2 intact events"))
        let repair = try RecallProcess.run(["check", "--repair"], home: home.path)
        #expect(repair.status == 0 && repair.stdout.contains("2 events recovered, 1 damaged line left out"))
        // The repair does not tell the user to run the repair, or that nothing was changed.
        #expect(!repair.stdout.contains("Nothing was changed") && !repair.stdout.contains("run 'recall check --repair'"))
        #expect(
            repair.stdout.contains("the old snapshot, which no longer matches the log, is kept at Progress/speech.snapshot.jsonl.damaged-"))
        #expect(try RecallProcess.run(["check"], home: home.path).stdout.contains("speech: ok, 2 events"))
        let kept = try FileManager.default.contentsOfDirectory(atPath: home.path + "/Progress").filter { $0.contains(".damaged-") }
        #expect(kept.contains { $0.hasPrefix("speech.log.jsonl.damaged-") })
    }

    /// An empty log (a full disk on the first save, or `: > file`) and a folder where the log
    /// should be: every command that reads progress refuses them, `check` says so, and
    /// `check --repair` makes the deck usable again, keeping what it could not read.
    @Test(arguments: ["empty", "folder"])
    func checkFailsOnWhatSessionsRefuseAndRepairMendsIt(_ damage: String) throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech", "--kinds", "date"], home: home.path)
        let log = home.home.progress("speech").log
        try FileManager.default.createDirectory(atPath: home.home.progressFolder, withIntermediateDirectories: true)
        if damage == "empty" {
            #expect(FileManager.default.createFile(atPath: log, contents: Data()))
        } else {
            try FileManager.default.createDirectory(atPath: log, withIntermediateDirectories: true)
        }
        let study = try RecallProcess.run(["study", "--today", "2026-01-05"], input: ":quit\n", home: home.path)
        #expect(study.status == 1 && study.stderr.contains("speech.log.jsonl"), "\(study.stderr)")
        let check = try RecallProcess.run(["check"], home: home.path)
        #expect(check.status == 1 && check.stdout.contains("speech: 1 problem,"), "\(check.stdout)")
        let repair = try RecallProcess.run(["check", "--repair"], home: home.path)
        #expect(
            repair.status == 0 && repair.stdout.contains("the damaged log is kept at Progress/speech.log.jsonl.damaged-"),
            "\(repair.stdout)")
        #expect(try RecallProcess.run(["check"], home: home.path).stdout.contains("speech: ok"))
        let after = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "1"], input: "\n5\n", home: home.path)
        #expect(after.status == 0 && after.stdout.contains("graded 5"), "\(after.stderr)")
    }
}
