import Foundation
import RecallCLI
import RecallCore

/// The targets that need no file: each reads text, and checks what must hold of its answer.
enum TextTargets {
    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    /// A deck read is written by the deck writer and read back to the same deck.
    static func deck(_ bytes: [UInt8]) throws(BrokenPromise) {
        guard let deck = try? Deck.decode(Data(bytes), file: "fuzz.json") else { return }
        try roundTrip(deck)
    }

    static func roundTrip(_ deck: Deck) throws(BrokenPromise) {
        let written: Data
        do { written = try deck.encoded() } catch { throw BrokenPromise("a deck could not be written: \(error)") }
        let again: Deck
        do { again = try Deck.decode(written, file: "fuzz.json") } catch {
            throw BrokenPromise("a written deck could not be read: \(error)")
        }
        try require(again == deck, "a deck read back is not the deck written")
    }

    /// The generator takes any text; what it makes is clean card text that reads back.
    static func generator(_ bytes: [UInt8]) throws(BrokenPromise) {
        let options = GenerationOptions(name: "fuzz", sourceFile: "fuzz.txt")
        guard let result = try? DeckGenerator.generate(data: Data(bytes), options: options) else { return }
        for card in result.deck.cards {
            for text in [card.question, card.answer] + card.alternatives + [card.context ?? ""] {
                try require(isPrintable(text), "card \(card.id) holds a control character")
            }
            try require(!card.answer.isEmpty, "card \(card.id) has an empty answer")
        }
        try roundTrip(result.deck)
    }

    /// The expected answer, a line break, then the typed one; the first byte picks the kind.
    static func grader(_ bytes: [UInt8]) throws(BrokenPromise) {
        let all = text(bytes)
        let parts = all.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let answer = String(parts[0])
        let typed = parts.count > 1 ? String(parts[1]) : ""
        let kinds = DeckGenerator.kinds + ["custom"]
        let pick = Int(bytes.first ?? 0)
        let card = Card(
            id: "f", kind: kinds[pick % kinds.count], question: "Q?", answer: answer, alternatives: pick & 8 == 0 ? [] : [typed],
            unordered: pick & 16 != 0)
        let grader = AnswerGrader(deck: [card, Card(id: "g", kind: card.kind, question: "R?", answer: typed)])
        let verdict = grader.verdict(typed, for: card)
        let grade = grader.suggestedGrade(verdict, seconds: 1, card: card)
        try require((0...5).contains(grade), "grade \(grade) is outside 0-5")
        try require((grade == 0) == (verdict == .blank), "grade \(grade) for \(verdict): 0 is for a blank answer only")
        // The answer itself is correct (one item, with words to read, not naming a weekday,
        // which is checked against the date).
        let words = Answer.tokens(answer)
        if !answer.contains("; "), !words.isEmpty, !AnswerGrader.isUnread(answer, for: card),
            !words.contains(where: { ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains($0) })
        {
            try require(grader.verdict(answer, for: card) == .correct, "the answer itself is \(grader.verdict(answer, for: card))")
        }
        if case let .partial(recalled, of) = verdict {
            try require(recalled >= 0 && recalled <= of, "\(recalled) of \(of) items recalled")
        }
    }

    /// Study days read back as themselves; a document date's text reads back as itself.
    static func date(_ bytes: [UInt8]) throws(BrokenPromise) {
        let line = text(bytes)
        if case let .success(day) = Day.studyDay(parsing: line) {
            try require(Day("\(day)") == day, "\(day) does not read back")
            try require(Day.studyDays.contains(day.ordinal), "\(day) is not a study day")
        }
        if let day = Day(line) {
            try require(Day("\(day)") == day, "\(day) does not read back")
        }
        if let date = CalendarDate(parsing: line) {
            try require(CalendarDate(parsing: date.text(dayFirst: false)) == date, "\(date) does not read back month first")
            try require(CalendarDate(parsing: date.text(dayFirst: true)) == date, "\(date) does not read back day first")
        }
        _ = Answer.tokens(line)
        _ = Answer.tokens(line, monthFirst: true, correctingTypos: true)
        _ = Answer.normalized(line)
    }

    /// Each line as the prompt reads it: what is shown back holds no control character.
    static func repl(_ bytes: [UInt8]) throws(BrokenPromise) {
        for raw in text(bytes).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = Sanitizer.plain(String(raw))
            try require(isPrintable(line), "the prompt would show a control character")
            if line.hasPrefix(":"), let command = try? REPLCommand(parsing: line) {
                // A command is its own name or a prefix of it.
                let word = line.trimmingCharacters(in: .whitespaces).dropFirst().lowercased()
                try require(!word.isEmpty && command.rawValue.hasPrefix(word), "'\(line)' was read as :\(command.rawValue)")
            }
            _ = REPLCommand.complete(line: line, word: line)
        }
    }

    /// Any text: the escape reads back, the two escape writers agree, and a deck holding the text
    /// in every field reads back equal.
    static func json(_ bytes: [UInt8]) throws(BrokenPromise) {
        let s = text(bytes)
        var quoted = ""
        JSONText.appendQuoted(s, to: &quoted)
        var quotedBytes: [UInt8] = []
        JSONText.appendQuoted(s, to: &quotedBytes)
        try require(Array(quoted.utf8) == quotedBytes, "the two escape writers disagree")
        // In bytes: a character that joins the one after it (U+0600) makes one Character with
        // the closing quote.
        try require(quotedBytes.count >= 2 && quotedBytes.first == 0x22 && quotedBytes.last == 0x22, "the escape is not quoted")
        let read: String
        do { read = try JSONText.unescape(String(decoding: quotedBytes.dropFirst().dropLast(), as: UTF8.self)) } catch {
            throw BrokenPromise("a written escape could not be read: \(error)")
        }
        try require(read == s, "the escape does not read back")
        let card = Card(id: "c" + s, kind: "custom", question: "Q" + s, answer: "A" + s, context: s, alternatives: [s], group: s)
        try roundTrip(Deck(name: "fuzz", title: s, cards: [card]))
    }

    /// No C0 or C1 control character, DEL or escape: what may reach the terminal.
    static func isPrintable(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) }
    }
}
