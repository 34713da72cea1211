#!/usr/bin/env python3
"""Proves the catalog browser test can fail: breaks copies of rendered catalogs one way at a time
and expects catalog_browser.py to exit 1 naming the breakage, after each render, unbroken, passed.

    python3 Tests/CatalogBrowser/self_test.py

The renders are the repository's committed ones.
"""
import base64
import hashlib
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

DRIVER = pathlib.Path(__file__).with_name("catalog_browser.py")
REPO = pathlib.Path(__file__).resolve().parents[2]
# (platform root, rendered out/) by name: the default has several tenants to filter and two GPU
# classes, the minimal fixture the escaping probe in its description and one of everything,
# single-l4 a parked model and one tenant, timeslicing-keda a LoRA adapter, "hosted" the second full
# example (zero-idle-lab): a model hosted by Anthropic beside served and parked ones.
RENDERS = {
    "default": (REPO, REPO / "out"),
    "minimal": (REPO / "Tests/Fixtures/minimal", REPO / "Tests/Fixtures/render/minimal.out"),
    "single-l4": (REPO / "Tests/Fixtures/single-l4", REPO / "Tests/Fixtures/render/single-l4.out"),
    "timeslicing-keda": (REPO / "Tests/Fixtures/timeslicing-keda", REPO / "Tests/Fixtures/render/timeslicing-keda.out"),
    "hosted": (REPO / "Tests/Fixtures/zero-idle-lab", REPO / "Tests/Fixtures/render/zero-idle-lab.out"),
}

# Two adjacent rows swapped: group 1 is the first row (named in the pattern), group 2 the next one.
def swapped_rows(first):
    return re.compile(r'(<tr class="model-row" data-alias="%s".*?</tr>\n)(<tr class="model-row".*?</tr>\n)'
                      % re.escape(first), re.S), r"\2\1"


# (what is broken, which render, text (or pattern) to replace in index.html, replacement, words the
# report must contain)
BREAKAGES = [
    ("a row names another alias", "default", 'data-alias="', 'data-alias="renamed-', "renamed-"),
    ("an image from the network", "default", "<main>", '<main><img src="http://example.com/x.png" alt="">',
     "http://example.com/x.png"),
    ("a filter that hides nothing", "default", "row.hidden = !visible;", "row.hidden = false;", "#filter"),
    ("a description shown as markup", "minimal", "probe: &lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;</td>",
     "probe: <script>alert(1)</script> \"'&</td>", "description"),
    ("a served row's base is platc's model name", "default",
     '<td data-label="Base model">meta-llama/Llama-3.1-8B-Instruct</td>',
     '<td data-label="Base model">llama-3-1-8b-instruct</td>', "Base model cell is 'meta-llama/Llama-3.1-8B-Instruct'"),
    ("a LoRA row's base on platc's model name", "timeslicing-keda", "LoRA triage on meta-llama/Llama-3.1-8B<",
     "LoRA triage on llama-8b<", "Base model cell is 'LoRA triage on meta-llama/Llama-3.1-8B'"),
    ("a hosted row's base without its provider", "hosted", '<td data-label="Base model">claude-haiku-4-5 (anthropic)</td>',
     '<td data-label="Base model">claude-haiku-4-5</td>', "Base model cell is 'claude-haiku-4-5 (anthropic)'"),
    ("a hosted row with a VRAM bar", "hosted", '<span class="small">no GPU here: anthropic serves it</span>',
     '<svg class="bar" viewBox="0 0 100 4"><rect x="0" y="0" width="50" height="4"></rect></svg>'
     '<span class="small">no GPU here: anthropic serves it</span>', "VRAM cell draws a bar"),
    ("a hosted row's GPU cell a GPU class", "hosted", ">hosted by anthropic</td>", ">l4 × 1</td>",
     "want 'hosted by anthropic'"),
    ("a hosted row's replicas as if served", "hosted", '<td data-label="Replicas">hosted<',
     '<td data-label="Replicas">1 warm, up to 1<', "Replicas cell is 'hosted'"),
    ("a hosted row filed under a GPU class", "hosted", 'data-gpu="hosted"', 'data-gpu="l4"', "data-gpu 'l4'"),
    ("no hosted choice in the GPU-class select", "hosted", '<option value="hosted">hosted</option>', "",
     "#filter-gpu offers 'hosted'"),
    ("a hosted row after the models named after it", "hosted", *swapped_rows("claude-haiku"), "LiteLLM's order"),
    ("a parked row's replicas as if scaled", "single-l4", '<td data-label="Replicas">parked<',
     '<td data-label="Replicas">0 warm, up to 0<', "Replicas cell is 'parked'"),
    ("a running row's replicas parked", "timeslicing-keda", '<td data-label="Replicas">1 warm, up to 3<',
     '<td data-label="Replicas">parked<', "neither 'hosted' nor 'parked'"),
    ("a counts line with 1 tenants", "single-l4", " · 1 tenant · ", " · 1 tenants · ", "singular exactly for 1"),
    ("a counts line with 2 GPU class", "default", " · 2 GPU classes<", " · 2 GPU class<", "singular exactly for 1"),
    ("a counts line with 1 names", "minimal", ">1 name on 1 model ·", ">1 names on 1 model ·", "singular exactly for 1"),
    ("a counts line with a name too many", "minimal", ">1 name on 1 model ·", ">2 names on 1 model ·",
     "as many names, models and tenants as the sources"),
    ("a served row names the LiteLLM Application", "default", "Argo&nbsp;CD: lab-serving-000</span>",
     "Argo&nbsp;CD: lab-litellm</span>", "row llama-3.1-8b-instruct: Argo CD shows 'lab-serving-000'"),
    ("a hosted row names a serving Application", "hosted", "Argo&nbsp;CD: zero-idle-lab-litellm</span>",
     "Argo&nbsp;CD: zero-idle-lab-serving-000</span>", "row claude-haiku: Argo CD shows 'zero-idle-lab-litellm'"),
    ("a tenant card names a serving Application", "default", '<dd class="application">lab-tenants-000</dd>',
     '<dd class="application">lab-serving-000</dd>', "tenant research: Argo CD shows 'lab-tenants-000'"),
]


