"""The CEL rules of CRD schemas (x-kubernetes-validations: rule, message, messageExpression,
fieldPath, reason, optionalOldSelf), evaluated with kubecel on the defaulted object as the API
server does (apiextensions-apiserver pkg/apiserver/schema/cel/validation.go):

- `self` is the value at the rule's schema node, typed by the schema (k8s.io/apiserver/pkg/cel/
  common/values.go): objects expose their declared properties only, under escaped names
  (escaping.go: `namespace` is `__namespace__`, `a-b` is `a__dash__b`); maps keep their keys;
  `set` and `map` lists compare regardless of order; strings of format duration, date, date-time
  and byte are durations, timestamps and bytes; at the root and in embedded resources `apiVersion`,
  `kind` and `metadata.name`/`generateName` are visible.
- A false rule is `PATH: Invalid value: "TYPE": MESSAGE`, a CEL runtime error is reported the same
  way with the error; `reason` changes the prefix as the API server does.
- Transition rules (oldSelf, optionalOldSelf) need the stored object: skipped and counted.
- A rule kubecel cannot compile or evaluate (a syntax cel-python lacks, a missing function, a
  type mismatch Kubernetes' type checker would have ruled out) is never a pass: it is recorded as
  unevaluated, and an error with --fail-unevaluated-cel.
"""

import base64
import binascii
import copy
import re

from celpy import celtypes as ct

import kubecel
from problems import Key, Problem
from structural import apply_defaults

ENV = kubecel.Environment(variables=("self", "oldSelf"))

_RESERVED = {"true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function",
             "if", "import", "let", "loop", "package", "namespace", "return", "var", "void", "while"}
_ESCAPES = {"__": "__underscores__", ".": "__dot__", "-": "__dash__", "/": "__slash__"}
_ESCAPABLE = re.compile(r"^[a-zA-Z_.\-/][a-zA-Z0-9_.\-/]*$")
_ESCAPE = re.compile(r"__|[.\-/]")
_REASONS = {"FieldValueForbidden": "Forbidden: ", "FieldValueRequired": "Required value: ",
            "FieldValueDuplicate": "Duplicate value: "}
_TYPE_NAMES = {"object": "object", "array": "array", "string": "string", "integer": "integer",
               "number": "number", "boolean": "boolean"}


def escape(name):
    """A property name as CEL sees it (k8s.io/apiserver/pkg/cel/escaping.go), or None when it
    cannot be a CEL identifier (the property is then not accessible)."""
    if name in _RESERVED:
        return "__%s__" % name
    if not _ESCAPABLE.match(name):
        return None
    return _ESCAPE.sub(lambda m: _ESCAPES[m.group()], name)


def typed(value, schema, resource=False):
    """The value as Kubernetes gives it to CEL for this schema node."""
    if value is None:
        return None
    if schema.get("x-kubernetes-int-or-string"):
        return kubecel.to_cel(value)
    kind = schema.get("type")
    if isinstance(value, dict) and kind in (None, "object"):
        properties = schema.get("properties")
        extra = schema.get("additionalProperties")
        resource = resource or schema.get("x-kubernetes-embedded-resource")
        if properties or resource:
            out = ct.MapType()
            for name, sub in (properties or {}).items():
                escaped = escape(name)
                if name in value and escaped and not (resource and name in ("apiVersion", "kind", "metadata")):
                    out[ct.StringType(escaped)] = typed(value[name], sub)
            if resource:
                for name in ("apiVersion", "kind"):
                    if name in value:
                        out[ct.StringType(name)] = kubecel.to_cel(value[name])
                meta = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
                out[ct.StringType("metadata")] = kubecel.to_cel({k: meta[k] for k in ("name", "generateName") if k in meta})
            return out
        if isinstance(extra, dict):
            return ct.MapType({ct.StringType(k): typed(v, extra) for k, v in value.items()})
        if schema.get("x-kubernetes-preserve-unknown-fields") or extra is True:
            return kubecel.to_cel(value)
        return ct.MapType()
    if isinstance(value, list) and kind in (None, "array"):
        items = [typed(v, schema.get("items") or {}) for v in value]
        unordered = schema.get("x-kubernetes-list-type") in ("set", "map")
        return kubecel.UnorderedList(items) if unordered else ct.ListType(items)
    if isinstance(value, str) and kind == "string":
        return _typed_string(value, schema.get("format"))
    if kind == "integer" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return ct.IntType(int(value))
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return ct.DoubleType(float(value))
    return kubecel.to_cel(value)


