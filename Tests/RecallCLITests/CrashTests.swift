import Foundation
import RecallCore
import RecallStore
import Testing

/// A `recall study` child with pipes, read as its output arrives.
final class StudyChild {
    let process = Process()
    let input = Pipe()
    let output = Pipe()
    var seen = ""

    init(home: String, arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: RecallProcess.binary)
        process.arguments = ["study", "--home", home] + arguments
        var env = RecallProcess.environment(home: home)
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    func send(_ text: String) { try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }

    /// Reads until `text` has appeared `count` times in all output so far; false at end of output.
    func wait(for text: String, count: Int = 1) -> Bool {
        while seen.components(separatedBy: text).count - 1 < count {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { return false }
            seen += String(decoding: data, as: UTF8.self)
        }
        return true
    }

    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite(.serialized) struct CrashTests {
    /// A deck of `count` cards whose answer is "a".
    static func makeHome(cards count: Int) throws -> TempHome {
        let home = try TempHome()
        let cards = (1...count).map { Card(id: "c\($0)", kind: "custom", question: "Question \($0)?", answer: "a") }
        try Deck(name: "big", title: "Big", cards: cards).encoded().write(to: URL(fileURLWithPath: home.path + "/Decks/big.json"))
        return home
    }

    static func reviews(_ home: TempHome) throws -> Int {
        let store = try JSONProgressStore(home: home.home, deck: "big")
        defer { store.close() }
        return try store.allEvents().filter {
            if case .review = $0 { return true }
            return false
        }.count
    }

    @Test func everyAcknowledgedGradeSurvivesSIGKILL() throws {
        let home = try Self.makeHome(cards: 2000)
        var rng = SplitMix64(seed: 2026)
        var onDisk = 0
        for round in 0..<100 {
            let child = try StudyChild(home: home.path, arguments: ["--today", "2026-01-05", "--new", "5000"])
            var acknowledged = onDisk
            if round % 5 == 0 {
                usleep(UInt32(rng.next() % 40_000))  // sometimes while it starts up
            } else if child.wait(for: "Recall ·") {
                let answers = Int(rng.next() % 4)
                for n in 0..<answers {
                    child.send("a\n\n")
                    guard child.wait(for: "graded", count: n + 1) else { break }
                    acknowledged += 1
                }
                child.send("a\n\n")  // in flight when the kill comes
                usleep(UInt32(rng.next() % 3_000))
            }
            child.kill()
            // It must load for writing (no torn line), with every acknowledged grade.
            let count = try Self.reviews(home)
            #expect(count >= acknowledged, "round \(round): \(count) reviews on disk, \(acknowledged) acknowledged")
            #expect(count <= acknowledged + 1, "round \(round): more reviews than answers")
            onDisk = count
        }
        #expect(onDisk > 100)
    }

    @Test func aSecondWriterIsToldWhoHoldsTheProgress() throws {
        let home = try Self.makeHome(cards: 5)
        let holder = try StudyChild(home: home.path, arguments: ["--today", "2026-01-05"])
        defer {
            holder.send(":quit\n")
            holder.process.waitUntilExit()
        }
        #expect(holder.wait(for: "Recall ·"))
        let second = try RecallProcess.run(["study", "--today", "2026-01-05"], input: ":quit\n", home: home.path)
        #expect(second.status == 1)
        #expect(second.stderr.contains("is in use by another recall (pid \(holder.process.processIdentifier))"), "\(second.stderr)")
        // Readers are not blocked.
        let cards = try RecallProcess.run(["cards", "big", "--json"], home: home.path)
        #expect(cards.status == 0)
    }
}

@Suite struct FullDiskTests {
    /// A disk that fills mid-session (here a file-size limit, which fails a write as a full disk
    /// does): the answer that could not be saved is said to be lost, the log is cut back to the
    /// answers before it, and the next session reads it without a repair.
    @Test func aFailedAppendLeavesTheLogWholeAndSaysTheAnswerWasNotSaved() throws {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        // 2 blocks of 512 bytes: the header and a few answers fit, then a write fails (EFBIG).
        let result = try RecallProcess.run(
            ["study", "--today", "2026-01-05", "--new", "40", "--show-siblings"], input: String(repeating: "\n5\n", count: 40),
            home: home.path, shellPrefix: "trap '' XFSZ; ulimit -f 2")
        let (stdout, stderr) = (result.stdout, result.stderr)
        #expect(result.status == 1, "\(stdout)\n\(stderr)")
        #expect(stderr.contains("That answer was not saved; the log holds every answer before it."), "\(stderr)")
        let log = try Data(contentsOf: URL(fileURLWithPath: home.home.progress("speech").log))
        #expect(log.count <= 1024 && log.last == 0x0A, "no torn line")
        let saved = stdout.components(separatedBy: "graded 5").count - 1
        #expect(saved >= 1)
        let lines = log.split(separator: 0x0A).count
        #expect(lines == 1 + saved, "every acknowledged answer, and nothing else, is in the log")
        let check = try RecallProcess.run(["check"], home: home.path)
        #expect(check.status == 0 && check.stdout.contains("speech: ok, \(saved) event\(saved == 1 ? "" : "s")"), "\(check.stdout)")
    }
}

/// A log recall may not write or read (another owner's, a read-only copy) is found before the
/// first card is shown, with the system's reason, and nothing is written.
@Suite struct UnwritableLogTests {
    /// A home with one answer saved, owned by the user the test runs recall as: as root, where
    /// permissions do not bite, that is `nobody`, through `setpriv`.
    static func home() throws -> (TempHome, prefix: String?) {
        let home = try TempHome()
        _ = try RecallProcess.run(["generate", try home.speech, "--name", "speech"], home: home.path)
        _ = try RecallProcess.run(["study", "--today", "2026-01-05", "--new", "1"], input: "\n5\n", home: home.path)
        guard getuid() == 0 else { return (home, nil) }
        let nobody: uid_t = 65_534
        let paths = [home.path] + (FileManager.default.subpaths(atPath: home.path) ?? []).map { home.path + "/" + $0 }
        for path in paths { #expect(chown(path, nobody, gid_t(nobody)) == 0) }
        return (home, "exec setpriv --reuid=65534 --regid=65534 --clear-groups \"$0\" \"$@\"")
    }

    @Test func aReadOnlyLogIsRefusedBeforeTheFirstCard() throws {
        let (home, prefix) = try Self.home()
        let log = home.home.progress("speech").log
        let before = try Data(contentsOf: URL(fileURLWithPath: log))
        #expect(chmod(log, 0o444) == 0)
        let result = try RecallProcess.run(["study", "--today", "2026-01-06"], input: "\n5\n", home: home.path, shellPrefix: prefix)
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot save progress to '\(log)': Permission denied"), "\(result.stderr)")
        #expect(!result.stdout.contains("──"), "no card was shown: \(result.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: log)) == before)
    }

    @Test func anUnreadableLogIsRefusedWithTheReason() throws {
        let (home, prefix) = try Self.home()
        let log = home.home.progress("speech").log
        #expect(chmod(log, 0o000) == 0)
        let result = try RecallProcess.run(["study", "--today", "2026-01-06"], input: "\n5\n", home: home.path, shellPrefix: prefix)
        #expect(result.status == 1)
        #expect(result.stderr.contains("progress '\(log)': cannot be opened: Permission denied"), "\(result.stderr)")
        #expect(!result.stdout.contains("──"))
        let check = try RecallProcess.run(["check"], home: home.path, shellPrefix: prefix)
        #expect(check.status == 1 && check.stdout.contains("cannot be opened: Permission denied"), "\(check.stdout)")
    }
}
