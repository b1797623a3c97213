import Foundation
import RecallStore
import Testing

/// Which home a command works in, and how its paths are shown.
@Suite struct HomeTests {
    @Test func theOptionThenTheEnvironmentThenTheDefaultHome() {
        #expect(Home.resolve(option: "/tmp/h/", environment: ["RECALL_HOME": "/tmp/e"]).root == "/tmp/h")
        #expect(Home.resolve(option: nil, environment: ["RECALL_HOME": "/tmp/e"]).root == "/tmp/e")
    }

    @Test func pathsAreShownWithinANamedHomeAndWholeInTheDefaultOne() {
        let named = Home.resolve(option: "/tmp/h", environment: [:])
        #expect(named.display("/tmp/h/Decks/x.json") == "Decks/x.json")
        var unnamed = Home("/root/.local/share/recall")
        unnamed.showsWholePaths = true
        #expect(unnamed.display("/root/.local/share/recall/Decks/x.json") == "/root/.local/share/recall/Decks/x.json")
    }
}
