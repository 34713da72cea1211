/// A `CatalogBar` as SVG: percent geometry on a 100-wide box stretched to the cell, with no
/// `style=` attribute (the Content-Security-Policy allows none). Ends with a line break: it
/// stands on its own lines in a cell.
extension CatalogPage {
    static func bar(_ bar: CatalogBar) -> HTML {
        var svg: HTML = """
            <svg class="bar" viewBox="0 0 100 4" preserveAspectRatio="none" role="img" aria-label="\(bar.summary)">

            """
        for segment in bar.segments {
            svg.append(
                """
                <rect class="seg-\(segment.kind)" x="\(segment.x)" y="0" width="\(segment.width)" height="4"><title>\(segment.label)</title></rect>
                """)
        }
        svg.append("\n")
        if let marker = bar.marker {
            svg.append(
                """
                <line class="marker" x1="\(marker)" x2="\(marker)" y1="0" y2="4" vector-effect="non-scaling-stroke"></line>
                """)
        }
        svg.append("\n</svg>\n")
        return svg
    }
}
