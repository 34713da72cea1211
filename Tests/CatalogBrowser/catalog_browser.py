#!/usr/bin/env python3
"""Opens platc's model catalog page in headless Chromium and checks it against the YAML sources.

    python3 Tests/CatalogBrowser/catalog_browser.py --root PLATFORM_ROOT --out OUT_DIR \
        [--screenshots DIR] [-q]

PLATFORM_ROOT holds the sources (models/, tenants/); OUT_DIR holds catalog/index.html rendered from
them. The expected names and their order, tenants, statuses, GPU classes (or `hosted`), descriptions,
base models, replicas (hosted, parked) and counts are computed here from the sources, and the Argo
CD Application of each model and tenant from the rendered OUT_DIR (the Application whose folder
holds its objects), never read from the page, so the page is judged by an independent oracle. The
page is then used the way a person would (typing in the filter, picking from the selects, on a
phone, in dark mode) while every console message, network request and dialog is recorded.

Chromium (Debian's /usr/bin/chromium) is driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: NUL-terminated JSON, commands on its fd 3, replies and events on its fd 4),
so nothing listens on a port. Needs python3 and PyYAML only.
Exit 0 when every check holds; 1 after printing every failed check (or if the browser fails).
"""
import argparse
import base64
import fcntl
import json
import os
import pathlib
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import yaml

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
    "--disable-extensions", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--remote-debugging-pipe",
]
TIMEOUT = 30.0  # seconds for any one reply or event: a hung browser fails the run instead of CI
SETTLE = 0.5  # seconds a filter may take to apply after its event (a debounce)
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DIGEST = re.compile(r"sha256:[0-9a-f]{64}")
# CSP sources that reach no host: keywords, hashes, nonces, and inline data.
OFFLINE_SOURCE = re.compile(r"'(none|self|unsafe-inline|unsafe-eval|strict-dynamic|(sha256|sha384|sha512|nonce)-[^']+)'"
                            r"|data:|blob:")
SELECTS = {"tenant": "filter-tenant", "status": "filter-status", "gpu": "filter-gpu"}


# MARK: - Expected facts, from the sources

HOSTED = "hosted"  # the GPU-class filter's value, and the Replicas cell, of a model a provider serves
PARKED = "parked"  # the Replicas cell of a model at {min: 0, max: 0}


@dataclass(frozen=True)
class Entry:
    """One name a tenant can call, as the catalog must list it."""
    name: str
    model: str  # the Model document's name
    tenants: frozenset
    status: str
    gpu: str  # the GPU class, or HOSTED
    description: str
    base: str  # the Base model cell: servedName, "LoRA <adapter> on <servedName>", "<model> (<provider>)"
    replicas: str  # HOSTED, PARKED, or "" for any other replica plan (neither word)
    provider: str = ""  # the provider's name for a hosted model


@dataclass(frozen=True)
class Expected:
    """What the catalog must show: every callable name, and every tenant."""
    entries: dict  # name -> Entry, in the order of the table's rows
    tenants: list  # tenant names, sorted

    def names_where(self, field, value):
        """The names whose tenants contain, or whose status or GPU class is, `value`."""
        if field == "tenant":
            return {n for n, e in self.entries.items() if value in e.tenants}
        return {n for n, e in self.entries.items() if getattr(e, field) == value}

    def values_of(self, field):
        """The statuses or GPU classes present in the catalog, to try each in its select."""
        return sorted({getattr(e, field) for e in self.entries.values()})

    def models(self):
        """The models with at least one name in the catalog."""
        return {e.model for e in self.entries.values()}


def documents(root, folder, kind):
    """Every YAML document of `kind` under root/folder. BaseLoader keeps every scalar a string, so a
    tenant called `no` or a description of `yes` stays text as it is in platc (YAML 1.2)."""
    found = []
    for path in sorted(pathlib.Path(root, folder).rglob("*.yaml")):
        for document in yaml.load_all(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader):
            if isinstance(document, dict) and document.get("kind") == kind:
                found.append(document)
    return found


def replicas_kind(serving):
    """PARKED when the replica bounds are {min: 0, max: 0} (each defaults to 1), else ""."""
    bounds = serving.get("replicas") or {}
    low, high = int(bounds.get("min", "1")), int(bounds.get("max", "1"))
    return PARKED if max(low, high) == 0 else ""


def model_entries(model, alias_tenants):
    """The model's names in LiteLLM's order: its aliases sorted (they are a set), then its LoRA
    adapters in source order (alias, else name), each with who may call it. A model with a
    `provider` is hosted: no GPU class, no adapters, its base the provider's model."""
    provider = model.get("provider")
    common = {"model": model["name"], "status": model["status"], "description": model["description"].strip()}
    if provider:
        common |= {"gpu": HOSTED, "replicas": HOSTED, "provider": provider["name"]}
        base = f"{provider['model']} ({provider['name']})"
    else:
        common |= {"gpu": model["serving"]["gpuClass"], "replicas": replicas_kind(model["serving"])}
        base = model["servedName"]
    entries = [Entry(alias, tenants=alias_tenants, base=base, **common) for alias in sorted(model.get("aliases", []))]
    for adapter in [] if provider else (model.get("lora") or {}).get("adapters", []):
        tenants = alias_tenants & frozenset(adapter.get("tenants", []))
        entries.append(Entry(adapter.get("alias", adapter["name"]), tenants=tenants,
                             base=f"LoRA {adapter['name']} on {base}", **common))
    return entries


