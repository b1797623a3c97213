import Foundation
import Testing

@testable import RecallCore

/// Test fixtures and temporary folders.
enum Fixture {
    static func url(_ name: String) throws -> URL {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return url
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: url(name), encoding: .utf8)
    }

    static func deck(_ name: String) throws -> Deck {
        let data = try Data(contentsOf: url(name))
        return try DeckGenerator.generate(data: data, options: GenerationOptions(name: "t", sourceFile: name)).deck
    }
}
