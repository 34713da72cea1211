#!/usr/bin/env python3
"""Proves the catalog browser test can fail: breaks copies of the repository's rendered catalogs one
way at a time and expects catalog_browser.py to exit 1 naming the breakage.

    python3 Tests/CatalogBrowser/self_test.py
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
# (platform root, rendered out/) by name: the default has several tenants to filter, the minimal
# fixture the escaping probe in its description.
RENDERS = {
    "default": (REPO, REPO / "out"),
    "minimal": (REPO / "Tests/Fixtures/minimal", REPO / "Tests/Fixtures/render/minimal.out"),
}

# (what is broken, which render, text to replace in index.html, replacement, words the report must contain)
BREAKAGES = [
    ("a row names another alias", "default", 'data-alias="', 'data-alias="renamed-', "renamed-"),
    ("an image from the network", "default", "<main>", '<main><img src="http://example.com/x.png" alt="">',
     "http://example.com/x.png"),
    ("a filter that hides nothing", "default", "row.hidden = !visible;", "row.hidden = false;", "#filter"),
    ("a description shown as markup", "minimal", "probe: &lt;script&gt;alert(1)&lt;/script&gt; &quot;&#39;&amp;</td>",
     "probe: <script>alert(1)</script> \"'&</td>", "description"),
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
    failures = []
    with tempfile.TemporaryDirectory() as scratch:
        for label, render, old, new, evidence in BREAKAGES:
            root, out = RENDERS[render]
            copy = pathlib.Path(scratch) / label.replace(" ", "-")
            shutil.copytree(out, copy)
            page = copy / "catalog" / "index.html"
            text = page.read_text()
            if old not in text:
                failures.append(f"{label}: the page has no {old!r} to break")
                continue
            page.write_text(repin_script(text.replace(old, new, 1)))
            code, report = run(str(root), str(copy))
            if code != 1 or evidence not in report:
                failures.append(f"{label}: expected exit 1 mentioning {evidence!r}, got {code}:\n{report}")
    for failure in failures:
        print(f"FAIL {failure}")
    print(f"catalog browser self-test: {len(BREAKAGES) - len(failures)} of {len(BREAKAGES)} breakages caught")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
