import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `recall` on a pseudo-terminal, as a person would: through `setsid --ctty` so Ctrl-C
/// reaches it, with TERM=xterm, an INPUTRC fixture and a temporary HOME.
final class PseudoTerminal {
    let process = Process()
    var master: Int32 = -1
    /// Everything read so far, escape sequences and all.
    private(set) var screen = ""
    /// How much of the plain text earlier expectations consumed.
    private var consumed = 0

    /// - Parameter jobControl: run recall from a shell with job control, as a person does, so
    ///   that Ctrl-Z stops it (the kernel does not stop a process group without a parent in its
    ///   session); when it stops, the shell prints "Stopped", waits half a second and runs `fg`.
    init(home: String, arguments: [String], columns: UInt16 = 80, jobControl: Bool = false) throws {
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else { throw CocoaError(.fileReadUnknown) }
        master = masterFD
        let inputrc = try #require(Bundle.module.url(forResource: "Fixtures/inputrc", withExtension: nil)).path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        // --wait: when setsid has to fork, it still ends only when recall does, with its status.
        let recall = [RecallProcess.binary, "--home", home] + arguments
        let shell = ["/bin/bash", "-c", "set -m; \"$@\"; s=$?; if [ $s -eq 148 ]; then sleep 0.5; fg >/dev/null; s=$?; fi; exit $s", "sh"]
        process.arguments = ["--ctty", "--wait"] + (jobControl ? shell : []) + recall
        var env = RecallProcess.environment(home: home)
        env.removeValue(forKey: "RECALL_HOME")
        env["TERM"] = "xterm"
        env["INPUTRC"] = inputrc
        env.removeValue(forKey: "NO_COLOR")
        process.environment = env
        let slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try slave.close()
    }

    deinit {
        // Closing the master hangs up the terminal, which ends recall too.
        if master >= 0 { close(master) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Makes the terminal `columns` wide, as a window resized by hand.
    func resize(columns: UInt16) {
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// The plain text read so far.
    var plainScreen: String { Self.plain(screen) }

    func send(_ text: String) {
        _ = text.withCString { write(master, $0, strlen($0)) }
    }

    /// Reads output until `text` appears after what earlier expectations matched (escape
    /// sequences removed), or `seconds` pass; the match is then consumed.
    @discardableResult
    func expect(_ text: String, seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let plain = Array(Self.plain(screen).unicodeScalars)
            let rest = String(String.UnicodeScalarView(plain[min(consumed, plain.count)...]))
            if let range = rest.range(of: text) {
                consumed += rest.unicodeScalars[..<range.upperBound].count
                return true
            }
            guard Date() < deadline, readSome() else { return false }
        }
    }

    /// Waits up to 0.1 s for output; false when the terminal is closed.
    private func readSome() -> Bool {
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 100) > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        if n <= 0 { return false }
        screen += String(decoding: buffer[0..<n], as: UTF8.self)
        return true
    }

    func waitForExit(seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline {
            if !readSome() { usleep(10_000) }
        }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// The text without escape sequences and carriage returns.
    static func plain(_ text: String) -> String {
        var out = ""
        var it = text.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\u{1B}" {
                guard let n = it.next() else { break }
                if n == "[" {
                    while let x = it.next(), !(0x40...0x7E).contains(x.value) {}
                } else if n == "]" {
                    while let x = it.next(), x != "\u{07}" {}
                }
                continue
            }
            if c == "\r" || c == "\u{07}" { continue }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
