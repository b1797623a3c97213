import Foundation
import RecallCore

/// What `recall check` finds in one deck's progress.
public struct ProgressCheckReport: Sendable {
    /// The deck's name.
    public var deck: String
    /// Events read from the log.
    public var events: Int
    /// Lines that could not be read, with where they are.
    public var damage: [ProgressError]
    /// Problems with the snapshot (it can always be rebuilt from the log).
    public var snapshotProblem: ProgressError?
    /// Card ids that have progress but are no longer in the deck (kept, not dropped).
    public var orphaned: [String]

    /// Whether nothing is wrong (orphans are not damage).
    public var isHealthy: Bool { damage.isEmpty && snapshotProblem == nil }
}

/// What `recall check --repair` did.
public struct ProgressRepairReport: Sendable {
    /// Events kept in the fresh log.
    public var recovered: Int
    /// Lines left out because they could not be read.
    public var dropped: Int
    /// Where the damaged log was kept, if it was damaged.
    public var damagedLogKeptAt: String?
    /// Where a damaged snapshot was kept.
    public var damagedSnapshotKeptAt: String?
}

/// Checks and repairs progress files without ever losing bytes: a damaged file is renamed aside,
/// never overwritten.
public enum ProgressCheck {
    /// Reads a log line by line, keeping every complete line that parses.
    static func scanLog(_ data: Data, file: String) -> (header: Bool, events: [(ProgressEvent, String)], damage: [ProgressError]) {
        var events: [(ProgressEvent, String)] = []
        var damage: [ProgressError] = []
        var header = false
        data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            LineScanner.forEachLine(buffer, firstLine: 1) { range, line, complete in
                if line == 1 {
                    header =
                        (try? JSONProgressStore.checkLogHeader(
                            UnsafeBufferPointer(rebasing: buffer[range.lowerBound..<min(buffer.count, range.upperBound + 1)]), file: file))
                        != nil
                    if !header {
                        damage.append(
                            .badHeader(
                                file: file,
                                reason: "the first line is not a \(JSONProgressStore.logFormat) version \(JSONProgressStore.version) header"
                            ))
                    }
                } else if !complete {
                    damage.append(.tornTail(file: file, line: line, offset: range.lowerBound))
                } else {
                    switch LineScanner.event(buffer, range, file: file, line: line) {
                    case let .success(event):
                        events.append(
                            (
                                event,
                                String(decoding: UnsafeRawBufferPointer(rebasing: raw[range.lowerBound...range.upperBound]), as: UTF8.self)
                            ))
                    case let .failure(problem):
                        damage.append(problem)
                    }
                }
                return true
            }
        }
        // An empty file has no first line at all: it is refused as a log without a header is.
        if data.isEmpty { damage.append(.badHeader(file: file, reason: "the file is empty, not a \(JSONProgressStore.logFormat) header")) }
        return (header, events, damage)
    }

    /// Checks a deck's progress against the deck's card ids.
    public static func check(_ files: ProgressFiles, cardIDs: Set<String>) -> ProgressCheckReport {
        let deck = files.deck
        let logPath = files.log
        let snapshotPath = files.snapshot
        var report = ProgressCheckReport(deck: deck, events: 0, damage: [], snapshotProblem: nil, orphaned: [])
        var states = CardStates()
        var log: Data?
        if AtomicFile.exists(logPath) {
            // What a session cannot open (a folder where the log should be) is damage here too.
            do {
                log = try AtomicFile.read(logPath)
                let scan = scanLog(log ?? Data(), file: logPath)
                report.events = scan.events.count
                report.damage = scan.damage
                for (event, _) in scan.events { event.apply(to: &states) }
            } catch {
                report.damage = [.badHeader(file: logPath, reason: "cannot be opened: \(FileError.reason(of: error))")]
            }
        }
        if AtomicFile.exists(snapshotPath) {
            let (snapshot, problem) = snapshotAgainst(log, files)
            report.snapshotProblem = problem
            for (id, state) in snapshot ?? [:] where states[id] == nil { states[id] = state }
        }
        report.orphaned = states.ids.filter { !cardIDs.contains($0) }.sorted()
        return report
    }

    /// The snapshot's states and what is wrong with it beside `log` (the log's bytes, nil when
    /// it could not be read): unreadable, covering more than the log holds, or ending where no
    /// line of the log ends. One rule for `check` and `repair`.
    static func snapshotAgainst(_ log: Data?, _ files: ProgressFiles) -> (states: CardStates?, problem: ProgressError?) {
        do {
            let (snapshot, covered, _) = try JSONProgressStore.readSnapshot(files.snapshot, deck: files.deck)
            let size = log?.count ?? Platform.info(files.log)?.size ?? 0
            if covered > size { return (snapshot, .logShorterThanSnapshot(file: files.log, expected: covered, found: size)) }
            if let log, let headerEnd = log.firstIndex(of: 0x0A).map({ $0 - log.startIndex + 1 }),
                !log.withUnsafeBytes({ JSONProgressStore.endsALine($0.bindMemory(to: UInt8.self), covered, headerEnd: headerEnd) })
            {
                return (snapshot, .snapshotOffLine(file: files.snapshot, covered: covered))
            }
            return (snapshot, nil)
        } catch let error as ProgressError {
            return (nil, error)
        } catch {
            return (nil, .badHeader(file: files.snapshot, reason: FileError.reason(of: error)))
        }
    }

    /// Recovers every intact event of a damaged log into a fresh one, keeping the damaged file
    /// beside it as `NAME.log.jsonl.damaged-STAMP`; a damaged snapshot is moved aside the same way
    /// (it is rebuilt from the log). Takes the writer's lock first.
    /// - Parameter stamp: a suffix for the kept files, e.g. the time of the repair.
    /// - Parameter notice: told when a large log is read and written again.
    public static func repair(_ files: ProgressFiles, stamp: String, notice: SlowWorkNotice = .silent) throws -> ProgressRepairReport {
        let deck = files.deck
        let logPath = files.log
        let snapshotPath = files.snapshot
        let lock = try JSONProgressStore.Lock(files: files)
        defer { lock.release() }
        var report = ProgressRepairReport(recovered: 0, dropped: 0, damagedLogKeptAt: nil, damagedSnapshotKeptAt: nil)
        // The log's bytes as read here, for the snapshot's check.
        var log: Data?
        if AtomicFile.exists(logPath), Platform.info(logPath)?.isFolder == true {
            // Nothing in it can be read as a log: it is moved aside whole, and the next session
            // starts a fresh log.
            let kept = ProgressFiles.damagedCopy(of: logPath, stamp: stamp)
            guard Platform.rename(logPath, to: kept) else { throw FileError.lastError(logPath, "move aside") }
            Platform.syncFolder(files.folder)
            report.dropped = 1
            report.damagedLogKeptAt = kept
        } else if AtomicFile.exists(logPath) {
            let size = Platform.info(logPath)?.size ?? 0
            let (bytes, scan) = try notice.around("Repairing the progress log of '\(deck)' (\(SlowWorkNotice.size(size)))", bytes: size) {
                let bytes = try AtomicFile.read(logPath)
                return (bytes, scanLog(bytes, file: logPath))
            }
            log = bytes
            report.recovered = scan.events.count
            report.dropped = scan.damage.count
            if !scan.damage.isEmpty {
                let kept = ProgressFiles.damagedCopy(of: logPath, stamp: stamp)
                let repaired = ProgressFiles.repairedCopy(of: logPath, stamp: stamp)
                var fresh = JSONProgressStore.logHeader(deck: deck)
                for (_, line) in scan.events { fresh += line }
                try AtomicFile.write(Data(fresh.utf8), to: repaired)
                guard Platform.link(logPath, as: kept) else { throw FileError.lastError(kept, "keep the damaged log as") }
                guard Platform.rename(repaired, to: logPath) else { throw FileError.lastError(logPath, "replace") }
                Platform.syncFolder(files.folder)
                report.damagedLogKeptAt = kept
            }
        }
        if AtomicFile.exists(snapshotPath) {
            // A snapshot of a log just rewritten, or one `check` finds wrong (one rule for both).
            if report.damagedLogKeptAt != nil || snapshotAgainst(log, files).problem != nil {
                let kept = ProgressFiles.damagedCopy(of: snapshotPath, stamp: stamp)
                guard Platform.rename(snapshotPath, to: kept) else { throw FileError.lastError(snapshotPath, "move aside") }
                Platform.syncFolder(files.folder)
                report.damagedSnapshotKeptAt = kept
            }
        }
        return report
    }
}
