/// One item of a list, where it stands in its sentence and how a learner may type it.
struct ListItem: Sendable {
    /// The sentence the item comes from.
    var sentence: SourceText.Sentence
    /// The words of the item in its sentence (to blank), for lists inside one sentence.
    var range: Range<Int>
    /// The item as the card's answer.
    var text: String
    /// A shorter form a learner may type instead ("focusing on the issues of the vulnerable").
    var short: String
}

/// A list the speaker made: items in one sentence ("advancing peace, ensuring sustainable
/// development and strengthening human dignity"), or signposted across sentences and paragraphs
/// ("First, … Second, … Finally, …", "(1) … (2) …").
struct FoundList: Sendable {
    var items: [ListItem]
    /// The sentence that introduces a signposted list, trimmed: the list's own name.
    var intro: String?
}

/// Finds lists by the shapes English gives them, never by the words of one text.
enum ListFinder {
    // MARK: Lists inside one sentence

    /// The words that announce a list's first item ("means", "include", "namely", "of", "on").
    static let anchors: Set<String> = [
        "of", "on", "about", "in", "for", "through", "into", "with", "by", "from", "at", "as", "upon",
        "means", "mean", "include", "includes", "included", "namely", "are", "is", "be", "was", "were", "been",
        "will", "would", "shall", "should", "must", "can", "could", "may", "might", "to", "that", "which",
        "consisting", "comprising", "involving", "covering", "prioritizes", "prioritises", "toward", "towards",
    ]

    /// The list in one sentence's words, when it has three or more parallel items.
    static func inSentence(_ sentence: SourceText.Sentence, _ t: Tokens) -> FoundList? {
        let words = t.words
        guard words.count >= 5, t.lower.contains(where: { $0 == "and" || $0 == "or" }) || t.commas.filter({ $0 }).count >= 2 else {
            return nil
        }
        let lower = t.lower
        let useSemicolons = t.semicolons.filter { $0 }.count >= 2
        var separators = useSemicolons ? t.semicolons : zip(t.commas, t.semicolons).map { $0 || $1 }
        // A comma between capitalised words is inside a name: "the Women, Peace, and Security agenda".
        for i in t.indices where t.commas[i] && !useSemicolons && t.isCapitalised(i) && i + 1 < t.count {
            let next = t.lower[i + 1] == "and" ? i + 2 : i + 1
            if t.isCapitalised(next), t.leads[next].isEmpty { separators[i] = false }
        }
        func ends(_ i: Int) -> Bool { i >= 0 && i < separators.count && separators[i] }
        // Try each final "and"/"or", from the right; keep the longest list.
        var best: [Range<Int>]?
        // Not a list's "and": "nuclear and other weapons" (a class), "persistent and significant
        // challenges" (two qualities), "Climate Change and International Law" (inside a name).
        let conjunctions = stride(from: words.count - 2, through: 2, by: -1).filter { c in
            guard lower[c] == "and" || lower[c] == "or" else { return false }
            if ["other", "similar", "related"].contains(lower[c + 1]) { return false }
            if !ends(c - 1), isAdjective(lower[c - 1]), isAdjective(lower[c + 1]), !t.closes(c + 1) { return false }
            if !ends(c - 1), t.isCapitalised(c - 1), t.isCapitalised(c + 1) { return false }
            return true
        }
        let oxford = conjunctions.filter { ends($0 - 1) }
        // A writer who closes lists with ", and" does so throughout: a bare "and" is then no list's.
        let groups = oxford.isEmpty ? [conjunctions] : [oxford]
        for group in groups where best == nil {
            for c in group {
                // Items set apart by semicolons end with "; and".
                if useSemicolons, !ends(c - 1) { continue }
                // Three items or more need a separator shortly before the conjunction.
                if !separators[max(0, c - 14)..<c].contains(true) { continue }
                // "naked self-interest and, yes, disregard for those left behind": a discourse word is no item.
                var lastStart = c + 1
                while lastStart + 1 < t.count, t.commas[lastStart], discourseWords.contains(lower[lastStart]) { lastStart += 1 }
                let last = shapeOf(t, from: lastStart)
                var shapes: [Shape] = last == .noun ? [.noun] : [last, .noun]
                // "reformed public hospitals": a verb in the past, or a participle before a noun.
                if last == .noun, lower[lastStart].hasSuffix("ed") { shapes.insert(.verb, at: 0) }
                if lastStart < t.count, !t.classes[lastStart].isDisjoint(with: [.subordinator, .preposition]), lower[lastStart] != "to",
                    (0..<c).contains(where: { lower[$0] == lower[lastStart] })
                {
                    shapes.insert(.repeated(lower[lastStart]), at: 0)
                }
                for shape in shapes {
                    if let list = build(t, lastStart: lastStart, segmentEnd: c, oxford: ends(c - 1), shape: shape, ends: ends),
                        list.count > (best?.count ?? 2)
                    {
                        best = list
                    }
                }
            }
        }
        // Without a conjunction: "guiding collective actions by listening, empowering collaboration, instilling hope".
        if best == nil, let separator = (0..<(words.count - 1)).last(where: ends) {
            let shape = shapeOf(t, from: separator + 1)
            if shape == .gerund || shape == .infinitive {
                best = build(t, lastStart: separator + 1, segmentEnd: separator + 1, oxford: true, shape: shape, ends: ends)
            }
        }
        if best == nil { best = announcedPair(t, ends: ends) }
        guard let best else { return nil }
        let items = best.map { range -> ListItem in
            let text = Phrase.answer(words[range].joined(separator: " "))
            return ListItem(sentence: sentence, range: range, text: text, short: shortForm(text))
        }
        return FoundList(items: items, intro: nil)
    }

    /// Words that stand between a list's "and" and its last item without being part of it.
    static let discourseWords: Set<String> = [
        "yes", "indeed", "also", "again", "importantly", "finally", "crucially", "especially", "notably", "ultimately",
    ]

