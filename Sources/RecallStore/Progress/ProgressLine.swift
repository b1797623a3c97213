import RecallCore

/// The compact JSON of progress lines: positional arrays, written and read by hand because
/// start-up must read a million of them faster than a general JSON decoder can.
///
/// A state is `[repetitions, easiness, interval, due, lapses, reviews, suspended, buriedUntil,
/// introduced, lastReviewed]`, days as `"YYYY-MM-DD"` or `null`, easiness in hundredths,
/// `suspended` as 0 or 1. Events:
/// - `["r", card, atMs, day, grade, responseMs, redrill, before, after]`
/// - `["u", card, atMs, day, restored]`
/// - `["s", action, card, atMs, day, state]`
/// - snapshot card lines: `["c", card, state]`
enum ProgressLine {
    // MARK: Writing

    /// A state as bytes: a snapshot writes a hundred thousand of them at once.
    static func append(_ state: CardState, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        appendInt(state.repetitions, to: &out)
        out.append(UInt8(ascii: ","))
        appendInt(state.easiness, to: &out)
        out.append(UInt8(ascii: ","))
        appendInt(state.interval, to: &out)
        out.append(UInt8(ascii: ","))
        appendDay(state.due, to: &out)
        out.append(UInt8(ascii: ","))
        appendInt(state.lapses, to: &out)
        out.append(UInt8(ascii: ","))
        appendInt(state.reviews, to: &out)
        out.append(UInt8(ascii: ","))
        out.append(state.suspended ? UInt8(ascii: "1") : UInt8(ascii: "0"))
        out.append(UInt8(ascii: ","))
        appendDay(state.buriedUntil, to: &out)
        out.append(UInt8(ascii: ","))
        appendDay(state.introduced, to: &out)
        out.append(UInt8(ascii: ","))
        appendDay(state.lastReviewed, to: &out)
        out.append(UInt8(ascii: "]"))
    }

    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[19 - count] = UInt8(48 + magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: buffer[(20 - count)...])
        }
    }

    static func appendDay(_ day: Day?, to out: inout [UInt8]) {
        guard let day else {
            out.append(contentsOf: "null".utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        let (y, m, d) = day.civil
        if (0...9999).contains(y) {
            out.append(UInt8(48 + y / 1000))
            out.append(UInt8(48 + y / 100 % 10))
            out.append(UInt8(48 + y / 10 % 10))
            out.append(UInt8(48 + y % 10))
            out.append(UInt8(ascii: "-"))
            out.append(UInt8(48 + m / 10))
            out.append(UInt8(48 + m % 10))
            out.append(UInt8(ascii: "-"))
            out.append(UInt8(48 + d / 10))
            out.append(UInt8(48 + d % 10))
        } else {
            out.append(contentsOf: day.description.utf8)
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The event as one line, newline included.
    static func encode(_ event: ProgressEvent) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192)
        func text(_ s: String) { out.append(contentsOf: s.utf8) }
        func comma() { out.append(UInt8(ascii: ",")) }
        func head(_ tag: String, _ fields: [String], at: Int64, day: Day) {
            text("[\"\(tag)\",")
            for field in fields {
                JSONText.appendQuoted(field, to: &out)
                comma()
            }
            appendInt(Int(at), to: &out)
            comma()
            appendDay(day, to: &out)
            comma()
        }
        switch event {
        case let .review(r):
            head("r", [r.card], at: r.at, day: r.day)
            appendInt(r.grade, to: &out)
            comma()
            appendInt(r.responseMs, to: &out)
            comma()
            text(r.redrill ? "1," : "0,")
            append(r.before, to: &out)
            comma()
            append(r.after, to: &out)
        case let .undo(card, at, day, restored):
            head("u", [card], at: at, day: day)
            append(restored, to: &out)
        case let .set(action, card, at, day, state):
            head("s", [action, card], at: at, day: day)
            append(state, to: &out)
        }
        text("]\n")
        return out
    }
}

/// Reads one line of progress JSON in place.
struct LineScanner {
    /// Where the line starting at `start` ends: the index of its newline, or `end` when none
    /// comes before it.
    @inline(__always)
    static func lineEnd(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        Platform.newline(in: buffer, from: start, to: end)
    }

    /// Calls `body` with each line of `buffer` from `start` (without its newline), its 1-based
    /// number counted from `firstLine`, and whether a newline ends it; `body` returns false to stop.
    static func forEachLine(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, firstLine: Int,
        _ body: (Range<Int>, Int, Bool) throws -> Bool
    ) rethrows {
        var lineStart = start
        var line = firstLine
        while lineStart < buffer.count {
            let lineEnd = lineEnd(buffer, from: lineStart, to: buffer.count)
            guard try body(lineStart..<lineEnd, line, lineEnd < buffer.count) else { return }
            lineStart = lineEnd + 1
            line += 1
        }
    }

    /// The event on one line, or the damage, with the file, line and byte offset.
    static func event(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, file: String, line: Int, baseOffset: Int = 0) -> Result<
        ProgressEvent, ProgressError
    > {
        var scanner = LineScanner(buffer, from: range.lowerBound, to: range.upperBound)
        do { return .success(try scanner.event()) } catch let failure as LineScanner.Failure {
            return .failure(.corruptLine(file: file, line: line, offset: baseOffset + range.lowerBound, reason: failure.reason))
        } catch {
            return .failure(.corruptLine(file: file, line: line, offset: baseOffset + range.lowerBound, reason: "\(error)"))
        }
    }

    struct Failure: Error { var reason: String }

    let bytes: UnsafeBufferPointer<UInt8>
    var i: Int
    let end: Int
    let lineStart: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        self.bytes = bytes
        self.i = start
        self.end = end
        self.lineStart = start
    }

    mutating func skipSpace() {
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    // The common case of each reader is inlined; space, errors and escapes take a slower path.

    @inline(__always)
    mutating func expect(_ c: UInt8) throws {
        if i < end, bytes[i] == c {
            i += 1
            return
        }
        try expectSlowly(c)
    }

    @inline(never)
    mutating func expectSlowly(_ c: UInt8) throws {
        skipSpace()
        guard i < end, bytes[i] == c else {
            throw Failure(reason: "expected '\(Character(Unicode.Scalar(c)))' at column \(i - lineStart + 1)")
        }
        i += 1
    }

    @inline(__always)
    mutating func comma() throws { try expect(UInt8(ascii: ",")) }

    @inline(__always)
    mutating func int() throws -> Int {
        if i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { skipSpace() }
        var negative = false
        if i < end, bytes[i] == UInt8(ascii: "-") {
            negative = true
            i += 1
        }
        var v = 0
        let start = i
        while i < end, bytes[i] >= 48, bytes[i] <= 57 {
            v = v &* 10 &+ Int(bytes[i] - 48)
            i += 1
        }
        guard i > start, i - start <= 18 else { throw Failure(reason: i == start ? "expected a number" : "number too long") }
        return negative ? -v : v
    }

    @inline(__always)
    mutating func bool() throws -> Bool {
        let v = try int()
        guard v == 0 || v == 1 else { throw Failure(reason: "expected 0 or 1") }
        return v == 1
    }

    /// The raw bytes of a string, quotes left off, and whether they hold an escape or a
    /// non-ASCII byte (and so need ``string()`` to be read as text).
    @inline(__always)
    mutating func stringBytes() throws -> (range: Range<Int>, plain: Bool) {
        try expect(UInt8(ascii: "\""))
        let start = i
        var plain = true
        while i < end, bytes[i] != UInt8(ascii: "\"") {
            if bytes[i] == UInt8(ascii: "\\") {
                plain = false
                i += 1
            } else if bytes[i] >= 0x80 {
                plain = false
            }
            i += 1
        }
        guard i < end else { throw Failure(reason: "unterminated string") }
        i += 1
        return (start..<(i - 1), plain)
    }

    mutating func string() throws -> String {
        let (range, plain) = try stringBytes()
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if plain { return String(decoding: raw, as: UTF8.self) }
        guard let text = String(validating: raw, as: UTF8.self) else { throw Failure(reason: "invalid UTF-8 in a string") }
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
        do { return try JSONText.unescape(text) } catch { throw Failure(reason: error.reason) }
    }

    @inline(__always)
    mutating func day() throws -> Day? {
        guard let (y, m, d) = try dayFields() else { return nil }
        guard let day = Day(year: y, month: m, day: d) else { throw Failure(reason: "not a calendar date") }
        return day
    }

    /// The year, month and day of a `"YYYY-MM-DD"`, or nil for `null`.
    @inline(__always)
    mutating func dayFields() throws -> (Int, Int, Int)? {
        if i < end, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0D { skipSpace() }
        if i + 4 <= end, bytes[i] == UInt8(ascii: "n") {
            guard bytes[i + 1] == UInt8(ascii: "u"), bytes[i + 2] == UInt8(ascii: "l"), bytes[i + 3] == UInt8(ascii: "l") else {
                throw Failure(reason: "expected a date or null")
            }
            i += 4
            return nil
        }
        try expect(UInt8(ascii: "\""))
        guard i + 11 <= end, bytes[i + 10] == UInt8(ascii: "\"") else { throw Failure(reason: "expected a YYYY-MM-DD date") }
        guard bytes[i + 4] == UInt8(ascii: "-"), bytes[i + 7] == UInt8(ascii: "-") else {
            throw Failure(reason: "expected a YYYY-MM-DD date")
        }
        @inline(__always) func digit(_ k: Int) throws -> Int {
            let b = bytes[i + k]
            guard b >= 48, b <= 57 else { throw Failure(reason: "expected a YYYY-MM-DD date") }
            return Int(b - 48)
        }
        let y = try digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let m = try digit(5) * 10 + digit(6)
        let d = try digit(8) * 10 + digit(9)
        i += 11
        return (y, m, d)
    }

    mutating func state() throws -> CardState {
        try expect(UInt8(ascii: "["))
        let n = try int()
        try comma()
        let ef = try int()
        try comma()
        let interval = try int()
        try comma()
        let due = try day()
        try comma()
        let lapses = try int()
        try comma()
        let reviews = try int()
        try comma()
        let suspended = try bool()
        try comma()
        let buried = try day()
        try comma()
        let introduced = try day()
        try comma()
        let last = try day()
        try expect(UInt8(ascii: "]"))
        let state = CardState(
            repetitions: n, easiness: ef, interval: interval, due: due, lapses: lapses, reviews: reviews,
            suspended: suspended, buriedUntil: buried, introduced: introduced, lastReviewed: last)
        guard state.isPossible else { throw Failure(reason: "a card state holds an impossible value") }
        return state
    }

    /// Reads the closing bracket and checks that nothing but space follows it.
    mutating func finish(closing: UInt8 = UInt8(ascii: "]")) throws {
        try expect(closing)
        skipSpace()
        guard i == end else { throw Failure(reason: "unexpected text after the line's end") }
    }

    /// The due day of a state as statistics read it (the ordinal, or `Int32.min` for a new
    /// card), checked in full; the three fields before it only for their shape, and the fields
    /// after it not at all: statistics then jump to the next state or the line's end. Loading
    /// and `recall check` read every field.
    @inline(__always)
    mutating func stateDue() throws -> Int32 {
        try expect(UInt8(ascii: "["))
        var commas = 0
        while i < end, commas < 3 {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: ",") {
                commas += 1
            } else if b < 0x30 || b > 0x39 {
                throw Failure(reason: "a card state holds '\(Character(Unicode.Scalar(b)))' at column \(i - lineStart)")
            }
        }
        let due = try day()
        try comma()
        return due.map { Int32(truncatingIfNeeded: $0.ordinal) } ?? Int32.min
    }

    /// Moves to the start of the next state on the line, past the end of this one.
    @inline(__always)
    mutating func nextState() throws {
        guard let found = Platform.find(UInt8(ascii: "["), in: bytes, from: i, to: end) else {
            throw Failure(reason: "the line ends before its second state")
        }
        i = found
        guard bytes[i - 1] == UInt8(ascii: ","), bytes[i - 2] == UInt8(ascii: "]") else {
            throw Failure(reason: "expected '],[' at column \(i - lineStart)")
        }
    }

    /// Checks that the line ends as an event ending with a state does, `]]`, leaving the rest unread.
    @inline(__always)
    mutating func stateToLineEnd() throws {
        guard i < end, end - lineStart >= 2, bytes[end - 1] == UInt8(ascii: "]"), bytes[end - 2] == UInt8(ascii: "]") else {
            throw Failure(reason: "the line does not end with ']]'")
        }
        i = end
    }

    /// What a review or undo line holds for statistics, its card left as bytes of the line.
    enum DigestLine {
        case review(card: Range<Int>, day: Int32, grade: Int8, responseMs: Int32, redrill: Bool, firstSight: Bool, afterDue: Int32)
        case undo(card: Range<Int>, day: Int32)
        case set
    }

    /// Reads a line of the common shape for statistics, without making Strings or states.
    /// Throws on anything else (escaped ids, spaces, damage): ``event()`` then reads the line.
    @inline(__always)
    mutating func digestLine() throws -> DigestLine {
        try expect(UInt8(ascii: "["))
        let tag = try stringBytes().range
        guard tag.count == 1 else { throw Failure(reason: "unknown event") }
        let kind = bytes[tag.lowerBound]
        try comma()
        if kind == UInt8(ascii: "s") {
            _ = try stringBytes()
            try comma()
        }
        let (card, plain) = try stringBytes()
        guard plain else { throw Failure(reason: "an escaped id") }
        try comma()
        _ = try int()
        try comma()
        guard let day = try day() else { throw Failure(reason: "an event needs a day") }
        let ordinal = Int32(truncatingIfNeeded: day.ordinal)
        try comma()
        switch kind {
        case UInt8(ascii: "r"):
            let grade = try int()
            try comma()
            guard (0...5).contains(grade) else { throw Failure(reason: "grade \(grade) is not 0…5") }
            let ms = try int()
            try comma()
            let redrill = try bool()
            try comma()
            let before = try stateDue()
            try nextState()
            let after = try stateDue()
            try stateToLineEnd()
            return .review(
                card: card, day: ordinal, grade: Int8(grade), responseMs: Int32(clamping: ms), redrill: redrill,
                firstSight: before == Int32.min, afterDue: after)
        case UInt8(ascii: "u"):
            _ = try stateDue()
            try stateToLineEnd()
            return .undo(card: card, day: ordinal)
        case UInt8(ascii: "s"):
            _ = try stateDue()
            try stateToLineEnd()
            return .set
        default:
            throw Failure(reason: "unknown event")
        }
    }

    /// Reads an event line.
    mutating func event() throws -> ProgressEvent {
        try expect(UInt8(ascii: "["))
        let tag = try string()
        try comma()
        switch tag {
        case "r":
            let card = try string()
            try comma()
            let at = try int()
            try comma()
            guard let day = try day() else { throw Failure(reason: "a review needs a day") }
            try comma()
            let grade = try int()
            try comma()
            guard (0...5).contains(grade) else { throw Failure(reason: "grade \(grade) is not 0…5") }
            let ms = try int()
            try comma()
            let redrill = try bool()
            try comma()
            let before = try state()
            try comma()
            let after = try state()
            try finish()
            return .review(
                Review(card: card, at: Int64(at), day: day, grade: grade, responseMs: ms, redrill: redrill, before: before, after: after))
        case "u":
            let card = try string()
            try comma()
            let at = try int()
            try comma()
            guard let day = try day() else { throw Failure(reason: "an undo needs a day") }
            try comma()
            let restored = try state()
            try finish()
            return .undo(card: card, at: Int64(at), day: day, restored: restored)
        case "s":
            let action = try string()
            try comma()
            let card = try string()
            try comma()
            let at = try int()
            try comma()
            guard let day = try day() else { throw Failure(reason: "a change needs a day") }
            try comma()
            let state = try state()
            try finish()
            return .set(action: action, card: card, at: Int64(at), day: day, state: state)
        default:
            throw Failure(reason: "unknown event \"\(tag)\"")
        }
    }
}

extension ProgressEvent {
    /// The event as one line of the progress log, newline included.
    public var logLine: String { String(decoding: ProgressLine.encode(self), as: UTF8.self) }
}
