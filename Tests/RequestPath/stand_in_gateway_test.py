#!/usr/bin/env python3
"""Unit tests of stand_in_gateway.py: attachment, matching, precedence, forwarding, deadlines.

    "$(scripts/python-env litellm)" Tests/RequestPath/stand_in_gateway_test.py [-v]

Each rule of the Gateway API text the stand-in follows (its docstring cites the lines) has a test
here, on objects built in memory; the forwarding tests run the stand-in against a stand-in vLLM on
loopback. No LiteLLM, about 3 s.
"""
import http.client
import json
import os
import socket
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import stand_in_gateway as sg  # noqa: E402
import stand_in_vllm  # noqa: E402

GW_NS, GW = "gw", "inner"
KEY = "test-key"


def gateway(listeners=None):
    return {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway",
            "metadata": {"name": GW, "namespace": GW_NS},
            "spec": {"gatewayClassName": "x", "listeners": listeners or [
                {"name": "http", "port": 80, "protocol": "HTTP",
                 "allowedRoutes": {"namespaces": {"from": "All"}}}]}}


def route(name, rules, namespace="serving", parent=None, hostnames=None, created=None):
    obj = {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
           "metadata": {"name": name, "namespace": namespace},
           "spec": {"parentRefs": [parent or {"namespace": GW_NS, "name": GW}], "rules": rules}}
    if hostnames:
        obj["spec"]["hostnames"] = hostnames
    if created:
        obj["metadata"]["creationTimestamp"] = created
    return obj


def rule(matches=None, pool="p", timeout=None, **extra):
    r = {"backendRefs": [{"group": "inference.networking.k8s.io", "kind": "InferencePool", "name": pool}]}
    if matches is not None:
        r["matches"] = matches
    if timeout:
        r["timeouts"] = {"request": timeout}
    r.update(extra)
    return r


def pool(name, namespace="serving"):
    return {"apiVersion": "inference.networking.k8s.io/v1", "kind": "InferencePool",
            "metadata": {"name": name, "namespace": namespace},
            "spec": {"selector": {"matchLabels": {"app": name}}, "targetPorts": [{"number": 8000}]}}


def namespace(name, labels):
    return {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name, "labels": labels}}


def request(path="/v1/chat/completions", method="POST", headers=(), query=None):
    return {"method": method, "path": path, "query": query or {}, "header_lines": list(headers)}


def chosen(objects, req, port=80):
    rules, _ = sg.attached_rules(objects, gateway() if not any(o["kind"] == "Gateway" for o in objects) else
                                 next(o for o in objects if o["kind"] == "Gateway"), port)
    found, _ = sg.choose(rules, req)
    return None if found is None else "%s/%s#%d" % (found.namespace, found.name, found.index)


