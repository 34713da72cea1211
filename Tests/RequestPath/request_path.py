#!/usr/bin/env python3
"""The request path end to end with the real router: client → LiteLLM 1.106.12 → a stand-in vLLM.

    "$(scripts/python-env litellm)" Tests/RequestPath/request_path.py --out OUT [--skip-slow] [-q]

OUT is a rendered out/. The harness
  1. starts one stand-in vLLM (stand_in_vllm.py) per distinct `api_base` of OUT/litellm/config.yaml —
     one per model Service — serving the names its entries route to (`hosted_vllm/<served>` → `<served>`)
     and requiring the key from VLLM_API_KEY exactly as vLLM 0.11.0's AuthenticationMiddleware does;
  2. starts the pinned LiteLLM proxy (`litellm --config`, 127.0.0.1, a free port, no database) on a copy
     of the rendered config in which only the `api_base` lines are rewritten to the stand-ins, plus four
     test-only lines for the tenant-key hook (case e; listed in the output);
  3. checks: (a) every model name through LiteLLM with the master key reaches its Service's stand-in
     with `Authorization: Bearer <VLLM_API_KEY>` and the served name; (b) the stand-in's key check:
     401 without or with a wrong key, 200 with it, /health open, what else 0.11.0 leaves open;
     (c) an engine slower than the router's timeout ends in LiteLLM's timeout error after exactly one
     attempt, within the timeout plus a margin, and the engine sees the hang-up (vLLM aborts there);
     the same for a stream against `stream_timeout`; (d) a stream through LiteLLM end to end;
     (e) a tenant's key (test-only custom_auth hook) calls a model of its access group and is refused
     one of another tenant's.
(c) runs only when the router's timeout is at most 10 s (the request-path fixture: 3 s), or never with
--skip-slow. Exit 0 when every case passes, 1 otherwise (LiteLLM's log tail is printed), 2 on a usage
or setup error.
"""
import argparse
import json
import os
import re
import secrets
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "LiteLLMAcceptance"))

import pinned_litellm  # noqa: E402  (refuses any LiteLLM but the pinned one before it is imported)
import stand_in_vllm  # noqa: E402

SLOW_LIMIT = 10.0  # s: above this router timeout, (c) would take too long for the suite
MARGIN = 2.5  # s: LiteLLM's own overhead allowed on top of its timeout before an answer is "late"
PROVIDER = "hosted_vllm/"
TEST_ONLY = {
    "general_settings": ["  custom_auth: tenant_auth.user_api_key_auth",
                         "  custom_auth_settings:",
                         "    mode: auto",
                         "  custom_auth_run_common_checks: true"],
    "litellm_settings": ["  enable_post_custom_auth_checks: true"],
}


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def rewrite(text, bases):
    """The rendered config with each `api_base: <base>` line pointed at its stand-in (the `/v1` path
    kept) and the test-only lines inserted; returns the text and the changed/added lines."""
    changed = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        match = re.fullmatch(r"(\s*api_base: )(\S+)", line)
        if match and match.group(2) in bases:
            lines[i] = match.group(1) + bases[match.group(2)]
            changed.append("api_base %s → %s" % (match.group(2), bases[match.group(2)]))
    for section, extra in TEST_ONLY.items():
        index = next((i for i, l in enumerate(lines) if l == section + ":"), None)
        if index is None:
            lines += [section + ":"] + extra
        else:
            lines[index + 1:index + 1] = extra
        changed += ["+ %s.%s" % (section, e.strip()) for e in extra if not e.startswith("    ")]
    return "\n".join(lines), changed


def vllm_containers(out):
    """(Deployment name, its vLLM container) for every rendered vLLM Deployment."""
    import glob

    import yaml
    found = []
    for path in sorted(glob.glob(os.path.join(out, "manifests", "*", "deployment.*.yaml"))):
        with open(path, encoding="utf-8") as f:
            document = yaml.safe_load(f)
        for container in document["spec"]["template"]["spec"]["containers"]:
            if "startupProbe" in container and container["name"] == "vllm":
                found.append((document["metadata"]["name"], container))
    return found