    enum Shape: Equatable {
        case gerund, infinitive, verb, noun
        /// Every item opens with the same word: "when Tuvalu encounters …, when Tuvalu is …".
        case repeated(String)
    }

    /// Subjects a list of verb phrases may follow: "four priorities: we stabilized …".
    static let subjectPronouns: Set<String> = ["i", "we", "they", "he", "she"]
    /// Words that end a list's last item: a clause begins.
    static let clauseOpeners: Set<String> = ["which", "who", "where", "while", "whose"]
    /// Words that make a segment a clause of its own, not an item: subjects and list openers.
    static let clauseMarkers: Set<String> = [
        "i", "we", "they", "it", "he", "she", "you", "which", "that", "means", "include", "includes", "namely",
    ]
    /// Endings of adjectives: a single such word is a quality, not an item.
    static let adjectiveEndings = ["al", "ive", "ous", "ble", "ic", "ful", "ent", "ant", "ed", "ary", "less"]

    /// Words that open an aside, whose segment cannot introduce a list: "along with …".
    static let asideOpeners: Set<String> = ["along", "together", "despite", "including", "such", "like", "as", "than", "not"]
    /// Words that open a phrase that cannot be one of the speaker's points.
    static let nonItemOpeners: Set<String> = [
        "including", "such", "despite", "as", "like", "especially", "particularly", "notably", "therefore", "however",
        "furthermore", "moreover", "also", "even", "not", "whether", "than", "along", "together", "well", "thereby", "thus", "hence",
        "but",
    ]

