// The fuzzing driver. Built by `Fuzz/run` with `--sanitize fuzzer` and FUZZING defined, it is a
// libFuzzer binary whose target is named by RECALL_FUZZ_TARGET. Built plainly (as `swift build`
// does), it replays files through a target: `recall-fuzz TARGET FILE...`, to reproduce a crash
// without the sanitizers.
import Foundation
import RecallFuzz

#if FUZZING
    nonisolated(unsafe) private var target = FuzzTarget.deck

    @_cdecl("LLVMFuzzerInitialize")
    public func initialize(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
        let name = ProcessInfo.processInfo.environment["RECALL_FUZZ_TARGET"] ?? ""
        guard let chosen = FuzzTarget(rawValue: name) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("recall-fuzz: set RECALL_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(64)
        }
        target = chosen
        chosen.prepare()
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func testOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        do { try target.run(Array(UnsafeBufferPointer(start: data, count: size))) } catch {
            // Stopping is how libFuzzer learns of it: it saves the input that broke the promise.
            fatalError("recall-fuzz \(target.rawValue): \(error)")
        }
        return 0
    }
#else
    @main struct Replay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
                FileHandle.standardError.write(Data("usage: recall-fuzz \(names) FILE...\n".utf8))
                exit(64)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("recall-fuzz: cannot read \(path)\n".utf8))
                    exit(66)
                }
                do {
                    try target.run(Array(data))
                    print("ok \(path)")
                } catch {
                    print("FAILED \(path): \(error)")
                    exit(1)
                }
            }
        }
    }
#endif
