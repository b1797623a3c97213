// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Recall",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "recall", targets: ["recall"]),
        .library(name: "RecallCore", targets: ["RecallCore"]),
        .library(name: "RecallStore", targets: ["RecallStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        .target(
            name: "RecallCore",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "RecallStore",
            dependencies: ["RecallCore"]
        ),
        .target(
            name: "LineEditor",
            dependencies: ["CReadline"]
        ),
        .target(
            name: "RecallCLI",
            dependencies: [
                "RecallCore",
                "RecallStore",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "recall", dependencies: ["RecallCLI"]),
        .executableTarget(name: "recall-benchmark", dependencies: ["RecallCore", "RecallStore"]),
        .target(name: "RecallFuzz", dependencies: ["RecallCore", "RecallStore", "RecallCLI"]),
        .executableTarget(name: "recall-fuzz", dependencies: ["RecallFuzz"]),
        .target(
            name: "RecallTestSupport",
            dependencies: ["RecallCore", "RecallStore", "LineEditor"],
            path: "Tests/RecallTestSupport"
        ),
        .testTarget(
            name: "RecallCoreTests",
            dependencies: ["RecallCore", "RecallTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RecallStoreTests",
            dependencies: ["RecallStore", "RecallCore", "RecallTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "RecallCLITests",
            dependencies: ["RecallCLI", "RecallCore", "RecallStore", "LineEditor", "RecallTestSupport", "RecallFuzz"],
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
