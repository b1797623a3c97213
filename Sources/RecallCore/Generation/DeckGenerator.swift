import Crypto
import Foundation

/// A sentence the generator read but could not use, with its line: a finding, not a failure.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line in the source text.
    public var line: Int
    /// What was not used, and why.
    public var message: String

    /// Makes a diagnostic.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Why no deck could be made from a text at all.
public enum GenerationError: Error, Equatable, LocalizedError {
    /// The text is empty or only whitespace.
    case emptyText(file: String)
    /// The bytes are not UTF-8 text.
    case notText(file: String, offset: Int)

    /// The same error naming the source as the user gave it ("/bin/ls", not "ls").
    public func naming(_ path: String) -> GenerationError {
        switch self {
        case .emptyText: return .emptyText(file: path)
        case let .notText(_, offset): return .notText(file: path, offset: offset)
        }
    }

    public var errorDescription: String? {
        switch self {
        case let .emptyText(file): return "source '\(file)' is empty: there is no text to make cards from"
        case let .notText(file, offset):
            return "source '\(file)' is not plain UTF-8 text (binary data at byte \(offset)); give a .txt file"
        }
    }
}

/// What to generate.
public struct GenerationOptions: Sendable {
    /// The deck's short name.
    public var name: String
    /// The deck's title; the document's own title when nil.
    public var title: String?
    /// The document's date, for texts without a dateline; relative dates ("last year") are
    /// resolved against it. The dateline's date when nil.
    public var date: CalendarDate?
    /// The source file's name, recorded in the deck.
    public var sourceFile: String
    /// Only cards of these kinds; all kinds when nil.
    public var kinds: Set<String>?
    /// At most this many cards, in document order.
    public var limit: Int?

    /// Makes options.
    public init(
        name: String, title: String? = nil, date: CalendarDate? = nil, sourceFile: String, kinds: Set<String>? = nil, limit: Int? = nil
    ) {
        self.name = name
        self.title = title
        self.date = date
        self.sourceFile = sourceFile
        self.kinds = kinds
        self.limit = limit
    }
}

/// A generated deck with the generator's findings.
public struct GenerationResult: Sendable {
    /// The deck; it may have no cards when the text states no facts.
    public var deck: Deck
    /// Sentences the generator could not use.
    public var diagnostics: [Diagnostic]
    /// The year relative dates were read against, when the text gave no date and none was given.
    public var assumedYear: AssumedYear?
}

/// Turns a speech or policy text into cards: dates, meetings, the items of its lists and its
/// figures, mostly as clozes of the speaker's own sentences.
///
/// The rules are general English rules (how speeches state dates, name meetings, signpost and
/// punctuate lists); nothing here knows any one document. The output depends only on the text
/// and the options.
public enum DeckGenerator {
    /// The kinds this generator makes.
    public static let kinds = ["date", "session", "directive", "figure"]

