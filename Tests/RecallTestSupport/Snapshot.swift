import Foundation
import Testing

/// Golden text: compares `text` with `Snapshots/NAME.txt` beside the test file that calls it.
/// With `RECORD_SNAPSHOTS=1` in the environment the file is written instead, and the test fails
/// so that nobody records by accident.
public func assertSnapshot(
    _ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation
) {
    let folder = (filePath as NSString).deletingLastPathComponent + "/Snapshots"
    let path = "\(folder)/\(name).txt"
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? text.write(toFile: path, atomically: true, encoding: .utf8)
        Issue.record("recorded \(path); run again without RECORD_SNAPSHOTS to compare", sourceLocation: sourceLocation)
        return
    }
    guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
        Issue.record("no snapshot \(path): run once with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    if text != expected {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let want = first < a.count ? String(a[first]) : "(end)"
        let got = first < b.count ? String(b[first]) : "(end)"
        Issue.record(
            "\(name): differs from \(path) at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
    }
}