    /// A list whose last item starts at `lastStart`, the items before it ending at `segmentEnd`
    /// (the conjunction's index, or just after the last separator when there is none).
    static func build(_ t: Tokens, lastStart: Int, segmentEnd end: Int, oxford: Bool, shape: Shape, ends: (Int) -> Bool) -> [Range<Int>]? {
        let words = t.words
        let lower = t.lower
        // Items that are clauses ("when Tuvalu is experiencing …") may hold verbs of their own.
        var clauses = false
        if case .repeated = shape { clauses = true }
        func hasClause(_ t: Tokens, _ segment: Range<Int>) -> Bool { !clauses && ListFinder.hasClause(t, segment) }
        // The last item: to the end of its segment, cut before a clause.
        var lastEnd = lastStart
        while lastEnd < words.count {
            let w = lower[lastEnd]
            if lastEnd > lastStart, !clauses, !t.classes[lastEnd].isDisjoint(with: [.be, .modal]) || clauseOpeners.contains(w) { break }
            // A purpose clause is no part of the last item: "peace efforts | in order to curb …".
            if lastEnd > lastStart,
                (w == "in" && t.lower(lastEnd + 1) == "order") || (w == "so" && ["that", "as"].contains(t.lower(lastEnd + 1)))
            {
                break
            }
            lastEnd += 1
            if ends(lastEnd - 1) || words[lastEnd - 1].hasSuffix(".") || words[lastEnd - 1].hasSuffix(":") { break }
        }
        guard lastEnd > lastStart, lastEnd - lastStart <= 15, fits(shape, t, lastStart) else { return nil }
        // A last item cut off at its own clause ends on a word that leads on: "and adopts processes
        // that | are inclusive …" is no item, and the "and" is no list's.
        // ("shared prosperity for all" ends well: "all" stands for its noun.)
        // ("… Asia and beyond": no item either.)
        if !t.classes[lastEnd - 1].isDisjoint(with: [.preposition, .conjunction, .relative])
            || ["the", "a", "an", "its", "their", "our", "my", "your"].contains(lower[lastEnd - 1])
        {
            return nil
        }
        var ranges: [Range<Int>] = [lastStart..<lastEnd]
        // Items before it, segment by segment back to the one that introduces the list.
        var segmentEnd = end
        while segmentEnd > 0 {
            var s = segmentEnd - 1
            while s > 0, !ends(s - 1) { s -= 1 }
            let segment = s..<segmentEnd
            // "A, B and C": an "and" inside B means the conjunction is not the list's (unless B is a name).
            let inner = segment.contains { i in
                (lower[i] == "and" || lower[i] == "or") && !(i > 0 && words[i - 1].first?.isUppercase == true)
            }
            if !oxford, ranges.count == 1, inner { return nil }
            let opensWithConjunction = ranges.count > 1 && (lower[s] == "and" || lower[s] == "or")
            if segment.contains(where: { t.classes[$0].contains(.example) && lower[$0] != "from" }) { return nil }
            let whole = segment.count <= 14 && !hasClause(t, segment) && fits(shape, t, s) && !opensWithConjunction
            let introduced = s == 0 ? firstItemStart(lower, words, segment: segment, shape: shape).map { $0 > s } ?? false : false
            // "…, students from forty countries called for | cheaper textbooks, open research, and
            // fair internships": a segment far longer than the items after it introduces them.
            // (As verb phrases, such items are no list: the nouns' list is the one.)
            if whole, shape == .noun || shape == .verb, ranges.count >= 2, segment.count > 2 * (ranges.map(\.count).max() ?? 0) + 1 {
                guard shape == .noun else { return nil }
                if let start = firstItemStart(lower, words, segment: segment, shape: shape), start > s, fits(shape, t, start) {
                    ranges.insert(start..<segmentEnd, at: 0)
                    break
                }
            }
            // A noun list needs its opening word ("of", "include", a colon) unless it is the subject
            // of a sentence that opens with a gerund ("Facilitating debt relief, …").
            if whole, s > 0 || (ranges.count >= 2 && !introduced && segment.count <= 6 && shape != .noun) {
                ranges.insert(segment, at: 0)
                segmentEnd = s
                if s == 0 { break }
                continue
            }
            // "strengthen solidarity, sincerity and trust among nations": a run of nouns that belongs
            // to the verb phrase before it, which starts the list.
            if shape == .verb, s > 0, !t.classes[s].isDisjoint(with: [.nounLike, .determiner]) {
                var p = s - 1
                while p > 0, !ends(p - 1) { p -= 1 }
                if let start = firstItemStart(lower, words, segment: p..<segmentEnd, shape: shape), start < s, fits(shape, t, start) {
                    ranges.insert(start..<segmentEnd, at: 0)
                }
                break
            }
            // The segment that introduces the list: the first item starts inside it. An aside
            // ("along with …") introduces no list, nor does a sentence's opening phrase ("In
            // addition, some …").
            if asideOpeners.contains(lower[s]) { return nil }
            // Nor does a participle's aside: "Misinformation, facilitated by social media, further
            // threaten …", "The architecture, represented by the Council, continues …".
            if English.isParticiple(lower[s]), t.class(s + 1).contains(.preposition), s > 0, t.commas[s - 1] { return nil }
            if let start = firstItemStart(lower, words, segment: segment, shape: shape), fits(shape, t, start),
                !hasClause(t, start..<segmentEnd), start > 1 || !t.classes[0].contains(.preposition)
            {
                ranges.insert(start..<segmentEnd, at: 0)
            }
            break
        }
        guard ranges.count >= 3 else { return nil }
        let first = ranges[0].lowerBound
        // Items that are the sentence's subject end where its verb begins: "…, and climate change |
        // have severely impacted progress", "…, and espousing an open-source culture | all promote
        // widespread prosperity" (the second only for items that open the sentence).
        if let last = ranges.last, shape == .noun || first == 0,
            let k = last.dropFirst().first(where: { k in
                ["have", "has", "had"].contains(lower[k])
                    || (first == 0 && k > last.lowerBound + 1 && ["all", "both", "together"].contains(lower[k]) && !t.closes(k)
                        && k + 1 < t.count
                        && t.classes[k + 1].isDisjoint(with: .function) && t.classes[k - 1].isDisjoint(with: .function))
            })
        {
            ranges[ranges.count - 1] = last.lowerBound..<k
        }
        // "There are so many dimensions, different moving parts, …": a list that only says things
        // exist ties them to nothing to learn.
        if first >= 2, t.lower[first - 2] == "there", t.classes[first - 1].contains(.be) { return nil }
        // Examples, quoted titles, figures and strings of values are not lists of the speaker's points.
        if first > 0, t.classes[first - 1].contains(.example) || (first > 1 && lower[first - 2] == "such" && lower[first - 1] == "as") {
            return nil
        }
        // (A quotation mark before the list: a quoted title or theme, not the speaker's list.)
        if t.leads[..<first].contains(where: { $0.unicodeScalars.contains { $0 == "“" || $0 == "\"" } }) { return nil }
        var trimmed = ranges.map { trimmedRange(words, $0) }
        // A noun list after "to" or a modal is the object of a verb the first item must not take:
        // "to simultaneously achieve | decarbonization, economic growth and energy security",
        // "would yield a more | peaceful, just and humane world".
        // (Not when the other items take objects of their own: "to visit Haiti, witness the work …".)
        // (Nor when the first item is no longer than the middle ones: "committed to human rights,
        // climate action and sustainable development" holds no verb.)
        // (The last item may run on: "… and energy security in the region"; the middle ones set the length.)
        if shape == .noun, let r = trimmed.first, r.count > (trimmed.dropFirst().dropLast().map(\.count).max() ?? 0),
            trimmed.dropFirst().allSatisfy({ $0.count < 2 || !t.classes[$0.lowerBound + 1].contains(.determiner) })
        {
            trimmed[0] = objectStart(t, r)..<r.upperBound
            // "to work in unison to advance | peace and security, sustainable development and …":
            // a first item longer than the rest that holds an infinitive starts after its verb.
            let longest = trimmed.dropFirst().map(\.count).max() ?? 0
            if trimmed[0].count > longest + 1,
                let to = trimmed[0].dropLast().last(where: { t.lower[$0] == "to" && $0 + 2 < trimmed[0].upperBound })
            {
                let start = objectStart(t, (to + 1)..<trimmed[0].upperBound, sure: true)
                if start > to + 1 { trimmed[0] = start..<trimmed[0].upperBound }
            }
        }
        if trimmed.contains(where: { r in r.isEmpty || t.cores[r.lowerBound].first?.isNumber != false || t.leads[r.lowerBound].contains("$")
        }) {
            return nil
        }
        // A bare "and" before a word or two, after a long phrase, joins that phrase's own nouns:
        // "…, marking significant progress in consolidating national peace and stability".
        // So does one after a gerund's or a participle's phrase: "…, transcending borders and
        // disparities", "…, grounded in mutual respect and shared responsibility".
        if !oxford, !clauses, trimmed.count >= 3, case let last = trimmed[trimmed.count - 1], last.count <= 2 {
            let penultimate = trimmed[trimmed.count - 2]
            let opener = lower[penultimate.lowerBound]
            let verbal =
                (opener.hasSuffix("ing") && opener.utf8.count > 5)
                || (opener.hasSuffix("ed") && t.class(penultimate.lowerBound + 1).contains(.preposition))
            if penultimate.count >= 5 || (verbal && shapeOf(t, from: last.lowerBound) == .noun && !lower[last.lowerBound].hasSuffix("ing"))
            {
                return nil
            }
        }
        let singles = trimmed.filter { $0.count == 1 }.count
        let announced =
            first > 0
            && (words[first - 1].hasSuffix(":")
                || ["include", "includes", "namely", "means", "consisting", "comprising"].contains(lower[first - 1]))
        if shape == .noun || shape == .verb, singles * 2 >= trimmed.count, !announced { return nil }
        // A string of qualities ("innovative, penetrable and extensive") is not a list of points.
        if trimmed.contains(where: { $0.count == 1 && isAdjective(lower[$0.lowerBound]) }) { return nil }
        if trimmed.allSatisfy({ t.isCapitalised($0.lowerBound) }) { return nil }
        // "the Women, Peace, and Security agenda": single capitalised words are a name's parts.
        if trimmed.filter({ $0.count == 1 && t.isCapitalised($0.lowerBound) }).count >= 2 { return nil }
        // An acronym of as many letters as items spells them: "humanitarian, development and peace (HDP)
        // nexus" (after a capitalised name, "Women, Peace, and Security (WPS)", it abbreviates the name).
        if let first = trimmed.first, let last = trimmed.last {
            for i in first.lowerBound..<min(t.count, last.upperBound + 1)
            where i > 0 && t.leads[i] == "(" && t.cores[i].count == trimmed.count && t.cores[i].allSatisfy(\.isUppercase)
                && !t.isCapitalised(i - 1)
            {
                return nil
            }
        }
        // "each and every": an item of function words alone is no item.
        if trimmed.contains(where: { r in r.allSatisfy { !t.classes[$0].isDisjoint(with: .function) } }) { return nil }
        // An item that starts inside a name ("the Republic of | Korea", "the Summit of | the Future").
        if trimmed.contains(where: { r in
            let named =
                r.lowerBound + 1 < t.count && t.lower[r.lowerBound] == "the" && t.isCapitalised(r.lowerBound + 1)
                ? r.lowerBound + 1 : r.lowerBound
            return t.isCapitalised(named) && r.lowerBound > 0 && !t.closes(r.lowerBound - 1)
                && (t.isCapitalised(r.lowerBound - 1) || (t.lower[r.lowerBound - 1] == "of" && t.isCapitalised(r.lowerBound - 2)))
        }) {
            return nil
        }
        // "Japan intends to actively | and constructively participate": adverbs joined, not items.
        if trimmed.dropLast().contains(where: { r in Words.isAdverb(t.lower[r.upperBound - 1]) && !t.closes(r.upperBound - 1) }) {
            return nil
        }
        // Single words between the first and last: the items are single words too, and the words
        // around them are shared ("to achieve safe, secure, and trustworthy AI", "by interlinking
        // humanitarian, development and peace efforts in order to …"). A last item of two words
        // ("women, youth and rural areas") may be a name of its own.
        if trimmed.count >= 3, trimmed.dropFirst().dropLast().allSatisfy({ $0.count == 1 }), !clauses {
            let first = trimmed[0]
            let last = trimmed[trimmed.count - 1]
            // The first item's own words lead up to it: a verb ("to achieve peace", "by interlinking
            // humanitarian"), or a phrase with a function word ("the perspectives of women"); not a
            // name ("the Middle East") nor a quality of its own ("lasting peace").
            let lead = first.lowerBound..<(first.upperBound - 1)
            // ("is becoming broader, fiercer and more confrontational": after "be", the first word is the verb.)
            let verbBefore =
                first.lowerBound > 0
                && (["to", "by"].contains(t.lower[first.lowerBound - 1])
                    || t.classes[first.lowerBound - 1].contains(.modal)
                    || (t.classes[first.lowerBound - 1].contains(.be) && t.lower[first.lowerBound].hasSuffix("ing")))
            let named = t.isCapitalised(first.upperBound - 1) && t.isCapitalised(first.upperBound - 2)
            if first.count > 1, !named, t.classes[first.upperBound - 1].isDisjoint(with: .function),
                verbBefore || lead.contains(where: { !t.classes[$0].isDisjoint(with: [.preposition, .determiner]) })
            {
                trimmed[0] = (first.upperBound - 1)..<first.upperBound
                // Words shared before the items are shared after them too: the last item's first
                // word qualifies what follows ("humane world tomorrow", "safe cyberspace that …";
                // but "dignity of every person" is one item).
                // (Only when the items qualify: nouns such as "children, education and climate change
                // adaptation" are items of their own.)
                let qualities = trimmed.dropLast().allSatisfy { r in
                    let w = lower[r.upperBound - 1]
                    return !t.classes[r.upperBound - 1].contains(.nounLike) && !w.hasSuffix("s") && !w.hasSuffix("ren")
                }
                if qualities, last.count > 2, t.classes[last.lowerBound].isDisjoint(with: .function),
                    t.classes[last.lowerBound + 1].isDisjoint(with: .function)
                {
                    trimmed[trimmed.count - 1] = last.lowerBound..<(last.lowerBound + 1)
                }
            }
        }
        return trimmed
    }

