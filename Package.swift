// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteKit", targets: ["SiteKit"]),
        // A site with a theme of its own depends on both (README: "Your look in Swift").
        .library(name: "Templates", targets: ["Templates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // `--precompress`: gzip and Brotli from the system's libraries.
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CBrotli",
            path: "Sources/CBrotli",
            pkgConfig: "libbrotlienc",
            providers: [.apt(["libbrotli-dev"])]
        ),
        // The allocator of the sitegen binary (see Sources/sitegen/Allocator.swift).
        .systemLibrary(
            name: "CMimalloc",
            path: "Sources/CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // cmark-gfm helpers in C (see its header): inline parsing free of
        // global writes, so Markdown renders on every core, and a per-parse arena.
        .target(
            name: "CmarkSupport",
            path: "Sources/CmarkSupport",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        .target(
            name: "SiteKit",
            dependencies: ["CCmarkGFM", "CmarkSupport", "CZlib", "CBrotli", .product(name: "Yams", package: "Yams")],
            path: "Sources/SiteKit"
        ),
        .target(
            name: "Templates",
            dependencies: ["SiteKit"],
            path: "templates"
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SiteKit", "Templates", "CMimalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            path: "Sources/sitegen"
        ),
        .testTarget(
            name: "SiteKitTests",
            dependencies: ["SiteKit", "Templates"],
            path: "Tests/SiteKitTests",
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
