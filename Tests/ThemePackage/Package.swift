// swift-tools-version:6.0
// A site with a theme of its own, as the README describes: a Swift package that
// depends on sitegen's SiteKit and Templates and overrides only the article page.
// scripts/test-theme-package builds it and checks the override (CI runs it).
import PackageDescription

let package = Package(
    name: "ThemePackage",
    platforms: [.macOS(.v15)],
    dependencies: [
        // A real site names sitegen by URL and version; this fixture uses the checkout it lives in.
        .package(name: "sitegen", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "site",
            dependencies: [
                .product(name: "SiteKit", package: "sitegen"),
                .product(name: "Templates", package: "sitegen"),
            ],
            path: "Sources/site"
        ),
    ],
    swiftLanguageModes: [.v6]
)