def expected_catalog(root):
    """The catalog the sources call for, rows in model name order (served and hosted together).
    A tenant may call a model when each side names the other."""
    tenant_models = {t["name"]: set(t.get("models", [])) for t in documents(root, "tenants", "Tenant")}
    entries = {}
    for model in sorted(documents(root, "models", "Model"), key=lambda m: m["name"]):
        alias_tenants = frozenset(t for t in model.get("tenants", [])
                                  if model["name"] in tenant_models.get(t, ()))
        for entry in model_entries(model, alias_tenants):
            if entry.name in entries:
                sys.exit(f"catalog browser: the sources define {entry.name!r} twice; fix them first")
            entries[entry.name] = entry
    return Expected(entries, sorted(tenant_models))


# MARK: - Expected Applications, from the rendered out/

LITELLM_CONFIG = "configmap.litellm-config.yaml"  # the file a hosted model's names live in


@dataclass(frozen=True)
class Synced:
    """Which Argo CD Application syncs which file, from out/applications/ and out/manifests/."""
    applications: dict  # folder under manifests/ (the part) -> names of the Applications whose source is it
    parts: dict  # file name -> the parts whose folder holds a file of that name (at any depth)

    def application(self, file):
        """(name, None) of the one Application syncing the one part that holds `file`, else
        (None, why not)."""
        parts = sorted(self.parts.get(file, ()))
        if len(parts) != 1:
            return None, f"{len(parts)} folders of out/manifests/ hold {file} {parts}"
        names = sorted(self.applications.get(parts[0], ()))
        if len(names) != 1:
            return None, f"{len(names)} Applications in out/applications/ sync manifests/{parts[0]} {names}"
        return names[0], None


def synced_applications(out):
    """Each child Application's name by the folder its spec.source.path ends in
    (`…/manifests/<part>`), and where each file of out/manifests/ lies."""
    applications = {}
    for path in sorted(pathlib.Path(out, "applications").glob("*.yaml")):
        for document in yaml.load_all(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader):
            if not isinstance(document, dict) or document.get("kind") != "Application":
                continue
            source = ((document.get("spec") or {}).get("source") or {}).get("path", "")
            folders = source.rstrip("/").split("/")
            if len(folders) >= 2 and folders[-2] == "manifests":
                applications.setdefault(folders[-1], set()).add((document.get("metadata") or {}).get("name", ""))
    parts = {}
    manifests = pathlib.Path(out, "manifests")
    for file in manifests.rglob("*.yaml") if manifests.is_dir() else ():
        parts.setdefault(file.name, set()).add(file.relative_to(manifests).parts[0])
    return Synced(applications, parts)


def synced_file(entry):
    """The file whose Application must sync a name: its model's Deployment, or for a hosted model
    the LiteLLM config that holds it."""
    return LITELLM_CONFIG if entry.gpu == HOSTED else f"deployment.{entry.model}.yaml"


# MARK: - Results

class Report:
    """Collects every check, so that one run shows all failures rather than the first."""

    def __init__(self, quiet):
        self.quiet = quiet
        self.passed = 0
        self.failures = []

    def check(self, ok, label, detail=""):
        """Records one check; prints it when it passes unless quiet. Returns `ok`."""
        if ok:
            self.passed += 1
            if not self.quiet:
                print(f"ok    {label}")
        else:
            self.failures.append(f"{label}: {detail}" if detail else label)
        return ok

    def note(self, text):
        """Prints a line that is not a check (a file written) unless quiet."""
        if not self.quiet:
            print(f"      {text}")

    def finish(self):
        """Prints the failures and the tally; the exit status."""
        sys.stdout.flush()
        for failure in self.failures:
            print(f"FAIL  {failure}", file=sys.stderr)
        sys.stderr.flush()
        tally = f"catalog browser: {self.passed} checks passed"
        print(tally + (f", {len(self.failures)} failed" if self.failures else ""))
        return 1 if self.failures else 0


def difference(actual, expected):
    """Names missing and unexpected, for a failure message that says what to fix."""
    parts = []
    if expected - actual:
        parts.append(f"missing {sorted(expected - actual)}")
    if actual - expected:
        parts.append(f"unexpected {sorted(actual - expected)}")
    return ", ".join(parts)


# MARK: - Chromium over the DevTools pipe

class BrowserError(Exception):
    """The browser did not answer as the protocol says (died, timed out, returned an error)."""


