import Foundation
import RecallFuzz
import RecallTestSupport
import Testing

/// Every seed of the fuzzers and every input that once failed (`Fuzz/crashes`), replayed through
/// its target: what a fuzzer found stays found. One at a time: the file targets share a scratch home.
@Suite(.serialized) struct FuzzRegressionTests {
    static func inputs(_ target: FuzzTarget) -> [String] {
        ["seeds", "crashes"].flatMap { folder -> [String] in
            let path = "\(Package.root)/Fuzz/\(folder)/\(target.rawValue)"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }
        }
    }

    @Test(arguments: FuzzTarget.allCases) func everySeedAndEveryFormerCrashPasses(_ target: FuzzTarget) throws {
        let files = Self.inputs(target)
        #expect(!files.isEmpty, "Fuzz/seeds/\(target.rawValue) holds no seed")
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(throws: Never.self, "\(file)") { try target.run(bytes) }
        }
    }
}
