"""Built-in kinds, checked against the vendored strict JSON schemas of one Kubernetes version
(kubernetes/v1.NN.json, from kubernetes-validate) with jsonschema, plus what those schemas cannot
say: the closed value sets of closed_sets.py and the uniqueness of list-type set and map lists."""

import difflib
import json
import os
import re

import jsonschema
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

import closed_sets
import list_types
from problems import Key, Problem, json_type, quote

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "kubernetes")
KINDS_FILE = os.path.join(HERE, "builtin-kinds.txt")
DEFINITIONS_ID = "https://kubernetes.io/api/_definitions.json"
OBJECT_META = DEFINITIONS_ID + "#/$defs/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"
_FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def available_versions():
    names = [n[1:-5] for n in os.listdir(SCHEMAS) if re.match(r"^v1\.\d+\.json$", n)]
    return sorted(names, key=lambda v: int(v.split(".")[1]))


def read_kinds():
    kinds = {}
    with open(KINDS_FILE, encoding="utf-8") as f:
        for line in f:
            fields = line.split("#", 1)[0].split()
            if fields:
                kinds[(fields[0], fields[1])] = fields[2]
    return kinds


def _list_type(validator, list_type, instance, schema):
    for index, message in list_types.duplicates(instance, list_type, schema.get("x-kubernetes-list-map-keys", [])):
        yield jsonschema.ValidationError(message, path=[index])


_Validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-kubernetes-list-type": _list_type})


class BuiltinKinds:
    """The built-in kinds of one Kubernetes minor version."""

    def __init__(self, version):
        with open(os.path.join(SCHEMAS, "v%s.json" % version), encoding="utf-8") as f:
            document = json.load(f)
        closed_sets.apply_field_sets(document["$defs"])
        self.version = version
        self.schemas = document["kinds"]
        self.registry = Registry().with_resource(DEFINITIONS_ID, Resource.from_contents(document, default_specification=DRAFT202012))
        self.scopes = {k: scope for k, scope in read_kinds().items() if "%s/%s" % k in self.schemas}
        self._validators = {}

    def scope(self, api_version, kind):
        """'namespaced' or 'cluster' for a known built-in kind, else None."""
        return self.scopes.get((api_version, kind))

    def kinds_of_group(self, group):
        return sorted("%s %s" % k for k in self.scopes if (k[0].split("/")[0] if "/" in k[0] else "") == group)

    def _validator(self, key, schema):
        validator = self._validators.get(key)
        if validator is None:
            validator = self._validators[key] = _Validator(schema, registry=self.registry)
        return validator

    def validate(self, obj):
        key = "%s/%s" % (obj["apiVersion"], obj["kind"])
        problems = _problems(self._validator(key, self.schemas[key]).iter_errors(obj), ())
        problems.extend(_kind_rules(obj))
        return problems

    def validate_object_meta(self, meta, path):
        """A CRD object's metadata, which the API server decodes into ObjectMeta (strictly)."""
        return _problems(self._validator("ObjectMeta", {"$ref": OBJECT_META}).iter_errors(meta), path)


def _problems(errors, prefix):
    found, seen = [], set()
    for error in errors:
        for problem in _convert(error, prefix):
            identity = (problem.path, problem.message)
            if identity not in seen:
                seen.add(identity)
                found.append(problem)
    return found


def _path(prefix, parts):
    return tuple(prefix) + tuple(p if isinstance(p, int) or _FIELD_NAME.match(p) else Key(p) for p in parts)


def _convert(error, prefix):
    path = _path(prefix, error.absolute_path)
    keyword, instance, value = error.validator, error.instance, error.validator_value
    if keyword == "additionalProperties" and isinstance(instance, dict):
        declared = sorted(error.schema.get("properties", {}))
        for name in instance:
            if name not in declared:
                hint = difflib.get_close_matches(name, declared, n=1)
                yield Problem(path + (name,), "unknown", "unknown field" + ('; did you mean "%s"?' % hint[0] if hint else ""))
    elif keyword == "type":
        wanted = [t for t in (value if isinstance(value, list) else [value]) if t != "null"]
        yield Problem(path, "type", 'Invalid value: "%s": must be of type %s' % (json_type(instance), " or ".join(wanted)))
    elif keyword == "required" and isinstance(instance, dict):
        for name in value:
            if name not in instance:
                yield Problem(path + (name,), "required", "Required value")
    elif keyword == "enum":
        allowed = ", ".join(quote(v) for v in value if v is not None)
        yield Problem(path, "notsupported", "Unsupported value: %s: supported values: %s" % (quote(instance), allowed))
    elif keyword in ("oneOf", "anyOf"):
        kinds = sorted({t for s in value for t in (s.get("type") if isinstance(s.get("type"), list) else [s.get("type")]) if t and t != "null"})
        yield Problem(path, "type", 'Invalid value: "%s": must be of type %s' % (json_type(instance), " or ".join(kinds) or "one of the allowed schemas"))
    elif keyword == "x-kubernetes-list-type":
        yield Problem(path, "duplicate", error.message)
    else:
        yield Problem(path, "invalid", "Invalid value: %s: %s" % (quote(instance), error.message))


def _kind_rules(obj):
    for kind, path, allowed, required, _ in closed_sets.KIND_RULES:
        if obj.get("kind") != kind:
            continue
        node, present = obj, True
        for part in path:
            if not isinstance(node, dict) or part not in node:
                present = False
                break
            node = node[part]
        choices = ", ".join(quote(v) for v in allowed)
        if not present:
            parent_exists = _exists(obj, path[:-1])
            if required and parent_exists:
                yield Problem(path, "required", "Required value: supported values: %s" % choices)
        elif node not in allowed:
            yield Problem(path, "notsupported", "Unsupported value: %s: supported values: %s" % (quote(node), choices))


def _exists(obj, path):
    node = obj
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return isinstance(node, dict)
