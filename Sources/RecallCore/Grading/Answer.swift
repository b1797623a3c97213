/// Comparing typed answers with a card's answer.
public enum Answer {
    /// Lowercased, punctuation turned into spaces, whitespace folded.
    public static func normalized(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { s -> Character in
            (s.properties.isAlphabetic || ("0"..."9").contains(s)) ? Character(s) : " "
        }
        return String(mapped).split(separator: " ").joined(separator: " ")
    }
}
