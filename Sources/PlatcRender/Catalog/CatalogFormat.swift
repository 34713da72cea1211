import PlatcSpec

/// Number formatting for the catalog, without Foundation's locale-dependent formatters: the
/// page must be the same bytes on every machine. Public for `platc diff`'s summary, which states
/// the same facts.
public enum CatalogFormat {
    /// `value` rounded half away from zero to `places` decimals (`Figures.fixed`).
    public static func fixed(_ value: Double, places: Int) -> String { Figures.fixed(value, places: places) }

    /// A percentage of `total` for SVG geometry: two decimals, clamped to 0…100.
    static func percent(_ part: Double, of total: Double) -> String {
        guard total > 0 else { return "0" }
        return fixed(min(100, max(0, part / total * 100)), places: 2)
    }
}
