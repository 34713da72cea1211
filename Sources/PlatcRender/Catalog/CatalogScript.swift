/// The page's one script: the filters. Plain DOM, no libraries, pinned by hash in the
/// Content-Security-Policy. A word of the free-text box that is a tenant's name selects that
/// tenant's names exactly (tenant `search` must not match tenant `research`); `tenant:`,
/// `status:` and `gpu:` qualify a word; any other word matches text in the row.
enum CatalogScript {
    static let javascript = """
        "use strict";
        (function () {
          var rows = Array.prototype.slice.call(document.querySelectorAll("#models tbody tr.model-row"));
          var text = document.getElementById("filter");
          var selects = { tenant: document.getElementById("filter-tenant"), status: document.getElementById("filter-status"), gpu: document.getElementById("filter-gpu") };
          var count = document.getElementById("filter-count");
          var none = document.getElementById("no-match");
          var tenantNames = Array.prototype.map.call(selects.tenant.options, function (o) { return o.value; }).filter(Boolean);
          function tenantsOf(row) { return row.dataset.tenants.split(" ").filter(Boolean); }
          function has(row, field, value) {
            return field === "tenant" ? tenantsOf(row).indexOf(value) >= 0 : row.dataset[field] === value;
          }
          function matches(row, word) {
            var qualified = /^(tenant|status|gpu):(.+)$/.exec(word);
            if (qualified) { return has(row, qualified[1], qualified[2]); }
            if (tenantNames.indexOf(word) >= 0) { return has(row, "tenant", word); }
            return row.dataset.search.indexOf(word) >= 0;
          }
          function apply() {
            var words = text.value.toLowerCase().split(/\\s+/).filter(Boolean);
            var shown = 0;
            rows.forEach(function (row) {
              var visible = Object.keys(selects).every(function (field) {
                return !selects[field].value || has(row, field, selects[field].value);
              }) && words.every(function (word) { return matches(row, word); });
              row.hidden = !visible;
              if (visible) { shown += 1; }
            });
            count.textContent = shown + " of " + rows.length + (rows.length === 1 ? " name" : " names");
            none.hidden = shown > 0;
          }
          text.addEventListener("input", apply);
          Object.keys(selects).forEach(function (field) { selects[field].addEventListener("change", apply); });
          apply();
        })();
        """
}
