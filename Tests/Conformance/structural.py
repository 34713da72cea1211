"""A CRD version's openAPIV3Schema applied as the API server applies a structural schema
(apiextensions-apiserver: structural defaulting, then kube-openapi validation and the list-type
checks): defaults first, unknown fields are errors unless x-kubernetes-preserve-unknown-fields
(the API server would prune them silently: the generator should not write them), null only where
nullable, types with x-kubernetes-int-or-string, enums, RE2 patterns, bounds, lengths, counts,
allOf/anyOf/oneOf/not as value validations, the ipv4/ipv6/date-time formats the vendored CRDs use,
embedded resources, and set/map list uniqueness."""

import copy
import difflib
import ipaddress
import json
import re

import kubecel.values
import list_types
from kubecel.errors import CELError
from kubecel.regex import compile_re2
from problems import Key, Problem, json_type, quote


def apply_defaults(value, schema):
    """Structural defaulting, in place (apiextensions-apiserver pkg/apiserver/schema/defaulting/
    algorithm.go: Default): a missing field, or a null one that is not nullable, with a `default`
    gets a copy of it, then defaults apply inside it too."""
    if isinstance(value, dict):
        properties = schema.get("properties") or {}
        for name, sub in properties.items():
            if "default" in sub and (name not in value or (value[name] is None and not sub.get("nullable"))):
                value[name] = copy.deepcopy(sub["default"])
        for name, sub in properties.items():
            if name in value:
                apply_defaults(value[name], sub)
        extra = schema.get("additionalProperties")
        if isinstance(extra, dict):
            for name in value:
                if name not in properties:
                    if value[name] is None and "default" in extra and not extra.get("nullable"):
                        value[name] = copy.deepcopy(extra["default"])
                    apply_defaults(value[name], extra)
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            apply_defaults(item, schema["items"])


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and value.is_integer()


_TYPES = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": _is_int,
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}

_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


def _format_error(fmt, value):
    """The formats the vendored CRDs use and the API server checks (int32/int64 it does not)."""
    if not isinstance(value, str):
        return None
    if fmt == "ipv4":
        try:
            ipaddress.IPv4Address(value)
            return None
        except ValueError:
            return "must be a valid IPv4 address"
    if fmt == "ipv6":
        try:
            ipaddress.IPv6Address(value)
            return None
        except ValueError:
            return "must be a valid IPv6 address"
    if fmt == "date-time":
        try:
            if _RFC3339.match(value):
                kubecel.values.parse_timestamp(value.replace(" ", "T"))
                return None
        except CELError:
            pass
        return "must be a valid RFC 3339 date-time"
    return None