    /// Generates a deck from raw bytes, checking that they are text first.
    /// - Throws: ``GenerationError`` when the bytes are empty or not UTF-8 text.
    public static func generate(data: Data, options: GenerationOptions) throws -> GenerationResult {
        if let nul = data.firstIndex(of: 0) { throw GenerationError.notText(file: options.sourceFile, offset: nul - data.startIndex) }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GenerationError.notText(file: options.sourceFile, offset: firstInvalidUTF8(data))
        }
        return try generate(text: text, sha256: SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined(), options: options)
    }

    /// Generates a deck from text.
    public static func generate(text: String, sha256: String? = nil, options: GenerationOptions) throws -> GenerationResult {
        guard text.contains(where: { !$0.isWhitespace }) else { throw GenerationError.emptyText(file: options.sourceFile) }
        // Sanitised once here, so no card text can carry a control character or escape.
        let source = SourceText(Sanitizer.plain(text, keepingLineBreaks: true))
        let stated = options.date ?? source.date
        // Without a date, the year the text's own years point to, for its relative dates.
        let assumed = stated == nil ? AssumedYear.infer(from: source) : nil
        var reader = FactReader(source: source, date: stated, reference: assumed.map { CalendarDate(year: $0.year) })
        let drafts = reader.drafts()
        var diagnostics = reader.diagnostics

        // Keep the first of equal questions; drop answers the question gives away.
        var seen = Set<String>()
        // The normalised questions asked so far of each kind and answer.
        var similar: [String: [String]] = [:]
        var datesAsked: [String: Int] = [:]
        var kept: [(card: Card, line: Int)] = []
        // A text that repeats itself repeats cards: those go before the costly normalising.
        var written = Set<String>()
        let ordered = drafts.filter {
            (options.kinds?.contains($0.kind) ?? true) && written.insert($0.question + "\u{1F}" + $0.answer).inserted
        }
        // Normalising and the ids are the costly part of this loop, and each
        // depends on its draft alone: done on every core.
        let prepared = ordered.parallelMap { draft -> Prepared in
            let key = Answer.normalized(draft.question)
            let answerKey = draft.key
            return Prepared(
                key: key, answerKey: answerKey,
                dateCue: draft.kind == "date" ? dateCue(draft.question) : nil,
                id: stableID(kind: draft.kind, question: key, answer: answerKey),
                alternatives: unique(draft.alternatives.filter { Answer.normalized($0) != answerKey }))
        }
        for (draft, p) in zip(ordered, prepared) {
            let (key, answerKey) = (p.key, p.answerKey)
            guard !seen.contains(key + "\u{1F}" + answerKey), !draft.answer.isEmpty else { continue }
            if !answerKey.isEmpty, Words.containsWords(key, answerKey) {
                diagnostics.append(
                    Diagnostic(line: draft.line, message: "question would give away its answer \"\(draft.answer)\"; card left out"))
                continue
            }
            // The same fact asked again from a sentence the speaker repeated: the same answer to a
            // question of nearly the same words.
            let asked = similar[draft.kind + "\u{1F}" + answerKey, default: []]
            if !asked.isEmpty, case let words = Set(key.split(separator: " ")),
                asked.contains(where: { question in
                    let other = Set(question.split(separator: " "))
                    return words.intersection(other).count * 5 >= min(words.count, other.count) * 4
                })
            {
                diagnostics.append(
                    Diagnostic(
                        line: draft.line, message: "repeats an earlier card's question and answer \"\(draft.answer)\"; card left out"))
                continue
            }
            // The same date asked after the same words ("our G20 presidency in ____" and "through our
            // G20 Presidency in ____"): the same fact from another sentence.
            if let cue = p.dateCue {
                let key = answerKey + "\u{1F}" + cue
                if let line = datesAsked[key] {
                    diagnostics.append(
                        Diagnostic(line: draft.line, message: "asks the date \"\(draft.answer)\" of line \(line) again; card left out"))
                    continue
                }
                datesAsked[key] = draft.line
            }
            similar[draft.kind + "\u{1F}" + answerKey, default: []].append(key)
            seen.insert(key + "\u{1F}" + answerKey)
            kept.append(
                (
                    Card(
                        id: p.id, kind: draft.kind, question: draft.question, answer: draft.answer, context: draft.context,
                        alternatives: p.alternatives, group: draft.group), draft.line
                ))
        }
        var cards = withoutInterference(kept, diagnostics: &diagnostics)
        if let limit = options.limit, cards.count > limit { cards = Array(cards.prefix(limit)) }
        let title = options.title ?? source.title.map(\.text) ?? options.name
        let date = stated.map { $0.text(dayFirst: source.dayFirst) }
        let deck = Deck(
            name: options.name, title: title,
            source: Deck.Source(
                file: options.sourceFile, title: source.title?.text, date: date,
                sha256: sha256 ?? SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()),
            cards: cards)
        return GenerationResult(deck: deck, diagnostics: diagnostics.sorted { $0.line < $1.line }, assumedYear: assumed)
    }

    /// Meeting clozes that read alike but want different names ("In March this year, during
    /// Japan's presidency of the Security Council, Japan held the ____" and "… Japan chaired the
    /// ____") have two right answers each: both are left out, and the dates of those sentences
    /// are asked with the names in view.
    /// - Parameter kept: the cards so far, each with the line it comes from.
    static func withoutInterference(_ kept: [(card: Card, line: Int)], diagnostics: inout [Diagnostic]) -> [Card] {
        func content(_ question: String) -> Set<String> {
            Set(
                Words.of(question).map { Words.core($0).lowercased() }.filter {
                    !$0.isEmpty && English.isContentWord($0) && !$0.contains("_")
                })
        }
        let cards = kept.map(\.card)
        let sessions = cards.indices.filter { cards[$0].kind == "session" && cards[$0].isCloze }
        // (The words of its own sentence: a sentence shown before it as a lead-in is no part of its cue.)
        let words = sessions.map { content(cards[$0].question).intersection(content(cards[$0].context ?? cards[$0].question)) }
        let answers = sessions.map { Answer.normalized(cards[$0].answer) }
        var drop = Set<Int>()
        for a in sessions.indices {
            for b in sessions.indices where b > a && cards[sessions[a]].group != cards[sessions[b]].group && answers[a] != answers[b] {
                let shared = words[a].intersection(words[b]).count
                if shared >= 3, shared * 5 >= min(words[a].count, words[b].count) * 3 {
                    drop.insert(sessions[a])
                    drop.insert(sessions[b])
                }
            }
        }
        for i in drop.sorted() {
            diagnostics.append(
                Diagnostic(line: kept[i].line, message: "the cloze for \"\(cards[i].answer)\" reads like another meeting's; card left out"))
        }
        return cards.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
    }

    /// The two words before a date's gap, when the first is a content word ("presidency in"):
    /// what the date is the date of.
    static func dateCue(_ question: String) -> String? {
        let words = Words.of(question)
        guard let gap = words.firstIndex(where: { $0.contains(Card.gap) }), gap >= 2 else { return nil }
        let cue = words[(gap - 2)..<gap].map { Words.core($0).lowercased() }
        // A verb ("adopted in") says too little: many things were adopted in 2015.
        guard English.wordClass(cue[0]).isDisjoint(with: .function), !cue[0].isEmpty, !cue[0].hasSuffix("ed"),
            !words[gap - 2].hasSuffix(",")
        else { return nil }
        return cue.joined(separator: " ")
    }

    static func unique(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { seen.insert(Answer.normalized($0)).inserted }
    }

    /// What the choice of cards needs to know of one draft, worked out on any core.
    struct Prepared: Sendable {
        /// The question and answer normalised with ``Answer/normalized(_:)``.
        var key: String, answerKey: String
        /// The words before a date's gap, for a date card (see ``dateCue(_:)``).
        var dateCue: String?
        var id: String
        /// The alternatives that differ from the answer and each other.
        var alternatives: [String]
    }

    /// An id that depends only on what the card asks and answers, so that regenerating an
    /// edited text keeps the id (and the progress) of every unchanged card.
    /// - Parameters: question and answer already normalised with ``Answer/normalized(_:)``.
    static func stableID(kind: String, question: String, answer: String) -> String {
        let key = kind + "\u{1F}" + question + "\u{1F}" + answer
        let digits = Array("0123456789abcdef")
        var hex = ""
        for byte in SHA256.hash(data: Data(key.utf8)).prefix(6) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return "\(kind.prefix(1))-\(hex)"
    }

    /// The offset of the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(scalar): offset += UTF8.width(scalar)
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }
}
