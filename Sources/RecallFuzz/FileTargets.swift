import Foundation
import RecallCore
import RecallStore

/// The targets that read files: a scratch home, rewritten for every input, where the bytes are
/// put where a deck's log or snapshot lies and opened as `recall` opens them.
final class FileTargets: @unchecked Sendable {
    /// One scratch home for the process (libFuzzer runs inputs one at a time).
    static let shared = FileTargets()

    let home: Home
    let files: ProgressFiles
    /// A sound log of a few events, for the snapshot target.
    private(set) var soundLog: [UInt8] = []

    init() {
        let root = NSTemporaryDirectory() + "/recall-fuzz-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        home = Home(root)
        files = home.progress("fuzz")
        try? FileManager.default.createDirectory(atPath: home.progressFolder, withIntermediateDirectories: true)
        scratchRoots.append(root)
        atexit { for root in scratchRoots { try? FileManager.default.removeItem(atPath: root) } }
        soundLog = makeSoundLog()
    }

    /// Leaves only the progress folder, empty.
    func clear() {
        try? FileManager.default.removeItem(atPath: home.progressFolder)
        try? FileManager.default.createDirectory(atPath: home.progressFolder, withIntermediateDirectories: true)
    }

    func makeSoundLog() -> [UInt8] {
        clear()
        let day = Day(ordinal: 20_000)
        do {
            let store = try JSONProgressStore(files: files)
            for (n, grade) in [5, 2, 4, 0, 3].enumerated() {
                try store.append(
                    .review(
                        Review(
                            grading: "c\(n % 3)", in: store.states["c\(n % 3)"] ?? .new, grade: grade, on: day, at: 1_000 * Int64(n),
                            responseMs: 900)))
            }
            try store.append(.set(action: "suspend", card: "c2", at: 9_000, day: day, state: store.states["c2"] ?? .new))
            store.close()
            return try [UInt8](Data(contentsOf: URL(fileURLWithPath: files.log)))
        } catch {
            fatalError("recall-fuzz: the scratch home \(home.root) cannot hold a log: \(error)")
        }
    }

    /// Any log: never a lockout. What a session refuses, `recall check` calls damaged (check
    /// reads every line, so it also finds damage in lines a snapshot spares sessions from
    /// reading); whatever check calls damaged, `check --repair` makes healthy and sessions
    /// open; and what a session reads survives the snapshot it writes at the end.
    func log(_ bytes: [UInt8]) throws(BrokenPromise) {
        clear()
        try write(bytes, to: files.log)
        let healthy = ProgressCheck.check(files, cardIDs: ["c0", "c1", "c2"]).isHealthy
        var states: CardStates?
        if let store = try? JSONProgressStore(files: files) {
            states = store.states
            _ = try? store.allEvents()
            _ = try? store.reviewLog(deckIds: ["c0", "c1", "c2"], cached: false)
            store.close()
        }
        try require(states != nil || !healthy, "a session refuses a log that check calls healthy")
        if states == nil {
            let after = Self.contents(of: files.log)
            try require(after == bytes, "a log a session refused was changed")
        }
        if let states, healthy {
            let again = try? JSONProgressStore(files: files, mode: .readOnly)
            try require(again?.states == states, "the snapshot written at the end does not give back what the log held")
        }
        if let reader = try? JSONProgressStore(files: files, mode: .readOnly) {
            _ = try? reader.reviewLog(deckIds: ["c0"], cached: true)
        }
        if !healthy { try repairs() }
    }

    /// A log, a NUL byte, then a snapshot (without a NUL, a snapshot beside a sound log): read
    /// or refused, never a crash, never a lockout (as for ``log(_:)``).
    func snapshot(_ bytes: [UInt8]) throws(BrokenPromise) {
        clear()
        if let nul = bytes.firstIndex(of: 0) {
            try write(Array(bytes[..<nul]), to: files.log)
            try write(Array(bytes[(nul + 1)...]), to: files.snapshot)
        } else {
            try write(soundLog, to: files.log)
            try write(bytes, to: files.snapshot)
        }
        let healthy = ProgressCheck.check(files, cardIDs: ["c0", "c1", "c2"]).isHealthy
        if let reader = try? JSONProgressStore(files: files, mode: .readOnly) {
            _ = reader.states.count
        }
        let opened = (try? JSONProgressStore(files: files)).map { store in
            store.close()
            return true
        }
        try require(opened != nil || !healthy, "a session refuses a log and snapshot that check calls healthy")
        if !healthy { try repairs() }
    }

    /// `check --repair` on what check calls damaged: afterwards check finds nothing wrong and a
    /// session opens.
    func repairs() throws(BrokenPromise) {
        do { _ = try ProgressCheck.repair(files, stamp: "fuzz") } catch { throw BrokenPromise("repair failed: \(error)") }
        let report = ProgressCheck.check(files, cardIDs: ["c0", "c1", "c2"])
        try require(report.isHealthy, "check finds damage after a repair: \(report.damage) \(String(describing: report.snapshotProblem))")
        do { try JSONProgressStore(files: files).close() } catch { throw BrokenPromise("a session refuses a repaired log: \(error)") }
    }

    /// Any text as a card id: appended to a log and read back as the same events.
    func logRoundTrip(_ bytes: [UInt8]) throws(BrokenPromise) {
        clear()
        let id = String(decoding: bytes, as: UTF8.self)
        let day = Day(ordinal: 20_000)
        let events: [ProgressEvent] = [
            .review(Review(grading: id, in: .new, grade: 4, on: day, at: 1_000, responseMs: 700)),
            .set(action: "bury", card: id, at: 2_000, day: day, state: .new),
        ]
        let read: [ProgressEvent]
        do {
            let store = try JSONProgressStore(files: files)
            for event in events { try store.append(event) }
            store.close()
            read = try JSONProgressStore(files: files, mode: .readOnly).allEvents()
        } catch {
            throw BrokenPromise("a log of a card named \(id.debugDescription) could not be written and read: \(error)")
        }
        try require(read == events, "events read back differ from those written")
    }

    /// A file's bytes, read with the C library: Foundation's `FileManager.contents(atPath:)`
    /// leaks a buffer on an empty file, which LeakSanitizer reports against the input.
    static func contents(of path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            out += buffer[0..<n]
            if n < buffer.count { return ferror(file) == 0 ? out : nil }
        }
    }

    func write(_ bytes: [UInt8], to path: String) throws(BrokenPromise) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw BrokenPromise("cannot write \(path)") }
    }
}

nonisolated(unsafe) private var scratchRoots: [String] = []
