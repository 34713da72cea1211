import PlatcSpec

/// The one number only the catalog prints, an SVG bar's geometry; every figure a person reads
/// goes through `Figures`, as on every other surface.
enum CatalogFormat {
    /// A percentage of `total` for SVG geometry: two decimals, clamped to 0…100.
    static func percent(_ part: Double, of total: Double) -> String {
        guard total > 0 else { return "0" }
        return Figures.fixed(min(100, max(0, part / total * 100)), places: 2)
    }
}
