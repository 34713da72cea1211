#!/usr/bin/env python3
"""litellm_accepts.py cannot pass by accident: on broken copies of a rendered config and teams it
must say NOT ACCEPTED for exactly the check each break breaks, and ACCEPTED on the untouched copy.

    PY=$(scripts/python-env litellm)
    $PY Tests/LiteLLMAcceptance/self_test.py OUT [--jobs 2]

Reads OUT/litellm/config.yaml and OUT/litellm/teams.json, writes one broken copy per case to a
temporary folder and runs the harness on each with --teams and --strict. Only the cases that LiteLLM's
proxy must judge start it; the others add --fail-fast, so the proxy is skipped once the static
check has failed. Two cases run at a time. Prints `self-test: N of N caught`; exit 0 when every
case is caught and the untouched copy is accepted, 1 otherwise, 2 for a usage error.
"""
import argparse
import concurrent.futures
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

HARNESS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "litellm_accepts.py")


def _config(change):
    def apply(config, teams):
        change(config)
        return config, teams
    return apply


def _teams(change):
    def apply(config, teams):
        change(teams)
        return config, teams
    return apply


def _unknown_provider(config):
    params = config["model_list"][0]["litellm_params"]
    params["model"] = "nosuchprovider/" + params["model"].split("/", 1)[-1]


def _duplicate_id(config):
    twin = copy.deepcopy(config["model_list"][0])
    twin["model_name"] += "-twin"  # a name of its own: only the id repeats
    config["model_list"].append(twin)


def _duplicate_team(teams):
    twin = copy.deepcopy(teams[0])
    twin["team_alias"] = "Twin"
    teams.append(twin)


def _settings(section, key, value):
    return _config(lambda config: config.setdefault(section, {}).__setitem__(key, value))


def _team_key(key, value):
    return _teams(lambda teams: teams[0].__setitem__(key, value))


# (name, break, the checks that must fail and no other, text the output must hold, needs the proxy)
CASES = [
    ("YAML error", "yaml", {"config/load"}, "YAML error", False),
    ("model entry without model_name", _config(lambda c: c["model_list"][0].pop("model_name")),
     {"config/model-list"}, "model_list[0] has no model_name", False),
    ("unknown provider prefix", _config(_unknown_provider), {"proxy/not-served", "proxy/not-built"},
     "Error creating deployment", True),
    ("routing_strategy LiteLLM refuses", _settings("router_settings", "routing_strategy", "fastest"),
     {"proxy/start"}, "Invalid routing_strategy", True),
    ("router_settings typo", _settings("router_settings", "retry_aftr", 1),
     {"strict/router-settings"}, "router_settings.retry_aftr", False),
    ("unknown litellm_settings key", _settings("litellm_settings", "request_timout", 60),
     {"strict/litellm-settings"}, "litellm_settings.request_timout", False),
    ("unknown general_settings key", _settings("general_settings", "alerting_treshold", 300),
     {"strict/general-settings"}, "general_settings.alerting_treshold", False),
    ("duplicate model_info.id", _config(_duplicate_id), {"strict/duplicate-id"}, "model_info.id", False),
    ("teams file not a list", lambda config, teams: (config, {"teams": teams}), {"teams/format"}, "JSON list", False),
    ("team body with an unknown key", _team_key("tpm_limt", 1000), {"teams/unknown-key"}, "'tpm_limt'", False),
    ("team budget of the wrong type", _team_key("max_budget", "lots"), {"teams/schema"}, "max_budget", False),
    ("negative team budget", _team_key("max_budget", -1), {"teams/budget"}, "max_budget", False),
    ("bad budget_duration", _team_key("budget_duration", "1 month"), {"teams/budget-duration"}, "'1 month'", False),
    ("team naming a model that does not exist", _team_key("models", ["tenant:nobody"]),
     {"teams/model"}, "'tenant:nobody'", False),
    ("duplicate team_id", _teams(_duplicate_team), {"teams/duplicate-id"}, "used twice", False),
]


def _write(folder, config, teams, config_text=None):
    os.makedirs(folder)
    config_path, teams_path = os.path.join(folder, "config.yaml"), os.path.join(folder, "teams.json")
    with open(config_path, "w", encoding="utf-8") as f:
        f.write(config_text if config_text is not None else yaml.safe_dump(config, sort_keys=False))
    with open(teams_path, "w", encoding="utf-8") as f:
        json.dump(teams, f, indent=2)
    return config_path, teams_path


def _run(config_path, teams_path, fail_fast):
    command = [sys.executable, HARNESS, config_path, "--teams", teams_path, "--strict"]
    if fail_fast:
        command.append("--fail-fast")
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=600)
    return result.returncode, result.stdout


def _verdict(name, expected, text, status, output):
    lines = output.splitlines()
    found = {m.group(1) for m in (re.match(r"REJECT (\S+):", l) for l in lines) if m}
    if expected is None:
        ok = status == 0 and lines[-1:] == ["ACCEPTED"] and not found
    else:
        ok = status == 1 and lines[-1:] == ["NOT ACCEPTED"] and found == expected and text in output
    if not ok:
        want = "ACCEPTED" if expected is None else "NOT ACCEPTED by %s with %r" % (", ".join(sorted(expected)), text)
        print("MISSED %s: wanted %s, got exit %d, checks %s\n%s" % (
            name, want, status, ", ".join(sorted(found)) or "none", "\n".join("  | " + l for l in lines)))
    else:
        print("%s %s: %s" % ("accepted" if expected is None else "caught", name,
                             "ACCEPTED" if expected is None else ", ".join(sorted(found))))
    return ok


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", help="a rendered out/ folder")
    parser.add_argument("--jobs", type=int, default=2)
    arguments = parser.parse_args()
    source = os.path.join(arguments.out, "litellm")
    try:
        with open(os.path.join(source, "config.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(source, "teams.json"), encoding="utf-8") as f:
            teams = json.load(f)
    except (OSError, ValueError) as error:
        print("litellm self-test: %s" % error, file=sys.stderr)
        return 2
    config = yaml.safe_load(text)
    if not config.get("model_list") or not teams:
        print("litellm self-test: %s needs at least one model and one team" % source, file=sys.stderr)
        return 2

    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="litellm-self-test.")
    try:
        jobs = [("untouched copy", None, None) + _write(os.path.join(work, "untouched"), config, teams, text)
                + (False,)]
        for i, (name, breaks, expected, needle, needs_proxy) in enumerate(CASES):
            folder = os.path.join(work, "case-%02d" % i)
            if breaks == "yaml":
                paths = _write(folder, None, teams, text + "router_settings: [unclosed\n")
            else:
                broken_config, broken_teams = breaks(copy.deepcopy(config), copy.deepcopy(teams))
                paths = _write(folder, broken_config, broken_teams)
            jobs.append((name, expected, needle) + paths + (not needs_proxy,))
        with concurrent.futures.ThreadPoolExecutor(arguments.jobs) as pool:
            results = list(pool.map(lambda job: _run(job[3], job[4], job[5]), jobs))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    accepted = _verdict(jobs[0][0], None, None, *results[0])
    caught = sum(_verdict(name, expected, needle, *result)
                 for (name, expected, needle, _, _, _), result in zip(jobs[1:], results[1:]))
    print("self-test: %d of %d caught%s (%.0f s)" % (
        caught, len(CASES), "" if accepted else ", the untouched copy NOT ACCEPTED", time.monotonic() - started))
    return 0 if accepted and caught == len(CASES) else 1


if __name__ == "__main__":
    sys.exit(main())
