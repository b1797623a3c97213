import Foundation
import RecallCore
import RecallStore

/// Recall's benchmarks; build with `swift build -c release --static-swift-stdlib`, then run
/// `.build/release/recall-benchmark [generate|grade|progress|progress-large|all]`.
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
    for _ in 0..<5 { _ = try DeckGenerator.generate(data: speech, options: options) }  // warm-up
    for _ in 0..<31 { runs.append(try time { cards = try DeckGenerator.generate(data: speech, options: options).deck.cards.count }) }
    print(
        String(format: "generate speech (%d bytes, %d cards): median %.1f ms over %d runs", speech.count, cards, median(runs), runs.count))

    // A 1 MB document of the same genre: the speech's paragraphs with their years and ordinals varied.
    let text = String(decoding: speech, as: UTF8.self)
    var big = ""
    var copy = 0
    while big.utf8.count < 1_000_000 {
        big +=
            text.replacingOccurrences(of: "2016", with: String(1900 + copy % 120)).replacingOccurrences(
                of: "36th", with: "\(copy % 90 + 1)th") + "\n\n"
        copy += 1
    }
    let bigData = Data(big.utf8)
    var bigRuns: [Double] = []
    for _ in 0..<7 { bigRuns.append(try time { cards = try DeckGenerator.generate(data: bigData, options: options).deck.cards.count }) }
    print(
        String(
            format: "generate 1 MB document (%d bytes, %d cards): median %.0f ms over %d runs", bigData.count, cards, median(bigRuns),
            bigRuns.count))
}

/// Grading a typed answer against the bundled deck's cards: a typical answer, a whole list, and a
/// pasted 1 MB line, which must stay linear.
func benchmarkGrading(sourcePath: String) throws {
    let deck = try DeckGenerator.generate(
        data: Data(contentsOf: URL(fileURLWithPath: sourcePath)), options: GenerationOptions(name: "b", sourceFile: "b.txt")
    ).deck
    var buildRuns: [Double] = []
    var grader = AnswerGrader()
    for _ in 0..<9 { buildRuns.append(time { grader = AnswerGrader(deck: deck.cards) }) }
    print(String(format: "grader for the speech's deck (%d cards): median %.2f ms", deck.cards.count, median(buildRuns)))
    let card = deck.cards.first { $0.answer == "integrate the digital economy with the real economy" } ?? deck.cards[0]
    let list = Card(
        id: "l", kind: "directive", question: "The three reasons?",
        answer:
            "helps to build a new development dynamic; helps to build a modern economy; gives China an edge in international competition")
    for (label, typed, target) in [
        ("a typical answer", "integrate the digital economy with the reel economy", card),
        ("a date in digits", "18/10/2021", deck.cards[0]),
        (
            "a whole list",
            "helps build a modern economy, helps to build a new development dynamic and gives China an edge in international competition",
            list
        ),
    ] {
        var runs: [Double] = []
        for _ in 0..<201 { runs.append(time { _ = grader.verdict(typed, for: target) }) }
        print(String(format: "grade %@: median %.3f ms, p99 %.3f ms", label, median(runs), percentile(runs, 0.99)))
    }
    var pasted = ""
    while pasted.utf8.count < 1_000_000 { pasted += "integrate the digital economy with the real economy, " }
    var pasteRuns: [Double] = []
    for _ in 0..<3 { pasteRuns.append(time { _ = grader.verdict(pasted, for: card) }) }
    print(String(format: "grade a pasted 1 MB line: median %.0f ms", median(pasteRuns)))
}

