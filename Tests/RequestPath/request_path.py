#!/usr/bin/env python3
"""The request path end to end with the real router: client → LiteLLM 1.106.12 → a stand-in vLLM (or, for a
hosted model, a stand-in provider).

    "$(scripts/python-env litellm)" Tests/RequestPath/request_path.py --out OUT [--skip-slow] [-q]

OUT is a rendered out/, in either routing mode (docs/request-path.md). The harness
  1. starts the stand-ins the rendered `api_base`s need:
     - direct mode: one stand-in vLLM (stand_in_vllm.py) per distinct `api_base` of OUT/litellm/config.yaml —
       one per model Service — serving the names its entries route to (`hosted_vllm/<served>` → `<served>`);
     - inference-gateway mode (an `api_base` whose host is a rendered Gateway's Service,
       `<service>.<gateway namespace>.svc.cluster.local`): the stand-in Gateway (stand_in_gateway.py: the
       Gateway's listener on the `api_base` port, the HTTPRoutes attached to it, Gateway API matching and
       precedence) and one stand-in vLLM per InferencePool, serving the names the Deployment the pool
       selects serves (`--served-model-name`, `--lora-modules`), registered with the gateway as the pool;
     each requires the key from VLLM_API_KEY exactly as vLLM 0.11.0's AuthenticationMiddleware does;
     - hosted entries (a `model` not `hosted_vllm/…`: `anthropic/…`, `openai/…`, …): one stand-in provider
       (stand_in_provider.py: Anthropic's Messages API, OpenAI's chat completions) for all of them; each
       distinct `api_key: os.environ/NAME` of theirs gets a fresh random key in LiteLLM's environment, and
       the stand-in accepts exactly those keys, per API;
  2. starts the pinned LiteLLM proxy (`litellm --config`, 127.0.0.1, a free port, no database) on a copy
     of the rendered config in which only the `api_base` lines are rewritten to the stand-ins (or the
     stand-in gateway; a hosted entry without one gets one after its `model:` line), plus four test-only
     lines for the tenant-key hook (case e; listed in the output);
  3. checks: (a) every model name through LiteLLM with the master key reaches its Service's stand-in (its
     pool's, through the gateway) with `Authorization: Bearer <VLLM_API_KEY>` and the served name;
     (b) the stand-in's key check: 401 without or with a wrong key, 200 with it, /health open, what else
     0.11.0 leaves open; (c) an engine slower than the router's timeout ends in LiteLLM's timeout error
     after exactly one attempt, within the timeout plus a margin, and the engine sees the hang-up (vLLM
     aborts there); the same for a stream against `stream_timeout`; (d) a stream through LiteLLM end to
     end; (e) a tenant's key (test-only custom_auth hook) calls a model of its access group and is refused
     one of another tenant's; (f) the rendered warm-up probes; (g) inference-gateway mode only: every
     model name (chat and /v1/completions, or /v1/embeddings) matches exactly one HTTPRoute at the
     gateway, whose backend is the InferencePool of the entry's model (an adapter's: its base model's),
     and only that pool's stand-in is called, with the served or adapter name and the key; blocked
     (parked) names are refused with 403 before the gateway; a bare /v1 and an unknown path prefix get
     404 from the gateway; (h) inference-gateway mode: a tenant's body cannot move its call to another
     model's route (`api_base` refused, `extra_headers` change nothing), and the next call succeeds;
     (i) hosted models: every hosted model name through LiteLLM reaches the stand-in provider in its
     provider's API (Anthropic: /v1/messages, `x-api-key` = its variable's value, `anthropic-version`; the
     OpenAI-compatible ones: /v1/chat/completions, `Authorization: Bearer`), with the provider's model name,
     answers 200, and LiteLLM's `x-litellm-response-cost` is the usage × the entry's prices; one stream per
     API; a tenant's key calls a hosted model of its access group and is refused one outside it; a key the
     provider refuses is an error after exactly one attempt (LiteLLM then cools the deployment down);
     (j) embeddings: every `model_info.mode: embedding` entry on /v1/embeddings reaches its stand-in vLLM's
     /v1/embeddings with the served name and the key, answers 200 with the vector, and is charged prompt
     tokens × the input price. (i) and (j) are skipped, with a line saying so, when there are none.
Entries with `model_info.blocked` are left out of (a)–(e), (i) and (j). (c) runs only when the router's timeout is
at most 10 s (the request-path fixture: 3 s), or never with --skip-slow. Exit 0 when every case passes,
1 otherwise (LiteLLM's log tail is printed), 2 on a usage or setup error.
"""
import argparse
import json
import math
import os
import re
import secrets
import shutil
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "LiteLLMAcceptance"))

import pinned_litellm  # noqa: E402  (refuses any LiteLLM but the pinned one before it is imported)
import stand_in_gateway  # noqa: E402
import stand_in_provider  # noqa: E402
import stand_in_vllm  # noqa: E402

SLOW_LIMIT = 10.0  # s: above this router timeout, (c) would take too long for the suite
MARGIN = 2.5  # s: LiteLLM's own overhead allowed on top of its timeout before an answer is "late"
PROVIDER = "hosted_vllm/"
# Hosted providers (any other `<provider>/<model>` prefix) by the API the stand-in provider speaks for them,
# and the path under the stand-in an entry without `api_base` is pointed at: LiteLLM 1.106.12 appends
# /v1/messages to an anthropic api_base, /chat/completions to the others' (docs/research/litellm-hosted-notes.md §2).
HOSTED_APIS = {"anthropic": "anthropic", "deepseek": "openai", "fireworks_ai": "openai", "groq": "openai",
               "mistral": "openai", "openai": "openai", "openrouter": "openai", "perplexity": "openai",
               "together_ai": "openai", "xai": "openai"}
HOSTED_PATHS = {"anthropic": ("/v1/messages", ""), "openai": ("/v1/chat/completions", "/v1")}
# Variables a hosted entry's key must never be read from: the platform's own secrets.
NOT_A_PROVIDER_KEY = {"VLLM_API_KEY", "VLLM_PREVIOUS_API_KEY", "LITELLM_MASTER_KEY", "DATABASE_URL"}
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