class Walker:
    """Validates one object against one schema; `meta` checks an embedded metadata object."""

    def __init__(self, meta):
        self.meta = meta
        self.problems = []

    def add(self, path, kind, message):
        self.problems.append(Problem(path, kind, message))

    def validate(self, value, schema, path, resource=False, structural=True):
        if value is None:
            if not schema.get("nullable") and structural:
                self.add(path, "invalid", "Invalid value: null: not nullable here (the API server drops the field; do not write it)")
            return
        if not self._type(value, schema, path):
            return
        self._values(value, schema, path, structural)
        if isinstance(value, dict):
            self._object(value, schema, path, resource or schema.get("x-kubernetes-embedded-resource"), structural)
        elif isinstance(value, list):
            self._array(value, schema, path, structural)

    def _type(self, value, schema, path):
        if schema.get("x-kubernetes-int-or-string"):
            if _is_int(value) or isinstance(value, str):
                return True
            self.add(path, "type", 'Invalid value: "%s": must be an integer or a string' % json_type(value))
            return False
        wanted = schema.get("type")
        if wanted and not _TYPES[wanted](value):
            self.add(path, "type", 'Invalid value: "%s": must be of type %s' % (json_type(value), wanted))
            return False
        return True

    def _values(self, value, schema, path, structural):
        if "enum" in schema and not any(_json_equal(value, e) for e in schema["enum"]):
            allowed = ", ".join(quote(e) for e in schema["enum"])
            self.add(path, "notsupported", "Unsupported value: %s: supported values: %s" % (quote(value), allowed))
        if isinstance(value, str):
            if "maxLength" in schema and len(value) > schema["maxLength"]:
                self.add(path, "toolong", "Too long: may not be longer than %d characters (has %d)" % (schema["maxLength"], len(value)))
            if "minLength" in schema and len(value) < schema["minLength"]:
                self.add(path, "invalid", "Invalid value: %s: should be at least %d characters long" % (quote(value), schema["minLength"]))
            if "pattern" in schema and compile_re2(schema["pattern"]).search(value) is None:
                self.add(path, "invalid", "Invalid value: %s: should match '%s'" % (quote(value), schema["pattern"]))
            error = _format_error(schema.get("format"), value)
            if error:
                self.add(path, "invalid", "Invalid value: %s: %s" % (quote(value), error))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self._bounds(value, schema, path)
        elif isinstance(value, list):
            if "maxItems" in schema and len(value) > schema["maxItems"]:
                self.add(path, "toomany", "Too many: %d: must have at most %d items" % (len(value), schema["maxItems"]))
            if "minItems" in schema and len(value) < schema["minItems"]:
                self.add(path, "invalid", "Invalid value: %d: should have at least %d items" % (len(value), schema["minItems"]))
        elif isinstance(value, dict):
            if "maxProperties" in schema and len(value) > schema["maxProperties"]:
                self.add(path, "toomany", "Too many: %d: must have at most %d properties" % (len(value), schema["maxProperties"]))
            if "minProperties" in schema and len(value) < schema["minProperties"]:
                self.add(path, "invalid", "Invalid value: %d: should have at least %d properties" % (len(value), schema["minProperties"]))
        self._junctors(value, schema, path)

    def _bounds(self, value, schema, path):
        if "minimum" in schema:
            low = schema["minimum"]
            if value < low or (schema.get("exclusiveMinimum") is True and value == low):
                word = "greater than" if schema.get("exclusiveMinimum") is True else "greater than or equal to"
                self.add(path, "invalid", "Invalid value: %s: should be %s %s" % (quote(value), word, low))
        if "maximum" in schema:
            high = schema["maximum"]
            if value > high or (schema.get("exclusiveMaximum") is True and value == high):
                word = "less than" if schema.get("exclusiveMaximum") is True else "less than or equal to"
                self.add(path, "invalid", "Invalid value: %s: should be %s %s" % (quote(value), word, high))
        if schema.get("multipleOf") and (value / schema["multipleOf"]) % 1:
            self.add(path, "invalid", "Invalid value: %s: should be a multiple of %s" % (quote(value), schema["multipleOf"]))

    def _junctors(self, value, schema, path):
        # Value validations only: structural schemas cannot declare fields inside junctors.
        def matches(sub):
            walker = Walker(self.meta)
            walker.validate(value, sub, path, structural=False)
            return walker.problems
        for sub in schema.get("allOf") or []:
            self.problems.extend(matches(sub))
        if schema.get("anyOf"):
            results = [matches(sub) for sub in schema["anyOf"]]
            if all(results):
                self.add(path, "invalid", "Invalid value: %s: must match at least one schema (anyOf): %s"
                         % (quote(value), "; ".join(_short(r[0]) for r in results)))
        if schema.get("oneOf"):
            results = [matches(sub) for sub in schema["oneOf"]]
            valid = sum(1 for r in results if not r)
            if valid != 1:
                detail = "none matched: " + "; ".join(_short(r[0]) for r in results if r) if valid == 0 else "%d matched" % valid
                self.add(path, "invalid", "Invalid value: %s: must match exactly one schema (oneOf), %s" % (quote(value), detail))
        if "not" in schema and not matches(schema["not"]):
            self.add(path, "invalid", "Invalid value: %s: must not match the schema under `not`" % quote(value))

    def _object(self, value, schema, path, resource, structural):
        properties = schema.get("properties") or {}
        extra = schema.get("additionalProperties")
        keep_unknown = schema.get("x-kubernetes-preserve-unknown-fields") or extra is True
        for name in schema.get("required") or []:
            if name not in value:
                self.add(path + (name,), "required", "Required value")
        if resource and structural:
            for name in ("apiVersion", "kind"):
                if not isinstance(value.get(name), str) or not value.get(name):
                    self.add(path + (name,), "required", "Required value: an embedded resource needs %s" % name)
            if isinstance(value.get("metadata"), dict):
                self.problems.extend(self.meta(value["metadata"], path + ("metadata",)))
        for name, item in value.items():
            if resource and name in ("apiVersion", "kind", "metadata"):
                continue
            if name in properties:
                self.validate(item, properties[name], path + (name,), structural=structural)
            elif isinstance(extra, dict):
                self.validate(item, extra, path + (Key(name),), structural=structural)
            elif not keep_unknown and structural:
                hint = difflib.get_close_matches(name, sorted(properties), n=1)
                self.add(path + (name,), "unknown", "unknown field" + ('; did you mean "%s"?' % hint[0] if hint else
                                                                      "" if properties else " (the schema declares no fields here)"))

    def _array(self, value, schema, path, structural):
        items = schema.get("items")
        if isinstance(items, dict):
            for index, item in enumerate(value):
                self.validate(item, items, path + (index,), structural=structural)
        if not structural:
            return
        keys = schema.get("x-kubernetes-list-map-keys") or []
        for index, message in list_types.duplicates(value, schema.get("x-kubernetes-list-type"), keys):
            self.add(path + (index,), "duplicate", message)


def _json_equal(a, b):
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True) or (
        isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool) and not isinstance(b, bool) and a == b)


def _short(problem):
    return problem.text()
