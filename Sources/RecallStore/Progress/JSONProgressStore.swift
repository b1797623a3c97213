import Foundation
import RecallCore

/// Progress of one deck on disk: an append-only JSON Lines log of every event, fsync'd per
/// event, plus a snapshot of card states replaced atomically every ``checkpointEvery`` events and
/// at close. Loading reads the snapshot and replays only the log after it.
///
/// One writer at a time: opening for writing takes an exclusive `flock` on `NAME.lock`, which
/// the kernel releases even when the process is killed.
public final class JSONProgressStore: ProgressStoring {
    /// The log's format name.
    public static let logFormat = "recall-progress-log"
    /// The snapshot's format name.
    public static let snapshotFormat = "recall-progress-snapshot"
    /// The format version this build reads and writes.
    public static let version = 1

    public enum Mode: Sendable { case readWrite, readOnly }

    /// Where the deck's progress lies.
    public let files: ProgressFiles
    public let mode: Mode
    public private(set) var states = CardStates()
    /// Events appended since the last snapshot.
    public private(set) var eventsSinceSnapshot = 0
    /// The copy of the log's digests (see ``reviewLog(deckIds:cached:cacheAfter:)``) is
    /// written again once this many lines were read after it.
    public static let refreshDigestsAfter = 10_000
    /// Told when statistics read a large part of the log without their copy of its digests.
    public var notice = SlowWorkNotice.silent
    /// Write a snapshot after this many events.
    public var checkpointEvery = 1000
    /// The deck's card ids in order. A snapshot lists states in this order (any others after
    /// them), so that the next start-up reads them in step with the deck instead of looking up
    /// every card by its id.
    public var order: [String] = []

    var logFD: Int32 = -1
    var logBytes = 0
    var logLines = 0

    /// The deck's name.
    public var deck: String { files.deck }
    /// The log.
    public var logPath: String { files.log }
    /// The snapshot.
    public var snapshotPath: String { files.snapshot }

    /// Opens (and for writing, locks) a deck's progress, loading the snapshot and the log tail.
    /// - Throws: ``ProgressError`` naming the file and position of anything it cannot read.
    public init(files: ProgressFiles, mode: Mode = .readWrite) throws {
        self.files = files
        self.mode = mode
        if mode == .readWrite {
            do { try AtomicFile.makeFolder(files.folder) } catch {
                throw ProgressError.writeFailed(file: files.folder, reason: FileError.reason(of: error))
            }
            try lock()
        }
        do {
            try load()
            // A log that cannot be written (read-only, another owner's) is found now, before
            // the first card is shown, not at the first answer.
            if mode == .readWrite, AtomicFile.exists(files.log) { try openLog() }
        } catch {
            unlock()
            throw error
        }
    }

    /// Opens the progress of `deck` in `home`; see ``init(files:mode:)``.
    public convenience init(home: Home, deck: String, mode: Mode = .readWrite) throws {
        try self.init(files: home.progress(deck), mode: mode)
    }

    deinit { close() }

    // MARK: Locking

    /// The writer's lock on a deck's progress: an exclusive `flock` on `NAME.lock` holding the
    /// owner's pid, released by the kernel even when the process is killed.
    public final class Lock {
        let fd: Int32

