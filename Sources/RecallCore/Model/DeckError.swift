import Foundation

/// What can be wrong with a deck file; every case names the file and, where it can, the card
/// and field at fault.
public enum DeckError: Error, Equatable, LocalizedError {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not valid JSON, or not UTF-8.
    case notJSON(file: String, reason: String)
    /// The top level lacks a field or has it of the wrong type.
    case badField(file: String, field: String, problem: String)
    /// `format` is not `recall-deck`.
    case wrongFormat(file: String, found: String)
    /// `version` is one this build does not read.
    case unsupportedVersion(file: String, found: Int)
    /// A card lacks a field or has it of the wrong type (card numbers count from 1).
    case badCardField(file: String, card: Int, field: String, problem: String)
    /// A required text field of a card is empty.
    case emptyCardField(file: String, card: Int, id: String, field: String)
    /// Two cards share an id.
    case duplicateID(file: String, card: Int, id: String, firstCard: Int)
    /// No deck of that name is in `Decks/`.
    case notFound(name: String, folder: String, available: [String])

    public var errorDescription: String? {
        switch self {
        case let .unreadable(file, reason):
            return "deck '\(file)': cannot read the file: \(reason)"
        case let .notJSON(file, reason):
            return "deck '\(file)': not a JSON deck: \(reason)"
        case let .badField(file, field, problem):
            return "deck '\(file)': \"\(field)\" \(problem)"
        case let .wrongFormat(file, found):
            return "deck '\(file)': \"format\" is \"\(found)\", expected \"\(Deck.formatName)\""
        case let .unsupportedVersion(file, found):
            return "deck '\(file)': \"version\" is \(found); this recall reads version \(Deck.currentVersion)"
        case let .badCardField(file, card, field, problem):
            return "deck '\(file)': card \(card): \"\(field)\" \(problem)"
        case let .emptyCardField(file, card, id, field):
            return "deck '\(file)': card \(card) (id \"\(id)\"): \"\(field)\" is empty"
        case let .duplicateID(file, card, id, firstCard):
            return "deck '\(file)': card \(card): id \"\(id)\" is already used by card \(firstCard)"
        case let .notFound(name, folder, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "no deck named '\(name)' in '\(folder)' (decks there: \(list))"
        }
    }
}
