import Foundation
import Testing

@testable import PlatcRender

/// The real documents: every YAML file of the committed out/, read back and written again, comes
/// out byte for byte from the writer and from libyaml alike.
@Suite struct YAMLWriterCommittedOutTests {
    @Test func rewritesEveryCommittedDocument() throws {
        let documents = try CommittedDocument.all()
        #expect(documents.count > 50)
        for document in documents {
            #expect(YAMLWriter.document(document.value) == document.bytes, "\(document.path)")
            #expect(try YAMLEmitter.emitWithLibYAML(document.value) == document.bytes, "\(document.path)")
        }
    }

    private func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Throughput of both paths over out/'s documents, repeated; set PLATC_YAML_BENCH=1 and
    /// build for release (`swift test -c release --filter YAMLWriterCommittedOutTests`).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLATC_YAML_BENCH"] != nil))
    func throughput() throws {
        let documents = try CommittedDocument.all().map(\.value)
        let rounds = 200
        let bytes = documents.reduce(0) { $0 + YAMLWriter.document($1).count } * rounds
        /// Best of 5, in this thread's CPU time: other jobs on the machine do not count.
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            var best = Double.infinity
            for _ in 0..<5 {
                let start = threadCPUTime()
                try body()
                best = min(best, threadCPUTime() - start)
            }
            return best
        }
        var sink = 0
        let writer = seconds { for _ in 0..<rounds { for value in documents { sink &+= YAMLWriter.document(value).count } } }
        let libyaml = try seconds {
            for _ in 0..<rounds { for value in documents { sink &+= try YAMLEmitter.emitWithLibYAML(value).count } }
        }
        let megabytes = Double(bytes) / 1e6
        print(
            "YAML emit, \(documents.count) documents × \(rounds) = \(megabytes) MB, thread CPU time: YAMLWriter"
                + " \(megabytes / writer) MB/s, libyaml \(megabytes / libyaml) MB/s, \(libyaml / writer)× (\(sink))")
    }
}
