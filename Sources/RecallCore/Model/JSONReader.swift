/// A byte-level JSON reader for deck files: strings, numbers, literals and nesting, with errors
/// that give the line and column.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    var i = 0
    /// Where each card object stands in the file, filled by ``cardArray(_:)``.
    var cardRanges: [Range<Int>] = []

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
    }

    enum Kind { case string, number, object, array, bool, null }

    // MARK: Errors

    func invalid(_ what: String) -> DeckError {
        var line = 1
        var column = 1
        for k in 0..<min(i, bytes.count) {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
        }
        if i < bytes.count, bytes[i] >= 0x80 || (bytes[i] < 0x20 && bytes[i] != 0x0A && bytes[i] != 0x09 && bytes[i] != 0x0D) {
            let text = String(validating: bytes, as: UTF8.self)
            if text == nil || bytes.contains(0) { return .notJSON(file: file, reason: "the file is not UTF-8 text (binary data?)") }
        }
        return .notJSON(file: file, reason: "invalid JSON at line \(line), column \(column): \(what)")
    }

    // MARK: Tokens

    mutating func ws() {
        while i < bytes.count {
            let c = bytes[i]
            guard c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D else { return }
            i += 1
        }
    }

    mutating func kind() throws -> Kind {
        ws()
        guard i < bytes.count else { throw invalid("the text ends where a value should be") }
        switch bytes[i] {
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw invalid("expected a value")
        }
    }

    mutating func expect(_ c: UInt8) throws {
        ws()
        guard i < bytes.count, bytes[i] == c else { throw invalid("expected '\(Character(Unicode.Scalar(c)))'") }
        i += 1
    }

    mutating func string() throws -> String {
        try expect(UInt8(ascii: "\""))
        let start = i
        var escaped = false
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { break }
            if c == UInt8(ascii: "\\") {
                escaped = true
                i += 2
                continue
            }
            if c < 0x20 { throw invalid("a control character inside a string") }
            i += 1
        }
        guard i < bytes.count else { throw invalid("a string is not closed") }
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
        i += 1
        guard let text = String(validating: slice, as: UTF8.self) else {
            i = start
            throw DeckError.notJSON(file: file, reason: "the file is not UTF-8 text (binary data?)")
        }
        return escaped ? try unescape(text) : text
    }

    func unescape(_ text: String) throws -> String {
        do { return try JSONText.unescape(text) } catch { throw invalid(error.reason) }
    }

    /// A number; returns the value when it is a whole number that fits, else nil.
    mutating func number() throws -> Int? {
        ws()
        let start = i
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        var whole = true
        var digits = 0
        while i < bytes.count {
            let c = bytes[i]
            if c >= 0x30 && c <= 0x39 {
                digits += 1
            } else if c == UInt8(ascii: ".") || c == UInt8(ascii: "e") || c == UInt8(ascii: "E") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "-")
            {
                whole = false
            } else {
                break
            }
            i += 1
        }
        guard digits > 0 else { throw invalid("a malformed number") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if whole, i - start <= 18 { return Int(text) }
        // 1.0 and 1e0 are JSON's ways of writing 1 as well.
        guard let value = Double(text), value.isFinite, value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    mutating func literal() throws -> Bool? {
        ws()
        func matches(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= bytes.count else { return false }
            for k in 0..<n where bytes[i + k] != word.utf8Start[k] { return false }
            i += n
            return true
        }
        if matches("true") { return true }
        if matches("false") { return false }
        if matches("null") { return nil }
        throw invalid("expected a value")
    }

    /// Passes over a string without making it: its bytes are checked as UTF-8 only when it is read.
    mutating func skipString() throws {
        try expect(UInt8(ascii: "\""))
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                return
            }
            if c < 0x20 { throw invalid("a control character inside a string") }
            i += c == UInt8(ascii: "\\") ? 2 : 1
        }
        throw invalid("a string is not closed")
    }

    /// The id and the question of the card object that starts here, reading no other field. A
    /// card whose fields cannot be read this way is read whole, for the error that names what is
    /// wrong.
    mutating func idAndQuestion(number: Int) throws -> (id: String, question: String) {
        let start = i
        if try kind() == .object {
            try expect(UInt8(ascii: "{"))
            var first = true
            var id: String?
            var question: String?
            while let key = try nextKey(&first) {
                let isString = try kind() == .string
                if isString, key == "id" {
                    id = try string()
                } else if isString, key == "question" {
                    question = try string()
                } else if isString {
                    try skipString()
                } else {
                    try skip()
                }
                if let id, let question { return (id, question) }
            }
        }
        i = start
        let card = try card(number: number).get()
        return (card.id, card.question)
    }

    mutating func skip() throws {
        switch try kind() {
        case .string: _ = try string()
        case .number: _ = try number()
        case .bool, .null: _ = try literal()
        case .object:
            var first = true
            try expect(UInt8(ascii: "{"))
            while try nextKey(&first) != nil { try skip() }
        case .array:
            var first = true
            try expect(UInt8(ascii: "["))
            while try nextItem(&first) { try skip() }
        }
    }

    /// The next key of an object whose `{` was read, or nil at its `}`.
    mutating func nextKey(_ first: inout Bool) throws -> String? {
        ws()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return nil
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        let key = try string()
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Whether another item follows in an array whose `[` was read.
    mutating func nextItem(_ first: inout Bool) throws -> Bool {
        ws()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return false
        }
        if !first { try expect(UInt8(ascii: ",")) }
        first = false
        return true
    }

    mutating func end() throws {
        ws()
        if i < bytes.count { throw invalid("unexpected text after the deck") }
    }

    // MARK: The deck

    /// A top-level string field, or the problem with it.
    mutating func textField(_ key: String, into value: inout String?, problem: inout DeckError?) throws {
        if try kind() == .string {
            value = try string()
        } else {
            try skip()
            if problem == nil { problem = .badField(file: file, field: key, problem: "must be a string") }
        }
    }

    mutating func deck() throws -> Deck {
        // A byte-order mark, which some editors put before UTF-8 text, is not part of the JSON.
        if i == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        guard try kind() == .object else { throw DeckError.notJSON(file: file, reason: "the top level is not a JSON object") }
        try expect(UInt8(ascii: "{"))
        var format: String?
        var name: String?
        var title: String?
        var version: Int?
        var versionProblem = false
        var topProblem: DeckError?
        var cardProblem: DeckError?
        var cards: [Card]?
        var source: Deck.Source?
        var first = true
        while let key = try nextKey(&first) {
            switch key {
            case "format": try textField(key, into: &format, problem: &topProblem)
            case "name": try textField(key, into: &name, problem: &topProblem)
            case "title": try textField(key, into: &title, problem: &topProblem)
            case "version":
                if try kind() == .number {
                    version = try number()
                    versionProblem = version == nil
                } else {
                    try skip()
                    versionProblem = true
                }
            case "source":
                source = try sourceObject(&topProblem)
            case "cards":
                guard try kind() == .array else {
                    try skip()
                    topProblem = topProblem ?? .badField(file: file, field: "cards", problem: "must be an array of cards")
                    cards = []
                    continue
                }
                cards = try cardArray(&cardProblem)
            default:
                try skip()
            }
        }
        try end()
        guard let format else { throw topProblem ?? DeckError.badField(file: file, field: "format", problem: "is missing") }
        guard format == Deck.formatName else { throw DeckError.wrongFormat(file: file, found: format) }
        if versionProblem { throw DeckError.badField(file: file, field: "version", problem: "must be a whole number") }
        guard let version else { throw DeckError.badField(file: file, field: "version", problem: "is missing") }
        guard version == Deck.currentVersion else { throw DeckError.unsupportedVersion(file: file, found: version) }
        if let topProblem { throw topProblem }
        guard let name else { throw DeckError.badField(file: file, field: "name", problem: "is missing") }
        guard let title else { throw DeckError.badField(file: file, field: "title", problem: "is missing") }
        guard let cards else { throw DeckError.badField(file: file, field: "cards", problem: "is missing") }
        if let cardProblem { throw cardProblem }
        return Deck(name: name, title: title, source: source, cards: cards)
    }

    mutating func sourceObject(_ problem: inout DeckError?) throws -> Deck.Source? {
        let bad = DeckError.badField(file: file, field: "source", problem: "must be an object with \"file\" and \"sha256\" strings")
        switch try kind() {
        case .null:
            _ = try literal()
            return nil
        case .object: break
        default:
            try skip()
            problem = problem ?? bad
            return nil
        }
        try expect(UInt8(ascii: "{"))
        var values: [String: String] = [:]
        var first = true
        while let key = try nextKey(&first) {
            if try kind() == .string { values[key] = try string() } else { try skip() }
        }
        guard let f = values["file"], let sha = values["sha256"] else {
            problem = problem ?? bad
            return nil
        }
        return Deck.Source(file: f, title: values["title"], date: values["date"], sha256: sha)
    }

    /// The cards; the first problem is kept and reported after the deck's own fields. The byte
    /// range of every card object is kept in ``cardRanges``.
    mutating func cardArray(_ problem: inout DeckError?) throws -> [Card] {
        try expect(UInt8(ascii: "["))
        var cards: [Card] = []
        var seen: [String: Int] = [:]
        let estimate = bytes.count / 300
        cards.reserveCapacity(estimate)
        seen.reserveCapacity(estimate)
        cardRanges.reserveCapacity(estimate)
        var first = true
        var number = 0
        while try nextItem(&first) {
            number += 1
            ws()
            let start = i
            let parsed = try card(number: number)
            cardRanges.append(start..<i)
            guard problem == nil else { continue }
            switch parsed {
            case let .failure(error):
                problem = error
            case let .success(card):
                if let earlier = seen[card.id] {
                    problem = .duplicateID(file: file, card: number, id: card.id, firstCard: earlier)
                    continue
                }
                seen[card.id] = number
                cards.append(card)
            }
        }
        return cards
    }

    /// One card object, checked field by field; `number` counts from 1 for messages.
    mutating func card(number: Int) throws -> Result<Card, DeckError> {
        guard try kind() == .object else {
            try skip()
            return .failure(.badCardField(file: file, card: number, field: "card", problem: "must be a JSON object"))
        }
        try expect(UInt8(ascii: "{"))
        var id: String?
        var kind: String?
        var question: String?
        var answer: String?
        var context: String?
        var group: String?
        var alternatives: [String] = []
        var unordered = false
        var fieldProblem: DeckError?
        var firstKey = true
        while let key = try nextKey(&firstKey) {
            func text(_ value: inout String?) throws {
                switch try self.kind() {
                case .string: value = try string()
                case .null: _ = try literal()
                default:
                    try skip()
                    fieldProblem = fieldProblem ?? .badCardField(file: file, card: number, field: key, problem: "must be a string")
                }
            }
            switch key {
            case "id": try text(&id)
            case "kind": try text(&kind)
            case "question": try text(&question)
            case "answer": try text(&answer)
            case "context": try text(&context)
            case "group": try text(&group)
            case "alternatives":
                if try self.kind() == .array {
                    try expect(UInt8(ascii: "["))
                    var firstItem = true
                    while try nextItem(&firstItem) {
                        if try self.kind() == .string {
                            alternatives.append(try string())
                        } else {
                            try skip()
                            fieldProblem =
                                fieldProblem ?? .badCardField(file: file, card: number, field: key, problem: "must be an array of strings")
                        }
                    }
                } else if try self.kind() == .null {
                    _ = try literal()
                } else {
                    try skip()
                    fieldProblem =
                        fieldProblem ?? .badCardField(file: file, card: number, field: key, problem: "must be an array of strings")
                }
            case "unordered":
                switch try self.kind() {
                case .bool: unordered = try literal() ?? false
                case .null: _ = try literal()
                default:
                    try skip()
                    fieldProblem = fieldProblem ?? .badCardField(file: file, card: number, field: key, problem: "must be true or false")
                }
            default:
                try skip()
            }
        }
        if let fieldProblem { return .failure(fieldProblem) }
        guard let id else { return .failure(.badCardField(file: file, card: number, field: "id", problem: "is missing")) }
        if Self.isBlank(id) { return .failure(.emptyCardField(file: file, card: number, id: id, field: "id")) }
        guard let kind else { return .failure(.badCardField(file: file, card: number, field: "kind", problem: "is missing")) }
        guard let question else { return .failure(.badCardField(file: file, card: number, field: "question", problem: "is missing")) }
        guard let answer else { return .failure(.badCardField(file: file, card: number, field: "answer", problem: "is missing")) }
        let blank = Self.isBlank(kind) ? "kind" : Self.isBlank(question) ? "question" : Self.isBlank(answer) ? "answer" : nil
        if let blank { return .failure(.emptyCardField(file: file, card: number, id: id, field: blank)) }
        return .success(
            Card(
                id: id, kind: kind, question: question, answer: answer, context: context,
                alternatives: alternatives, unordered: unordered, group: group))
    }

    static func isBlank(_ text: String) -> Bool {
        for b in text.utf8 {
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { continue }
            if b < 0x80 { return false }
            return text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
        }
        return true
    }
}
