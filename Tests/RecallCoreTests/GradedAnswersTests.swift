import Foundation
import Testing

@testable import RecallCore

/// Typed answers graded by teachers before the grader was run on them (273 in set A, written to
/// cover every kind of answer the grading issue names; 163 in set B, written apart from it the
/// same way; 130 in set C, written later by another teacher who saw only the decks, and never
/// used to tune the grader). The grader must never suggest 4 or 5 for a wrong answer, and its
/// agreement on correct / near miss / wrong must not drop below what it reaches: 90% on A and B
/// (90.1% and 90.2%; the old grader: 56% and 52%), 69% on C (69.2%: the teacher of set C calls a
/// typo correct where the grading issue says near, and reads paraphrase no rule here reads).
@Suite struct GradedAnswersTests {
    struct Case: Decodable {
        struct CardText: Decodable {
            var kind: String
            var question: String
            var answer: String
            var alternatives: [String]?
            var unordered: Bool?
        }
        var deck: String
        var card: CardText
        var typed: String
        var teacher: String
        var category: String
        var why: String?
    }

    /// The three classes a grade falls in: 4–5 correct, 3 near miss, 0–2 wrong.
    static func recallClass(_ grade: Int) -> String { grade >= 4 ? "correct" : grade == 3 ? "near" : "wrong" }

    static func agreement(_ file: String) throws -> (share: Double, table: String, wrongPassed: [String], disagreements: [String]) {
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: Fixture.url("grading/\(file)")))
        var graders: [String: AnswerGrader] = [:]
        var agree = 0
        var cells: [String: Int] = [:]
        var wrongPassed: [String] = []
        var disagreements: [String] = []
        for c in cases {
            if graders[c.deck] == nil {
                let data = try Data(contentsOf: Fixture.url("grading/decks/\(c.deck).json"))
                graders[c.deck] = AnswerGrader(deck: try Deck.decode(data, file: c.deck).cards)
            }
            let grader = graders[c.deck]!
            let card = Card(
                id: "x", kind: c.card.kind, question: c.card.question, answer: c.card.answer,
                alternatives: c.card.alternatives ?? [], unordered: c.card.unordered ?? false)
            let grade = grader.suggestedGrade(grader.verdict(c.typed, for: card), seconds: 1, card: card)
            let recall = recallClass(grade)
            cells[c.teacher + "/" + recall, default: 0] += 1
            if recall == c.teacher {
                agree += 1
            } else {
                disagreements.append(
                    "[\(c.category)] teacher \(c.teacher), Recall \(recall) (\(grade)): \"\(c.typed)\" for \"\(c.card.answer)\"")
            }
            if c.teacher == "wrong", grade >= 4 { wrongPassed.append("\"\(c.typed)\" for \"\(c.card.answer)\"") }
        }
        let classes = ["correct", "near", "wrong"]
        var table = "teacher \\ Recall | correct | near | wrong\n"
        for t in classes { table += t + " | " + classes.map { String(cells[t + "/" + $0, default: 0]) }.joined(separator: " | ") + "\n" }
        return (Double(agree) / Double(max(1, cases.count)), table, wrongPassed, disagreements)
    }

    @Test(arguments: [("set-a.json", 0.90), ("set-b.json", 0.90), ("set-c.json", 0.69)])
    func teachersAndTheGraderAgree(_ file: String, floor: Double) throws {
        let result = try Self.agreement(file)
        #expect(result.share >= floor, "agreement \(result.share)\n\(result.table)\(result.disagreements.joined(separator: "\n"))")
        #expect(result.wrongPassed.isEmpty, "wrong answers suggested 4 or 5: \(result.wrongPassed)")
    }
}
