/// The one way platc counts things in prose: "1 GPU", "3 GPUs", "0 tenants".
public enum Plural {
    /// `n` and the noun, plural unless `n` is exactly 1.
    public static func counted<N: BinaryInteger>(_ n: N, _ noun: String) -> String { "\(n) \(self.noun(n, noun))" }

    /// The noun alone, agreeing with `n`: "GPU", "GPUs".
    public static func noun<N: BinaryInteger>(_ n: N, _ noun: String) -> String { n == 1 ? noun : noun + "s" }

    /// `n` and the noun, for nouns whose plural is not noun + "s": "1 GPU class", "2 GPU classes".
    public static func counted<N: BinaryInteger>(_ n: N, _ noun: String, plural: String) -> String { "\(n) \(n == 1 ? noun : plural)" }
}
