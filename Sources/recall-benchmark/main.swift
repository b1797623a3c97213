import Foundation
import RecallCore

/// Recall's benchmarks; build with `swift run -c release recall-benchmark [generate|progress]`.
/// Each figure is the median of several runs; nothing here is asserted, only measured.

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let s = values.sorted()
    return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * p))]
}

func time(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

func benchmarkGeneration(sourcePath: String) throws {
    let speech = try Data(contentsOf: URL(fileURLWithPath: sourcePath))
    let options = GenerationOptions(name: "bench", sourceFile: "bench.txt")
    var cards = 0
    var runs: [Double] = []
    for _ in 0..<5 { _ = try DeckGenerator.generate(data: speech, options: options) } // warm-up
    for _ in 0..<31 { runs.append(try time { cards = try DeckGenerator.generate(data: speech, options: options).deck.cards.count }) }
    print(String(format: "generate speech (%d bytes, %d cards): median %.1f ms over %d runs", speech.count, cards, median(runs), runs.count))

    // A 1 MB document of the same genre: the speech's paragraphs with their years and ordinals varied.
    let text = String(decoding: speech, as: UTF8.self)
    var big = ""
    var copy = 0
    while big.utf8.count < 1_000_000 {
        big += text.replacingOccurrences(of: "2016", with: String(1900 + copy % 120)).replacingOccurrences(of: "36th", with: "\(copy % 90 + 1)th") + "\n\n"
        copy += 1
    }
    let bigData = Data(big.utf8)
    var bigRuns: [Double] = []
    for _ in 0..<7 { bigRuns.append(try time { cards = try DeckGenerator.generate(data: bigData, options: options).deck.cards.count }) }
    print(String(format: "generate 1 MB document (%d bytes, %d cards): median %.0f ms over %d runs", bigData.count, cards, median(bigRuns), bigRuns.count))
}

let arguments = Array(CommandLine.arguments.dropFirst())
let what = arguments.first ?? "all"
let source = arguments.dropFirst().first ?? "Decks/sources/digital-economy.txt"
do {
    if what == "generate" || what == "all" { try benchmarkGeneration(sourcePath: source) }
    print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error.localizedDescription)\n".utf8))
    exit(1)
}
