/// The full names of instruments a text goes on to call by their kind alone (the "‘Falepili Union
/// Treaty’" named once, then "The Treaty prioritizes …"), and of the person it goes on to call
/// "he" or "she" ("PM Netanyahu …", then "while he was here"). A card cannot show the sentence
/// that named them, so it shows the name in brackets, as an editor would: "The [Falepili Union]
/// Treaty", "while he [PM Netanyahu] was here".
enum InstrumentNames {
    /// The key a person's name is kept under.
    static let person = "he"
    /// Titles before a person's name: "PM Netanyahu", "President Yoon Suk Yeol".
    static let titles: Set<String> = [
        "President", "PM", "Prime", "Minister", "Secretary-General", "Chancellor", "King", "Queen", "Premier", "Ambassador",
        "Mr", "Mrs", "Ms", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.",
    ]

    /// What one sentence says of names: a kind named ("treaty" → "Falepili Union Treaty"), met
    /// without a name (nil: forget the one before), or a person named by title.
    typealias Events = [(kind: String, name: String?)]

    /// For each sentence, the instruments named before it, by their kind ("treaty" →
    /// "Falepili Union Treaty"). A kind met again without a name ("an ambitious Declaration",
    /// "the 2021 Declaration on …") forgets the name: the text may speak of another one.
    /// Each sentence is read on every core; only the folding is in order.
    static func known(in sentences: [SourceText.Sentence]) -> [[String: String]] {
        let perSentence = Array(sentences.indices).parallelMap { InstrumentNames.events(in: sentences[$0].text) }
        var names: [String: String] = [:]
        var out: [[String: String]] = []
        out.reserveCapacity(sentences.count)
        // A person named by title is "he" or "she" for the next ten sentences, not for the rest of the text.
        var personNamedAt = 0
        for (i, found) in perSentence.enumerated() {
            if names[person] != nil, i - personNamedAt > 10 { names[person] = nil }
            out.append(names)
            for event in found {
                names[event.kind] = event.name
                if event.kind == person { personNamedAt = i }
            }
        }
        return out
    }

    /// Whether a word opens with a capital letter, looked at as bytes where it can be: most words
    /// of a text open in lower case, or with a digit.
    static func capitalised(_ word: String) -> Bool {
        guard var b = word.utf8.first else { return false }
        if b == 0x22 || b == 0x27 || b == 0x28, word.utf8.count > 1 { b = word.utf8[word.utf8.index(after: word.utf8.startIndex)] }
        if b < 0x80 { return b >= 0x41 && b <= 0x5A }
        return Words.core(word).first?.isUppercase == true
    }

