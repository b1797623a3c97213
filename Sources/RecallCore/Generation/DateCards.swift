/// Date cards: every year or full date tied to an event, asked as "In what year did …?".
enum DateCards {
    static func cards(for sentence: SourceText.Sentence, meetings: [Meeting], words: [String]) -> [CardDraft] {
        var drafts: [CardDraft] = []
        let context = sentence.text
        for date in DatePhrase.find(in: words) {
            if let m = meetings.first(where: { $0.year == date.answer && ($0.range.overlaps(date.range) || date.modifiesName && $0.range.contains(date.range.lowerBound + (date.preposition == nil ? 0 : 1))) }) {
                drafts.append(CardDraft(kind: "date", question: "In what year was \(m.name) held?", answer: date.answer,
                                        context: context, alternatives: ["the year \(date.answer)"], line: sentence.line))
                continue
            }
            if date.modifiesName { continue }
            if let q = clauseQuestion(date: date, words: words, meetings: meetings) {
                drafts.append(CardDraft(kind: "date", question: q, answer: date.answer, context: context,
                                        alternatives: date.unit == .year ? ["the year \(date.answer)"] : [], line: sentence.line))
            } else {
                drafts.append(CardDraft(kind: "date", question: cloze(date: date, words: words), answer: date.answer,
                                        context: context, line: sentence.line))
            }
        }
        return drafts
    }

    /// The clause around the date, split from its neighbours at "; " and ", and I …".
    static func segment(containing index: Int, in words: [String]) -> Range<Int> {
        var start = 0
        var end = words.count
        for i in words.indices {
            let trail = Words.split(words[i]).trail
            let next = i + 1 < words.count ? Words.core(words[i + 1]).lowercased() : ""
            let afterNext = i + 2 < words.count ? Words.core(words[i + 2]).lowercased() : ""
            let opensClause = !English.baseVerbs.contains(afterNext) && !["the", "a", "an"].contains(afterNext)
                && !(afterNext.hasSuffix("ly") && i + 3 < words.count && English.baseVerbs.contains(Words.core(words[i + 3]).lowercased()))
            let isBoundary = trail.hasSuffix(";") || (trail.hasSuffix(",") && ["and", "but", "while", "whereas"].contains(next) && opensClause)
            guard isBoundary else { continue }
            if i < index { start = i + 1 } else { end = i + 1; break }
        }
        if start < words.count, ["and", "but", "while", "whereas"].contains(Words.core(words[start]).lowercased()), start + 1 <= index {
            start += 1
        }
        return start..<end
    }

    static func clauseQuestion(date: DatePhrase, words: [String], meetings: [Meeting]) -> String? {
        let span = segment(containing: date.range.lowerBound, in: words)
        let excluded = [date.range] + meetings.map(\.range)
        guard let clause = Clause.parse(words, span: span, skipping: excluded) ?? Clause.parse(words, span: 0..<words.count, skipping: excluded) else { return nil }
        if clause.subject.overlaps(date.range) { return nil }
        let (aux, verb) = clause.questionParts()
        let subject = English.thirdPersonText(Phrase.lowercasedStart(Phrase.join(Phrase.words(words, clause.subject))))
        let rest = Phrase.words(words, clause.rest, removing: [date.range])
        let restText = Phrase.join(rest)
        guard !restText.isEmpty || !verb.isEmpty else { return nil }
        return Phrase.question([date.questionLead, aux, subject] + clause.adverbs + [verb, restText])
    }

    static func cloze(date: DatePhrase, words: [String]) -> String {
        var parts: [String] = []
        let core = date.range.lowerBound + (date.preposition == nil ? 0 : 1)
        for (i, w) in words.enumerated() {
            if i == core { parts.append("____" + Words.split(words[date.range.upperBound - 1]).trail) }
            if (core..<date.range.upperBound).contains(i) { continue }
            parts.append(w)
        }
        let noun = date.unit == .year ? "year" : "date"
        return "Which \(noun) fills the blank: \"\(English.thirdPersonText(Words.trimmedEnd(parts.joined(separator: " "))))\"?"
    }
}
