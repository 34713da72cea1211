"""--strict: what LiteLLM accepts without a word but is almost surely a mistake (litellm 1.106.12).

  router_settings   the proxy passes only Router.__init__ arguments it does not manage itself and
                    logs a WARNING for the rest (proxy/proxy_server.py:7227-7250, router.py:1395,
                    constants.py:46): a misspelt key is a setting silently not applied.
  litellm_settings  the proxy setattr()s every key onto the litellm module (proxy_server.py:6869), so
                    a typo is a new, unread attribute. Real ones: attributes of the module, and the
                    few the proxy reads by name without one (PROXY_READS).
  general_settings  LiteLLM's own ConfigGeneralSettings "documents all the fields supported"
                    (proxy/_types.py:2786); the proxy reads the dict, unknown keys pass.
  model_info.id     LiteLLM keeps two deployments with one id; routing, cooldowns and spend by
                    deployment then confuse them.
"""
import litellm
from litellm.constants import ROUTER_SETTINGS_MANAGED_OUTSIDE_CONFIG
from litellm.proxy._types import ConfigGeneralSettings
from litellm.router import Router

# litellm_settings keys the proxy reads by name that are no attribute of the litellm module.
PROXY_READS = frozenset({
    "budget_reset_time", "cache_params", "guardrails",  # proxy_server.py:6551, 6621, 6852
    "enable_redis_auth_cache", "mcp_aliases", "mcp_semantic_tool_filter",  # proxy_server.py:6126, 7335, 8611
    # proxy/common_utils/callback_utils.py:351, 187, 332
    "azure_content_safety_params", "presidio_logging_only", "prompt_injection_params",
    "scim_admin_group", "scim_upsert_user",  # proxy/management_endpoints/scim/scim_v2.py:425, 386
    "websearch_interception_params",  # integrations/websearch_interception/handler.py:539
})


def _keys(config, name):
    section = config.get(name)
    return list(section) if isinstance(section, dict) else []


def check(config):
    """Findings and a summary line."""
    findings = []
    router_args = set(Router.get_valid_args()) - ROUTER_SETTINGS_MANAGED_OUTSIDE_CONFIG
    for key in _keys(config, "router_settings"):
        if key not in router_args:
            findings.append(("strict/router-settings",
                             "router_settings.%s is no Router argument the proxy takes from its config" % key))
    for key in _keys(config, "litellm_settings"):
        if not hasattr(litellm, key) and key not in PROXY_READS:
            findings.append(("strict/litellm-settings",
                             "litellm_settings.%s is no litellm setting: LiteLLM sets it and nothing reads it" % key))
    for key in _keys(config, "general_settings"):
        if key not in ConfigGeneralSettings.model_fields:
            findings.append(("strict/general-settings",
                             "general_settings.%s is no field of LiteLLM's ConfigGeneralSettings" % key))
    ids = [str(e["model_info"]["id"]) for e in config.get("model_list") or []
           if isinstance(e, dict) and isinstance(e.get("model_info"), dict) and e["model_info"].get("id") is not None]
    for twice in sorted({i for i in ids if ids.count(i) > 1}):
        findings.append(("strict/duplicate-id", "model_info.id %r names %d deployments" % (twice, ids.count(twice))))
    summary = "keys known: %d router_settings, %d litellm_settings, %d general_settings; %d model_info.id unique" % (
        len(_keys(config, "router_settings")), len(_keys(config, "litellm_settings")),
        len(_keys(config, "general_settings")), len(set(ids)))
    return findings, summary
