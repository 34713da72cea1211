#!/usr/bin/env python3
"""The reachability proof must be able to fail, and must not fail for the wrong reasons.

1. On fixtures/before-issue-20/ (out/ as platc rendered it before issue 20: per-model HTTPRoutes
   to InferencePools on the platform Gateway, and a vLLM NetworkPolicy admitting the Gateway's
   and LiteLLM's whole namespaces) reachability.py must exit 1 and name the
   Gateway -> HTTPRoute -> InferencePool -> vLLM path and the rule admitting namespace llm-gateway.
2. On a copy of BASE (a render that passes; default fixtures/locked-down/, the target design of
   issue 20) broken one way at a time, it must give each case's verdict (FAIL or still PASS) and
   print each case's evidence.
3. On a copy of IG_BASE (a passing render in `routing.mode: inference-gateway`; default the
   golden render Tests/Fixtures/render/inference-gateway.out: LiteLLM -> the rendered inference
   Gateway -> per-model HTTPRoute -> InferencePool with an endpoint picker -> vLLM) broken one
   way at a time, likewise (IG_CASES). The names the cases need (the Gateway,
   its NetworkPolicy, a pool, its route, its picker, the edge Gateway) are read from IG_BASE.

Usage:  "$(scripts/python-env tests)" Tests/Reachability/self_test.py [BASE] [--inference-gateway IG_BASE]
        BASE is read by its mode: a render with a rendered Gateway (manifests/*/gateway.*.yaml) is
        an inference-gateway render and becomes IG_BASE (the direct-mode cases then break
        fixtures/locked-down/); any other is a direct-mode BASE. So `self_test.py out` breaks out/
        in whichever mode platform/lab.yaml renders it, and the fixture for the other mode.
Prints one line per case and `self-test: N of N as expected`; exits 1 when any case is not.
An evidence string wrapped in Absent(...) must not appear in the output.
"""