/// A home with a deck of `cards` cards and a log of `reviews` reviews spread over the past year.
func makeHome(cards: Int, reviews: Int) throws -> (home: String, today: Day) {
    let home = NSTemporaryDirectory() + "recall-bench-\(cards)-\(reviews)"
    try? FileManager.default.removeItem(atPath: home)
    try AtomicFile.makeFolder(Home(home).decksFolder)
    try AtomicFile.makeFolder(Home(home).progressFolder)
    let kinds = ["date", "session", "directive"]
    let deckCards = (0..<cards).map { i in
        Card(
            id: "c-\(String(i, radix: 16))", kind: kinds[i % 3],
            question: "What is the \(i % 7 + 1)th of the seven tasks set out in the speech number \(i / 7) about the digital economy?",
            answer: "integrate the digital economy with the real economy \(i)",
            context:
                "Third, we will integrate the digital economy with the real economy. We must follow the development trends of digitalization, networking and smart technology (\(i))."
        )
    }
    try Deck(name: "bench", title: "Benchmark", cards: deckCards).encoded().write(
        to: URL(fileURLWithPath: Home(home).library.path(of: "bench")))
    let today = Day(ordinal: 20_600)
    var rng = SystemRandomNumberGenerator()
    var states = [CardState](repeating: .new, count: cards)
    // Written a hundred thousand lines at a time: ten million would be 1.6 GB held at once.
    let logPath = Home(home).progress("bench").log
    _ = FileManager.default.createFile(atPath: logPath, contents: nil)
    let logFile = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
    var log = "{\"deck\":\"bench\",\"format\":\"recall-progress-log\",\"version\":1}\n"
    let studied = min(cards, max(1, reviews / 10))
    for r in 0..<reviews {
        let i = Int.random(in: 0..<studied, using: &rng)
        let day = today.adding(-365 + r * 365 / reviews)
        let grade = Int.random(in: 0...5, using: &rng)
        let before = states[i]
        let after = SM2.review(before, grade: grade, on: day)
        states[i] = after
        log +=
            ProgressEvent.review(
                Review(
                    card: deckCards[i].id, at: Int64(day.ordinal) * 86_400_000, day: day, grade: grade,
                    responseMs: 4000, redrill: false, before: before, after: after)
            ).logLine
        if r % 100_000 == 99_999 {
            try logFile.write(contentsOf: Data(log.utf8))
            log = ""
        }
    }
    try logFile.write(contentsOf: Data(log.utf8))
    try logFile.close()
    let store = try JSONProgressStore(home: Home(home), deck: "bench")
    store.order = deckCards.map(\.id)
    try store.checkpoint()
    store.close()
    return (home, today)
}

func fileSize(_ path: String) -> Double {
    Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1_048_576
}

/// Runs `recall study` and returns the milliseconds until the first card shows, and the
/// process's peak memory then.
func firstCard(recall: String, home: String, today: Day) throws -> (ms: Double, peakMB: Double) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: recall)
    process.arguments = ["study", "--home", home, "--today", today.description]
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    process.environment = env
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    let start = DispatchTime.now().uptimeNanoseconds
    try process.run()
    var seen = ""
    while !seen.contains("── ") {
        let data = output.fileHandleForReading.availableData
        if data.isEmpty { break }
        seen += String(decoding: data, as: UTF8.self)
    }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    var peak = 0.0
    if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8) {
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            peak = (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
        }
    }
    try input.fileHandleForWriting.write(contentsOf: Data(":quit\n".utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    guard seen.contains("── ") else {
        throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "recall showed no card: \(seen)"])
    }
    return (ms, peak)
}

/// Runs a process to its end, its output thrown away, and returns the milliseconds it took.
func run(_ executable: String, _ arguments: [String]) throws -> Double {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    // waitUntilExit polls every 50 ms on Linux; the termination handler comes at once.
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    return try time {
        try process.run()
        exited.wait()
    }
}

/// The largest peak memory of any child process waited for so far.
func childrenPeakMB() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// How many cards of the benchmark's home are due.
func dueCount(home: String, today: Day) -> Int {
    guard let store = try? JSONProgressStore(home: Home(home), deck: "bench", mode: .readOnly) else { return 0 }
    return store.states.values.filter { !$0.suspended && ($0.due.map { $0 <= today } ?? false) }.count
}