    /// The names one sentence gives and forgets, in order.
    static func events(in text: String) -> Events {
        // A sentence with no capital after its first letter names nothing.
        guard text.utf8.dropFirst().contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return [] }
        let words = Words.of(text)
        var found: Events = []
        if let name = personNamed(words) { found.append((person, name)) }
        for i in words.indices where capitalised(words[i]) {
            let core = Words.core(words[i])
            let kind = core.lowercased()
            guard FactReader.instruments.contains(kind) else { continue }
            // The capitalised words before it, back to a determiner or a stop.
            var start = i
            while start > 0, !Words.endsClause(words[start - 1]), Words.split(words[start - 1]).trail.isEmpty,
                capitalised(words[start - 1]), !English.isFunctionWord(Words.core(words[start - 1]).lowercased())
            {
                start -= 1
            }
            let before = i > 0 ? Words.core(words[i - 1]).lowercased() : ""
            let complemented =
                i + 2 < words.count && Words.split(words[i]).trail.isEmpty
                && ["of", "on", "for"].contains(Words.core(words[i + 1]).lowercased())
                && words[(i + 2)...].prefix(2).contains(where: capitalised)
            if complemented {
                found.append((kind, nil))
            } else if start < i {
                found.append((kind, words[start...i].map { Words.core($0) }.joined(separator: " ")))
            } else if !["the", "this", "that", "its", "our", "their"].contains(before) {
                found.append((kind, nil))
            }
        }
        return found
    }

    /// Whether the text has the word, as written, between characters that are no letters: a
    /// search in the bytes (Foundation's `contains` is many times slower).
    static func says(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return word.withUTF8 { n in
            text.withUTF8 { h in
                guard !n.isEmpty, n.count <= h.count else { return false }
                func letter(_ i: Int) -> Bool { i >= 0 && i < h.count && ((h[i] | 0x20) >= 0x61 && (h[i] | 0x20) <= 0x7A) }
                var i = 0
                while i + n.count <= h.count {
                    if h[i] == n[0], !letter(i - 1), !letter(i + n.count) {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Where a sentence says "he" or "she" of a person it does not name by title itself: the word
    /// the name goes after. The one place that decides it, for ``naming`` and for the lead-in.
    static func pronounSlot(_ words: [String]) -> Int? {
        guard !words.contains(where: { capitalised($0) && titles.contains(Words.core($0)) }) else { return nil }
        return words.firstIndex { ["he", "she"].contains(Words.core($0).lowercased()) }
    }

    /// Whether the text has the word "he" or "she", looked for in its bytes.
    static func saysHeOrShe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            func letter(_ i: Int) -> Bool { i >= 0 && i < b.count && ((b[i] | 0x20) >= 0x61 && (b[i] | 0x20) <= 0x7A || b[i] >= 0x80) }
            var i = 0
            while i + 1 < b.count {
                if b[i] | 0x20 == 0x68, b[i + 1] == 0x65, !letter(i + 2) {
                    let start = i > 0 && b[i - 1] | 0x20 == 0x73 ? i - 1 : i
                    if !letter(start - 1) { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// The first person a sentence names by title: "PM Netanyahu", "Prime Minister Kishida".
    static func personNamed(_ words: [String]) -> String? {
        for i in words.indices where capitalised(words[i]) && (titles.contains(Words.core(words[i])) || titles.contains(words[i])) {
            var j = i + 1
            while j < words.count, j - i <= 4, Words.split(words[j]).lead.isEmpty, capitalised(words[j]),
                !English.isFunctionWord(Words.core(words[j]).lowercased())
            {
                j += 1
                if !Words.split(words[j - 1]).trail.isEmpty { break }
            }
            // A title and at least one name after the titles: not "the President of the Assembly".
            let named = (i + 1..<j).contains { !titles.contains(Words.core(words[$0])) }
            if named { return words[i..<j].map { Words.core($0) }.joined(separator: " ") }
        }
        return nil
    }

    /// The text with each instrument called by its kind alone ("the Treaty", not "the Treaty of
    /// …" or "the Falepili Union Treaty") given its name: "the [Falepili Union] Treaty"; not when
    /// the name is what the card asks.
    static func naming(_ text: String, _ names: [String: String], answer: String) -> String {
        // Most questions hold none of the kinds known and no "he" or "she".
        guard !names.isEmpty, names.keys.contains(where: { key in key == person ? saysHeOrShe(text) : says(text, Words.capitalized(key)) })
        else { return text }
        var words = Words.of(text)
        var changed = false
        // "he" or "she", once, where the text names no one by title itself.
        if let name = names[person], let k = pronounSlot(words), !Words.containsWords(answer, name) {
            let (core, _, trail) = Words.split(words[k])
            words[k] = core + " [" + name + "]" + trail
            changed = true
        }
        for k in words.indices.dropFirst() {
            let core = Words.core(words[k])
            guard core.first?.isUppercase == true, let name = names[core.lowercased()],
                Words.core(words[k - 1]).lowercased() == "the", Words.split(words[k - 1]).trail.isEmpty,
                Words.split(words[k]).lead.isEmpty
            else { continue }
            if k + 1 < words.count, Words.split(words[k]).trail.isEmpty {
                let next = Words.core(words[k + 1])
                if next.first?.isUppercase == true || ["of", "on", "for"].contains(next) { continue }
            }
            let modifiers = Words.of(name).dropLast()
            guard !modifiers.isEmpty, !Words.containsWords(answer, modifiers.joined(separator: " ")) else { continue }
            words[k] = "[" + modifiers.joined(separator: " ") + "] " + words[k]
            changed = true
        }
        return changed ? words.joined(separator: " ") : text
    }
}
