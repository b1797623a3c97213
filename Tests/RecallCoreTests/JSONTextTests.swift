import Testing

@testable import RecallCore

/// One escape and one unescape for every JSON string Recall writes by hand.
@Suite struct JSONTextTests {
    /// Text with every kind of character that needs care: controls (C0, DEL, C1), quotes,
    /// backslashes, slashes, and scalars outside the Basic Multilingual Plane.
    static func randomText(_ rng: inout SplitMix64) -> String {
        let pool: [ClosedRange<UInt32>] = [0x00...0x1F, 0x20...0x7E, 0x7F...0x9F, 0xA0...0x2FF, 0x4E00...0x4E40, 0x1F600...0x1F64F]
        var s = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...24, using: &rng) {
            let range = pool[Int.random(in: 0..<pool.count, using: &rng)]
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &rng)) { s.append(scalar) }
            if Int.random(in: 0..<6, using: &rng) == 0 { s.append(["\"", "\\", "/"][Int.random(in: 0..<3, using: &rng)]) }
        }
        return String(s)
    }

    @Test func whatIsEscapedIsUnescapedToTheSameText() throws {
        var rng = SplitMix64(seed: 12)
        for _ in 0..<5000 {
            let text = Self.randomText(&rng)
            var quoted = ""
            JSONText.appendQuoted(text, to: &quoted)
            #expect(
                !quoted.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
                "no control character is written raw")
            var bytes: [UInt8] = []
            JSONText.appendQuoted(text, to: &bytes)
            #expect(bytes == Array(quoted.utf8), "the byte writer writes what the text writer does")
            #expect(try JSONText.unescape(String(quoted.dropFirst().dropLast())) == text)
        }
    }

    @Test(arguments: [
        ("\\b\\f\\n\\r\\t\\/\\\"\\\\", "\u{08}\u{0C}\n\r\t/\"\\"),
        ("\\u00e9\\u4E2D", "é中"),
        ("\\ud83d\\ude00", "😀"),
    ])
    func everyEscapeOfJSONIsRead(_ escaped: String, _ text: String) throws {
        #expect(try JSONText.unescape(escaped) == text)
    }

    @Test(arguments: ["\\x", "\\", "\\u12", "\\ud83d", "\\ude00", "\\ud83d\\u0041"])
    func aBrokenEscapeIsAnErrorNotAGuess(_ escaped: String) {
        #expect(throws: JSONText.EscapeError.self) { try JSONText.unescape(escaped) }
    }
}