def kubelet_expand(text, env):
    """A container arg as the kubelet expands it: $(NAME) from the container's environment when
    defined, left as written otherwise; $$ is a literal $ (k8s.io/kubernetes third_party/forked/golang/expansion)."""
    return re.sub(r"\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)",
                  lambda m: "$" if m.group(0) == "$$" else env.get(m.group(1), m.group(0)), text)


def rendered_keys(container, env):
    """The keys a vLLM 0.11.0 server started from this container accepts: `--api-key` (nargs "+",
    engine/arg_utils.py:220-229: the values up to the next option) expanded by the kubelet, else
    VLLM_API_KEY (api_server.py:1557-1559)."""
    args = container.get("args") or []
    values = None
    if "--api-key" in args:
        rest = args[args.index("--api-key") + 1:]
        values = [kubelet_expand(a, env) for a in rest[:next((i for i, a in enumerate(rest) if a.startswith("--")), len(rest))]]
    return stand_in_vllm.vllm_tokens(values, env)


class Run:
    def __init__(self, args):
        self.args, self.results = args, []
        self.proxy = self.work = None
        self.engines = {}

    def say(self, text):
        print(text, flush=True)

    # --- setup ---------------------------------------------------------------------------------
    def setup(self):
        import yaml  # the venv's PyYAML: LiteLLM reads the config with yaml.safe_load
        from proxy_probe import Proxy

        path = os.path.join(self.args.out, "litellm", "config.yaml")
        with open(path, encoding="utf-8") as f:
            self.text = f.read()
        self.config = yaml.safe_load(self.text)
        self.entries = self.config["model_list"]
        self.router = self.config.get("router_settings") or {}
        self.key = "vllm-" + secrets.token_urlsafe(24)  # VLLM_API_KEY of both sides, as one Secret feeds them
        # The vLLM side, from the rendered Deployments: during a key rotation (serving.previousApiKeyRef,
        # `--api-key` in the args) vLLM holds a new key and still accepts LiteLLM's, the previous one.
        self.containers = vllm_containers(self.args.out)
        check(self.containers, "no vLLM Deployment with a startup probe in %s" % self.args.out)
        self.rotation = any("--api-key" in (c.get("args") or []) for _, c in self.containers)
        self.vllm_env = ({"VLLM_API_KEY": "vllm-new-" + secrets.token_urlsafe(24), "VLLM_PREVIOUS_API_KEY": self.key}
                         if self.rotation else {"VLLM_API_KEY": self.key})
        self.tokens = rendered_keys(self.containers[0][1], self.vllm_env)
        for name, container in self.containers:
            check(rendered_keys(container, self.vllm_env) == self.tokens, "%s accepts other keys than %s" % (
                name, self.containers[0][0]))
        check(self.key in self.tokens, "vLLM would refuse LiteLLM's key")
        served = {}
        for entry in self.entries:
            params = entry["litellm_params"]
            check(params.get("api_key") == "os.environ/VLLM_API_KEY",
                  "%s: api_key is %r, not os.environ/VLLM_API_KEY" % (entry["model_name"], params.get("api_key")))
            check(params["model"].startswith(PROVIDER), "%s: model %r is not hosted_vllm/…" % (
                entry["model_name"], params["model"]))
            served.setdefault(params["api_base"], []).append(params["model"][len(PROVIDER):])
        bases = {}
        for base, names in served.items():
            engine = stand_in_vllm.Engine(base, names, self.tokens).start()
            self.engines[base] = engine
            check(base.endswith("/v1"), "api_base %s does not end in /v1" % base)
            bases[base] = engine.base + "/v1"
        copy, changed = rewrite(self.text, bases)
        # Nothing else may differ: the copy parses to the rendered config plus exactly the test-only keys.
        parsed = yaml.safe_load(copy)
        for entry, original in zip(parsed["model_list"], self.entries):
            entry["litellm_params"]["api_base"] = original["litellm_params"]["api_base"]
        for section, extra in TEST_ONLY.items():
            for line in extra:
                if not line.startswith("    "):
                    parsed[section].pop(line.strip().split(":")[0])
        check(parsed == self.config, "the rewritten copy differs from the rendered config beyond api_base")

        self.work = tempfile.mkdtemp(prefix="request-path-")
        config = os.path.join(self.work, "config.yaml")
        with open(config, "w", encoding="utf-8") as f:
            f.write(copy)
        shutil.copy(os.path.join(HERE, "tenant_auth.py"), self.work)  # custom_auth resolves beside the config
        self.master = "sk-" + secrets.token_hex(24)
        self.tenants = sorted({g[len("tenant:"):] for e in self.entries
                               for g in (e.get("model_info") or {}).get("access_groups") or []})
        self.tenant_keys = {"sk-tenant-%s-%s" % (t, secrets.token_hex(8)): t for t in self.tenants}
        tmp = os.path.join(self.work, "tmp")
        os.mkdir(tmp)
        environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": self.work, "TMPDIR": tmp,
                       "LITELLM_LOCAL_MODEL_COST_MAP": "True", "VLLM_API_KEY": self.key,
                       # LiteLLM 1.106.12 loads Xenova/llama-3-tokenizer from the Hub to count a stream's
                       # tokens for any model whose name holds "llama-3" (utils.py:2459, 2485); offline that
                       # costs ~23 s of retries per streamed request. Offline mode makes it fail at once.
                       "HF_HUB_OFFLINE": "1",
                       "LITELLM_MASTER_KEY": self.master,
                       "REQUEST_PATH_TENANT_KEYS": json.dumps(self.tenant_keys)}
        self.say("request-path: %s, %d deployments on %d stand-in vLLM Services; copy of the config: only %s"
                 % (path, len(self.entries), len(self.engines), "; ".join(
                     [c for c in changed if not c.startswith("api_base")] + ["%d api_base lines" % len(
                         [c for c in changed if c.startswith("api_base")])])))
        self.say("request-path: DATABASE_URL unset: general_settings.database_url kept (it resolves to None; "
                 "the proxy starts without a database)")
        self.proxy = Proxy(config, environment, self.work)
        state, seconds = self.proxy.wait_until_live(self.args.timeout)
        if state != "up":
            raise Failed("LiteLLM proxy %s after %.1f s" % (state, seconds))
        startup = [(r["headers"].get("authorization") == "Bearer " + self.key, r["status"])
                   for e in self.engines.values() for r in e.seen("/v1/models")]
        self.say("request-path: LiteLLM %s up on 127.0.0.1:%d after %.1f s; it asked the stand-ins for /v1/models "
                 "%d times (with the key: %d; statuses %s)" % (
                     pinned_litellm.installed_version(), self.proxy.port, seconds, len(startup),
                     len([1 for k, _ in startup if k]), sorted({s for _, s in startup})))
        import httpx
        self.http = httpx.Client(trust_env=False, timeout=60)

    def stop(self):
        if self.proxy is not None:
            self.proxy.stop()
        for engine in self.engines.values():
            engine.stop()
        if self.work and not self.args.keep:
            shutil.rmtree(self.work, ignore_errors=True)

    # --- helpers -------------------------------------------------------------------------------
    def litellm(self, path, body, key=None, stream=False, timeout=60):
        url = "http://127.0.0.1:%d%s" % (self.proxy.port, path)
        headers = {"Authorization": "Bearer " + (key or self.master)}
        if stream:
            return self.http.stream("POST", url, json=body, headers=headers, timeout=timeout)
        return self.http.post(url, json=body, headers=headers, timeout=timeout)

    def engine_of(self, entry):
        return self.engines[entry["litellm_params"]["api_base"]]

    def served(self, entry):
        return entry["litellm_params"]["model"][len(PROVIDER):]

    def case(self, name, function):
        started = time.monotonic()
        try:
            detail = function()
            self.results.append((name, True))
            self.say("ok    %s: %s (%.2f s)" % (name, detail, time.monotonic() - started))
        except Failed as error:
            self.results.append((name, False))
            self.say("FAIL  %s: %s" % (name, error))
        for engine in self.engines.values():
            engine.delay = 0.0

    # --- (a) ------------------------------------------------------------------------------------
    def routed(self):
        lines = []
        for entry in self.entries:
            engine = self.engine_of(entry)
            for each in self.engines.values():
                each.clear()
            body = {"model": entry["model_name"], "messages": [{"role": "user", "content": "ping"}], "max_tokens": 8}
            response = self.litellm("/v1/chat/completions", body)
            check(response.status_code == 200, "%s: HTTP %d %s" % (entry["model_name"], response.status_code,
                                                                    response.text[:300]))
            seen = engine.seen("/v1/chat/completions")
            check(len(seen) == 1, "%s: the stand-in of %s saw %d requests" % (entry["model_name"], engine.name,
                                                                             len(seen)))
            got = seen[0]
            check(got["headers"].get("authorization") == "Bearer " + self.key,
                  "%s: Authorization %r, not Bearer <VLLM_API_KEY>" % (entry["model_name"],
                                                                        got["headers"].get("authorization")))
            check(got["body"].get("model") == self.served(entry), "%s: model %r sent, %r served" % (
                entry["model_name"], got["body"].get("model"), self.served(entry)))
            check(response.json()["choices"][0]["message"]["content"] == "".join(stand_in_vllm.REPLY_WORDS),
                  "%s: the answer is not the stand-in's" % entry["model_name"])
            model_id = response.headers.get("x-litellm-model-id")
            want = (entry.get("model_info") or {}).get("id")
            check(want is None or model_id == want, "%s: x-litellm-model-id %r, model_info.id %r" % (
                entry["model_name"], model_id, want))
            others = [e for e in self.engines.values() if e is not engine and e.seen()]
            check(not others, "%s: reached other stand-ins too" % entry["model_name"])
            lines.append("%s → %s" % (entry["model_name"], got["body"]["model"]))
        # /v1/completions too, once: LiteLLM's text_completion to hosted_vllm.
        entry = self.entries[0]
        engine = self.engine_of(entry)
        engine.clear()
        response = self.litellm("/v1/completions", {"model": entry["model_name"], "prompt": "ping", "max_tokens": 8})
        check(response.status_code == 200, "/v1/completions: HTTP %d %s" % (response.status_code, response.text[:300]))
        seen = engine.seen("/v1/completions")
        check(len(seen) == 1 and seen[0]["headers"].get("authorization") == "Bearer " + self.key
              and seen[0]["body"].get("model") == self.served(entry),
              "/v1/completions: the stand-in saw %r" % [(s["path"], s["body"]) for s in engine.seen()])
        return "%d names: 200, each at its own Service with Bearer <VLLM_API_KEY> and its served name (%s); " \
               "/v1/completions likewise" % (len(lines), ", ".join(lines))

    # --- (b) ------------------------------------------------------------------------------------
    def guarded(self):
        import httpx
        entry = self.entries[0]
        engine = self.engine_of(entry)
        url = engine.base
        body = {"model": self.served(entry), "messages": [{"role": "user", "content": "ping"}]}
        seen = {}

        def call(label, method, path, headers=None, json_body=None):
            request = self.http.build_request(method, url + path, headers=headers or {}, json=json_body)
            response = self.http.send(request)
            seen[label] = response.status_code
            return response

        r = call("no key", "POST", "/v1/chat/completions", json_body=body)
        check(r.status_code == 401 and r.content == stand_in_vllm.UNAUTHORIZED,
              "no key: HTTP %d %r" % (r.status_code, r.content))
        check(call("wrong key", "POST", "/v1/chat/completions", {"Authorization": "Bearer wrong-" + self.key},
                   body).status_code == 401, "wrong key: HTTP %d" % seen["wrong key"])
        check(call("Basic", "POST", "/v1/chat/completions", {"Authorization": "Basic " + self.key},
                   body).status_code == 401, "scheme Basic: HTTP %d" % seen["Basic"])
        check(call("two spaces", "POST", "/v1/chat/completions", {"Authorization": "Bearer  " + self.key},
                   body).status_code == 401, "Bearer with two spaces: HTTP %d" % seen["two spaces"])
        check(call("key", "POST", "/v1/chat/completions", {"Authorization": "Bearer " + self.key},
                   body).status_code == 200, "the key: HTTP %d" % seen["key"])
        check(call("lowercase bearer", "POST", "/v1/chat/completions", {"Authorization": "bearer " + self.key},
                   body).status_code == 200, "lowercase bearer: HTTP %d" % seen["lowercase bearer"])
        check(call("/v1/models no key", "GET", "/v1/models").status_code == 401, "/v1/models without key")
        check(call("/health", "GET", "/health").status_code == 200, "/health without key: HTTP %d" % seen["/health"])
        check(call("/version", "GET", "/version").status_code == 200, "/version without key")
        check(call("OPTIONS", "OPTIONS", "/v1/chat/completions",
                   {"Origin": "http://x", "Access-Control-Request-Method": "POST"}).status_code == 200,
              "CORS preflight without key: HTTP %d" % seen["OPTIONS"])
        # Open in 0.11.0, on purpose of upstream: not under /v1 (docs/research/vllm-auth-notes.md §3).
        check(call("/invocations no key", "POST", "/invocations", json_body=body).status_code == 200,
              "/invocations without key: HTTP %d" % seen["/invocations no key"])
        # GHSA-94f4-hr76-p5j6: a Host header with '?' hides /v1 from the check (Starlette < 1.0.1).
        with httpx.Client(trust_env=False, timeout=10) as raw:
            r = raw.post(url + "/v1/chat/completions", json=body, headers={"Host": "vllm?"})
            seen["Host: vllm?"] = r.status_code
        check(r.status_code == 200, "Host-header bypass: HTTP %d" % r.status_code)
        return ", ".join("%s %d" % item for item in seen.items())

    # --- (c) ------------------------------------------------------------------------------------
    def slow(self, stream):
        entry = self.entries[0]
        engine = self.engine_of(entry)
        key = "stream_timeout" if stream else "timeout"
        limit = float(entry["litellm_params"].get(key) or entry["litellm_params"]["timeout"])
        engine.delay = 2 * limit + 2  # past a second attempt too, had there been one
        engine.clear()
        body = {"model": entry["model_name"], "messages": [{"role": "user", "content": "ping"}], "stream": stream}
        started = time.monotonic()
        if stream:
            with self.litellm("/v1/chat/completions", body, stream=True, timeout=60) as response:
                text = response.read().decode("utf-8", "replace")
                status = response.status_code
        else:
            response = self.litellm("/v1/chat/completions", body, timeout=60)
            status, text = response.status_code, response.text
        elapsed = time.monotonic() - started
        time.sleep(0.3)  # the hang-up reaches the stand-in's select loop
        try:
            error = json.loads(text)["error"]
        except (ValueError, KeyError, TypeError):
            error = {"message": text[:300]}
        attempts = engine.seen("/v1/chat/completions")
        retries = self.router.get("retry_policy", {}).get("TimeoutErrorRetries")
        summary = "HTTP %s, error type %r, code %r, %d attempt(s), answered after %.2f s (%s %g s, " \
                  "TimeoutErrorRetries %s)" % (status, error.get("type"), error.get("code"), len(attempts), elapsed,
                                               key, limit, retries)
        check(status == 408, "expected LiteLLM's 408: " + summary + "; message " + str(error.get("message"))[:300])
        check(str(error.get("message")).startswith("litellm.Timeout:"), "not litellm.Timeout: %r" % error)
        check(len(attempts) == 1, "expected exactly one attempt: " + summary)
        check(limit <= elapsed < limit + MARGIN, "expected between %g and %g s: %s" % (limit, limit + MARGIN, summary))
        aborted = attempts[0]["aborted"]
        check(aborted is not None, "the stand-in never saw LiteLLM hang up: " + summary)
        hung_up = aborted - attempts[0]["started"]
        check(hung_up < limit + MARGIN, "LiteLLM hung up after %.2f s: %s" % (hung_up, summary))
        return "%s; LiteLLM closed the connection %.2f s into the attempt (vLLM aborts there); message %r" % (
            summary, hung_up, str(error.get("message"))[:160])

    # --- (d) ------------------------------------------------------------------------------------
    def streamed(self):
        entry = self.entries[0]
        engine = self.engine_of(entry)
        engine.clear()
        body = {"model": entry["model_name"], "messages": [{"role": "user", "content": "ping"}], "stream": True}
        chunks, content, done = 0, [], False
        started = time.monotonic()
        with self.litellm("/v1/chat/completions", body, stream=True) as response:
            check(response.status_code == 200, "HTTP %d %s" % (response.status_code, response.read()[:300]))
            kind = response.headers.get("content-type", "")
            check(kind.startswith("text/event-stream"), "content-type %r" % kind)
            for line in response.iter_lines():
                if not line.startswith("data: "):
                    continue
                data = line[len("data: "):]
                if data == "[DONE]":
                    done = True
                    continue
                chunks += 1
                for choice in json.loads(data).get("choices") or []:
                    content.append((choice.get("delta") or {}).get("content") or "")
        text = "".join(content)
        elapsed = time.monotonic() - started
        check(done, "no data: [DONE]")
        check(elapsed < 5, "the stream took %.1f s (LiteLLM fetching a tokenizer from the Hub?)" % elapsed)
        check(text == "".join(stand_in_vllm.REPLY_WORDS), "streamed text %r" % text)
        seen = engine.seen("/v1/chat/completions")
        check(len(seen) == 1 and seen[0]["body"].get("stream") is True
              and seen[0]["headers"].get("authorization") == "Bearer " + self.key
              and seen[0]["body"].get("model") == self.served(entry), "the stand-in saw %r" % [
                  (s["body"], s["headers"].get("authorization")) for s in seen])
        return "%s: 200 text/event-stream, %d chunks, %r, data: [DONE]; upstream stream=true with the key" % (
            entry["model_name"], chunks, text)

    # --- (e) ------------------------------------------------------------------------------------
    def access_groups(self):
        groups = {e["model_name"]: set((e.get("model_info") or {}).get("access_groups") or []) for e in self.entries}
        pairs = [(key, tenant, allowed, refused) for key, tenant in sorted(self.tenant_keys.items(), key=lambda i: i[1])
                 for allowed in groups if "tenant:" + tenant in groups[allowed]
                 for refused in groups if "tenant:" + tenant not in groups[refused]]
        check(pairs, "no tenant with one model it may call and one it may not")
        key, tenant, allowed, refused = pairs[0]
        body = {"messages": [{"role": "user", "content": "ping"}], "max_tokens": 8}
        ok = self.litellm("/v1/chat/completions", dict(body, model=allowed), key=key)
        check(ok.status_code == 200, "tenant %s → %s (its group): HTTP %d %s" % (tenant, allowed, ok.status_code,
                                                                              ok.text[:300]))
        refused_engine = self.engines[next(e for e in self.entries if e["model_name"] == refused)
                                      ["litellm_params"]["api_base"]]
        refused_engine.clear()
        no = self.litellm("/v1/chat/completions", dict(body, model=refused), key=key)
        try:
            error = no.json()["error"]
        except (ValueError, KeyError):
            error = {"message": no.text[:300]}
        check(no.status_code == 403 and error.get("type") == "key_model_access_denied",
              "tenant %s → %s (not its group): HTTP %d %r" % (tenant, refused, no.status_code, error))
        check(not refused_engine.seen(), "the refused call reached the stand-in")
        return "tenant %s: %s 200; %s HTTP %d type %r (%r), never reached vLLM" % (
            tenant, allowed, refused, no.status_code, error.get("type"), str(error.get("message"))[:110])

    # --- all --------------------------------------------------------------------------------------
    def warm_up(self):
        """The startup probe of every rendered vLLM Deployment, run as the kubelet runs it (its exec
        command, the container's VLLM_API_KEY) against a stand-in on the probe's port: with the key
        it passes, having been refused once without it; against a server whose key is empty
        (vLLM then installs no AuthenticationMiddleware) it fails; with a wrong key it fails."""
        import subprocess
        deployments = self.containers
        key = self.vllm_env["VLLM_API_KEY"]  # what the container's warm-up sends: its own (new) key

        def probe(container, engine, key):
            command = list(container["startupProbe"]["exec"]["command"])
            check("127.0.0.1:8000" in command[2], "the warm-up does not call 127.0.0.1:8000")
            command[2] = command[2].replace("127.0.0.1:8000", "127.0.0.1:%d" % engine.port)  # the one change
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "VLLM_API_KEY": key}
            return subprocess.run([sys.executable if command[0] == "python3" else command[0]] + command[1:],
                                  env=env, capture_output=True, text=True, timeout=30)

        for name, container in deployments:
            served = container["args"][container["args"].index("--served-model-name") + 1]
            keyed = stand_in_vllm.Engine(name, [served], rendered_keys(container, self.vllm_env)).start()
            open_engine = stand_in_vllm.Engine(name, [served], stand_in_vllm.vllm_tokens(None, {"VLLM_API_KEY": ""}))
            open_engine.start()
            try:
                passed = probe(container, keyed, key)
                statuses = [r["status"] for r in keyed.seen()]
                check(passed.returncode == 0, "%s: the warm-up failed with the key: %s" % (name, passed.stderr.strip()))
                check(statuses == [401, 200], "%s: the warm-up's requests answered %s, not [401, 200]" % (name, statuses))
                wrong = probe(container, keyed, "not-the-key")
                check(wrong.returncode != 0, "%s: the warm-up passed with a wrong key" % name)
                unguarded = probe(container, open_engine, "")
                check(unguarded.returncode != 0, "%s: the warm-up passed against a server with no key" % name)
                check("answered without a key" in unguarded.stderr,
                      "%s: an open server failed the warm-up for another reason: %s" % (name, unguarded.stderr.strip()))
            finally:
                keyed.stop()
                open_engine.stop()
        rotation = ("; rotating: --api-key accepts the new key (the warm-up's) and LiteLLM's previous one"
                    if self.rotation else "")
        if self.rotation:
            check(sorted(self.tokens) == sorted(self.vllm_env.values()), "a rotating vLLM accepts %d keys, not both" % len(
                self.tokens))
        return "%d Deployments: with the key 401 then 200, exit 0; a wrong key and an empty key (auth off) fail%s" % (
            len(deployments), rotation)

    def run(self):
        self.setup()
        self.case("(f) the rendered warm-up probe authenticates", self.warm_up)
        self.case("(a) routed with the key", self.routed)
        self.case("(b) vLLM's key check", self.guarded)
        self.case("(d) streaming", self.streamed)
        if self.tenants:
            self.case("(e) access groups", self.access_groups)
        timeout = float(self.router.get("timeout") or 0)
        if self.args.skip_slow or timeout > SLOW_LIMIT:
            self.say("skip  (c) timeout: %s" % ("--skip-slow" if self.args.skip_slow else
                                                "router timeout %g s > %g s" % (timeout, SLOW_LIMIT)))
        else:
            self.case("(c) slow engine, one attempt", lambda: self.slow(stream=False))
            self.case("(c) slow stream, one attempt", lambda: self.slow(stream=True))
        failed = [name for name, ok in self.results if not ok]
        return failed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="a rendered out/ folder")
    parser.add_argument("--skip-slow", action="store_true", help="skip (c), the timeout cases")
    parser.add_argument("--timeout", type=float, default=120, help="seconds LiteLLM may take to start")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (config copy, proxy.log)")
    args = parser.parse_args()
    refusal = pinned_litellm.refusal()
    if refusal:
        print("request-path: " + refusal, file=sys.stderr)
        return 2
    if not os.path.isfile(os.path.join(args.out, "litellm", "config.yaml")):
        print("request-path: no litellm/config.yaml under %s" % args.out, file=sys.stderr)
        return 2
    run = Run(args)
    started = time.monotonic()
    failed = ["setup"]
    try:
        failed = run.run()
    except Failed as error:
        print("FAIL  setup: %s" % error, flush=True)
    except KeyboardInterrupt:
        print("request-path: interrupted", file=sys.stderr)
        return 2
    finally:
        if failed and run.proxy is not None:
            from proxy_probe import tail
            print("request-path: LiteLLM's log, last lines:")
            for line in tail(run.proxy.log(), 25):
                print("litellm| " + line)
        run.stop()
    passed = len(run.results) - len([r for r in run.results if not r[1]])
    print("request-path: %d of %d cases passed in %.1f s%s" % (
        passed, len(run.results), time.monotonic() - started, "" if not failed else ": FAILED " + ", ".join(failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
