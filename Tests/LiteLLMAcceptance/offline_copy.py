"""A copy of a LiteLLM proxy config that loads with no database, no Redis and no real secret.

What is removed, and only that (each removal is reported as a note):
  general_settings  database_url, database_*, store_model_in_db, any key naming redis
  router_settings   redis_*, cache_responses, cache_kwargs
  litellm_settings  cache, cache_params, any key naming redis
  environment_variables  DATABASE_URL, DIRECT_URL, REDIS_*
Every `os.environ/VAR` left gets a dummy value in the proxy's environment; the master key's variable
gets a throw-away key. Everything else is written back unchanged, so LiteLLM judges the rest.
"""
import copy
import os
import secrets

import yaml

ENV_PREFIX = "os.environ/"


def _section(config, name):
    value = config.get(name)
    return value if isinstance(value, dict) else {}  # a malformed section is LiteLLM's to reject


def _drop(section, name, keys, notes, why):
    for key in [k for k in section if keys(k)]:
        del section[key]
        notes.append("removed %s.%s (%s)" % (name, key, why))


def _env_refs(value, found):
    if isinstance(value, dict):
        for item in value.values():
            _env_refs(item, found)
    elif isinstance(value, list):
        for item in value:
            _env_refs(item, found)
    elif isinstance(value, str) and value.startswith(ENV_PREFIX):
        found.add(value[len(ENV_PREFIX):])


def load(path):
    """The config as LiteLLM reads it (yaml.safe_load: proxy/proxy_server.py:5728, litellm 1.106.12),
    or an error message."""
    try:
        with open(path, encoding="utf-8") as f:
            config = yaml.safe_load(f)
    except yaml.YAMLError as error:
        return None, "YAML error: " + " ".join(str(error).split())
    except UnicodeDecodeError as error:
        return None, "not UTF-8: %s" % error
    if not isinstance(config, dict):
        return None, "the config is empty or not a mapping"
    return config, None


def prepare(config, source_path, work):
    """Writes work/config.yaml; returns (path, environment for the proxy, master key, notes)."""
    config = copy.deepcopy(config)  # the caller keeps the original for the static checks
    notes = []
    general, router, settings = (_section(config, name)
                                 for name in ("general_settings", "router_settings", "litellm_settings"))
    _drop(general, "general_settings",
          lambda k: k in ("database_url", "store_model_in_db") or k.startswith("database_") or "redis" in k,
          notes, "needs a database or Redis")
    _drop(router, "router_settings",
          lambda k: k.startswith("redis_") or k in ("cache_responses", "cache_kwargs"), notes, "needs Redis")
    _drop(settings, "litellm_settings",
          lambda k: k in ("cache", "cache_params") or "redis" in k, notes, "a cache needs Redis")
    variables = config.get("environment_variables")
    if isinstance(variables, dict):
        _drop(variables, "environment_variables",
              lambda k: k in ("DATABASE_URL", "DIRECT_URL") or k.startswith("REDIS_"), notes,
              "needs a database or Redis")

    # LiteLLM resolves include paths against the config's folder (proxy_server.py:5742); the copy lives elsewhere.
    if isinstance(config.get("include"), list):
        base = os.path.dirname(os.path.abspath(source_path))
        config["include"] = [p if not isinstance(p, str) or os.path.isabs(p) else os.path.join(base, p)
                             for p in config["include"]]

    master_key = "sk-" + secrets.token_hex(24)  # never sk-1234: LiteLLM refuses publicly known keys
    declared = general.get("master_key")
    if isinstance(declared, str) and declared.startswith(ENV_PREFIX):
        master_variable = declared[len(ENV_PREFIX):]
        notes.append("%s is a throw-away master key" % declared)
    elif isinstance(declared, str) and declared:
        master_key, master_variable = declared, None  # a literal key: the only one the proxy will take
        notes.append("general_settings.master_key is a literal: used as it is")
    else:
        # Without one in the config the proxy reads LITELLM_MASTER_KEY (proxy_server.py:6949).
        master_variable = "LITELLM_MASTER_KEY"
        notes.append("no general_settings.master_key: LITELLM_MASTER_KEY is a throw-away key")
    refs = set()
    _env_refs(config, refs)
    refs.discard(master_variable)
    environment = {name: "dummy-" + name.lower() for name in sorted(refs)}
    if environment:
        notes.append("dummy values for " + ", ".join(ENV_PREFIX + name for name in environment))
    if master_variable:
        environment[master_variable] = master_key

    path = os.path.join(work, "config.yaml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(config, f, sort_keys=False, allow_unicode=True)
    return path, environment, master_key, notes
