#!/usr/bin/env python3
"""The reachability proof must be able to fail, and must not fail for the wrong reasons.

1. On fixtures/before-issue-20/ (out/ as platc rendered it before issue 20: per-model HTTPRoutes
   to InferencePools on the platform Gateway, and a vLLM NetworkPolicy admitting the Gateway's
   and LiteLLM's whole namespaces) reachability.py must exit 1 and name the
   Gateway -> HTTPRoute -> InferencePool -> vLLM path and the rule admitting namespace llm-gateway.
2. On a copy of BASE (a render that passes; default fixtures/locked-down/, the target design of
   issue 20) broken one way at a time, it must give each case's verdict (FAIL or still PASS) and
   print each case's evidence.

Usage:  "$(scripts/python-env tests)" Tests/Reachability/self_test.py [BASE]
Prints one line per case and `self-test: N of N as expected`; exits 1 when any case is not.
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
HARNESS = os.path.join(HERE, "reachability.py")
BEFORE = os.path.join(HERE, "fixtures", "before-issue-20")
LOCKED = os.path.join(HERE, "fixtures", "locked-down")
NAME = "kubernetes.io/metadata.name"
APP = "app.kubernetes.io/name"


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def save(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(obj, f, sort_keys=False)


def one(root, pattern):
    found = sorted(glob.glob(os.path.join(root, pattern)))
    if not found:
        raise SystemExit("self-test: nothing matches %s under %s" % (pattern, root))
    return found[0]


def facts(root):
    """Names the cases need, read from BASE: the serving namespace, a model Service, a tenant,
    LiteLLM's and the Gateway's namespaces."""
    policy = load(one(root, "manifests/*/networkpolicy.vllm.yaml"))
    serving = policy["metadata"]["namespace"]
    service = load(one(root, "manifests/%s/service.*.yaml" % serving))["metadata"]["name"]
    tenant = next(load(p)["metadata"]["name"] for p in sorted(glob.glob(os.path.join(root, "manifests/_cluster/namespace.*.yaml")))
                  if "platc.dev/tenant" in (load(p)["metadata"].get("labels") or {}))
    litellm = load(one(root, "manifests/*/configmap.litellm-config.yaml"))["metadata"]["namespace"]
    gateway = "llm-gateway"
    for path in glob.glob(os.path.join(root, "manifests/*/httproute.*.yaml")):
        for ref in load(path)["spec"].get("parentRefs") or []:
            gateway = ref.get("namespace", gateway)
    return {"serving": serving, "service": service, "tenant": tenant, "litellm": litellm, "gateway": gateway}


# --- breaks: each edits the copy at root, given the facts ---------------------------------

def vllm_policy(change):
    def apply(root, f):
        path = one(root, "manifests/%s/networkpolicy.vllm.yaml" % f["serving"])
        obj = load(path)
        change(obj["spec"], f)
        save(path, obj)
    return apply


def delete_vllm_policy(root, f):
    os.remove(one(root, "manifests/%s/networkpolicy.vllm.yaml" % f["serving"]))


def add_peer(peer):
    return vllm_policy(lambda spec, f: spec["ingress"][0]["from"].append(peer))


def litellm_peer(change):
    def edit(spec, f):
        for peer in spec["ingress"][0]["from"]:
            if (peer.get("podSelector") or {}).get("matchLabels", {}).get(APP) == "litellm":
                change(peer)
    return vllm_policy(edit)


def admit_gateway(root, f):
    add_peer({"namespaceSelector": {"matchLabels": {NAME: f["gateway"]}}})(root, f)


def every_namespace_on(ports):
    def edit(spec, f):
        spec["ingress"].append({"from": [{"namespaceSelector": {}}], "ports": ports})
    return vllm_policy(edit)


def route_to_service(root, f):
    route = {
        "apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
        "metadata": {"name": "bypass", "namespace": f["serving"]},
        "spec": {"parentRefs": [{"group": "gateway.networking.k8s.io", "kind": "Gateway",
                                 "namespace": f["gateway"], "name": "llm-gateway"}],
                 "rules": [{"backendRefs": [{"kind": "Service", "name": f["service"], "port": 8000}]}]}}
    save(os.path.join(root, "manifests", f["serving"], "httproute.bypass.yaml"), route)


def both(*breaks):
    def apply(root, f):
        for apply_one in breaks:
            apply_one(root, f)
    return apply


def tenant_default_deny_without_egress(root, f):
    path = os.path.join(root, "manifests", f["tenant"], "networkpolicy.default-deny.yaml")
    obj = load(path)
    obj["spec"]["policyTypes"] = ["Ingress"]
    save(path, obj)


def tenant_egress_open(root, f):
    tenant_default_deny_without_egress(root, f)
    os.remove(os.path.join(root, "manifests", f["tenant"], "networkpolicy.allow-egress-dns-litellm.yaml"))


# (case, break, expected exit, evidence the output must contain; {names} from facts())
CASES = [
    ("untouched", None, 0, ["every path passes LiteLLM"]),
    ("the vLLM NetworkPolicy deleted", delete_vllm_policy, 1,
     ["pod in elsewhere (any namespace platc does not know) → vllm pod {service}:8000 directly, "
      "admitted: no NetworkPolicy selects it for ingress"]),
    ("namespaceSelector: {{}} added to the vLLM ingress", add_peer({"namespaceSelector": {}}), 1,
     ["pod in elsewhere (any namespace platc does not know) → vllm pod {service}:8000 directly, "
      "admitted by NetworkPolicy {serving}/vllm ingress from every namespace"]),
    ("the LiteLLM peer's namespaceSelector widened to {{}}",
     litellm_peer(lambda peer: peer.update(namespaceSelector={})), 1,
     ["pod in elsewhere (any namespace platc does not know) labelled app.kubernetes.io/name=litellm → vllm pod",
      "ingress from pods app.kubernetes.io/name=litellm in every namespace"]),
    ("the LiteLLM peer without its namespaceSelector (its own namespace only)",
     litellm_peer(lambda peer: peer.pop("namespaceSelector")), 1,
     ["pod in {serving} (not a vLLM pod) labelled app.kubernetes.io/name=litellm → vllm pod {service}:8000 directly",
      "ingress from pods app.kubernetes.io/name=litellm in its own namespace {serving}"]),
    ("an ipBlock peer", add_peer({"ipBlock": {"cidr": "10.0.0.0/8"}}), 1,
     ["ingress from ipBlock 10.0.0.0/8 (read as covering every pod)"]),
    ("namespaces NotIn (litellm) admitted",
     add_peer({"namespaceSelector": {"matchExpressions": [{"key": NAME, "operator": "NotIn", "values": ["litellm"]}]}}),
     1, ["ingress from namespaces kubernetes.io/metadata.name NotIn (litellm)"]),
    ("namespaces labelled platc.dev/tenant admitted (an unknown namespace can carry the label)",
     add_peer({"namespaceSelector": {"matchExpressions": [{"key": "platc.dev/tenant", "operator": "Exists"}]}}),
     1, ["pod in elsewhere (any namespace platc does not know) in a namespace labelled platc.dev/tenant=",
         "ingress from namespaces platc.dev/tenant"]),
    ("the vLLM policy's podSelector misspelt (selects no vLLM pod)",
     vllm_policy(lambda spec, f: spec.update(podSelector={"matchLabels": {APP: "vlm"}})), 1,
     ["admitted: no NetworkPolicy selects it for ingress"]),
    ("policyTypes: [Egress] only (its ingress rules ignored)",
     vllm_policy(lambda spec, f: spec.update(policyTypes=["Egress"])), 1,
     ["admitted: no NetworkPolicy selects it for ingress"]),
    ("the Gateway's namespace admitted again", admit_gateway, 1,
     ["pod in {gateway} (the Gateway's pods) → vllm pod {service}:8000 directly, "
      "admitted by NetworkPolicy {serving}/vllm ingress from namespace {gateway}"]),
    ("an HTTPRoute from the Gateway to a model's Service, the Gateway's namespace admitted",
     both(route_to_service, admit_gateway), 1,
     ["pod in {gateway} (the Gateway's pods) → HTTPRoute {serving}/bypass → Service {serving}/{service}:8000 → "
      "vllm pod {service}:8000, admitted by NetworkPolicy {serving}/vllm ingress from namespace {gateway}",
      "pod in elsewhere (any namespace platc does not know) → pod in {gateway} (the Gateway's pods) [any port, "
      "admitted: no NetworkPolicy selects it for ingress] → HTTPRoute {serving}/bypass"]),
    ("every namespace on port range 7000-9000", every_namespace_on([{"port": 7000, "endPort": 9000}]), 1,
     ["ingress from every namespace"]),
    ("every namespace on the named port http (vLLM's 8000)", every_namespace_on([{"port": "http"}]), 1,
     ["ingress from every namespace"]),
    # still passes:
    ("STILL PASSES: an HTTPRoute from the Gateway to a model's Service (the vLLM policy does not admit the Gateway)",
     route_to_service, 0,
     ["every path passes LiteLLM", "routes the network denies",
      "HTTPRoute {serving}/bypass → Service {serving}/{service}:8000 → vllm pod {service}:8000: "
      "no ingress rule of NetworkPolicy {serving}/vllm admits it"]),
    ("STILL PASSES: a tenant's default-deny without Egress (allow-egress-dns-litellm still limits egress)",
     tenant_default_deny_without_egress, 0, ["every path passes LiteLLM"]),
    ("STILL PASSES: a tenant with open egress (the vLLM policy admits only LiteLLM and Prometheus)",
     tenant_egress_open, 0, ["every path passes LiteLLM"]),
    ("STILL PASSES: the vLLM pods' egress open (another vLLM pod is still not admitted)",
     vllm_policy(lambda spec, f: spec.update(policyTypes=["Ingress"])), 0, ["every path passes LiteLLM"]),
    ("STILL PASSES: every namespace on a named port the vLLM pods lack", every_namespace_on([{"port": "metrics"}]),
     0, ["every path passes LiteLLM"]),
    ("STILL PASSES: every namespace on UDP 8000 only", every_namespace_on([{"protocol": "UDP", "port": 8000}]),
     0, ["every path passes LiteLLM"]),
]


def same_tree(a, b):
    def files(root):
        found = {}
        for folder, _, names in os.walk(root):
            for name in names:
                with open(os.path.join(folder, name), "rb") as f:
                    found[os.path.relpath(os.path.join(folder, name), root)] = f.read()
        return found
    return files(a) == files(b)


def run(out):
    result = subprocess.run([sys.executable, HARNESS, "--out", out], capture_output=True, text=True, timeout=300)
    return result.returncode, result.stdout + result.stderr


def check(label, code, output, expected, evidence):
    missing = [e for e in evidence if e not in output]
    ok = code == expected and not missing
    verdict = {0: "PASS", 1: "FAIL"}.get(code, "exit %d" % code)
    print("%s: %s (%s)" % ("ok  " if ok else "MISS", label, verdict))
    if not ok:
        print("      expected exit %d%s; output:" % (expected, "".join("\n      missing: %s" % m for m in missing)))
        print("\n".join("      | " + line for line in output.splitlines()[-40:]))
    return ok


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else LOCKED
    results = []
    code, output = run(BEFORE)
    results.append(check("fixtures/before-issue-20 (out/ before issue 20)", code, output, 1, [
        "pod in llm-gateway (the Gateway's pods) → HTTPRoute llm-serving/qwen3-30b-a3b → InferencePool qwen3-30b-a3b"
        " → vllm pod qwen3-30b-a3b:8000, admitted by NetworkPolicy llm-serving/vllm ingress from namespace llm-gateway",
        "pod in litellm (not LiteLLM) → vllm pod qwen3-30b-a3b:8000 directly, admitted by NetworkPolicy "
        "llm-serving/vllm ingress from namespace litellm"]))
    names = facts(base)
    with tempfile.TemporaryDirectory() as scratch:
        for number, (label, apply, expected, evidence) in enumerate(CASES):
            copy = os.path.join(scratch, "case-%02d" % number)
            shutil.copytree(base, copy)
            if apply:
                apply(copy, names)
                if same_tree(base, copy):
                    raise SystemExit("self-test: the break %r changed nothing in %s" % (label, base))
            code, output = run(copy)
            results.append(check(label.format(**names), code, output, expected, [e.format(**names) for e in evidence]))
    print("self-test: %d of %d as expected" % (sum(results), len(results)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
