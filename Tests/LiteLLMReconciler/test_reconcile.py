#!/usr/bin/env python3
"""Behaviour tests of the rendered LiteLLM team reconciler.

    python3 Tests/LiteLLMReconciler/test_reconcile.py OUT_DIR

Takes reconcile.py and teams.json from the rendered ConfigMap `litellm-team-reconciler` and the
environment from the rendered Job (in OUT_DIR/manifests/<application>/<litellm namespace>/), then runs the script
as the Job would, against FakeLiteLLM: a stdlib HTTP server that answers the management endpoints
the way LiteLLM 1.106.12 does. Each behaviour names the lines of
litellm/proxy/management_endpoints/team_endpoints.py (or _health_endpoints.py) it mirrors.
Needs python3 and PyYAML: run it with `scripts/python-env tests` (scripts/test does).
"""
import copy
import glob
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest
import urllib.parse

import yaml

OUT = None  # set from argv in __main__
MASTER_KEY = "sk-test-reconciler"
# The /team/new body keys platc may send: all are NewTeamRequest fields (proxy/_types.py).
NEW_TEAM_KEYS = {"team_id", "team_alias", "models", "max_budget", "budget_duration", "tpm_limit", "rpm_limit", "metadata"}


def rendered():
    """(script text, teams document text, Job container env as a dict, command, pod spec) from the
    rendered out/."""
    [config_map] = glob.glob(os.path.join(OUT, "manifests", "*", "*", "configmap.litellm-team-reconciler.yaml"))
    [job] = glob.glob(os.path.join(OUT, "manifests", "*", "*", "job.litellm-team-reconciler.yaml"))
    with open(config_map, encoding="utf-8") as f:
        data = yaml.safe_load(f)["data"]
    with open(job, encoding="utf-8") as f:
        pod = yaml.safe_load(f)["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = {e["name"]: e.get("value") for e in container["env"]}
    return data["reconcile.py"], data["teams.json"], env, container["command"], pod


class FakeLiteLLM:
    """LiteLLM's team management API over an in-memory team table."""

    def __init__(self):
        self.teams = {}          # team_id -> LiteLLM_TeamTable-like row
        self.calls = []          # (method, path, body)
        self.not_ready = 0       # how many more readiness probes answer 503
        self.db = "connected"
        self.fail = {}           # "POST /team/new" -> forced status
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                fake.handle(self, "GET")

            def do_POST(self):
                fake.handle(self, "POST")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def posts(self):
        return [(path, body) for method, path, body in self.calls if method == "POST"]

    def handle(self, h, method):
        parsed = urllib.parse.urlparse(h.path)
        length = int(h.headers.get("Content-Length") or 0)
        body = json.loads(h.rfile.read(length)) if length else None
        self.calls.append((method, parsed.path, body))
        route = f"{method} {parsed.path}"
        if route == "GET /health/readiness":
            # _health_endpoints.py 1879-1916: no auth; {"status", "db"}; 503 while the DB is unreachable.
            if self.not_ready > 0:
                self.not_ready -= 1
                return h.reply(503, {"status": "healthy", "db": "disconnected"})
            return h.reply(200, {"status": "healthy", "db": self.db})
        if h.headers.get("Authorization") != f"Bearer {MASTER_KEY}":
            return h.reply(401, {"error": {"message": "Authentication Error", "code": "401"}})
        if route in self.fail:
            return h.reply(self.fail[route], {"error": {"message": "Internal Server Error", "code": str(self.fail[route])}})
        if route == "GET /team/info":
            return self.team_info(h, urllib.parse.parse_qs(parsed.query).get("team_id", [None])[0])
        if route == "GET /team/list":
            # 5888-5990: a JSON list of every team row (plus memberships and keys) for the master key.
            return h.reply(200, [{**t, "team_memberships": [], "keys": []} for t in self.teams.values()])
        if route == "POST /team/new":
            return self.team_new(h, body)
        if route == "POST /team/update":
            return self.team_update(h, body)
        if route in ("POST /team/block", "POST /team/unblock"):
            # 5157-5259: 404 for an unknown team_id (5195, 5244); else sets blocked and returns the row.
            team = self.teams.get(body["team_id"])
            if team is None:
                return h.reply(404, {"detail": {"error": f"Team not found, passed team_id={body['team_id']}"}})
            team["blocked"] = parsed.path == "/team/block"
            return h.reply(200, team)
        return h.reply(404, {"detail": "Not Found"})

    def team_info(self, h, team_id):
        # 4872-5045: a missing team is HTTP 404 (4917-4923, wrapped as a ProxyException at 5026-5033);
        # a found one is {"team_id", "team_info": <row>, "keys", "team_memberships"}.
        team = self.teams.get(team_id)
        if team is None:
            message = {"message": f"Team not found, passed team id: {team_id}."}
            return h.reply(404, {"error": {"message": message, "type": "auth_error", "param": "None", "code": "404"}})
        return h.reply(200, {"team_id": team_id, "team_info": team, "keys": [], "team_memberships": []})

    def team_new(self, h, body):
        # 1347-1810: an existing team_id is HTTP 400 (1533-1541); the row stores the request's fields,
        # budget_reset_at is set from budget_duration (1713-1719), blocked starts false.
        assert set(body) <= NEW_TEAM_KEYS, f"not NewTeamRequest keys: {set(body) - NEW_TEAM_KEYS}"
        if body["team_id"] in self.teams:
            return h.reply(400, {"error": {"message": {"error": f"Team id = {body['team_id']} already exists."}, "code": "400"}})
        team = {**copy.deepcopy(body), "blocked": False, "spend": 0.0, "budget_reset_at": "reset-1"}
        self.teams[body["team_id"]] = team
        return h.reply(200, team)

    def team_update(self, h, body):
        # 2125-2600: 404 for an unknown team (2256-2264); only the fields sent change (exclude_unset,
        # 2421); sent metadata replaces the stored one (2470-2481); a sent budget_duration restarts
        # the budget window (_set_budget_reset_at, 2673-2682). Returns {"team_id", "data": row} (2591).
        team = self.teams.get(body["team_id"])
        if team is None:
            return h.reply(404, {"error": {"message": {"error": f"Team not found, passed team_id={body['team_id']}"}, "code": "404"}})
        for key, value in body.items():
            team[key] = copy.deepcopy(value)
        if "budget_duration" in body:
            team["budget_reset_at"] = "reset-2"
        return h.reply(200, {"team_id": team["team_id"], "data": team})


class ReconcilerTest(unittest.TestCase):
    def setUp(self):
        self.script, teams_text, self.env, self.command, self.pod = rendered()
        self.wanted = json.loads(teams_text)
        self.platform = self.env["PLATC_PLATFORM"]
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        for name, text in (("reconcile.py", self.script), ("teams.json", teams_text)):
            with open(os.path.join(self.tmp.name, name), "w", encoding="utf-8") as f:
                f.write(text)
        self.fake = FakeLiteLLM()
        self.addCleanup(self.fake.close)

    def run_job(self, url=None, ready_timeout=None, key=MASTER_KEY + "\n"):
        """Runs the script as the Job does: its command and env, the ConfigMap files, the Secret's key
        file (with the newline `kubectl create secret --from-file` keeps; None: no file), the mock's URL."""
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **{k: v for k, v in self.env.items() if v is not None}}
        key_file = os.path.join(self.tmp.name, "master-key")
        if key is not None:
            with open(key_file, "w", encoding="utf-8") as f:
                f.write(key)
        env.update(LITELLM_URL=url or self.fake.url, LITELLM_MASTER_KEY_FILE=key_file,
                   TEAMS_FILE=os.path.join(self.tmp.name, "teams.json"), READY_INTERVAL_SECONDS="0.1")
        if ready_timeout is not None:
            env["READY_TIMEOUT_SECONDS"] = str(ready_timeout)
        command = [sys.executable] + self.command[1:-1] + [os.path.join(self.tmp.name, "reconcile.py")]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)

    def seed(self, team, **changes):
        self.fake.teams[team["team_id"]] = {**copy.deepcopy(team), "blocked": False, "budget_reset_at": "reset-1", **changes}

    def assertMatches(self):
        for team in self.wanted:
            stored = self.fake.teams[team["team_id"]]
            for key, value in team.items():
                if key == "metadata":
                    self.assertLessEqual(value.items(), stored["metadata"].items())
                else:
                    self.assertEqual(stored[key], value, f"{team['team_id']}.{key}")
            self.assertFalse(stored["blocked"])

    def test_rendered_job_runs_the_rendered_script(self):
        self.assertEqual(self.command[0], "python3")
        self.assertTrue(self.command[-1].endswith("/reconcile.py"))
        self.assertTrue(self.env["TEAMS_FILE"].endswith("/teams.json"))
        # The master key is a file of the mounted Secret, never an environment variable.
        for variable in self.pod["containers"][0]["env"]:
            self.assertNotIn("valueFrom", variable, variable["name"])
        self.assertNotIn("envFrom", self.pod["containers"][0])
        key_folder, key_name = os.path.split(self.env["LITELLM_MASTER_KEY_FILE"])
        [mount] = [m for m in self.pod["containers"][0]["volumeMounts"] if m["mountPath"] == key_folder]
        self.assertTrue(mount["readOnly"])
        [volume] = [v for v in self.pod["volumes"] if v["name"] == mount["name"]]
        self.assertEqual([item["path"] for item in volume["secret"]["items"]], [key_name])
        self.assertEqual(volume["secret"]["defaultMode"], 0o440)
        self.assertEqual(self.pod["securityContext"]["fsGroup"], self.pod["securityContext"]["runAsGroup"])

    def test_first_run_creates_every_team(self):
        result = self.run_job()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual([p for p, _ in self.fake.posts()], ["/team/new"] * len(self.wanted))
        self.assertEqual([b for _, b in self.fake.posts()], self.wanted)
        self.assertMatches()

    def test_second_run_changes_nothing(self):
        self.assertEqual(self.run_job().returncode, 0)
        self.fake.calls.clear()
        result = self.run_job()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.fake.posts(), [])
        self.assertIn("unchanged", result.stdout)
        # The budget window was not restarted by the second run.
        self.assertTrue(all(t["budget_reset_at"] == "reset-1" for t in self.fake.teams.values()))

    def test_changed_budget_is_updated_alone(self):
        for team in self.wanted:
            self.seed(team)
        first = self.wanted[0]
        self.fake.teams[first["team_id"]]["max_budget"] = first["max_budget"] + 1
        self.fake.teams[first["team_id"]]["metadata"] = {"owner-note": "kept"}
        result = self.run_job()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.fake.posts(), [("/team/update", {
            "team_id": first["team_id"], "max_budget": first["max_budget"],
            "metadata": {"owner-note": "kept", **first["metadata"]}})])
        self.assertMatches()
        self.assertEqual(self.fake.teams[first["team_id"]]["budget_reset_at"], "reset-1")
        self.assertEqual(self.fake.teams[first["team_id"]]["metadata"]["owner-note"], "kept")

    def test_removed_tenant_is_blocked_not_deleted(self):
        for team in self.wanted:
            self.seed(team)
        ours = {"managed-by": "platc", "platform": self.platform}
        self.seed({"team_id": "gone", "metadata": ours})
        self.seed({"team_id": "gone-already-blocked", "metadata": ours}, blocked=True)
        self.seed({"team_id": "other-platform", "metadata": {"managed-by": "platc", "platform": "elsewhere"}})
        self.seed({"team_id": "hand-made", "metadata": {}})
        result = self.run_job()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.fake.posts(), [("/team/block", {"team_id": "gone"})])
        self.assertTrue(self.fake.teams["gone"]["blocked"])
        self.assertFalse(self.fake.teams["other-platform"]["blocked"])
        self.assertFalse(self.fake.teams["hand-made"]["blocked"])

    def test_returning_tenant_is_unblocked(self):
        for team in self.wanted:
            self.seed(team)
        self.fake.teams[self.wanted[0]["team_id"]]["blocked"] = True
        result = self.run_job()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.fake.posts(), [("/team/unblock", {"team_id": self.wanted[0]["team_id"]})])
        self.assertMatches()

    def test_waits_for_readiness(self):
        self.fake.not_ready = 3
        result = self.run_job()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(sum(1 for _, p, _ in self.fake.calls if p == "/health/readiness"), 4)
        self.assertIn("waiting for the proxy: HTTP 503", result.stdout)

    def test_proxy_never_ready_fails_clearly(self):
        self.fake.not_ready = 10**6
        result = self.run_job(ready_timeout=1)
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not ready after 1s (last: HTTP 503)", result.stderr)
        self.assertGreater(sum(1 for _, p, _ in self.fake.calls if p == "/health/readiness"), 2)
        self.assertEqual(self.fake.posts(), [])

    def test_proxy_unreachable_fails_clearly(self):
        result = self.run_job(url="http://127.0.0.1:9", ready_timeout=0.5)
        self.assertEqual(result.returncode, 1)
        self.assertIn("is not ready after 0.5s", result.stderr)

    def test_proxy_without_database_fails_at_once(self):
        self.fake.db = "Not connected"
        result = self.run_job()
        self.assertEqual(result.returncode, 1)
        self.assertIn("has no database", result.stderr)

    def test_server_error_exits_nonzero(self):
        self.fake.fail["POST /team/new"] = 500
        result = self.run_job()
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"create {self.wanted[0]['team_id']}: HTTP 500", result.stderr)

    def test_wrong_master_key_exits_nonzero(self):
        result = self.run_job(key="sk-something-else")
        self.assertEqual(result.returncode, 1)
        self.assertIn("HTTP 401", result.stderr)

    def test_missing_or_empty_key_file_fails_before_any_call(self):
        for key, text in ((None, "cannot read the master key"), ("\n", "is empty")):
            result = self.run_job(key=key)
            self.assertEqual(result.returncode, 1, key)
            self.assertIn(text, result.stderr)
            self.assertNotIn("Traceback", result.stderr)
        self.assertEqual(self.fake.calls, [])


if __name__ == "__main__":
    if len(sys.argv) < 2 or not os.path.isdir(sys.argv[1]):
        sys.exit("usage: test_reconcile.py OUT_DIR [unittest options]")
    OUT = sys.argv.pop(1)
    unittest.main(verbosity=2)
