#!/usr/bin/env python3
"""Reachability proof: from the edge Gateway, from every tenant namespace and from any other
namespace, the only way to a vLLM pod's port 8000 passes through LiteLLM.

The rendered NetworkPolicies, Services, HTTPRoutes (and the other Gateway API routes),
InferencePools, workloads and the LiteLLM config of an out/ folder become a graph of pods; the
script removes LiteLLM's pods from it and proves that no source then reaches any vLLM pod's port
8000 - directly, through the Gateway's routes, or through any chain of forwarders.
docs/request-path.md ("Reachability proof") is the same model for readers.

Namespaces
  every rendered Namespace (its labels plus kubernetes.io/metadata.name, which the API server
  sets); and the ones out/ names but does not create, with kubernetes.io/metadata.name as their
  only label: LiteLLM's (where the `litellm-config` ConfigMap, or any ConfigMap labelled
  app.kubernetes.io/name=litellm, lives; else the one the tenants' egress to LiteLLM names;
  --litellm-namespace overrides), each Gateway's (the routes' parentRefs, and every Gateway
  out/ renders), `monitoring`
  (Prometheus), `kube-system` (DNS), every namespace an object of out/ lives in or a
  NetworkPolicy selects by name, and `elsewhere`: any namespace platc does not know, whose other
  labels may be anything.

Pods (one per workload: replicas are alike)
  vllm pod          one per rendered workload whose pod template is labelled
                    app.kubernetes.io/name=vllm or has a container named vllm: its labels, its
                    containers' ports (named ports resolve against them)
  LiteLLM pod       in LiteLLM's namespace, labelled app.kubernetes.io/name=litellm, port 4000
                    plus every port a route sends to a LiteLLM Service. platc does not render
                    LiteLLM's Deployment (a rendered workload with that label in that namespace
                    is used instead). ASSUMPTION: a Service that is not in out/ but lives in
                    LiteLLM's namespace selects LiteLLM's pods, with targetPort = port.
  Gateway's pods    per Gateway a route names that out/ does not render (the edge Gateway), in
                    its namespace: any labels, any port. They also stand for every other pod of
                    that namespace.
  gateway pods      per Gateway out/ renders (the inference gateway of routing.mode
                    inference-gateway): the pods of its namespace labelled
                    gateway.networking.k8s.io/gateway-name=<name> (GEP-1762: the implementation's
                    generated resources carry it and live in the Gateway's namespace); any other
                    labels, any port. Not a source (the way through, behind LiteLLM): who reaches
                    them is what the proof checks. ASSUMPTION: only the implementation creates pods
                    with that label there.
  endpoint pickers  every rendered workload selected by the Service an InferencePool's
                    endpointPickerRef (v1alpha2: extensionRef) names, in the pool's namespace:
                    its labels and ports. Not a source: it answers the gateway's ext-proc calls
                    and scrapes vLLM's /metrics, and forwards no request (ASSUMPTION); its reach
                    is reported as residual exposure. Its identity is its app.kubernetes.io/name
                    (else the Service's selector).
  Prometheus pod    in monitoring, labelled app.kubernetes.io/name=prometheus
  other pods        one per known namespace (tenants, the serving namespace, LiteLLM's,
                    monitoring, kube-system, elsewhere, ...): any labels (see below), any port;
                    in LiteLLM's namespace never LiteLLM's label, in monitoring never
                    Prometheus's, in a rendered Gateway's namespace never its gateway-name, in
                    a picker's namespace never a picker's identity (those pods are LiteLLM,
                    Prometheus, the gateway, the pickers: who may create them is those
                    namespaces' RBAC, outside platc)
  workload pods     every other rendered workload (the team reconciler Job, ...): its labels

  "Any labels" is made finite: the pod is tried with no labels, with the fewest labels that
  satisfy each pod selector of every NetworkPolicy (the policies' own and their peers'), with a
  label that breaks each NotIn/DoesNotExist requirement, and with every consistent union of two
  of those; `elsewhere` likewise with the namespace selectors (its kubernetes.io/metadata.name
  cannot be forged). A hop is allowed when any of the labellings allows it.

Sources: the edge Gateway's pods, every other pod, every workload pod and every vLLM pod (a model
server reaching another). Not sources: LiteLLM (the way through), a rendered Gateway's pods (the
way through behind LiteLLM), Prometheus and the endpoint pickers (they scrape /metrics; their
reach is reported as residual exposure).

A network edge A -> B:port is allowed iff A's egress allows it AND B's ingress allows it, with
Kubernetes NetworkPolicy semantics (https://kubernetes.io/docs/concepts/services-networking/network-policies/):
  - a policy selects the pods of its namespace its podSelector matches ({} = all); policyTypes
    default to Ingress, plus Egress when the policy has egress rules;
  - a side no policy selects for that direction is open; otherwise some rule of some selecting
    policy must match the peer and the port (policies are additive, there is no deny);
  - a rule without `from`/`to` (or with an empty list) matches every peer, without `ports` every
    port; a peer with namespaceSelector and podSelector matches pods matching both, with
    podSelector only pods of the policy's namespace, with namespaceSelector only every pod of the
    matching namespaces ({} = all); selectors are matchLabels AND matchExpressions (In, NotIn,
    Exists, DoesNotExist);
  - ports match by number, by number range (endPort) and by name, a name resolved against the
    destination pod's container ports; protocol defaults to TCP (requests are TCP);
  - ipBlock: pod IPs may or may not fall in a CIDR and implementations differ, so an ipBlock
    peer is read as matching every pod (conservative; `except` is ignored);
  - a pod always reaches itself.

Forwarders (application hops): the Gateway's pods forward along every route whose parentRefs
name that Gateway (namespace defaulting to the route's) to its backendRefs and requestMirror
backends: a Service -> the pods its selector picks, on the targetPort (named ones resolved per
pod); an InferencePool -> the pods its selector picks, on its targetPorts. For a rendered
Gateway a route attaches only through a listener (sectionName/port of the parentRef) whose
allowedRoutes admit it: namespaces from Same (default), All, or Selector against the route
namespace's labels (a rendered Namespace's labels; another's are its kubernetes.io/metadata.name
plus anything), and kinds (default: the protocol's); hostnames are not intersected. The edge
Gateway's listeners are not in out/: every route naming it attaches. LiteLLM's pods forward to
the Service of every model_list api_base (`http://<svc>.<ns>[.svc[.cluster.local]][:<port>]/v1`,
port 80 for http when none). ASSUMPTION: such a Service that is not in out/, in a namespace
where out/ renders a Gateway, is the gateway implementation's: it selects that Gateway's pods,
on the port the implementation maps (read as any port). Nothing else forwards (the endpoint
pickers do not). Each forwarding hop is also a network edge and must be allowed.
Conservative readings: a backend that is not in out/ (outside LiteLLM's namespace) and a
Service without a selector (manual EndpointSlices) may reach every pod of its namespace (of every
namespace, without a selector); ReferenceGrants are not required; the Gateway's pods may have
different labels on the way in and out.

The proof removes LiteLLM's pods; any remaining path from a source to a vLLM pod's port 8000 is a
bypass. Informational: with LiteLLM in the graph, which sources reach vLLM only through it, who
else reaches vLLM (residual exposure: Prometheus, the endpoint pickers), per rendered Gateway
LiteLLM's paths through it and the routes no listener admits, routes the network denies, what
could not be resolved, and warnings that do not change the verdict: a rendered Gateway's listener
that admits routes from tenants or unknown namespaces, a tenant's route attached to it, and
LiteLLM admitted to vLLM directly although it reaches the models through a rendered Gateway.

Usage:  "$(scripts/python-env tests)" Tests/Reachability/reachability.py [-q] --out out/
Exit:   0 every path passes LiteLLM (one-line summary); 1 the bypassing paths, each hop with the
        rule or object that allows it; 2 the folder cannot be read as a render.
"""

