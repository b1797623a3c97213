/// A card before it has an id: what the extractors produce.
struct CardDraft: Sendable {
    var kind: String
    var question: String
    var answer: String
    var context: String
    var alternatives: [String] = []
    /// The sibling group: the sentence or list the card comes from.
    var group: String?
    /// The source line, for ordering and diagnostics.
    var line: Int
    /// The answer normalised (``Answer/normalized(_:)``), worked out where the drafts are made in
    /// parallel; nil until then.
    var answerKey: String? = nil

    /// The answer normalised, from ``answerKey`` when it was worked out.
    var key: String { answerKey ?? Answer.normalized(answer) }
}

/// Text helpers shared by the extractors.
enum Phrase {
    /// An answer: trailing punctuation trimmed, a leading "that"/"and" removed.
    static func answer(_ text: String) -> String {
        var t = Words.trimmedEnd(Words.folded(text))
        for lead in ["that ", "and ", "or "] where t.lowercased().hasPrefix(lead) { t = String(t.dropFirst(lead.count)) }
        for (open, close) in [("(", ")"), ("“", "”"), ("‘", "’"), ("\"", "\""), ("'", "'")] where t.hasPrefix(open) {
            let inner = Words.trimmedEnd(String(t.dropFirst()))
            if !inner.contains(close) {
                t = inner
            } else if inner.hasSuffix(close), !inner.dropLast().contains(close) {
                // "'inclusive governance upheld by shared responsibility.'": quoted whole.
                t = String(inner.dropLast())
            }
        }
        return Words.trimmedEnd(t)
    }

    /// Cuts a sentence at the first relative or trailing clause (", which", "; ").
    static func core(_ text: String) -> String {
        answer(
            Words.prefix(
                text,
                before: [
                    ", which ", "; ", " — ", ", so that ", ", thus ", ", making ", ", so ", ", particularly ", ", especially ",
                    ", including ",
                ]))
    }
}