def _typed_string(value, fmt):
    try:
        if fmt == "duration":
            return kubecel.parse_duration(value)
        if fmt in ("date", "date-time"):
            return kubecel.values.parse_timestamp(value + "T00:00:00Z" if fmt == "date" else value)
        if fmt == "byte":
            return ct.BytesType(base64.b64decode(value, validate=True))
    except (kubecel.CELError, binascii.Error, ValueError):
        pass  # the schema check reports a malformed value; CEL sees the string
    return ct.StringType(value)


def rule_locations(schema, path=()):
    """(schema path, node schema, rules) for every node with x-kubernetes-validations."""
    if not isinstance(schema, dict):
        return
    if schema.get("x-kubernetes-validations"):
        yield path, schema, schema["x-kubernetes-validations"]
    for name, sub in (schema.get("properties") or {}).items():
        yield from rule_locations(sub, path + (name,))
    if isinstance(schema.get("additionalProperties"), dict):
        yield from rule_locations(schema["additionalProperties"], path + ("*",))
    if isinstance(schema.get("items"), dict):
        yield from rule_locations(schema["items"], path + ("[]",))


class Outcome:
    """What evaluating one rule once gave: 'pass', 'fail' (with message), 'error' (CEL runtime
    error, a failure too), 'transition' (skipped) or 'unevaluated' (with the reason)."""

    __slots__ = ("status", "detail")

    def __init__(self, status, detail=None):
        self.status, self.detail = status, detail


def evaluate(rule, self_value):
    try:
        program = ENV.compile(rule["rule"])
    except kubecel.CompileError as exc:
        return Outcome("unevaluated", "cannot compile: %s" % exc)
    if "oldSelf" in program.variables or rule.get("optionalOldSelf"):
        return Outcome("transition")
    try:
        result = program.evaluate({"self": self_value})
    except (kubecel.Unsupported, kubecel.NoOverload) as exc:
        return Outcome("unevaluated", kubecel.error_text(exc))
    except kubecel.CELError as exc:
        return Outcome("error", "%s evaluating rule: %s" % (kubecel.error_text(exc), rule_message(rule, self_value)))
    if kubecel.kind_of(result) != "bool":
        return Outcome("unevaluated", "the rule gave a %s, not a bool" % kubecel.kind_of(result))
    return Outcome("pass") if result else Outcome("fail", rule_message(rule, self_value))


def rule_message(rule, self_value):
    """messageExpression when it gives a non-empty one-line string, else message, else the rule
    (apiextensions-apiserver: ruleMessageOrDefault and the messageExpression fallback)."""
    text = rule.get("messageExpression")
    if text:
        try:
            value = ENV.compile(text).evaluate({"self": self_value})
            if kubecel.kind_of(value) == "string" and str(value).strip() and "\n" not in str(value):
                return str(value)
        except (kubecel.CompileError, kubecel.CELError):
            pass
    if rule.get("message"):
        return rule["message"]
    return "failed rule: %s" % " ".join(rule["rule"].split())


_FIELD_PATH = re.compile(r"\.([A-Za-z_][A-Za-z0-9_-]*)|\[\s*'((?:[^'\\]|\\.)*)'\s*\]|\[(\d+)\]")


def field_path(text):
    parts, pos = [], 0
    for m in _FIELD_PATH.finditer(text or ""):
        if m.start() != pos:
            break
        parts.append(m.group(1) or m.group(2) or int(m.group(3)))
        pos = m.end()
    return tuple(parts)


class Stats:
    """Counts over a run: rule evaluations per outcome, and what was not evaluated (kind, path,
    rule, reason) so it can be reported."""

    def __init__(self):
        self.counts = {"pass": 0, "fail": 0, "error": 0, "transition": 0, "unevaluated": 0}
        self.unevaluated = {}

    def record(self, outcome, where, rule):
        self.counts[outcome.status] += 1
        if outcome.status == "unevaluated":
            key = (where, rule["rule"], outcome.detail)
            self.unevaluated[key] = self.unevaluated.get(key, 0) + 1


