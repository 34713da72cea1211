#!/usr/bin/env python3
"""Do per-deployment `litellm_params.extra_headers` reach a hosted_vllm upstream, and can a caller change them?

    "$(scripts/python-env litellm)" Tests/RequestPath/extra_headers_probe.py [--json FILE]

The evidence behind docs/research/litellm-extra-headers-notes.md, re-runnable: why platc routes the
inference Gateway by path (each entry's `api_base`), not by a header the entries set. Two parts, both against stand-in vLLMs
(stand_in_vllm.py) that record every header line they receive:

  A. in process, litellm.Router with the entries below: each call type (chat, chat stream, text
     completion, text completion stream, embedding) while httpx's send is wrapped to record the
     outgoing headers and the LiteLLM frames on the stack — the code path, file:line;
  B. the pinned proxy (`litellm --config`), master key, the same entries, under three settings:
     the platform's (no header forwarding), `general_settings.forward_client_headers_to_llm_api: true`,
     `litellm_settings.model_group_settings.forward_client_headers_to_llm_api: [<names>]`, and the first
     forwarding again with the entries' `extra_headers` key written in lower case;
     each call type, then a caller trying to pick another model's route: the header sent to
     LiteLLM (as written, lower case), `extra_headers` in the JSON body (as written, lower case),
     `headers` in the body, the same through `extra_body`, `extra_body.model` (the served name the
     upstream sees), `api_base` in the body (refused: LiteLLM bans it), and last the caller's own
     `Authorization` in body `extra_headers` (chat, text completion, embedding), each followed by an
     honest call of the same model (LiteLLM's cooldown after the upstream's 401).

Prints one line per observation and, with --json, writes them all. Exit 0 unless setup fails.
"""
import argparse
import asyncio
import json
import os
import secrets
import shutil
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "LiteLLMAcceptance"))

import pinned_litellm  # noqa: E402
import stand_in_vllm  # noqa: E402

HEADER = "X-Gateway-Base-Model-Name"
KEY = "vllm-" + secrets.token_urlsafe(16)
# model_name → (served name or adapter, the header value its entry sends, mode)
ENTRIES = {
    "alpha": ("org/Alpha", "org/Alpha", "chat"),
    "alpha-sql": ("sql-lora", "org/Alpha", "chat"),  # an adapter: its base model's name
    "beta": ("org/Beta", "org/Beta", "chat"),
    "embed": ("org/Embed", "org/Embed", "embedding"),
}


def model_list(base, header=HEADER):
    return [{"model_name": name,
             "litellm_params": {"model": "hosted_vllm/" + served, "api_base": base + "/v1",
                                "api_key": "os.environ/VLLM_API_KEY", "timeout": 30, "max_retries": 0,
                                "extra_headers": {header: value}},
             "model_info": {"id": "id-" + name, "mode": mode}}
            for name, (served, value, mode) in ENTRIES.items()]


def lines_of(entry, name=HEADER):
    """The values of every header line named `name` (any case) the stand-in received, as sent."""
    return [(k, v) for k, v in entry["header_lines"] if k.lower() == name.lower()]


# --- A: in process ---------------------------------------------------------------------------
def part_a(engine):
    import httpx
    import litellm

    site = os.path.dirname(os.path.dirname(litellm.__file__))
    captured = []
    original = httpx.AsyncClient.send

    async def send(self, request, *args, **kwargs):
        frames = [f for f in traceback.extract_stack() if "/litellm/" in f.filename]
        captured.append({"url": str(request.url),
                         "headers": [(k.decode(), v.decode()) for k, v in request.headers.raw],
                         "stack": ["%s:%d %s" % (os.path.relpath(f.filename, site), f.lineno, f.name) for f in frames]})
        return await original(self, request, *args, **kwargs)

    httpx.AsyncClient.send = send
    os.environ["VLLM_API_KEY"] = KEY
    router = litellm.Router(model_list=model_list(engine.base))
    results = []

    async def calls():
        for label, function in (
                ("chat", lambda: router.acompletion(model="alpha", messages=[{"role": "user", "content": "hi"}])),
                ("chat stream", lambda: router.acompletion(model="alpha", stream=True,
                                                           messages=[{"role": "user", "content": "hi"}])),
                ("text completion", lambda: router.atext_completion(model="alpha", prompt="hi")),
                ("text completion stream", lambda: router.atext_completion(model="alpha", prompt="hi", stream=True)),
                ("embedding", lambda: router.aembedding(model="embed", input="hi")),
        ):
            captured.clear()
            engine.clear()
            status = "ok"
            try:
                response = await function()
                if hasattr(response, "__aiter__"):
                    async for _ in response:
                        pass
            except Exception as error:  # noqa: BLE001  (recorded: the probe reports what happened)
                status = "%s: %s" % (type(error).__name__, str(error)[:200])
            seen = engine.seen()
            results.append({"part": "A", "call": label, "status": status,
                            "upstream": [(s["path"], lines_of(s)) for s in seen],
                            "sent": [(c["url"], [h for h in c["headers"] if h[0].lower() == HEADER.lower()])
                                     for c in captured],
                            "stack": captured[0]["stack"] if captured else []})

    asyncio.run(calls())
    httpx.AsyncClient.send = original
    return results