class Attachment(unittest.TestCase):
    def attached(self, listener, route_obj, extra=()):
        gw = gateway([dict({"name": "http", "port": 80, "protocol": "HTTP"}, **listener)])
        rules, refused = sg.attached_rules([gw, route_obj, *extra], gw, 80)
        return bool(rules), refused

    def test_from_defaults_to_same(self):
        self.assertEqual(self.attached({}, route("r", [rule()])), (False, ["serving/r"]))
        self.assertTrue(self.attached({}, route("r", [rule()], namespace=GW_NS))[0])

    def test_from_all(self):
        self.assertTrue(self.attached({"allowedRoutes": {"namespaces": {"from": "All"}}}, route("r", [rule()]))[0])

    def test_selector_on_the_name_label_the_api_server_sets(self):
        only = {"allowedRoutes": {"namespaces": {"from": "Selector", "selector": {
            "matchLabels": {"kubernetes.io/metadata.name": "serving"}}}}}
        self.assertTrue(self.attached(only, route("r", [rule()]))[0])
        self.assertFalse(self.attached(only, route("r", [rule()], namespace="tenant"))[0])

    def test_selector_on_rendered_namespace_labels_and_expressions(self):
        by_label = {"allowedRoutes": {"namespaces": {"from": "Selector", "selector": {
            "matchExpressions": [{"key": "team", "operator": "In", "values": ["a"]}]}}}}
        self.assertTrue(self.attached(by_label, route("r", [rule()]), [namespace("serving", {"team": "a"})])[0])
        self.assertFalse(self.attached(by_label, route("r", [rule()]), [namespace("serving", {"team": "b"})])[0])
        self.assertFalse(self.attached({"allowedRoutes": {"namespaces": {"from": "Selector"}}}, route("r", [rule()]))[0])

    def test_kinds(self):
        grpc = {"allowedRoutes": {"namespaces": {"from": "All"}, "kinds": [{"kind": "GRPCRoute"}]}}
        self.assertFalse(self.attached(grpc, route("r", [rule()]))[0])
        http_only = {"allowedRoutes": {"namespaces": {"from": "All"}, "kinds": [{"kind": "HTTPRoute"}]}}
        self.assertTrue(self.attached(http_only, route("r", [rule()]))[0])

    def test_parent_ref_section_port_namespace_and_other_gateways(self):
        everyone = {"allowedRoutes": {"namespaces": {"from": "All"}}}
        self.assertTrue(self.attached(everyone, route("r", [rule()], parent={
            "namespace": GW_NS, "name": GW, "sectionName": "http"}))[0])
        self.assertFalse(self.attached(everyone, route("r", [rule()], parent={
            "namespace": GW_NS, "name": GW, "sectionName": "https"}))[0])
        self.assertFalse(self.attached(everyone, route("r", [rule()], parent={
            "namespace": GW_NS, "name": GW, "port": 8080}))[0])
        self.assertFalse(self.attached(everyone, route("r", [rule()], parent={"name": GW}))[0])  # ns = the route's
        self.assertFalse(self.attached(everyone, route("r", [rule()], parent={"namespace": GW_NS, "name": "edge"}))[0])
        self.assertFalse(self.attached(everyone, route("r", [rule()], parent={
            "namespace": GW_NS, "name": GW, "kind": "Service", "group": ""}))[0])

    def test_hostnames_must_intersect(self):
        named = {"hostname": "*.example.com", "allowedRoutes": {"namespaces": {"from": "All"}}}
        self.assertTrue(self.attached(named, route("r", [rule()], hostnames=["a.example.com"]))[0])
        self.assertFalse(self.attached(named, route("r", [rule()], hostnames=["a.example.org"]))[0])


H = "X-Gateway-Base-Model-Name"


def header(value, name=H, kind=None):
    entry = {"name": name, "value": value}
    if kind:
        entry["type"] = kind
    return entry


