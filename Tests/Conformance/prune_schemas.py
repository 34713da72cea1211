#!/usr/bin/env python3
"""Writes Tests/Conformance/kubernetes/v1.NN.json from the kubernetes-validate wheel: for each
Kubernetes minor platc accepts, the strict ("local-strict") schemas of the kinds listed in
builtin-kinds.txt and every definition they reach, without the `description` texts (they
validate nothing and are two thirds of the bytes). The output is deterministic (sorted keys, fixed
indentation), so scripts/consumer-data can regenerate it and require the same bytes.

Usage: prune_schemas.py WHEEL OUTDIR
"""

import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS_FILE = os.path.join(HERE, "builtin-kinds.txt")
MINORS = range(29, 38)  # platc accepts kubernetesVersion >= 1.29; the wheel ends at 1.37
ROOT = "kubernetes_validate/kubernetes-json-schema"
DEFINITIONS_ID = "https://kubernetes.io/api/_definitions.json"


def read_kinds(path=KINDS_FILE):
    """[(apiVersion, kind, scope)] from kinds.txt."""
    kinds = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].split()
            if line:
                api_version, kind, scope = line
                kinds.append((api_version, kind, scope))
    return kinds


def schema_file_name(api_version, kind):
    # kubernetes-validate's naming: rbac.authorization.k8s.io/v1 Role -> role-rbac-v1.json
    group_version = re.sub(r"^([^./]*)(?:\.[^/]*)?/", r"\1-", api_version)
    return "%s-%s.json" % (kind.lower(), group_version)


def without_descriptions(schema):
    """The schema minus `description` keywords (not properties that happen to be called so)."""
    if isinstance(schema, list):
        return [without_descriptions(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key, value in schema.items():
        if key == "description":
            continue
        if key in ("properties", "patternProperties", "$defs"):
            out[key] = {name: without_descriptions(s) for name, s in value.items()}
        else:
            out[key] = without_descriptions(value)
    return out


def referenced(schema, found):
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "$ref":
                found.add(value.split("/$defs/", 1)[1])
            else:
                referenced(value, found)
    elif isinstance(schema, list):
        for value in schema:
            referenced(value, found)


def prune(wheel, minor, kinds):
    folder = "%s/v1.%d.0-local-strict" % (ROOT, minor)
    definitions = json.loads(wheel.read(folder + "/_definitions.json"))["$defs"]
    kind_schemas, todo = {}, set()
    for api_version, kind, _ in kinds:
        schema = json.loads(wheel.read("%s/%s" % (folder, schema_file_name(api_version, kind))))
        kind_schemas["%s/%s" % (api_version, kind)] = schema
        referenced(schema, todo)
    reached = set()
    while todo:
        name = todo.pop()
        if name not in reached:
            reached.add(name)
            referenced(definitions[name], todo)
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": DEFINITIONS_ID,
        "x-source": "kubernetes-validate wheel, %s (descriptions removed)" % folder.split("/", 1)[1],
        "kinds": kind_schemas,
        "$defs": {name: definitions[name] for name in reached},
    }
    return (json.dumps(without_descriptions(document), sort_keys=True, indent=1, ensure_ascii=True) + "\n").encode()


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    wheel_path, out = argv[1], argv[2]
    kinds = read_kinds()
    os.makedirs(out, exist_ok=True)
    with zipfile.ZipFile(wheel_path) as wheel:
        for minor in MINORS:
            data = prune(wheel, minor, kinds)
            with open(os.path.join(out, "v1.%d.json" % minor), "wb") as f:
                f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