    /// Words that announce a pair before a colon: "twin deficits: …", "two priorities: …".
    static let pairWords: Set<String> = ["two", "twin", "dual", "both", "pair", "double", "two-fold", "twofold"]
    static let pairOpeners: Set<String> = ["consisting", "comprising", "composed"]

    /// Two items the sentence announces as a set: "twin deficits: a deficit of peace … and a deficit
    /// of freedom …", "a package consisting of the enlargement … and improvement of …".
    static func announcedPair(_ t: Tokens, ends: (Int) -> Bool) -> [Range<Int>]? {
        let lower = t.lower
        // The announcement: a colon after a word of two, or "consisting of".
        var announced: Int?
        if let colon = t.indices.first(where: { t.trails[$0].utf8.contains(0x3A) }),
            (max(0, colon - 3)...colon).contains(where: { pairWords.contains(lower[$0]) })
        {
            announced = colon + 1
        } else if let k = t.indices.dropLast().first(where: { pairOpeners.contains(lower[$0]) && lower[$0 + 1] == "of" }) {
            announced = k + 2
        }
        guard let s = announced else { return nil }
        for c in t.indices where lower[c] == "and" && c > s && c + 1 < t.count {
            guard !(s..<c).contains(where: ends), c - s <= 10 else { continue }
            var end = c + 1
            while end < t.count {
                end += 1
                if ends(end - 1) || t.words[end - 1].hasSuffix(".") { break }
            }
            guard end - c - 1 <= 10 else { continue }
            return [s..<c, (c + 1)..<end]
        }
        return nil
    }

