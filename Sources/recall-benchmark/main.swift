import Foundation
import RecallCore
let path = CommandLine.arguments[1]
let data = try Data(contentsOf: URL(fileURLWithPath: path))
let r = try DeckGenerator.generate(data: data, options: GenerationOptions(name: "x", sourceFile: "x.txt"))
for c in r.deck.cards { print("[\(c.kind)] \(c.question)\n    => \(c.answer)  \(c.alternatives)") }
for d in r.diagnostics { print("DIAG", d) }
