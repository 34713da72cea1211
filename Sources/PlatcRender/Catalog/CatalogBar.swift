/// A horizontal bar of coloured segments, drawn as SVG in the page (no inline styles, so the
/// Content-Security-Policy can pin the one stylesheet by hash) and as text in Markdown.
struct CatalogBar {
    struct Segment {
        /// CSS class suffix: `seg-<kind>` picks the colour.
        let kind: String
        /// Offset and width in percent of the bar.
        let x: String
        let width: String
        /// What the segment is, with its value: the tooltip and the accessible text.
        let label: String
    }

    let segments: [Segment]
    /// A vertical line at this percent (a GPU class's capacity), if any.
    let marker: String?
    /// The whole bar in words, for screen readers (`aria-label`) and Markdown.
    let summary: String

    /// Segments laid end to end on a scale of `total`; parts of zero are left out.
    init(total: Double, parts: [(kind: String, value: Double, label: String)], marker: Double? = nil, summary: String) {
        var offset = 0.0
        var segments: [Segment] = []
        for part in parts where part.value > 0 {
            segments.append(
                Segment(
                    kind: part.kind, x: CatalogFormat.percent(offset, of: total), width: CatalogFormat.percent(part.value, of: total),
                    label: part.label))
            offset += part.value
        }
        self.segments = segments
        self.marker = marker.map { CatalogFormat.percent($0, of: total) }
        self.summary = summary
    }
}

extension CatalogBar {
    /// A bar from its parts, for tests that write bars no platform could produce.
    init(segments: [Segment], marker: String?, summary: String) {
        self.segments = segments
        self.marker = marker
        self.summary = summary
    }
}