    /// Whether the phrase at `i` has the list's shape.
    static func fits(_ shape: Shape, _ t: Tokens, _ i: Int) -> Bool {
        let lower = t.lower
        var j = i
        while j < lower.count, t.classes[j].contains(.conjunction), lower[j] == "and" || lower[j] == "or" { j += 1 }
        guard j < lower.count else { return false }
        let w = lower[j]
        if case let .repeated(opener) = shape { return w == opener }
        let c = t.classes[j]
        if nonItemOpeners.contains(w) || (c.contains(.preposition) && w != "to") || c.contains(.pronoun) || c.contains(.subordinator) {
            return false
        }
        while j < lower.count, Words.isAdverb(lower[j]) { j += 1 }
        guard j < lower.count else { return false }
        let v = lower[j]
        switch shape {
        case .gerund: return v.hasSuffix("ing") && v.utf8.count > 5
        case .infinitive: return v == "to"
        case .verb:
            // (Not a quality: "sustainable development" is no verb phrase.)
            return t.classes[j].isDisjoint(with: [.function, .nounLike]) && !v.hasSuffix("ing") && t.cores[j].first?.isLowercase == true
                && !["able", "ible", "ous", "ful", "less"].contains { v.hasSuffix($0) }
        case .repeated: return false
        case .noun:
            // "focusing on digital transformation" opens a list of nouns; "enriching their knowledge"
            // and "grounded in shared values" are verb phrases among them.
            if v.hasSuffix("ing"), !t.class(j + 1).isDisjoint(with: [.preposition, .determiner]) { return false }
            if English.isParticiple(v), t.class(j + 1).contains(.preposition) { return false }
            return v != "to" && t.classes[j].isDisjoint(with: [.modal, .be])
        }
    }

    /// Whether a segment holds a clause of its own: a subject pronoun, a modal or "be", "which", "that".
    static func hasClause(_ t: Tokens, _ segment: Range<Int>) -> Bool {
        segment.contains { i in
            let c = t.classes[i]
            if !c.isDisjoint(with: [.modal, .be]) { return true }
            return clauseMarkers.contains(t.lower[i])
        }
    }

    static func shapeOf(_ t: Tokens, from i: Int) -> Shape {
        let lower = t.lower
        var j = i
        while j < lower.count, Words.isAdverb(lower[j]) { j += 1 }
        guard j < lower.count else { return .noun }
        let w = lower[j]
        if w == "to" { return .infinitive }
        if w.hasSuffix("ing"), w.count > 5 { return .gerund }
        if !t.classes[j].isDisjoint(with: [.determiner, .nounLike]) || w.hasSuffix("ed") || isAdjective(w) { return .noun }
        return .verb
    }

    /// Where the first item starts inside the segment that introduces the list.
    static func firstItemStart(_ lower: [String], _ words: [String], segment: Range<Int>, shape: Shape) -> Int? {
        let candidates = segment.lazy.filter { i in
            i > segment.lowerBound
                && (anchors.contains(lower[i - 1]) || words[i - 1].hasSuffix(":")
                    || (i - 1 == segment.lowerBound && lower[i - 1].hasSuffix("ing") && lower[i - 1].utf8.count > 5))
        }
        var start: Int?
        switch shape {
        case let .repeated(opener):
            start = segment.last { lower[$0] == opener }
        case .infinitive:
            start = segment.first { lower[$0] == "to" }
        case .gerund:
            // The first gerund after an anchor: "means advancing peace", "about guiding collective actions by listening".
            start =
                candidates.first { lower[$0].hasSuffix("ing") && lower[$0].count > 5 }
                ?? segment.first { lower[$0].hasSuffix("ing") && lower[$0].count > 5 }
        case .verb:
            // After a colon, the last modal, the last subject or the first "to": "four priorities: we
            // stabilized grain output", "we must move faster to build …", "designed to reclaim and elevate land".
            var m: Int?
            if let colon = segment.last(where: { words[$0].hasSuffix(":") }) {
                m = colon + 1 < segment.upperBound && subjectPronouns.contains(lower[colon + 1]) ? colon + 1 : colon
            } else {
                m =
                    segment.last(where: { English.modals.contains(lower[$0]) }) ?? segment.last(where: {
                        subjectPronouns.contains(lower[$0])
                    })
                    ?? segment.first(where: { lower[$0] == "to" })
            }
            if let m {
                var s = m + 1
                while s < segment.upperBound, Words.isAdverb(lower[s]) || ["also", "all", "further", "still"].contains(lower[s]) { s += 1 }
                start = s
            }
        case .noun:
            // Not after a modal: "we must strengthen solidarity, …" lists verb phrases.
            start = candidates.last { $0 == 0 || !English.modals.contains(lower[$0 - 1]) }
        }
        guard let s = start, s < segment.upperBound, segment.upperBound - s <= 14 else { return nil }
        return s
    }

    /// Where the first item of a noun list starts when a verb stands before it: after the verb,
    /// its adverbs and a determiner ("to simultaneously achieve decarbonization" → "decarbonization").
    /// - Parameter sure: the words are known to follow a verb's "to": the verb may look like a noun ("advance").
    static func objectStart(_ t: Tokens, _ r: Range<Int>, sure: Bool = false) -> Int {
        guard r.count >= 2, r.lowerBound > 0, t.lower[r.lowerBound - 1] == "to" || t.classes[r.lowerBound - 1].contains(.modal) else {
            return r.lowerBound
        }
        var i = r.lowerBound
        while i < r.upperBound - 1, Words.isAdverb(t.lower[i]) { i += 1 }
        // The verb: a plain lower-case word that is no determiner, noun or quality.
        let w = t.lower[i]
        guard i < r.upperBound - 1, !t.isCapitalised(i), t.classes[i].subtracting(sure ? .nounLike : []).isEmpty, !isAdjective(w),
            !w.hasSuffix("s")
        else { return r.lowerBound }
        i += 1
        // "to reclaim and elevate land": two verbs, not a verb and its object.
        if t.classes[i].contains(.conjunction) { return r.lowerBound }
        while i < r.upperBound - 1, t.classes[i].contains(.determiner) || ["more", "most", "less", "greater"].contains(t.lower[i]) {
            i += 1
        }
        return i
    }

    static func isAdjective(_ word: String) -> Bool {
        let w = word.lowercased()
        return adjectiveEndings.contains { w.hasSuffix($0) } && !English.looksLikeNoun(w)
    }

