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

    /// For each sentence, the instruments named before it, by their kind ("treaty" →
    /// "Falepili Union Treaty"). A kind met again without a name ("an ambitious Declaration",
    /// "the 2021 Declaration on …") forgets the name: the text may speak of another one.
    static func known(in sentences: [SourceText.Sentence]) -> [[String: String]] {
        var names: [String: String] = [:]
        var out: [[String: String]] = []
        out.reserveCapacity(sentences.count)
        for sentence in sentences {
            out.append(names)
            let words = sentence.words
            if let name = personNamed(words) { names[person] = name }
            for i in words.indices {
                let core = Words.core(words[i])
                guard core.first?.isUppercase == true, case let kind = core.lowercased(), FactReader.instruments.contains(kind) else { continue }
                // The capitalised words before it, back to a determiner or a stop.
                var start = i
                while start > 0, !Words.endsClause(words[start - 1]), Words.split(words[start - 1]).trail.isEmpty,
                      Words.core(words[start - 1]).first?.isUppercase == true, !(start - 1 == 0 && Words.core(words[0]) == "The") {
                    start -= 1
                }
                let before = i > 0 ? Words.core(words[i - 1]).lowercased() : ""
                let complemented = i + 2 < words.count && Words.split(words[i]).trail.isEmpty
                    && ["of", "on", "for"].contains(Words.core(words[i + 1]).lowercased())
                    && words[(i + 2)...].prefix(2).contains { Words.core($0).first?.isUppercase == true }
                if complemented {
                    names[kind] = nil
                } else if start < i {
                    names[kind] = words[start...i].map { Words.core($0) }.joined(separator: " ")
                } else if !["the", "this", "that", "its", "our", "their"].contains(before) {
                    names[kind] = nil
                }
            }
        }
        return out
    }

    /// The first person a sentence names by title: "PM Netanyahu", "Prime Minister Kishida".
    static func personNamed(_ words: [String]) -> String? {
        for i in words.indices where titles.contains(Words.core(words[i])) || titles.contains(words[i]) {
            var j = i + 1
            while j < words.count, j - i <= 4, Words.split(words[j]).lead.isEmpty, let first = Words.core(words[j]).first, first.isUppercase,
                  !English.isFunctionWord(Words.core(words[j]).lowercased()) {
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
        guard !names.isEmpty else { return text }
        var words = Words.of(text)
        var changed = false
        // "he" or "she", once, where the text names no one by title itself.
        if let name = names[person], !words.contains(where: { titles.contains(Words.core($0)) }),
           let k = words.firstIndex(where: { ["he", "she"].contains($0) || ["he,", "she,"].contains($0) }), !Words.containsWords(answer, name) {
            let (core, _, trail) = Words.split(words[k])
            words[k] = core + " [" + name + "]" + trail
            changed = true
        }
        for k in words.indices.dropFirst() {
            let core = Words.core(words[k])
            guard core.first?.isUppercase == true, let name = names[core.lowercased()],
                  Words.core(words[k - 1]).lowercased() == "the", Words.split(words[k - 1]).trail.isEmpty,
                  Words.split(words[k]).lead.isEmpty else { continue }
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
