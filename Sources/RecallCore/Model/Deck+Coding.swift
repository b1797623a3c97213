import Foundation

extension Deck {
    /// Reads and validates a deck from JSON bytes.
    ///
    /// Validation is done field by field, so that the error names the card and the field at
    /// fault rather than a decoder's coding path.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the path to name in errors.
    /// - Throws: ``DeckError``.
    public static func decode(_ data: Data, file: String) throws -> Deck {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [])
        } catch {
            if data.isEmpty { throw DeckError.notJSON(file: file, reason: "the file is empty") }
            if String(data: data, encoding: .utf8) == nil {
                throw DeckError.notJSON(file: file, reason: "the file is not UTF-8 text (binary data?)")
            }
            throw DeckError.notJSON(file: file, reason: "invalid JSON (\(Deck.shortReason(error)))")
        }
        guard let top = object as? [String: Any] else {
            throw DeckError.notJSON(file: file, reason: "the top level is not a JSON object")
        }
        func string(_ key: String) throws -> String {
            guard let value = top[key] else { throw DeckError.badField(file: file, field: key, problem: "is missing") }
            guard let text = value as? String else { throw DeckError.badField(file: file, field: key, problem: "must be a string") }
            return text
        }
        let format = try string("format")
        guard format == Deck.formatName else { throw DeckError.wrongFormat(file: file, found: format) }
        guard let versionValue = top["version"] else {
            throw DeckError.badField(file: file, field: "version", problem: "is missing")
        }
        guard !(versionValue is String), let version = versionValue as? Int else {
            throw DeckError.badField(file: file, field: "version", problem: "must be a whole number")
        }
        guard version == Deck.currentVersion else { throw DeckError.unsupportedVersion(file: file, found: version) }
        let name = try string("name")
        let title = try string("title")
        guard let cardsValue = top["cards"] else { throw DeckError.badField(file: file, field: "cards", problem: "is missing") }
        guard let rawCards = cardsValue as? [Any] else {
            throw DeckError.badField(file: file, field: "cards", problem: "must be an array of cards")
        }

        var source: Source?
        if let rawSource = top["source"], !(rawSource is NSNull) {
            guard let s = rawSource as? [String: Any], let sourceFile = s["file"] as? String,
                  let sha = s["sha256"] as? String
            else {
                throw DeckError.badField(file: file, field: "source", problem: "must be an object with \"file\" and \"sha256\" strings")
            }
            source = Source(file: sourceFile, title: s["title"] as? String, date: s["date"] as? String, sha256: sha)
        }

        var cards: [Card] = []
        cards.reserveCapacity(rawCards.count)
        var seen: [String: Int] = [:]
        for (index, raw) in rawCards.enumerated() {
            let number = index + 1
            guard let c = raw as? [String: Any] else {
                throw DeckError.badCardField(file: file, card: number, field: "card", problem: "must be a JSON object")
            }
            func text(_ key: String, required: Bool = true) throws -> String? {
                guard let value = c[key], !(value is NSNull) else {
                    if required { throw DeckError.badCardField(file: file, card: number, field: key, problem: "is missing") }
                    return nil
                }
                guard let t = value as? String else {
                    throw DeckError.badCardField(file: file, card: number, field: key, problem: "must be a string")
                }
                return t
            }
            let id = try text("id") ?? ""
            if id.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DeckError.emptyCardField(file: file, card: number, id: id, field: "id")
            }
            if let first = seen[id] { throw DeckError.duplicateID(file: file, card: number, id: id, firstCard: first) }
            seen[id] = number
            let kind = try text("kind") ?? ""
            let question = try text("question") ?? ""
            let answer = try text("answer") ?? ""
            for (field, value) in [("kind", kind), ("question", question), ("answer", answer)]
            where value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw DeckError.emptyCardField(file: file, card: number, id: id, field: field)
            }
            var alternatives: [String] = []
            if let rawAlternatives = c["alternatives"], !(rawAlternatives is NSNull) {
                guard let list = rawAlternatives as? [String] else {
                    throw DeckError.badCardField(file: file, card: number, field: "alternatives", problem: "must be an array of strings")
                }
                alternatives = list
            }
            let unordered = (c["unordered"] as? Bool) ?? false
            cards.append(Card(id: id, kind: kind, question: question, answer: answer,
                              context: try text("context", required: false),
                              alternatives: alternatives, unordered: unordered))
        }
        var deck = Deck(name: name, title: title, source: source, cards: cards)
        deck.version = version
        return deck
    }

    /// The deck as pretty, key-sorted JSON, ending with a newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    static func shortReason(_ error: Error) -> String {
        let ns = error as NSError
        if let detail = ns.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return ns.localizedDescription
    }
}
