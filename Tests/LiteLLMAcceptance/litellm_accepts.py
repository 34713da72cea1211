#!/usr/bin/env python3
"""Does LiteLLM itself accept a proxy config (and the teams meant for it)? Offline, no database.

    PY=$(scripts/python-env litellm)
    $PY Tests/LiteLLMAcceptance/litellm_accepts.py CONFIG.yaml [--teams TEAMS.json] [--strict]
        [--fail-fast] [--timeout SECONDS] [--keep] [--verbose]

1. A copy of CONFIG that loads without a database or Redis, with dummy values for every
   os.environ/VAR and a throw-away master key (offline_copy.py; each removal is printed).
2. LiteLLM's real proxy starts on it at 127.0.0.1:<free port> (proxy_probe.py) and must answer
   /health/liveliness within --timeout; /v1/models must serve every model_name and /v1/model/info
   hold every deployment of model_list (LiteLLM drops one it cannot build and serves on). A
   parked model's names (model_info.blocked) must be hidden from /v1/models instead, and a call to
   each must be refused with 403 "Model is blocked" in under 2 s. Names whose model_info says
   supports_function_calling / supports_reasoning must say so in /model_group/info.
   LiteLLM's own error lines from the proxy log are printed as `litellm| …`.
3. --teams: every /team/new body as LiteLLM's NewTeamRequest and new_team() judge it, models that
   exist in the config, unique team_ids (team_bodies.py).
4. --strict: router_settings, litellm_settings and general_settings keys LiteLLM knows, unique
   model_info.id (strict_settings.py).
While the proxy boots, 3 and 4 run here (both import litellm: seconds each, on the other core).
--fail-fast runs them first and skips the proxy when they fail.

Every finding is one line `REJECT <check>: <what>`; the last line is ACCEPTED or NOT ACCEPTED.
Exit 0 accepted, 1 not accepted, 2 usage or setup error (wrong or compromised LiteLLM, a missing
file, interrupted). Runs with a clean environment (PATH, HOME in a temporary folder,
LITELLM_LOCAL_MODEL_COST_MAP=True so nothing is fetched); the proxy is always stopped.
"""
import argparse
import os
import shutil
import signal
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def _isolate():
    """Re-run under -I: no PYTHON* variables or user site-packages change what is tested."""
    if not sys.flags.isolated:
        os.execv(sys.executable, [sys.executable, "-I", os.path.abspath(__file__)] + sys.argv[1:])
    sys.path.insert(0, HERE)  # -I leaves the script's folder off sys.path
    sys.dont_write_bytecode = True  # no __pycache__ in the source tree


def _arguments():
    parser = argparse.ArgumentParser(description="Does LiteLLM itself accept this proxy config?")
    parser.add_argument("config", help="LiteLLM proxy config (YAML)")
    parser.add_argument("--teams", help="JSON list of /team/new bodies")
    parser.add_argument("--strict", action="store_true",
                        help="also fail on settings LiteLLM ignores and duplicate model_info.id")
    parser.add_argument("--fail-fast", action="store_true", help="do not start the proxy when an earlier check failed")
    parser.add_argument("--timeout", type=float, default=120, help="seconds the proxy may take to start (default 120)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (the copy, the proxy log)")
    parser.add_argument("--verbose", action="store_true", help="also print LiteLLM's WARNING lines")
    arguments = parser.parse_args()
    for path in (arguments.config, arguments.teams):
        if path is not None and not os.path.isfile(path):
            parser.error("no such file: %s" % path)
    return arguments


def _clean_environment(work):
    """The only variables LiteLLM sees, here and in the proxy."""
    environment = {"PATH": os.path.dirname(sys.executable) + ":/usr/bin:/bin", "HOME": work,
                   "LANG": "C.UTF-8", "TMPDIR": work, "LITELLM_LOCAL_MODEL_COST_MAP": "True"}
    os.environ.clear()
    os.environ.update(environment)
    return environment


