"""The teams document (a JSON list of /team/new bodies) judged by LiteLLM's own code.

/team/new needs a database, so the bodies are not posted; instead each goes through what the
endpoint does before it touches the database (litellm 1.106.12):
  - FastAPI builds NewTeamRequest from the body (proxy/_types.py:2210). Pydantic ignores keys the
    model lacks, so an unknown key is reported here: LiteLLM would drop it without a word.
  - new_team() refuses negative or non-finite budgets and a soft_budget not below max_budget, and
    runs validate_budget_duration on budget_duration and team_member_budget_duration
    (proxy/management_endpoints/team_endpoints.py:1465-1488, which calls budget_duration_error,
    proxy/common_utils/timezone_utils.py:96, over duration_in_seconds,
    litellm_core_utils/duration_parser.py:51).
Beyond LiteLLM, and what the reconciler relies on: every model a team names is a model_name, a
router_settings.model_group_alias or a model_info.access_groups entry of the config (or one of
LiteLLM's special names, proxy/_types.py:4055), and team_ids are unique.
"""
import json
import math

from litellm.proxy._types import NewTeamRequest, SpecialModelNames
from litellm.proxy.common_utils.timezone_utils import budget_duration_error
from pydantic import ValidationError


def callable_models(config):
    """The names a team's `models` may use in this config."""
    names = set(SpecialModelNames._value2member_map_)
    for entry in config.get("model_list") or []:
        if isinstance(entry, dict):
            names.add(entry.get("model_name"))
            names.update((entry.get("model_info") or {}).get("access_groups") or [])
    names.update(((config.get("router_settings") or {}).get("model_group_alias") or {}).keys())
    return names


def _request_keys():
    keys = set()
    for name, field in NewTeamRequest.model_fields.items():
        keys.add(name)
        if field.alias:
            keys.add(field.alias)
    return keys


def _budget_findings(label, team):
    """new_team()'s own refusals before the database (team_endpoints.py:1465-1488)."""
    found = []
    for key in ("max_budget", "team_member_budget", "soft_budget"):
        value = getattr(team, key, None)
        if value is not None and (not math.isfinite(value) or value < 0):
            found.append(("teams/budget", "%s: %s must be a non-negative finite number, is %r" % (label, key, value)))
    if team.soft_budget is not None and team.max_budget is not None and team.soft_budget >= team.max_budget:
        found.append(("teams/budget", "%s: soft_budget must be below max_budget" % label))
    for key in ("budget_duration", "team_member_budget_duration"):
        error = budget_duration_error(getattr(team, key, None))
        if error:
            found.append(("teams/budget-duration", "%s: %s" % (label, error)))
    return found


def check(path, config):
    """Findings and a summary line."""
    try:
        with open(path, encoding="utf-8") as f:
            bodies = json.load(f)
    except (OSError, ValueError) as error:
        return [("teams/format", "%s: %s" % (path, error))], None
    if not isinstance(bodies, list):
        return [("teams/format", "the teams file must be a JSON list of /team/new bodies")], None
    known, models, findings, seen = _request_keys(), callable_models(config), [], set()
    for i, body in enumerate(bodies):
        label = "teams[%d]" % i
        if not isinstance(body, dict):
            findings.append(("teams/format", label + " is not a JSON object"))
            continue
        label += " (%s)" % body.get("team_id")
        unknown = sorted(set(body) - known)
        if unknown:
            findings.append(("teams/unknown-key", "%s: LiteLLM's NewTeamRequest has no %s (it would drop them silently)"
                             % (label, ", ".join(repr(k) for k in unknown))))
        try:
            team = NewTeamRequest.model_validate(body)
        except ValidationError as error:
            for problem in error.errors():
                where = ".".join(str(p) for p in problem["loc"])
                findings.append(("teams/schema",
                                 "%s: %s: %s (got %r)" % (label, where, problem["msg"], problem.get("input"))))
        else:
            findings += _budget_findings(label, team)
        named = body.get("models")
        for model in named if isinstance(named, list) else []:  # a non-list is a schema finding
            if model not in models:
                findings.append(("teams/model",
                                 "%s: model %r is no model_name, alias or access group of the config" % (label, model)))
        team_id = body.get("team_id")
        if isinstance(team_id, str) and team_id in seen:
            findings.append(("teams/duplicate-id",
                             "%s: team_id %r is used twice (the second /team/new fails)" % (label, team_id)))
        seen.add(team_id)
    return findings, "%d /team/new bod%s" % (len(bodies), "y" if len(bodies) == 1 else "ies")
