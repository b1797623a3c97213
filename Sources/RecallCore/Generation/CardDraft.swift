/// A card before it has an id: what the extractors produce.
struct CardDraft: Sendable {
    var kind: String
    var question: String
    var answer: String
    var context: String
    var alternatives: [String] = []
    var unordered: Bool = false
    /// The source line, for ordering and diagnostics.
    var line: Int
}

/// Text helpers shared by the extractors.
enum Phrase {
    /// Joins words, folds spaces and tidies spaces before punctuation.
    static func join(_ parts: [String]) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for part in parts {
            for s in part.unicodeScalars {
                if s == " " || s == "\t" || s == "\n" { pendingSpace = !out.isEmpty; continue }
                let tight = s == "," || s == ";" || s == "?" || s == ":"
                if s == ",", out.last == "," { pendingSpace = false; continue }
                if pendingSpace, !tight { out.append(" ") }
                pendingSpace = false
                out.append(s)
            }
            pendingSpace = !out.isEmpty
        }
        return String(out)
    }

    /// Words in a range, skipping the ones in `removed`.
    static func words(_ words: [String], _ range: Range<Int>, removing removed: [Range<Int>] = []) -> [String] {
        range.filter { i in !removed.contains(where: { $0.contains(i) }) }.map { words[$0] }
    }

    /// A question from pieces: first person rewritten, capitalised, ending in "?".
    static func question(_ parts: [String]) -> String {
        var text = English.thirdPersonText(join(parts))
        text = Words.trimmedEnd(text)
        while text.hasSuffix(",") { text.removeLast() }
        return Words.capitalized(text) + "?"
    }

    /// An answer: trailing punctuation trimmed, a leading "that"/"and" removed.
    static func answer(_ text: String) -> String {
        var t = Words.trimmedEnd(Words.folded(text))
        for lead in ["that ", "and ", "or "] where t.lowercased().hasPrefix(lead) { t = String(t.dropFirst(lead.count)) }
        return t
    }

    /// Strips "we will", "we must", "we should", "I will" … from the start of a directive.
    static func strippingModalSubject(_ text: String) -> (text: String, stripped: Bool) {
        let lower = text.lowercased()
        for subject in ["we ", "i ", "the speaker "] where lower.hasPrefix(subject) {
            let afterSubject = lower.dropFirst(subject.count)
            for modal in ["will ", "must ", "should ", "shall ", "need to ", "have to ", "are going to ", "must continue to ", "will continue to "]
            where afterSubject.hasPrefix(modal) {
                return (String(text.dropFirst(subject.count + modal.count)), true)
            }
        }
        return (text, false)
    }

    /// Cuts a sentence at the first relative or trailing clause (", which", "; ").
    static func core(_ text: String) -> String {
        answer(Words.prefix(text, before: [", which ", "; ", " — ", ", so that ", ", thus ", ", making "]))
    }

    /// Lowercases the first letter unless the first word is a name or "I".
    static func lowercasedStart(_ text: String) -> String {
        guard let firstWord = text.split(separator: " ").first else { return text }
        let w = String(firstWord)
        if w == "I" || w.dropFirst().contains(where: \.isUppercase) { return text }
        let common: Set<String> = ["the", "at", "in", "on", "during", "since", "when", "a", "an", "its", "their", "my", "our", "to", "for", "from", "after", "by", "with", "according"]
        if common.contains(w.lowercased()) { return w.lowercased() + text.dropFirst(w.count) }
        return text
    }
}