def _expected(config):
    """What the running proxy must show for this config, and findings about model_list's shape."""
    entries = config.get("model_list")
    if not isinstance(entries, list):
        return {"names": [], "ids": [], "deployments": 0}, [("config/model-list", "model_list is not a list")]
    names, ids, findings, open_names, blocked_names, abilities = [], [], [], set(), set(), {}
    for i, entry in enumerate(entries):
        name = entry.get("model_name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not name:
            findings.append(("config/model-list", "model_list[%d] has no model_name" % i))
            continue
        if name not in names:
            names.append(name)
        info = entry.get("model_info")
        if isinstance(info, dict) and info.get("id") is not None:
            ids.append(str(info["id"]))
        (blocked_names if isinstance(info, dict) and info.get("blocked") is True else open_names).add(name)
        for ability in ("supports_function_calling", "supports_reasoning"):
            if isinstance(info, dict) and info.get(ability) is True:
                abilities.setdefault(name, []).append(ability)
    blocked = [n for n in names if n in blocked_names and n not in open_names]
    return {"names": names, "ids": ids, "deployments": len(entries), "blocked": blocked, "abilities": abilities}, findings


class _Interrupted(Exception):
    pass


def _interrupt(signum, frame):
    for other in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(other, signal.SIG_IGN)  # a second Ctrl-C must not cut the proxy's stop short
    raise _Interrupted(signal.Signals(signum).name)


def _static_checks(arguments, config):
    """--teams and --strict, here in the harness (each imports litellm)."""
    findings = []
    if arguments.teams:
        import team_bodies
        found, summary = team_bodies.check(arguments.teams, config)
        findings += found
        if summary:
            print("teams: %s%s" % (summary, ", valid" if not found else ""))
    if arguments.strict:
        import strict_settings
        found, summary = strict_settings.check(config)
        findings += found
        print("strict: " + summary if not found else "strict: %d finding%s" % (len(found), "s"[len(found) == 1:]))
    return findings


def _proxy_checks(proxy, expected, master_key, arguments):
    """Waits for the proxy, compares what it serves with the config, stops it, prints its errors."""
    import proxy_probe

    findings = []
    status, seconds = proxy.wait_until_live(arguments.timeout)
    if status == "up":
        print("proxy: up on 127.0.0.1:%d after %.1f s" % (proxy.port, seconds))
        try:
            found, summary = proxy_probe.served(expected, proxy.get("/v1/models", master_key),
                                                proxy.get("/v1/model/info", master_key))
            findings += found
            print("proxy: " + summary)
            if expected["abilities"]:
                found, summary = proxy_probe.abilities(expected["abilities"], proxy.get("/model_group/info", master_key))
                findings += found
                print("proxy: " + summary)
            if expected["blocked"]:
                found, summary = proxy_probe.parked(proxy, expected["blocked"], master_key)
                findings += found
                print("proxy: " + summary)
        except (OSError, ValueError) as error:
            findings.append(("proxy/api", "the proxy is up but its model API failed: %s" % error))
    proxy.stop()
    log = proxy.log()
    errors = proxy_probe.error_lines(log, warnings=arguments.verbose)
    if expected["blocked"]:  # the parked probe's own 403s
        errors = [line for line in errors if "PermissionDeniedError: Model is blocked" not in line]
    for line in errors:
        print("litellm| " + line)
    if status != "up":
        findings.append(("proxy/start", "the proxy %s (%.1f s after its start)" % (status, seconds)))
        for line in [] if errors else proxy_probe.tail(log):
            print("log| " + line)
    return findings


def run(arguments, work, environment):
    """Prints notes and findings; returns the findings."""
    import offline_copy
    import proxy_probe

    config, error = offline_copy.load(arguments.config)
    if config is None:
        return [("config/load", error)]
    path, proxy_environment, master_key, notes = offline_copy.prepare(config, arguments.config, work)
    for note in notes:
        print("note: " + note)
    expected, findings = _expected(config)

    def start():
        return proxy_probe.Proxy(path, dict(environment, **proxy_environment), work)

    proxy = None
    try:
        if not arguments.fail_fast:
            proxy = start()  # boots on one core while the static checks run on the other
        findings += _static_checks(arguments, config)
        if arguments.fail_fast and findings:
            print("proxy: not started (--fail-fast)")
            return findings
        proxy = proxy or start()
        return findings + _proxy_checks(proxy, expected, master_key, arguments)
    finally:
        if proxy is not None:
            proxy.stop()


def main():
    started = time.monotonic()
    _isolate()
    sys.stdout.reconfigure(line_buffering=True)  # findings appear as they are found, in order with stderr
    arguments = _arguments()
    import pinned_litellm

    refusal = pinned_litellm.refusal()
    if refusal:
        print("litellm-accepts: " + refusal, file=sys.stderr)
        return 2
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, _interrupt)
    work = tempfile.mkdtemp(prefix="litellm-accepts.")
    environment = _clean_environment(work)
    print("litellm-accepts: litellm %s, %s%s%s" % (pinned_litellm.installed_version(), arguments.config,
                                                   ", teams " + arguments.teams if arguments.teams else "",
                                                   ", strict" if arguments.strict else ""))
    try:
        findings = run(arguments, work, environment)
    except _Interrupted as signal_name:
        print("litellm-accepts: interrupted (%s); the proxy was stopped" % signal_name, file=sys.stderr)
        return 2
    except OSError as error:  # the proxy could not be started at all
        print("litellm-accepts: %s" % error, file=sys.stderr)
        return 2
    finally:
        if arguments.keep:
            print("work folder kept: " + work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    for check, what in findings:
        print("REJECT %s: %s" % (check, what))
    print("time: %.1f s" % (time.monotonic() - started))
    print("NOT ACCEPTED" if findings else "ACCEPTED")
    return 1 if findings else 0


if __name__ == "__main__":
    status = main()
    # Everything of ours is cleaned up by now; tearing down litellm's modules would add a second.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