class Browser:
    """A headless Chromium in its own process group and temporary profile, both gone on exit."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="catalog-browser-")
        self.log = tempfile.TemporaryFile()
        self.buffer = bytearray()
        self.next_id = 0
        self.events = []  # (sessionId, method, params), in arrival order
        self.handlers = {}  # method -> function(sessionId, params), run as the event arrives
        self.process = self.commands = self.replies = None

    def __enter__(self):
        """Starts Chromium; cleans up what it made if that fails."""
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        """Stops Chromium and removes its profile, whatever happened inside the block."""
        self.close()

    def start(self):
        """Starts Chromium with its protocol pipe ends on fds 3 and 4."""
        commands_read, self.commands = os.pipe()
        self.replies, replies_write = os.pipe()

        def place_pipe_ends():
            # Runs in the child before exec. Both pipes exist, so fds 3 and 4 are open (ours or
            # older ones), which pass_fds needs; go through fds >= 10 so neither dup2 clobbers the
            # other end.
            commands_high = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            replies_high = fcntl.fcntl(replies_write, fcntl.F_DUPFD, 10)
            os.dup2(commands_high, 3)
            os.dup2(replies_high, 4)

        try:
            self.process = subprocess.Popen(
                [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={self.profile}"],
                stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
                pass_fds=(3, 4), preexec_fn=place_pipe_ends, start_new_session=True)
        except OSError as error:
            raise BrowserError(f"cannot start {CHROMIUM}: {error}") from None
        os.close(commands_read)
        os.close(replies_write)

    def close(self):
        """Asks Chromium to close, then kills its whole process group and removes the profile
        (the log, an unlinked temporary file, stays readable for log_tail)."""
        if self.process:
            self.stop_process()
        for fd in (self.commands, self.replies):
            if fd is not None:
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)

    def stop_process(self):
        """Browser.close, a few seconds' grace, then SIGKILL to the group (renderers, zygotes too)."""
        try:
            if self.process.poll() is None:
                self.post("Browser.close")
                self.process.wait(timeout=5)
        except (BrowserError, subprocess.TimeoutExpired):
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()

    def log_tail(self, lines=10):
        """The end of Chromium's own output, for a failure that the protocol does not explain,
        without the D-Bus complaints of a container and the Debian launcher's shell noise."""
        self.log.seek(0)
        noise = re.compile(r"dbus|unexpected operator")
        kept = [line for line in self.log.read().decode(errors="replace").splitlines() if not noise.search(line)]
        return "\n".join(kept[-lines:])

    def post(self, method, params=None, session=None):
        """Sends a command without waiting for its reply; returns its id."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        try:
            while data:
                data = data[os.write(self.commands, data):]
        except BrokenPipeError:
            raise BrowserError(f"Chromium closed its pipe before {method}") from None
        return self.next_id

    def call(self, method, params=None, session=None):
        """Sends a command and returns its result, handling the events that arrive meanwhile."""
        wanted = self.post(method, params, session)
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.receive(deadline, method)
            if message.get("id") == wanted:
                if "error" in message:
                    raise BrowserError(f"{method}: {message['error'].get('message')}")
                return message["result"]

    def wait_for(self, method, session, since):
        """The first `method` event of `session` at or after index `since` of the event list."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            for event_session, event_method, params in self.events[since:]:
                if (event_session, event_method) == (session, method):
                    return params
            since = len(self.events)
            self.receive(deadline, method)

    def receive(self, deadline, awaited):
        """Reads one message; records (and handles) it if it is an event."""
        message = json.loads(self.read_message(deadline, awaited))
        if "method" in message:
            session, params = message.get("sessionId"), message.get("params", {})
            self.events.append((session, message["method"], params))
            handler = self.handlers.get(message["method"])
            if handler:
                handler(session, params)
        return message

    def read_message(self, deadline, awaited):
        """The next NUL-terminated message from fd 4, or BrowserError at the deadline or on EOF."""
        while (end := self.buffer.find(b"\0")) < 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.replies], [], [], remaining)[0]:
                raise BrowserError(f"no answer to {awaited} within {TIMEOUT:.0f} s")
            chunk = os.read(self.replies, 1 << 20)
            if not chunk:
                raise BrowserError(f"Chromium exited (status {self.process.poll()}) awaiting {awaited}")
            self.buffer += chunk
        message = bytes(self.buffer[:end])
        del self.buffer[:end + 1]
        return message


def exception_text(details):
    """The message (and stack) of a Runtime.ExceptionDetails."""
    return details.get("exception", {}).get("description", details["text"])


