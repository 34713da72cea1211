/// Jump consistent hashing (Lamping and Veach, "A Fast, Minimal Memory, Consistent Hash
/// Algorithm", 2014): a name's bucket among `buckets`. Growing from K to K+1 buckets moves only
/// the names that land in the new bucket, about 1/(K+1) of them, and adding a name moves none.
/// The key is FNV-1a of the name's UTF-8 bytes, mixed by SplitMix64's finalizer: stable on every
/// machine and release, unlike Swift's per-process seeded `Hasher`.
public enum JumpHash {
    public static func bucket(of name: String, buckets: Int) -> Int {
        precondition(buckets > 0, "at least one bucket")
        var key = mix(fnv1a(name))
        var bucket: Int64 = -1
        var next: Int64 = 0
        while next < Int64(buckets) {
            bucket = next
            key = key &* 2_862_933_555_777_941_757 &+ 1
            next = Int64(Double(bucket + 1) * (Double(UInt64(1) << 31) / Double((key >> 33) + 1)))
        }
        return Int(bucket)
    }

    static func fnv1a(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// FNV-1a of names that differ in one digit differ mostly in low bits; the finalizer spreads
    /// them over the high bits the jump reads.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
