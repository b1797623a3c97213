import RecallCore
import Testing

@testable import RecallStore

/// The first line of the files Recall writes by hand: written and read by one pair.
@Suite struct HeaderLineTests {
    func read(_ text: String) -> HeaderLine? {
        Array(text.utf8).withUnsafeBufferPointer { HeaderLine.read($0)?.header }
    }

    @Test func whatIsWrittenIsReadBack() {
        var rng = SplitMix64(seed: 7)
        for k in 0..<500 {
            let header = HeaderLine([
                "deck": .string("d\(k) \"quoted\" \\ \u{1}\u{85}é"), "format": .string("recall-progress-log"),
                "version": .int(Int.random(in: -5...5, using: &rng)), "logBytes": .int(Int.random(in: 0...Int(Int32.max), using: &rng)),
            ])
            let text = header.text
            #expect(text.hasSuffix("}\n") && text.filter { $0 == "\n" }.count == 1)
            #expect(read(text) == header)
        }
    }

    @Test func keysAreWrittenSortedAsEarlierBuildsWroteThem() {
        #expect(JSONProgressStore.logHeader(deck: "speech") == "{\"deck\":\"speech\",\"format\":\"recall-progress-log\",\"version\":1}\n")
    }

    @Test(arguments: [
        "{\"format\":\"x\"}",  // no newline: a torn first line
        "[\"format\",\"x\"]\n",  // not an object
        "{\"version\":1.5}\n", "{\"version\":true}\n", "{\"a\":{\"b\":1}}\n", "{\"a\":1,}\n", "{\"a\":1} x\n", "",
    ])
    func anythingElseIsNotAHeader(_ text: String) {
        #expect(read(text) == nil)
    }

    @Test func spacesAreAllowedAsJSONAllowsThem() {
        #expect(read("{ \"format\" : \"f\" , \"version\" : 1 }\n") == HeaderLine(["format": .string("f"), "version": .int(1)]))
        #expect(read("{}\n") == HeaderLine([:]))
    }
}
