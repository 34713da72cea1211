// swift-tools-version:6.1
import PackageDescription

/// platc: a compiler from a platform repo (platform/, tenants/, models/) to out/.
/// Targets follow the pipeline: PlatcSpec (load) → PlatcFacts (derive) → PlatcChecks (check) → PlatcRender (plan, emit)
/// → PlatcGit (diff); `platc` is the thin command line over them.
let package = Package(
    name: "platc",
    products: [
        .executable(name: "platc", targets: ["platc"]),
        .executable(name: "platc-fuzz", targets: ["PlatcFuzz"]),
        .executable(name: "platc-bench", targets: ["PlatcBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // Linux system calls Foundation does not offer (an atomic exchange of two paths).
        .target(name: "CPlatcSystem"),
        .target(name: "PlatcSpec", dependencies: ["CLibYAML"]),
        // What the checks, the renderer, `platc diff`, `platc fit` and the catalog all read, derived
        // once from a loaded Spec: fits, GPU pools, replica plans, callable names, the timeout ladder.
        .target(name: "PlatcFacts", dependencies: ["PlatcSpec"]),
        .target(name: "PlatcChecks", dependencies: ["PlatcSpec", "PlatcFacts"]),
        .target(
            name: "PlatcRender",
            dependencies: ["CLibYAML", "PlatcSpec", "PlatcFacts"]),
        // load → facts → check → plan → emit, composed once for every command.
        .target(name: "PlatcCompiler", dependencies: ["PlatcSpec", "PlatcFacts", "PlatcChecks", "PlatcRender"]),
        .target(name: "PlatcGit", dependencies: ["CLibGit2"]),
        // `platc diff`: the change set between out/ at a Git revision and a fresh render, the
        // platform-level summary from the two Specs, and its text, Markdown and JSON reports.
        .target(
            name: "PlatcDiff", dependencies: ["PlatcSpec", "PlatcFacts", "PlatcChecks", "PlatcRender", "PlatcCompiler", "PlatcGit"]),
        .executableTarget(
            name: "platc",
            dependencies: [
                "CPlatcSystem", "PlatcSpec", "PlatcFacts", "PlatcChecks", "PlatcRender", "PlatcCompiler", "PlatcGit", "PlatcDiff",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // libFuzzer target over the loader, checks and renderer; docs/testing.md has the sanitizer build.
        .executableTarget(
            name: "PlatcFuzz", dependencies: ["PlatcSpec", "PlatcFacts", "PlatcChecks", "PlatcRender", "PlatcCompiler"]),
        // The performance harness: synthetic platforms of any size and a whole-process timer (docs/BENCHMARKS.md).
        .executableTarget(
            name: "PlatcBench",
            dependencies: [
                "PlatcSpec", "PlatcFacts", "PlatcChecks", "PlatcCompiler",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .target(name: "PlatcTestSupport", dependencies: ["PlatcSpec"], path: "Tests/PlatcTestSupport"),
        .testTarget(name: "PlatcSpecTests", dependencies: ["PlatcSpec", "PlatcTestSupport"]),
        .testTarget(name: "PlatcChecksTests", dependencies: ["PlatcChecks", "PlatcFacts", "PlatcTestSupport", "PlatcCompiler"]),
        .testTarget(
            name: "PlatcRenderTests", dependencies: ["PlatcRender", "PlatcFacts", "PlatcChecks", "PlatcTestSupport", "PlatcCompiler"]),
        .testTarget(name: "PlatcGitTests", dependencies: ["PlatcGit"]),
        .testTarget(name: "PlatcDiffTests", dependencies: ["PlatcDiff", "PlatcFacts", "PlatcChecks", "PlatcTestSupport", "PlatcCompiler"]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["PlatcSpec", "PlatcFacts", "PlatcChecks", "PlatcTestSupport", "PlatcCompiler"]),
    ]
)
