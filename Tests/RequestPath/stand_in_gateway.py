"""A stand-in for the inference Gateway (Gateway API v1.6.1 HTTPRoute matching) on a loopback port.

Built from an out/ folder: one rendered Gateway, the listeners that serve the port its Service
exposes, the HTTPRoutes attached to them, and a registry of backends (InferencePool → the base URL
of a stand-in vLLM the harness started for the pool's pods). For every request it picks at most one
rule, records what it did, and forwards the request to the rule's backend, streaming the answer
back piece by piece. It is not a Gateway implementation: no TLS, no retries, no endpoint picker (a
pool is one stand-in; the picker only *chooses* among a pool's pods, GIE's EPP protocol), no
filters but RequestHeaderModifier and URLRewrite. A route using anything else is refused at load
time rather than silently misread.

What it follows, each from the vendored CRDs (Tests/Conformance/crds/gateway-api/, bundle v1.6.1;
"R:n" = gateway.networking.k8s.io_httproutes.yaml line n, "G:n" = gateway.networking.k8s.io_gateways.yaml
line n; both in the files' `v1` version):

- Attachment. A route attaches to a listener when one of its `parentRefs` names the Gateway (group
  default gateway.networking.k8s.io, R:201-205; kind default Gateway, R:213-214; namespace default
  the route's, R:238-239; `sectionName` = the listener's name, unset = every listener, R:284-298;
  `port` = the listener's port, R:254) AND the listener admits it: `allowedRoutes.namespaces.from`
  Same (default) / All / Selector (G:587-614) over the namespace's labels — every namespace carries
  `kubernetes.io/metadata.name: <name>`, which the API server sets, plus the labels of its rendered
  Namespace object; `allowedRoutes.kinds`, when set, must list HTTPRoute (group default
  gateway.networking.k8s.io), when empty the listener protocol's kinds apply (G:550-553); the
  listener's `hostname` and the route's `hostnames` must intersect. At request time the Host header
  (port ignored, R:58-61) must match the listener's hostname, if any (G:673; else 404, G:697-698),
  and one of the route's `hostnames`, if any; `Host` is forwarded unmodified (R:61-62).
- Matching. A rule matches when ANY of its `matches` matches (R:2786-2788; none = PathPrefix "/",
  R:2812-2814); within one match every condition must hold (R:2843-2848):
    * path Exact: the whole path; PathPrefix: element by element, a trailing "/" of the value
      ignored — "/abc" matches "/abc", "/abc/" and "/abc/def", not "/abcd" (R:1079-1083, the
      PathPrefix semantics stated for ReplacePrefixMatch); RegularExpression (implementation-
      specific, R:2947): Python `re.fullmatch`, as RE2 full-match in Envoy;
    * headers: name case-insensitive, only the first entry of a name counts (R:2862-2871); a
      header repeated in the request is matched as its values joined with ", " (RFC 7230 §3.2.2,
      R:2873-2877); Exact compares the value exactly (case-sensitive); RegularExpression
      (implementation-specific, R:2889): fullmatch;
    * method: equal (R:2916); queryParams: exact name, only the first entry of a name, the first
      value of a repeated param (R:3018-3031).
- Precedence (R:2816-2839): Exact path > PathPrefix with most characters (of the value without a
  trailing "/") > method > most header matches > most query matches; RegularExpression paths rank
  after prefixes (implementation-specific, R:2827); then the oldest route (creationTimestamp;
  rendered objects have none, so all tie), then "{namespace}/{name}" alphabetically — in practice
  the stand-in's tie-break is name order; then the first rule in list order.
- No match: 404 (R:2840-2841). A rule whose chosen backendRef is invalid (an unknown pool, a pool
  with no stand-in registered, another namespace without a ReferenceGrant) answers 500 (R:351-370);
  weights pick among the backendRefs (default 1, 0 = never, R:1593-1606).
- `timeouts.request` (R:3116-3135, GEP-1742): "as close to the whole request-response transaction as
  possible" (R:3129-3130), so from the moment the request's head is received to the end of the
  answer, a streamed body included; "0s" disables it (R:3124-3127). If the backend has not
  answered by then, 504 with Envoy's body "upstream request timeout"; if the answer is already
  streaming, the connection is cut. `backendRequest` (R:3093-3113) likewise, for the one attempt.
  The backend connection is closed either way, so the stand-in vLLM sees the hang-up; a client that
  hangs up closes it too.

Each request is recorded: method, path, headers (as received, and lower-cased), the matched route
(namespace/name), rule and match index, the backend (InferencePool namespace/name), status, and
whether the deadline or the client cut it. Hop-by-hop headers are not forwarded; `Host` is kept.
"""
import glob
import http.client
import os
import queue
import random
import re
import select
import socket
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from recording_server import RecordingServer