def repin_script(text):
    """Re-hashes the page's script into its Content-Security-Policy, so a broken filter is caught
    by the filter checks, not merely blocked by the policy."""
    script = re.search(r"<script>(.*?)</script>", text, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    return re.sub(r"script-src &#39;sha256-[^&]+&#39;", f"script-src &#39;sha256-{digest}&#39;", text)


def run(root, out):
    """The driver's exit code and report on one rendered folder."""
    result = subprocess.run([sys.executable, str(DRIVER), "-q", "--root", root, "--out", out],
                            capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def main():
    failures, used = [], []
    renders = dict(RENDERS)
    with tempfile.TemporaryDirectory() as scratch:
        # Each render must pass unbroken, or a breakage "caught" there proves nothing.
        used = [name for name in renders if any(b[1] == name for b in BREAKAGES)]
        for name in used:
            code, report = run(*map(str, renders[name]))
            if code != 0:
                failures.append(f"{name}, unbroken: expected exit 0, got {code}:\n{report}")
        for label, render, old, new, evidence in BREAKAGES:
            if render not in renders:
                failures.append(f"{label}: no {render} render")
                continue
            root, out = renders[render]
            copy = pathlib.Path(scratch) / label.replace(" ", "-")
            shutil.copytree(out, copy)
            page = copy / "catalog" / "index.html"
            text = page.read_text()
            if isinstance(old, re.Pattern):
                broken, found = old.subn(new, text, count=1)
            else:
                broken, found = text.replace(old, new, 1), old in text
            if not found:
                failures.append(f"{label}: the {render} page has no {getattr(old, 'pattern', old)!r} to break")
                continue
            page.write_text(repin_script(broken))
            code, report = run(str(root), str(copy))
            if code != 1 or evidence not in report:
                failures.append(f"{label}: expected exit 1 mentioning {evidence!r}, got {code}:\n{report}")
    for failure in failures:
        print(f"FAIL {failure}")
    total = len(used) + len(BREAKAGES)
    print(f"catalog browser self-test: {total - len(failures)} of {total} as expected "
          f"({len(used)} renders unbroken, {len(BREAKAGES)} broken)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
