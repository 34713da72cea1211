import PlatcSpec

/// The page's models section: the filters and one table row per callable name.
extension CatalogPage {
    static func writeModels(_ view: CatalogView, to page: inout HTML) {
        page.append(
            """
            <section id="models-section" aria-labelledby="models-heading">
            <h2 id="models-heading">Models</h2>
            <p class="call">Call a name as <code>model</code> on the OpenAI API (<code>/v1/chat/completions</code>, <code>/v1/completions</code>, <code>/v1/embeddings</code>) at <code>\(view.gatewayHost)</code>, or in the cluster at <code>\(view.inClusterURL)</code>, with your team's LiteLLM key as the bearer token.</p>
            <div class="filters" role="search">
            <label>Filter <input id="filter" type="search" placeholder="name, tenant, owner, words…" autocomplete="off" spellcheck="false"></label>
            <label>Tenant <select id="filter-tenant"><option value="">all</option>\(options(view.tenants.map(\.name)))</select></label>
            <label>Status <select id="filter-status"><option value="">all</option>\(options(view.statuses))</select></label>
            <label>GPU class <select id="filter-gpu"><option value="">all</option>\(options(view.gpuClasses))</select></label>
            <output id="filter-count" for="filter filter-tenant filter-status filter-gpu">\(String(view.rows.count)) of \(Plural.counted(view.rows.count, "name"))</output>
            </div>
            <div class="table-wrap">
            <table id="models" class="responsive">
            <caption>Every name tenants can call through LiteLLM: model aliases and LoRA adapters. VRAM is per GPU, as vLLM sizes it.</caption>
            <thead>
            <tr><th scope="col">Name</th><th scope="col">Base model</th><th scope="col">Status</th><th scope="col">Owner</th><th scope="col">GPU × TP</th><th scope="col">Context</th><th scope="col">VRAM per GPU</th><th scope="col">Replicas</th><th scope="col">Tenants</th><th scope="col">Limits</th><th scope="col">Price per 1M tokens</th><th scope="col">Description</th></tr>
            </thead>
            <tbody>

            """)
        for row in view.rows { page.append(modelRow(row)) }
        page.append(
            """
            </tbody>
            </table>
            </div>
            <p id="no-match" hidden>No name matches the filter.</p>
            <p class="legend">VRAM:<span class="swatch seg-weights"></span>weights<span class="swatch seg-kv"></span>KV cache<span class="swatch seg-overhead"></span>activations, CUDA graphs and runtime<span class="swatch seg-headroom"></span>outside vLLM's budget (1 − gpuMemoryUtilization)</p>
            </section>

            """)
    }

    /// A select's options, each value its own label.
    private static func options(_ values: [String]) -> HTML {
        var options = HTML()
        for value in values { options.append("<option value=\"\(value)\">\(value)</option>") }
        return options
    }

    private static func modelRow(_ row: CatalogView.Row) -> HTML {
        """
        <tr class="model-row" data-alias="\(row.name)" data-tenants="\(row.tenantList)" data-status="\(row.status)" data-gpu="\(row.gpuClass)" data-search="\(row.search)">
        <th scope="row" class="alias">\(row.name)</th>
        <td data-label="Base model">\(row.base)</td>
        <td data-label="Status"><span class="badge \(row.status)">\(row.status)</span></td>
        <td data-label="Owner">\(row.owner)</td>
        <td data-label="GPU × TP" class="num">\(row.gpu)</td>
        <td data-label="Context" class="num">\(row.context)</td>
        <td data-label="VRAM per GPU" class="vram">
        \(row.vram.map(bar) ?? HTML())<span class="small">\(row.vramText)</span>
        \(row.concurrencyText.map(small) ?? HTML())
        </td>
        <td data-label="Replicas">\(row.replicas)<span class="small application">Argo&nbsp;CD: \(row.application)</span></td>
        <td data-label="Tenants">\(chips(row.tenants))</td>
        <td data-label="Limits">\(limits(row))</td>
        <td data-label="Price per 1M tokens" class="num">\(row.priceIn) in<br>\(row.priceOut) out</td>
        <td data-label="Description" class="description">\(row.description)</td>
        </tr>

        """
    }

    private static func small(_ text: String) -> HTML { "<span class=\"small\">\(text)</span>" }

    /// One chip per tenant, or "none".
    private static func chips(_ tenants: [String]) -> HTML {
        guard !tenants.isEmpty else { return "<span class=\"muted\">none</span>" }
        var chips = HTML()
        for tenant in tenants { chips.append("<span class=\"chip\">\(tenant)</span>") }
        return chips
    }

    /// The name's share of the model's rate limits, or that only the tenants' limits apply.
    private static func limits(_ row: CatalogView.Row) -> HTML {
        guard let rpm = row.rpm else { return "<span class=\"muted\">tenant limits only</span>" }
        return "\(rpm) rpm<br>\(row.tpm ?? "") tpm"
    }
}