class Page:
    """One tab, attached with a flat session, its console, network and dialogs recorded."""

    def __init__(self, browser):
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.handlers["Page.javascriptDialogOpening"] = self.dismiss_dialog
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")

    def call(self, method, params=None):
        """A command on this tab's session."""
        return self.browser.call(method, params, self.session)

    def dismiss_dialog(self, session, params):
        """Closes a JavaScript dialog at once (it would block the page); the event stays recorded."""
        if session == self.session:
            self.browser.post("Page.handleJavaScriptDialog", {"accept": False}, self.session)

    def events(self, *methods):
        """The params of this tab's recorded events of the given methods."""
        return [p for s, m, p in self.browser.events if s == self.session and m in methods]

    def load(self, url):
        """Navigates and waits for the load event."""
        mark = len(self.browser.events)
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"cannot open {url}: {result['errorText']}")
        self.browser.wait_for("Page.loadEventFired", self.session, mark)

    def evaluate(self, expression):
        """The JSON value of a JavaScript expression in the page (promises awaited)."""
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"page script failed: {exception_text(result['exceptionDetails'])}")
        return result["result"].get("value")

    def emulate(self, metrics, color_scheme="light"):
        """Sets the viewport and the preferred colour scheme."""
        self.call("Emulation.setDeviceMetricsOverride", metrics)
        self.call("Emulation.setEmulatedMedia",
                  {"features": [{"name": "prefers-color-scheme", "value": color_scheme}]})

    def screenshot(self, path, width):
        """Saves a full-page PNG `width` CSS pixels wide, one pixel per CSS pixel; returns its size."""
        height = self.call("Page.getLayoutMetrics")["cssContentSize"]["height"]
        clip = {"x": 0, "y": 0, "width": width, "height": height, "scale": 1 / self.evaluate("devicePixelRatio")}
        data = self.call("Page.captureScreenshot",
                         {"format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
        png = base64.b64decode(data)
        pathlib.Path(path).write_bytes(png)
        return struct.unpack(">II", png[16:24])


# MARK: - Page scripts

# A row's cells are found under their column's header, as a reader finds them (null: no such column);
# the Replicas cell without its Argo CD line, which is read on its own.
ROWS_JS = """(() => {
  const head = document.querySelector('table#models thead tr');
  const headers = head ? Array.from(head.cells, c => c.textContent.replace(/\\s+/g, ' ').trim()) : [];
  const cell = (row, header) => headers.includes(header) ? row.cells[headers.indexOf(header)] ?? null : null;
  const text = element => element ? element.textContent.replace(/\\s+/g, ' ').trim() : null;
  const without = (element, selector) => {
    if (!element) { return null; }
    const copy = element.cloneNode(true);
    copy.querySelectorAll(selector).forEach(e => e.remove());
    return copy;
  };
  return Array.from(document.querySelectorAll('table#models tr.model-row'), row => ({
    alias: row.getAttribute('data-alias') ?? '',
    tenants: row.getAttribute('data-tenants'),
    status: row.getAttribute('data-status'),
    gpu: row.getAttribute('data-gpu'),
    aliasText: row.querySelector('th[scope="row"].alias')?.textContent ?? null,
    description: row.querySelector('td.description')?.textContent ?? null,
    base: text(cell(row, 'Base model')),
    gpuText: text(cell(row, 'GPU × TP')),
    vramText: text(cell(row, 'VRAM per GPU')),
    vramBar: !!cell(row, 'VRAM per GPU')?.querySelector('svg, .bar'),
    replicas: text(without(cell(row, 'Replicas'), '.application')),
    application: text(row.querySelector('.application')),
    hidden: row.hidden,
    displayed: getComputedStyle(row).display !== 'none',
  }));
})()"""

HYGIENE_JS = """({
  scripts: Array.from(document.scripts, script => script.src),
  styles: document.querySelectorAll('style').length,
  stylesheetLinks: document.querySelectorAll('link[rel~="stylesheet" i]').length,
  policies: Array.from(document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]'), m => m.content),
})"""

CONTROLS_JS = """['input#filter[type="search"]', 'select#filter-tenant', 'select#filter-status',
  'select#filter-gpu', 'output#filter-count'].filter(selector => !document.querySelector(selector))"""

CLEAR_FILTERS_JS = """(() => {
  const filter = document.getElementById('filter');
  filter.value = '';
  filter.dispatchEvent(new Event('input', {bubbles: true}));
  for (const id of ['filter-tenant', 'filter-status', 'filter-gpu']) {
    const select = document.getElementById(id);
    select.value = '';
    select.dispatchEvent(new Event('change', {bubbles: true}));
  }
  filter.focus();
})()"""

CHOOSE_JS = """(([id, value]) => {
  const select = document.getElementById(id);
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  return select.value;
})(%s)"""

SHOWN_JS = f"({{rows: {ROWS_JS}, count: document.getElementById('filter-count').textContent}})"

TENANTS_JS = """Array.from(document.querySelectorAll('section#tenants article.tenant'), article => ({
  tenant: article.getAttribute('data-tenant') ?? '',
  names: Array.from(article.querySelectorAll('li.tenant-model'), li => li.getAttribute('data-alias') ?? ''),
  application: (() => {
    const term = Array.from(article.querySelectorAll('dl > dt')).find(dt => dt.textContent.trim() === 'Argo CD');
    const value = term?.nextElementSibling;
    return value && value.localName === 'dd' ? value.textContent.replace(/\\s+/g, ' ').trim() : null;
  })(),
}))"""

COUNTS_JS = "document.querySelector('header p.counts')?.textContent ?? null"

DIGEST_JS = "document.querySelector('footer code.source-digest')?.textContent ?? null"

# The layout viewport (clientWidth) is the yardstick, not innerWidth: a mobile browser zooms out to
# fit content wider than the screen, so innerWidth grows with it. The elements ending at the far
# right edge of the content, innermost first, name what to fix.
WIDTHS_JS = """(() => {
  const root = document.documentElement;
  const edge = Math.max(root.scrollWidth - 1, root.clientWidth + 1);
  const widest = Array.from(document.body.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right >= edge);
  const innermost = widest.filter(e => !Array.from(e.children).some(child => widest.includes(child)));
  const describe = e => [e.localName, ...(e.id ? ['#' + e.id] : []),
    ...(e.getAttribute('class') || '').split(/\s+/).filter(Boolean).map(c => '.' + c)].join('');
  return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: innermost.slice(0, 3).map(describe)};
})()"""

# A canvas turns any CSS colour syntax (rgb, oklch, light-dark, ...) into sRGB bytes.
BACKGROUNDS_JS = """(() => {
  const context = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  const rgba = element => {
    context.clearRect(0, 0, 1, 1);
    context.fillStyle = getComputedStyle(element).backgroundColor;
    context.fillRect(0, 0, 1, 1);
    return Array.from(context.getImageData(0, 0, 1, 1).data);
  };
  return {body: rgba(document.body), html: rgba(document.documentElement)};
})()"""


# MARK: - Checks

def check_hygiene(page, report):
    """One inline script, one inline style, and a Content-Security-Policy that forbids the network."""
    found = page.evaluate(HYGIENE_JS)
    report.check(found["scripts"] == [""], "exactly one <script>, inline",
                 f"found {len(found['scripts'])} script elements, sources {found['scripts']}")
    report.check(found["styles"] == 1 and found["stylesheetLinks"] == 0, "exactly one <style>, no stylesheet link",
                 f"found {found['styles']} <style> and {found['stylesheetLinks']} stylesheet links")
    report.check(any(policy_forbids_network(p) for p in found["policies"]), "CSP meta forbids the network",
                 f"CSP meta policies {found['policies']}: none has default-src and only sources that reach no host")


def policy_forbids_network(policy):
    """True when default-src is set and no directive names a host or scheme to fetch from."""
    directives = [d.split() for d in policy.split(";") if d.strip()]
    names = {d[0].lower() for d in directives}
    return "default-src" in names and all(OFFLINE_SOURCE.fullmatch(s) for d in directives for s in d[1:])


def check_rows(rows, expected, report):
    """Rows are exactly the callable names, in LiteLLM's order, each with its tenants, status, GPU
    class, description, base model and replicas, and a hosted one without a GPU's cells."""
    aliases = [row["alias"] for row in rows]
    report.check(set(aliases) == set(expected.entries), f"table lists the {len(expected.entries)} callable names",
                 difference(set(aliases), set(expected.entries)))
    report.check(len(aliases) == len(set(aliases)), "no name listed twice",
                 f"repeated {sorted({a for a in aliases if aliases.count(a) > 1})}")
    listed = [a for a in dict.fromkeys(aliases) if a in expected.entries]
    wanted = [n for n in expected.entries if n in set(aliases)]
    report.check(listed == wanted, "rows in LiteLLM's order: models by name, each's aliases sorted, then its adapters",
                 f"page {listed}, sources {wanted}")
    for row in rows:
        entry = expected.entries.get(row["alias"])
        if entry:
            report.check(*row_matches(row, entry))
            report.check((row["description"] or "").strip() == entry.description,
                         f"row {entry.name}: description text equals the source",
                         f"page {row['description']!r}, source {entry.description!r}")
            report.check(row["base"] == entry.base, f"row {entry.name}: Base model cell is {entry.base!r}",
                         f"page {row['base']!r}")
            report.check(*replicas_matches(row, entry))
            if entry.gpu == HOSTED:
                report.check(*hosted_cells_match(row, entry))


def replicas_matches(row, entry):
    """(ok, label, detail) for the Replicas cell: `hosted`, `parked`, or neither word for any other plan."""
    if entry.replicas:
        ok, label = row["replicas"] == entry.replicas, f"row {entry.name}: Replicas cell is {entry.replicas!r}"
    else:
        ok = row["replicas"] is not None and row["replicas"] not in (HOSTED, PARKED) and row["replicas"] != ""
        label = f"row {entry.name}: Replicas cell states its replicas, neither {HOSTED!r} nor {PARKED!r}"
    return ok, label, f"page {row['replicas']!r}"


def hosted_cells_match(row, entry):
    """(ok, label, detail) for a hosted row's GPU cells: hosted by its provider, no VRAM bar, no
    concurrency, the VRAM cell naming the provider that serves it."""
    problems = []
    if row["gpuText"] != f"hosted by {entry.provider}":
        problems.append(f"GPU × TP cell {row['gpuText']!r}, want 'hosted by {entry.provider}'")
    if row["vramBar"]:
        problems.append("VRAM cell draws a bar")
    vram = row["vramText"] or ""
    if entry.provider not in vram or "concurrency" in vram:
        problems.append(f"VRAM cell {vram!r} should name {entry.provider!r} and no concurrency")
    return (not problems, f"row {entry.name}: hosted by {entry.provider}, no VRAM bar, no concurrency",
            "; ".join(problems))


# The counts line: "7 names on 5 models · 3 tenants · 2 GPU classes".
COUNT_NOUNS = {"name": "names", "model": "models", "tenant": "tenants", "GPU class": "GPU classes"}
COUNTS = re.compile(r"(\d[\d,]*) (names?) on (\d[\d,]*) (models?) · (\d[\d,]*) (tenants?) · (\d[\d,]*) (GPU class(?:es)?)")


def noun_agrees(n, noun):
    """True when `noun` is one of COUNT_NOUNS in the form `n` takes: singular for 1, else plural."""
    singular = next((s for s, plural in COUNT_NOUNS.items() if noun in (s, plural)), None)
    return singular is not None and noun == (singular if n == 1 else COUNT_NOUNS[singular])


def check_counts(page, expected, report):
    """The counts line: each noun singular exactly when its number is 1, and the names, models and
    tenants as many as the sources call for."""
    text = " ".join((page.evaluate(COUNTS_JS) or "").split())
    match = COUNTS.fullmatch(text)
    if not report.check(match is not None, "counts line reads 'N names on N models · N tenants · N GPU classes'",
                        f"found {text!r}"):
        return
    pairs = [(int(match.group(i).replace(",", "")), match.group(i + 1)) for i in (1, 3, 5, 7)]
    wrong = [f"{n} {noun}" for n, noun in pairs if not noun_agrees(n, noun)]
    report.check(not wrong, "counts line: each noun singular exactly for 1", f"{wrong} in {text!r}")
    want = [len(expected.entries), len(expected.models()), len(expected.tenants)]
    report.check([n for n, _ in pairs[:3]] == want, "counts line: as many names, models and tenants as the sources",
                 f"found {text!r}, the sources have {want[0]}, {want[1]} and {want[2]}")


def row_matches(row, entry):
    """(ok, label, detail) for a row's name cell and data attributes against its source entry."""
    problems = []
    if (row["aliasText"] or "").strip() != entry.name:
        problems.append(f"name cell {row['aliasText']!r}")
    tenants = set((row["tenants"] or "").split())
    if tenants != entry.tenants:
        problems.append(f"data-tenants {difference(tenants, set(entry.tenants))}")
    if row["status"] != entry.status:
        problems.append(f"data-status {row['status']!r}, source {entry.status!r}")
    if row["gpu"] != entry.gpu:
        problems.append(f"data-gpu {row['gpu']!r}, source {entry.gpu!r}")
    return not problems, f"row {entry.name}: name cell, tenants, status and GPU class", "; ".join(problems)


def shown_problems(state, expected_names):
    """How the rows that show (no hidden attribute, and rendered) and the count differ from the expected."""
    unhidden = {r["alias"] for r in state["rows"] if not r["hidden"]}
    rendered = {r["alias"] for r in state["rows"] if r["displayed"]}
    count = re.search(r"\d+", state["count"] or "")
    problems = []
    if unhidden != expected_names:
        problems.append(f"rows without hidden: {difference(unhidden, expected_names)}")
    if rendered != expected_names:
        problems.append(f"rows rendered: {difference(rendered, expected_names)}")
    if not count or int(count.group()) != len(expected_names):
        problems.append(f"#filter-count says {state['count']!r}, {len(expected_names)} should show")
    return problems


def check_shown(page, report, label, expected_names):
    """Exactly the expected rows show. Looks again for up to SETTLE seconds, so that a debounced
    filter is judged on where it ends, not on the moment after the event."""
    deadline = time.monotonic() + SETTLE
    while (problems := shown_problems(page.evaluate(SHOWN_JS), expected_names)) and time.monotonic() < deadline:
        time.sleep(0.05)
    n = len(expected_names)
    report.check(not problems, f"{label}: shows {n} row{'' if n == 1 else 's'}", "; ".join(problems))


def type_filter(page, text):
    """Clears every filter, then types `text` into #filter as a user would (input events)."""
    page.evaluate(CLEAR_FILTERS_JS)
    page.call("Input.insertText", {"text": text})


def choose(page, report, field, value):
    """Clears every filter, then picks `value` in the select of `field`; False if it has no such option."""
    page.evaluate(CLEAR_FILTERS_JS)
    chosen = page.evaluate(CHOOSE_JS % json.dumps([SELECTS[field], value]))
    return report.check(chosen == value, f"#{SELECTS[field]} offers {value!r}", f"no option with value {value!r}")


def check_filters(page, expected, report):
    """Every tenant, status and GPU class, typed into #filter and picked from its select."""
    missing = page.evaluate(CONTROLS_JS)
    if not report.check(not missing, "filter controls present", f"missing {missing}"):
        return
    everything = set(expected.entries)
    check_shown(page, report, "on load", everything)
    for tenant in expected.tenants:
        for text in (tenant, f"tenant:{tenant}"):
            type_filter(page, text)
            check_shown(page, report, f"#filter {text!r}", expected.names_where("tenant", tenant))
    for field in ("status", "gpu"):
        for value in expected.values_of(field):
            type_filter(page, f"{field}:{value}")
            check_shown(page, report, f"#filter '{field}:{value}'", expected.names_where(field, value))
    if expected.tenants and expected.values_of("status"):
        tenant, status = expected.tenants[0], expected.values_of("status")[0]
        type_filter(page, f"{tenant} status:{status}")
        check_shown(page, report, f"#filter '{tenant} status:{status}'",
                    expected.names_where("tenant", tenant) & expected.names_where("status", status))
    for field, values in (("tenant", expected.tenants), ("status", expected.values_of("status")),
                          ("gpu", expected.values_of("gpu"))):
        for value in values:
            if choose(page, report, field, value):
                check_shown(page, report, f"#{SELECTS[field]} {value!r}", expected.names_where(field, value))
    page.evaluate(CLEAR_FILTERS_JS)
    check_shown(page, report, "filters cleared", everything)


def check_tenant_articles(page, expected, report):
    """One article per tenant, listing exactly the names that tenant may call."""
    articles = page.evaluate(TENANTS_JS)
    tenants = [a["tenant"] for a in articles]
    report.check(sorted(tenants) == expected.tenants, f"one tenant article for each of {len(expected.tenants)} tenants",
                 f"articles {tenants}, tenants {expected.tenants}")
    for article in articles:
        if article["tenant"] in expected.tenants:
            names, wanted = article["names"], expected.names_where("tenant", article["tenant"])
            report.check(set(names) == wanted and len(names) == len(set(names)),
                         f"tenant {article['tenant']}: lists its {len(wanted)} names",
                         difference(set(names), wanted) or f"repeated names in {names}")


def check_applications(page, expected, synced, report):
    """Each row's "Argo CD: <name>" line and each tenant card's Argo CD entry name the Application
    that syncs its objects in out/: the one whose folder holds the model's Deployment (a hosted
    model: the LiteLLM config), or the tenant's Namespace."""
    for row in page.evaluate(ROWS_JS):
        entry = expected.entries.get(row["alias"])
        if entry:
            line = row["application"] or ""
            shown = line.removeprefix("Argo CD:").strip() if line.startswith("Argo CD:") else None
            report.check(*application_matches(f"row {entry.name}", shown, line, synced_file(entry), synced))
    for article in page.evaluate(TENANTS_JS):
        if article["tenant"] in expected.tenants:
            file = f"namespace.{article['tenant']}.yaml"
            report.check(*application_matches(f"tenant {article['tenant']}", article["application"],
                                              article["application"], file, synced))


def application_matches(what, shown, found, file, synced):
    """(ok, label, detail) for one shown Application name (`found`: the text it was read from)
    against the one Application syncing `file`."""
    wanted, why = synced.application(file)
    if wanted is None:
        return False, f"{what}: out/ has one Application syncing {file}", why
    return (shown == wanted, f"{what}: Argo CD shows {wanted!r}, the Application syncing {file}",
            f"page {found!r}")


def check_digest(page, report):
    """The footer shows the digest of the sources."""
    text = (page.evaluate(DIGEST_JS) or "").strip()
    report.check(DIGEST.fullmatch(text) is not None, "footer source digest is sha256:<64 hex>", f"found {text!r}")


def check_width(page, report, label, metrics):
    """No sideways scrolling; on a phone, a layout as wide as the screen (a viewport meta tag)."""
    widths = page.evaluate(WIDTHS_JS)
    if metrics["mobile"]:
        report.check(widths["clientWidth"] == metrics["width"], f"{label}: laid out {metrics['width']} CSS px wide",
                     f"the layout viewport is {widths['clientWidth']} CSS px; is "
                     "<meta name=\"viewport\" content=\"width=device-width\"> missing?")
    report.check(widths["scrollWidth"] <= widths["clientWidth"], f"{label}: no sideways scrolling",
                 f"content is {widths['scrollWidth']} CSS px wide in a {widths['clientWidth']} px viewport; "
                 f"widest: {widths['widest']}")


def luminance(rgba):
    """WCAG relative luminance of an sRGB colour given as 0-255 bytes."""
    def linear(channel):
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgba[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def check_background(page, report, scheme):
    """Body background dark in dark mode, light in light mode (the root's if the body is transparent)."""
    backgrounds = page.evaluate(BACKGROUNDS_JS)
    rgba = backgrounds["body"] if backgrounds["body"][3] else backgrounds["html"]
    if not report.check(rgba[3] > 0, f"{scheme} mode: page has a background colour",
                        "body and html backgrounds are both transparent"):
        return
    value = luminance(rgba)
    ok = value < 0.2 if scheme == "dark" else value > 0.8
    report.check(ok, f"{scheme} mode: background is {scheme}",
                 f"rgb{tuple(rgba[:3])} has luminance {value:.2f}, want {'< 0.2' if scheme == 'dark' else '> 0.8'}")


def save_screenshot(page, report, directory, name, width):
    """Saves a full-page screenshot for a person to look at."""
    size = page.screenshot(pathlib.Path(directory, name), width)
    report.note(f"saved {pathlib.Path(directory, name)} ({size[0]}x{size[1]})")


def check_looks(page, report, screenshots):
    """Desktop and phone widths, light and dark backgrounds, and the screenshots if asked for."""
    page.emulate(DESKTOP)
    check_width(page, report, "desktop", DESKTOP)
    check_background(page, report, "light")
    if screenshots:
        save_screenshot(page, report, screenshots, "catalog-desktop.png", DESKTOP["width"])
    page.emulate(DESKTOP, "dark")
    check_background(page, report, "dark")
    if screenshots:
        save_screenshot(page, report, screenshots, "catalog-dark.png", DESKTOP["width"])
    page.emulate(PHONE)
    check_width(page, report, "phone", PHONE)
    if screenshots:
        save_screenshot(page, report, screenshots, "catalog-phone.png", PHONE["width"])


def console_messages(page):
    """Every error and warning the page logged or threw, first line only, repeats counted."""
    messages = [f"console.{p['type']}: " + " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
                for p in page.events("Runtime.consoleAPICalled") if p["type"] in ("error", "warning", "assert")]
    messages += [f"uncaught {exception_text(p['exceptionDetails'])}" for p in page.events("Runtime.exceptionThrown")]
    messages += [f"{p['entry']['source']} {p['entry']['level']}: {p['entry']['text']}"
                 for p in page.events("Log.entryAdded") if p["entry"]["level"] in ("error", "warning")]
    counts = {}
    for message in messages:
        first_line = message.splitlines()[0] if message else message
        counts[first_line] = counts.get(first_line, 0) + 1
    return [f"{m} (x{n})" if n > 1 else m for m, n in counts.items()]


def check_recorded_events(page, url, report):
    """Nothing went to the console, no request left the page's own file, no dialog opened."""
    console = console_messages(page)
    report.check(not console, "no console errors or warnings", "".join(f"\n        {m}" for m in console))
    requests = [p["request"]["url"] for p in page.events("Network.requestWillBeSent")]
    foreign = [u for u in requests if u.split("#")[0] != url]
    report.check(not foreign, "no request but the page's own file", f"requested {foreign}")
    dialogs = [f"{p['type']}({p['message']!r})" for p in page.events("Page.javascriptDialogOpening")]
    report.check(not dialogs, "no JavaScript dialog opened", f"opened {dialogs}")


def check_page(page, url, expected, synced, report, screenshots):
    """Loads the page at desktop size and runs every check, the recorded events last."""
    page.emulate(DESKTOP)
    page.load(url)
    check_hygiene(page, report)
    check_rows(page.evaluate(ROWS_JS), expected, report)
    check_counts(page, expected, report)
    check_filters(page, expected, report)
    check_tenant_articles(page, expected, report)
    check_applications(page, expected, synced, report)
    check_digest(page, report)
    check_looks(page, report, screenshots)
    check_recorded_events(page, url, report)


# MARK: - Command line

def arguments():
    """--root, --out, --screenshots, -q."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True, help="platform root holding models/ and tenants/")
    parser.add_argument("--out", required=True,
                        help="output directory holding catalog/index.html, applications/ and manifests/")
    parser.add_argument("--screenshots", help="directory for catalog-{desktop,phone,dark}.png")
    parser.add_argument("-q", "--quiet", action="store_true", help="print failures and the tally only")
    return parser.parse_args()


def main():
    """Runs the checks; 0 when all hold, 1 otherwise."""
    args = arguments()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a cancelled CI job still cleans up
    page_file = pathlib.Path(args.out, "catalog", "index.html").resolve()
    if not page_file.is_file():
        print(f"FAIL  {page_file} does not exist", file=sys.stderr)
        return 1
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
    expected = expected_catalog(args.root)
    synced = synced_applications(args.out)
    report = Report(args.quiet)
    browser = Browser()
    try:
        with browser:
            check_page(Page(browser), page_file.as_uri(), expected, synced, report, args.screenshots)
    except BrowserError as error:  # one failure for a browser that would not start, died or hung
        report.check(False, "browser", f"{error}\n{browser.log_tail()}".rstrip())
    return report.finish()


if __name__ == "__main__":
    sys.exit(main())
