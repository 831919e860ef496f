// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "victrend",
    products: [
        .library(name: "VicTrend", targets: ["VicTrend"]),
        .executable(name: "victrend", targets: ["victrend"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // libcsv (Debian: libcsv-dev). Debian ships no pkg-config file; the header is /usr/include/csv.h.
        .systemLibrary(
            name: "CLibCSV",
            path: "Sources/CLibCSV",
            providers: [.apt(["libcsv-dev"])]
        ),
        // `__builtin_prefetch`, which Swift does not offer (header only: nothing to link).
        .systemLibrary(
            name: "CPrefetch",
            path: "Sources/CPrefetch"
        ),
        .target(
            name: "VicTrend",
            dependencies: ["CLibCSV", "CPrefetch"]
        ),
        .executableTarget(
            name: "victrend",
            dependencies: [
                "VicTrend",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "VicTrendTests", dependencies: ["VicTrend"]),
        // End-to-end tests run the built `victrend` binary; the dependency makes `swift test` build it.
        .testTarget(name: "victrendTests", dependencies: ["victrend"]),
    ]
)
