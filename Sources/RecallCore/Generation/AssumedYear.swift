/// The year of a document that carries no date, read from how it speaks of years, so that its
/// relative dates ("last year", "in March this year", "next year") can still be resolved.
///
/// Speakers name the present year "this year", not by its number, so a year told in the past
/// ("In 2023, I called for …", "was adopted in 2015") lies before the document's year; a year
/// told as a plan, a deadline or a meeting to come ("will host … in 2026", "by 2050", "toward the
/// 2026 Review Conference") does not lie before it. The document's year is taken as the year after
/// the latest past one (or that year itself, when the text names a month of it before December:
/// "the most recent in August 2024"), when no year to come contradicts it. This is the narrative strategy of
/// temporal taggers (HeidelTime) for texts without a creation time, made conservative: no
/// guess when the text tells no year in the past, or when its years disagree.
public struct AssumedYear: Equatable, Sendable {
    /// The year relative dates are read against.
    public var year: Int
    /// The year of the latest date the text tells of in the past.
    public var latestPast: Int
    /// The line that tells of it, for the notice that names the assumption.
    public var line: Int

    /// Reads the year from a document's sentences; nil when they give no grounds.
    static func infer(from source: SourceText) -> AssumedYear? {
        let tagger = TemporalTagger(reference: nil, dayFirst: source.dayFirst)
        var latest: (after: Int, year: Int, line: Int)?
        var earliestFuture = Int.max
        for sentence in source.sentences where sentence.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) {
            let t = Tokens(sentence.words)
            let years = tagger.dates(in: t).compactMap { d -> (date: CalendarDate, at: Int)? in
                guard let date = d.date, !d.relative, d.range.count <= 3 else { return nil }
                return (date, d.range.lowerBound)
            }
            for (date, at) in years {
                switch tense(of: t, at: at) {
                case .past:
                    // A past month of a year ("in August 2024") may be of the present year; a
                    // past year named by its number is not ("In 2023, we …").
                    let after = date.month == nil || date.month == 12 ? date.year + 1 : date.year
                    if latest.map({ after > $0.after }) ?? true { latest = (after, date.year, sentence.line) }
                case .future: earliestFuture = min(earliestFuture, date.year)
                case .unknown: break
                }
            }
        }
        guard let latest, latest.after <= earliestFuture else { return nil }
        return AssumedYear(year: latest.after, latestPast: latest.year, line: latest.line)
    }

    enum Tense { case past, future, unknown }

    /// Whether the clause around word `i` tells of the past or of what is to come.
    static func tense(of t: Tokens, at i: Int) -> Tense {
        // The clause: back to the last semicolon or sentence start, on to the next semicolon.
        var start = i
        var end = i
        while start > 0, !t.semicolons[start - 1] { start -= 1 }
        while end + 1 < t.count, !t.semicolons[end] { end += 1 }
        let before = t.lower(i - 1)
        let twoBefore = t.lower(i - 2)
        if ["by", "until", "till", "toward", "towards", "through"].contains(before) || ["by", "toward", "towards"].contains(twoBefore) {
            return .future
        }
        var past = false
        var participle = false
        var future = false
        var present = false
        for k in start...end {
            let w = t.lower[k]
            if futureMarkers.contains(w) { future = true }
            if ["is", "are", "am"].contains(w) { present = true }
            if pastForms.contains(w) { past = true }
            if w.count > 4, w.hasSuffix("ed"), !t.classes[k].contains(.nounLike), !notPast.contains(w) { participle = true }
        }
        // An "-ed" word after "is"/"are" is a passive or a quality of now ("is scheduled for 2027").
        if participle, !present { past = true }
        if past == future { return .unknown }
        return past ? .past : .future
    }

    /// Words that put a clause in the future: a year near them is a plan or a deadline.
    static let futureMarkers: Set<String> = [
        "will", "shall", "upcoming", "forthcoming", "ahead", "next", "toward", "towards", "aim", "aims", "target", "targets", "plan",
        "plans",
        "going", "hope", "look", "expect", "intend", "until",
    ]
    /// Irregular past forms and words that place a year behind the present ("ago", "since").
    static let pastForms: Set<String> = [
        "was", "were", "had", "did", "made", "held", "took", "began", "became", "came", "met", "saw", "won", "gave", "set", "led",
        "built", "brought", "went", "chose", "wrote", "spoke", "stood", "fought", "broke", "ago", "since",
    ]
    /// Words in "-ed" that are not past verbs.
    static let notPast: Set<String> = ["indeed", "hundred", "speed", "proceed", "exceed", "succeed", "embed", "united", "limited"]
}