class Matching(unittest.TestCase):
    def test_header_exact_name_case_insensitive_value_case_sensitive(self):
        objs = [route("a", [rule([{"headers": [header("Org/A")]}])])]
        self.assertEqual(chosen(objs, request(headers=[("x-gateway-base-model-name", "Org/A")])), "serving/a#0")
        self.assertIsNone(chosen(objs, request(headers=[(H, "org/a")])))
        self.assertIsNone(chosen(objs, request(headers=[])))

    def test_repeated_header_is_matched_joined(self):
        objs = [route("a", [rule([{"headers": [header("A")]}])]), route("b", [rule([{"headers": [header("B")]}])])]
        self.assertIsNone(chosen(objs, request(headers=[(H, "B"), (H.lower(), "A")])))
        both = [route("ab", [rule([{"headers": [header("B, A")]}])])]
        self.assertEqual(chosen(both, request(headers=[(H, "B"), (H, "A")])), "serving/ab#0")

    def test_only_the_first_header_entry_of_a_name_counts(self):
        objs = [route("a", [rule([{"headers": [header("A"), header("Z", name=H.lower())]}])])]
        self.assertEqual(chosen(objs, request(headers=[(H, "A")])), "serving/a#0")

    def test_header_regular_expression_is_a_full_match(self):
        objs = [route("a", [rule([{"headers": [header("Org/.*", kind="RegularExpression")]}])])]
        self.assertEqual(chosen(objs, request(headers=[(H, "Org/A")])), "serving/a#0")
        self.assertIsNone(chosen(objs, request(headers=[(H, "x Org/A")])))

    def test_path_prefix_is_element_wise(self):
        objs = [route("a", [rule([{"path": {"type": "PathPrefix", "value": "/abc/"}}])])]
        for path in ("/abc", "/abc/", "/abc/def"):
            self.assertEqual(chosen(objs, request(path)), "serving/a#0", path)
        self.assertIsNone(chosen(objs, request("/abcd")))

    def test_path_exact_and_regex(self):
        objs = [route("a", [rule([{"path": {"type": "Exact", "value": "/v1/models"}}])]),
                route("b", [rule([{"path": {"type": "RegularExpression", "value": "/v[0-9]+/emb.*"}}])])]
        self.assertEqual(chosen(objs, request("/v1/models")), "serving/a#0")
        self.assertIsNone(chosen(objs, request("/v1/models/x")))
        self.assertEqual(chosen(objs, request("/v1/embeddings")), "serving/b#0")

    def test_method_and_query(self):
        objs = [route("a", [rule([{"method": "GET", "queryParams": [{"name": "v", "value": "1"}]}])])]
        self.assertEqual(chosen(objs, request(method="GET", query={"v": ["1", "2"]})), "serving/a#0")  # first value
        self.assertIsNone(chosen(objs, request(method="GET", query={"v": ["2", "1"]})))
        self.assertIsNone(chosen(objs, request(method="POST", query={"v": ["1"]})))

    def test_any_match_of_a_rule_all_conditions_of_a_match(self):
        objs = [route("a", [rule([{"path": {"type": "PathPrefix", "value": "/foo"}, "headers": [header("v2")]},
                                  {"path": {"type": "PathPrefix", "value": "/v2/foo"}}])])]
        self.assertEqual(chosen(objs, request("/foo/x", headers=[(H, "v2")])), "serving/a#0")
        self.assertIsNone(chosen(objs, request("/foo/x")))
        self.assertEqual(chosen(objs, request("/v2/foo")), "serving/a#0")

    def test_no_matches_means_prefix_slash(self):
        self.assertEqual(chosen([route("a", [rule()])], request("/anything")), "serving/a#0")


