import Foundation
import RecallStore
import Testing

/// Runs the built `recall` binary in a temporary home.
struct RecallProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: String {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [here, here.deletingLastPathComponent(), here.deletingLastPathComponent().deletingLastPathComponent()] {
            let path = candidate.appendingPathComponent("recall").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/recall").path
    }

    /// Runs `recall` with `arguments`; with a `shellPrefix` (such as `ulimit -f 2`), through
    /// `/bin/sh`, which runs the prefix first.
    static func run(
        _ arguments: [String], input: String = "", home: String, cwd: String? = nil, shellPrefix: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        try run(arguments, inputData: Data(input.utf8), home: home, cwd: cwd, shellPrefix: shellPrefix, environment: environment)
    }

    /// The environment recall runs in: the test's, in a UTF-8 locale whatever the test's is
    /// (output differs under others), with `overrides`.
    static func environment(home: String, _ overrides: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["RECALL_HOME"] = home
        env["HOME"] = home
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "LC_CTYPE")
        return env.merging(overrides) { $1 }
    }

    static func run(
        _ arguments: [String], inputData: Data, home: String, cwd: String? = nil, shellPrefix: String? = nil,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        if let shellPrefix {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "\(shellPrefix); exec \"$0\" \"$@\"", binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
        }
        var env = Self.environment(home: home, environment)
        if environment["NO_COLOR"] == nil { env["NO_COLOR"] = "1" }
        process.environment = env
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(inputData)
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }
}

final class TempHome {
    let path: String
    init() throws {
        path = NSTemporaryDirectory() + "recall-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/Decks", withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The home, which knows where its files lie.
    var home: Home { Home(path) }

    func write(_ name: String, _ data: Data) throws -> String {
        let p = path + "/" + name
        try data.write(to: URL(fileURLWithPath: p))
        return p
    }

    var speech: String {
        get throws {
            let url = try #require(Bundle.module.url(forResource: "Fixtures/digital-economy", withExtension: "txt"))
            return url.path
        }
    }
}
