import PlatcChecks
import PlatcCompiler
import PlatcRender
import PlatcSpec

/// A libFuzzer target over the loader, the checks, the renderer and the diagnostic formats. One input
/// is the files of a platform root (FuzzInput), so it exercises the cross-file rules too.
///
/// Build and run (docs/testing.md):
///   swift build --product platc-fuzz --scratch-path .build-fuzz \
///     -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING
///   .build-fuzz/debug/platc-fuzz fuzz-corpus Tests/Fixtures/fuzz-seeds -max_total_time=600
/// Without -DFUZZING the same binary replays inputs given as paths (regression runs).
@_cdecl("LLVMFuzzerTestOneInput")
public func loaderFuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let files = FuzzInput.files(Array(UnsafeBufferPointer(start: data, count: size)))
    let compilation = Compilation(SourceTree(files: files))
    let (result, diagnostics) = (compilation.loaded, compilation.diagnostics)
    // As `platc render` does: only a platform without errors is rendered.
    _ = try? compilation.render()
    _ = TextFormatter(sources: result.sources).format(diagnostics)
    _ = JSONFormatter.format(diagnostics)
    _ = SARIFFormatter.format(diagnostics, rules: Rule.loadRules + CheckPipeline.rules, toolVersion: "fuzz")
    _ = GitHubFormatter.format(diagnostics)
    return 0
}

#if FUZZING
    /// SwiftPM links an executable with `main` defined as `<module>_main`, which would replace
    /// libFuzzer's own `main`; this entry point hands control to libFuzzer's driver instead.
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32
    ) -> Int32

    @_cdecl("PlatcFuzz_main")
    func fuzzerEntryPoint(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments) { data, size in loaderFuzzOne(data, size) }
    }
#else
    import Foundation

    /// Replays inputs (files, or folders of files) through the fuzz target: the regression mode.
    @main
    struct LoaderFuzzReplay {
        static func main() throws {
            var count = 0
            for argument in CommandLine.arguments.dropFirst() {
                let url = URL(fileURLWithPath: argument)
                let names =
                    (try? FileManager.default.contentsOfDirectory(atPath: argument))?.sorted().map { url.appendingPathComponent($0) } ?? [
                        url
                    ]
                for file in names {
                    let data = [UInt8](try Data(contentsOf: file))
                    _ = data.withUnsafeBufferPointer { loaderFuzzOne($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
                    count += 1
                }
            }
            print("replayed \(count) inputs")
        }
    }
#endif