class Precedence(unittest.TestCase):
    def test_exact_beats_longer_prefix(self):
        objs = [route("a", [rule([{"path": {"type": "PathPrefix", "value": "/v1/chat/completions"}}])]),
                route("b", [rule([{"path": {"type": "Exact", "value": "/v1/chat/completions"}}])])]
        self.assertEqual(chosen(objs, request()), "serving/b#0")

    def test_longest_prefix(self):
        objs = [route("a", [rule([{"path": {"type": "PathPrefix", "value": "/v1"}}])]),
                route("b", [rule([{"path": {"type": "PathPrefix", "value": "/v1/chat"}}])])]
        self.assertEqual(chosen(objs, request()), "serving/b#0")

    def test_prefix_beats_method_beats_headers_beats_queries(self):
        longer = [route("a", [rule([{"path": {"type": "PathPrefix", "value": "/v1/chat"}}])]),
                  route("b", [rule([{"path": {"type": "PathPrefix", "value": "/v1"}, "method": "POST",
                                     "headers": [header("A")]}])])]
        self.assertEqual(chosen(longer, request(headers=[(H, "A")])), "serving/a#0")
        method = [route("a", [rule([{"headers": [header("A"), header("1", name="x-other")]}])]),
                  route("b", [rule([{"method": "POST"}])])]
        self.assertEqual(chosen(method, request(headers=[(H, "A"), ("x-other", "1")])), "serving/b#0")
        headers = [route("a", [rule([{"queryParams": [{"name": "q", "value": "1"}]}])]),
                   route("b", [rule([{"headers": [header("A")]}])])]
        self.assertEqual(chosen(headers, request(headers=[(H, "A")], query={"q": ["1"]})), "serving/b#0")
        more = [route("a", [rule([{"headers": [header("A")]}])]),
                route("b", [rule([{"headers": [header("A"), header("1", name="x-other")]}])])]
        self.assertEqual(chosen(more, request(headers=[(H, "A"), ("x-other", "1")])), "serving/b#0")
        queries = [route("a", [rule([{}])]), route("b", [rule([{"queryParams": [{"name": "q", "value": "1"}]}])])]
        self.assertEqual(chosen(queries, request(query={"q": ["1"]})), "serving/b#0")

    def test_ties_oldest_then_namespace_name_then_rule_order(self):
        same = [{"headers": [header("A")]}]
        by_name = [route("b", [rule(same)]), route("a", [rule(same)]), route("a", [rule(same)], namespace="other")]
        self.assertEqual(chosen(by_name, request(headers=[(H, "A")])), "other/a#0")
        by_age = [route("a", [rule(same)], created="2025-01-02T00:00:00Z"),
                  route("b", [rule(same)], created="2025-01-01T00:00:00Z")]
        self.assertEqual(chosen(by_age, request(headers=[(H, "A")])), "serving/b#0")
        by_rule = [route("a", [rule([{}]), rule(same), rule(same)])]
        self.assertEqual(chosen(by_rule, request(headers=[(H, "A")])), "serving/a#1")


