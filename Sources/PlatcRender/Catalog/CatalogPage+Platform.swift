/// The page's platform section: GPU capacity per class and the timeout ladder, each with its bar.
extension CatalogPage {
    static func writePlatform(_ view: CatalogView, to page: inout HTML) {
        page.append(
            """
            <section id="platform" aria-labelledby="platform-heading">
            <h2 id="platform-heading">Platform</h2>
            <h3>GPU capacity</h3>
            <table class="responsive capacity">
            <caption>GPUs each class advertises (the line) against tenant quotas (Kueue nominal), the serving warm floor (min replicas × TP) and serving at max replicas.</caption>
            <thead>
            <tr><th scope="col">Class</th><th scope="col">GPUs</th><th scope="col">Tenant quotas</th><th scope="col">Warm floor</th><th scope="col">Serving max</th><th scope="col">Use</th></tr>
            </thead>
            <tbody>

            """)
        for capacity in view.capacities { page.append(capacityRow(capacity)) }
        page.append(
            """
            </tbody>
            </table>
            <p class="legend"><span class="swatch seg-quota"></span>tenant quotas<span class="swatch seg-floor"></span>serving warm floor<span class="swatch seg-burst"></span>serving up to max replicas<span class="swatch marker"></span>capacity</p>
            <h3>Timeout ladder</h3>
            <p>Each layer gives up after the one inside it, so an answer is never thrown away: \(view.ladder.map(\.layer).joined(separator: " > ")).</p>
            <table class="responsive ladder">
            <caption>Deadlines on a request's path, outermost first, on the client's scale.</caption>
            <thead>
            <tr><th scope="col">Layer</th><th scope="col">Timeout</th><th scope="col">Picture</th><th scope="col">What it bounds</th></tr>
            </thead>
            <tbody>

            """)
        for rung in view.ladder { page.append(ladderRow(rung)) }
        page.append(
            """
            </tbody>
            </table>
            </section>

            """)
    }

    private static func capacityRow(_ capacity: CatalogView.Capacity) -> HTML {
        var row: HTML = """
            <tr>
            <th scope="row">\(capacity.name) <span class="muted">\(capacity.product)</span></th>
            <td data-label="GPUs" class="num">\(capacity.capacity)</td>
            <td data-label="Tenant quotas" class="num">\(capacity.nominal)</td>
            <td data-label="Warm floor" class="num">\(capacity.floor)</td>
            <td data-label="Serving max" class="num">\(capacity.peak)</td>
            <td data-label="Use">
            \(bar(capacity.bar))
            """
        if let note = capacity.note {
            row.append(
                """
                <p class="\(capacity.noteClass) small">\(note)</p>

                """)
        }
        row.append(
            """
            </td>
            </tr>

            """)
        return row
    }

    private static func ladderRow(_ rung: CatalogView.Rung) -> HTML {
        """
        <tr>
        <th scope="row">\(rung.layer)</th>
        <td data-label="Timeout" class="num">\(rung.value)</td>
        <td data-label="Picture">
        \(bar(rung.bar))</td>
        <td data-label="What it bounds">\(rung.detail)</td>
        </tr>

        """
    }
}
