/// Session cards: every named meeting with what was said or decided there, asked both ways.
enum SessionCards {
    static let speechWords: Set<String> = ["speech", "remarks", "address", "statement", "talk", "report", "keynote"]

    static func cards(for sentence: SourceText.Sentence, meetings: [Meeting], words: [String]) -> [CardDraft] {
        var drafts: [CardDraft] = []
        for m in meetings {
            let span = DateCards.segment(containing: m.range.lowerBound, in: words)
            let clause = Clause.parse(words, span: span, skipping: [m.range]) ?? Clause.parse(words, span: 0..<words.count, skipping: [m.range])
            var alternatives = [String(m.name.dropFirst(4))]
            if let y = m.nameWithYear { alternatives.append(y) }
            let yearPart = m.year.map { "in \($0)" } ?? ""
            func add(_ question: String, _ answer: String, _ alts: [String] = []) {
                drafts.append(CardDraft(kind: "session", question: question, answer: answer, context: sentence.text,
                                        alternatives: alts, line: sentence.line))
            }
            guard let clause else { continue }
            let (aux, verb) = clause.questionParts()
            let subject = English.thirdPersonText(Phrase.lowercasedStart(Phrase.join(Phrase.words(words, clause.subject))))
            let reporting = clause.base.map { English.reportingVerbs.contains(String($0.split(separator: " ")[0])) } ?? false

            if clause.prefix.contains(m.range.lowerBound) {
                // "At M in 2016, I emphasized P."
                let before = Phrase.words(words, clause.prefix.lowerBound..<m.range.lowerBound)
                let after = Phrase.words(words, m.range.upperBound..<clause.prefix.upperBound)
                let rest = Phrase.join(Phrase.words(words, clause.rest))
                add(Phrase.question(before + ["which meeting", yearPart] + after + [aux, subject] + clause.adverbs + [verb, rest]),
                    m.name, alternatives)
                let prep = before.last.map { Words.core($0).lowercased() } ?? ""
                if reporting, ["at", "in", "during", "to"].contains(prep) || before.count > 1 {
                    let point = self.point(rest)
                    let place = Phrase.lowercasedStart(Phrase.join(Phrase.words(words, clause.prefix)))
                    if point.split(separator: " ").count >= 2 {
                        add(Phrase.question(["What", aux, subject, verb, place]), point)
                    }
                }
            } else if clause.rest.contains(m.range.lowerBound) {
                // "The Committee decided at its Fifth Plenary Session in 2015 to implement P."
                let prepIndex = m.range.lowerBound - 1
                let prepWord = prepIndex >= clause.rest.lowerBound ? Words.core(words[prepIndex]).lowercased() : ""
                guard ["at", "in", "during", "to", "by", "since", "from"].contains(prepWord) else { continue }
                let restWords = Phrase.words(words, clause.rest, removing: [prepIndex..<m.range.upperBound])
                let rest = Phrase.join(restWords)
                add(Phrase.question([Words.capitalized(prepWord), "which meeting", yearPart, aux, subject] + clause.adverbs + [verb, rest]),
                    m.name, alternatives)
                if reporting {
                    let point = self.point(rest)
                    if point.split(separator: " ").count >= 2 {
                        add(Phrase.question(["What", aux, subject, verb, prepWord, m.possessiveName ?? m.name]), point)
                    }
                }
            } else if clause.subject.contains(m.range.lowerBound) {
                // "The 19th CPC National Congress in 2017 proposed P."
                let rest = Phrase.join(Phrase.words(words, clause.rest))
                let shown = clause.auxiliary == nil ? clause.verb : clause.auxiliary.map { $0 + " " + clause.verb } ?? clause.verb
                add(Phrase.question(["Which meeting", yearPart] + clause.adverbs + [shown, rest]), m.name, alternatives)
                if reporting {
                    let point = self.point(rest)
                    if point.split(separator: " ").count >= 2 {
                        add(Phrase.question(["What", aux, m.name, verb]), point)
                    }
                }
            }
        }
        return drafts
    }

    /// A note such as "Main part of the speech at M": the meeting the document was given at.
    static func noteCards(for note: SourceText.Sentence, title: String?, date: String?) -> [CardDraft] {
        let words = note.text.split(separator: " ").map(String.init)
        var drafts: [CardDraft] = []
        for m in MeetingFinder.find(in: words) {
            let before = words[..<m.range.lowerBound].map { Words.core($0).lowercased() }
            guard before.contains(where: speechWords.contains), let title else { continue }
            let noun = before.last(where: speechWords.contains) ?? "speech"
            drafts.append(CardDraft(kind: "session", question: "At which meeting was the \(noun) \"\(title)\" delivered?",
                                    answer: m.name, context: note.text, alternatives: [String(m.name.dropFirst(4))], line: note.line))
            drafts.append(CardDraft(kind: "session", question: "Which \(noun) did the speaker deliver at \(m.name)?",
                                    answer: title, context: note.text, line: note.line))
            if let date {
                drafts.append(CardDraft(kind: "date", question: "On what date was \(m.name) held?", answer: date,
                                        context: note.text, line: note.line))
            }
        }
        return drafts
    }

    /// What was said: the rest of the clause without "that", "we must" or a leading adverb.
    static func point(_ rest: String) -> String {
        var t = Phrase.answer(rest)
        var changed = true
        while changed {
            changed = false
            for lead in ["once again ", "again ", "also ", "further ", "repeatedly ", "on many occasions ", "that "] where t.lowercased().hasPrefix(lead) {
                t = String(t.dropFirst(lead.count)); changed = true
            }
            let stripped = Phrase.strippingModalSubject(t)
            if stripped.stripped { t = stripped.text; changed = true }
        }
        return Phrase.core(t)
    }
}
