#!/usr/bin/env python3
"""Would the API server's schema stage accept these manifests? Strict and offline, against the
vendored Kubernetes schemas and upstream CRDs of this folder, with the CRDs' CEL rules evaluated
(docs/conformance.md says what is checked and what is not).

  validate.py [--k8s-version 1.33] [--fail-unevaluated-cel] [--fail-deprecated] [--exclude GLOB]... PATH...
  validate.py --cel-coverage      the CEL rules of the vendored CRDs: how many compile, run, are checked
  validate.py --list-kinds        every kind it knows, with scope and versions

Output: one line per problem, `FILE:DOCINDEX Kind/namespace/name: path: message`, then
`N passed, M failed` (objects). Warnings go to stderr. Exit: 0 all passed, 1 an object failed (or
none was found), 2 usage error. Run it with `scripts/python-env tests`'s interpreter.
"""

import argparse
import copy
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import builtin_kinds  # noqa: E402
import crd_rules  # noqa: E402
import metadata  # noqa: E402
from crds import CRDIndex  # noqa: E402
from manifests import manifest_files, read_documents  # noqa: E402
from problems import BLOCKING, Problem  # noqa: E402
from structural import Walker, apply_defaults  # noqa: E402

DEFAULT_VERSION = "1.33"


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="validate.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (*.yaml, *.yml; dot folders skipped)")
    parser.add_argument("--k8s-version", default=DEFAULT_VERSION, help="Kubernetes minor version (default %s)" % DEFAULT_VERSION)
    parser.add_argument("--fail-unevaluated-cel", action="store_true", help="a CEL rule that could not be evaluated fails the object")
    parser.add_argument("--fail-deprecated", action="store_true", help="a deprecated CRD version fails the object")
    parser.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="skip files by relative path or name")
    parser.add_argument("--cel-coverage", action="store_true", help="print the CEL coverage of the vendored CRDs and exit")
    parser.add_argument("--list-kinds", action="store_true", help="print every known kind and exit")
    return parser.parse_args(argv)


def split_api_version(api_version):
    return tuple(api_version.split("/", 1)) if "/" in api_version else ("", api_version)


class Validator:
    def __init__(self, version, fail_unevaluated, fail_deprecated, crd_root=None):
        self.builtins = builtin_kinds.BuiltinKinds(version)
        self.crds = CRDIndex(crd_root) if crd_root else CRDIndex()
        self.fail_unevaluated, self.fail_deprecated = fail_unevaluated, fail_deprecated
        self.stats = crd_rules.Stats()
        self.warnings = []

    def check(self, obj):
        if not isinstance(obj, dict):
            return [Problem((), "type", "not a Kubernetes object (a YAML %s)" % type(obj).__name__)]
        api_version, kind = obj.get("apiVersion"), obj.get("kind")
        missing = [Problem((f,), "required", "Required value") for f in ("apiVersion", "kind")
                   if not isinstance(obj.get(f), str) or not obj.get(f)]
        if missing:
            return missing
        group, version = split_api_version(api_version)
        scope = self.builtins.scope(api_version, kind)
        if scope:
            return self.builtins.validate(obj) + metadata.check(obj, group, kind, scope == "namespaced")
        crd = self.crds.lookup(group, version, kind)
        if crd is None:
            return [Problem(("kind",), "unknown", self.unknown_kind(group, version, kind))]
        if not crd.served:
            served = [v for v in self.crds.versions_of(group, kind) if self.crds.lookup(group, v, kind).served]
            return [Problem(("apiVersion",), "unknown", "%s %s is not served by its CRD (%s); served: %s"
                            % (api_version, kind, crd.file, ", ".join("%s/%s" % (group, v) for v in served)))]
        problems = []
        if crd.deprecated:
            note = "%s %s is deprecated%s" % (api_version, kind, ": " + crd.deprecation_warning if crd.deprecation_warning else "")
            if self.fail_deprecated:
                problems.append(Problem(("apiVersion",), "deprecated", note))
            else:
                self.warnings.append(note)
        work = copy.deepcopy(obj)
        apply_defaults(work, crd.schema)
        walker = Walker(self.builtins.validate_object_meta)
        walker.validate(work, crd.schema, (), resource=True)
        problems += walker.problems + metadata.check(obj, group, kind, crd.namespaced)
        if any(p.kind in BLOCKING for p in problems):
            self.warnings.append("%s: CEL rules not evaluated, the object has type, required, enum, length or count errors "
                                 "(as the API server does)" % object_id(obj))
        else:
            problems += crd_rules.check(work, crd, self.stats, self.fail_unevaluated)
        return problems

    def unknown_kind(self, group, version, kind):
        api_version = "%s/%s" % (group, version) if group else version
        served = self.crds.versions_of(group, kind)
        if served:
            return "unknown kind %s in apiVersion %s: its CRD defines versions %s" % (
                kind, api_version, ", ".join("%s/%s" % (group, v) for v in served))
        known = self.crds.kinds_of(group) or self.builtins.kinds_of_group(group)
        where = "known in group %s: %s" % (group or "core", ", ".join(known)) if known else \
            "no vendored CRD or built-in kind has the group %s" % (group or "core")
        return "unknown kind %s in apiVersion %s: not a built-in kind of Kubernetes %s (builtin-kinds.txt) and no vendored CRD defines it; %s" % (
            kind, api_version, self.builtins.version, where)


