#!/usr/bin/env python3
"""The Argo CD layout check must fail each way a layout can be wrong, and pass the render it breaks.

Copies OUT (a render that passes) and breaks the copy one way at a time; argocd_layout.py must
exit as each case expects and print its evidence. The names the cases need (a tenant, its
namespace, a served model, the children and their folders) are read from OUT, so any render
with a foundation, a tenants and a serving child will do.

Usage:  "$(scripts/python-env tests)" Tests/ArgoCDLayout/self_test.py OUT
Prints one line per case and `self-test: N of N as expected`; exits 1 when any case is not.
"""

import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "argocd_layout.py")
TENANT = "platc.dev/tenant"
MODEL = "platc.dev/model"


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def save(path, obj):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(obj, f, sort_keys=False)


def configmap(name, namespace):
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": namespace},
            "data": {"k": "v"}}


def facts(out):
    """The names the cases need, read from a passing render: per kind of child (foundation,
    tenants, serving, litellm) the first one's name, file, folder and object count; a tenant, its
    namespace and a file in it; a served Deployment; a file of a served model."""
    first = lambda *pattern: sorted(glob.glob(os.path.join(out, *pattern)))[0]
    root = first("argocd", "application.*.yaml")
    f = {"root": os.path.relpath(root, out), "project": os.path.relpath(first("argocd", "appproject.*.yaml"), out),
         "server": load(root)["spec"]["destination"]["server"]}
    for path in sorted(glob.glob(os.path.join(out, "applications", "*.yaml"))):
        app = load(path)
        part = os.path.basename(app["spec"]["source"]["path"])  # foundation, tenants-000, ...
        f.setdefault(part.split("-")[0], {
            "name": app["metadata"]["name"], "file": os.path.relpath(path, out), "folder": "manifests/" + part,
            "app_path": app["spec"]["source"]["path"], "count": len(glob.glob(os.path.join(out, "manifests", part, "*", "*")))})
    tenants, serving = f["tenants"]["folder"], f["serving"]["folder"]
    namespace = load(first(tenants, "_cluster", "namespace.*.yaml"))["metadata"]
    f["tenant_ns"], f["tenant"] = namespace["name"], namespace["labels"][TENANT]
    f["tenant_file"] = os.path.relpath(first(tenants, f["tenant_ns"], "*.yaml"), os.path.join(out, tenants))
    deployment = load(first(serving, "*", "deployment.*.yaml"))["metadata"]
    f["serving_ns"], f["deployment"] = deployment["namespace"], deployment["name"]
    model_file = first(serving, "*", "*.yaml")
    f["model_file"] = os.path.relpath(model_file, os.path.join(out, serving))
    f["model"] = load(model_file)["metadata"]["labels"][MODEL]
    return f


# MARK: - The breaks: each edits the copy at root, given the facts

def edit(path_of, change):
    def apply(root, f):
        path = os.path.join(root, path_of(f))
        obj = load(path)
        change(obj, f)
        save(path, obj)
    return apply


