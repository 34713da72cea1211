/// The page's one stylesheet. It is inlined (the page must work from file:// and offline) and
/// pinned by hash in the Content-Security-Policy, so nothing else may style the page; bars are SVG
/// attributes for that reason, never `style=` attributes.
enum CatalogStyle {
    static let css = """
        :root{--bg:#fff;--fg:#1d2433;--muted:#5b6477;--line:#d8dde6;--card:#f6f8fb;--accent:#2f5bd3;
        --weights:#4c78a8;--kv:#54a24b;--overhead:#f58518;--headroom:#d8dde6;--quota:#b279a2;--floor:#4c78a8;--burst:#9ecae9;
        --marker:#d62728;--attempt:#72b7b2;--backoff:#e45756;--client:#bab0ac;--gateway:#9d755d;--inference:#eeca3b;--engine:#54a24b;
        --ga:#1a7f37;--preview:#9a6700;--deprecated:#8c959f}
        @media (prefers-color-scheme:dark){:root{--bg:#11151c;--fg:#e6e9ef;--muted:#9aa3b5;--line:#2c3442;--card:#19202b;
        --accent:#8fb0ff;--headroom:#3a4352;--ga:#3fb950;--preview:#d29922;--deprecated:#8b949e}}
        *{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%}
        body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        header,main,footer{max-width:1500px;margin:0 auto;padding:0 1rem}
        header{padding-top:1.25rem}
        h1{font-size:1.6rem;margin:0 0 .25rem}
        h1 span{color:var(--muted);font-weight:400}
        h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
        h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
        h4{font-size:.9rem;margin:.75rem 0 .25rem}
        a{color:var(--accent)}
        code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
        nav a{margin-right:1rem}
        .lede{margin:.25rem 0;max-width:70ch}
        .counts,.muted,.small{color:var(--muted)}
        .small{display:block;font-size:.8rem}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:end;margin:.5rem 0 1rem}
        .filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
        .filters input,.filters select{font:inherit;color:var(--fg);background:var(--card);border:1px solid var(--line);border-radius:6px;padding:.3rem .5rem;min-width:9rem}
        .filters input{min-width:16rem}
        #filter-count{font-size:.85rem;color:var(--muted);padding-bottom:.35rem}
        #no-match{padding:1rem;border:1px dashed var(--line);border-radius:8px}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;color:var(--muted);font-size:.85rem;padding:.25rem 0 .5rem}
        th,td{text-align:left;vertical-align:top;padding:.45rem .4rem;border-bottom:1px solid var(--line)}
        thead th{font-size:.75rem;color:var(--muted);font-weight:600}
        tbody th{font-weight:600}
        td,th{overflow-wrap:break-word}
        .table-wrap{overflow-x:auto}
        .num{white-space:nowrap}
        .badge{display:inline-block;border:1px solid currentColor;border-radius:999px;padding:0 .5rem;font-size:.75rem;font-weight:600}
        .badge.ga{color:var(--ga)}.badge.preview{color:var(--preview)}.badge.deprecated{color:var(--deprecated);text-decoration:line-through}
        .chip{display:inline-block;white-space:nowrap;background:var(--card);border:1px solid var(--line);border-radius:4px;padding:0 .35rem;margin:0 .25rem .2rem 0;font-size:.8rem}
        svg.bar{display:block;width:100%;min-width:8rem;height:.9rem;border-radius:3px;background:var(--card);border:1px solid var(--line)}
        .vram{min-width:10rem}.description{min-width:12rem}
        .seg-weights{fill:var(--weights)}.seg-kv{fill:var(--kv)}.seg-overhead{fill:var(--overhead)}.seg-headroom{fill:var(--headroom)}
        .seg-quota{fill:var(--quota)}.seg-floor{fill:var(--floor)}.seg-burst{fill:var(--burst)}
        .seg-attempt{fill:var(--attempt);stroke:var(--bg);stroke-width:.4}.seg-backoff{fill:var(--backoff)}
        .seg-client{fill:var(--client)}.seg-gateway{fill:var(--gateway)}.seg-inference{fill:var(--inference)}
        .seg-engine{fill:var(--engine)}
        .marker{stroke:var(--marker);stroke-width:2}
        .legend{font-size:.8rem;color:var(--muted)}
        .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-.1rem;margin:0 .25rem 0 .75rem}
        .swatch.seg-weights{background:var(--weights)}.swatch.seg-kv{background:var(--kv)}.swatch.seg-overhead{background:var(--overhead)}
        .swatch.seg-headroom{background:var(--headroom)}.swatch.seg-quota{background:var(--quota)}.swatch.seg-floor{background:var(--floor)}
        .swatch.seg-burst{background:var(--burst)}.swatch.marker{background:var(--marker);width:.2rem}
        .warn{color:var(--preview);font-size:.85rem;margin:.25rem 0 0}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(18rem,1fr));gap:1rem}
        .tenant{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem .75rem}
        .tenant dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem .75rem;margin:.5rem 0;font-size:.9rem}
        .tenant dt{color:var(--muted)}.tenant dd{margin:0}
        .tenant ul{margin:0;padding-left:1.1rem;font-size:.9rem}
        footer{margin-top:2.5rem;padding-bottom:2rem;font-size:.85rem;color:var(--muted);border-top:1px solid var(--line)}
        @media (max-width:760px){
        .filters input{min-width:0;width:100%}.filters label{flex:1 1 100%}
        table.responsive thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
        table.responsive,table.responsive tbody,table.responsive tr,table.responsive th,table.responsive td{display:block;width:100%}
        table.responsive caption{display:block}
        table.responsive tr{border:1px solid var(--line);border-radius:8px;margin:.75rem 0;padding:.25rem .5rem}
        table.responsive th,table.responsive td{border:0;padding:.3rem 0}
        table.responsive td::before{content:attr(data-label);display:block;font-size:.7rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
        }
        """
}