def rewrite(text, bases, hosted=None):
    """The rendered config with each `api_base: <base>` line pointed at its stand-in (the `/v1` path
    kept), each hosted entry's `api_base` (`hosted`: index in model_list → the stand-in provider's base)
    replaced, or added after its `model:` line when the entry has none, and the test-only lines inserted;
    returns the text and the changed/added lines."""
    changed, hosted = [], hosted or {}
    lines, index, has_base = [], -1, False
    source = text.split("\n")
    for number, line in enumerate(source):
        if line.startswith("- model_name: "):  # model_list's items, as platc renders them
            index += 1
            following = source[number + 1:]
            end = next((i for i, l in enumerate(following) if not l.startswith(" ")), len(following))
            has_base = any(re.fullmatch(r"\s*api_base: \S+", l) for l in following[:end])
        match = re.fullmatch(r"(\s*api_base: )(\S+)", line)
        if index in hosted and match:
            lines.append(match.group(1) + hosted[index])
            changed.append("api_base %s → %s" % (match.group(2), hosted[index]))
            continue
        if match and match.group(2) in bases:
            lines.append(match.group(1) + bases[match.group(2)])
            changed.append("api_base %s → %s" % (match.group(2), bases[match.group(2)]))
            continue
        lines.append(line)
        model = re.fullmatch(r"(\s*)model: (\S+)", line)
        if index in hosted and model and not has_base:
            lines.append("%sapi_base: %s" % (model.group(1), hosted[index]))
            changed.append("+ api_base %s (%s)" % (hosted[index], model.group(2)))
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
    for path in sorted(glob.glob(os.path.join(out, "manifests", "*", "*", "deployment.*.yaml"))):
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


def option_values(args, option):
    """The values after `option` up to the next option (argparse nargs "+")."""
    if option not in args:
        return []
    rest = args[args.index(option) + 1:]
    return rest[:next((i for i, a in enumerate(rest) if a.startswith("--")), len(rest))]


def served_names(container):
    """The model names a vLLM 0.11.0 container answers to: `--served-model-name` (nargs "+", the first
    is the one its metrics carry) and each `--lora-modules` entry, `name=path` or JSON with "name"
    (entrypoints/openai/cli_args.py, LoRAParserAction)."""
    args = [str(a) for a in container.get("args") or []]
    names = option_values(args, "--served-model-name")
    for module in option_values(args, "--lora-modules"):
        names.append(json.loads(module)["name"] if module.startswith("{") else module.split("=", 1)[0])
    return names


def raw_post(port, path, header_lines, body):
    """A POST with exactly these header lines (repeats kept) to 127.0.0.1:port; the status."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("POST", path)
        for name, value in header_lines + [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]:
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def blocked(entry):
    return (entry.get("model_info") or {}).get("blocked") is True


def mode(entry):
    return (entry.get("model_info") or {}).get("mode") or "chat"


def is_hosted(entry):
    """An entry of an external provider: any `model` but `hosted_vllm/…`."""
    return not str(entry["litellm_params"]["model"]).startswith(PROVIDER)


def provider_of(entry):
    """(`<provider>`, `<provider's model>`) of a hosted entry's `model: <provider>/<model>`."""
    provider, _, model = str(entry["litellm_params"]["model"]).partition("/")
    return provider, model


def key_variable(entry):
    """NAME of the entry's `api_key: os.environ/NAME`, or None."""
    value = entry["litellm_params"].get("api_key")
    if isinstance(value, str) and value.startswith("os.environ/"):
        return value[len("os.environ/"):]
    return None


def reported_cost(response):
    """LiteLLM's `x-litellm-response-cost` header (proxy/common_request_processing.py:1847) as a float, or None."""
    value = response.headers.get("x-litellm-response-cost")
    try:
        return None if value in (None, "", "None") else float(value)
    except ValueError:
        return None