import argparse
from urllib.parse import urlsplit

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
# the golden render of the inference-gateway fixture platform (Tests/Fixtures/inference-gateway)
INFERENCE_GATEWAY = os.path.join(HERE, "..", "Fixtures", "render", "inference-gateway.out")
GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name"
NAME = "kubernetes.io/metadata.name"
APP = "app.kubernetes.io/name"


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def save(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(obj, f, sort_keys=False)


def one(root, pattern):
    found = sorted(glob.glob(os.path.join(root, pattern), recursive=True))
    if not found:
        raise SystemExit("self-test: nothing matches %s under %s" % (pattern, root))
    return found[0]


def ns_file(root, namespace, name):
    """The file `name` of `namespace`'s objects, in whichever Application's folder
    (manifests/<application>/<namespace>/) or, in a render before issue 25, manifests/<namespace>/."""
    return one(root, "manifests/**/%s/%s" % (namespace, name))


def ns_dir(root, namespace):
    """A folder for a new object of `namespace`: one that already holds its objects, else a new one."""
    found = sorted(glob.glob(os.path.join(root, "manifests", "**", namespace), recursive=True))
    return found[0] if found else os.path.join(root, "manifests", namespace)


def facts(root):
    """Names the cases need, read from BASE: the serving namespace, a model Service, a tenant,
    LiteLLM's and the Gateway's namespaces."""
    policy = load(one(root, "manifests/**/networkpolicy.vllm.yaml"))
    serving = policy["metadata"]["namespace"]
    service = load(one(root, "manifests/**/%s/service.*.yaml" % serving))["metadata"]["name"]
    tenant = next(load(p)["metadata"]["name"] for p in sorted(glob.glob(os.path.join(root, "manifests/**/_cluster/namespace.*.yaml"), recursive=True))
                  if "platc.dev/tenant" in (load(p)["metadata"].get("labels") or {}))
    litellm = load(one(root, "manifests/**/configmap.litellm-config.yaml"))["metadata"]["namespace"]
    gateway = "llm-gateway"
    for path in glob.glob(os.path.join(root, "manifests/**/httproute.*.yaml"), recursive=True):
        for ref in load(path)["spec"].get("parentRefs") or []:
            gateway = ref.get("namespace", gateway)
    return {"serving": serving, "service": service, "tenant": tenant, "litellm": litellm, "gateway": gateway}


# --- breaks: each edits the copy at root, given the facts ---------------------------------

def vllm_policy(change):
    def apply(root, f):
        path = one(root, "manifests/**/%s/networkpolicy.vllm.yaml" % f["serving"])
        obj = load(path)
        change(obj["spec"], f)
        save(path, obj)
    return apply


def delete_vllm_policy(root, f):
    os.remove(one(root, "manifests/**/%s/networkpolicy.vllm.yaml" % f["serving"]))


def add_peer(peer):
    return vllm_policy(lambda spec, f: spec["ingress"][0]["from"].append(peer))


def add_peer_from(make):
    return vllm_policy(lambda spec, f: spec["ingress"][0]["from"].append(make(f)))


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
    save(os.path.join(os.path.dirname(one(root, "manifests/**/%s/networkpolicy.vllm.yaml" % f["serving"])), "httproute.bypass.yaml"), route)


def both(*breaks):
    def apply(root, f):
        for apply_one in breaks:
            apply_one(root, f)
    return apply


def tenant_default_deny_without_egress(root, f):
    path = one(root, "manifests/**/%s/networkpolicy.default-deny.yaml" % f["tenant"])
    obj = load(path)
    obj["spec"]["policyTypes"] = ["Ingress"]
    save(path, obj)


def tenant_egress_open(root, f):
    tenant_default_deny_without_egress(root, f)
    os.remove(one(root, "manifests/**/%s/networkpolicy.allow-egress-dns-litellm.yaml" % f["tenant"]))


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


# --- the inference-gateway mode (issue 23) -----------------------------------------------

class Absent(str):
    """Evidence that must not be in the output."""


def ig_facts(root):
    """Names the inference-gateway cases need, read from IG_BASE."""
    gateway_path = one(root, "manifests/**/gateway.*.yaml")
    gateway = load(gateway_path)
    gw_ns, gw = gateway["metadata"]["namespace"], gateway["metadata"]["name"]
    gw_policy = None
    for path in sorted(glob.glob(os.path.join(root, "manifests", "**", gw_ns, "networkpolicy.*.yaml"), recursive=True)):
        if (load(path)["spec"].get("podSelector") or {}).get("matchLabels", {}).get(GATEWAY_NAME) == gw:
            gw_policy = load(path)["metadata"]["name"]
    f = facts(root)
    serving = f["serving"]
    pool_path = one(root, "manifests/**/%s/inferencepool.*.yaml" % serving)
    pool = load(pool_path)
    selector = pool["spec"]["selector"]["matchLabels"]
    workloads = [load(p) for p in sorted(glob.glob(os.path.join(root, "manifests", "**", serving, "deployment.*.yaml"), recursive=True))]
    labels = lambda d: d["spec"]["template"]["metadata"].get("labels") or {}
    vllm = next(d["metadata"]["name"] for d in workloads if all(labels(d).get(k) == v for k, v in selector.items()))
    picker_svc = load(one(root, "manifests/**/%s/service.%s.yaml" % (serving, pool["spec"]["endpointPickerRef"]["name"])))
    picker_selector = picker_svc["spec"]["selector"]
    picker = next(d for d in workloads if all(labels(d).get(k) == v for k, v in picker_selector.items()))
    picker_policy = None
    for path in sorted(glob.glob(os.path.join(root, "manifests", "**", serving, "networkpolicy.*.yaml"), recursive=True)):
        sel = (load(path)["spec"].get("podSelector") or {}).get("matchLabels") or {}
        if sel and all(labels(picker).get(k) == v for k, v in sel.items()):
            picker_policy = load(path)["metadata"]["name"]
    # the policy admitting the model's own picker to its vLLM pods (one per model)
    scrape_policy = None
    for path in sorted(glob.glob(os.path.join(root, "manifests", "**", serving, "networkpolicy.*.yaml"), recursive=True)):
        spec = load(path)["spec"]
        if (spec.get("podSelector") or {}).get("matchLabels") == selector and any(
                all(labels(picker).get(k) == v for k, v in ((peer.get("podSelector") or {}).get("matchLabels") or {}).items())
                for rule in spec.get("ingress") or [] for peer in rule.get("from") or []):
            scrape_policy = load(path)["metadata"]["name"]
    route = None
    edge_ns, edge = "llm-gateway", "llm-gateway"
    for path in sorted(glob.glob(os.path.join(root, "manifests/**/httproute.*.yaml"), recursive=True)):
        obj = load(path)
        for ref in obj["spec"].get("parentRefs") or []:
            if ref.get("name") == gw and ref.get("namespace", obj["metadata"]["namespace"]) == gw_ns:
                if any(b.get("kind") == "InferencePool" and b.get("name") == pool["metadata"]["name"]
                       for rule in obj["spec"].get("rules") or [] for b in rule.get("backendRefs") or []):
                    route = obj["metadata"]["name"]
            elif ref.get("kind", "Gateway") == "Gateway":
                edge_ns, edge = ref.get("namespace", obj["metadata"]["namespace"]), ref["name"]
    service = next(load(p)["metadata"]["name"] for p in sorted(glob.glob(os.path.join(root, "manifests", "**", serving, "service.*.yaml"), recursive=True))
                   if all((load(p)["spec"].get("selector") or {}).get(k) == v for k, v in selector.items()))
    picker_name = labels(picker).get(APP)
    # the gateway implementation's Service LiteLLM calls (routing.inferenceGateway.serviceName, port)
    api_base = next(e["litellm_params"]["api_base"] for e in load(os.path.join(root, "litellm", "config.yaml"))["model_list"]
                    if "%s." % gw_ns in e["litellm_params"].get("api_base", ""))
    url = urlsplit(api_base)
    gw_svc, gw_port = url.hostname.split(".")[0], url.port or 80
    return dict(f, gw_ns=gw_ns, gw=gw, gw_svc=gw_svc, gw_port=gw_port, gw_policy=gw_policy, pool=pool["metadata"]["name"], route=route, vllm=vllm,
                service=service, picker=picker["metadata"]["name"], picker_name=picker_name,
                picker_policy=picker_policy, scrape_policy=scrape_policy, edge_ns=edge_ns, edge=edge)


def gateway_policy(change):
    def apply(root, f):
        path = ns_file(root, f["gw_ns"], "networkpolicy.%s.yaml" % f["gw_policy"])
        obj = load(path)
        change(obj["spec"], f)
        save(path, obj)
    return apply


def delete_gateway_policy(root, f):
    os.remove(ns_file(root, f["gw_ns"], "networkpolicy.%s.yaml" % f["gw_policy"]))


def delete_picker_policy(root, f):
    os.remove(ns_file(root, f["serving"], "networkpolicy.%s.yaml" % f["picker_policy"]))


def scrape_policy_peer(change):
    """Changes the peer of the NetworkPolicy that admits the model's picker to its vLLM pods."""
    def apply(root, f):
        path = ns_file(root, f["serving"], "networkpolicy.%s.yaml" % f["scrape_policy"])
        obj = load(path)
        for rule in obj["spec"]["ingress"]:
            for peer in rule["from"]:
                change(peer, f)
        save(path, obj)
    return apply


def delete_gateway(root, f):
    os.remove(ns_file(root, f["gw_ns"], "gateway.%s.yaml" % f["gw"]))


def listeners_from_all(root, f):
    path = ns_file(root, f["gw_ns"], "gateway.%s.yaml" % f["gw"])
    obj = load(path)
    for listener in obj["spec"]["listeners"]:
        listener.setdefault("allowedRoutes", {})["namespaces"] = {"from": "All"}
    save(path, obj)


def write_route(root, namespace, name, gateway_ns, gateway, backend_refs):
    """An HTTPRoute on a Gateway with one rule per backendRef, written into out/."""
    route = {
        "apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
        "metadata": {"name": name, "namespace": namespace},
        "spec": {"parentRefs": [{"group": "gateway.networking.k8s.io", "kind": "Gateway",
                                 "namespace": gateway_ns, "name": gateway}],
                 "rules": [{"backendRefs": [ref]} for ref in backend_refs]}}
    os.makedirs(ns_dir(root, namespace), exist_ok=True)
    save(os.path.join(ns_dir(root, namespace), "httproute.%s.yaml" % name), route)


def tenant_route(root, f):
    """An HTTPRoute in a tenant namespace on the inference Gateway, to a model's pool and Service."""
    write_route(root, f["tenant"], "tenant-route", f["gw_ns"], f["gw"], [
        {"group": "inference.networking.k8s.io", "kind": "InferencePool", "namespace": f["serving"], "name": f["pool"]},
        {"kind": "Service", "namespace": f["serving"], "name": f["service"], "port": 8000}])


def edge_route_to_pool(root, f):
    write_route(root, f["serving"], "edge-bypass", f["edge_ns"], f["edge"], [
        {"group": "inference.networking.k8s.io", "kind": "InferencePool", "name": f["pool"]}])


def admit_edge(root, f):
    add_peer({"namespaceSelector": {"matchLabels": {NAME: f["edge_ns"]}}})(root, f)


def litellm_config(change):
    def apply(root, f):
        path = os.path.join(root, "litellm", "config.yaml")
        obj = load(path)
        for entry in obj["model_list"]:
            change(entry["litellm_params"], f)
        save(path, obj)
    return apply


def move_gateway(where):
    """The inference Gateway and its NetworkPolicy moved to the namespace facts name `where`, every
    reference following (the contract then renders no Namespace for it)."""
    def apply(root, f):
        target = f[where]
        os.remove(one(root, "manifests/**/_cluster/namespace.%s.yaml" % f["gw_ns"]))
        source, destination = ns_dir(root, f["gw_ns"]), ns_dir(root, target)
        for name in os.listdir(source):
            os.makedirs(destination, exist_ok=True)
            shutil.move(os.path.join(source, name), os.path.join(destination, name))
        os.rmdir(source)
        for folder, _, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as fh:
                    text = fh.read()
                if f["gw_ns"] in text:
                    with open(path, "w", encoding="utf-8") as fh:
                        fh.write(text.replace(f["gw_ns"], target))
    return apply


def vllm_peer(label, change):
    """Edit the vLLM policy's peer whose podSelector names label."""
    def edit(spec, f):
        for peer in spec["ingress"][0]["from"]:
            if label in ((peer.get("podSelector") or {}).get("matchLabels") or {}):
                change(peer, f)
    return vllm_policy(edit)


LITELLM_TO_GATEWAY = ("LiteLLM pod in {litellm} → gateway pods {gw_ns}/{gw} [any port, admitted by NetworkPolicy "
                      "{gw_ns}/{gw_policy} ingress from pods app.kubernetes.io/name=litellm in namespace {litellm}]")
GATEWAY_ADMITTED = ("admitted by NetworkPolicy {serving}/vllm ingress from pods " + GATEWAY_NAME +
                    "={gw} in namespace {gw_ns}")
POOL_TAIL = "HTTPRoute {serving}/{route} → InferencePool {pool} → vllm pod {vllm}:8000, " + GATEWAY_ADMITTED
PICKER_RESIDUAL = ("endpoint picker pod of Deployment {serving}/{picker} → vllm pod {vllm}:8000 directly, admitted by "
                   "NetworkPolicy {serving}/{scrape_policy} ingress from pods app.kubernetes.io/instance={vllm},"
                   "app.kubernetes.io/name={picker_name} in its own namespace {serving}")
PICKER_REASON = "endpoint pickers are not sources: they answer the inference Gateway's ext-proc calls"

IG_CASES = [
    ("inference-gateway: untouched", None, 0,
     ["every path passes LiteLLM", LITELLM_TO_GATEWAY + " → " + POOL_TAIL,
      "→ Service {gw_ns}/{gw_svc}:{gw_port} (not in out/: the gateway implementation's, assumed to select the gateway "
      "pods {gw_ns}/{gw})",
      "residual exposure", PICKER_RESIDUAL, PICKER_REASON, Absent("warning:")]),
    ("inference-gateway: the inference Gateway's NetworkPolicy deleted", delete_gateway_policy, 1,
     ["pod in elsewhere (any namespace platc does not know) → gateway pods {gw_ns}/{gw} [any port, admitted: no "
      "NetworkPolicy selects it for ingress] → " + POOL_TAIL,
      "pod in {gw_ns} (not the Gateway's pods) → gateway pods {gw_ns}/{gw} [any port",
      "pod in {litellm} (not LiteLLM) → gateway pods {gw_ns}/{gw} [any port",
      Absent("from pod in {tenant} (a tenant)")]),  # the tenants' own egress policies still hold
    ("inference-gateway: its LiteLLM peer's namespaceSelector widened to {{}}",
     gateway_policy(lambda spec, f: spec["ingress"][0]["from"][0].update(namespaceSelector={})), 1,
     ["pod in elsewhere (any namespace platc does not know) labelled app.kubernetes.io/name=litellm → gateway pods "
      "{gw_ns}/{gw} [any port, admitted by NetworkPolicy {gw_ns}/{gw_policy} ingress from pods "
      "app.kubernetes.io/name=litellm in every namespace] → " + POOL_TAIL]),
    ("STILL PASSES: inference-gateway: a tenant's HTTPRoute to a pool and a Service (the listener does not admit it)",
     tenant_route, 0,
     ["every path passes LiteLLM",
      "not attached: HTTPRoute {tenant}/tenant-route: listener http admits HTTPRoutes from namespaces "
      "kubernetes.io/metadata.name={serving}", Absent("warning:")]),
    ("STILL PASSES: inference-gateway: listener from: All and a tenant's HTTPRoute to a pool and a Service "
     "(attached, but only LiteLLM reaches the Gateway's pods; warned)",
     both(listeners_from_all, tenant_route), 0,
     ["every path passes LiteLLM",
      LITELLM_TO_GATEWAY + " → HTTPRoute {tenant}/tenant-route → InferencePool {serving}/{pool} → vllm pod {vllm}:8000, "
      + GATEWAY_ADMITTED,
      LITELLM_TO_GATEWAY + " → HTTPRoute {tenant}/tenant-route → Service {serving}/{service}:8000 → vllm pod {vllm}:8000, "
      + GATEWAY_ADMITTED,
      "warning: listener http of Gateway {gw_ns}/{gw} admits HTTPRoutes from every namespace",
      "warning: HTTPRoute {tenant}/tenant-route in tenant namespace {tenant} is attached to Gateway {gw_ns}/{gw}"]),
    ("inference-gateway: the vLLM policy admitting the whole inference Gateway namespace",
     add_peer_from(lambda f: {"namespaceSelector": {"matchLabels": {NAME: f["gw_ns"]}}}), 1,
     ["pod in {gw_ns} (not the Gateway's pods) → vllm pod {vllm}:8000 directly, admitted by NetworkPolicy "
      "{serving}/vllm ingress from namespace {gw_ns}"]),
    ("inference-gateway: the vLLM policy trusting the gateway-name label in every namespace",
     vllm_peer(GATEWAY_NAME, lambda peer, f: peer.update(namespaceSelector={})), 1,
     ["pod in elsewhere (any namespace platc does not know) labelled " + GATEWAY_NAME + "={gw} → vllm pod {vllm}:8000 "
      "directly"]),
    ("inference-gateway: the picker's policy admitting pods by a label other pods may carry",
     scrape_policy_peer(lambda peer, f: peer.update(podSelector={"matchLabels": {"app.kubernetes.io/component": "endpoint-picker"}})), 1,
     ["pod in {serving} (not a vLLM pod, not an endpoint picker) labelled app.kubernetes.io/component=endpoint-picker "
      "→ vllm pod {vllm}:8000 directly"]),
    ("inference-gateway: the Gateway object missing (its routes' parent read as an unrendered Gateway)",
     delete_gateway, 1,
     ["pod in {gw_ns} (the Gateway's pods) labelled " + GATEWAY_NAME + "={gw} → vllm pod {vllm}:8000 directly"]),
    ("STILL PASSES: inference-gateway: the vLLM policy admitting LiteLLM again (reported)",
     add_peer_from(lambda f: {"namespaceSelector": {"matchLabels": {NAME: f["litellm"]}},
                              "podSelector": {"matchLabels": {APP: "litellm"}}}), 0,
     ["every path passes LiteLLM",
      "warning: LiteLLM pod in {litellm} → vllm pod {vllm}:8000 directly, admitted by NetworkPolicy {serving}/vllm ingress "
      "from pods app.kubernetes.io/name=litellm in namespace {litellm}; LiteLLM reaches the models through the "
      "inference gateway"]),
    ("STILL PASSES: inference-gateway: the endpoint pickers' NetworkPolicy deleted (pickers forward nothing)",
     delete_picker_policy, 0, ["every path passes LiteLLM", "residual exposure", PICKER_RESIDUAL, PICKER_REASON]),
    ("STILL PASSES: inference-gateway: api_base without a port, as <svc>.<ns> (http: 80)",
     litellm_config(lambda params, f: params.update(api_base="http://%s.%s/v1" % (f["gw_svc"], f["gw_ns"]))), 0,
     ["every path passes LiteLLM",
      "(api_base http://{gw_svc}.{gw_ns}/v1) → Service {gw_ns}/{gw_svc}:80 (not in out/: the gateway implementation's"]),
    # the contract renders no Namespace when the inference gateway shares one of these
    ("STILL PASSES: inference-gateway: the inference Gateway in the edge Gateway's namespace",
     move_gateway("edge_ns"), 0,
     ["every path passes LiteLLM",
      "LiteLLM pod in {litellm} → gateway pods {edge_ns}/{gw} [any port, admitted by NetworkPolicy {edge_ns}/{gw_policy} "
      "ingress from pods app.kubernetes.io/name=litellm in namespace {litellm}] → " + POOL_TAIL.replace("{gw_ns}", "{edge_ns}")]),
    ("STILL PASSES: inference-gateway: the inference Gateway in the serving namespace",
     move_gateway("serving"), 0,
     ["every path passes LiteLLM", "pod in {serving} (not a vLLM pod, not the Gateway's pods, not an endpoint picker)",
      "LiteLLM pod in {litellm} → gateway pods {serving}/{gw} [any port"]),
    ("STILL PASSES: inference-gateway: the inference Gateway in LiteLLM's namespace",
     move_gateway("litellm"), 0,
     ["every path passes LiteLLM", "pod in {litellm} (not LiteLLM, not the Gateway's pods)",
      "LiteLLM pod in {litellm} → gateway pods {litellm}/{gw} [any port"]),
    ("inference-gateway: an HTTPRoute on the edge Gateway to a pool, the edge namespace admitted",
     both(edge_route_to_pool, admit_edge), 1,
     ["pod in {edge_ns} (the Gateway's pods) → HTTPRoute {serving}/edge-bypass → InferencePool {pool} → vllm pod "
      "{vllm}:8000, admitted by NetworkPolicy {serving}/vllm ingress from namespace {edge_ns}"]),
    ("STILL PASSES: inference-gateway: an HTTPRoute on the edge Gateway to a pool alone (the network denies it)",
     edge_route_to_pool, 0,
     ["every path passes LiteLLM", "routes the network denies",
      "pod in {edge_ns} (the Gateway's pods) → HTTPRoute {serving}/edge-bypass → InferencePool {pool} → vllm pod "
      "{vllm}:8000: no ingress rule of NetworkPolicy {serving}/{scrape_policy}, NetworkPolicy {serving}/vllm admits it"]),
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
    missing = [("present: " + e) if isinstance(e, Absent) else e for e in evidence
               if (e in output) == isinstance(e, Absent)]
    ok = code == expected and not missing
    verdict = {0: "PASS", 1: "FAIL"}.get(code, "exit %d" % code)
    print("%s: %s (%s)" % ("ok  " if ok else "MISS", label, verdict))
    if not ok:
        print("      expected exit %d%s; output:" % (expected, "".join("\n      missing: %s" % m for m in missing)))
        print("\n".join("      | " + line for line in output.splitlines()[-40:]))
    return ok


def evidence_of(evidence, names):
    return [Absent(e.format(**names)) if isinstance(e, Absent) else e.format(**names) for e in evidence]


def run_cases(scratch, prefix, base, names, cases, results):
    for number, (label, apply, expected, evidence) in enumerate(cases):
        copy = os.path.join(scratch, "%s-%02d" % (prefix, number))
        shutil.copytree(base, copy)
        if apply:
            apply(copy, names)
            if same_tree(base, copy):
                raise SystemExit("self-test: the break %r changed nothing in %s" % (label, base))
        code, output = run(copy)
        results.append(check(label.format(**names), code, output, expected, evidence_of(evidence, names)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", default=LOCKED,
                        help="a passing direct-mode render to break (default: fixtures/locked-down)")
    parser.add_argument("--inference-gateway", dest="ig_base", default=INFERENCE_GATEWAY, metavar="IG_BASE",
                        help="a passing inference-gateway-mode render to break (default: Tests/Fixtures/render/inference-gateway.out)")
    args = parser.parse_args()
    base, ig_base = args.base, args.ig_base
    if glob.glob(os.path.join(base, "manifests", "**", "gateway.*.yaml"), recursive=True):
        # BASE renders a Gateway: an inference-gateway render (a direct one renders none)
        if ig_base != INFERENCE_GATEWAY:
            parser.error("%s is an inference-gateway render; give a direct-mode BASE with --inference-gateway" % base)
        print("self-test: %s is an inference-gateway render: the inference-gateway cases break it, the "
              "direct-mode cases break %s" % (base, os.path.relpath(LOCKED)))
        base, ig_base = LOCKED, base
    results = []
    code, output = run(BEFORE)
    results.append(check("fixtures/before-issue-20 (out/ before issue 20)", code, output, 1, [
        "pod in llm-gateway (the Gateway's pods) → HTTPRoute llm-serving/qwen3-30b-a3b → InferencePool qwen3-30b-a3b"
        " → vllm pod qwen3-30b-a3b:8000, admitted by NetworkPolicy llm-serving/vllm ingress from namespace llm-gateway",
        "pod in litellm (not LiteLLM) → vllm pod qwen3-30b-a3b:8000 directly, admitted by NetworkPolicy "
        "llm-serving/vllm ingress from namespace litellm"]))
    names = facts(base)
    ig_names = ig_facts(ig_base)
    with tempfile.TemporaryDirectory() as scratch:
        run_cases(scratch, "case", base, names, CASES, results)
        run_cases(scratch, "ig", ig_base, ig_names, IG_CASES, results)
    print("self-test: %d of %d as expected" % (sum(results), len(results)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
