import ArgumentParser
import Foundation
import RecallCore
import RecallStore

/// Options every command understands: where the home is and which day it is.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder holding Decks/ and Progress/ (also $RECALL_HOME).", valueName: "dir"))
    var home: String?

    @Option(name: .long, help: ArgumentHelp("The study day, YYYY-MM-DD (also $RECALL_TODAY); a day starts at 04:00.", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, case let .failure(problem) = Day.studyDay(parsing: today) { throw ValidationError("--today \(problem)") }
    }

    /// The resolved home and day, from options, the environment and the clock.
    func context(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) throws -> AppContext {
        let home = Home.resolve(option: self.home, environment: environment)
        let day: Day
        if let today {
            switch Day.studyDay(parsing: today) {
            case let .success(d): day = d
            case let .failure(problem): throw ValidationError("--today \(problem)")
            }
        } else if let env = environment["RECALL_TODAY"], !env.isEmpty {
            switch Day.studyDay(parsing: env) {
            case let .success(d): day = d
            case let .failure(problem): throw CommandFailure(message: "RECALL_TODAY \(problem)", status: 64)
            }
        } else {
            day = Day.studyDay(at: now, timeZone: .current)
            guard Day.studyDays.contains(day.ordinal) else {
                throw CommandFailure(
                    message:
                        "the clock says \(day), outside the days Recall studies on (1900-01-01 to 2999-12-31); set the clock or give --today"
                )
            }
        }
        return AppContext(home: home, today: day, environment: environment)
    }
}

/// Where Recall works and when.
struct AppContext {
    /// The home, which knows where every file lies.
    var home: Home
    var today: Day
    var environment: [String: String]

    var library: DeckLibrary { home.library }

    /// A path shown relative to the home when it lies inside it.
    func display(_ path: String) -> String { home.display(path) }

    /// What a command shows while slow work runs: a line on standard error when that is a
    /// terminal, nothing when it is not or the output is JSON.
    func notice(json: Bool = false, above: Int = 16 << 20) -> SlowWorkNotice {
        guard !json, isatty(2) == 1 else { return .silent }
        let started = Clock()
        return SlowWorkNotice(
            above: above,
            begin: { what in
                started.reset()
                FileHandle.standardError.write(Data(Style.ofProcess.symbols("\(what)…").utf8))
            },
            end: { FileHandle.standardError.write(Data(" done (\(started.elapsed)).\n".utf8)) })
    }
}

/// The time since it was last reset, for a notice.
final class Clock: @unchecked Sendable {
    private var start = Date()

    func reset() { start = Date() }

    /// Seconds with one decimal.
    var elapsed: String { String(format: "%.1f s", Date().timeIntervalSince(start)) }
}