    /// The range without a leading "and"/"or".
    static func trimmedRange(_ words: [String], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        while lo < range.upperBound - 1, ["and", "or"].contains(words[lo].lowercased()) { lo += 1 }
        return lo..<range.upperBound
    }

    /// Whether a short form may end before word `k`: after a comma, or before a preposition, a
    /// conjunction or a relative. Not before "of", which binds its noun ("the principle | of
    /// statehood continuity"), nor inside a capitalised name ("the United Nations Convention | on
    /// the Law of the Sea").
    static func phraseEnds(_ words: [String], before k: Int) -> Bool {
        guard k > 0, k < words.count else { return false }
        let next = Words.core(words[k]).lowercased()
        func isConjunction(_ i: Int) -> Bool { ["and", "or"].contains(Words.core(words[i]).lowercased()) }
        // "new challenges | facing the international community": a participle after a noun opens a phrase.
        if next.hasSuffix("ing"), next.utf8.count > 5, Words.core(words[k]).first?.isLowercase == true,
            Words.core(words[k - 1]).first?.isLowercase == true, !English.isFunctionWord(Words.core(words[k - 1]).lowercased()),
            Words.core(words[k - 1]).hasSuffix("s"), !ingNouns.contains(next)
        {
            return true
        }
        // Not inside a list of the item's own: "every state, | community, and individual", "the
        // diverse economic, social | and cultural conditions".
        // ("heritage, | both tangible and intangible" ends: "both" opens a pair of its own.)
        // (", and work together …" after a long phrase ends it: the "and" joins clauses.)
        if words[k - 1].hasSuffix(",") {
            let ahead = k..<min(words.count, k + 2)
            var member = k - 1
            while member > 0, !words[member - 1].hasSuffix(",") { member -= 1 }
            let shortMember = k - member <= 3
            return
                !(ahead.contains { words[$0].hasSuffix(",") } || (k + 1 < words.count && isConjunction(k + 1))
                || (isConjunction(k) && shortMember))
        }
        if isConjunction(k), (max(0, k - 3)..<(k - 1)).contains(where: { words[$0].hasSuffix(",") }) { return false }
        guard next != "of", !English.wordClass(next).isDisjoint(with: [.preposition, .conjunction, .relative, .subordinator]) else {
            return false
        }
        let before = Words.core(words[k - 1])
        // "in accordance | with", "on behalf | of": a preposition of two words.
        if k >= 2, English.prepositions.contains(Words.core(words[k - 2]).lowercased()), English.wordClass(before.lowercased()).isEmpty,
            English.prepositions.contains(next)
        {
            return false
        }
        return !(before.first?.isUppercase == true && k + 1 < words.count && Words.core(words[k + 1]).first?.isUppercase == true)
            && !(before.first?.isUppercase == true
                && (k + 2 < words.count && ["the", "a"].contains(Words.core(words[k + 1]).lowercased())
                    && Words.core(words[k + 2]).first?.isUppercase == true))
    }

    /// Words with a name the speaker abbreviates written as its abbreviation: "in accordance with
    /// the United Nations Convention on the Law of the Sea (UNCLOS)" → "in accordance with UNCLOS".
    static func abbreviated(_ words: [String]) -> [String] {
        guard
            let k = words.indices.first(where: { i in
                let (core, lead, _) = Words.split(words[i])
                return i > 1 && lead == "(" && core.count >= 2 && core.count <= 8 && core.allSatisfy { $0.isUppercase || $0.isNumber }
                    && core.contains(where: \.isUppercase)
                    && Words.core(words[i - 1]).first?.isUppercase == true
            })
        else { return words }
        // Back over the name's capitalised words and the little words inside it, to its "the".
        var start = k - 1
        while start > 0 {
            let w = Words.core(words[start - 1])
            if !Words.split(words[start - 1]).trail.isEmpty { break }
            if w.first?.isUppercase == true || (["of", "on", "for", "and", "the"].contains(w) && start - 1 > 0) {
                start -= 1
            } else {
                break
            }
        }
        while start < k, Words.core(words[start]).first?.isUppercase != true { start += 1 }
        if start > 0, Words.core(words[start - 1]) == "the" { start -= 1 }
        let acronym = Words.split(words[k]).core
        let trail = Words.split(words[k]).trail.filter { $0 != ")" }
        return Array(words[..<start]) + [acronym + trail] + Array(words[(k + 1)...])
    }

    /// Words in "-ing" that are nouns, not participles opening a phrase: "financing gap".
    static let ingNouns: Set<String> = [
        "funding", "financing", "housing", "training", "building", "meeting", "spending", "planning", "wellbeing", "nothing", "something",
        "everything", "anything", "being", "understanding", "peacekeeping", "peacebuilding", "thing", "things",
    ]

    /// A short form a learner may type: the item's opening phrase of at most eight words, or the
    /// item itself when it is short or its first phrase is longer.
    static func shortForm(_ text: String) -> String {
        let words = Words.of(text)
        guard words.count > 8 else { return text }
        // The longest opening of at most eight words that ends where a phrase ends: before a
        // preposition or a conjunction, or at a comma. None, when the first phrase is longer.
        var end = (3...8).last { phraseEnds(words, before: $0) } ?? 0
        guard end > 0 else { return text }
        // "maritime zones established | in accordance with …": a participle needs its phrase.
        if end > 3, words[end - 1].hasSuffix("ed"), Words.core(words[end - 1]).first?.isLowercase == true, !words[end - 1].hasSuffix(",") {
            end -= 1
        }
        // A short form that drops most of what the item says lets a learner pass without it.
        func contentWords(_ w: ArraySlice<String>) -> Int { w.filter { English.isContentWord(Words.core($0).lowercased()) }.count }
        // (An item too long to type gets its opening phrase all the same.)
        guard contentWords(words[..<end]) * 2 >= contentWords(words[...]) || words.count > 12 else { return text }
        return Phrase.answer(words[..<end].joined(separator: " "))
    }

    // MARK: Signposted lists

