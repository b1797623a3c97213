/// A count with its noun, singular for one: "1 card", "2 cards".
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}

/// What is said of an answer too long to read (see `AnswerGrader.isUnread(_:for:)`), instead of
/// showing it back: it is usually a text pasted by mistake.
func unreadAnswerNote(_ typed: String) -> String {
    "(\(grouped(typed.count)) character\(typed.count == 1 ? "" : "s") typed, far more than any form of the answer: graded wrong without reading it)"
}

/// A whole number with commas between groups of three digits: "1,048,576".
func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, digit) in digits.enumerated() {
        if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return (n < 0 ? "-" : "") + out
}
