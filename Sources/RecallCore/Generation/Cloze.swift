/// Cloze cards: the speaker's sentence with one phrase blanked out.
///
/// A deck stores a cloze as an ordinary card whose question holds the gap `____` (four
/// underscores) and whose answer is the blanked phrase; a long sentence is cut to the clauses
/// around the gap, with "…" where words were left out.
enum Cloze {
    /// The gap as it appears in a question.
    static let gap = Card.gap

    /// The sentence with `blank` replaced by the gap, showing at least `keep` (the whole list of a
    /// list item) and at most about `maxWords` words.
    static func question(_ words: [String], blank: Range<Int>, keep: Range<Int>? = nil, maxWords: Int = 35) -> String {
        let core =
            keep.map { $0.clamped(to: 0..<words.count) }.map { min($0.lowerBound, blank.lowerBound)..<max($0.upperBound, blank.upperBound) }
            ?? blank
        // The gap shows as one word, so the words it hides leave room for context.
        let shown = window(words, around: core, maxWords: maxWords + blank.count - 1)
        var out: [String] = []
        if shown.lowerBound > 0 { out.append("…") }
        var i = shown.lowerBound
        while i < shown.upperBound {
            if i == blank.lowerBound {
                let lead = Words.split(words[blank.lowerBound]).lead
                var trail = Words.split(words[blank.upperBound - 1]).trail
                // A bracket opened inside the gap closes inside it: "in 26 years’ time (2050)".
                if blank.count > 1, trail.hasPrefix(")"),
                    words[(blank.lowerBound + 1)..<blank.upperBound].contains(where: { $0.hasPrefix("(") })
                {
                    trail.removeFirst()
                }
                out.append(lead.filter { !"$€£".contains($0) } + gap + trail.filter { !"%".contains($0) })
                i = blank.upperBound
                continue
            }
            out.append(words[i])
            i += 1
        }
        var text = out.joined(separator: " ")
        if shown.upperBound < words.count {
            text = Words.trimmedEnd(text) + " …"
        }
        return text
    }

    /// The words to show: the clauses around `core`, growing outward while they fit.
    static func window(_ words: [String], around core: Range<Int>, maxWords: Int) -> Range<Int> {
        guard words.count > maxWords else { return 0..<words.count }
        // Clause boundaries: after a word ending in , ; : or a dash.
        var starts = [0]
        for i in words.indices.dropLast() {
            if Words.endsClause(words[i]) { starts.append(i + 1) }
        }
        starts.append(words.count)
        var lo = starts.last { $0 <= core.lowerBound } ?? 0
        var hi = starts.first { $0 >= core.upperBound } ?? words.count
        if hi - lo > maxWords {
            // One long clause: a window of words around the core.
            let extra = max(0, maxWords - core.count)
            lo = max(0, core.lowerBound - extra / 2)
            hi = min(words.count, max(core.upperBound, lo + maxWords))
            return lo..<hi
        }
        // Grow to the right first: what follows a gap (what was said, what was done) is the best cue.
        var grew = true
        while grew {
            grew = false
            if let next = starts.first(where: { $0 > hi }), next - lo <= maxWords {
                hi = next
                grew = true
                continue
            }
            if let previous = starts.last(where: { $0 < lo }), hi - previous <= maxWords {
                lo = previous
                grew = true
            }
        }
        // A sentence's opening of a few words ("To that end, my President, | standing in this very
        // hall ____, pledged …") holds its subject: it is worth more than the last clauses.
        if lo >= 2, lo <= 8 {
            var h = hi
            while h > maxWords, let shorter = starts.last(where: { $0 < h && $0 >= core.upperBound }) { h = shorter }
            if h <= maxWords, h >= core.upperBound + 3 {
                lo = 0
                hi = h
            }
        }
        // A window that shows a few words before its gap and no subject ("… upon request, ____,
        // when …") takes the room left over from the end of the clause before, from where a phrase
        // opens: "… to come to the aid of Tuvalu, upon request, ____, when …" says what it is about.
        let subject = (lo..<core.lowerBound).contains { k in
            let word = Words.core(words[k])
            return ["i", "we", "they", "he", "she"].contains(word.lowercased()) || word.first?.isUppercase == true
        }
        if lo > 0, core.lowerBound - lo <= 4, !subject, hi - lo <= maxWords - 5,
            let from = ((hi - maxWords + 1)..<(lo - 1)).first(where: { k in
                k > 0 && English.isFunctionWord(Words.core(words[k]).lowercased())
            })
        {
            lo = from
        }
        return lo..<hi
    }
}