    /// A sentence that opens with a signpost, and the signpost's value.
    struct Signpost {
        var sentence: SourceText.Sentence
        /// 1, 2, 3 …; nil for "Finally"/"Lastly" (the next value, ending the list).
        var value: Int?
        /// Words the signpost takes at the start of the sentence.
        var length: Int
        /// The noun of "The first reality is …", which every item must share.
        var noun: String?
        /// A paragraph label ("(1)", "a)") rather than a word.
        var isLabel: Bool
    }

    /// Lists marked First/Second/…, Firstly, Next, Finally, Lastly, "The first X is …", or by
    /// paragraph labels "(1)", "(a)", "i)" (and "1." when the whole text is not numbered).
    /// - Parameter openings: each body sentence's ``wordSignpost(_:)``, in the order of
    ///   ``SourceText/sentences`` (read in the parallel pass over sentences).
    static func signposted(_ source: SourceText, openings: [WordSignpost?], diagnostics: inout [Diagnostic]) -> [FoundList] {
        var posts: [(order: Int, post: Signpost)] = []
        let prose = source.paragraphs.filter { !$0.isGreeting }
        let numbered = prose.filter { $0.label?.first?.isNumber == true }.count
        // A text numbered paragraph by paragraph from its start ("1. Let me begin …") is not a list.
        let documentNumbered = numbered > 12 || prose.first(where: { !$0.isHeading })?.label?.first?.isNumber == true
        var order = 0
        for paragraph in source.paragraphs where !paragraph.isGreeting && !paragraph.isHeading {
            for sentence in paragraph.sentences {
                order += 1
                let signpost = openings[order - 1]
                if sentence.index == 0, let label = paragraph.label, let value = labelValue(label, documentNumbered: documentNumbered) {
                    var post = Signpost(sentence: sentence, value: value, length: 0, noun: nil, isLabel: true)
                    if let word = signpost { post.length = word.length }
                    posts.append((order, post))
                } else if let word = signpost {
                    posts.append(
                        (order, Signpost(sentence: sentence, value: word.value, length: word.length, noun: word.noun, isLabel: false)))
                }
            }
        }
        var lists: [FoundList] = []
        var k = 0
        while k < posts.count {
            guard posts[k].post.value == 1 else {
                k += 1
                continue
            }
            var chain = [posts[k]]
            var j = k + 1
            while j < posts.count {
                let last = chain[chain.count - 1]
                let next = posts[j]
                guard next.order - last.order <= 60, next.post.isLabel == chain[0].post.isLabel || next.post.value == nil,
                    next.post.noun == chain[0].post.noun
                else { break }
                if next.post.value == chain.count + 1 {
                    chain.append(next)
                    j += 1
                    continue
                }
                if next.post.value == nil, chain.count >= 2 {
                    chain.append(next)
                    j += 1
                }
                break
            }
            if chain.count >= 2 {
                lists.append(orderedList(source, chain.map(\.post)))
                k = j
            } else {
                diagnostics.append(
                    Diagnostic(
                        line: posts[k].post.sentence.line,
                        message: "\"\(Words.core(posts[k].post.sentence.words[0]))\" starts no list: no second item follows"))
                k += 1
            }
        }
        return lists
    }

    /// A sentence's first words, as many as a signpost can take (the rest stays in the last).
    static func opening(_ text: String) -> [String] {
        text.utf8.split(separator: 0x20, maxSplits: 6).map { String(Substring($0)) }
    }

    static func labelValue(_ label: String, documentNumbered: Bool) -> Int? {
        if let n = Int(label) { return documentNumbered ? nil : n }
        if label.count == 1, let c = label.unicodeScalars.first, ("a"..."z").contains(c) { return Int(c.value) - 96 }
        let romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        if let r = romans.firstIndex(of: label) { return r + 1 }
        return nil
    }

    /// A signpost word at a sentence's start: its value (nil for "Finally"), how many words it
    /// takes, and the noun of "The first X is …".
    typealias WordSignpost = (value: Int?, length: Int, noun: String?)

    /// The signpost a sentence opens with: "First,", "Firstly,", "First and foremost,", "And
    /// fifth,", "Next,", "Finally,", "Lastly,", "The second reality is …"; nil when none.
    /// - Parameter words: the sentence's first words, as ``opening(_:)`` gives them.
    static func wordSignpost(_ words: [String]) -> WordSignpost? {
        guard words.count >= 3 else { return nil }
        var i = 0
        if Words.core(words[0]).lowercased() == "and" { i = 1 }
        let (core, _, trail) = Words.split(words[i])
        let w = core.lowercased()
        if w == "finally" || w == "lastly", trail == "," { return (nil, i + 1, nil) }
        if w == "last", words.count > i + 3, words[i + 1].lowercased() == "but", trail.isEmpty {
            return (nil, i + 4, nil)
        }
        var value = English.ordinalValue(w)
        if value == nil, w.hasSuffix("ly") { value = English.ordinalValue(String(w.dropLast(2))) }
        if let v = value, v <= 12, w.first?.isLetter == true {
            if trail == "," { return (v, i + 1, nil) }
            // "First and foremost," / "First of all,"
            if trail.isEmpty, words.count > i + 3 {
                let two = (words[i + 1] + " " + words[i + 2]).lowercased()
                if two == "and foremost," || two == "of all," { return (v, i + 3, nil) }
            }
        }
        // "The first reality is …", "The second piece of advice is …"
        if w == "the", words.count > 4, let v = English.ordinalValue(Words.core(words[1]).lowercased()), v <= 12,
            Words.split(words[1]).trail.isEmpty
        {
            for k in 3..<min(words.count, 7) where ["is", "are", "was", "concerns", "relates"].contains(Words.core(words[k]).lowercased()) {
                guard words[2..<k].allSatisfy({ Words.split($0).trail.isEmpty }) else { break }
                return (v, k + 1, words[2..<k].map { Words.core($0).lowercased() }.joined(separator: " "))
            }
        }
        return nil
    }