def object_id(obj):
    if not isinstance(obj, dict):
        return "?"
    meta = obj.get("metadata") if isinstance(obj.get("metadata"), dict) else {}
    return "%s/%s/%s" % (obj.get("kind", "?"), meta.get("namespace", "") or "", meta.get("name") or meta.get("generateName") or "?")


def objects_of(document):
    """The objects of a document: a v1 List gives its items (shown as 3.items[0])."""
    obj = document.obj
    if isinstance(obj, dict) and obj.get("apiVersion") == "v1" and obj.get("kind") == "List" and isinstance(obj.get("items"), list):
        return [("%d.items[%d]" % (document.index, i), item) for i, item in enumerate(obj["items"])]
    return [(str(document.index), obj)]


def run(args):
    versions = builtin_kinds.available_versions()
    if args.k8s_version not in versions:
        print("validate.py: no schemas for Kubernetes %s; vendored: %s" % (args.k8s_version, ", ".join(versions)), file=sys.stderr)
        return 2
    validator = Validator(args.k8s_version, args.fail_unevaluated_cel, args.fail_deprecated)
    if args.cel_coverage:
        return print_coverage(validator.crds)
    if args.list_kinds:
        return print_kinds(validator)
    if not args.paths:
        print("validate.py: no PATH given", file=sys.stderr)
        return 2
    for path in args.paths:
        if not os.path.exists(path):
            print("validate.py: %s: no such file or folder" % path, file=sys.stderr)
            return 2
    passed = failed = 0
    for full, shown in manifest_files(args.paths, args.exclude):
        for document in read_documents(full, shown):
            if document.error:
                print("%s:%d ?: %s" % (shown, document.index, document.error))
                failed += 1
                continue
            if document.obj is None:
                continue
            for index, obj in objects_of(document):
                try:
                    problems = validator.check(obj)
                except Exception as exc:  # a bug here must fail the run, not pass the object
                    traceback.print_exc()
                    problems = [Problem((), "internal", "validator error: %s: %s" % (type(exc).__name__, exc))]
                for problem in problems:
                    print("%s:%s %s: %s" % (shown, index, object_id(obj), problem.text()))
                if problems:
                    failed += 1
                else:
                    passed += 1
    for warning in dict.fromkeys(validator.warnings):
        print("validate.py: warning: %s" % warning, file=sys.stderr)
    report_unevaluated(validator.stats, args.fail_unevaluated_cel)
    counts = validator.stats.counts
    print("validate.py: CEL rules: %d evaluations passed, %d failed, %d transition rules skipped, %d not evaluated"
          % (counts["pass"], counts["fail"] + counts["error"], counts["transition"], counts["unevaluated"]), file=sys.stderr)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


def report_unevaluated(stats, failing):
    if not stats.unevaluated:
        return
    total = sum(stats.unevaluated.values())
    print("validate.py: %s: %d CEL rule evaluations were not done (never counted as a pass):"
          % ("error" if failing else "warning", total), file=sys.stderr)
    for (where, rule, reason), count in sorted(stats.unevaluated.items()):
        print("  %s (%d x): %s: %s" % (where, count, crd_rules.short(rule), reason), file=sys.stderr)


def print_coverage(index):
    table = crd_rules.coverage(index)
    print("| project | rules | compile | run | transition (skipped) | checked |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    totals = {"rules": 0, "compile": 0, "run": 0, "transition": 0, "checked": 0}
    for project in sorted(table):
        row = table[project]
        print("| %s | %d | %d | %d | %d | %d |" % (project, row["rules"], row["compile"], row["run"], row["transition"], row["checked"]))
        for key in totals:
            totals[key] += row[key]
    print("| **total** | **%d** | **%d** | **%d** | **%d** | **%d** |" % tuple(totals[k] for k in ("rules", "compile", "run", "transition", "checked")))
    non_transition = totals["rules"] - totals["transition"]
    print("\nnon-transition rules checked: %d of %d" % (totals["checked"], non_transition))
    missing = [m for row in table.values() for m in row["missing"]]
    for m in missing:
        print("not evaluated: %s" % m)
    return 1 if missing else 0


def print_kinds(validator):
    for (api_version, kind), scope in sorted(validator.builtins.scopes.items()):
        print("%s %s %s built-in (Kubernetes %s)" % (api_version, kind, scope, validator.builtins.version))
    for (group, kind, version), v in sorted(validator.crds.versions.items()):
        state = "served" if v.served else "not served"
        state += ", deprecated" if v.deprecated else ""
        print("%s/%s %s %s %s (crds/%s)" % (group, version, kind, "namespaced" if v.namespaced else "cluster", state, v.file))
    return 0


def main(argv=None):
    return run(parse_args(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