def check(obj, crd_version, stats, fail_unevaluated):
    """Problems from the CEL rules of one (already defaulted) object."""
    problems = []
    memo = {}

    def walk(value, schema, path, resource):
        if value is None or not isinstance(schema, dict):
            return
        rules = schema.get("x-kubernetes-validations")
        if rules:
            key = id(value)
            if key not in memo:
                memo[key] = typed(value, schema, resource)
            for rule in rules:
                outcome = evaluate(rule, memo[key])
                stats.record(outcome, "%s %s" % (crd_version.kind, _schema_path(path)), rule)
                where = path + field_path(rule.get("fieldPath"))
                kind_name = _TYPE_NAMES.get(schema.get("type"), "object")
                if outcome.status in ("fail", "error"):
                    prefix = _REASONS.get(rule.get("reason"), 'Invalid value: "%s": ' % kind_name)
                    problems.append(Problem(where, "cel", prefix + outcome.detail))
                elif outcome.status == "unevaluated" and fail_unevaluated:
                    problems.append(Problem(where, "unevaluated", "CEL rule not evaluated (%s): %s" % (outcome.detail, short(rule["rule"]))))
        if isinstance(value, dict):
            properties = schema.get("properties") or {}
            extra = schema.get("additionalProperties")
            for name, item in value.items():
                if name in properties:
                    walk(item, properties[name], path + (name,), properties[name].get("x-kubernetes-embedded-resource", False))
                elif isinstance(extra, dict):
                    walk(item, extra, path + (Key(name),), extra.get("x-kubernetes-embedded-resource", False))
        elif isinstance(value, list) and isinstance(schema.get("items"), dict):
            for index, item in enumerate(value):
                walk(item, schema["items"], path + (index,), schema["items"].get("x-kubernetes-embedded-resource", False))

    walk(obj, crd_version.schema, (), True)
    return problems


def _schema_path(path):
    return ".".join("[]" if isinstance(p, int) else str(p) for p in path) or "(root)"


def short(text, limit=100):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 3] + "..."


# --- coverage ---------------------------------------------------------------------------------

def sample(schema, full, depth=0):
    """A value of the schema's shape: every property (full) or only the required ones, one item
    per list (full), then defaulted. Used to run each rule once outside any object."""
    if not full and "default" in schema:
        return copy.deepcopy(schema["default"])
    if schema.get("enum"):
        return copy.deepcopy(schema["enum"][0])
    if schema.get("x-kubernetes-int-or-string"):
        return 1
    kind = schema.get("type")
    if kind == "object" or (kind is None and (schema.get("properties") or schema.get("additionalProperties"))):
        properties = schema.get("properties") or {}
        names = properties if full and depth < 12 else (schema.get("required") or [])
        out = {name: sample(properties[name], full, depth + 1) for name in names if name in properties}
        extra = schema.get("additionalProperties")
        if full and isinstance(extra, dict) and depth < 12:
            out["key"] = sample(extra, full, depth + 1)
        if schema.get("x-kubernetes-embedded-resource"):
            out.update(apiVersion="v1", kind="ConfigMap", metadata={"name": "sample"})
        apply_defaults(out, schema)
        return out
    if kind == "array":
        count = max(schema.get("minItems", 0), 1 if full else 0)
        return [sample(schema.get("items") or {}, full, depth + 1) for _ in range(count)]
    if kind == "string":
        by_format = {"date-time": "2024-01-01T00:00:00Z", "date": "2024-01-01", "duration": "1s",
                     "byte": "YQ==", "ipv4": "10.0.0.1", "ipv6": "fd00::1"}
        text = by_format.get(schema.get("format"), "a")
        return text * max(1, schema.get("minLength", 1)) if len(text) == 1 else text
    if kind == "integer":
        return schema.get("minimum", 1)
    if kind == "number":
        return float(schema.get("minimum", 1))
    if kind == "boolean":
        return full
    return {}


def coverage(index):
    """Per project: rules, compile, run, transition, checked (see docs/conformance.md)."""
    table = {}
    for version in sorted(index.versions.values(), key=lambda v: (v.project, v.group, v.kind, v.name)):
        row = table.setdefault(version.project, {"rules": 0, "compile": 0, "run": 0, "transition": 0, "checked": 0, "missing": []})
        for path, schema, rules in rule_locations(version.schema):
            values = [typed(sample(schema, full), schema) for full in (True, False)]
            for rule in rules:
                row["rules"] += 1
                try:
                    program = ENV.compile(rule["rule"])
                except kubecel.CompileError as exc:
                    row["missing"].append("%s %s: %s" % (version.kind, _schema_path(path), exc))
                    continue
                row["compile"] += 1
                transition = "oldSelf" in program.variables or bool(rule.get("optionalOldSelf"))
                statuses = []
                for value in values:
                    try:
                        program.evaluate({"self": value, "oldSelf": value})
                        statuses.append(None)
                    except kubecel.Unsupported as exc:
                        statuses.append("unsupported: %s" % kubecel.error_text(exc))
                    except kubecel.NoOverload as exc:
                        statuses.append("type mismatch: %s" % kubecel.error_text(exc))
                    except kubecel.CELError:
                        statuses.append(None)  # a CEL runtime error is an evaluation too
                if None in statuses and not any(s and s.startswith("unsupported") for s in statuses):
                    row["run"] += 1
                    row["transition" if transition else "checked"] += 1
                else:
                    row["missing"].append("%s %s: %s: %s" % (version.kind, _schema_path(path), short(rule["rule"]),
                                                              "; ".join(s for s in statuses if s)))
    return table