import argparse
import itertools
import os
import re
import sys
from urllib.parse import urlsplit

try:
    import yaml
except ImportError as missing:
    sys.exit("reachability: %s; run it with the tests' Python: \"$(scripts/python-env tests)\" %s"
             % (missing, " ".join(sys.argv)))

VLLM_PORT = 8000
LITELLM_PORT = 4000  # LiteLLM's container port (platc's Conventions.litellmPort)
NAME_LABEL = "kubernetes.io/metadata.name"
APP_NAME = "app.kubernetes.io/name"
TENANT_LABEL = "platc.dev/tenant"
LITELLM_LABELS = {APP_NAME: "litellm"}
PROMETHEUS_LABELS = {APP_NAME: "prometheus"}
MONITORING = "monitoring"
KUBE_SYSTEM = "kube-system"
ELSEWHERE = "elsewhere"
ANY = "any port"
OTHER_VALUE = "reachability-any"
GATEWAY_GROUP = "gateway.networking.k8s.io"
POOL_GROUPS = ("inference.networking.k8s.io", "inference.networking.x-k8s.io")
GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name"  # GEP-1762: on the Gateway's generated resources
LISTENER_KINDS = {"HTTP": ("HTTPRoute", "GRPCRoute"), "HTTPS": ("HTTPRoute", "GRPCRoute"), "TLS": ("TLSRoute",),
                  "TCP": ("TCPRoute",), "UDP": ("UDPRoute",)}  # a listener's default allowedRoutes.kinds
PICKER_REASON = ("endpoint pickers are not sources: they answer the inference Gateway's ext-proc calls and "
                 "scrape vLLM's /metrics, and forward no request (an assumption, docs/request-path.md)")
TEMPLATES = {"Deployment": ("spec", "template"), "StatefulSet": ("spec", "template"),
             "DaemonSet": ("spec", "template"), "ReplicaSet": ("spec", "template"),
             "Job": ("spec", "template"), "CronJob": ("spec", "jobTemplate", "spec", "template"),
             "Pod": ()}
ROUTE_KINDS = ("HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute")
UNRESTRICTED = None  # a side of a hop that no NetworkPolicy selects
SERVICE_HOST = re.compile(r"^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\..*)?$")


class Unusable(Exception):
    """out/ cannot be read as a render (exit 2)."""


# --- reading out/ ---------------------------------------------------------------------------

def read_out(out):
    manifests = os.path.join(out, "manifests")
    if not os.path.isdir(manifests):
        raise Unusable("%s: no manifests/ folder; pass a folder platc rendered" % out)
    objects = []
    for folder, dirs, files in os.walk(manifests):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith((".yaml", ".yml")):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8") as f:
                    docs = list(yaml.safe_load_all(f))
            except (OSError, yaml.YAMLError) as error:
                raise Unusable("%s: %s" % (path, error))
            for doc in docs:
                if isinstance(doc, dict) and doc.get("kind") == "List":
                    objects.extend(item for item in doc.get("items") or [] if isinstance(item, dict))
                elif isinstance(doc, dict):
                    objects.append(doc)
    config = None
    config_path = os.path.join(out, "litellm", "config.yaml")
    if os.path.isfile(config_path):
        try:
            with open(config_path, encoding="utf-8") as f:
                config = yaml.safe_load(f)
        except (OSError, yaml.YAMLError) as error:
            raise Unusable("%s: %s" % (config_path, error))
    return objects, config


def meta(obj):
    return obj.get("metadata") or {}


def ns_of(obj):
    return meta(obj).get("namespace") or "default"


def dig(obj, path):
    for key in path:
        obj = (obj or {}).get(key)
    return obj or {}


