"""LiteLLM's real proxy on a loopback port: start it, ask it what it built, stop it.

The proxy is `litellm --config … --host 127.0.0.1 --port N` from this interpreter's venv, in its own
session (so a Ctrl-C at the terminal reaches only the harness, which then stops it) and with
PR_SET_PDEATHSIG (so it dies even if the harness is SIGKILLed). Only that process group is signalled.
"""
import json
import os
import re
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request

# Never an HTTP proxy for loopback, whatever the caller's environment says.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
_ANSI = re.compile(r"\x1b\[[0-9;]*m")

# The child asks the kernel for SIGKILL when the harness dies (prctl PR_SET_PDEATHSIG = 1, kept
# across exec), gives up if the harness is already gone, then becomes the proxy. preexec_fn could
# do the same, but is unsafe once the harness has threads.
_DIE_WITH_PARENT = ("import ctypes, os, sys; ctypes.CDLL(None).prctl(1, 9); "
                    "os.getppid() == int(sys.argv[1]) or sys.exit(1); os.execv(sys.argv[2], sys.argv[2:])")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Proxy:
    def __init__(self, config, environment, work):
        self.config, self.environment, self.work = config, environment, work
        self.log_path = os.path.join(work, "proxy.log")
        self.started = time.monotonic()
        self._spawn()

    def _spawn(self):
        self.port = free_port()
        litellm = os.path.join(sysconfig.get_path("scripts"), "litellm")
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-I", "-c", _DIE_WITH_PARENT, str(os.getpid()), litellm,
                 "--config", self.config, "--host", "127.0.0.1", "--port", str(self.port)],
                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=self.work,
                env=self.environment, start_new_session=True)

    def wait_until_live(self, timeout):
        """'up' or what went wrong, and the seconds since start."""
        deadline = self.started + timeout
        retried = False
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                # The port was free when chosen; uvicorn binds it seconds later. Once, take another.
                if not retried and "Errno 98" in self.log():
                    retried = True
                    self._spawn()
                    continue
                return "exited with status %d" % self.process.returncode, time.monotonic() - self.started
            try:
                with _OPENER.open("http://127.0.0.1:%d/health/liveliness" % self.port, timeout=2) as response:
                    if response.status == 200:
                        return "up", time.monotonic() - self.started
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.2)
        return "did not answer /health/liveliness within %g s" % timeout, time.monotonic() - self.started

    def get(self, path, key):
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path),
                                         headers={"Authorization": "Bearer " + key})
        with _OPENER.open(request, timeout=30) as response:
            return json.load(response)

    def post(self, path, key, body):
        """(status, seconds, parsed body) of a JSON POST; an HTTP error status is an answer too."""
        request = urllib.request.Request("http://127.0.0.1:%d%s" % (self.port, path), data=json.dumps(body).encode(),
                                         headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
        started = time.monotonic()
        try:
            with _OPENER.open(request, timeout=60) as response:
                return response.status, time.monotonic() - started, json.load(response)
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            try:
                answer = json.loads(text)
            except ValueError:
                answer = {"text": text}
            return error.code, time.monotonic() - started, answer

    def stop(self):
        """TERM to the proxy's group, KILL after 10 s; idempotent."""
        if self.process.poll() is None:
            for sig, grace in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                try:
                    self.process.wait(grace)
                    break
                except subprocess.TimeoutExpired:
                    continue
        self.process.poll()

    def log(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return _ANSI.sub("", f.read())


def served(expected, models, info):
    """Findings comparing what the config declares with /v1/models and /v1/model/info, and a summary.
    A parked model's names (every deployment `model_info.blocked`) are built but not listed: LiteLLM
    hides blocked deployments from /v1/models."""
    findings = []
    names = [m["id"] for m in models.get("data", [])]
    blocked = expected.get("blocked", [])
    missing = [n for n in expected["names"] if n not in names and n not in blocked]
    if missing:
        findings.append(("proxy/not-served", "model_names not served by /v1/models: " + ", ".join(missing)))
    listed = [n for n in blocked if n in names]
    if listed:
        findings.append(("proxy/blocked-listed", "blocked model_names still listed by /v1/models: " + ", ".join(listed)))
    # /v1/model/info has a row per deployment and one more per model_group_alias (a copy of its
    # target under the alias's name): count the declared names' rows only.
    rows = [r for r in info.get("data", []) if r.get("model_name") in expected["names"]]
    ids = {str((r.get("model_info") or {}).get("id")) for r in rows}
    lost = [i for i in expected["ids"] if i not in ids]
    if len(rows) != expected["deployments"] or lost:
        findings.append(("proxy/not-built", "%d of %d deployments built%s (LiteLLM drops a deployment it cannot "
                         "build: litellm| lines)" % (len(rows), expected["deployments"],
                                                     "; missing model_info.id " + ", ".join(lost) if lost else "")))
    extra = sorted(set(names) - set(expected["names"]))
    summary = "/v1/models serves %d of %d model_names%s%s; /v1/model/info has %d of %d deployments" % (
        len(expected["names"]) - len(missing) - len(blocked), len(expected["names"]),
        " (%d parked, hidden)" % len(blocked) if blocked else "",
        " (and aliases %s)" % ", ".join(extra) if extra else "", len(rows), expected["deployments"])
    return findings, summary


def abilities(expected, groups):
    """Findings unless /model_group/info reports each name's declared abilities (clients discover tool
    calling and reasoning there), and a summary."""
    by_name = {g.get("model_group"): g for g in groups.get("data", [])}
    findings = []
    for name, wanted in sorted(expected.items()):
        group = by_name.get(name) or {}
        missing = [a for a in wanted if group.get(a) is not True]
        if missing:
            findings.append(("proxy/abilities", "%s: /model_group/info lacks %s" % (name, ", ".join(missing))))
    return findings, "/model_group/info reports tool calling or reasoning for %d of %d names" % (
        len(expected) - len(findings), len(expected))


def parked(proxy, names, key):
    """Findings unless every parked name is refused at once (403, well under a second: LiteLLM checks
    `blocked` before routing, so no upstream call, retry or cooldown), and a summary."""
    findings, slowest = [], 0.0
    for name in names:
        status, seconds, answer = proxy.post("/v1/chat/completions", key, {
            "model": name, "messages": [{"role": "user", "content": "hi"}], "max_tokens": 1})
        slowest = max(slowest, seconds)
        message = str((answer.get("error") or {}).get("message", answer))
        if status != 403 or seconds > 2 or "blocked" not in message:
            findings.append(("proxy/parked", "parked %s answered %d after %.2f s: %s" % (name, status, seconds, message[:200])))
    return findings, "%d parked model_name%s refused with 403 in at most %.2f s" % (
        len(names), "s"[len(names) == 1:], slowest)


# A LiteLLM logger record: "00:16:21 - LiteLLM Router:ERROR: router.py:9485 - Error creating deployment: …"
_RECORD = re.compile(r"^\d\d:\d\d:\d\d - LiteLLM[\w ]*:(?P<level>[A-Z]+): (?P<message>.*)$")


def error_lines(log, warnings=False, limit=20):
    """LiteLLM's own complaints: its ERROR/CRITICAL records (WARNING too when asked), and the
    exception that ended a failed start (uvicorn prints it after 'ERROR:    Traceback')."""
    found = []
    lines = log.splitlines()
    for i, line in enumerate(lines):
        record = _RECORD.match(line)
        if record and (record["level"] in ("ERROR", "CRITICAL") or warnings and record["level"] == "WARNING"):
            # A message may go on for a few lines (pydantic's names the field) before its traceback.
            message = [line]
            for after in lines[i + 1:i + 4]:
                if not after.strip() or after.startswith(("Traceback", "INFO:", "ERROR:")) or _RECORD.match(after):
                    break
                message.append(after.strip())
            found.append(" ".join(message))
        elif line.startswith("ERROR:") and "Traceback" in line:
            for after in lines[i + 1:]:
                if after and not after.startswith((" ", "\t", "Traceback", "During handling", "The above")):
                    found.append(after)
                    break
        elif line.startswith("ERROR:") and line[6:].strip():
            found.append(line)
    unique = list(dict.fromkeys(l.strip()[:500] for l in found))
    return unique[:limit]


def tail(log, count=8):
    """The last lines of a log without LiteLLM's banner and feedback box."""
    keep = [l for l in log.splitlines()
            if l.strip() and not l.lstrip().startswith("#") and "Thank you for using" not in l
            and "Give Feedback" not in l and not re.fullmatch(r"[\s█╗╔║╚═╝]+", l)]
    return keep[-count:]
