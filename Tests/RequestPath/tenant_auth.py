"""Test-only LiteLLM `general_settings.custom_auth` hook: a tenant's key without LiteLLM's database.

Virtual keys live in LiteLLM's Postgres, which the offline harness does not run. This hook hands
LiteLLM the object a virtual key of a tenant's team would resolve to — `models: ["tenant:<name>"]`
(the access group, as teams.json names it) and `team_id` — so LiteLLM's own key-level model check
(`can_key_call_model`, proxy/auth/auth_checks.py, 1.106.12) decides with the rendered
`model_info.access_groups`. It runs under `custom_auth_settings: {mode: auto}` (litellm_enterprise
proxy/auth/user_api_key_auth.py): for any key not in the table it raises, and LiteLLM falls back to its
own authentication (the master key). The table comes from REQUEST_PATH_TENANT_KEYS (JSON key → tenant).
"""
import json
import os

from litellm.proxy._types import UserAPIKeyAuth


async def user_api_key_auth(request, api_key):
    tenant = json.loads(os.environ.get("REQUEST_PATH_TENANT_KEYS", "{}")).get(api_key)
    if tenant is None:
        raise ValueError("not a tenant key: LiteLLM's own authentication decides")
    return UserAPIKeyAuth(api_key=api_key, models=["tenant:" + tenant], team_id=tenant)
