import Foundation

/// Golden text: compares `text` with `Snapshots/NAME.txt` beside the test file that calls it, and
/// says how they differ (nil when they do not). With `RECORD_SNAPSHOTS=1` in the environment the
/// file is written instead, and the answer is a difference all the same, so that nobody records
/// by accident. Use it as `#expect(snapshotMismatch(text, named: "…") == nil)`.
public func snapshotMismatch(_ text: String, named name: String, filePath: String = #filePath) -> String? {
    let folder = (filePath as NSString).deletingLastPathComponent + "/Snapshots"
    let path = "\(folder)/\(name).txt"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        return "recorded \(path); run again without RECORD_SNAPSHOTS to compare"
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        return "no snapshot \(path): run once with RECORD_SNAPSHOTS=1 to record it"
    }
    guard text != expected else { return nil }
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = text.split(separator: "\n", omittingEmptySubsequences: false)
    let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let want = first < a.count ? String(a[first]) : "(end)"
    let got = first < b.count ? String(b[first]) : "(end)"
    return "\(name): differs from \(path) at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)"
}