    static func orderedList(_ source: SourceText, _ posts: [Signpost]) -> FoundList {
        let first = posts[0].sentence
        var intro: String?
        if let before = source.sentence(before: first) { intro = introName(before.text) }
        let items = posts.map { post -> ListItem in
            let text = signpostedItem(Array(post.sentence.words.dropFirst(post.length)))
            return ListItem(sentence: post.sentence, range: post.length..<post.sentence.words.count, text: text, short: shortForm(text))
        }
        return FoundList(items: items, intro: intro)
    }

    /// The introducing sentence as a list's name: at most 18 words, cut from the front at a comma.
    static func introName(_ text: String) -> String {
        var words = Words.of(text)
        // "… three functions: a facilitator, a supporter and an initiator." names the answers: the
        // part before the colon names the list.
        if let colon = words.firstIndex(where: { $0.hasSuffix(":") }), colon >= 3, colon < words.count - 1 {
            words = Array(words[...colon])
        }
        if words.count > 18 { words = ["…"] + words.suffix(15) }
        return Words.capitalized(words.joined(separator: " "))
    }

    /// The point of a signposted sentence: without the subject and modal ("we must", "the
    /// Declaration shall"), a fronted phrase moved behind it, a trailing clause cut off.
    static func signpostedItem(_ words: [String]) -> String {
        guard !words.isEmpty else { return "" }
        var w = words
        if Words.core(w[0]).lowercased() == "by", w.count > 2 { w.removeFirst() }
        let original = w
        let lower = w.map { Words.core($0).lowercased() }
        // "What I would like to highlight is X" → X
        if lower.first == "what", let be = lower.firstIndex(where: { $0 == "is" || $0 == "are" }), be < 10 {
            w = Array(w[(be + 1)...])
        } else if let m = lower.prefix(14).firstIndex(where: { English.modals.contains($0) }) {
            // The subject is the words just before the modal, after any fronted phrase ending in a comma.
            let fronted = w[..<m].lastIndex(where: { $0.hasSuffix(",") })
            let subjectStart = fronted.map { $0 + 1 } ?? 0
            if (1...6).contains(m - subjectStart), !lower[subjectStart..<m].contains(where: { ["that", "if", "what", "as"].contains($0) }),
                m + 1 < w.count
            {
                let rest = Array(w[(m + 1)...])
                if let fronted, ["in", "for", "through", "by", "with", "on", "at"].contains(lower[0]) {
                    // "First, in the global efforts …, Korea will act as a facilitator" → "act as a facilitator in the global efforts …"
                    w = rest
                    w[w.count - 1] = Words.trimmedEnd(w[w.count - 1])
                    w += original.prefix(fronted + 1)
                    w[w.count - 1] = Words.trimmedEnd(w[w.count - 1])
                } else {
                    w = rest
                }
            }
        }
        // "we should all share …": "all" belongs to the subject; "the importance of 'X'": X is the point.
        while let first = w.first.map({ Words.core($0).lowercased() }), ["all", "both", "also"].contains(first), w.count > 2,
            Words.core(w[1]).lowercased() != "of"
        { w.removeFirst() }
        let lowered = w.prefix(3).map { Words.core($0).lowercased() }
        if lowered == ["the", "importance", "of"], w.count > 4 { w.removeFirst(3) }
        var text = Phrase.answer(w.joined(separator: " "))
        text = Phrase.core(text)
        // At most fifteen words, cut where a phrase ends: a longer answer cannot be typed.
        var split = Words.of(text)
        if split.count > 15 {
            split = abbreviated(split)
            text = Phrase.answer(split.joined(separator: " "))
        }
        if split.count > 15 {
            // Where a clause or a coordinated phrase ends ("…, recognizing", "… and responding"),
            // else where a phrase ends, else before a function word.
            // (A clause that ends at a comma may run to eighteen words.)
            let coordinated = (6...15).last { k in phraseEnds(split, before: k) && split[k - 1].hasSuffix(",") }
            // (A phrase end early in the item gives way to a later cut before a function word: the
            // answer keeps the verb of its last phrase, "… to support our efforts to safeguard".)
            let phrase = (8...15).last { phraseEnds(split, before: $0) }
            let late = (11...15).last { k in split[k - 1].hasSuffix(",") || English.isFunctionWord(Words.core(split[k]).lowercased()) }
            var cut = coordinated ?? [phrase, late].compactMap { $0 }.max() ?? 15
            while cut > 11, English.isFunctionWord(Words.core(split[cut - 1]).lowercased()) { cut -= 1 }
            // Not inside a name: "the United Nations Convention on the Law of the Sea" is kept whole.
            func capital(_ k: Int) -> Bool { k < split.count && Words.core(split[k]).first?.isUppercase == true }
            func connects(_ k: Int) -> Bool { ["of", "on", "the", "for", "and"].contains(Words.core(split[k]).lowercased()) }
            if capital(cut - 1), !split[cut - 1].hasSuffix(","), cut < split.count,
                capital(cut) || (connects(cut) && (capital(cut + 1) || capital(cut + 2)))
            {
                var end = cut
                while end < split.count, !split[end].hasPrefix("("),
                    capital(end) || (connects(end) && (capital(end + 1) || capital(end + 2)))
                {
                    end += 1
                    if split[end - 1].hasSuffix(",") { break }
                }
                if end <= 15 {
                    cut = end
                } else {
                    // Too long with the whole name: end before it, where a phrase ends.
                    var start = cut - 1
                    while start > 0, capital(start - 1) || (connects(start - 1) && (capital(start) || capital(start + 1))) { start -= 1 }
                    cut = (6..<max(6, start)).last { phraseEnds(split, before: $0) } ?? cut
                }
            }
            // "maritime zones established | in accordance with …": a participle left without its phrase.
            if coordinated == nil, cut > 6, split[cut - 1].hasSuffix("ed"), Words.core(split[cut - 1]).first?.isLowercase == true {
                cut -= 1
            }
            text = Phrase.answer(split[..<cut].joined(separator: " "))
        }
        return text
    }
}