class Forwarding(unittest.TestCase):
    def setUp(self):
        self.engine = stand_in_vllm.Engine("p", ["org/A"], [KEY]).start()
        objects = [gateway(), pool("p"),
                   route("a", [rule([{"headers": [header("org/A")]}], timeout="1s")]),
                   route("slow", [rule([{"headers": [header("slow")]}], timeout="0s")]),
                   route("short", [rule([{"headers": [header("short")]}], timeout="90ms")]),
                   route("missing", [rule([{"headers": [header("gone")]}], pool="nope")]),
                   route("elsewhere", [rule([{"headers": [header("x")]}], backendRefs=[
                       {"group": "inference.networking.k8s.io", "kind": "InferencePool", "name": "p",
                        "namespace": "other"}])])]
        self.gateway = sg.Gateway(None, GW_NS, GW, 80, objects=objects)
        self.gateway.register_pool("serving", "p", self.engine.base)
        self.gateway.start()

    def tearDown(self):
        self.gateway.stop()
        self.engine.stop()

    def post(self, value, body, timeout=10):
        connection = http.client.HTTPConnection("127.0.0.1", self.gateway.port, timeout=timeout)
        data = json.dumps(body).encode()
        connection.request("POST", "/v1/chat/completions", data, {
            H: value, "Authorization": "Bearer " + KEY, "Content-Type": "application/json"})
        return connection, connection.getresponse()

    def test_streams_pass_through_piece_by_piece(self):
        connection, response = self.post("org/A", {"model": "org/A", "messages": [], "stream": True})
        arrivals = []
        while True:
            line = response.fp.readline()  # the chunk-size lines of the re-chunked stream, as they arrive
            if not line:
                break
            arrivals.append(time.monotonic())
            if line.strip() == b"0":
                break
            response.fp.readline()
            response.fp.readline()
        connection.close()
        self.assertEqual(response.status, 200)
        self.assertGreaterEqual(len(arrivals), 9)
        self.assertGreater(arrivals[-1] - arrivals[0], 0.1)  # the stand-in sleeps 20 ms between events
        got = self.gateway.seen()[0]
        self.assertEqual((got["route"], got["rule"], got["backend"], got["headers"][H.lower()]),
                         ("serving/a", 0, "InferencePool serving/p", "org/A"))
        self.assertEqual(self.engine.seen()[0]["headers"]["authorization"], "Bearer " + KEY)

    def test_request_timeout_answers_504_and_drops_the_backend(self):
        self.engine.delay = 3
        started = time.monotonic()
        connection, response = self.post("org/A", {"model": "org/A", "messages": []})
        body = response.read()
        connection.close()
        self.assertEqual((response.status, body), (504, b"upstream request timeout"))
        self.assertLess(time.monotonic() - started, 1.8)
        time.sleep(0.2)
        self.assertIsNotNone(self.engine.seen()[0]["aborted"])
        self.assertTrue(self.gateway.seen()[0]["timed_out"])

    def test_request_timeout_cuts_a_stream_already_flowing(self):
        self.engine.served_names.append("short")
        connection, response = self.post("short", {"model": "short", "messages": [], "stream": True})
        self.assertEqual(response.status, 200)  # the head went out before the deadline
        with self.assertRaises(http.client.IncompleteRead):  # no terminating chunk: the stream was cut
            response.read()
        connection.close()
        time.sleep(0.3)
        got = self.gateway.seen()[0]
        self.assertTrue(got["timed_out"])
        self.assertLess(got["finished"] - got["started"], 0.16)  # ~90 ms, while the stream takes ~180 ms
        self.assertIsNotNone(self.engine.seen()[0]["aborted"])  # the engine's writes failed: it saw the cut

    def test_zero_timeout_disables_it(self):
        self.engine.delay = 1.3
        self.engine.served_names.append("slow")
        connection, response = self.post("slow", {"model": "slow", "messages": []})
        response.read()
        connection.close()
        self.assertEqual(response.status, 200)

    def test_client_hang_up_reaches_the_backend(self):
        self.engine.delay = 3
        connection = socket.create_connection(("127.0.0.1", self.gateway.port))
        data = json.dumps({"model": "org/A", "messages": []}).encode()
        connection.sendall(b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n%s: org/A\r\nAuthorization: Bearer %s\r\n"
                           b"Content-Length: %d\r\n\r\n%s" % (H.encode(), KEY.encode(), len(data), data))
        time.sleep(0.3)
        connection.close()
        time.sleep(0.4)
        self.assertIsNotNone(self.engine.seen()[0]["aborted"])
        self.assertTrue(self.gateway.seen()[0]["client_left"])

    def test_no_match_404_invalid_backend_500(self):
        for value, status in (("nobody", 404), ("gone", 500), ("x", 500)):
            connection, response = self.post(value, {"model": "org/A", "messages": []})
            response.read()
            connection.close()
            self.assertEqual(response.status, status, value)
        self.assertEqual([s["why"] for s in self.gateway.seen() if s["status"] == 500],
                         ["no InferencePool serving/nope in out/", "no ReferenceGrant in other"])
        self.assertFalse(self.engine.seen())


class Loading(unittest.TestCase):
    def test_unsupported_filter_is_refused(self):
        objs = [gateway(), route("a", [rule(filters=[{"type": "RequestMirror"}])])]
        with self.assertRaises(sg.RouteError):
            sg.attached_rules(objs, objs[0], 80)

    def test_gateway_for_host(self):
        objs = [gateway(), {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "m", "namespace": "serving"}}]
        self.assertEqual(sg.gateway_for_host(objs, "inner.gw.svc.cluster.local"), (GW_NS, GW))
        self.assertEqual(sg.gateway_for_host(objs, "custom-svc.gw.svc"), (GW_NS, GW))  # serviceName configured
        self.assertIsNone(sg.gateway_for_host(objs, "m.serving.svc.cluster.local"))
        self.assertIsNone(sg.gateway_for_host(objs, "inner.gw.example.com"))

    def test_durations(self):
        self.assertEqual(sg.duration("1m55s"), 115)
        self.assertEqual(sg.duration("2s500ms"), 2.5)
        with self.assertRaises(sg.RouteError):
            sg.duration("1.5s")


if __name__ == "__main__":
    unittest.main()