def label_str(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def labels_of(mapping):
    return {str(k): label_str(v) for k, v in (mapping or {}).items()}


# --- label selectors ------------------------------------------------------------------------

def matches(selector, labels):
    """Kubernetes label selector semantics; {} matches everything."""
    selector = selector or {}
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(str(key)) != label_str(value):
            return False
    for expr in selector.get("matchExpressions") or []:
        key, op = str(expr.get("key")), expr.get("operator")
        values = [label_str(v) for v in expr.get("values") or []]
        present = key in labels
        if op == "In":
            ok = present and labels[key] in values
        elif op == "NotIn":
            ok = not present or labels[key] not in values
        elif op == "Exists":
            ok = present
        elif op == "DoesNotExist":
            ok = not present
        else:
            raise Unusable("unknown label selector operator %r" % op)
        if not ok:
            return False
    return True


def describe_selector(selector):
    selector = selector or {}
    parts = ["%s=%s" % (k, label_str(v)) for k, v in sorted((selector.get("matchLabels") or {}).items())]
    for expr in selector.get("matchExpressions") or []:
        key, op, values = expr.get("key"), expr.get("operator"), expr.get("values") or []
        if op == "Exists":
            parts.append(str(key))
        elif op == "DoesNotExist":
            parts.append("!%s" % key)
        else:
            parts.append("%s %s (%s)" % (key, op, ", ".join(label_str(v) for v in values)))
    return ",".join(parts) if parts else "any"


def describe_labels(labels):
    return ",".join("%s=%s" % item for item in sorted(labels.items()))


def selector_atoms(selector):
    """The fewest labels that satisfy the selector, and one label breaking each NotIn or
    DoesNotExist requirement (absence breaks the others)."""
    atoms = []
    fewest = labels_of(selector.get("matchLabels"))
    for expr in selector.get("matchExpressions") or []:
        key, op = str(expr.get("key")), expr.get("operator")
        values = [label_str(v) for v in expr.get("values") or []]
        if op == "In" and values and key not in fewest:
            fewest[key] = values[0]
        elif op == "Exists" and key not in fewest:
            fewest[key] = OTHER_VALUE
        elif op == "NotIn" and values:
            atoms.append({key: values[0]})
        elif op == "DoesNotExist":
            atoms.append({key: OTHER_VALUE})
    if fewest and matches(selector, fewest):
        atoms.append(fewest)
    return atoms


def labellings(selectors, forced=None):
    """"Any labels", made finite: none, each atom, every consistent union of two atoms."""
    atoms = []
    for selector in selectors:
        for atom in selector_atoms(selector):
            if atom not in atoms:
                atoms.append(atom)
    found = [{}]
    for a, b in itertools.chain(((a, {}) for a in atoms), itertools.combinations(atoms, 2)):
        if any(a[k] != b[k] for k in set(a) & set(b)):
            continue
        merged = dict(a, **b)
        if merged not in found:
            found.append(merged)
    if forced:
        found = [dict(f, **forced) for f in found]
        unique = []
        for f in found:
            if f not in unique:
                unique.append(f)
        found = unique
    return sorted(found, key=lambda f: (len(f), sorted(f.items())))


# --- NetworkPolicy --------------------------------------------------------------------------

class Policy:
    def __init__(self, obj):
        self.name = meta(obj).get("name")
        self.ns = ns_of(obj)
        spec = obj.get("spec") or {}
        self.selector = spec.get("podSelector") or {}
        self.ingress = [rule or {} for rule in spec.get("ingress") or []]
        self.egress = [rule or {} for rule in spec.get("egress") or []]
        types = spec.get("policyTypes") or []
        if not types:  # the API server's default
            types = ["Ingress"] + (["Egress"] if self.egress else [])
        self.types = set(types)

    def __str__(self):
        return "NetworkPolicy %s/%s" % (self.ns, self.name)

    def peers(self):
        for rule in self.ingress:
            yield from rule.get("from") or []
        for rule in self.egress:
            yield from rule.get("to") or []


def peer_matches(peer, policy_ns, ns_name, ns_labels, pod_labels):
    if peer.get("ipBlock") is not None:
        return True  # conservative: the CIDR may cover pod IPs
    ns_sel, pod_sel = peer.get("namespaceSelector"), peer.get("podSelector")
    if ns_sel is None and pod_sel is None:
        return True  # rejected by the API server; read as "anything"
    ns_ok = ns_name == policy_ns if ns_sel is None else matches(ns_sel, ns_labels)
    return ns_ok and (pod_sel is None or matches(pod_sel, pod_labels))


def describe_peer(peer, policy_ns):
    if peer.get("ipBlock") is not None:
        return "ipBlock %s (read as covering every pod)" % (peer["ipBlock"] or {}).get("cidr")
    ns_sel, pod_sel = peer.get("namespaceSelector"), peer.get("podSelector")
    if ns_sel is None and pod_sel is None:
        return "an empty peer (read as anything)"
    if ns_sel is None:
        where = "its own namespace %s" % policy_ns
    elif not (ns_sel.get("matchLabels") or ns_sel.get("matchExpressions")):
        where = "every namespace"
    elif not ns_sel.get("matchExpressions") and list(ns_sel["matchLabels"]) == [NAME_LABEL]:
        where = "namespace %s" % label_str(ns_sel["matchLabels"][NAME_LABEL])
    else:
        where = "namespaces %s" % describe_selector(ns_sel)
    if pod_sel is None or not (pod_sel.get("matchLabels") or pod_sel.get("matchExpressions")):
        return where if ns_sel is not None else "every pod of %s" % where
    return "pods %s in %s" % (describe_selector(pod_sel), where)


def port_matches(entries, dst, port):
    if not entries:
        return True
    for entry in entries:
        entry = entry or {}
        if (entry.get("protocol") or "TCP") != "TCP":
            continue
        number = entry.get("port")
        if number is None or port == ANY:
            return True
        if isinstance(number, int) and not isinstance(number, bool):
            end = entry.get("endPort")
            if number == port or (isinstance(end, int) and number <= port <= end):
                return True
        elif dst.ports == ANY or any(name == str(number) and value == port for name, value in dst.ports):
            return True
    return False


class Network:
    def __init__(self, policies):
        self.policies = sorted(policies, key=lambda p: (p.ns, p.name))
        self.by_ns = {}
        for policy in self.policies:
            self.by_ns.setdefault(policy.ns, []).append(policy)

    def side(self, direction, pod_ns, pod_labels, peer_ns, peer_ns_labels, peer_labels, dst, port):
        """UNRESTRICTED, the allowing rule's description, or False."""
        selecting = [p for p in self.by_ns.get(pod_ns, ())
                     if direction in p.types and matches(p.selector, pod_labels)]
        if not selecting:
            return UNRESTRICTED
        word, field = ("ingress from", "from") if direction == "Ingress" else ("egress to", "to")
        for policy in selecting:
            for rule in policy.ingress if direction == "Ingress" else policy.egress:
                if not port_matches(rule.get("ports"), dst, port):
                    continue
                peers = rule.get(field) or []
                if not peers:
                    return "%s %s anywhere" % (policy, word)
                for peer in peers:
                    if peer_matches(peer or {}, policy.ns, peer_ns, peer_ns_labels, peer_labels):
                        return "%s %s %s" % (policy, word, describe_peer(peer or {}, policy.ns))
        return False

    def connect(self, a, b, port):
        """The first labelling that lets a reach b on port, as a Hop, or None."""
        if a is b:
            return Hop(a.ns.variants[0], a.variants[0], UNRESTRICTED, "itself")
        for a_ns_labels, a_labels in a.identities():
            for b_ns_labels, b_labels in b.identities():
                egress = self.side("Egress", a.ns.name, a_labels, b.ns.name, b_ns_labels, b_labels, b, port)
                if egress is False:
                    continue
                ingress = self.side("Ingress", b.ns.name, b_labels, a.ns.name, a_ns_labels, a_labels, b, port)
                if ingress is False:
                    continue
                return Hop(a_ns_labels, a_labels, egress, ingress)
        return None

    def why_denied(self, a, b, port):
        for a_ns_labels, a_labels in a.identities():
            for b_ns_labels, b_labels in b.identities():
                if self.side("Egress", a.ns.name, a_labels, b.ns.name, b_ns_labels, b_labels, b, port) is not False:
                    selecting = [str(p) for p in self.policies if p.ns == b.ns.name and "Ingress" in p.types
                                 and matches(p.selector, b_labels)]
                    return "no ingress rule of %s admits it" % ", ".join(selecting)
        selecting = sorted({str(p) for _, labels in a.identities() for p in self.policies
                            if p.ns == a.ns.name and "Egress" in p.types and matches(p.selector, labels)})
        return "no egress rule of %s lets it out" % ", ".join(selecting)


class Hop:
    def __init__(self, src_ns_labels, src_labels, egress, ingress):
        self.src_ns_labels, self.src_labels = src_ns_labels, src_labels
        self.egress, self.ingress = egress, ingress

    def admission(self):
        text = ("admitted: no NetworkPolicy selects it for ingress" if self.ingress is UNRESTRICTED
                else "admitted by %s" % self.ingress)
        if self.egress is not UNRESTRICTED:
            text += "; out by %s" % self.egress
        return text


# --- the model ------------------------------------------------------------------------------

class Namespace:
    def __init__(self, name, labels, kind, variants=None):
        self.name, self.kind = name, kind
        self.labels = dict(labels, **{NAME_LABEL: name})
        self.variants = [dict(v, **{NAME_LABEL: name}) for v in variants] if variants else [self.labels]


class Pod:
    def __init__(self, display, ns, variants, ports, role, source):
        self.display, self.ns, self.variants, self.ports = display, ns, variants, ports
        self.role, self.source = role, source
        self.rendered, self.gateway = False, None  # a rendered Gateway's pods, and which
        self.base = variants[0]
        self.targets = []  # forwarding: (pod, port, [hop descriptions])

    def identities(self):
        for ns_labels in self.ns.variants:
            for labels in self.variants:
                yield ns_labels, labels

    def listen_ports(self):
        return [ANY] if self.ports == ANY else sorted({number for _, number in self.ports})

    def as_source(self, hop):
        extra = {k: v for k, v in hop.src_labels.items() if self.base.get(k) != v}
        ns_extra = {k: v for k, v in hop.src_ns_labels.items() if self.ns.labels.get(k) != v}
        text = self.display
        if extra:
            text += " labelled %s" % describe_labels(extra)
        if ns_extra:
            text += " in a namespace labelled %s" % describe_labels(ns_extra)
        return text


def container_ports(spec):
    ports = []
    for container in (spec.get("initContainers") or []) + (spec.get("containers") or []):
        for port in container.get("ports") or []:
            if (port.get("protocol") or "TCP") == "TCP" and isinstance(port.get("containerPort"), int):
                ports.append((port.get("name"), port["containerPort"]))
    return ports


class Model:
    def __init__(self, objects, config, litellm_ns=None):
        self.notes = []
        by_kind = {}
        for obj in objects:
            by_kind.setdefault(obj.get("kind"), []).append(obj)
        self.policies = [Policy(o) for o in by_kind.get("NetworkPolicy", [])]
        self.network = Network(self.policies)
        self.services = {(ns_of(o), meta(o).get("name")): o for o in by_kind.get("Service", [])}
        self.pools = {(ns_of(o), meta(o).get("name")): o for o in by_kind.get("InferencePool", [])}
        self.routes = [o for kind in ROUTE_KINDS for o in by_kind.get(kind, [])]
        self.config = config if isinstance(config, dict) else {}
        self.warnings = []
        # Gateways out/ renders (the inference gateway): their data plane is modelled from the object
        self.rendered_gateways = {(ns_of(o), meta(o).get("name")): o for o in by_kind.get("Gateway", [])
                                  if str(o.get("apiVersion") or "").split("/")[0] == GATEWAY_GROUP
                                  and meta(o).get("name")}
        self.attached, self.unattached = {}, {}  # per rendered Gateway: [(route label, listeners)], [(label, why)]

        # namespaces
        self.namespaces = {}
        for obj in by_kind.get("Namespace", []):
            labels = labels_of(meta(obj).get("labels"))
            kind = "tenant" if TENANT_LABEL in labels else "rendered"
            self.namespaces[meta(obj).get("name")] = Namespace(meta(obj).get("name"), labels, kind)
        self.litellm_ns = litellm_ns or self.find_litellm_namespace(by_kind)
        self.add_namespace(self.litellm_ns, "litellm")
        self.gateways = []
        for route in self.routes:
            for ref in (route.get("spec") or {}).get("parentRefs") or []:
                if (ref.get("kind") or "Gateway") == "Gateway" and (ref.get("group") or GATEWAY_GROUP) == GATEWAY_GROUP:
                    gateway = (ref.get("namespace") or ns_of(route), ref.get("name"))
                    if gateway not in self.gateways:
                        self.gateways.append(gateway)
                elif (ref.get("kind") or "Gateway") != "Gateway":
                    self.notes.append("%s %s/%s: parentRef %s %s is not a Gateway; mesh routing is "
                                      "client-side and not modelled (the client's own hop is)" % (
                                          route["kind"], ns_of(route), meta(route).get("name"),
                                          ref.get("kind"), ref.get("name")))
        for gateway in sorted(self.rendered_gateways):
            if gateway not in self.gateways:
                self.gateways.append(gateway)
        gateway_namespaces = sorted({ns for ns, _ in self.gateways})
        # a Gateway out/ does not render (the edge): its pods stand for every pod of its namespace
        edge_namespaces = sorted({ns for ns, name in self.gateways if (ns, name) not in self.rendered_gateways})
        for ns in gateway_namespaces:
            self.add_namespace(ns, "gateway")
        self.add_namespace(MONITORING, "monitoring")
        self.add_namespace(KUBE_SYSTEM, "kube-system")
        for policy in self.policies:
            self.add_namespace(policy.ns, "named")
            for peer in policy.peers():
                for name in named_namespaces((peer or {}).get("namespaceSelector")):
                    self.add_namespace(name, "named")
        for obj in objects:
            if meta(obj).get("namespace"):
                self.add_namespace(meta(obj)["namespace"], "named")
        pod_selectors = [p.selector for p in self.policies] + [
            (peer or {}).get("podSelector") for p in self.policies for peer in p.peers()]
        ns_selectors = [(peer or {}).get("namespaceSelector") for p in self.policies for peer in p.peers()]
        elsewhere = ELSEWHERE
        while elsewhere in self.namespaces:
            elsewhere += "-x"
        self.namespaces[elsewhere] = Namespace(elsewhere, {}, "elsewhere",
                                               labellings([s for s in ns_selectors if s], {NAME_LABEL: elsewhere}))
        any_labels = labellings([s for s in pod_selectors if s])
        picker_services = self.find_picker_services()

        # pods
        self.pods = []
        self.vllm = []
        self.pickers = []
        picker_identities = {}
        rendered_litellm = []
        workloads = []
        for kind, path in TEMPLATES.items():
            for obj in by_kind.get(kind, []):
                template = dig(obj, path) if path else obj
                workloads.append((kind, obj, labels_of(meta(template).get("labels")), template.get("spec") or {}))
        vllm_names = [meta(o).get("name") for _, o, labels, spec in workloads if is_vllm(labels, spec)]
        for kind, obj, labels, spec in workloads:
            ns = self.namespaces[ns_of(obj)]
            name = meta(obj).get("name")
            if is_vllm(labels, spec):
                display = "vllm pod %s" % (name if vllm_names.count(name) == 1 else "%s/%s" % (ns.name, name))
                pod = Pod(display, ns, [labels], container_ports(spec), "vllm", True)
                self.vllm.append(pod)
            elif ns.name == self.litellm_ns and all(labels.get(k) == v for k, v in LITELLM_LABELS.items()):
                pod = Pod("LiteLLM pod in %s (%s %s)" % (ns.name, kind, name), ns, [labels],
                          container_ports(spec) or [("http", LITELLM_PORT)], "litellm", False)
                rendered_litellm.append(pod)
            elif any(p_ns == ns.name and matches({"matchLabels": sel}, labels) for p_ns, sel, _ in picker_services):
                # an endpoint picker: reaches vLLM (metrics), forwards nothing; residual exposure
                pod = Pod("endpoint picker pod of %s %s/%s" % (kind, ns.name, name), ns, [labels],
                          container_ports(spec), "picker", False)
                self.pickers.append(pod)
                selector = next(sel for p_ns, sel, _ in picker_services
                                if p_ns == ns.name and matches({"matchLabels": sel}, labels))
                identity = {APP_NAME: labels[APP_NAME]} if APP_NAME in labels else labels_of(selector)
                if identity not in picker_identities.setdefault(ns.name, []):
                    picker_identities[ns.name].append(identity)
            else:
                pod = Pod("pod of %s %s/%s" % (kind, ns.name, name), ns, [labels], container_ports(spec),
                          "workload", True)
            self.pods.append(pod)
        self.litellm = rendered_litellm or [Pod("LiteLLM pod in %s" % self.litellm_ns, self.namespaces[self.litellm_ns],
                                                [dict(LITELLM_LABELS)], [("http", LITELLM_PORT)], "litellm", False)]
        if not rendered_litellm:
            self.pods.extend(self.litellm)
        self.prometheus = Pod("Prometheus pod in %s" % MONITORING, self.namespaces[MONITORING],
                              [dict(PROMETHEUS_LABELS)], [("web", 9090)], "prometheus", False)
        self.pods.append(self.prometheus)
        self.gateway_pods = {}
        for ns, name in self.gateways:
            if (ns, name) in self.rendered_gateways:
                # GEP-1762: the implementation's pods carry the Gateway's name, in its namespace; any
                # other labels, any port (the implementation maps the listener port). Not a source:
                # the way through, behind LiteLLM; who reaches them is what the proof checks.
                pod = Pod("gateway pods %s/%s" % (ns, name), self.namespaces[ns],
                          labellings([s for s in pod_selectors if s], {GATEWAY_NAME_LABEL: name}),
                          ANY, "gateway", False)
                pod.rendered, pod.gateway = True, (ns, name)
            else:
                same_ns = [g for g in self.gateways if g[0] == ns and g not in self.rendered_gateways]
                display = "pod in %s (the Gateway's pods)" % ns if len(same_ns) == 1 else \
                    "pod in %s (the Gateway %s's pods)" % (ns, name)
                # they stand for every pod of the namespace but a rendered Gateway's there (the
                # contract lets the inference gateway share the edge Gateway's namespace)
                rendered_here = [g_name for g_ns, g_name in self.rendered_gateways if g_ns == ns]
                variants = [v for v in any_labels if v.get(GATEWAY_NAME_LABEL) not in rendered_here]
                pod = Pod(display, self.namespaces[ns], variants, ANY, "gateway", True)
            self.gateway_pods[(ns, name)] = pod
            self.pods.append(pod)
        serving = {pod.ns.name for pod in self.vllm}
        for ns in sorted(self.namespaces.values(), key=lambda n: n.name):
            if ns.name in edge_namespaces:
                continue
            variants = any_labels
            identities = []
            if ns.name == self.litellm_ns:
                what = "not LiteLLM"
                identities.append(LITELLM_LABELS)
            elif ns.name == MONITORING:
                what = "not Prometheus"
                identities.append(PROMETHEUS_LABELS)
            else:
                what = {"tenant": "a tenant", "elsewhere": "any namespace platc does not know"}.get(ns.kind)
                if ns.name in serving:
                    what = "not a vLLM pod"
            # pods carrying a rendered Gateway's name or an endpoint picker's identity are those
            # (who may create pods there is that namespace's RBAC, outside platc)
            gateway_names = [name for g_ns, name in self.rendered_gateways if g_ns == ns.name]
            if gateway_names:
                identities.extend({GATEWAY_NAME_LABEL: name} for name in gateway_names)
                what = "%s, not the Gateway's pods" % what if what else "not the Gateway's pods"
            if picker_identities.get(ns.name):
                identities.extend(picker_identities[ns.name])
                what = "%s, not an endpoint picker" % what if what else "not an endpoint picker"
            if identities:
                variants = [v for v in variants
                            if not any(all(v.get(k) == val for k, val in identity.items()) for identity in identities)]
            display = "pod in %s (%s)" % (ns.name, what) if what else "pod in %s" % ns.name
            self.pods.append(Pod(display, ns, variants, ANY, "other", True))
        self.sources = [p for p in self.pods if p.source]
        self.forwarders = list(self.gateway_pods.values()) + self.litellm

        # forwarding
        self.litellm_ports = {LITELLM_PORT}
        for (ns, name), pod in self.gateway_pods.items():
            pod.targets = self.route_targets(ns, name)
        for pod in self.litellm:
            if pod.ports != ANY:
                pod.ports = sorted(set(pod.ports) | {("http", p) for p in self.litellm_ports})
            pod.targets = self.litellm_targets()
        self.check_listeners()

    def add_namespace(self, name, kind):
        if name and name not in self.namespaces:
            self.namespaces[name] = Namespace(name, {}, kind)

    def find_picker_services(self):
        """(namespace, selector, pool) of each InferencePool's endpoint picker Service."""
        found = []
        for (ns, name), pool in sorted(self.pools.items()):
            spec = pool.get("spec") or {}
            ref = spec.get("endpointPickerRef") or spec.get("extensionRef")  # v1 / v1alpha2
            if not isinstance(ref, dict) or not ref.get("name"):
                continue
            if (ref.get("kind") or "Service") != "Service" or (ref.get("group") or "") != "":
                self.notes.append("InferencePool %s/%s: endpoint picker %s %s is not a Service; its pods are "
                                  "not known here (they count as other pods)" % (ns, name, ref.get("kind"), ref["name"]))
                continue
            svc = self.services.get((ns, ref["name"]))
            selector = ((svc or {}).get("spec") or {}).get("selector")
            if not selector:
                self.notes.append("InferencePool %s/%s: endpoint picker Service %s/%s %s; no workload is taken "
                                  "for its picker" % (ns, name, ns, ref["name"],
                                                      "is not in out/" if svc is None else "has no selector"))
                continue
            found.append((ns, labels_of(selector), name))
        return found

    def namespace_may_match(self, ns_name, selector):
        """Whether a namespace's labels may match: a rendered Namespace's are known; another's are
        its name plus anything (as for `elsewhere`)."""
        ns = self.namespaces.get(ns_name)
        if ns is not None and ns.kind in ("rendered", "tenant"):
            return matches(selector, ns.labels)
        return any(matches(selector, labels) for labels in labellings([selector], {NAME_LABEL: ns_name}))

    def listener_admits(self, gateway_ns, listener, route):
        """(admits?, what the listener admits) per allowedRoutes (namespaces: Same, All, Selector; kinds)."""
        allowed = listener.get("allowedRoutes") or {}
        namespaces = allowed.get("namespaces") or {}
        origin = namespaces.get("from") or "Same"
        route_ns = ns_of(route)
        if origin == "Same":
            ok, where = route_ns == gateway_ns, "its own namespace %s" % gateway_ns
        elif origin == "All":
            ok, where = True, "every namespace"
        elif origin == "Selector":
            selector = namespaces.get("selector") or {}
            ok, where = self.namespace_may_match(route_ns, selector), "namespaces %s" % describe_selector(selector)
        else:
            ok, where = True, "%r (unknown: read as every namespace)" % origin
        kinds = allowed.get("kinds")
        if kinds:
            names = [k.get("kind") for k in kinds if (k.get("group") or GATEWAY_GROUP) == GATEWAY_GROUP]
        else:
            names = LISTENER_KINDS.get(str(listener.get("protocol") or "").upper())
        if names is not None and route.get("kind") not in names:
            ok = False
        return ok, "%s from %s" % ("/".join(str(n) for n in names) + "s" if names else "routes of any kind", where)

    def attaching_listeners(self, gateway_ns, gateway, route, refs):
        """The listeners of a rendered Gateway a route attaches to through refs, and why not when none.
        Hostnames are not intersected (a route that attaches elsewhere too is kept: conservative)."""
        listeners = (gateway.get("spec") or {}).get("listeners") or []
        admitted, refused = [], []
        for ref in refs:
            for listener in listeners:
                if ref.get("sectionName") is not None and listener.get("name") != ref.get("sectionName"):
                    continue
                if ref.get("port") is not None and listener.get("port") != ref.get("port"):
                    continue
                ok, what = self.listener_admits(gateway_ns, listener, route)
                name = listener.get("name") or "?"
                if ok and name not in admitted:
                    admitted.append(name)
                elif not ok:
                    refused.append("listener %s admits %s" % (name, what))
        if admitted:
            return admitted, None
        return [], "; ".join(refused) or "no listener matches its parentRef (sectionName/port)"

    def check_listeners(self):
        """Warnings: a rendered Gateway's listener that admits routes from namespaces platc does not
        know, or from tenants (whoever writes routes there steers the requests LiteLLM sends)."""
        unknown = {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
                   "metadata": {"namespace": "%s-route" % ELSEWHERE}}
        for (ns, name), gateway in sorted(self.rendered_gateways.items()):
            for listener in (gateway.get("spec") or {}).get("listeners") or []:
                ok, what = self.listener_admits(ns, listener, unknown)
                tenants = [t for t in sorted(self.namespaces) if self.namespaces[t].kind == "tenant"
                           and self.listener_admits(ns, listener, {"kind": "HTTPRoute",
                                                                   "metadata": {"namespace": t}})[0]]
                if ok or tenants:
                    self.warnings.append(
                        "listener %s of Gateway %s/%s admits %s, so %s can attach routes to it and steer the "
                        "requests LiteLLM sends it (and the vLLM key they carry); the proof holds while only "
                        "LiteLLM reaches its pods" % (listener.get("name"), ns, name, what,
                                                      "any namespace" if ok else "tenants (%s)" % ", ".join(tenants)))

    def find_litellm_namespace(self, by_kind):
        found = sorted({ns_of(o) for o in by_kind.get("ConfigMap", [])
                        if meta(o).get("name") == "litellm-config"
                        or labels_of(meta(o).get("labels")).get(APP_NAME) == "litellm"})
        if not found:
            for policy in self.policies:
                for rule in policy.egress:
                    for peer in rule.get("to") or []:
                        if matches((peer or {}).get("podSelector") or {"matchLabels": {"x": "never"}}, LITELLM_LABELS):
                            found.extend(named_namespaces((peer or {}).get("namespaceSelector")))
            found = sorted(set(found))
        if len(found) != 1:
            raise Unusable("cannot tell LiteLLM's namespace (%s); pass --litellm-namespace"
                           % (", ".join(found) or "no litellm ConfigMap, no egress rule to LiteLLM's pods"))
        return found[0]

    # --- forwarding targets

    def target_pods(self, ns=None):
        return [p for p in self.vllm + self.forwarders if ns is None or p.ns.name == ns]

    def route_targets(self, gateway_ns, gateway_name):
        targets = []
        for route in self.routes:
            route_ns = ns_of(route)
            refs = [ref for ref in (route.get("spec") or {}).get("parentRefs") or []
                    if (ref.get("kind") or "Gateway") == "Gateway"
                    and (ref.get("group") or GATEWAY_GROUP) == GATEWAY_GROUP
                    and (ref.get("namespace") or route_ns) == gateway_ns and ref.get("name") == gateway_name]
            if not refs:
                continue
            label = "%s %s/%s" % (route["kind"], route_ns, meta(route).get("name"))
            gateway = self.rendered_gateways.get((gateway_ns, gateway_name))
            if gateway is not None:
                listeners, why = self.attaching_listeners(gateway_ns, gateway, route, refs)
                if not listeners:
                    self.unattached.setdefault((gateway_ns, gateway_name), []).append((label, why))
                    continue
                self.attached.setdefault((gateway_ns, gateway_name), []).append((label, listeners))
                if self.namespaces.get(route_ns) is not None and self.namespaces[route_ns].kind == "tenant":
                    self.warnings.append("%s in tenant namespace %s is attached to Gateway %s/%s (listener %s): "
                                         "a tenant's route steers the requests LiteLLM sends" % (
                                             label, route_ns, gateway_ns, gateway_name, ", ".join(listeners)))
            for rule in (route.get("spec") or {}).get("rules") or []:
                refs = [(ref, "") for ref in rule.get("backendRefs") or []]
                filters = list(rule.get("filters") or [])
                for ref in rule.get("backendRefs") or []:
                    filters.extend(ref.get("filters") or [])
                refs.extend(((f.get("requestMirror") or {}).get("backendRef"), " (request mirror)")
                            for f in filters if (f or {}).get("requestMirror"))
                for ref, how in refs:
                    if not ref or not ref.get("name"):
                        continue
                    for pod, port, via in self.backend(ref, route_ns):
                        targets.append((pod, port, [label + how] + via))
        return targets

    def backend(self, ref, route_ns):
        group, kind = ref.get("group") or "", ref.get("kind") or "Service"
        ns, name = ref.get("namespace") or route_ns, ref.get("name")
        if group == "" and kind == "Service":
            return self.service(ns, name, ref.get("port"))
        if kind == "InferencePool" and group in POOL_GROUPS:
            return self.pool(ns, name, route_ns)
        self.notes.append("backend %s %s/%s: an unknown kind, assumed to reach every pod of %s" % (kind, ns, name, ns))
        return [(p, port, ["%s %s/%s (unknown kind)" % (kind, ns, name)])
                for p in self.target_pods(ns) for port in p.listen_ports()]

    def service(self, ns, name, port, depth=0, gateway_service=False):
        svc = self.services.get((ns, name))
        shown = "Service %s/%s%s" % (ns, name, ":%s" % port if port is not None else "")
        if svc is None:
            gateways = [pod for (g_ns, g_name), pod in self.gateway_pods.items()
                        if g_ns == ns and (g_ns, g_name) in self.rendered_gateways]
            if gateway_service and gateways:
                self.notes.append("%s is not in out/: read as the gateway implementation's Service of the Gateway "
                                  "rendered in %s (ASSUMPTION: it selects the pods labelled %s=<Gateway name> "
                                  "in %s, on the port the implementation maps)" % (shown, ns, GATEWAY_NAME_LABEL, ns))
                return [(p, ANY, ["%s (not in out/: the gateway implementation's, assumed to select the %s)"
                                  % (shown, p.display)]) for p in gateways]
            if ns == self.litellm_ns:
                number = port if isinstance(port, int) else LITELLM_PORT
                self.litellm_ports.add(number)
                return [(p, number, ["%s (not in out/: assumed to select LiteLLM's pods)" % shown]) for p in self.litellm]
            self.notes.append("%s is not in out/: assumed to reach every pod of %s" % (shown, ns))
            return [(p, q, ["%s (not in out/)" % shown]) for p in self.target_pods(ns) for q in p.listen_ports()]
        spec = svc.get("spec") or {}
        if spec.get("type") == "ExternalName":
            target = cluster_service(str(spec.get("externalName") or ""), ns)
            if target and depth < 3:
                return [(p, q, [shown + " (ExternalName)"] + via)
                        for p, q, via in self.service(target[0], target[1], port, depth + 1)]
            return []
        selector = spec.get("selector")
        if not selector:
            self.notes.append("%s has no selector: its EndpointSlices may name any pod" % shown)
            return [(p, q, ["%s (no selector)" % shown]) for p in self.target_pods() for q in p.listen_ports()]
        chosen = [sp for sp in spec.get("ports") or [] if port is None or sp.get("port") == port]
        if not chosen:
            self.notes.append("%s: the Service has no such port" % shown)
        targets = []
        for sp in chosen:
            target_port = sp.get("targetPort", sp.get("port"))
            for pod in self.target_pods(ns):
                if not any(matches({"matchLabels": selector}, labels) for labels in pod.variants):
                    continue
                if isinstance(target_port, int):
                    numbers = [target_port]
                elif pod.ports == ANY:
                    numbers = [ANY]
                else:
                    numbers = [value for pname, value in pod.ports if pname == target_port]
                for number in numbers:
                    targets.append((pod, number, ["Service %s/%s:%s" % (ns, name, sp.get("port"))]))
        return targets

    def pool(self, ns, name, route_ns):
        pool = self.pools.get((ns, name))
        shown = "InferencePool %s" % (name if ns == route_ns else "%s/%s" % (ns, name))
        if pool is None:
            self.notes.append("%s/%s is not in out/: assumed to reach every pod of %s" % (shown, ns, ns))
            return [(p, q, [shown + " (not in out/)"]) for p in self.target_pods(ns) for q in p.listen_ports()]
        spec = pool.get("spec") or {}
        selector = spec.get("selector") or {}
        if not ("matchLabels" in selector or "matchExpressions" in selector):
            selector = {"matchLabels": selector}  # v1alpha2: a plain map
        numbers = [p.get("number") for p in spec.get("targetPorts") or [] if isinstance(p, dict)]
        if spec.get("targetPortNumber") is not None:
            numbers.append(spec["targetPortNumber"])
        return [(pod, number, [shown]) for pod in self.target_pods(ns)
                if any(matches(selector, labels) for labels in pod.variants) for number in numbers]

    def litellm_targets(self):
        targets = []
        for entry in self.config.get("model_list") or []:
            params = (entry or {}).get("litellm_params") or {}
            base = params.get("api_base")
            model = (entry or {}).get("model_name")
            if not isinstance(base, str) or not base or base.startswith("os.environ/"):
                if base:
                    self.notes.append("LiteLLM model %s: api_base %s is not known here" % (model, base))
                continue
            url = urlsplit(base)
            target = cluster_service(url.hostname or "", self.litellm_ns)
            if target is None:
                self.notes.append("LiteLLM model %s: api_base %s is outside the cluster" % (model, base))
                continue
            port = url.port or (443 if url.scheme == "https" else 80)
            for pod, number, via in self.service(target[0], target[1], port, gateway_service=True):
                targets.append((pod, number, ["LiteLLM model %s (api_base %s)" % (model, base)] + via))
        return targets


def named_namespaces(selector):
    """The namespace names a selector pins through kubernetes.io/metadata.name."""
    selector = selector or {}
    names = []
    if NAME_LABEL in (selector.get("matchLabels") or {}):
        names.append(label_str(selector["matchLabels"][NAME_LABEL]))
    for expr in selector.get("matchExpressions") or []:
        if expr.get("key") == NAME_LABEL and expr.get("operator") == "In":
            names.extend(label_str(v) for v in expr.get("values") or [])
    return names


def is_vllm(labels, spec):
    return labels.get(APP_NAME) == "vllm" or any(c.get("name") == "vllm" for c in spec.get("containers") or [])


def cluster_service(host, default_ns):
    """(namespace, Service) of an in-cluster host name, or None."""
    host = host.rstrip(".").lower()
    found = SERVICE_HOST.match(host)
    if found:
        return found.group(3), found.group(1)
    parts = host.split(".")
    if re.fullmatch(r"[0-9.]+|\[.*\]", host) or not host:
        return None
    if len(parts) == 1:
        return default_ns, parts[0]
    if len(parts) == 2:  # <svc>.<ns> through the pod's DNS search path
        return parts[1], parts[0]
    return None


# --- the proof ------------------------------------------------------------------------------

class Path:
    def __init__(self, source, target, text, chain=()):
        self.source, self.target, self.text = source, target, text
        self.chain = tuple(chain)  # the forwarders it passes, the source first if it forwards; () = direct


def paths_from(model, source, without_litellm):
    """Every path from source to a vLLM pod's port 8000, as text."""
    net = model.network
    found = []
    blocked = []

    def excluded(pod):
        return without_litellm and pod.role == "litellm"

    def expand(forwarder, prefix, seen, chain):
        for target, port, via in forwarder.targets:
            if excluded(target) or target in seen:
                continue
            hop = net.connect(forwarder, target, port)
            if target.role == "vllm":
                if port not in (VLLM_PORT, ANY):
                    continue
                if hop is None:
                    blocked.append("%s → %s → %s:%s: %s" % (forwarder.display, " → ".join(via), target.display,
                                                            VLLM_PORT, net.why_denied(forwarder, target, VLLM_PORT)))
                    continue
                found.append(Path(source, target, "%s → %s → %s:%s, %s" % (
                    prefix, " → ".join(via), target.display, VLLM_PORT, hop.admission()), chain))
            elif target in model.forwarders and hop is not None:
                shown = "any port" if port == ANY else "port %s" % port
                expand(target, "%s → %s → %s [%s, %s]" % (prefix, " → ".join(via), target.display, shown,
                                                          hop.admission()), seen | {target}, chain + (target,))

    for target in model.vllm:
        if target is source:
            continue
        hop = net.connect(source, target, VLLM_PORT)
        if hop is not None:
            found.append(Path(source, target, "%s → %s:%s directly, %s" % (
                source.as_source(hop), target.display, VLLM_PORT, hop.admission())))
    if source in model.forwarders:
        expand(source, source.display, {source}, (source,))
    for forwarder in model.forwarders:
        if forwarder is source or excluded(forwarder):
            continue
        for port in forwarder.listen_ports():
            hop = net.connect(source, forwarder, port)
            if hop is not None:
                shown = "any port" if port == ANY else "port %s" % port
                expand(forwarder, "%s → %s [%s, %s]" % (source.as_source(hop), forwarder.display, shown,
                                                        hop.admission()), {source, forwarder}, (forwarder,))
                break
    unique = {}
    for path in found:
        unique.setdefault(path.text, path)
    return sorted(unique.values(), key=lambda p: (p.target.display, p.text)), blocked


def gateway_report(model):
    """Per rendered Gateway: who of LiteLLM reaches its pods, each attached route's hops to vLLM
    (admitted or denied), and the routes no listener admits. Informational."""
    net = model.network
    report = []
    for key, gateway in sorted((k, p) for k, p in model.gateway_pods.items() if p.rendered):
        lines = []
        entries = []
        for pod in model.litellm:
            hop = net.connect(pod, gateway, ANY)
            if hop is not None and any(t is gateway for t, _, _ in pod.targets):
                entries.append("%s → %s [any port, %s]" % (pod.display, gateway.display, hop.admission()))
        if not entries:
            lines.append("no LiteLLM pod forwards to it through the network")
            entries = [gateway.display]
        routes = {}
        for target, port, via in gateway.targets:
            if target.role != "vllm" or port not in (VLLM_PORT, ANY):
                continue
            hop = net.connect(gateway, target, VLLM_PORT)
            tail = "%s → %s:%s" % (" → ".join(via), target.display, VLLM_PORT)
            routes.setdefault(via[0], []).append(
                "%s, %s" % (tail, hop.admission()) if hop is not None
                else "%s: denied, %s" % (tail, net.why_denied(gateway, target, VLLM_PORT)))
        for label, listeners in model.attached.get(key, []):
            if label not in routes and label + " (request mirror)" not in routes:
                lines.append("%s (listener %s) → no vLLM pod" % (label, ", ".join(listeners)))
        for label in sorted(routes):
            for tail in sorted(set(routes[label])):
                lines.extend("%s → %s" % (entry, tail) for entry in entries)
        for label, why in model.unattached.get(key, []):
            lines.append("not attached: %s: %s" % (label, why))
        report.append((gateway, lines))
    return report


def prove(model):
    bypasses, through, residual, blocked = [], {}, [], []
    for source in model.sources:
        paths, dead = paths_from(model, source, without_litellm=True)
        bypasses.extend(paths)
        blocked.extend(dead)
        with_litellm, _ = paths_from(model, source, without_litellm=False)
        extra = [p for p in with_litellm if p.text not in {b.text for b in paths}]
        if extra:
            through[source] = extra
    residual = paths_from(model, model.prometheus, without_litellm=True)[0]
    pickers = [path for pod in model.pickers for path in paths_from(model, pod, without_litellm=True)[0]]
    intended, direct = {}, []
    for pod in model.litellm:
        paths = paths_from(model, pod, without_litellm=False)[0]
        intended[pod] = {p.target for p in paths}
        # through a rendered Gateway (the inference gateway), LiteLLM needs no admission of its own:
        # report one it has to a vLLM pod it does not itself forward to (LiteLLM is the way through:
        # not a bypass, but more than the mode needs)
        if any(f.rendered for p in paths for f in p.chain):
            forwarded = {p.target for p in paths if p.chain == (pod,)}
            direct.extend(p for p in paths if not p.chain and p.target not in forwarded)
    return bypasses, through, residual + pickers, intended, sorted(set(blocked)), direct


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="a folder platc rendered (out/)")
    parser.add_argument("--litellm-namespace", help="LiteLLM's namespace, when out/ does not tell")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print only the bypasses (if any) and the summary")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        objects, config = read_out(args.out)
        model = Model(objects, config, args.litellm_namespace)
    except Unusable as error:
        print("reachability: %s" % error, file=sys.stderr)
        return 2
    bypasses, through, residual, intended, blocked, direct = prove(model)
    sources, pods = len(model.sources), len(model.vllm)
    if not args.quiet:
        print("%s: %d sources: %s" % (args.out, sources, "; ".join(s.display for s in model.sources)))
        print("%s: %d vLLM pods: %s" % (args.out, pods, ", ".join(p.display for p in model.vllm) or "none"))
        if through:
            print("through LiteLLM (LiteLLM in the graph):")
            for source, paths in through.items():
                print("  %s reaches %d of %d vLLM pods, e.g. %s" % (
                    source.display, len({p.target for p in paths}), pods, paths[0].text))
        for pod, targets in intended.items():
            print("%s reaches %d of %d vLLM pods (the way through)" % (pod.display, len(targets), pods))
        for gateway, lines in gateway_report(model):
            print("%s (the pods of the rendered Gateway: labelled %s=%s in %s; not a source, the way "
                  "through behind LiteLLM):" % (gateway.display, GATEWAY_NAME_LABEL, gateway.gateway[1],
                                                gateway.ns.name))
            for line in lines:
                print("  " + line)
        if residual:
            print("residual exposure (reaches vLLM without LiteLLM, not a source):")
            for path in residual:
                print("  " + path.text)
            if any(path.source.role == "picker" for path in residual):
                print("  (%s)" % PICKER_REASON)
        for path in direct:
            print("warning: %s; LiteLLM reaches the models through the inference gateway, so this admission "
                  "is more than the mode needs (not a bypass: LiteLLM is the way through)" % path.text)
        for line in sorted(set(model.warnings)):
            print("warning: " + line)
        if blocked:
            print("routes the network denies (dead, not bypasses):")
            for line in blocked:
                print("  " + line)
        for note in sorted(set(model.notes)):
            print("note: " + note)
    if bypasses:
        print("%s: FAILED: %d paths reach a vLLM pod's port %d without passing LiteLLM "
              "(LiteLLM's pods removed from the graph):" % (args.out, len(bypasses), VLLM_PORT))
        for source in model.sources:
            mine = [p for p in bypasses if p.source is source]
            if mine:
                print("  from %s (%d):" % (source.display, len(mine)))
                for path in mine:
                    print("    " + path.text)
        print("%s: %d of %d sources × %d of %d vLLM pods bypass LiteLLM" % (
            args.out, len({p.source for p in bypasses}), sources, len({p.target for p in bypasses}), pods))
        return 1
    print("%s: %d sources × %d vLLM pods: every path passes LiteLLM" % (args.out, sources, pods))
    return 0


if __name__ == "__main__":
    sys.exit(main())