func benchmarkProgress(cards: Int, reviews: Int) throws {
    let recall = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("recall").path
    guard FileManager.default.isExecutableFile(atPath: recall) else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "build recall first: swift build -c release"])
    }
    let (home, today) = try makeHome(cards: cards, reviews: reviews)
    defer { try? FileManager.default.removeItem(atPath: home) }
    let files = Home(home).progress("bench")
    print(
        "\(cards) cards / \(reviews) reviews: deck \(String(format: "%.1f", fileSize(Home(home).library.path(of: "bench")))) MB, log \(String(format: "%.1f", fileSize(files.log))) MB, snapshot \(String(format: "%.1f", fileSize(files.snapshot))) MB"
    )
    _ = try firstCard(recall: recall, home: home, today: today)  // warm the page cache
    var starts: [Double] = []
    var peaks: [Double] = []
    for _ in 0..<9 {
        let r = try firstCard(recall: recall, home: home, today: today)
        starts.append(r.ms)
        peaks.append(r.peakMB)
    }
    print(
        String(
            format: "  process start to first card: median %.0f ms (min %.0f, max %.0f) over %d runs; peak memory %.0f MB",
            median(starts), starts.min() ?? 0, starts.max() ?? 0, starts.count, peaks.max() ?? 0))

    // The first run finds no copy of the log's digests in Progress/.cache and makes one.
    func statsRun() throws -> Double { try run(recall, ["stats", "--json", "--home", home, "--today", today.description]) }
    let cold = try statsRun()
    let statsRuns = try (0..<9).map { _ in try statsRun() }
    print(
        String(
            format:
                "  recall stats --json, whole process: median %.0f ms (min %.0f, max %.0f) over %d runs; the first run, which reads the whole log and keeps a copy of its digests: %.0f ms",
            median(statsRuns), statsRuns.min() ?? 0, statsRuns.max() ?? 0, statsRuns.count, cold))
    try statsPhases(home: home, today: today)

    // Every due card listed: the table, streamed.
    let listRuns = try (0..<5).map { _ in try run(recall, ["cards", "--due", "--home", home, "--today", today.description]) }
    print(
        String(
            format:
                "  recall cards --due (%d cards listed), whole process: median %.0f ms (min %.0f, max %.0f) over %d runs; peak memory of any child so far %.0f MB",
            dueCount(home: home, today: today), median(listRuns), listRuns.min() ?? 0, listRuns.max() ?? 0, listRuns.count, childrenPeakMB()
        ))

    // The first runs after a change: the deck edited (its index is built again), a review
    // added to the log (statistics read the lines after their copy), the copy deleted.
    let deckPath = Home(home).library.path(of: "bench")
    try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: deckPath)
    let afterDeck = try firstCard(recall: recall, home: home, today: today)
    let appended = try JSONProgressStore(home: Home(home), deck: "bench")
    try appended.append(.review(Review(grading: "c-0", in: appended.states["c-0"] ?? .new, grade: 4, on: today, at: 0, responseMs: 1)))
    appended.close()
    let afterAppend = try statsRun()
    try FileManager.default.removeItem(atPath: Home(home).progress("bench").digests)
    let withoutCopy = try statsRun()
    print(
        String(
            format:
                "  after a change: first card with the deck's index built again %.0f ms (peak %.0f MB); stats --json after one more review %.0f ms, with no copy of the digests %.0f ms; peak memory of any child %.0f MB",
            afterDeck.ms, afterDeck.peakMB, afterAppend, withoutCopy, childrenPeakMB()))

    var deck: Deck?
    let deckRuns = try (0..<5).map { _ in try time { deck = try Home(home).library.load("bench") } }
    let indexRuns = try (0..<5).map { _ in try time { _ = try IndexedDeck.load("bench", home: Home(home)) } }
    var store: JSONProgressStore?
    let openRuns = try (0..<5).map { _ in
        try time {
            store?.close()
            store = try JSONProgressStore(home: Home(home), deck: "bench")
        }
    }
    guard let deck, let store else { return }
    var queue = DailyQueue(due: [], new: [])
    let queueRuns = (0..<9).map { _ in
        time { queue = DailyQueue.build(cards: deck.cards, states: store.states, today: today, newLimit: 20) }
    }
    print(
        String(
            format:
                "  in process: read the deck's index %.0f ms (the whole deck, after it changed: %.0f ms), open progress %.0f ms, build today's queue %.1f ms (%d due, %d new)",
            median(indexRuns), median(deckRuns), median(openRuns), median(queueRuns), queue.due.count, queue.new.count))
    var saves: [Double] = []
    for (n, id) in queue.all.prefix(1000).enumerated() {
        let before = store.states[id] ?? .new
        let review = Review(
            card: id, at: Int64(n), day: today, grade: 4, responseMs: 3000, redrill: false,
            before: before, after: SM2.review(before, grade: 4, on: today))
        saves.append(try time { try store.append(.review(review)) })
    }
    while saves.count < 1000 {
        let review = Review(card: "c-0", at: 0, day: today, grade: 4, responseMs: 3000, redrill: true, before: .new, after: .new)
        saves.append(try time { try store.append(.review(review)) })
    }
    print(
        String(
            format:
                "  durable save per answer: median %.2f ms, p99 %.2f ms, max %.1f ms over %d answers (every %dth also writes a snapshot)",
            median(saves), percentile(saves, 0.99), saves.max() ?? 0, saves.count, store.checkpointEvery))
    store.close()
}