# --- B: the proxy -------------------------------------------------------------------------------
def part_b(engine, settings_label, extra_config, header=HEADER):
    import httpx
    import yaml
    from proxy_probe import Proxy

    work = tempfile.mkdtemp(prefix="extra-headers-")
    config = {"model_list": model_list(engine.base, header),
              "litellm_settings": {"disable_hf_tokenizer_download": True},
              "general_settings": {"master_key": "os.environ/LITELLM_MASTER_KEY"}}
    for section, values in extra_config.items():
        config.setdefault(section, {}).update(values)
    path = os.path.join(work, "config.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, sort_keys=False)
    master = "sk-" + secrets.token_hex(16)
    tmp = os.path.join(work, "tmp")
    os.mkdir(tmp)
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": work, "TMPDIR": tmp,
                   "LITELLM_LOCAL_MODEL_COST_MAP": "True", "HF_HUB_OFFLINE": "1", "VLLM_API_KEY": KEY,
                   "LITELLM_MASTER_KEY": master}
    engine.clear()
    proxy = Proxy(path, environment, work)
    results = []
    try:
        state, seconds = proxy.wait_until_live(120)
        if state != "up":
            raise SystemExit("proxy %s: %s" % (state, proxy.log()[-2000:]))
        startup = engine.seen()
        results.append({"part": "B", "settings": settings_label, "call": "proxy start",
                        "status": "up after %.1f s" % seconds,
                        "upstream": [(s["method"] + " " + s["path"], lines_of(s)) for s in startup]})
        http = httpx.Client(trust_env=False, timeout=60)
        url = "http://127.0.0.1:%d" % proxy.port
        chat = {"model": "alpha", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 4}
        cases = [
            ("chat", "/v1/chat/completions", chat, {}, False),
            ("chat stream", "/v1/chat/completions", dict(chat, stream=True), {}, True),
            ("text completion", "/v1/completions", {"model": "alpha", "prompt": "hi", "max_tokens": 4}, {}, False),
            ("text completion stream", "/v1/completions", {"model": "alpha", "prompt": "hi", "stream": True}, {}, True),
            ("adapter chat", "/v1/chat/completions", dict(chat, model="alpha-sql"), {}, False),
            ("embedding", "/v1/embeddings", {"model": "embed", "input": "hi"}, {}, False),
            ("client header " + HEADER, "/v1/chat/completions", chat, {HEADER: "org/Beta"}, False),
            ("client header lower case", "/v1/chat/completions", chat, {HEADER.lower(): "org/Beta"}, False),
            ("client header, stream", "/v1/chat/completions", dict(chat, stream=True), {HEADER: "org/Beta"}, True),
            ("client header, embedding", "/v1/embeddings", {"model": "embed", "input": "hi"}, {HEADER: "org/Beta"},
             False),
            ("body extra_headers", "/v1/chat/completions", dict(chat, extra_headers={HEADER: "org/Beta"}), {}, False),
            ("body extra_headers lower case", "/v1/chat/completions",
             dict(chat, extra_headers={HEADER.lower(): "org/Beta"}), {}, False),
            ("body extra_headers, embedding", "/v1/embeddings",
             {"model": "embed", "input": "hi", "extra_headers": {HEADER: "org/Beta"}}, {}, False),
            ("body extra_headers, text completion", "/v1/completions",
             {"model": "alpha", "prompt": "hi", "extra_headers": {HEADER: "org/Beta"}}, {}, False),
            ("body headers", "/v1/chat/completions", dict(chat, headers={HEADER: "org/Beta"}), {}, False),
            ("body headers lower case", "/v1/chat/completions", dict(chat, headers={HEADER.lower(): "org/Beta"}),
             {}, False),
            ("body extra_body.extra_headers", "/v1/chat/completions",
             dict(chat, extra_body={"extra_headers": {HEADER: "org/Beta"}}), {}, False),
            # What the caller would need besides the header to be served by another model's pool: the served name.
            ("body extra_headers + extra_body.model", "/v1/chat/completions",
             dict(chat, extra_headers={HEADER: "org/Beta"}, extra_body={"model": "org/Beta"}), {}, False),
            ("body extra_body.model, embedding", "/v1/embeddings",
             {"model": "embed", "input": "hi", "extra_body": {"model": "org/Alpha"}}, {}, False),
            # api_base is on LiteLLM's banned list (proxy/auth/auth_utils.py:412-413): a route chosen by path holds.
            ("body api_base", "/v1/chat/completions", dict(chat, api_base="http://127.0.0.1:9/v1"), {}, False),
            # Last (they cool deployments down): the caller's Authorization in body extra_headers, then an honest call.
            ("body extra_headers Authorization, chat", "/v1/chat/completions",
             dict(chat, model="beta", extra_headers={"Authorization": "Bearer not-the-key"}), {}, False),
            ("body extra_headers Authorization, text completion", "/v1/completions",
             {"model": "alpha", "prompt": "hi", "extra_headers": {"Authorization": "Bearer not-the-key"}}, {}, False),
            ("body extra_headers Authorization, embedding", "/v1/embeddings",
             {"model": "embed", "input": "hi", "extra_headers": {"Authorization": "Bearer not-the-key"}}, {}, False),
        ]
        for label, route, body, headers, stream in cases:
            engine.clear()
            all_headers = {"Authorization": "Bearer " + master, **headers}
            if stream:
                with http.stream("POST", url + route, json=body, headers=all_headers) as response:
                    text = response.read().decode("utf-8", "replace")
                    status = response.status_code
            else:
                response = http.post(url + route, json=body, headers=all_headers)
                status, text = response.status_code, response.text
            seen = engine.seen()
            result = {"part": "B", "settings": settings_label, "call": label, "status": status,
                      "error": text[:240] if status != 200 else None,
                      "upstream": [(s["path"], lines_of(s)) for s in seen],
                      "upstream_model": [s["body"].get("model") if isinstance(s["body"], dict) else None
                                         for s in seen]}
            if "Authorization" in label:
                result["upstream"] = [(s["path"], s["status"], lines_of(s, "authorization")) for s in seen]
                honest = {k: v for k, v in body.items() if k != "extra_headers"}
                after = http.post(url + route, json=honest, headers={"Authorization": "Bearer " + master})
                result["error"] = "the next honest call: HTTP %d %s" % (after.status_code, after.text[:120])
            results.append(result)
    finally:
        proxy.stop()
        shutil.rmtree(work, ignore_errors=True)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", help="write every observation to this file")
    args = parser.parse_args()
    refusal = pinned_litellm.refusal()
    if refusal:
        print("extra-headers: " + refusal, file=sys.stderr)
        return 2
    names = [served for served, _, _ in ENTRIES.values()]
    engine = stand_in_vllm.Engine("probe", names, [KEY]).start()
    results = []
    try:
        results += part_a(engine)
        results += part_b(engine, "platform (no forwarding)", {})
        results += part_b(engine, "general_settings.forward_client_headers_to_llm_api: true",
                          {"general_settings": {"forward_client_headers_to_llm_api": True}})
        results += part_b(engine, "model_group_settings.forward_client_headers_to_llm_api: [alpha, embed]",
                          {"litellm_settings": {"model_group_settings": {
                              "forward_client_headers_to_llm_api": ["alpha", "embed"]}}})
        results += part_b(engine, "general_settings.forward_client_headers_to_llm_api: true, extra_headers key "
                                  "in lower case", {"general_settings": {"forward_client_headers_to_llm_api": True}},
                          header=HEADER.lower())
    finally:
        engine.stop()
    for r in results:
        where = r["part"] + (" [%s]" % r["settings"] if "settings" in r else "")
        print("%s %s: %s; upstream %s%s%s" % (
            where, r["call"], r["status"], r["upstream"],
            "; model %s" % r["upstream_model"] if r.get("upstream_model") else "",
            "; error %s" % r["error"] if r.get("error") else ""))
        if r.get("stack"):
            for frame in r["stack"]:
                print("      " + frame)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
