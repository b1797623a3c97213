import Testing

@testable import RecallCLI

@Suite struct StyleTests {
    @Test func wrapsAtWordBoundariesWithinEightyColumns() {
        let text = String(repeating: "integrate the digital economy with the real economy ", count: 6)
        let wrapped = Style(color: false).wrap(text, indent: 4, firstIndent: 10)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.first.map { $0.count <= 70 } == true)
        for line in lines.dropFirst() {
            #expect(line.hasPrefix("    ") && line.count <= 80)
            #expect(!line.hasSuffix(" "))
        }
        #expect(
            lines.joined(separator: " ").split(separator: " ").joined(separator: " ") == text.split(separator: " ").joined(separator: " "))
    }

    @Test func theAnswerDiffMarksOnlyWhatDiffers() {
        let style = Style(color: false)
        #expect(
            WordDiff.marked(typed: "reorganising global factor resorces", expected: "reorganizing global factor resources", style: style)
                == "reorganising global factor [+resources] [-resorces]")
        #expect(
            WordDiff.marked(typed: "reorganizing resources", expected: "reorganizing global factor resources", style: style)
                == "reorganizing [+global] [+factor] resources")
    }

    @Test(arguments: [
        ("one two three", 7, 0, 0, "one two\nthree"),
        ("one two three", 7, 2, 0, "one two\n  three"),
        ("abcdefghij kl", 4, 1, 0, "abcd\n efg\n hij\n kl"),
        ("abcdefgh", 4, 0, 0, "abcd\nefgh"),
        ("éé éé ééé", 5, 0, 0, "éé éé\nééé"),
        ("中文 字符", 3, 0, 0, "中文\n字符"),
        ("  spaced   out  ", 80, 0, 0, "spaced out"),
        ("", 80, 4, 4, ""),
        ("a b", 10, 0, 8, "a\nb"),
    ])
    func wrapsExactlyByCharacters(_ text: String, _ width: Int, _ indent: Int, _ firstIndent: Int, _ expected: String) {
        #expect(Style.wrap(text, width: width, indent: indent, firstIndent: firstIndent) == expected)
    }

    @Test func countsAgreeWithTheirNouns() {
        #expect(counted(1, "card") == "1 card" && counted(2, "card") == "2 cards" && counted(0, "event") == "0 events")
        #expect(counted(1, "damaged line") == "1 damaged line" && counted(3, "lapse") == "3 lapses")
    }

    @Test func aVeryLongWordIsCutRatherThanOverflowing() {
        let wrapped = Style(color: false).wrap(String(repeating: "x", count: 200))
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func colourOnlyOnATerminalAndNeverWithNO_COLOR() {
        #expect(Style.detect(environment: [:], stdoutIsTTY: true).color)
        #expect(!Style.detect(environment: ["NO_COLOR": "1"], stdoutIsTTY: true).color)
        #expect(!Style.detect(environment: [:], stdoutIsTTY: false).color)
        #expect(Style(color: false).bold("x") == "x")
    }

    @Test func symbolsAreASCIIUnderALocaleThatIsNotUTF8() {
        #expect(Style.detect(environment: ["LC_ALL": "C"], stdoutIsTTY: true).ascii)
        #expect(Style.detect(environment: [:], stdoutIsTTY: true).ascii, "no locale is C")
        #expect(!Style.detect(environment: ["LANG": "en_GB.UTF-8"], stdoutIsTTY: true).ascii)
        #expect(Style.detect(environment: ["LANG": "en_GB.UTF-8", "LC_ALL": "POSIX"], stdoutIsTTY: true).ascii, "LC_ALL wins")
        var style = Style(color: false)
        #expect(style.symbols("── 1/3 · new ──") == "── 1/3 · new ──")
        style.ascii = true
        #expect(style.symbols("── 1/3 · new — ✓ ✗ → … answer› ──") == "-- 1/3 - new - + x -> ... answer> --")
    }

    @Test func everyLineSaidIsBrokenAtSpacesToTheScreensWidth() {
        let header = "\u{1B}[2m── 4/9 · 3 new left · 2 re-drills waiting · figure · new ──\u{1B}[0m"
        let fitted = Console.fit(header, width: 40)
        #expect(fitted.split(separator: "\n").allSatisfy { Console.columns($0) <= 40 }, "\(fitted)")
        #expect(fitted.replacingOccurrences(of: "\n", with: " ") == header, "only spaces become line breaks")
        #expect(Console.fit("short \u{1B}[1mbold\u{1B}[0m", width: 12) == "short \u{1B}[1mbold\u{1B}[0m", "escapes take no columns")
        #expect(Console.fit("  answer: x\n  context: y", width: 80) == "  answer: x\n  context: y")
    }

    @Test func cardTextIsSanitisedWhenWrapped() {
        #expect(Style(color: false).wrap("a\u{1B}[2Jb\u{07}c") == "abc")
    }

    @Test func jsonIsIndentedWithExactNumbersAndEscapedText() {
        let value = JSONValue.object([
            ("a", .array([.int(1), .fixed(246, places: 2), .fixed(-5, places: 2), .share(0.5), .share(nil)])),
            ("b", .object([])), ("c", .array([])), ("q\"", .string("tab\there \u{1B}[31m é")), ("d", .bool(true)),
        ])
        #expect(
            value.text() == """
                {
                  "a": [
                    1,
                    2.46,
                    -0.05,
                    0.5,
                    null
                  ],
                  "b": {},
                  "c": [],
                  "q\\"": "tab\\there \\u001b[31m é",
                  "d": true
                }
                """)
    }
}
