"""One problem found in an object: where (a field path), what kind of error (the API server's
field error types, which decide whether CEL rules still run) and the message."""

import json

# field.ErrorType values that stop the CRD's CEL rules from running (apiextensions-apiserver
# pkg/registry/customresource/strategy.go: hasBlockingErr).
BLOCKING = frozenset(("type", "required", "notsupported", "toolong", "toomany"))


class Key(str):
    """A map key in a path, shown as [key] instead of .field."""


class Problem:
    __slots__ = ("path", "kind", "message")

    def __init__(self, path, kind, message):
        self.path, self.kind, self.message = tuple(path), kind, message

    def text(self):
        return "%s: %s" % (format_path(self.path) or "(object)", self.message)

    def __repr__(self):
        return "Problem(%r)" % self.text()


def format_path(path):
    out = []
    for part in path:
        if isinstance(part, int):
            out.append("[%d]" % part)
        elif isinstance(part, Key):
            out.append("[%s]" % part)
        else:
            out.append("." + str(part))
    return "".join(out).lstrip(".")


def quote(value, limit=80):
    """A value as the API server quotes it in messages, shortened."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[:limit - 3] + "..."


def json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__