def move_tenant_file_to_serving(root, f):
    source = os.path.join(root, f["tenants"]["folder"], f["tenant_file"])
    target = os.path.join(root, f["serving"]["folder"], f["tenant_file"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.move(source, target)


def move_model_file_to_foundation(root, f):
    target = os.path.join(root, f["foundation"]["folder"], f["model_file"])
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.move(os.path.join(root, f["serving"]["folder"], f["model_file"]), target)


def configmap_in_applications(root, f):
    save(os.path.join(root, "applications", "configmap.stray.yaml"), configmap("stray", "argocd"))


def serving_folder_next_to_tenants(root, f):
    """manifests/tenants-00 beside manifests/tenants-000."""
    prefix = f["tenants"]["folder"][:-1]
    os.rename(os.path.join(root, f["serving"]["folder"]), os.path.join(root, prefix))
    edit(lambda f: f["serving"]["file"],
         lambda app, f: app["spec"]["source"].update(path=f["tenants"]["app_path"][:-1]))(root, f)


def file_under_no_child(root, f):
    path = os.path.join(root, "manifests", "stray", f["serving_ns"], "configmap.stray.yaml")
    save(path, configmap("stray", f["serving_ns"]))


def readme_off_by_one(column):
    """The tenants child's row in out/README.md, its objects (column 3) or KiB (4) one more."""
    def apply(root, f):
        path = os.path.join(root, "README.md")
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        row = re.compile(r"^(\| `%s`(?: \| [^|]+){%d} \| )([\d,]+)" % (re.escape(f["tenants"]["name"]), column - 2), re.M)
        text = row.sub(lambda m: m.group(1) + str(int(m.group(2).replace(",", "")) + 1), text)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    return apply


def tenant_configmaps(count, length):
    """count ConfigMaps more in the tenant's namespace, with names of length characters."""
    def apply(root, f):
        folder = os.path.join(root, f["tenants"]["folder"], f["tenant_ns"])
        for number in range(count):
            name = ("pad-%04d-" % number).ljust(length, "x")
            save(os.path.join(folder, "configmap.%s.yaml" % name), configmap(name, f["tenant_ns"]))
    return apply


def paths_from_repository_root(root, f):
    """argocd.path `.`: out/ is the repository itself."""
    prefix = os.path.dirname(load(os.path.join(root, f["root"]))["spec"]["source"]["path"]) + "/"
    for path in glob.glob(os.path.join(root, "argocd", "application.*.yaml")) + glob.glob(os.path.join(root, "applications", "*.yaml")):
        app = load(path)
        source = app["spec"]["source"]
        source["path"] = source["path"][len(prefix):] if source["path"].startswith(prefix) else source["path"]
        save(path, app)


def without_create_namespace(app, f):
    options = app["spec"]["syncPolicy"]["syncOptions"]
    options.remove("CreateNamespace=true")


def ignore_other_childs_deployment(app, f):
    app["spec"].setdefault("ignoreDifferences", []).append({"group": "apps", "kind": "Deployment", "name": f["deployment"],
                                                            "namespace": f["serving_ns"], "jsonPointers": ["/spec/replicas"]})


def remove_destination(project, f):
    project["spec"]["destinations"] = [d for d in project["spec"]["destinations"] if d["namespace"] != f["tenant_ns"]]


def add_cluster_role(project, f):
    project["spec"]["clusterResourceWhitelist"].append(
        {"group": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"})


child_file = lambda part: lambda f: f[part]["file"]
root_file = lambda f: f["root"]
project_file = lambda f: f["project"]

# (case, break, expected exit, evidence the output must contain; {names} from facts())
CASES = [
    ("untouched", None, 0, ["partition, namespaces, project ok"]),
    ("a tenant's file moved into the serving child's folder", move_tenant_file_to_serving, 1,
     ["its namespace {tenant_ns} is rendered in {tenants[name]}, neither this Application nor the foundation",
      "tenant {tenant} is split across {serving[name]}"]),
    ("a served model's file moved into the foundation (its namespace is there)", move_model_file_to_foundation, 1,
     ["model {model} is split across {foundation[name]}"]),
    ("a ConfigMap in applications/", configmap_in_applications, 1,
     ["applications/configmap.stray.yaml: a ConfigMap in applications/: the root syncs only Applications"]),
    ("the serving child's folder renamed to a string prefix of the tenants child's", serving_folder_next_to_tenants, 1,
     ["Application {serving[name]}'s folder {tenants_prefix} is a string prefix of {tenants[name]}'s folder {tenants[folder]}"]),
    ("a manifests file in no child's folder", file_under_no_child, 1,
     ["manifests/stray/{serving_ns}/configmap.stray.yaml: in no Application's folder"]),
    ("the root syncing applications/ recursively",
     edit(root_file, lambda app, f: app["spec"]["source"].update(directory={"recurse": True})), 1,
     ["the root syncs applications/ recursively"]),
    ("a tenant namespace removed from the project's destinations", edit(project_file, remove_destination), 1,
     ["destinations lacks {server} namespace {tenant_ns}, which is synced"]),
    ("a ClusterRole added to the project's clusterResourceWhitelist", edit(project_file, add_cluster_role), 1,
     ["clusterResourceWhitelist admits group 'rbac.authorization.k8s.io' kind ClusterRole name cluster-admin, "
      "which nothing synced is"]),
    ("the README's object count of the tenants child off by one", readme_off_by_one(3), 1,
     ["README.md: {tenants[name]} listed as {tenants[folder]}/, {tenants_count_plus_one} objects"]),
    ("the README's KiB of the tenants child off by one (as a miscount in platc's estimate)", readme_off_by_one(4), 1,
     ["README.md: {tenants[name]} listed as {tenants[folder]}/, {tenants[count]} objects"]),
    ("1,501 ConfigMaps more in the tenants child", tenant_configmaps(1501, 8), 1,
     ["Application {tenants[name]}: {tenants_count_over} objects", "over Argo CD's budget of 1500 objects"]),
    ("700 ConfigMaps with 200-character names more in the tenants child (status over 512 KiB)",
     tenant_configmaps(700, 200), 1,
     ["Application {tenants[name]}: {tenants_count_long} objects", "of estimated status: over Argo CD's budget"]),
    ("the LiteLLM child without CreateNamespace=true", edit(child_file("litellm"), without_create_namespace), 1,
     ["is rendered nowhere, and no Application creates it",
      "clusterResourceWhitelist admits group '' kind Namespace name"]),
    ("STILL PASSES: argocd.path `.` (every source path without the out/ prefix)", paths_from_repository_root, 0,
     ["partition, namespaces, project ok"]),
    ("the foundation ignoring differences of the serving child's Deployment",
     edit(child_file("foundation"), ignore_other_childs_deployment), 1,
     ["ignoreDifferences names Deployment {serving_ns}/{deployment}, which is no Deployment in {foundation[folder]}/"]),
]


def same_tree(a, b):
    def files(root):
        found = {}
        for folder, _, names in os.walk(root):
            for name in names:
                with open(os.path.join(folder, name), "rb") as f:
                    found[os.path.relpath(os.path.join(folder, name), root)] = f.read()
        return found
    return files(a) == files(b)


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: self_test.py OUT")
    base = sys.argv[1]
    f = facts(base)
    names = dict(f, tenants_prefix=f["tenants"]["folder"][:-1], tenants_count_plus_one=f["tenants"]["count"] + 1,
                 tenants_count_over=f["tenants"]["count"] + 1501, tenants_count_long=f["tenants"]["count"] + 700)
    results = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, (label, apply, expected, evidence) in enumerate(CASES):
            copy = os.path.join(scratch, "case-%02d" % number)
            shutil.copytree(base, copy)
            if apply:
                apply(copy, f)
                if same_tree(base, copy):
                    raise SystemExit("self-test: the break %r changed nothing in %s" % (label, base))
            run = subprocess.run([sys.executable, CHECK, "-q", "--out", copy], capture_output=True, text=True, timeout=300)
            output = run.stdout + run.stderr
            missing = [e for e in (e.format(**names) for e in evidence) if e not in output]
            ok = run.returncode == expected and not missing
            verdict = {0: "PASS", 1: "FAIL"}.get(run.returncode, "exit %d" % run.returncode)
            print("%s: %s (%s)" % ("ok  " if ok else "MISS", label, verdict))
            if not ok:
                print("      expected exit %d%s; output:" % (expected, "".join("\n      missing: %s" % m for m in missing)))
                print("\n".join("      | " + line for line in output.splitlines()[-30:]))
            results.append(ok)
    print("self-test: %d of %d as expected" % (sum(results), len(results)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
