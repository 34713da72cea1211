import Dispatch
import Foundation

/// Runs independent work on every core and returns the results in input order, so the output
/// is the same bytes whatever the thread count or timing. `PLATC_THREADS=1` runs everything on
/// the calling thread (the tests compare that with a parallel run).
public enum Parallel {
    /// Worker threads: `PLATC_THREADS` when set to a positive number, else the active cores.
    public static let width: Int = {
        if let text = ProcessInfo.processInfo.environment["PLATC_THREADS"], let count = Int(text), count > 0 { return count }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `items.map(transform)`, with the calls spread over the threads. Items are handed out in
    /// contiguous batches, several per thread, so one slow item does not idle the others.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard width > 1, items.count > 1 else { return items.map(transform) }
        let batches = min(items.count, width * 8)
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: batches) { batch in
            for index in (items.count * batch / batches)..<(items.count * (batch + 1) / batches) {
                slots.set(index, transform(items[index]))
            }
        }
        return slots.results()
    }

    /// Runs each closure, possibly at the same time as the others, and returns their results in order.
    public static func all<Result: Sendable>(_ tasks: [@Sendable () -> Result]) -> [Result] {
        guard width > 1, tasks.count > 1 else { return tasks.map { $0() } }
        let slots = Slots<Result>(count: tasks.count)
        DispatchQueue.concurrentPerform(iterations: tasks.count) { index in slots.set(index, tasks[index]()) }
        return slots.results()
    }
}

/// One slot per result, each written by exactly one thread before `concurrentPerform` returns;
/// that join is what makes reading them afterwards safe. Raw memory, because a Swift array
/// property written from several threads would trip the exclusivity check.
private final class Slots<Result>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Result?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Result) { storage[index] = value }

    func results() -> [Result] { storage.map { $0! } }
}