class Run:
    def __init__(self, args):
        self.args, self.results = args, []
        self.proxy = self.work = None
        self.engines = {}  # direct: api_base → stand-in; inference-gateway: (pool namespace, pool name) → stand-in
        self.gateways = {}  # api_base → stand-in Gateway (inference-gateway mode; several bases may share one)
        self.servers = {}  # (namespace, Gateway name, listener port) → stand-in Gateway
        self.pool_of = {}  # model_name → (pool namespace, pool name) the entry must reach (inference-gateway mode)
        self.provider = None  # the stand-in provider every hosted entry is pointed at
        self.hosted, self.hosted_keys = [], {}  # hosted entries; os.environ/NAME → the fresh key LiteLLM gets

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
        # vLLM entries (`hosted_vllm/…`) are what the stand-in vLLMs and cases (a)–(h) and (j) plan for;
        # hosted entries (any other provider) go to the stand-in provider, case (i).
        self.entries = [e for e in self.config["model_list"] if not is_hosted(e)]
        self.hosted = [e for e in self.config["model_list"] if is_hosted(e)]
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
        self.objects = stand_in_gateway.read_objects(self.args.out)
        bases = {}
        for base, names in served.items():
            check(base.endswith("/v1"), "api_base %s does not end in /v1" % base)
            split = urllib.parse.urlsplit(base)
            found = stand_in_gateway.gateway_for_host(self.objects, split.hostname or "")
            if found is not None:
                bases[base] = self.start_gateway(base, found, split.port or 80) + split.path
                continue
            engine = stand_in_vllm.Engine(base, names, self.tokens).start()
            self.engines[base] = engine
            bases[base] = engine.base + "/v1"
        self.bases = bases
        hosted_bases = self.start_provider()
        check(len([l for l in self.text.split("\n") if l.startswith("- model_name: ")]) == len(self.config["model_list"]),
              "model_list is not rendered one `- model_name:` line per entry; the copy cannot be edited line by line")
        copy, changed = rewrite(self.text, bases, hosted_bases)
        # Nothing else may differ: the copy parses to the rendered config plus exactly the test-only keys.
        parsed = yaml.safe_load(copy)
        for index, (entry, original) in enumerate(zip(parsed["model_list"], self.config["model_list"])):
            if index in hosted_bases:
                check(entry["litellm_params"].get("api_base") == hosted_bases[index],
                      "%s: the copy's api_base is not the stand-in provider's" % original["model_name"])
            if "api_base" in original["litellm_params"]:
                entry["litellm_params"]["api_base"] = original["litellm_params"]["api_base"]
            else:
                entry["litellm_params"].pop("api_base", None)
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
        self.tenants = sorted({g[len("tenant:"):] for e in self.config["model_list"]
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
        environment.update(self.hosted_keys)  # each hosted entry's os.environ/NAME, a fresh key the stand-in accepts
        where = ("%d stand-in vLLM Services" % len(self.engines) if not self.gateways else
                 "%s to %d stand-in vLLMs (one per InferencePool)" % (", ".join(
                     "the stand-in Gateway %s/%s" % (g.namespace, g.gateway_name) for g in self.servers.values()),
                     len([k for k in self.engines if isinstance(k, tuple)]))
                 + ("" if len(self.engines) == len([k for k in self.engines if isinstance(k, tuple)]) else
                    " and %d stand-in vLLM Services" % len([k for k in self.engines if not isinstance(k, tuple)])))
        self.say("request-path: %s, %d deployments on %s; copy of the config: only %s"
                 % (path, len(self.entries), where, "; ".join(
                     [c for c in changed if not c.startswith(("api_base", "+ api_base"))] + ["%d api_base lines" % len(
                         [c for c in changed if c.startswith("api_base")])] + (["%d api_base lines added" % len(
                             [c for c in changed if c.startswith("+ api_base")])] if hosted_bases else []))))
        if self.hosted:
            self.say("request-path: %d hosted entries (%s) → the stand-in provider %s; fresh keys in LiteLLM's "
                     "environment for %s" % (len(self.hosted), ", ".join("%s: %s" % (e["model_name"], e[
                         "litellm_params"]["model"]) for e in self.hosted), self.provider.base,
                                               ", ".join(sorted(self.hosted_keys))))
        for gateway in self.servers.values():
            bases_of = sorted(b for b, g in self.gateways.items() if g is gateway)
            base = bases_of[0] if len(bases_of) == 1 else "%d api_bases" % len(bases_of)
            self.say("request-path: %s → stand-in Gateway %s/%s listener port %d: %d HTTPRoute rules attached (%s)%s; "
                     "%d InferencePools, each a stand-in serving what its Deployment serves (%s)" % (
                         base, gateway.namespace, gateway.gateway_name, gateway.listener_port, len(gateway.rules),
                         ", ".join(sorted({"%s/%s" % (r.namespace, r.name) for r in gateway.rules})),
                         "; naming it but not admitted: " + ", ".join(gateway.refused) if gateway.refused else "",
                         len(gateway.backends), "; ".join("%s: %s" % (key[2], ", ".join(self.engines[key[1:]].served_names))
                                                          for key in sorted(gateway.backends))))
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
        for gateway in self.servers.values():
            at_start = gateway.seen()
            self.say("request-path: the stand-in gateway saw %d requests at LiteLLM's start: %s" % (len(at_start), "; ".join(
                "%s %s → %s %s" % (r["method"], r["path"], r["route"] or "no route", r["status"]) for r in at_start)))
        import httpx
        self.http = httpx.Client(trust_env=False, timeout=60)

    def start_provider(self):
        """The stand-in provider for the hosted entries, a fresh key per `os.environ/NAME` they name (the
        stand-in accepts exactly those, per API), and each entry's new `api_base` (index in model_list →
        the stand-in's base plus the path of the rendered `api_base`, or the API's usual path when none)."""
        if not self.hosted:
            return {}
        accepted = {}
        for entry in self.hosted:
            name = key_variable(entry)
            check(name is not None, "%s: api_key is %r, not os.environ/<NAME>" % (
                entry["model_name"], entry["litellm_params"].get("api_key")))
            check(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name) and name not in NOT_A_PROVIDER_KEY,
                  "%s: api_key reads %s, not a provider's key variable" % (entry["model_name"], name))
            self.hosted_keys.setdefault(name, "sk-hosted-" + secrets.token_urlsafe(24))
            api = HOSTED_APIS.get(provider_of(entry)[0])
            if api is not None:
                accepted.setdefault(api, set()).add(self.hosted_keys[name])
        self.provider = stand_in_provider.Provider({api: sorted(keys) for api, keys in accepted.items()}).start()
        bases = {}
        for index, entry in enumerate(self.config["model_list"]):
            if not is_hosted(entry):
                continue
            rendered = entry["litellm_params"].get("api_base")
            api = HOSTED_APIS.get(provider_of(entry)[0], "openai")
            path = urllib.parse.urlsplit(rendered).path.rstrip("/") if rendered else HOSTED_PATHS[api][1]
            bases[index] = self.provider.base + path
        return bases

    def start_gateway(self, base, found, port):
        """The stand-in Gateway for `base` and a stand-in vLLM per InferencePool; the gateway's base URL."""
        namespace, name = found
        if (namespace, name, port) in self.servers:
            gateway = self.servers[(namespace, name, port)]
            self.gateways[base] = gateway
            self.map_entries(base, gateway)
            return gateway.base
        try:
            gateway = stand_in_gateway.Gateway(self.args.out, namespace, name, port, objects=self.objects)
        except stand_in_gateway.RouteError as error:
            raise Failed("the inference gateway of %s: %s" % (base, error))
        containers = {(stand_in_gateway.namespace_of(d), d["metadata"]["name"]): c
                      for d in stand_in_gateway.of_kind(self.objects, "Deployment")
                      for c in d["spec"]["template"]["spec"]["containers"] if c["name"] == "vllm"}
        for key, pool in sorted(gateway.pools.items()):
            selected = stand_in_gateway.pool_deployments(self.objects, pool)
            check(len(selected) == 1, "InferencePool %s/%s selects %d Deployments (%s), not one model's" % (
                key[0], key[1], len(selected), ", ".join(d["metadata"]["name"] for d in selected)))
            deployment = selected[0]
            container = containers[(key[0], deployment["metadata"]["name"])]
            ports = {p.get("containerPort") for p in container.get("ports") or []}
            targets = {p["number"] for p in pool["spec"]["targetPorts"]}
            check(targets <= ports, "InferencePool %s/%s targets ports %s; its vLLM container listens on %s" % (
                key[0], key[1], sorted(targets), sorted(p for p in ports if p)))
            if key not in self.engines:
                self.engines[key] = stand_in_vllm.Engine(key[1], served_names(container), self.tokens).start()
            gateway.register_pool(key[0], key[1], self.engines[key].base)
        self.map_entries(base, gateway)
        self.gateways[base] = self.servers[(namespace, name, port)] = gateway.start()
        return gateway.base

    def map_entries(self, base, gateway):
        """Which pool each entry of `base` must reach: the InferencePool named after its model."""
        by_name = {k[1]: k for k in gateway.pools}
        for entry in self.entries:
            if entry["litellm_params"]["api_base"] != base:
                continue
            model_id = (entry.get("model_info") or {}).get("id") or ""
            model = model_id.split(".", 1)[0]  # model_info.id is <model>.<model_name>; model names have no dot
            check(model, "%s: no model_info.id, so its model is unknown" % entry["model_name"])
            if not blocked(entry):
                check(model in by_name, "%s: model %s has no InferencePool" % (entry["model_name"], model))
            if model in by_name:
                self.pool_of[entry["model_name"]] = by_name[model]

    def stop(self):
        if self.proxy is not None:
            self.proxy.stop()
        if self.provider is not None:
            self.provider.stop()
        for gateway in self.servers.values():
            gateway.stop()
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
        """The stand-in an entry must reach: its Service's (direct) or its model's pool's (inference gateway)."""
        if entry["litellm_params"]["api_base"] in self.gateways:
            return self.engines[self.pool_of[entry["model_name"]]]
        return self.engines[entry["litellm_params"]["api_base"]]

    def callable_entries(self, modes=("chat",)):
        """The entries LiteLLM serves (not blocked) of these modes, in config order."""
        return [e for e in self.entries if not blocked(e) and mode(e) in modes]

    def clear_all(self):
        if self.provider is not None:
            self.provider.clear()
        for each in self.engines.values():
            each.clear()
        for gateway in self.servers.values():
            gateway.clear()

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
    CALLS = {"chat": ("/v1/chat/completions", lambda name: {
                 "model": name, "messages": [{"role": "user", "content": "ping"}], "max_tokens": 8}),
             "completion": ("/v1/completions", lambda name: {"model": name, "prompt": "ping", "max_tokens": 8}),
             "embedding": ("/v1/embeddings", lambda name: {"model": name, "input": "ping"})}

    def call_through(self, entry, kind):
        """One call of `kind` for the entry through LiteLLM (master key), all stand-ins cleared before; the
        response and what the entry's stand-in saw, after checking it saw exactly that one request with
        the key and the served name, and answered it."""
        path, body = self.CALLS[kind]
        engine = self.engine_of(entry)
        self.clear_all()
        response = self.litellm(path, body(entry["model_name"]))
        check(response.status_code == 200, "%s %s: HTTP %d %s" % (entry["model_name"], path, response.status_code,
                                                                 response.text[:300]))
        seen = engine.seen(path)
        check(len(seen) == 1, "%s %s: the stand-in %s saw %d requests" % (entry["model_name"], path, engine.name,
                                                                         len(seen)))
        got = seen[0]
        check(got["headers"].get("authorization") == "Bearer " + self.key,
              "%s: Authorization %r, not Bearer <VLLM_API_KEY>" % (entry["model_name"],
                                                                    got["headers"].get("authorization")))
        check(got["body"].get("model") == self.served(entry), "%s: model %r sent, %r served" % (
            entry["model_name"], got["body"].get("model"), self.served(entry)))
        answer = response.json()
        if kind == "chat":
            check(answer["choices"][0]["message"]["content"] == "".join(stand_in_vllm.REPLY_WORDS),
                  "%s: the answer is not the stand-in's" % entry["model_name"])
        elif kind == "completion":
            check(answer["choices"][0]["text"] == "".join(stand_in_vllm.REPLY_WORDS),
                  "%s: the completion is not the stand-in's" % entry["model_name"])
        else:
            check(answer["data"][0]["embedding"] == stand_in_vllm.EMBEDDING,
                  "%s: the embedding is not the stand-in's: %r" % (entry["model_name"], answer.get("data")))
        return response, got

    def routed(self):
        lines = []
        for entry in self.callable_entries(("chat", "completion", "embedding")):
            engine = self.engine_of(entry)
            response, got = self.call_through(entry, "embedding" if mode(entry) == "embedding" else "chat")
            model_id = response.headers.get("x-litellm-model-id")
            want = (entry.get("model_info") or {}).get("id")
            check(want is None or model_id == want, "%s: x-litellm-model-id %r, model_info.id %r" % (
                entry["model_name"], model_id, want))
            others = [e for e in self.engines.values() if e is not engine and e.seen()]
            check(not others, "%s: reached other stand-ins too" % entry["model_name"])
            lines.append("%s → %s%s" % (entry["model_name"], got["body"]["model"],
                                        " (/v1/embeddings)" if mode(entry) == "embedding" else ""))
        # /v1/completions too, once: LiteLLM's text_completion to hosted_vllm.
        entry = self.callable_entries()[0]
        self.call_through(entry, "completion")
        where = "its own Service" if not self.gateways else "its own pool's stand-in (through the gateway)"
        skipped = [e["model_name"] for e in self.entries if blocked(e)]
        return "%d names: 200, each at %s with Bearer <VLLM_API_KEY> and its served name (%s); " \
               "/v1/completions likewise%s" % (len(lines), where, ", ".join(lines), "; blocked, not called here%s: %s" % (
                   " ((g) expects their 403)" if self.gateways else "", ", ".join(skipped)) if skipped else "")

    # --- (b) ------------------------------------------------------------------------------------
    def guarded(self):
        import httpx
        entry = self.callable_entries()[0]
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
    def route_deadline(self, entry, path):
        """Inference-gateway mode: (the rule a call of this entry matches, the deadline its timeouts set, s)."""
        gateway = self.gateways.get(entry["litellm_params"]["api_base"])
        if gateway is None:
            return None, None
        prefix = urllib.parse.urlsplit(entry["litellm_params"]["api_base"]).path  # "/v1", or a per-model "/<x>/v1"
        request = {"method": "POST", "path": prefix + path[len("/v1"):], "query": {},
                   "header_lines": list((entry["litellm_params"].get("extra_headers") or {}).items())}
        rule, _ = gateway.route(request)
        if rule is None:
            return None, None
        limits = [s for s in (rule.request_timeout, rule.backend_timeout) if s]
        return rule, (min(limits) if limits else None)

    def slow(self, stream):
        """LiteLLM's per-attempt timeout, or, when the inference gateway's route deadline is shorter, the
        gateway's 504 (GEP-1742), which LiteLLM maps to litellm.Timeout (exception_mapping_utils.py:499-500)
        and so does not retry either; it answers 504 instead of 408."""
        entry = self.callable_entries()[0]
        engine = self.engine_of(entry)
        key = "stream_timeout" if stream else "timeout"
        limit = float(entry["litellm_params"].get(key) or entry["litellm_params"]["timeout"])
        rule, deadline = self.route_deadline(entry, "/v1/chat/completions")
        by_gateway = deadline is not None and deadline < limit
        cut = deadline if by_gateway else limit
        engine.delay = 2 * limit + 2  # past a second attempt too, had there been one
        self.clear_all()
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
        summary = "HTTP %s, error type %r, code %r, %d attempt(s), answered after %.2f s (%s %g s%s, " \
                  "TimeoutErrorRetries %s)" % (status, error.get("type"), error.get("code"), len(attempts), elapsed,
                                               key, limit, "" if rule is None else "; %s timeouts.request %s" % (
                                                   rule.describe(), "%g s" % deadline if deadline else "unset"), retries)
        want, who = (504, "the gateway's 504 through LiteLLM") if by_gateway else (408, "LiteLLM's 408")
        check(status == want, "expected %s: %s; message %s" % (who, summary, str(error.get("message"))[:300]))
        check(str(error.get("message")).startswith("litellm.Timeout:"), "not litellm.Timeout: %r" % error)
        check(len(attempts) == 1, "expected exactly one attempt: " + summary)
        check(cut <= elapsed < cut + MARGIN, "expected between %g and %g s: %s" % (cut, cut + MARGIN, summary))
        aborted = attempts[0]["aborted"]
        check(aborted is not None, "the stand-in never saw the connection close: " + summary)
        hung_up = aborted - attempts[0]["started"]
        check(hung_up < cut + MARGIN, "the connection closed after %.2f s: %s" % (hung_up, summary))
        closer = "LiteLLM"
        for gateway in self.servers.values():
            seen = [r for r in gateway.seen() if r["path"].endswith("/v1/chat/completions")]
            check(len(seen) == 1, "the gateway saw %d requests: %s" % (len(seen), summary))
            check(seen[0]["timed_out"] == by_gateway and seen[0]["client_left"] == (not by_gateway),
                  "at the gateway: timed out %s, client left %s: %s" % (seen[0]["timed_out"], seen[0]["client_left"],
                                                                       summary))
            closer = "the gateway (its deadline)" if by_gateway else "the gateway (LiteLLM left)"
        return "%s; %s closed the connection %.2f s into the attempt (vLLM aborts there); message %r" % (
            summary, closer, hung_up, str(error.get("message"))[:160])

    # --- (d) ------------------------------------------------------------------------------------
    def streamed(self):
        entry = self.callable_entries()[0]
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
        def groups_of(entries):
            return {e["model_name"]: set((e.get("model_info") or {}).get("access_groups") or []) for e in entries}
        # The allowed call is a chat; the refused one may name a model of any mode: LiteLLM refuses it before routing.
        groups, every = groups_of(self.callable_entries()), groups_of(self.callable_entries(("chat", "completion", "embedding")))
        pairs = [(key, tenant, allowed, refused) for key, tenant in sorted(self.tenant_keys.items(), key=lambda i: i[1])
                 for allowed in groups if "tenant:" + tenant in groups[allowed]
                 for refused in every if "tenant:" + tenant not in every[refused]]
        check(pairs, "no tenant with one model it may call and one it may not")
        key, tenant, allowed, refused = pairs[0]
        body = {"messages": [{"role": "user", "content": "ping"}], "max_tokens": 8}
        ok = self.litellm("/v1/chat/completions", dict(body, model=allowed), key=key)
        check(ok.status_code == 200, "tenant %s → %s (its group): HTTP %d %s" % (tenant, allowed, ok.status_code,
                                                                              ok.text[:300]))
        refused_engine = self.engine_of(next(e for e in self.entries if e["model_name"] == refused))
        self.clear_all()
        no = self.litellm("/v1/chat/completions", dict(body, model=refused), key=key)
        try:
            error = no.json()["error"]
        except (ValueError, KeyError):
            error = {"message": no.text[:300]}
        check(no.status_code == 403 and error.get("type") == "key_model_access_denied",
              "tenant %s → %s (not its group): HTTP %d %r" % (tenant, refused, no.status_code, error))
        check(not refused_engine.seen(), "the refused call reached the stand-in")
        check(not any(g.seen() for g in self.servers.values()), "the refused call reached the gateway")
        return "tenant %s: %s 200; %s HTTP %d type %r (%r), never reached vLLM" % (
            tenant, allowed, refused, no.status_code, error.get("type"), str(error.get("message"))[:110])

    # --- (g) ------------------------------------------------------------------------------------
    def gateway_saw(self, gateway, entry, kind):
        """The one request the gateway saw for this call: which rule matched and that no other rule could
        have; the route's backend is the entry's model's pool; LiteLLM's header arrived as rendered."""
        seen = gateway.seen()
        check(len(seen) == 1, "%s %s: the gateway saw %d requests" % (entry["model_name"], kind, len(seen)))
        got = seen[0]
        request = {"method": got["method"], "path": got["path"], "query": {}, "header_lines": got["header_lines"]}
        holding = [r.describe() for r in gateway.rules if r.best_match(request) is not None]
        check(len(holding) == 1, "%s %s: %d rules match (%s), not exactly one" % (
            entry["model_name"], kind, len(holding), ", ".join(holding) or "none"))
        pool = self.pool_of[entry["model_name"]]
        check(got["backend"] == "InferencePool %s/%s" % pool, "%s %s: %s → %s, not InferencePool %s/%s" % (
            entry["model_name"], kind, holding[0], got["backend"], pool[0], pool[1]))
        for name, value in (entry["litellm_params"].get("extra_headers") or {}).items():
            check(got["headers"].get(name.lower()) == value, "%s: header %s arrived as %r, rendered %r" % (
                entry["model_name"], name, got["headers"].get(name.lower()), value))
        return got

    def routing(self):
        names, calls, results = [], 0, []
        for gateway in self.servers.values():
            # No catch-all: each match of each attached rule needs a header, a query or a path narrower than "/".
            loose = ["%s match %d" % (r.describe(), i) for r in gateway.rules for i, m in enumerate(r.matches)
                     if not m.get("headers") and not m.get("queryParams") and stand_in_gateway.normalized_prefix(
                         (m.get("path") or {}).get("value", "/")) == "/" and (m.get("path") or {}).get(
                         "type", "PathPrefix") == "PathPrefix"]
            check(not loose, "rules that match every request: %s" % ", ".join(loose))
            for entry in [e for e in self.entries if self.gateways.get(e["litellm_params"]["api_base"]) is gateway]:
                if blocked(entry):
                    self.clear_all()
                    response = self.litellm("/v1/chat/completions", self.CALLS["chat"][1](entry["model_name"]))
                    reached = [e.name for e in self.engines.values() if e.seen()] + (["the gateway"] if gateway.seen()
                                                                                     else [])
                    check(response.status_code == 403 and not reached, "%s (blocked): HTTP %d, reached %s" % (
                        entry["model_name"], response.status_code, reached or "nothing"))
                    self.say("(g) routing: %s → blocked by LiteLLM: %d, nothing reached the gateway" % (
                        entry["model_name"], response.status_code))
                    names.append(entry["model_name"])
                    continue
                kinds = ["embedding"] if mode(entry) == "embedding" else ["chat", "completion"]
                statuses, route = [], None
                for kind in kinds:
                    response, got = self.call_through(entry, kind)
                    at_gateway = self.gateway_saw(gateway, entry, kind)
                    engine = self.engine_of(entry)
                    others = [e.name for e in self.engines.values() if e is not engine and e.seen()]
                    check(not others, "%s %s: other stand-ins received requests: %s" % (entry["model_name"], kind,
                                                                                        others))
                    route = "HTTPRoute %s rule %d" % (at_gateway["route"], at_gateway["rule"])
                    statuses.append("%s %d" % (self.CALLS[kind][0], response.status_code))
                    calls += 1
                pool = self.pool_of[entry["model_name"]]
                self.say("(g) routing: %s → %s → InferencePool %s → stand-in %s as %s: %s" % (
                    entry["model_name"], route, pool[1], self.engine_of(entry).name, self.served(entry),
                    ", ".join(statuses)))
                names.append(entry["model_name"])
            results += self.straight_to(gateway)
        return "%d model names, %d calls: each matched exactly one HTTPRoute rule, whose InferencePool is its " \
               "model's, and reached only that pool's stand-in with the key and its name; straight to the gateway: " \
               "%s" % (len(names), calls, ", ".join(results))

    def straight_to(self, gateway):
        """Requests sent to the stand-in gateway directly, not through LiteLLM: what no route matches gets 404
        (the bare /v1 path and an unknown prefix), and the entry's own prefix 200: routing is by path alone."""
        mine = [e for e in self.callable_entries(("chat", "completion", "embedding"))
                if self.gateways.get(e["litellm_params"]["api_base"]) is gateway]
        entry = next(e for e in mine if mode(e) != "embedding")
        body = json.dumps(self.CALLS["chat"][1](self.served(entry))).encode()
        auth = ("Authorization", "Bearer " + self.key)
        chat = urllib.parse.urlsplit(entry["litellm_params"]["api_base"]).path + "/chat/completions"
        probes = [("bare /v1", "/v1/chat/completions", [], 404),
                  ("unknown prefix", "/no-such-model/v1/chat/completions", [], 404),
                  ("its prefix", chat, [], 200)]
        results = []
        for label, path, lines, want in probes:
            self.clear_all()
            status = raw_post(gateway.port, path, [auth] + lines, body)
            reached = [e.name for e in self.engines.values() if e.seen()]
            check(status == want, "straight to the gateway, %s: HTTP %d, expected %d" % (label, status, want))
            check(bool(reached) == (want == 200), "straight to the gateway, %s: reached %s" % (label, reached))
            results.append("%s %d" % (label, status))
        return results

    def caller_cannot_choose_route(self):
        """(h) A tenant's request body cannot send its call to another model's pool. The route is the
        path of the entry's `api_base` (`/<model>/v1`): `api_base` and `base_url` in a body are refused
        before any upstream call (proxy/auth/auth_utils.py:412-413), and body `extra_headers`, which
        LiteLLM merges over the entry's (router.py:3948-3956), change no route. The next honest call
        still succeeds: nothing was cooled down (docs/research/litellm-extra-headers-notes.md)."""
        routed = [e for e in self.callable_entries() if e["model_name"] in self.pool_of]
        for key, tenant in sorted(self.tenant_keys.items(), key=lambda i: i[1]):
            mine = [e for e in routed if "tenant:" + tenant in (e.get("model_info") or {}).get("access_groups", [])]
            theirs = [e for e in routed if e not in mine and all(
                self.pool_of[e["model_name"]] != self.pool_of[m["model_name"]] for m in mine)]
            if mine and theirs:
                break
        else:
            raise Failed("no tenant with a model whose pool another tenant's model does not share")
        allowed, target = mine[0], theirs[0]
        own = self.engine_of(allowed).name
        results = []
        attempts = [
            ("api_base", {"api_base": self.bases[target["litellm_params"]["api_base"]]}, False),
            ("extra_headers", {"extra_headers": {"X-Gateway-Base-Model-Name": self.served(target),
                                                 "X-Gateway-Model-Name": self.served(target)}}, True),
        ]
        for label, override, served in attempts:
            self.clear_all()
            response = self.litellm("/v1/chat/completions",
                                    dict(self.CALLS["chat"][1](allowed["model_name"]), **override), key=key)
            reached = [e.name for e in self.engines.values() if e.seen()]
            if served:
                check(response.status_code == 200 and reached == [own],
                      "%s in the body: HTTP %d, reached %s, expected 200 at %s only" % (
                          label, response.status_code, reached, own))
            else:
                check(response.status_code >= 400 and not reached,
                      "%s in the body: HTTP %d, reached %s, expected a refusal before any upstream call" % (
                          label, response.status_code, reached))
            after = self.litellm("/v1/chat/completions", self.CALLS["chat"][1](allowed["model_name"]))
            check(after.status_code == 200, "after %s in the body the next honest call got HTTP %d" % (
                label, after.status_code))
            results.append("%s → %d, %s" % (label, response.status_code,
                                             "its own pool only" if reached else "no upstream call"))
        return "tenant %s calling %s with another model's (%s) route in the body: %s; the next call 200" % (
            tenant, allowed["model_name"], target["model_name"], "; ".join(results))

    # --- (i) ------------------------------------------------------------------------------------
    def hosted_call(self, entry, key=None, stream=False):
        """One chat call of a hosted entry through LiteLLM, every stand-in cleared before; (status, text or
        the answer's content, the response, what the stand-in provider saw)."""
        self.clear_all()
        body = dict(self.CALLS["chat"][1](entry["model_name"]), stream=stream)
        if not stream:
            response = self.litellm("/v1/chat/completions", body, key=key)
            return response.status_code, response, self.provider.seen()
        content = []
        with self.litellm("/v1/chat/completions", body, key=key, stream=True) as response:
            status = response.status_code
            for line in response.iter_lines():
                if line.startswith("data: ") and line != "data: [DONE]":
                    for choice in json.loads(line[len("data: "):]).get("choices") or []:
                        content.append((choice.get("delta") or {}).get("content") or "")
        time.sleep(0.1)  # the stand-in records the end of its stream
        return status, "".join(content), self.provider.seen()

    def check_upstream(self, entry, got):
        """The one request the stand-in provider saw for `entry`: the API shape of its provider, the key of its
        variable in that API's header (and no other secret anywhere in the headers), the provider's model name."""
        provider, model = provider_of(entry)
        api = HOSTED_APIS[provider]
        value = self.hosted_keys[key_variable(entry)]
        name = entry["model_name"]
        check(got["path"] == HOSTED_PATHS[api][0], "%s: reached %s, not %s" % (name, got["path"], HOSTED_PATHS[api][0]))
        headers = got["headers"]
        if api == "anthropic":
            check(headers.get("x-api-key") == value, "%s: x-api-key is not the value of %s" % (name, key_variable(entry)))
            check(headers.get("anthropic-version"), "%s: no anthropic-version header" % name)
            check("authorization" not in headers, "%s: an Authorization header went to Anthropic too: %r" % (
                name, headers.get("authorization")))
        else:
            check(headers.get("authorization") == "Bearer " + value, "%s: Authorization %r, not Bearer <%s>" % (
                name, headers.get("authorization"), key_variable(entry)))
        secrets_seen = [label for label, secret in [("the master key", self.master), ("VLLM_API_KEY", self.key)] + [
            (n, v) for n, v in self.hosted_keys.items() if n != key_variable(entry)]
                        if any(secret in str(h) for h in headers.values())]
        check(not secrets_seen, "%s: the provider received %s" % (name, ", ".join(secrets_seen)))
        check(isinstance(got["body"], dict) and got["body"].get("model") == model,
              "%s: model %r sent, %r is the provider's" % (name, (got["body"] or {}).get("model"), model))
        return api

    def expected_cost(self, entry, usage):
        info = entry.get("model_info") or {}
        return (usage["input_tokens"] * float(info.get("input_cost_per_token") or 0)
                + usage["output_tokens"] * float(info.get("output_cost_per_token") or 0))

    def hosted_models(self):
        """(i) Every hosted model name through LiteLLM reaches the stand-in provider in its provider's API
        shape with its variable's key and the provider's model name; LiteLLM charges usage × the entry's
        prices; a stream per API; a tenant's key calls a hosted model of its access group and is refused one
        outside it; a key the provider no longer accepts is an error after exactly one attempt."""
        entries = [e for e in self.hosted if not blocked(e)]
        unknown = sorted({provider_of(e)[0] for e in entries if provider_of(e)[0] not in HOSTED_APIS})
        check(not unknown, "the stand-in provider speaks no API of %s (it knows %s)" % (
            ", ".join(unknown), ", ".join(sorted(HOSTED_APIS))))
        lines, streamed = [], {}
        for entry in entries:
            status, response, seen = self.hosted_call(entry)
            check(status == 200, "%s: HTTP %d %s" % (entry["model_name"], status, response.text[:300]))
            check(len(seen) == 1, "%s: the stand-in provider saw %d requests" % (entry["model_name"], len(seen)))
            api = self.check_upstream(entry, seen[0])
            check(not [e.name for e in self.engines.values() if e.seen()], "%s: a stand-in vLLM was called" %
                  entry["model_name"])
            answer = response.json()
            check(answer["choices"][0]["message"]["content"] == "".join(stand_in_provider.REPLY_WORDS),
                  "%s: the answer is not the stand-in provider's: %r" % (entry["model_name"], answer["choices"]))
            check(answer["usage"]["prompt_tokens"] == stand_in_provider.INPUT_TOKENS and answer["usage"][
                "completion_tokens"] == stand_in_provider.OUTPUT_TOKENS, "%s: usage %r" % (entry["model_name"],
                                                                                         answer["usage"]))
            want, cost = self.expected_cost(entry, seen[0]["usage"]), reported_cost(response)
            check(cost is not None, "%s: no x-litellm-response-cost header" % entry["model_name"])
            check(math.isclose(cost, want, rel_tol=1e-6, abs_tol=1e-15), "%s: LiteLLM charged %r, usage × prices "
                  "is %r" % (entry["model_name"], cost, want))
            model_id = response.headers.get("x-litellm-model-id")
            want_id = (entry.get("model_info") or {}).get("id")
            check(want_id is None or model_id == want_id, "%s: x-litellm-model-id %r, model_info.id %r" % (
                entry["model_name"], model_id, want_id))
            lines.append("%s → %s %s as %s, cost %.3g" % (entry["model_name"], api, seen[0]["path"],
                                                           seen[0]["body"]["model"], cost))
            if api not in streamed:
                status, text, seen = self.hosted_call(entry, stream=True)
                check(status == 200 and text == "".join(stand_in_provider.REPLY_WORDS),
                      "%s stream: HTTP %d, %r" % (entry["model_name"], status, text))
                check(len(seen) == 1 and seen[0]["body"].get("stream") is True, "%s stream: upstream %r" % (
                    entry["model_name"], [(s["path"], (s["body"] or {}).get("stream")) for s in seen]))
                self.check_upstream(entry, seen[0])
                streamed[api] = entry["model_name"]
        results = ["%d names: 200, each in its provider's API with its own key (%s)" % (len(lines), "; ".join(lines)),
                   "streams 200 upstream stream=true (%s)" % ", ".join("%s: %s" % i for i in sorted(streamed.items()))]
        results.append(self.hosted_access_groups(entries))
        results.append(self.hosted_wrong_key(entries[0]))
        return "; ".join(results)

    def hosted_access_groups(self, entries):
        every = [e for e in self.config["model_list"] if not blocked(e) and mode(e) == "chat"]
        pairs = [(key, tenant, allowed, refused) for key, tenant in sorted(self.tenant_keys.items(), key=lambda i: i[1])
                 for allowed in entries if "tenant:" + tenant in (allowed.get("model_info") or {}).get("access_groups", [])
                 for refused in sorted(every, key=lambda e: not is_hosted(e))
                 if "tenant:" + tenant not in (refused.get("model_info") or {}).get("access_groups", [])]
        if not pairs:
            return "access groups: no tenant has a hosted model and one it may not call (not checked)"
        key, tenant, allowed, refused = pairs[0]
        status, response, seen = self.hosted_call(allowed, key=key)
        check(status == 200 and len(seen) == 1, "tenant %s → %s (its group): HTTP %d, the provider saw %d: %s" % (
            tenant, allowed["model_name"], status, len(seen), response.text[:300]))
        self.clear_all()
        no = self.litellm("/v1/chat/completions", self.CALLS["chat"][1](refused["model_name"]), key=key)
        try:
            error = no.json()["error"]
        except (ValueError, KeyError):
            error = {"message": no.text[:300]}
        reached = (["the stand-in provider"] if self.provider.seen() else []) + [
            e.name for e in self.engines.values() if e.seen()]
        check(no.status_code == 403 and error.get("type") == "key_model_access_denied" and not reached,
              "tenant %s → %s (not its group): HTTP %d %r, reached %s" % (tenant, refused["model_name"], no.status_code,
                                                                           error, reached or "nothing"))
        return "tenant %s: %s 200, %s HTTP 403 %s, nothing reached" % (tenant, allowed["model_name"],
                                                                      refused["model_name"], error.get("type"))

    def hosted_wrong_key(self, entry):
        """The provider refuses LiteLLM's key (rotated at the provider, not in the Secret): an error, one attempt
        (max_retries 0, AuthenticationErrorRetries 0), and the next call with the key accepted again is 200."""
        api = HOSTED_APIS[provider_of(entry)[0]]
        accepted = self.provider.keys[api]
        self.provider.keys[api] = ["sk-rotated-" + secrets.token_urlsafe(16)]
        try:
            status, response, seen = self.hosted_call(entry)
        finally:
            self.provider.keys[api] = accepted
        try:
            error = response.json()["error"]
        except (ValueError, KeyError, TypeError):
            error = {"message": response.text[:300]}
        check(status != 200, "%s with a key the provider refuses: HTTP 200" % entry["model_name"])
        check(len(seen) == 1 and seen[0]["status"] == 401, "%s with a refused key: the provider saw %s, not one "
              "401" % (entry["model_name"], [s["status"] for s in seen]))
        self.check_upstream(entry, seen[0])
        leaked = [v for v in [self.hosted_keys[key_variable(entry)]] if v in response.text]
        check(not leaked, "%s: LiteLLM's error shows the key" % entry["model_name"])
        # The next call, the key accepted again: LiteLLM 1.106.12 cools a deployment down after a 401 even when it
        # is its group's only one (router_utils/cooldown_handlers.py:419-420, `should_retry(401)` is False), so for
        # router_settings.cooldown_time it answers 429 without calling the provider; 200 when nothing cooled down.
        status_after, after, seen_after = self.hosted_call(entry)
        cooled = status_after == 429 and "cooldown" in after.text and not seen_after
        check(status_after == 200 or cooled, "%s: the next call after the refused key got HTTP %d %s, the provider "
              "saw %d" % (entry["model_name"], status_after, after.text[:200], len(seen_after)))
        return "a key the provider refuses: %s HTTP %d (%s), 1 attempt; the next call %s" % (
            entry["model_name"], status, str(error.get("message"))[:90],
            "200" if status_after == 200 else "429, the deployment in cooldown for %ss (no provider call)" % (
                self.router.get("cooldown_time", "the default")))

    # --- (j) ------------------------------------------------------------------------------------
    def embeddings(self):
        """(j) Every embedding entry (`model_info.mode: embedding`) on /v1/embeddings through LiteLLM reaches its
        stand-in vLLM's /v1/embeddings with the served name and the key, answers 200 with the vector, and LiteLLM
        charges the answer's prompt tokens × the entry's input price (no output price needed)."""
        lines = []
        for entry in self.callable_entries(("embedding",)):
            response, got = self.call_through(entry, "embedding")
            check(got["path"] == "/v1/embeddings", "%s: reached %s" % (entry["model_name"], got["path"]))
            answer = response.json()
            tokens = answer["usage"]["prompt_tokens"]
            want = self.expected_cost(entry, {"input_tokens": tokens, "output_tokens": 0})
            cost = reported_cost(response)
            check(cost is not None, "%s: no x-litellm-response-cost header" % entry["model_name"])
            check(math.isclose(cost, want, rel_tol=1e-6, abs_tol=1e-15), "%s: LiteLLM charged %r, %d tokens × input "
                  "price is %r" % (entry["model_name"], cost, tokens, want))
            lines.append("%s → %s at %s, body keys %s, %d-vector, cost %.3g" % (
                entry["model_name"], got["body"]["model"], self.engine_of(entry).name, sorted(got["body"]),
                len(answer["data"][0]["embedding"]), cost))
        return "%d names: 200 with the stand-in's vector (%s)" % (len(lines), "; ".join(lines))

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
        if self.gateways:
            self.case("(g) routing", self.routing)
        timeout = float(self.router.get("timeout") or 0)
        if self.args.skip_slow or timeout > SLOW_LIMIT:
            self.say("skip  (c) timeout: %s" % ("--skip-slow" if self.args.skip_slow else
                                                "router timeout %g s > %g s" % (timeout, SLOW_LIMIT)))
        else:
            self.case("(c) slow engine, one attempt", lambda: self.slow(stream=False))
            self.case("(c) slow stream, one attempt", lambda: self.slow(stream=True))
        if self.gateways and self.tenants:
            self.case("(h) a caller cannot choose the route", self.caller_cannot_choose_route)
        if [e for e in self.hosted if not blocked(e)]:
            self.case("(i) hosted models", self.hosted_models)
        else:
            self.say("skip (i): no hosted models")
        if self.callable_entries(("embedding",)):
            self.case("(j) embeddings", self.embeddings)
        else:
            self.say("skip (j): no embedding models")
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