/// In-process parts of `recall stats` on an existing home (see make-home): medians of 7 runs.
func statsPhases(home: String, today: Day) throws {
    var deck: IndexedDeck?
    var store: JSONProgressStore?
    var log: ReviewLog?
    let deckRuns = try (0..<7).map { _ in try time { deck = try IndexedDeck.load("bench", home: Home(home)) } }
    let storeRuns = try (0..<7).map { _ in try time { store = try JSONProgressStore(home: Home(home), deck: "bench", mode: .readOnly) } }
    guard let deck, let store else { return }
    let logRuns = try (0..<7).map { _ in try time { log = try store.reviewLog(deckIds: deck.ids, cached: true) } }
    guard let log else { return }
    let data = StudyStatistics.DeckData(
        ids: deck.ids, kinds: deck.kinds, states: store.states, log: log,
        questions: { try deck.cards(at: $0).map(\.question) })
    var figures: StudyStatistics?
    let computeRuns = try (0..<7).map { _ in try time { figures = try StudyStatistics.compute([data], today: today) } }
    print(
        String(
            format:
                "  stats in process: deck index %.0f ms, progress %.0f ms, log with its copy %.0f ms (%d reviews), figures %.0f ms (%d leeches)",
            median(deckRuns), median(storeRuns), median(logRuns), log.reviews.count, median(computeRuns), figures?.leeches.count ?? 0))
}

let arguments = Array(CommandLine.arguments.dropFirst())
let what = arguments.first ?? "all"
let source = what == "generate" ? arguments.dropFirst().first ?? "Decks/sources/digital-economy.txt" : "Decks/sources/digital-economy.txt"
do {
    if what == "generate" || what == "all" { try benchmarkGeneration(sourcePath: source) }
    if what == "grade" || what == "all" { try benchmarkGrading(sourcePath: "Decks/sources/digital-economy.txt") }
    if what == "make-home", arguments.count == 3, let cards = Int(arguments[1]), let reviews = Int(arguments[2]) {
        let (home, today) = try makeHome(cards: cards, reviews: reviews)
        print("made \(home) for study day \(today)")
    }
    if what == "stats-phases", arguments.count == 3, let today = Day(arguments[2]) {
        try statsPhases(home: arguments[1], today: today)
    }
    if what == "progress" || what == "all" {
        try benchmarkProgress(cards: 10_000, reviews: 100_000)
        try benchmarkProgress(cards: 100_000, reviews: 1_000_000)
    }
    if what == "progress-large" { try benchmarkProgress(cards: 1_000_000, reviews: 10_000_000) }
    print(String(format: "peak memory of the benchmark: %.0f MB", peakMemoryMB()))
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error.localizedDescription)\n".utf8))
    exit(1)
}
