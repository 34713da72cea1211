"""x-kubernetes-list-type, one rule for built-in kinds and CRDs alike: no repeated items in a
`set`, no two items with the same x-kubernetes-list-map-keys in a `map` (server-side apply
rejects both; the API server's Go validation rejects most)."""

import json

from problems import quote


def duplicates(items, list_type, keys):
    """(index, message) for each item that repeats an earlier one."""
    if not isinstance(items, list) or list_type not in ("set", "map"):
        return
    seen = {}
    for index, item in enumerate(items):
        if list_type == "map":
            if not isinstance(item, dict):
                continue
            identity = json.dumps([item.get(k) for k in keys], sort_keys=True)
            shown = "{%s}" % ", ".join("%s: %s" % (k, quote(item.get(k))) for k in keys)
        else:
            identity, shown = json.dumps(item, sort_keys=True), quote(item)
        if identity in seen:
            yield index, "Duplicate value: %s (also item %d)" % (shown, seen[identity])
        else:
            seen[identity] = index
