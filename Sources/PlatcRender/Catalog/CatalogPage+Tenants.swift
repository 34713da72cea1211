/// The page's tenants section: one card per tenant with its limits, quotas and names.
extension CatalogPage {
    static func writeTenants(_ view: CatalogView, to page: inout HTML) {
        page.append(
            """
            <section id="tenants" aria-labelledby="tenants-heading">
            <h2 id="tenants-heading">Tenants</h2>
            <div class="cards">

            """)
        for card in view.tenants { page.append(tenantCard(card)) }
        page.append(
            """
            </div>
            </section>

            """)
    }

    private static func tenantCard(_ card: CatalogView.TenantCard) -> HTML {
        var html: HTML = """
            <article class="tenant" data-tenant="\(card.name)">
            <h3>\(card.displayName) <code>\(card.name)</code></h3>
            <dl>
            <dt>Budget</dt><dd>\(card.budget) per \(card.period)</dd>
            <dt>Rate limits</dt><dd>\(card.rpm) rpm · \(card.tpm) tpm</dd>
            <dt>Priority</dt><dd>\(card.priority)</dd>
            <dt>GPU quota</dt><dd>\(quotaChips(card.quotas))</dd>
            <dt>Argo CD</dt><dd class="application">\(card.application)</dd>
            </dl>
            <h4>May call</h4>

            """
        // The list and the "no model yet" line read different fields, as the template did.
        if card.hasNames {
            html.append("<ul>\n")
            for name in card.names { html.append("<li class=\"tenant-model\" data-alias=\"\(name)\">\(name)</li>\n") }
            html.append("</ul>\n")
        }
        if card.names.isEmpty { html.append("<p class=\"muted\">no model yet</p>\n") }
        html.append("</article>\n")
        return html
    }

    /// One chip per GPU class the tenant has quota in, or "none".
    private static func quotaChips(_ quotas: [CatalogView.Quota]) -> HTML {
        guard !quotas.isEmpty else { return "<span class=\"muted\">none</span>" }
        var chips = HTML()
        for quota in quotas {
            chips.append("<span class=\"chip\">\(quota.gpuClass): \(quota.nominal) + \(quota.borrowing) borrowed</span>")
        }
        return chips
    }
}
