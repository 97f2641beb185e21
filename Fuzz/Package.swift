// swift-tools-version:6.0
// libFuzzer harnesses for SiteKit. Its own package so that the fuzzer flags below
// never reach the site generator's build: see FUZZING.md and scripts/fuzz.
import PackageDescription

/// Each harness is an executable whose `LLVMFuzzerTestOneInput` libFuzzer calls;
/// libFuzzer brings `main`, so the Swift file is compiled as a library file.
let harnesses = ["front-matter", "embed", "tsv", "output-path", "html-escape", "markdown"]

let package = Package(
    name: "sitegen-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "sitegen", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [.product(name: "SiteKit", package: "sitegen")],
            path: "Sources/FuzzSupport"
        ),
    ] + harnesses.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: ["FuzzSupport", .product(name: "SiteKit", package: "sitegen")],
            path: "Sources/fuzz-\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
