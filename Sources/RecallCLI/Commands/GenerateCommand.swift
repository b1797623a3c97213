import ArgumentParser
import Foundation
import RecallCore
import RecallStore

extension RecallCommand {
    /// `recall generate SOURCE.txt`: makes a deck from a text.
    struct GenerateCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Make a deck of cards from a plain-text speech or policy document."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The plain-text (UTF-8) source document.")
        var source: String

        @Option(help: ArgumentHelp("Only these kinds, comma-separated: \(DeckGenerator.kinds.joined(separator: ",")).", valueName: "kinds"))
        var kinds: String?

        @Option(parsing: .unconditional, help: "At most this many cards, in document order.")
        var limit: Int?

        @Option(help: "The deck's short name (default: the source file's name).")
        var name: String?

        @Option(help: "The deck's title (default: the document's title).")
        var title: String?

        @Option(
            help: ArgumentHelp(
                "The document's date, for a text without a dateline: relative dates (\"last year\") are resolved against it. YYYY-MM-DD, YYYY-MM, or as written (\"27 September 2024\").",
                valueName: "date"))
        var date: String?

        @Option(help: ArgumentHelp("Where to write the deck (default: Decks/NAME.json under the home).", valueName: "path"))
        var out: String?

        @Flag(help: "Replace an existing deck.")
        var force = false

        @Flag(name: .customLong("allow-empty"), help: "Write the deck even when the text yields no cards.")
        var allowEmpty = false

        @Flag(help: "List the sentences the generator could not use.")
        var verbose = false

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1, not \(limit)") }
            if let kinds {
                for kind in kindSet(kinds) where !DeckGenerator.kinds.contains(kind) {
                    throw ValidationError("--kinds: unknown kind '\(kind)'; choose from \(DeckGenerator.kinds.joined(separator: ", "))")
                }
                if kindSet(kinds).isEmpty {
                    throw ValidationError("--kinds is empty; choose from \(DeckGenerator.kinds.joined(separator: ", "))")
                }
            }
            if let date, CalendarDate(parsing: date) == nil {
                throw ValidationError(
                    "--date '\(date)' is not a date: give YYYY-MM-DD, YYYY-MM, YYYY or a date such as '27 September 2024'")
            }
            if let name, !Self.isValidName(name) {
                throw ValidationError("--name '\(name)' may use only letters, digits, '-' and '_'")
            }
        }

        func kindSet(_ text: String) -> Set<String> {
            Set(text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })
        }

        static func isValidName(_ name: String) -> Bool {
            !name.isEmpty && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" }
        }

        static func slug(_ file: String) -> String {
            let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let mapped = base.lowercased().unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" }
            let slug = String(mapped).split(separator: "-").joined(separator: "-")
            return slug.isEmpty ? "deck" : slug
        }

        func run() throws {
            let context = try global.context()
            let data: Data
            do { data = try AtomicFile.read(source) } catch let error as FileError {
                throw CommandFailure(message: "source \(error.localizedDescription)")
            }
            let deckName = name ?? Self.slug(source)
            let options = GenerationOptions(
                name: deckName, title: title, date: date.flatMap(CalendarDate.init(parsing:)),
                sourceFile: (source as NSString).lastPathComponent,
                kinds: kinds.map(kindSet), limit: limit)
            let result: GenerationResult
            do {
                // About half a second a megabyte: a text of several is announced.
                result = try context.notice(above: 2 << 20).around("Reading '\(source)' (\(data.count >> 20) MB)", bytes: data.count) {
                    try DeckGenerator.generate(data: data, options: options)
                }
            } catch let error as GenerationError {
                throw error.naming(source)
            }
            // An --out that names a folder gets the deck inside it, named as it would be in Decks/.
            var outPath = out ?? context.library.path(of: deckName)
            if let out, AtomicFile.isFolder(out) {
                outPath = DeckLibrary(folder: out).path(of: deckName)
            }
            if verbose {
                for d in result.diagnostics { printError("note: \(source):\(d.line): \(d.message)") }
            }
            if result.deck.cards.isEmpty && !allowEmpty {
                throw CommandFailure(
                    message:
                        "'\(source)' yields no cards: it states no dated events, named meetings or enumerated lists. No deck written (use --allow-empty to write one anyway)."
                )
            }
            if AtomicFile.exists(outPath), !force {
                throw CommandFailure(
                    message:
                        "deck '\(context.display(outPath))' already exists; use --force to replace it (progress is kept: unchanged cards keep their ids)"
                )
            }
            let folder = (outPath as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do { try AtomicFile.makeFolder(folder) } catch {
                    throw CommandFailure(message: "deck not written: \(error.localizedDescription)")
                }
            }
            do { try AtomicFile.write(try result.deck.encoded(), to: outPath) } catch let error as FileError {
                throw CommandFailure(message: "deck not written: \(error.localizedDescription)")
            }
            let counts = result.deck.countsByKind.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            printLine(
                "Wrote \(context.display(outPath)): \(counted(result.deck.cards.count, "card"))\(counts.isEmpty ? "" : " (\(counts))").")
            if let assumed = result.assumedYear {
                FileHandle.standardError.write(
                    Data(
                        "note: \(source) has no date: relative dates (\"last year\", \"next year\") are read as of \(assumed.year), since line \(assumed.line) tells of \(assumed.latestPast) in the past; if that is wrong, give --date YYYY-MM-DD\n"
                            .utf8))
            }
            if !verbose, !result.diagnostics.isEmpty {
                printError("note: \(result.diagnostics.count) findings; --verbose lists them")
            }
        }
    }
}
