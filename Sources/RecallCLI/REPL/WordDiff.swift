import RecallCore

/// Marks a typed answer against the expected one, word by word: missing words in brackets as
/// `[+word]`, extra words as `[-word]`, coloured when the style allows. A British spelling of
/// the word asked ("reorganising") is no change.
enum WordDiff {
    static func marked(typed: String, expected: String, style: Style) -> String {
        let a = Sanitizer.plain(typed).split(separator: " ").map(String.init)
        let b = Sanitizer.plain(expected).split(separator: " ").map(String.init)
        // Words the grader takes as the same word are not marked: case, punctuation, spelling.
        let na = a.map { Answer.spelling(Answer.normalized($0)) }
        let nb = b.map { Answer.spelling(Answer.normalized($0)) }
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = na[i] == nb[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, na[i] == nb[j] {
                out.append(a[i])
                i += 1
                j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                out.append(style.green("[+\(b[j])]"))
                j += 1
            } else {
                out.append(style.red("[-\(a[i])]"))
                i += 1
            }
        }
        return out.joined(separator: " ")
    }
}
