/// Reads a document's facts and writes their cards: the header's date and meeting, and for every
/// sentence its dates, meetings, figures and list items, then the signposted lists.
struct FactReader {
    let source: SourceText
    /// The document's date, asked on a card of its own (relative dates are read against the
    /// tagger's reference: this date, or a year assumed for an undated text).
    let date: CalendarDate?
    let tagger: TemporalTagger
    /// What the reader could not use.
    var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - date: the document's date, asked on a card of its own.
    ///   - reference: what relative dates are read against: the date, or a year assumed for it.
    init(source: SourceText, date: CalendarDate?, reference: CalendarDate? = nil) {
        self.source = source
        self.date = date
        tagger = TemporalTagger(reference: reference ?? date, dayFirst: source.dayFirst)
    }

    /// Every card, in document order.
    mutating func drafts() -> [CardDraft] {
        var drafts = headerCards()
        let tagger = self.tagger
        let sentences = source.sentences
        // The last two words of the meeting the document was given at ("General Assembly"), to know "this year's
        // General Assembly" for the occasion itself.
        let occasion = drafts.first { $0.kind == "session" }.map { Words.of($0.answer).suffix(2).map { $0.lowercased() } }
        let names = InstrumentNames.known(in: sentences)
        let read = Array(sentences.indices).parallelMap { i in
            // The sentence before, across a paragraph break: what a pronoun at the start points to.
            let previous = i > 0 ? sentences[i - 1].text : nil
            return FactReader.cards(from: sentences[i], previous: previous, tagger: tagger, occasion: occasion, names: names[i])
        }
        var meetingCards: [String: Int] = [:]
        // The items of each list so far, to know a list the speaker says again.
        var listsSaid: [(items: [String], line: Int)] = []
        // Each item's first and last word, to the lists that hold it: an item said again in whole
        // or in part ("human dignity" and "human dignity for present and future generations",
        // "peace" and "lasting peace") starts or ends alike.
        var listsByEdge: [String: [Int]] = [:]
        func edges(_ item: String) -> [String] {
            let w = Words.of(item)
            return [w.first ?? "", "…" + (w.last ?? "")]
        }
        for (sentence, result) in zip(sentences, read) {
            let items = result.drafts.filter { $0.kind == "directive" }.map(\.key)
            var repeated: Int?
            if items.count >= 2 {
                // Two items said again make the list a repeat.
                func same(_ a: String, _ b: String) -> Bool { Words.containsWords(a, b) || Words.containsWords(b, a) }
                var matched: [Int: Int] = [:]
                for item in items {
                    let candidates = Set(edges(item).flatMap { listsByEdge[$0] ?? [] })
                    for k in candidates where listsSaid[k].items.contains(where: { same($0, item) }) { matched[k, default: 0] += 1 }
                }
                repeated = matched.filter { $0.value >= 2 }.keys.min().map { listsSaid[$0].line }
                if let line = repeated {
                    diagnostics.append(
                        Diagnostic(
                            line: sentence.line,
                            message: "\"\(FactReader.opening(sentence.text))\": repeats the list of line \(line); its items are asked there"
                        ))
                } else {
                    for item in items { for edge in edges(item) { listsByEdge[edge, default: []].append(listsSaid.count) } }
                    listsSaid.append((items, sentence.line))
                }
            }
            for draft in result.drafts {
                if repeated != nil, draft.kind == "directive" { continue }
                if draft.kind == "session" {
                    // A meeting named again and again is asked where it is first named, and where a date comes with it.
                    let key = draft.key
                    let dated = result.drafts.contains { $0.kind == "date" }
                    if let n = meetingCards[key], n >= 2 || !dated { continue }
                    meetingCards[key, default: 0] += 1
                }
                drafts.append(draft)
            }
            if result.drafts.isEmpty, let reason = result.unused {
                diagnostics.append(Diagnostic(line: sentence.line, message: "\"\(FactReader.opening(sentence.text))\": \(reason)"))
            }
        }
        let lists = ListFinder.signposted(source, openings: read.map(\.signpost), diagnostics: &diagnostics)
        // A sentence that introduces a numbered list and names its items ("three functions: a
        // facilitator, a supporter and an initiator") is asked through the list's own cards.
        // When it names as many items as the list has, each name is accepted for its item.
        let introGroups = lists.map { $0.items.first.flatMap { source.sentence(before: $0.sentence) }.map(FactReader.group(of:)) }
        let introductions = Set(introGroups.compactMap { $0 })
        var named: [String: [String]] = [:]
        for draft in drafts where draft.kind == "directive" {
            if let group = draft.group, introductions.contains(group) { named[group, default: []].append(draft.answer) }
        }
        for (k, list) in lists.enumerated() {
            let names = introGroups[k].flatMap { named[$0] } ?? []
            drafts += FactReader.orderedCards(list, number: k, names: names.count == list.items.count ? names : [])
        }
        drafts.removeAll { $0.kind == "directive" && $0.group.map(introductions.contains) == true }
        // "The Treaty" a card cannot show the naming of is "The [Falepili Union] Treaty" (a
        // sentence's cards are named where they are read; a signposted list's by its item's line).
        if !lists.isEmpty {
            var namesByLine: [Int: [String: String]] = [:]
            for (sentence, known) in zip(sentences, names) where !known.isEmpty && namesByLine[sentence.line] == nil {
                namesByLine[sentence.line] = known
            }
            for k in drafts.indices where drafts[k].group?.hasPrefix("l") == true {
                if let known = namesByLine[drafts[k].line] {
                    drafts[k].question = InstrumentNames.naming(drafts[k].question, known, answer: drafts[k].answer)
                }
            }
        }
        return drafts.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// The sibling group of the cards made from one sentence.
    static func group(of sentence: SourceText.Sentence) -> String { "s\(sentence.paragraph).\(sentence.index)" }

    // MARK: The header

    /// What the document calls itself: "statement", "speech", "remarks".
    var documentNoun: String {
        let words = ((source.title?.text ?? "") + " " + source.notes.map(\.text).joined(separator: " ")).lowercased()
        for (word, noun) in [
            ("remarks", "remarks"), ("statement", "statement"), ("address", "address"), ("speech", "speech"), ("lecture", "lecture"),
            ("report", "report"),
        ]
        where words.contains(word) {
            return noun
        }
        return "document"
    }

    /// "“Expand and Strengthen the Digital Economy”" for a short title, "this statement" for a long one.
    var documentName: String {
        if let title = source.title?.text, Words.count(title) <= 10, title.contains(where: \.isLowercase) { return "\"\(title)\"" }
        return (documentNoun == "remarks" ? "these " : "this ") + documentNoun
    }

    /// The document's date and the meeting it was given at, each asked with the other as its cue:
    /// a title alone ("Report on the Work of the Government") is used every year.
    func headerCards() -> [CardDraft] {
        var drafts: [CardDraft] = []
        let spoken = ["statement", "speech", "remarks", "address", "lecture"].contains(documentNoun)
        let verb = documentNoun == "remarks" ? "were" : "was"
        let delivered = spoken ? "delivered" : "given"
        // The meeting the document was given at, from its title or a note.
        var lines: [(text: String, line: Int)] = []
        if let title = source.title { lines.append((title.text, title.line)) }
        lines += source.subtitles.map { ($0.text, $0.line) }
        lines += source.notes.map { ($0.text, $0.line) }
        let found = lines.flatMap { line in MeetingFinder.find(in: Tokens(Words.of(line.text))).map { (meeting: $0, line: line) } }
        let pick =
            found.first(where: {
                $0.meeting.name.contains(where: \.isNumber)
                    || Words.of($0.meeting.name).contains { English.ordinalValue(String($0)) != nil }
            }) ?? found.first
        let dateText = date.map { $0.text(dayFirst: source.dayFirst) }
        // Without a meeting, the dateline's place ("Riverside University, May 20, 2023") is the cue.
        let place: String? = source.dateline.flatMap { line in
            let words = Words.of(line.text)
            let dates = TemporalTagger.absoluteDates(in: words).map(\.range)
            let rest = words.indices.filter { k in !dates.contains { $0.contains(k) } }.map { Words.core(words[$0]) }.filter { !$0.isEmpty }
            return rest.isEmpty ? nil : rest.joined(separator: " ")
        }
        if let date, let dateText {
            let context = source.dateline?.text ?? source.title?.text ?? dateText
            let at = pick.map { " at the \($0.meeting.name)" } ?? place.map { " (\($0))" } ?? ""
            drafts.append(
                CardDraft(
                    kind: "date", question: "On what date \(verb) \(documentName) \(delivered)\(at)?",
                    answer: date.text(dayFirst: source.dayFirst), context: context, group: "header",
                    line: source.dateline?.line ?? source.title?.line ?? 1))
        }
        if let pick {
            let of = dateText.map { " on \($0)" } ?? ""
            drafts.append(
                CardDraft(
                    kind: "session", question: "At which meeting \(verb) \(documentName) \(delivered)\(of)?",
                    answer: pick.meeting.name, context: pick.line.text, alternatives: FactReader.shortNames(pick.meeting.name),
                    group: "header", line: pick.line.line))
        }
        return drafts
    }

    // MARK: Sentences

    struct SentenceCards: Sendable {
        var drafts: [CardDraft]
        /// Why a sentence that holds a date, meeting word or figure gave no card.
        var unused: String?
        /// The signpost it opens with, for the lists that run across sentences.
        var signpost: ListFinder.WordSignpost? = nil
    }

    /// - Parameter names: the instruments named so far (``InstrumentNames``): "The Treaty" leans on
    ///   no sentence before when its name is known.
    static func cards(
        from sentence: SourceText.Sentence, previous: String?, tagger: TemporalTagger, occasion: [String]? = nil,
        names: [String: String] = [:]
    ) -> SentenceCards {
        let words = sentence.words
        let signpost = ListFinder.wordSignpost(ListFinder.opening(sentence.text))
        // A question asks; it states no fact ("Where do we see ourselves in the 100th session?").
        guard words.count >= 5, !sentence.text.hasSuffix("?") else { return SentenceCards(drafts: [], unused: nil, signpost: signpost) }
        let tokens = Tokens(words)
        let group = group(of: sentence)
        let dates = tagger.dates(in: tokens)
        let meetings = MeetingFinder.find(in: tokens)
        let taken = dates.map(\.range) + meetings.map(\.range)
        let figures = FigureFinder.find(in: tokens).filter { f in !taken.contains { $0.overlaps(f.range) } }
        // A sentence whose subject is "it", "this", "they" … leans on the one before: the card shows
        // that sentence first, when it is short enough, or makes no list or figure clozes.
        // A meeting the sentence brings in as new ("a forum on …"), or as one more of a series ("also
        // hosted the ____"), is told from others by the sentence before.
        // (One more of a series in a sentence of a dozen words: a longer one says more of it.)
        let vague = meetings.contains { m in
            (tokens.lower.contains("also") && tokens.count <= 12) || ["a", "an"].contains(tokens.lower(m.range.lowerBound - 1))
        }
        let lead = leadIn(tokens, previous: previous, dated: !dates.isEmpty || !meetings.isEmpty, meeting: vague, names: names)
        var drafts: [CardDraft] = []
        func add(_ kind: String, _ blank: Range<Int>, _ answer: String, keep: Range<Int>? = nil, alternatives: [String] = []) {
            drafts.append(
                CardDraft(
                    kind: kind, question: clozeQuestion(words, blank: blank, keep: keep, lead: lead), answer: answer,
                    context: sentence.text, alternatives: alternatives, group: group, line: sentence.line))
        }
        for gap in dateGaps(dates, tokens, tagger: tagger, named: !meetings.isEmpty, occasion: occasion) {
            // "At last year's Forum": the possessive stays in view ("At ____’s Forum", 2022).
            let last = words[gap.blank.upperBound - 1]
            if let mark = ["’s", "'s"].first(where: { last.hasSuffix($0) }) {
                add("date", gap.blank, gap.answer, alternatives: gap.said.map { $0.hasSuffix(mark) ? String($0.dropLast(mark.count)) : $0 })
                if let range = drafts[drafts.count - 1].question.range(of: Cloze.gap) {
                    drafts[drafts.count - 1].question.replaceSubrange(range, with: Cloze.gap + mark)
                }
            } else {
                add("date", gap.blank, gap.answer, alternatives: gap.said)
            }
        }
        var standsAlone = true
        if case .missing? = lead { standsAlone = false }
        // A courtesy ("I bring … the best wishes of my people and the government of Tuvalu") lists
        // no points of the speaker's.
        let courtesy = tokens.lower.contains { courtesies.contains($0) }
        let list = standsAlone && !courtesy ? ListFinder.inSentence(sentence, tokens) : nil
        // A meeting inside a list item ("and holding a forum for the next generation") is asked by the item's card.
        for m in meetings where !(list?.items.contains { $0.range.overlaps(m.range) } ?? false) && !givesAway(m, tokens) {
            // "At last year's G7 Hiroshima Summit, … beyond the G7 … of the Summit": the gap holds
            // the one word the sentence does not say again ("G7 ____ Summit", Hiroshima).
            if let k = onlyUnsaid(m, tokens) {
                add("session", k..<(k + 1), Words.core(tokens.words[k]), alternatives: [m.name])
            } else {
                add("session", m.range, m.name, alternatives: shortNames(m.name))
            }
        }
        for f in figures where standsAlone { add("figure", f.range, f.text) }
        if let list, let first = list.items.first, let last = list.items.last {
            let span = first.range.lowerBound..<last.range.upperBound
            // Words every item opens with ("when Tuvalu …") need not be typed.
            let shared = commonPrefix(list.items.map(\.text)).count
            // Words every item ends with ("between buying medicine or paying debt, between hiring
            // teachers or paying debt") stay in view: the gap holds what tells the items apart.
            // So do function words they all open with ("between", "the").
            let opening = commonPrefix(list.items.map(\.text))
            let ending = commonPrefix(list.items.map { Words.of($0.text).reversed().map(Words.core).joined(separator: " ") }).count
            let sharedStart = opening.allSatisfy { English.isFunctionWord(Words.core($0).lowercased()) } ? opening.count : 0
            let sharedEnd = ending >= 2 && list.items.allSatisfy { Words.count($0.text) > ending + shared + 1 } ? ending : 0
            let trims = (sharedStart > 0 || sharedEnd > 0) && list.items.allSatisfy { Words.count($0.text) > sharedStart + sharedEnd }
            for item in list.items {
                let blank = trims ? (item.range.lowerBound + sharedStart)..<(item.range.upperBound - sharedEnd) : item.range
                let text = trims ? Phrase.answer(words[blank].joined(separator: " ")) : item.text
                var alternatives = trims ? [ListFinder.shortForm(text)].filter { $0 != text } : itemAlternatives(item)
                if sharedStart == 0 || !trims, shared >= 2, Words.count(text) > shared + 1 {
                    alternatives.append(Words.of(text).dropFirst(shared).joined(separator: " "))
                }
                // A last item that runs on past the others ("peace, sustainable development and
                // human dignity for present and future generations") may end where theirs do: the
                // phrase after it may be the whole list's.
                if item.range == list.items.last?.range, case let others = list.items.dropLast().map({ Words.count($0.text) }),
                    let longest = others.max(), longest <= 3, case let w = Words.of(text), w.count > longest + 2,
                    let p = w.indices.first(where: { $0 >= 2 && w[$0] != "of" && English.prepositions.contains(w[$0].lowercased()) }),
                    p <= longest + 1
                {
                    alternatives.append(w[..<p].joined(separator: " "))
                }
                add("directive", blank, text, keep: span, alternatives: alternatives)
            }
        }
        for k in drafts.indices {
            drafts[k].answerKey = Answer.normalized(drafts[k].answer)
            drafts[k].question = InstrumentNames.naming(drafts[k].question, names, answer: drafts[k].answer)
        }
        return SentenceCards(drafts: drafts, unused: drafts.isEmpty ? unusedReason(tokens, tagger: tagger) : nil, signpost: signpost)
    }

    /// Whether the sentence around a meeting says every word its name opens with, the words that
    /// tell it from other meetings: "The Seoul Declaration for … AI, adopted during the AI Seoul
    /// Summit" (not "the G7 Hiroshima Summit … beyond the G7": "Hiroshima" is still asked).
    static func givesAway(_ m: Meeting, _ t: Tokens) -> Bool {
        guard let head = m.range.first(where: { t.classes[$0].contains(.meetingHead) }) else { return false }
        let own = (m.range.lowerBound..<head).filter { i in
            (t.isCapitalised(i) || t.cores[i].first?.isNumber == true || English.ordinalValue(t.lower[i]) != nil)
                && t.classes[i].isDisjoint(with: .function)
        }.flatMap { t.lower[$0].split(separator: "-") }
        guard !own.isEmpty else { return false }
        let outside = t.indices.filter { !m.range.contains($0) }
        return own.allSatisfy { part in
            outside.contains { j in
                t.lower[j] == part || (t.lower[j].utf8.contains(0x2D) && t.lower[j].split(separator: "-").contains(part))
            }
        }
    }

    /// The one word of a meeting's name the rest of its sentence does not say, when every other
    /// word of the name is said there ("G7", "Summit"); nil otherwise.
    static func onlyUnsaid(_ m: Meeting, _ t: Tokens) -> Int? {
        guard m.range.count >= 3 else { return nil }
        // (Words as written: "future generations" does not say the "Future" of a name.)
        let outside = Set(t.indices.filter { !m.range.contains($0) }.map { t.cores[$0] })
        let unsaid = m.range.filter { !outside.contains(t.cores[$0]) && t.classes[$0].isDisjoint(with: .function) }
        guard unsaid.count == 1, let k = unsaid.first, t.isCapitalised(k), !t.classes[k].contains(.meetingHead) else { return nil }
        return k
    }

    /// The cloze of one gap, after the sentence it leans on when there is one: the two together
    /// stay near the length of one, and the cloze keeps the start of its sentence, where the
    /// pronoun the lead-in explains stands.
    static func clozeQuestion(_ words: [String], blank: Range<Int>, keep: Range<Int>?, lead: Lead?) -> String {
        guard case let .sentence(text)? = lead else { return Cloze.question(words, blank: blank, keep: keep) }
        let room = max(18, 36 - Words.count(text))
        let start = 0..<max(blank.upperBound, keep?.upperBound ?? 0)
        let cloze = Cloze.question(words, blank: blank, keep: start, maxWords: room)
        return cloze.hasPrefix("…") ? cloze : text + " " + cloze
    }

    /// The date gaps of a sentence, each with the speaker's own words for it.
    /// - Parameter named: whether the sentence names a meeting.
    static func dateGaps(
        _ dates: [DateMention], _ tokens: Tokens, tagger: TemporalTagger, named: Bool,
        occasion: [String]?
    ) -> [(blank: Range<Int>, answer: String, said: [String])] {
        let words = tokens.words
        // "this week", "earlier this month": the document's own month, worth a card only where the
        // sentence names the meeting or event it dates.
        let ownMonth = tagger.reference.flatMap { ref in ref.month.map { CalendarDate(year: ref.year, month: $0) } }
        func restatesOwnMonth(_ d: DateMention) -> Bool {
            d.relative && d.date != nil && d.date == ownMonth && tokens.lower[d.range].contains { $0 == "week" || $0 == "month" }
        }
        var gaps: [(blank: Range<Int>, answer: String, said: [String])] = []
        // "next year in 2025": the speaker's words and the date they stand for share one gap.
        func restated(_ d: DateMention) -> DateMention? {
            guard !d.relative, let date = d.date else { return nil }
            return dates.first { r in
                r.relative && r.date == date && r.range.upperBound <= d.range.lowerBound && d.range.lowerBound - r.range.upperBound <= 1
            }
        }
        let restatements = Set(dates.compactMap { restated($0)?.range.lowerBound })
        for (k, d) in dates.enumerated() where !(restatesOwnMonth(d) && !named) && !restatements.contains(d.range.lowerBound) {
            if let r = restated(d) {
                gaps.append(
                    (
                        r.range.lowerBound..<d.range.upperBound, d.answer,
                        [Phrase.answer(words[r.range].map { Words.core($0) }.joined(separator: " "))]
                    ))
                continue
            }
            // Two dates side by side give each other away ("this year from last year").
            let near = dates.indices.contains { j in
                j != k && abs(dates[j].range.lowerBound - d.range.lowerBound) <= 3 && dates[j].relative && d.relative
            }
            if near || isPresentOccasion(d, tokens, occasion: occasion) { continue }
            // The speaker's own words ("last year") are accepted beside the date they stand for.
            var said = d.relative ? [Phrase.answer(words[d.range].map { Words.core($0) }.joined(separator: " "))] : []
            // ("Wednesday, 25 September 2024": the day's date alone too.)
            if let date = d.date, date.day != nil, d.answer != date.text(dayFirst: tagger.dayFirst) {
                said.append(date.text(dayFirst: tagger.dayFirst))
            }
            // A span that states the same date ("in 26 years’ time (2050)", "50 years afterward in
            // 2100") goes into the gap with it: left in view, it gives the year away by sum.
            let blank = durationBefore(d.range, tokens).map { $0..<d.range.upperBound } ?? d.range
            if blank != d.range {
                var span = words[blank.lowerBound..<d.range.lowerBound].map { Words.core($0) }
                while let last = span.last, English.isFunctionWord(last) { span.removeLast() }
                said.append(Phrase.answer(span.joined(separator: " ")))
            }
            gaps.append((blank, d.answer, said))
        }
        return gaps
    }

    /// Why a sentence that gave no card was not used, when it holds a year, a relative date, a
    /// year-less month or a meeting word.
    static func unusedReason(_ tokens: Tokens, tagger: TemporalTagger) -> String? {
        if tokens.years.contains(where: { $0 != nil }) { return "its year labels a name or a plan, not a date of this text" }
        if tagger.reference == nil, tokens.indices.contains(where: { TemporalTagger.opensRelativeSpan(tokens, at: $0) }) {
            return "a relative date and no date for the document: give --date"
        }
        if tagger.reference == nil, tokens.indices.contains(where: { TemporalTagger.yearlessMonth(tokens, at: $0) }) {
            return "a date without a year and no date for the document: give --date"
        }
        if tokens.classes.contains(where: { $0.contains(.meetingHead) }) { return "a meeting word, but no meeting it names in particular" }
        return nil
    }

    /// Whether "this year" dates only the speech itself, which the header's card asks: the
    /// speaker's own message ("My message for this year", "What I would like to highlight this
    /// year") or the meeting the speech is given at ("At this year's General Assembly").
    static func isPresentOccasion(_ d: DateMention, _ t: Tokens, occasion: [String]?) -> Bool {
        guard d.relative, d.range.count == 2, t.lower[d.range.lowerBound] == "this", t.lower[d.range.lowerBound + 1].hasPrefix("year")
        else { return false }
        if let occasion, occasion.count == 2 {
            // The capitalised name right after "this year's" ends as the header's meeting does
            // ("General Assembly"; not "UN Environment Assembly").
            var i = d.range.upperBound
            while i + 1 < t.count, i < d.range.upperBound + 6, t.isCapitalised(i) {
                if t.lower[i] == occasion[0], t.lower[i + 1] == occasion[1] { return true }
                if t.closes(i) { break }
                i += 1
            }
        }
        // "This year's theme", "this year's session": the occasion itself.
        if t.lower[d.range.lowerBound + 1] == "year's" || t.lower[d.range.lowerBound + 1] == "year’s",
            ["theme", "session", "debate", "message"].contains(t.lower(d.range.upperBound))
        {
            return true
        }
        let before = t.lower[max(0, d.range.lowerBound - 4)..<d.range.lowerBound]
        let firstPerson = t.lower.contains { $0 == "i" || $0 == "my" }
        return firstPerson && before.contains { speechActs.contains($0) }
    }

    /// Where a span of time that states the same date starts: "in 26 years’ time (2050)", "50
    /// years afterward in 2100"; nil when none does. A span that only measures ("grew over two years
    /// in 2019", "five years from 2021") is no restatement: it needs "time", "afterward", "later"
    /// or "hence", or the year in brackets.
    static func durationBefore(_ date: Range<Int>, _ t: Tokens) -> Int? {
        var j = date.lowerBound - 1
        var restates = t.leads[date.lowerBound].hasPrefix("(")
        while j >= 0, date.lowerBound - j <= 5 {
            let w = t.lower[j]
            if w.hasPrefix("year") || w.hasPrefix("decade") {
                guard restates, j > 0, English.cardinalValue(t.lower[j - 1]) != nil else { return nil }
                return j - 1 > 0 && t.lower[j - 2] == "in" ? j - 2 : j - 1
            }
            guard durationGlue.contains(w) else { return nil }
            if durationMarks.contains(w) { restates = true }
            j -= 1
        }
        return nil
    }

    /// Words between a span of years and the date it leads to.
    static let durationGlue: Set<String> = ["in", "time", "afterward", "afterwards", "later", "hence", "from", "now", "by"]
    /// Words that make the span a point in time rather than a length.
    static let durationMarks: Set<String> = ["time", "afterward", "afterwards", "later", "hence"]

    /// Nouns that name an instrument or a body by its kind: "The Treaty", "The Declaration".
    static let instruments: Set<String> = [
        "treaty", "declaration", "commission", "agreement", "convention", "pact", "summit", "conference", "meeting", "report",
        "plan", "strategy", "initiative", "programme", "program", "agenda", "resolution", "framework", "partnership", "fund",
        "compact", "protocol", "forum", "mission", "union", "alliance", "doctrine", "law", "act", "budget", "roadmap",
    ]

    /// "year" for "year's" or "year’s".
    static func withoutPossessive(_ word: String) -> String {
        word.hasSuffix("'s") ? String(word.dropLast(2)) : word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }

    /// Nouns of "this year", "this week", "this hall", "this occasion": the speech's own time and
    /// place, not a thing named before.
    static let hereAndNowNouns: Set<String> = [
        "hall", "podium", "rostrum", "chamber", "room", "occasion", "point", "juncture", "stage", "year", "years", "month", "months",
        "week", "weeks", "day", "days", "time", "century", "decade", "morning", "afternoon", "evening", "moment", "session", "spring",
        "summer", "autumn", "fall", "winter",
    ]

    static let courtesies: Set<String> = ["wishes", "greetings", "congratulations", "condolences", "gratitude", "thanks", "felicitations"]

    static let speechActs: Set<String> = [
        "message", "highlight", "stress", "emphasize", "emphasise", "underline", "underscore", "theme", "remarks", "statement",
    ]

    static let leaningSubjects: Set<String> = ["it", "its", "they", "their", "he", "she", "his", "her"]
    static let demonstratives: Set<String> = ["this", "these", "those", "that", "such"]

    /// What a sentence whose subject is a pronoun ("It", "This will", "Next year it") leans on.
    enum Lead {
        /// The sentence before, short enough to open the card.
        case sentence(String)
        /// Nothing the card can show.
        case missing
    }

    /// nil when the sentence stands alone. The subject is the first word, or the first after an
    /// opening time phrase ("Next year it will …").
    /// - Parameter dated: the sentence holds a date or a meeting, whose card needs what it is about.
    /// - Parameter meeting: it brings a meeting in as new or one more, which a sentence of eighteen words says too
    ///   little to tell from others ("Indonesia also hosted the ____ this year.").
    static func leadIn(_ t: Tokens, previous: String?, dated: Bool = false, meeting: Bool = false, names: [String: String] = [:]) -> Lead? {
        var i = 0
        if TemporalTagger.opensRelativeSpan(t, at: 0), !t.closes(1) {
            i = 2
        } else if ["then", "now", "today"].contains(t.lower(0)), !t.closes(0) {
            i = 1
        } else if let comma = (0..<min(t.count, 10)).first(where: { t.commas[$0] }), comma + 1 < t.count,
            leaningSubjects.contains(t.lower[comma + 1]) || ["this", "these", "those"].contains(t.lower[comma + 1])
        {
            // After a fronted phrase: "Refined thereafter at the Yalta Conference, they were …".
            i = comma + 1
        }
        let w = t.lower(i)
        let next = t.lower(i + 1)
        let verbNext = !t.class(i + 1).isDisjoint(with: [.modal, .be]) || ["has", "have", "had", "does", "did"].contains(next)
        // "This body will …", "These solutions are …": a demonstrative with its noun points back too.
        let demonstrativeNoun =
            demonstratives.contains(w) && w != "such" && t.class(i + 1).isDisjoint(with: .function)
            && (!t.class(i + 2).isDisjoint(with: [.modal, .be]) || t.lower(i + 2).hasSuffix("s"))
        // "It is imperative that …", "It is time to …": an "it" that points to nothing before.
        // ("It is also vital to …": adverbs may stand between.)
        var a = i + 2
        while a < t.count,
            ["also", "therefore", "indeed", "now", "still", "equally", "thus", "so", "more", "most", "very", "no", "not", "all", "high"]
                .contains(t.lower[a])
                || Words.isAdverb(t.lower[a])
        {
            a += 1
        }
        let dummy =
            w == "it" && t.class(i + 1).contains(.be)
            && (["that", "to", "for"].contains(t.lower(a + 1)) || ListFinder.isAdjective(t.lower(a))
                || ["time", "clear", "true", "vital", "imperative", "necessary", "crucial"].contains(t.lower(a)))
        // "he" or "she" anywhere names a person the sentence does not ("while he was here"); a
        // sentence of a few words leans on the one before ("45% of beneficiaries are again women").
        // (Not when the text named the person before: the card shows the name.)
        let person =
            (names[InstrumentNames.person] == nil || InstrumentNames.pronounSlot(t.words) == nil)
            && t.lower.contains { $0 == "he" || $0 == "she" || $0 == "him" }
        // "will suffer the same fate", "the said Commission", "50 years afterward": words that point back.
        let pointer =
            t.lower.contains { ["afterward", "afterwards", "thereafter", "latter", "aforementioned"].contains($0) }
            || t.indices.contains { $0 > 0 && t.lower[$0 - 1] == "the" && ["same", "said", "former"].contains(t.lower[$0]) }
            // "to advance these discussions": for a date or a meeting in a short sentence, the things
            // it is about were named before (unless the words after say which: "these forms of …",
            // "these issues that …"; a long sentence names them itself).
            // So does an opening phrase about them ("In promoting these initiatives, …", "Following
            // this effort, …"), whatever the card asks.
            || t.indices.contains { k in
                k + 1 < t.count && (t.lower[k] == "these" || t.lower[k] == "this") && !t.closes(k) && ((dated && t.count <= 20) || k <= 3)
                    && (t.lower[k] == "this" || t.lower[k + 1].hasSuffix("s"))
                    && !hereAndNowNouns.contains(withoutPossessive(t.lower[k + 1]))
                    && t.cores[k + 1].first?.isLowercase == true && t.classes[k + 1].isDisjoint(with: .function)
                    && (t.closes(k + 1) || k + 2 == t.count || t.classes[k + 2].isDisjoint(with: [.preposition, .relative]))
            }
            // "the negotiations of this Agreement": an instrument named before.
            || t.indices.contains { k in
                k > 0 && k + 1 < t.count && ["this", "such"].contains(t.lower[k]) && t.isCapitalised(k + 1)
                    && instruments.contains(t.lower[k + 1])
            }
        let short = t.count < 8 || (meeting && t.count <= 18)
        // "By doing so, …", "To that end, …": an opening that points to what the sentence before said.
        let opensOnBefore =
            (["by", "in"].contains(t.lower(0)) && t.lower(1) == "doing" && t.lower(2) == "so")
            || (t.lower(0) == "to" && ["that", "this"].contains(t.lower(1)) && t.lower(2) == "end")
        // "The Treaty is …", "The Declaration should …": a name given in full before.
        let named =
            t.lower(0) == "the" && t.isCapitalised(1) && !t.closes(1) && t.count > 2 && !t.isCapitalised(2)
            && t.classes[2].isDisjoint(with: .preposition) && instruments.contains(t.lower[1]) && names[t.lower[1]] == nil
        let pointing =
            (leaningSubjects.contains(w) && !dummy) || (demonstratives.contains(w) && verbNext) || demonstrativeNoun || person || pointer
            || short || named || opensOnBefore
        if !pointing { return nil }
        guard let previous, !previous.hasSuffix("?") else { return .missing }
        // The sentence before, or its end: where the thing pointed to was last named.
        let words = Words.of(previous)
        // A point of a numbered list ("Fourth, by encouraging …") is asked by the list's own cards:
        // shown before another card, it would give them away.
        // (No lead-in then, but the cards stand: they were made so before.)
        if ListFinder.wordSignpost(ListFinder.opening(previous)) != nil { return nil }
        // One that leans on its own sentence before ("This is just in the last 4 years.") names nothing.
        if let first = words.first.map({ Words.core($0).lowercased() }), words.count > 1,
            leaningSubjects.contains(first)
                || (demonstratives.contains(first)
                    && ["is", "are", "was", "were", "will", "has", "have"].contains(Words.core(words[1]).lowercased()))
        {
            return .missing
        }
        // Its subject and its end, where what is pointed to was named, in about fourteen words, and
        // never a name cut in two ("we launched the Africa Club", not "we launched the Africa …").
        // (Whole, when the two together are no longer than a card's question.)
        guard words.count > 16, words.count + t.count > 36 else { return .sentence(previous) }
        // Each part ends or starts where a phrase does: at a comma, or where a preposition, an
        // article or a relative opens one ("We must rise to the occasion, … through comprehensive
        // solutions", not "We must rise to the … security threats").
        func capital(_ k: Int) -> Bool { Words.core(words[k]).first?.isUppercase == true }
        func opensPhrase(_ k: Int) -> Bool {
            ListFinder.phraseEnds(words, before: k) && !English.isFunctionWord(Words.core(words[k - 1]).lowercased())
        }
        var head = (5...8).first(where: opensPhrase) ?? 5
        while head < 8, English.isFunctionWord(Words.core(words[head - 1]).lowercased()) { head += 1 }
        var tail = (words.count - 10...words.count - 6).first(where: opensPhrase) ?? words.count - 8
        while head < min(8, tail), capital(head - 1), capital(head), !words[head - 1].hasSuffix(",") { head += 1 }
        // A name still running on ("in the World Health | Organization") is left out whole.
        if head < tail, capital(head - 1), capital(head), !words[head - 1].hasSuffix(",") {
            while head > 4, capital(head - 1) { head -= 1 }
            while head > 4, English.isFunctionWord(Words.core(words[head - 1]).lowercased()) { head -= 1 }
        }
        while tail > max(head, words.count - 11), capital(tail), capital(tail - 1), !words[tail - 1].hasSuffix(",") { tail -= 1 }
        if tail <= head { return .sentence(previous) }
        return .sentence(words[..<head].joined(separator: " ") + " … " + words[tail...].joined(separator: " "))
    }

    /// Shorter names a learner may type: "36th group study session" for "the 36th group study
    /// session of the Political Bureau of the 18th CPC Central Committee". Only a short form with a
    /// number tells one meeting from another; "International Conference", "annual meeting" or
    /// "open debate" would pass a learner who remembers nothing of which.
    static func shortNames(_ name: String) -> [String] {
        var out: [String] = []
        for cut in [" of the ", " in ", " on "] {
            let short = Words.prefix(name, before: [cut])
            let numbered = short.contains(where: \.isNumber) || Words.of(short).contains { English.ordinalValue($0) != nil }
            if short.utf8.count < name.utf8.count, Words.count(short) >= 2, numbered { out.append(short) }
        }
        // A meeting described in lower case for a named one: "investment forum for the Accelerated
        // Partnerships for Renewals in Africa" may be typed by the name.
        let split = Words.of(name)
        if split.first?.first?.isLowercase == true,
            let k = split.indices.dropFirst(2).first(where: {
                split[$0].first?.isUppercase == true && split[$0 - 1] == "the" && split[$0 - 2] == "for"
            }),
            split.count - k >= 3
        {
            out.append(split[k...].joined(separator: " "))
        }
        // An ordinal in words may be typed in digits: "79th Session" for "Seventy-ninth Session".
        if let k = split.firstIndex(where: { English.ordinalValue($0) != nil && !$0.contains(where: \.isNumber) }),
            let n = English.ordinalValue(split[k])
        {
            for form in [name] + out {
                var w = Words.of(form)
                guard k < w.count, w[k] == split[k] else { continue }
                w[k] = English.ordinalDigits(n)
                out.append(w.joined(separator: " "))
            }
        }
        return out
    }

    static func itemAlternatives(_ item: ListItem) -> [String] {
        var out = [item.short]
        let words = Words.of(item.text)
        if let first = words.first, Words.isAdverb(first.lowercased()), words.count > 1 {
            out.append(words.dropFirst().joined(separator: " "))
        }
        // The item without a place or time after it: "energy security" for "energy security in the region".
        if let p = words.indices.dropFirst(2).first(where: {
            ["in", "at", "across", "around", "within", "throughout"].contains(words[$0].lowercased())
        }),
            words[p...].count <= 4
        {
            out.append(words[..<p].joined(separator: " "))
        }
        return out.filter { $0 != item.text }
    }

    /// A sentence's first words, for a diagnostic.
    static func opening(_ text: String) -> String {
        let words = Words.of(text)
        return words.count <= 8 ? text : words.prefix(8).joined(separator: " ") + " …"
    }

    // MARK: Signposted lists

    /// Overlapping clozes: the list's name, the items before (and one after) as cues, one item blank.
    /// - Parameter names: what the introduction calls each item ("a facilitator"), accepted for it.
    static func orderedCards(_ list: FoundList, number: Int, names: [String] = []) -> [CardDraft] {
        let texts = list.items.map(\.text)
        let shared = commonPrefix(texts)
        return list.items.enumerated().map { i, item in
            var parts: [String] = []
            if i > 2 { parts.append("…") }
            for j in max(0, i - 2)...min(list.items.count - 1, i + 1) {
                // Cues without the words every item shares, so that each cue tells something.
                let cueText =
                    shared.count >= 2 ? Words.of(list.items[j].text).dropFirst(shared.count).joined(separator: " ") : list.items[j].short
                parts.append("(\(j + 1)) " + (j == i ? Cloze.gap : cue(cueText)))
            }
            if i + 2 < list.items.count, parts.last?.hasSuffix("…") == false { parts.append("…") }
            let name = list.intro.map { Words.trimmedEnd($0) + ":" } ?? "The speaker's points, in order:"
            // A short form that other items share ("the sound growth of the digital economy helps") proves nothing.
            let shortShared = list.items.filter { $0.short == item.short || $0.text.hasPrefix(item.short) }.count > 1
            var alternatives = shortShared ? [] : [item.short]
            if i < names.count { alternatives.append(names[i]) }
            if shared.count >= 2 { alternatives.append(Words.of(item.text).dropFirst(shared.count).joined(separator: " ")) }
            return CardDraft(
                kind: "directive", question: name + " " + parts.joined(separator: " "), answer: item.text,
                context: item.sentence.text, alternatives: alternatives.filter { !$0.isEmpty && $0 != item.text },
                group: "l\(number)", line: item.sentence.line)
        }
    }

    /// An item shown as a cue: at most six words.
    static func cue(_ text: String) -> String {
        let words = Words.of(text)
        return words.count <= 6 ? text : words.prefix(6).joined(separator: " ") + " …"
    }

    /// The words every item starts with ("the sound growth of the digital economy").
    static func commonPrefix(_ items: [String]) -> [String] {
        let split = items.map { Words.of($0) }
        guard var prefix = split.first, split.count > 1 else { return [] }
        for words in split.dropFirst() {
            var n = 0
            while n < prefix.count, n < words.count, prefix[n].lowercased() == words[n].lowercased() { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return prefix
    }
}