        /// Takes the lock, or says which process holds it.
        /// - Throws: ``ProgressError/locked(file:pid:)``.
        public init(files: ProgressFiles) throws {
            guard let fd = Platform.open(files.lock, .readWrite) else {
                throw ProgressError.writeFailed(file: files.lock, reason: Platform.lastError)
            }
            guard Platform.tryLock(fd) else {
                let owner = Platform.read(fd, count: 31, at: 0) ?? []
                Platform.close(fd)
                let pid = Int(String(decoding: owner, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                throw ProgressError.locked(file: files.log, pid: pid)
            }
            Platform.overwrite(fd, with: Array("\(Platform.processID)\n".utf8))
            self.fd = fd
        }

        private var released = false

        /// Releases the lock (also done when the object goes away).
        public func release() {
            guard !released else { return }
            released = true
            Platform.unlock(fd)
            Platform.close(fd)
        }

        deinit { release() }
    }

    var lockHolder: Lock?

    func lock() throws {
        lockHolder = try Lock(files: files)
    }

    func unlock() {
        lockHolder?.release()
        lockHolder = nil
    }

    /// The first line of a new log.
    static func logHeader(deck: String) -> String {
        HeaderLine(["deck": .string(deck), "format": .string(logFormat), "version": .int(version)]).text
    }

    /// Writes a last snapshot if anything changed, and releases the files.
    public func close() {
        if mode == .readWrite, eventsSinceSnapshot > 0 { try? checkpoint(forNextStart: true) }
        if logFD >= 0 {
            Platform.close(logFD)
            logFD = -1
        }
        unlock()
    }

    // MARK: Loading

    func load() throws {
        var start = 0
        if AtomicFile.exists(snapshotPath) {
            let (snapshotStates, coveredBytes, coveredLines) = try readSnapshotThroughCache()
            states = snapshotStates
            start = coveredBytes
            logLines = coveredLines
        }
        guard AtomicFile.exists(logPath) else {
            if start > 0 { throw ProgressError.logShorterThanSnapshot(file: logPath, expected: start, found: 0) }
            return
        }
        // The size is the opened file's: the log may be a link to it.
        let log: MappedFile
        do { log = try MappedFile(logPath, populate: false) } catch {
            throw ProgressError.badHeader(file: logPath, reason: "cannot be opened: \(FileError.reason(of: error))")
        }
        let size = log.count
        if start > size { throw ProgressError.logShorterThanSnapshot(file: logPath, expected: start, found: size) }
        var lineNumber = logLines
        var tailEvents = 0
        try log.withUnsafeBytes { bytes in
            let headerEnd = try Self.checkLogHeader(bytes, file: logPath)
            if !Self.endsALine(bytes, start, headerEnd: headerEnd) {
                throw ProgressError.snapshotOffLine(file: snapshotPath, covered: start)
            }
            if start == 0 {
                start = headerEnd
                lineNumber = 1
            }
            try Self.scanEvents(
                UnsafeBufferPointer(rebasing: bytes[start...]), baseOffset: start, firstLine: lineNumber + 1, file: logPath,
                tolerateTornTail: mode == .readOnly
            ) { event, _ in
                event.apply(to: &states)
                lineNumber += 1
                tailEvents += 1
            }
        }
        logLines = lineNumber
        logBytes = size
        eventsSinceSnapshot = tailEvents
    }

    /// The snapshot's states, from their copy in the cache when it was made from this very
    /// snapshot, else read from the snapshot (and the copy made for the next start).
    func readSnapshotThroughCache() throws -> (CardStates, Int, Int) {
        let stamp = Platform.info(snapshotPath)?.stamp
        if let stamp, let cached = StateCache.read(files.states, stamp: stamp) {
            return (cached.states, cached.coveredBytes, cached.coveredLines)
        }
        let read = try Self.readSnapshot(snapshotPath, deck: deck)
        if let stamp { StateCache.write(files.states, stamp: stamp, states: read.0, coveredBytes: read.1, coveredLines: read.2) }
        return read
    }

    /// Whether the first `covered` bytes of a log (its header ending at `headerEnd`) are whole
    /// lines, as what a snapshot covers must be; 0 covers nothing.
    static func endsALine(_ log: UnsafeBufferPointer<UInt8>, _ covered: Int, headerEnd: Int) -> Bool {
        covered == 0 || (covered >= headerEnd && covered <= log.count && log[covered - 1] == 0x0A)
    }

    /// Checks a log's first line.
    /// - Returns: where the first event's line starts.
    /// - Throws: ``ProgressError/badHeader(file:reason:)`` for another format or version.
    static func checkLogHeader(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> Int {
        guard let (header, end) = HeaderLine.read(bytes), header.string("format") == logFormat else {
            throw ProgressError.badHeader(file: file, reason: "the first line is not a \(logFormat) header")
        }
        try checkVersion(header, file: file)
        return end
    }

    /// Checks a header's format version.
    static func checkVersion(_ header: HeaderLine, file: String) throws {
        guard header.int("version") == version else {
            let found = header.fields["version"].map { "\($0)" } ?? "missing"
            throw ProgressError.badHeader(file: file, reason: "format version \(found) is not version \(version), which this recall reads")
        }
    }

    /// Reads a snapshot: the card states and how much of the log they cover.
    static func readSnapshot(_ path: String, deck: String) throws -> (CardStates, Int, Int) {
        let file = try MappedFile(path)
        return try file.withUnsafeBytes { buffer -> (CardStates, Int, Int) in
            guard let (header, bodyStart) = HeaderLine.read(buffer), header.string("format") == snapshotFormat else {
                throw ProgressError.badHeader(file: path, reason: "the first line is not a \(snapshotFormat) header")
            }
            try checkVersion(header, file: path)
            guard let coveredBytes = header.int("logBytes"), let coveredLines = header.int("logLines"), let count = header.int("cards")
            else {
                throw ProgressError.badHeader(file: path, reason: "the header lacks logBytes, logLines or cards")
            }
            // Two halves, split at a line, are read on both cores; ids stay bytes in the file
            // until the index takes them, and errors keep their line numbers.
            var middle = bodyStart + (buffer.count - bodyStart) / 2
            while middle < buffer.count, middle > bodyStart, buffer[middle - 1] != 0x0A { middle += 1 }
            nonisolated(unsafe) let bytes = buffer
            let results = [bodyStart..<middle, middle..<buffer.count].parallelMapAlways { range in
                Self.readSnapshotLines(bytes, range, file: path)
            }
            var firstLine = 2
            var parts: [SnapshotPart] = []
            for result in results {
                switch result {
                case let .success(part):
                    parts.append(part)
                    firstLine += part.ids.count
                case let .failure(.tornTail(file, line, offset)):
                    throw ProgressError.tornTail(file: file, line: firstLine + line, offset: offset)
                case let .failure(.corruptLine(file, line, offset, reason)):
                    throw ProgressError.corruptLine(file: file, line: firstLine + line, offset: offset, reason: reason)
                case let .failure(error):
                    throw error
                }
            }
            var index = IdIndex(capacity: count)
            var values: [CardState] = []
            values.reserveCapacity(count)
            var line = 2
            for part in parts {
                for k in part.ids.indices {
                    let range = part.ids[k]
                    let escaped = part.escaped.isEmpty ? nil : part.escaped[k]
                    let (_, inserted) = escaped.map { index.insert($0) } ?? index.insert(UnsafeBufferPointer(rebasing: bytes[range]))
                    guard inserted else {
                        throw ProgressError.corruptLine(file: path, line: line, offset: part.offsets[k], reason: "the card appears twice")
                    }
                    values.append(part.states[k])
                    line += 1
                }
            }
            guard values.count == count else {
                throw ProgressError.badHeader(file: path, reason: "the header promises \(count) cards but \(values.count) are there")
            }
            return (CardStates(index: index, values: values), coveredBytes, coveredLines)
        }
    }

    /// Card lines of a snapshot: where each id lies, each state, and where each line starts.
    struct SnapshotPart {
        var ids: [Range<Int>] = []
        /// Ids written with escapes, by their place in `ids`.
        var escaped: [Int: String] = [:]
        var states: [CardState] = []
        var offsets: [Int] = []
    }

    /// Reads the card lines in `range`; a failure's line is counted from the range's start.
    static func readSnapshotLines(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, file: String) -> Result<
        SnapshotPart, ProgressError
    > {
        var part = SnapshotPart()
        let expected = range.count / 60
        part.ids.reserveCapacity(expected)
        part.states.reserveCapacity(expected)
        part.offsets.reserveCapacity(expected)
        var lineStart = range.lowerBound
        while lineStart < range.upperBound {
            let lineEnd = LineScanner.lineEnd(bytes, from: lineStart, to: range.upperBound)
            let line = part.ids.count
            guard lineEnd < range.upperBound else { return .failure(.tornTail(file: file, line: line, offset: lineStart)) }
            var scanner = LineScanner(bytes, from: lineStart, to: lineEnd)
            do {
                try scanner.expect(UInt8(ascii: "["))
                let tag = try scanner.stringBytes().range
                guard tag.count == 1, bytes[tag.lowerBound] == UInt8(ascii: "c") else {
                    throw LineScanner.Failure(reason: "not a card line")
                }
                try scanner.comma()
                let idStart = scanner.i
                let (id, plain) = try scanner.stringBytes()
                if !plain {
                    scanner.i = idStart
                    part.escaped[line] = try scanner.string()
                }
                try scanner.comma()
                part.states.append(try scanner.state())
                try scanner.finish()
                part.ids.append(id)
                part.offsets.append(lineStart)
            } catch let failure as LineScanner.Failure {
                return .failure(.corruptLine(file: file, line: line, offset: lineStart, reason: failure.reason))
            } catch {
                return .failure(.corruptLine(file: file, line: line, offset: lineStart, reason: "\(error)"))
            }
            lineStart = lineEnd + 1
        }
        return .success(part)
    }

    /// Scans event lines, calling `body` with each event and the byte offset of its line.
    static func scanEvents(
        _ buffer: UnsafeBufferPointer<UInt8>, baseOffset: Int, firstLine: Int, file: String, tolerateTornTail: Bool,
        _ body: (ProgressEvent, Int) throws -> Void
    ) throws {
        do {
            try LineScanner.forEachLine(buffer, firstLine: firstLine) { range, line, complete in
                guard complete else {
                    if tolerateTornTail { return false }
                    throw ProgressError.tornTail(file: file, line: line, offset: baseOffset + range.lowerBound)
                }
                try body(
                    try LineScanner.event(buffer, range, file: file, line: line, baseOffset: baseOffset).get(),
                    baseOffset + range.lowerBound)
                return true
            }
        }
    }

    /// Every event of the log, from its first line, for statistics and checks.
    public func allEvents() throws -> [ProgressEvent] {
        try Self.readAllEvents(logPath: logPath, deck: deck, tolerateTornTail: mode == .readOnly)
    }

    /// The log as statistics read it, with its digests kept in the home's cache.
    /// Reads lines back from the log's end until one of an earlier day: the cost is that of the
    /// day's own events. A line that cannot be read ends the search there (``load()`` and
    /// `recall check` report damage; this only looks for the day's re-drills).
    public func events(since day: Day) throws -> [ProgressEvent] {
        guard AtomicFile.exists(logPath) else { return [] }
        let file = try MappedFile(logPath, populate: false)
        return file.withUnsafeBytes { buffer -> [ProgressEvent] in
            var found: [ProgressEvent] = []
            var end = buffer.count
            // A last line without its newline is torn: not an event.
            while end > 0, buffer[end - 1] != 0x0A { end -= 1 }
            while end > 0 {
                var start = end - 1
                while start > 0, buffer[start - 1] != 0x0A { start -= 1 }
                // The first line is the header.
                guard start > 0, case let .success(event) = LineScanner.event(buffer, start..<(end - 1), file: logPath, line: 0),
                    event.day >= day
                else { break }
                found.append(event)
                end = start
            }
            return found.reversed()
        }
    }

    public func reviewLog(deckIds: [String]) throws -> ReviewLog { try reviewLog(deckIds: deckIds, cached: true) }

    /// The log as statistics read it, on every core, its cards numbered after the deck's
    /// `deckIds` (see ``ReviewLog``). Lines of the usual shape are read without making a String
    /// or a state; any other line is read in full, so damage is reported as loading reports it.
    ///
    /// With `cached`, the digests of the log's first bytes come from a checked binary copy in
    /// the cache (see ``ReviewLogCache``) when it matches the log, and only the lines after
    /// it are read; the copy is written again when at least `cacheAfter` lines were read.
    public func reviewLog(deckIds: [String], cached: Bool, cacheAfter: Int = JSONProgressStore.refreshDigestsAfter) throws -> ReviewLog {
        guard AtomicFile.exists(logPath) else { return ReviewLog(cards: IdIndex(deckIds), reviews: []) }
        // Not populated: the pages are touched first by the parts read on every core.
        let file = try MappedFile(logPath, populate: false)
        let tolerate = mode == .readOnly
        let path = logPath
        let cachePath = cached ? files.digests : nil
        return try file.withUnsafeBytes { buffer -> ReviewLog in
            var start = try Self.checkLogHeader(buffer, file: path)
            var cards: IdIndex
            var reviews: [ReviewDigest] = []
            var logChanged = false
            if let cachePath, let cached = ReviewLogCache.read(cachePath, logPath: path, logBytes: buffer), cached.coveredBytes >= start {
                cards = cached.log.cards
                reviews = cached.log.reviews
                start = cached.coveredBytes
                logChanged = cached.logChanged
            } else {
                cards = IdIndex(deckIds)
            }
            let fromCache = reviews.count
            // Split at newlines into parts for the cores.
            var cuts = [start]
            let parts = 4
            for k in 1..<parts {
                var at = max(cuts[cuts.count - 1], start + (buffer.count - start) * k / parts)
                while at < buffer.count, at > 0, buffer[at - 1] != 0x0A { at += 1 }
                cuts.append(at)
            }
            cuts.append(buffer.count)
            nonisolated(unsafe) let bytes = buffer
            let known = cards
            let unread = buffer.count - start
            let results = notice.around("Reading \(SlowWorkNotice.size(unread)) of the progress log of '\(deck)'", bytes: unread) {
                (0..<parts).map { cuts[$0]..<cuts[$0 + 1] }.parallelMapAlways { range in
                    Self.digestLines(bytes, range, cards: known, file: path, tolerateTornTail: tolerate)
                }
            }
            reviews.reserveCapacity(reviews.count + results.reduce(0) { $0 + ((try? $1.get().reviews.count) ?? 0) })
            for result in results {
                guard case let .success(part) = result else {
                    // Read again line by line, for an error that gives the line number.
                    _ = try allEvents()
                    _ = try result.get()
                    continue
                }
                // Cards not known yet are numbered after the others, part by part.
                let others = (0..<part.others.count).map { k in Int32(part.others.withUTF8(of: k) { cards.insert($0).number }) }
                for var review in part.reviews {
                    if review.card < 0 { review.card = others[Int(-review.card - 1)] }
                    reviews.append(review)
                }
            }
            let log = ReviewLog(cards: cards, reviews: reviews)
            // Written again after many new lines, or whenever the log changed since the copy was
            // checked: the next run then finds the log as the copy says and checks nothing.
            if let cachePath, reviews.count - fromCache >= cacheAfter || logChanged {
                // Up to the last whole line: a torn one, skipped when reading, is not covered.
                var covered = buffer.count
                while covered > 0, buffer[covered - 1] != 0x0A { covered -= 1 }
                ReviewLogCache.write(cachePath, log: log, logPath: path, coveredBytes: covered)
            }
            return log
        }
    }

    /// The digests of a part of the log; a card not in `cards` gets the number -1 - k, where k
    /// is its number in `others`.
    struct DigestPart {
        var reviews: [ReviewDigest] = []
        var others = IdIndex()
    }

    /// Reads the lines in `range` (whole lines; a last line without a newline is torn).
    static func digestLines(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, cards: IdIndex, file: String,
        tolerateTornTail: Bool
    ) -> Result<DigestPart, ProgressError> {
        var part = DigestPart()
        part.reviews.reserveCapacity(range.count / 150)
        // Cards are looked up 64 lines at a time (see IdIndex.numbers(of:in:)); until then a
        // review's card is a placeholder, and `waiting` says where its id lies.
        var waiting: [(review: Int, id: Range<Int>)] = []
        waiting.reserveCapacity(64)
        func lookUpWaiting() {
            let numbers = cards.numbers(of: waiting.map(\.id), in: bytes)
            for (k, w) in waiting.enumerated() {
                part.reviews[w.review].card =
                    numbers[k] >= 0 ? numbers[k] : Int32(-1 - part.others.insert(UnsafeBufferPointer(rebasing: bytes[w.id])).number)
            }
            waiting.removeAll(keepingCapacity: true)
        }
        func number(_ id: Range<Int>) -> Int32 {
            waiting.append((part.reviews.count, id))
            return 0
        }
        func number(_ id: String) -> Int32 {
            lookUpWaiting()  // keeps other cards numbered in the order they come
            if let n = cards.number(of: id) { return Int32(n) }
            return Int32(-1 - part.others.insert(id).number)
        }
        var start = range.lowerBound
        while start < range.upperBound {
            let end = LineScanner.lineEnd(bytes, from: start, to: range.upperBound)
            if end == range.upperBound, end == bytes.count {
                if tolerateTornTail { break }
                return .failure(.tornTail(file: file, line: 0, offset: start))
            }
            var scanner = LineScanner(bytes, from: start, to: end)
            if let line = try? scanner.digestLine() {
                switch line {
                case let .review(card, day, grade, ms, redrill, firstSight, afterDue):
                    part.reviews.append(
                        ReviewDigest(
                            card: number(card), day: day, grade: grade, redrill: redrill,
                            firstSight: firstSight, afterDue: afterDue, responseMs: ms))
                case let .undo(card, day):
                    part.reviews.append(
                        ReviewDigest(
                            card: number(card), day: day, grade: 0, redrill: false, firstSight: false,
                            afterDue: Int32.min, responseMs: 0, isUndo: true))
                case .set:
                    break
                }
            } else {
                switch LineScanner.event(bytes, start..<end, file: file, line: 0) {
                case let .success(.review(r)): part.reviews.append(ReviewDigest(r, card: number(r.card)))
                case let .success(.undo(card, _, day, _)): part.reviews.append(ReviewDigest(undoOf: number(card), day: day))
                case .success(.set): break
                case let .failure(error): return .failure(error)
                }
            }
            if waiting.count == 64 { lookUpWaiting() }
            start = end + 1
        }
        lookUpWaiting()
        return .success(part)
    }

    static func readAllEvents(logPath: String, deck: String, tolerateTornTail: Bool) throws -> [ProgressEvent] {
        guard AtomicFile.exists(logPath) else { return [] }
        let log = try MappedFile(logPath)
        return try log.withUnsafeBytes { bytes in
            let headerEnd = try checkLogHeader(bytes, file: logPath)
            var events: [ProgressEvent] = []
            events.reserveCapacity(bytes.count / 120)
            try scanEvents(
                UnsafeBufferPointer(rebasing: bytes[headerEnd...]), baseOffset: headerEnd, firstLine: 2, file: logPath,
                tolerateTornTail: tolerateTornTail
            ) { e, _ in events.append(e) }
            return events
        }
    }

    // MARK: Writing

    func openLog() throws {
        guard logFD < 0 else { return }
        precondition(mode == .readWrite, "a read-only store cannot write")
        let exists = AtomicFile.exists(logPath)
        guard let fd = Platform.open(logPath, .append) else { throw ProgressError.writeFailed(file: logPath, reason: Platform.lastError) }
        logFD = fd
        if !exists || logBytes == 0 {
            do { try write(Array(Self.logHeader(deck: deck).utf8)) } catch {
                // A log this call made and could not give its header is taken away again.
                if !exists { Platform.unlink(logPath) }
                Platform.close(fd)
                logFD = -1
                throw error
            }
            logLines = 1
            Platform.syncFolder(files.folder)
        }
    }

    /// Appends a line durably, or leaves the log as it was: a line written in part (a full
    /// disk) is cut off again, so the log never ends torn.
    func write(_ line: [UInt8]) throws {
        let ok = line.withUnsafeBytes { Platform.writeAll(logFD, $0) } && Platform.syncData(logFD)
        guard ok else {
            let reason = Platform.lastError
            if Platform.truncate(logFD, to: logBytes) { _ = Platform.syncData(logFD) }
            throw ProgressError.appendFailed(file: logPath, reason: reason)
        }
        logBytes += line.count
    }

    public func append(_ event: ProgressEvent) throws {
        try openLog()
        try write(ProgressLine.encode(event))
        logLines += 1
        event.apply(to: &states)
        eventsSinceSnapshot += 1
        if eventsSinceSnapshot >= checkpointEvery { try checkpoint() }
    }

    public func checkpoint() throws { try checkpoint(forNextStart: false) }

    /// Writes a snapshot; `forNextStart` (at close) also numbers the states in its order and
    /// keeps a copy of them that the next start reads instead of the snapshot, work that a
    /// snapshot in the middle of a session (every ``checkpointEvery`` answers) leaves out.
    func checkpoint(forNextStart: Bool) throws {
        guard mode == .readWrite else { return }
        let header = HeaderLine([
            "cards": .int(states.count), "deck": .string(deck), "format": .string(Self.snapshotFormat),
            "logBytes": .int(logBytes), "logLines": .int(logLines), "version": .int(Self.version),
        ]).text
        var out = Array(header.utf8)
        out.reserveCapacity(out.count + states.count * 90)
        // Cards in the deck's order first, then any others (cards no longer in the deck).
        var written = [Bool](repeating: false, count: states.count)
        let inOrder = states.index.numbers(of: order).lazy.map(Int.init).filter { $0 >= 0 }
        // The states as a reader of the snapshot will hold them: numbered in the snapshot's order.
        var index = IdIndex(capacity: forNextStart ? states.count : 0)
        var values: [CardState] = []
        values.reserveCapacity(forNextStart ? states.count : 0)
        for number in Array(inOrder) + Array(0..<states.count) where !written[number] {
            written[number] = true
            out.append(contentsOf: "[\"c\",".utf8)
            states.index.withUTF8(of: number) {
                JSONText.appendQuoted($0, to: &out)
                if forNextStart { index.insert($0) }
            }
            if forNextStart { values.append(states.values[number]) }
            out.append(UInt8(ascii: ","))
            ProgressLine.append(states.values[number], to: &out)
            out.append(contentsOf: "]\n".utf8)
        }
        do { try AtomicFile.write(Data(out), to: snapshotPath) } catch {
            throw ProgressError.writeFailed(file: snapshotPath, reason: FileError.reason(of: error))
        }
        eventsSinceSnapshot = 0
        guard forNextStart else { return }
        states = CardStates(index: index, values: values)
        // The next start reads the states from their copy, not the hundred thousand lines.
        if let stamp = Platform.info(snapshotPath)?.stamp {
            StateCache.write(files.states, stamp: stamp, states: states, coveredBytes: logBytes, coveredLines: logLines)
        }
    }
}