GATEWAY_GROUP = "gateway.networking.k8s.io"
POOL_GROUPS = ("inference.networking.k8s.io", "inference.networking.x-k8s.io")
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade", "proxy-connection"}
SUPPORTED_FILTERS = {"RequestHeaderModifier", "URLRewrite"}


class RouteError(Exception):
    """The out/ folder holds something the stand-in cannot serve faithfully."""


# --- reading out/ ---------------------------------------------------------------------------------
def read_objects(out):
    """Every document of OUT/manifests/**/*.yaml."""
    import yaml
    objects = []
    for path in sorted(glob.glob(os.path.join(out, "manifests", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for document in yaml.safe_load_all(f):
                if isinstance(document, dict) and document.get("kind"):
                    objects.append(document)
    return objects


def meta(obj):
    return obj.get("metadata") or {}


def namespace_of(obj):
    return meta(obj).get("namespace") or "default"


def group_of(obj):
    return (obj.get("apiVersion") or "").rpartition("/")[0]


def of_kind(objects, kind, groups=None):
    return [o for o in objects if o.get("kind") == kind and (groups is None or group_of(o) in groups)]


def namespace_labels(objects, namespace):
    """The labels a namespace carries: its rendered Namespace's, and kubernetes.io/metadata.name,
    which the API server sets on every namespace (immutable, = its name)."""
    labels = {}
    for ns in of_kind(objects, "Namespace"):
        if meta(ns).get("name") == namespace:
            labels.update(meta(ns).get("labels") or {})
    labels["kubernetes.io/metadata.name"] = namespace
    return labels


def selector_matches(selector, labels):
    """A metav1.LabelSelector: matchLabels AND matchExpressions (In, NotIn, Exists, DoesNotExist);
    {} selects everything."""
    selector = selector or {}
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions") or []:
        key, operator, values = expression["key"], expression["operator"], expression.get("values") or []
        if operator == "In" and labels.get(key) not in values:
            return False
        if operator == "NotIn" and key in labels and labels[key] in values:
            return False
        if operator == "Exists" and key not in labels:
            return False
        if operator == "DoesNotExist" and key in labels:
            return False
        if operator not in ("In", "NotIn", "Exists", "DoesNotExist"):
            raise RouteError("unknown selector operator %r" % operator)
    return True


def duration(text):
    """A Gateway API Duration (GEP-2257: ^([0-9]{1,5}(h|m|s|ms)){1,4}$) in seconds; None when unset."""
    if text is None:
        return None
    if not re.fullmatch(r"([0-9]{1,5}(h|m|s|ms)){1,4}", str(text)):
        raise RouteError("not a Gateway API duration: %r" % text)
    units = {"h": 3600, "m": 60, "s": 1, "ms": 0.001}
    return sum(int(n) * units[u] for n, u in re.findall(r"([0-9]+)(ms|h|m|s)", text))


def hostname_matches(pattern, host):
    """Exact, or a leading "*." wildcard matching one or more labels (Gateway API hostname rules)."""
    pattern, host = pattern.lower(), host.lower()
    if pattern.startswith("*."):
        return host.endswith(pattern[1:]) and len(host) > len(pattern) - 1
    return pattern == host


def hostnames_intersect(listener_hostname, route_hostnames):
    if not listener_hostname or not route_hostnames:
        return True
    return any(hostname_matches(listener_hostname, h) or hostname_matches(h, listener_hostname)
               for h in route_hostnames)


# --- matching -------------------------------------------------------------------------------------
def normalized_prefix(value):
    return value if value == "/" else value.rstrip("/") or "/"


def path_matches(match_path, path):
    kind = match_path.get("type", "PathPrefix")
    value = match_path.get("value", "/")
    if kind == "Exact":
        return path == value
    if kind == "PathPrefix":
        prefix = normalized_prefix(value)
        return prefix == "/" or path == prefix or path.startswith(prefix + "/")
    if kind == "RegularExpression":
        return re.fullmatch(value, path) is not None
    raise RouteError("unknown path match type %r" % kind)


def first_by_name(entries, case_insensitive):
    """Only the first entry of an equivalent name counts (R:2866-2868, R:3023-3025)."""
    seen, kept = set(), []
    for entry in entries or []:
        key = entry["name"].lower() if case_insensitive else entry["name"]
        if key not in seen:
            seen.add(key)
            kept.append(entry)
    return kept


def value_matches(kind, expected, actual):
    if actual is None:
        return False
    if kind in (None, "Exact"):
        return actual == expected
    if kind == "RegularExpression":
        return re.fullmatch(expected, actual) is not None
    raise RouteError("unknown match type %r" % kind)


def request_header(header_lines, name):
    """The value of a header as matched: repeated lines joined with ", " (RFC 7230 §3.2.2); None if absent."""
    values = [v for k, v in header_lines if k.lower() == name.lower()]
    return ", ".join(values) if values else None


def match_holds(match, request):
    """All conditions of one HTTPRouteMatch (R:2843-2848)."""
    if not path_matches(match.get("path") or {"type": "PathPrefix", "value": "/"}, request["path"]):
        return False
    if match.get("method") and match["method"] != request["method"]:
        return False
    for header in first_by_name(match.get("headers"), case_insensitive=True):
        if not value_matches(header.get("type"), header["value"], request_header(request["header_lines"],
                                                                                    header["name"])):
            return False
    for param in first_by_name(match.get("queryParams"), case_insensitive=False):
        values = request["query"].get(param["name"])
        if not value_matches(param.get("type"), param["value"], values[0] if values else None):
            return False
    return True


def specificity(match):
    """The sort key of R:2816-2827 (smaller = preferred): Exact, longest prefix, method, headers, queries."""
    path = match.get("path") or {"type": "PathPrefix", "value": "/"}
    kind = path.get("type", "PathPrefix")
    rank = {"Exact": 0, "PathPrefix": 1, "RegularExpression": 2}[kind]
    length = len(normalized_prefix(path.get("value", "/"))) if kind == "PathPrefix" else len(path.get("value", ""))
    return (rank, -length, 0 if match.get("method") else 1,
            -len(first_by_name(match.get("headers"), True)), -len(first_by_name(match.get("queryParams"), False)))


class Rule:
    def __init__(self, route, index, rule):
        self.route, self.index, self.rule = route, index, rule
        self.namespace, self.name = namespace_of(route), meta(route)["name"]
        self.matches = rule.get("matches") or [{"path": {"type": "PathPrefix", "value": "/"}}]
        timeouts = rule.get("timeouts") or {}
        self.request_timeout = duration(timeouts.get("request"))
        self.backend_timeout = duration(timeouts.get("backendRequest"))
        for item in rule.get("filters") or []:
            if item.get("type") not in SUPPORTED_FILTERS:
                raise RouteError("HTTPRoute %s/%s rule %d: filter %s is not supported by the stand-in" % (
                    self.namespace, self.name, index, item.get("type")))
        for match in self.matches:
            path = match.get("path") or {}
            if path.get("type", "PathPrefix") not in ("Exact", "PathPrefix", "RegularExpression"):
                raise RouteError("HTTPRoute %s/%s: path type %r" % (self.namespace, self.name, path.get("type")))

    @property
    def route_key(self):
        # Oldest first (creationTimestamp, absent in out/: all equal), then "{namespace}/{name}" (R:2829-2835).
        return (meta(self.route).get("creationTimestamp") or "", "%s/%s" % (self.namespace, self.name))

    def best_match(self, request):
        """(specificity, match index) of the most specific of this rule's matches that holds, or None."""
        held = [(specificity(m), i) for i, m in enumerate(self.matches) if match_holds(m, request)]
        return min(held) if held else None

    def describe(self):
        return "HTTPRoute %s/%s rule %d" % (self.namespace, self.name, self.index)


def choose(rules, request):
    """The one rule a request goes to, with its match index, or (None, None) (R:2816-2839)."""
    best = None
    for rule in rules:
        found = rule.best_match(request)
        if found is None:
            continue
        key = (found[0], rule.route_key, rule.index, found[1])
        if best is None or key < best[0]:
            best = (key, rule, found[1])
    return (best[1], best[2]) if best else (None, None)


# --- attachment -----------------------------------------------------------------------------------
def listener_admits(objects, gateway, listener, route):
    """allowedRoutes (G:523-614) and hostnames (G:664-673) of one listener for one HTTPRoute."""
    allowed = listener.get("allowedRoutes") or {}
    kinds = allowed.get("kinds")
    if kinds:
        if not any(k.get("kind") == "HTTPRoute" and k.get("group", GATEWAY_GROUP) == GATEWAY_GROUP for k in kinds):
            return False
    elif listener.get("protocol") not in ("HTTP", "HTTPS"):
        return False
    namespaces = allowed.get("namespaces") or {}
    origin = namespaces.get("from", "Same")
    route_ns, gateway_ns = namespace_of(route), namespace_of(gateway)
    if origin == "Same" and route_ns != gateway_ns:
        return False
    if origin == "Selector":
        if "selector" not in namespaces:
            return False  # invalid listener: Selector without a selector admits nothing
        if not selector_matches(namespaces["selector"], namespace_labels(objects, route_ns)):
            return False
    if origin not in ("Same", "All", "Selector"):
        raise RouteError("allowedRoutes.namespaces.from %r" % origin)
    return hostnames_intersect(listener.get("hostname"), (route.get("spec") or {}).get("hostnames"))


def parent_ref_names(ref, route, gateway, listener):
    """Whether a parentRef of `route` refers to this Gateway's `listener` (R:213-298)."""
    if ref.get("group", GATEWAY_GROUP) != GATEWAY_GROUP or ref.get("kind", "Gateway") != "Gateway":
        return False
    if ref.get("name") != meta(gateway)["name"] or ref.get("namespace", namespace_of(route)) != namespace_of(gateway):
        return False
    if ref.get("sectionName") and ref["sectionName"] != listener.get("name"):
        return False
    if ref.get("port") is not None and ref["port"] != listener.get("port"):
        return False
    return True


def attached_rules(objects, gateway, port):
    """Every rule of every HTTPRoute attached to the Gateway's listeners on `port`; and, for the record,
    the routes whose parentRefs name those listeners but which no listener admits."""
    listeners = [l for l in (gateway.get("spec") or {}).get("listeners") or [] if l.get("port") == port]
    if not listeners:
        raise RouteError("Gateway %s/%s has no listener on port %s" % (namespace_of(gateway), meta(gateway)["name"],
                                                                       port))
    for listener in listeners:
        if listener.get("protocol") != "HTTP":
            raise RouteError("listener %s: protocol %s (the stand-in serves plain HTTP)" % (
                listener.get("name"), listener.get("protocol")))
    rules, refused = [], []
    for route in of_kind(objects, "HTTPRoute", (GATEWAY_GROUP,)):
        refs = (route.get("spec") or {}).get("parentRefs") or []
        named = [l for l in listeners for r in refs if parent_ref_names(r, route, gateway, l)]
        if not named:
            continue
        if any(listener_admits(objects, gateway, l, route) for l in named):
            rules += [Rule(route, i, r) for i, r in enumerate((route.get("spec") or {}).get("rules") or [])]
        else:
            refused.append("%s/%s" % (namespace_of(route), meta(route)["name"]))
    return rules, refused


def pool_deployments(objects, pool):
    """The Deployments whose pods an InferencePool selects (its namespace only; matchLabels)."""
    selector = (pool.get("spec") or {}).get("selector") or {}
    found = []
    for deployment in of_kind(objects, "Deployment"):
        if namespace_of(deployment) != namespace_of(pool):
            continue
        labels = ((((deployment.get("spec") or {}).get("template") or {}).get("metadata") or {}).get("labels") or {})
        if selector.get("matchLabels") and selector_matches({"matchLabels": selector["matchLabels"]}, labels):
            found.append(deployment)
    return found


def reference_granted(objects, route, backend_ns, kind, group):
    """A ReferenceGrant in the backend's namespace admitting HTTPRoutes of the route's namespace."""
    for grant in of_kind(objects, "ReferenceGrant", (GATEWAY_GROUP,)):
        if namespace_of(grant) != backend_ns:
            continue
        spec = grant.get("spec") or {}
        if any(f.get("group") == GATEWAY_GROUP and f.get("kind") == "HTTPRoute" and f.get("namespace") == namespace_of(route)
               for f in spec.get("from") or []) and any(
                t.get("group", "") == group and t.get("kind") == kind for t in spec.get("to") or []):
            return True
    return False


# --- the server -----------------------------------------------------------------------------------
class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that resets its idle keep-alive connection (LiteLLM's pool does) is not an error."""
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


class Gateway(RecordingServer):
    """The stand-in for one rendered Gateway's listeners on one port."""

    def __init__(self, out, namespace, name, port, objects=None):
        self.objects = objects if objects is not None else read_objects(out)
        gateways = [g for g in of_kind(self.objects, "Gateway", (GATEWAY_GROUP,))
                    if namespace_of(g) == namespace and meta(g).get("name") == name]
        if not gateways:
            raise RouteError("no Gateway %s/%s in %s" % (namespace, name, out))
        self.gateway, self.namespace, self.gateway_name, self.listener_port = gateways[0], namespace, name, port
        self.rules, self.refused = attached_rules(self.objects, self.gateway, port)
        self.listeners = [l for l in (self.gateway.get("spec") or {}).get("listeners") or [] if l.get("port") == port]
        self.pools = {(namespace_of(p), meta(p)["name"]): p for p in of_kind(self.objects, "InferencePool", POOL_GROUPS)}
        self.backends = {}  # ("InferencePool", ns, name) → "http://127.0.0.1:port"
        self.serve(_Server(("127.0.0.1", 0), _handler(self)), "stand-in-gateway-" + name)

    def register_pool(self, namespace, name, base):
        self.backends[("InferencePool", namespace, name)] = base

    def route(self, request):
        """(rule, match index) for a request dict (method, path, query, header_lines)."""
        return choose(self.rules, request)

    def backend(self, rule):
        """(label, base URL or None, why) for one pick among the rule's backendRefs (R:351-370, R:1593-1606)."""
        refs = (rule.rule.get("backendRefs") or [])
        weighted = [(r, r.get("weight", 1)) for r in refs if r.get("weight", 1) > 0]
        if not weighted:
            return None, None, "no backendRefs with weight > 0"
        ref = random.choices([r for r, _ in weighted], [w for _, w in weighted])[0]
        kind, group = ref.get("kind", "Service"), ref.get("group", "")
        namespace = ref.get("namespace", rule.namespace)
        label = "%s %s/%s" % (kind, namespace, ref.get("name"))
        if kind != "InferencePool" or group not in POOL_GROUPS:
            return label, None, "backend kind %s/%s has no stand-in" % (group, kind)
        if namespace != rule.namespace and not reference_granted(self.objects, rule.route, namespace, kind, group):
            return label, None, "no ReferenceGrant in %s" % namespace
        if (namespace, ref.get("name")) not in self.pools:
            return label, None, "no InferencePool %s/%s in out/" % (namespace, ref.get("name"))
        base = self.backends.get(("InferencePool", namespace, ref.get("name")))
        if base is None:
            return label, None, "no stand-in registered for the pool"
        return label, base, None


def _apply_filters(rule, match, request, headers):
    """RequestHeaderModifier and URLRewrite (path only) on the forwarded request; returns the path."""
    path = request["raw_path"]
    for item in rule.rule.get("filters") or []:
        if item["type"] == "RequestHeaderModifier":
            spec = item.get("requestHeaderModifier") or {}
            for name in spec.get("remove") or []:
                headers[:] = [(k, v) for k, v in headers if k.lower() != name.lower()]
            for h in spec.get("set") or []:
                headers[:] = [(k, v) for k, v in headers if k.lower() != h["name"].lower()] + [(h["name"], h["value"])]
            for h in spec.get("add") or []:
                headers.append((h["name"], h["value"]))
        elif item["type"] == "URLRewrite":
            rewrite = (item.get("urlRewrite") or {}).get("path") or {}
            split = urllib.parse.urlsplit(path)
            if rewrite.get("type") == "ReplaceFullPath":
                new = rewrite["replaceFullPath"]
            elif rewrite.get("type") == "ReplacePrefixMatch":
                prefix = normalized_prefix(((rule.matches[match].get("path") or {}).get("value")) or "/")
                rest = split.path[len(prefix):] if prefix != "/" else split.path
                new = rewrite["replacePrefixMatch"].rstrip("/") + ("/" + rest.lstrip("/") if rest else "")
                new = new or "/"
            else:
                new = split.path
            path = new + ("?" + split.query if split.query else "")
            if (item.get("urlRewrite") or {}).get("hostname"):
                headers[:] = [(k, v) for k, v in headers if k.lower() != "host"] + [
                    ("Host", item["urlRewrite"]["hostname"])]
    return path


def _handler(gateway):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "stand-in-gateway"
        sys_version = ""

        def log_message(self, *args):
            pass

        def _read_body(self):
            if (self.headers.get("Transfer-Encoding") or "").lower() == "chunked":
                body = b""
                while True:
                    size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                            pass
                        return body
                    body += self.rfile.read(size)
                    self.rfile.readline()
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _reply(self, entry, status, text):
            data = text.encode()
            entry["status"], entry["finished"] = status, time.monotonic()  # recorded before the client can read
            self.send_response(status)
            self.send_header("content-type", "text/plain")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _client_left(self):
            try:
                readable, _, _ = select.select([self.connection], [], [], 0)
                if readable:
                    return self.connection.recv(1, socket.MSG_PEEK) == b""
            except OSError:
                return True
            return False

        def _handle(self):
            started = time.monotonic()
            body = self._read_body()
            split = urllib.parse.urlsplit(self.path)
            lines = list(self.headers.items())
            request = {"method": self.command, "path": split.path, "raw_path": self.path,
                       "query": urllib.parse.parse_qs(split.query, keep_blank_values=True), "header_lines": lines}
            entry = {"method": self.command, "path": split.path, "header_lines": lines,
                     "headers": {k.lower(): request_header(lines, k) for k, _ in lines},
                     "route": None, "rule": None, "match": None, "backend": None, "status": None,
                     "started": started, "finished": None, "timed_out": False, "client_left": False}
            gateway.record(entry)
            host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
            names = [l.get("hostname") for l in gateway.listeners]
            if all(names) and not any(hostname_matches(n, host) for n in names):
                return self._reply(entry, 404, "no listener for host %s\n" % host)  # G:673, G:697-698
            candidates = [r for r in gateway.rules if not (r.route.get("spec") or {}).get("hostnames")
                          or any(hostname_matches(h, host) for h in r.route["spec"]["hostnames"])]
            rule, match = choose(candidates, request)
            if rule is None:
                return self._reply(entry, 404, "no route matched\n")  # R:2840-2841
            entry.update(route="%s/%s" % (rule.namespace, rule.name), rule=rule.index, match=match)
            label, base, why = gateway.backend(rule)
            entry["backend"] = label
            if base is None:
                entry["why"] = why
                return self._reply(entry, 500, "invalid backend: %s\n" % why)  # R:351-370
            limits = [t for t in (rule.request_timeout, rule.backend_timeout) if t]  # 0s disables (R:3132-3135)
            deadline = started + min(limits) if limits else None
            headers = [(k, v) for k, v in lines if k.lower() not in HOP_BY_HOP and k.lower() != "content-length"]
            path = _apply_filters(rule, match, request, headers)
            self._forward(entry, base, path, headers, body, deadline)

        def _forward(self, entry, base, path, headers, body, deadline):
            target = urllib.parse.urlsplit(base)
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=None)
            pieces = queue.Queue()

            def upstream():
                """The backend exchange, in its own thread: ("head", response), ("data", bytes)…, ("end",)."""
                try:
                    connection.putrequest(self.command, path, skip_host=True, skip_accept_encoding=True)
                    for k, v in headers:
                        connection.putheader(k, v)
                    connection.putheader("Content-Length", str(len(body)))
                    connection.endheaders(body)
                    response = connection.getresponse()
                    pieces.put(("head", response))
                    while True:
                        data = response.read1(65536) if not response.isclosed() else b""
                        if not data:
                            break
                        pieces.put(("data", data))
                    pieces.put(("end",))
                except Exception as error:  # noqa: BLE001  (reported to the handler thread)
                    pieces.put(("error", error))

            threading.Thread(target=upstream, daemon=True).start()
            chunked = False
            head_sent = False
            try:
                while True:
                    # The deadline holds while pieces keep coming too (a stream), not only when waiting.
                    if deadline is not None and time.monotonic() >= deadline:
                        entry["timed_out"] = True
                        break
                    wait = 0.05 if deadline is None else max(0.0, min(0.05, deadline - time.monotonic()))
                    try:
                        item = pieces.get(timeout=wait)
                    except queue.Empty:
                        if self._client_left():
                            entry["client_left"] = True
                            break
                        continue
                    if item[0] == "error":
                        if not head_sent:
                            self._reply(entry, 502, "upstream connect error: %s\n" % item[1])
                        else:
                            self.close_connection = True
                        return
                    if item[0] == "head":
                        response = item[1]
                        self.send_response(response.status, response.reason)
                        length = response.getheader("Content-Length")
                        for k, v in response.getheaders():
                            if k.lower() not in HOP_BY_HOP and k.lower() not in ("content-length", "server", "date"):
                                self.send_header(k, v)
                        if length is not None:
                            self.send_header("Content-Length", length)
                        else:
                            chunked = True
                            self.send_header("Transfer-Encoding", "chunked")
                        self.end_headers()
                        head_sent = True
                        entry["status"] = response.status
                    elif item[0] == "data":
                        data = item[1]
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if chunked else data)
                        self.wfile.flush()
                    elif item[0] == "end":
                        entry["finished"] = time.monotonic()
                        if chunked:
                            self.wfile.write(b"0\r\n\r\n")
                            self.wfile.flush()
                        connection.close()
                        return
            except OSError:
                entry["client_left"] = True
            # The deadline passed, or the client left: drop the backend connection (the engine sees it).
            try:
                if connection.sock is not None:
                    connection.sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()
            entry["finished"] = time.monotonic()
            if entry["timed_out"] and not head_sent:
                try:
                    self._reply(entry, 504, "upstream request timeout")  # GEP-1742; Envoy's body
                except OSError:
                    self.close_connection = True
            else:
                self.close_connection = True  # mid-stream: the stream is cut

        do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _handle

    return Handler


def gateway_for_host(objects, host):
    """(namespace, Gateway name) when `host` is a rendered Gateway's Service: <service>.<ns>[.svc[.cluster.local]].
    The Service is the implementation's (GEP-1762), named like the Gateway unless configured otherwise; a
    name that is no Gateway's is accepted when its namespace holds exactly one Gateway and no rendered
    Service of that name."""
    parts = host.split(".")
    if len(parts) < 2 or ".".join(parts[2:]) not in ("", "svc", "svc.cluster.local"):
        return None
    service, namespace = parts[0], parts[1]
    gateways = [g for g in of_kind(objects, "Gateway", (GATEWAY_GROUP,)) if namespace_of(g) == namespace]
    for g in gateways:
        if meta(g).get("name") == service:
            return namespace, service
    services = [s for s in of_kind(objects, "Service") if namespace_of(s) == namespace and meta(s).get("name") == service]
    if len(gateways) == 1 and not services:
        return namespace, meta(gateways[0])["name"]
    return None
