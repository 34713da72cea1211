/// The team reconciler's program (python3 standard library only: the LiteLLM image has nothing
/// else we may rely on). Same text for every platform: everything it needs comes from the
/// environment the Job sets. Endpoints, status codes and shapes follow LiteLLM 1.106.12's
/// proxy/management_endpoints/team_endpoints.py (docs/render-litellm.md lists the lines).
enum ReconcileScript {
    static let text = #"""
        """platc's LiteLLM team reconciler: makes LiteLLM's teams match teams.json.

        Per team of the document: missing -> /team/new; present -> /team/update with only the
        fields that differ (nothing differs: no call), and /team/unblock if it was blocked. A team
        marked as platc's for this platform that the document no longer lists -> /team/block
        (never deleted: its spend history stays). Exit 0 when LiteLLM matches, 1 otherwise.
        """
        import json
        import os
        import sys
        import time
        import urllib.error
        import urllib.parse
        import urllib.request

        URL = os.environ["LITELLM_URL"].rstrip("/")
        # A file of the mounted Secret, not a variable: a process's environment is inherited by
        # its children and readable in /proc/<pid>/environ. Read in main().
        KEY_FILE = os.environ["LITELLM_MASTER_KEY_FILE"]
        KEY = None
        TEAMS_FILE = os.environ["TEAMS_FILE"]
        PLATFORM = os.environ["PLATC_PLATFORM"]
        READY_TIMEOUT = float(os.environ.get("READY_TIMEOUT_SECONDS", "300"))
        READY_INTERVAL = float(os.environ.get("READY_INTERVAL_SECONDS", "5"))
        # Compared and updated; /team/update with budget_duration restarts the budget window, so a
        # field is sent only when it differs.
        FIELDS = ("team_alias", "models", "max_budget", "budget_duration", "tpm_limit", "rpm_limit")


        class Failure(Exception):
            pass


        def call(method, path, body=None):
            """(status, parsed JSON or error text) of one management API call."""
            request = urllib.request.Request(
                URL + path,
                data=None if body is None else json.dumps(body).encode(),
                method=method,
                headers={"Authorization": "Bearer " + KEY, "Content-Type": "application/json"},
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    return response.status, json.load(response)
            except urllib.error.HTTPError as error:
                return error.code, error.read().decode("utf-8", "replace")[:500]
            except (OSError, ValueError) as error:
                raise Failure(f"{method} {path}: {error}")


        def expect(what, status, body):
            if status != 200:
                raise Failure(f"{what}: HTTP {status}: {body}")
            return body


        def read_key():
            """The master key, without surrounding whitespace (a Secret made from a file keeps its newline)."""
            try:
                with open(KEY_FILE, encoding="utf-8") as file:
                    key = file.read().strip()
            except (OSError, ValueError) as error:
                raise Failure(f"cannot read the master key: {error}")
            if not key:
                raise Failure(f"the master key file {KEY_FILE} is empty")
            return key


        def wait_until_ready():
            """/health/readiness answers 200 with db "connected" once the proxy can store teams."""
            deadline = time.monotonic() + READY_TIMEOUT
            while True:
                try:
                    with urllib.request.urlopen(URL + "/health/readiness", timeout=10) as response:
                        db = json.load(response).get("db")
                    if db == "connected":
                        return
                    if db == "Not connected":
                        raise Failure("the proxy has no database (general_settings.database_url): it cannot store teams")
                    last = f"db {db}"
                except urllib.error.HTTPError as error:
                    last = f"HTTP {error.code}"
                except (OSError, ValueError) as error:
                    last = str(error)
                if time.monotonic() >= deadline:
                    raise Failure(f"the proxy at {URL} is not ready after {READY_TIMEOUT:g}s (last: {last})")
                print(f"waiting for the proxy: {last}", flush=True)
                time.sleep(READY_INTERVAL)


        def reconcile(team):
            team_id = team["team_id"]
            status, body = call("GET", "/team/info?team_id=" + urllib.parse.quote(team_id, safe=""))
            if status == 404:
                expect(f"create {team_id}", *call("POST", "/team/new", team))
                print(f"{team_id}: created")
                return
            current = expect(f"read {team_id}", status, body)["team_info"]
            changes = {key: team[key] for key in FIELDS if current.get(key) != team[key]}
            metadata = current.get("metadata") or {}
            if any(metadata.get(key) != value for key, value in team["metadata"].items()):
                # /team/update replaces metadata: keep the keys others wrote.
                changes["metadata"] = {**metadata, **team["metadata"]}
            if changes:
                expect(f"update {team_id}", *call("POST", "/team/update", {"team_id": team_id, **changes}))
                print(f"{team_id}: updated {', '.join(sorted(changes))}")
            if current.get("blocked"):
                expect(f"unblock {team_id}", *call("POST", "/team/unblock", {"team_id": team_id}))
                print(f"{team_id}: unblocked")
            if not changes and not current.get("blocked"):
                print(f"{team_id}: unchanged")


        def block_removed(wanted):
            for team in expect("list teams", *call("GET", "/team/list")):
                metadata = team.get("metadata") or {}
                ours = metadata.get("managed-by") == "platc" and metadata.get("platform") == PLATFORM
                if ours and team["team_id"] not in wanted and not team.get("blocked"):
                    expect(f"block {team['team_id']}", *call("POST", "/team/block", {"team_id": team["team_id"]}))
                    print(f"{team['team_id']}: blocked (no longer a tenant)")


        def main():
            global KEY
            KEY = read_key()
            with open(TEAMS_FILE, encoding="utf-8") as file:
                teams = json.load(file)
            wait_until_ready()
            for team in teams:
                reconcile(team)
            block_removed({team["team_id"] for team in teams})
            print(f"reconciled {len(teams)} teams")


        if __name__ == "__main__":
            try:
                main()
            except Failure as failure:
                print(f"error: {failure}", file=sys.stderr)
                sys.exit(1)

        """#
}
