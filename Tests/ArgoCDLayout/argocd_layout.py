#!/usr/bin/env python3
"""Argo CD layout check: the Applications of a rendered out/ sync every object exactly once,
within Argo CD's budget, in an order that works, and the AppProject admits exactly what they sync.

Read as Argo CD reads it, independently of platc's Swift code:

Root       exactly one Application in argocd/ (applied by hand); its source is
           `<argocd.path>/applications`, not recursive; every file in applications/ is an
           Application in the root's destination namespace (the root syncs nothing else).
Folders    each Application's source path, less the `<argocd.path>` prefix, is a folder of out/;
           no folder is a string prefix of another (`manifests/tenants-1` beside
           `manifests/tenants-10`), and each child's folder exists under manifests/.
Partition  every file under manifests/ is one object, in exactly one child's folder, at
           `<folder>/<namespace or _cluster>/<kind lowercased>.<name>.yaml`; no folder is empty;
           no object is synced by two Applications.
Budget     per child at most 1,500 objects and an estimated status under 512 KiB (below); the
           README's table lists exactly the children, with these counts and KiB.
Namespaces a namespaced object's Namespace is rendered in its own child or in the foundation, or
           its child creates the namespace itself (CreateNamespace=true, destination.namespace).
Together   a tenant's Namespace, ClusterQueue and every object in its namespace are in one child;
           so is every object of one served model (label platc.dev/model, or named <model> or
           <model>-epp beside them).
Project    the AppProject admits exactly what is synced (every object under manifests/ and every
           child Application): destinations, clusterResourceWhitelist by name,
           namespaceResourceWhitelist by group and kind, sourceRepos.
Ignores    every ignoreDifferences entry names a Deployment rendered in that Application's folder.

The status estimate is per object the compact JSON (as Go's encoding/json writes it) of its
`status.resources` entry and its `status.operationState.syncResult.resources` entry, a comma
each, plus 16 KiB per Application; the shapes are those of
Sources/PlatcRender/ArgoCD/ApplicationStatusEstimate.swift (Argo CD v3.5.1, read in
docs/research/argocd-sharding-notes.md), built and measured here rather than counted, so a
miscount there shows as a README that disagrees.

Usage:  "$(scripts/python-env tests)" Tests/ArgoCDLayout/argocd_layout.py --out DIR [-q]
Prints one line per child (not with -q) and a summary; exits 1 listing every problem.
"""

import argparse
import json
import os
import posixpath
import re
import sys
from collections import defaultdict
from itertools import combinations

import yaml

# libyaml parses the XL render (50,000 files) in about 10 s; the pure-Python loader takes minutes.
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_OBJECTS = 1_500
MAX_STATUS_BYTES = 512 * 1024
FIXED_STATUS_BYTES = 16 * 1024
SYNC_WAVE = "argocd.argoproj.io/sync-wave"
SYNC_OPTIONS = "argocd.argoproj.io/sync-options"
# where gitops-engine finds the containers whose images a sync result lists (not init containers)
CONTAINERS = {kind: ("spec", "template", "spec") for kind in ("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job")}
CONTAINERS.update(CronJob=("spec", "jobTemplate", "spec", "template", "spec"), Pod=("spec",))
TENANT = "platc.dev/tenant"
MODEL = "platc.dev/model"
CREATE_NAMESPACE = "CreateNamespace=true"
FOUNDATION = "manifests/foundation"
ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)/` \| ([\d,]+) \| ([\d,]+) KiB \|$")


class Obj:
    """One rendered object: where it is, who it is, and what the checks read of it."""
    __slots__ = ("path", "group", "version", "kind", "namespace", "name", "labels", "annotations", "wave", "images",
                 "spec")

    def __init__(self, path, doc):
        meta = doc["metadata"]
        self.path = path
        self.group, _, self.version = doc["apiVersion"].rpartition("/")
        self.kind, self.name = doc["kind"], meta["name"]
        self.namespace = meta.get("namespace")
        self.labels = meta.get("labels") or {}
        self.annotations = meta.get("annotations") or {}
        self.wave = int(self.annotations.get(SYNC_WAVE, 0))
        pod, keys = doc, CONTAINERS.get(self.kind)
        for key in keys or ():
            pod = pod.get(key) or {}
        self.images = [container.get("image", "") for container in pod.get("containers") or []] if keys else []
        # kept for the kinds the checks read further
        self.spec = (doc.get("spec") or {}) if self.kind in ("Application", "AppProject") else None

    @property
    def display(self):
        return "%s %s%s" % (self.kind, self.namespace + "/" if self.namespace else "", self.name)


def read(out, path, problems):
    try:
        with open(os.path.join(out, path), "rb") as f:
            doc = yaml.load(f, Loader=LOADER)
    except yaml.YAMLError as error:
        problems.append("%s: not one YAML document (%s)" % (path, str(error).splitlines()[0]))
        return None
    meta = doc.get("metadata") if isinstance(doc, dict) else None
    if not (isinstance(meta, dict) and meta.get("name") and doc.get("kind") and isinstance(doc.get("apiVersion"), str)):
        problems.append("%s: not a Kubernetes object (apiVersion, kind, metadata.name)" % path)
        return None
    try:
        return Obj(path, doc)
    except (AttributeError, TypeError, ValueError) as error:  # a field of the wrong type, a wave not a number
        problems.append("%s: %s %s unreadable: %s" % (path, doc["kind"], doc["metadata"]["name"], error))
        return None


def files(out, folder):
    """out-relative paths of the files under folder, sorted."""
    found = []
    for here, dirs, names in os.walk(os.path.join(out, folder)):
        dirs.sort()
        rel = os.path.relpath(here, out).replace(os.sep, "/")
        found += [rel + "/" + name for name in sorted(names)]
    return found


# MARK: - The status estimate

def json_bytes(value):
    # Go writes UTF-8 as is (ensure_ascii=False); its HTML escaping of <, >, & cannot occur in
    # Kubernetes names or image references.
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def status_bytes(obj):
    """The object's ResourceStatus and ResourceResult entries, each with its comma (Argo CD v3.5.1:
    docs/research/argocd-sharding-notes.md). No `health`: 3.x does not persist it by default."""
    identity = {"group": obj.group, "version": obj.version, "kind": obj.kind,
                "namespace": obj.namespace or "", "name": obj.name}
    status = {key: value for key, value in identity.items() if value}  # omitempty
    status["status"] = "Synced"
    if obj.wave:
        status["syncWave"] = obj.wave
    options = {option.strip() for option in obj.annotations.get(SYNC_OPTIONS, "").split(",")}
    if options & {"Prune=confirm", "Delete=confirm"}:
        status["requiresDeletionConfirmation"] = True
    resource = obj.kind.lower() + ("." + obj.group if obj.group else "")
    # the identity whole, empty fields too; "Succeeded", the longer hook phase a synced object shows
    result = dict(identity, status="Synced", message="%s/%s serverside-applied" % (resource, obj.name),
                  hookPhase="Succeeded", syncPhase="Sync")
    if obj.images:
        result["images"] = obj.images
    return json_bytes(status) + 1 + json_bytes(result) + 1


def kib(size):
    return (size + 1023) // 1024


# MARK: - The Applications

class Application:
    """A rendered Application and the folder of out/ it syncs."""

    def __init__(self, obj):
        self.obj, self.name = obj, obj.name
        source = obj.spec.get("source") or {}
        self.repo, self.revision = source.get("repoURL"), source.get("targetRevision")
        self.path = posixpath.normpath(source.get("path") or ".")
        self.recurse = bool((source.get("directory") or {}).get("recurse"))
        destination = obj.spec.get("destination") or {}
        self.server, self.namespace = destination.get("server"), destination.get("namespace")
        options = (obj.spec.get("syncPolicy") or {}).get("syncOptions") or []
        self.creates = self.namespace if CREATE_NAMESPACE in options else None
        self.folder = None
        self.objects = []


def root_and_children(out, problems):
    bootstrap = [o for o in (read(out, p, problems) for p in files(out, "argocd")) if o]
    roots = [o for o in bootstrap if o.kind == "Application"]
    if len(roots) != 1:
        problems.append("argocd/: %d Applications, not exactly one root" % len(roots))
        return None, [], bootstrap
    root = Application(roots[0])
    if posixpath.basename(root.path) != "applications":
        problems.append("%s: the root syncs %s, not <argocd.path>/applications" % (root.obj.path, root.path))
    if root.recurse:
        problems.append("%s: the root syncs applications/ recursively" % root.obj.path)
    children = []
    for path in files(out, "applications"):
        if path.count("/") > 1:
            problems.append("%s: in a subfolder of applications/, which the root does not sync" % path)
            continue
        obj = read(out, path, problems)
        if obj is None:
            continue
        if (obj.group, obj.kind) != ("argoproj.io", "Application"):
            problems.append("%s: a %s in applications/: the root syncs only Applications" % (path, obj.kind))
        elif obj.namespace != root.namespace:
            problems.append("%s: Application in namespace %s, not the root's destination %s"
                            % (path, obj.namespace, root.namespace))
        else:
            children.append(Application(obj))
    return root, children, bootstrap


def place_folders(out, root, children, problems):
    """out-relative folders; false when any Application's folder is unusable."""
    prefix = posixpath.dirname(root.path)  # <argocd.path>: "" or "." when out/ is the repository root
    for app in [root] + children:
        if (app.repo, app.revision) != (root.repo, root.revision):
            problems.append("%s: source %s@%s, not the root's %s@%s, so not this out/"
                            % (app.obj.path, app.repo, app.revision, root.repo, root.revision))
        if prefix in ("", "."):
            app.folder = app.path
        elif app.path.startswith(prefix + "/"):
            app.folder = app.path[len(prefix) + 1:]
        else:
            problems.append("%s: path %s is outside %s, where the root finds applications/" % (app.obj.path, app.path, prefix))
    # Argo CD compares paths with a trailing '/' (docs/research/argocd-sharding-notes.md §2), but
    # bare prefixes remain in its checkout-root check and in tools around it: never give them the chance.
    placed = [app for app in [root] + children if app.folder]
    for a, b in combinations(placed, 2):
        if b.folder.startswith(a.folder) or a.folder.startswith(b.folder):
            short, long = (a, b) if len(a.folder) <= len(b.folder) else (b, a)
            problems.append("Application %s's folder %s is a string prefix of %s's folder %s"
                            % (short.name, short.folder, long.name, long.folder))
    for app in children:
        if app.folder and not (app.folder.startswith("manifests/") and os.path.isdir(os.path.join(out, app.folder))):
            problems.append("%s: folder %s is not a folder under manifests/" % (app.obj.path, app.folder))
    return all(app.folder for app in children)


# MARK: - The checks

def partition(out, children, problems):
    """Reads manifests/ into the children's objects; every file in exactly one folder."""
    by_folder = {app.folder: app for app in children}
    owner_of = {}
    for path in files(out, "manifests"):
        parent = posixpath.dirname(path)
        owners, folder = [], parent
        while folder:
            app = by_folder.get(folder)
            if app and (app.recurse or folder == parent):
                owners.append(app)
            folder = posixpath.dirname(folder)
        if len(owners) != 1:
            problems.append("%s: in %s" % (path, "no Application's folder" if not owners else
                                           "the folders of " + ", ".join(app.name for app in owners)))
            continue
        obj = read(out, path, problems)
        if obj is None:
            continue
        app = owners[0]
        expected = "%s/%s/%s.%s.yaml" % (app.folder, obj.namespace or "_cluster", obj.kind.lower(), obj.name)
        if path != expected:
            problems.append("%s: %s belongs at %s" % (path, obj.display, expected))
        identity = (obj.group, obj.kind, obj.namespace, obj.name)
        if identity in owner_of:
            problems.append("%s: %s is also synced from %s" % (path, obj.display, owner_of[identity]))
        owner_of[identity] = path
        app.objects.append(obj)
    for app in children:
        if not app.objects:
            problems.append("%s: folder %s holds no object" % (app.obj.path, app.folder))


def budget(out, children, problems):
    for app in children:
        app.bytes = FIXED_STATUS_BYTES + sum(status_bytes(obj) for obj in app.objects)
        if len(app.objects) > MAX_OBJECTS or app.bytes >= MAX_STATUS_BYTES:
            problems.append("Application %s: %d objects, %d bytes (%d KiB) of estimated status: over Argo CD's budget of "
                            "%d objects and %d bytes" % (app.name, len(app.objects), app.bytes, kib(app.bytes),
                                                         MAX_OBJECTS, MAX_STATUS_BYTES))
    readme = os.path.join(out, "README.md")
    if not os.path.isfile(readme):
        problems.append("README.md: missing, so the sizes it should state are not stated")
        return
    with open(readme, encoding="utf-8") as f:
        rows = [ROW.match(line) for line in f.read().splitlines() if line.startswith("| `")]
    listed = {m.group(1): m for m in rows if m}
    for app in children:
        row = listed.pop(app.name, None)
        if row is None:
            problems.append("README.md: no row for Application %s" % app.name)
            continue
        said = (row.group(2), int(row.group(3).replace(",", "")), int(row.group(4).replace(",", "")))
        if said != (app.folder, len(app.objects), kib(app.bytes)):
            problems.append("README.md: %s listed as %s/, %d objects, %d KiB; it is %s/, %d objects, %d KiB (%d bytes)"
                            % ((app.name,) + said + (app.folder, len(app.objects), kib(app.bytes), app.bytes)))
    for name in sorted(listed):
        problems.append("README.md: a row for %s, which is no child Application" % name)


def namespaces(children, problems):
    home = {}
    for app in children:
        for obj in app.objects:
            if (obj.group, obj.kind) == ("", "Namespace"):
                home.setdefault(obj.name, app)
    foundation = next((app for app in children if app.folder == FOUNDATION), None)
    created_by = {app.creates: app for app in children if app.creates}
    for app in children:
        for obj in app.objects:
            ns = obj.namespace
            if not ns or home.get(ns) in (app, foundation) or created_by.get(ns) is app:
                continue
            if ns in created_by:
                why = "exists only through %s's CreateNamespace=true, so the object must be in it" % created_by[ns].name
            elif ns in home:
                why = "is rendered in %s, neither this Application nor the foundation" % home[ns].name
            else:
                why = "is rendered nowhere, and no Application creates it"
            problems.append("%s: %s of %s: its namespace %s %s" % (obj.path, obj.display, app.name, ns, why))


def together(children, problems):
    """One child per tenant and per served model, so a tenant or a model syncs as a whole."""
    tenant_of_ns = {obj.name: obj.labels[TENANT] for app in children for obj in app.objects
                    if obj.kind == "Namespace" and TENANT in obj.labels}
    model_ns = {obj.namespace for app in children for obj in app.objects if MODEL in obj.labels}
    models = {obj.labels[MODEL] for app in children for obj in app.objects if MODEL in obj.labels}
    places = defaultdict(dict)  # (tenant|model, name) -> {Application: first path}
    for app in children:
        for obj in app.objects:
            if obj.kind in ("Namespace", "ClusterQueue") and TENANT in obj.labels:
                places["tenant", obj.labels[TENANT]].setdefault(app.name, obj.path)
            elif obj.namespace in tenant_of_ns:
                places["tenant", tenant_of_ns[obj.namespace]].setdefault(app.name, obj.path)
            model = obj.labels.get(MODEL)
            if model is None and obj.namespace in model_ns:
                named = obj.name[:-len("-epp")] if obj.name.endswith("-epp") else obj.name
                model = named if named in models else None
            if model is not None:
                places["model", model].setdefault(app.name, obj.path)
    for (what, name), where in sorted(places.items()):
        if len(where) > 1:
            split = ", ".join("%s (%s)" % pair for pair in sorted(where.items()))
            problems.append("%s %s is split across %s" % (what, name, split))


def project(root, children, bootstrap, problems):
    name = root.obj.spec.get("project")
    found = [o for o in bootstrap if o.kind == "AppProject" and o.name == name]
    if not found:
        problems.append("argocd/: no AppProject %s, the root's project" % name)
        return
    spec, where = found[0].spec, "%s: AppProject %s" % (found[0].path, name)
    for app in [root] + children:
        if app.obj.spec.get("project") != name:
            problems.append("%s: project %s, not %s" % (app.obj.path, app.obj.spec.get("project"), name))
    synced = [(app, obj) for app in children for obj in app.objects] + [(root, app.obj) for app in children]
    destinations = {(app.server, obj.namespace) for app, obj in synced if obj.namespace}
    destinations |= {(app.server, app.creates) for app in children if app.creates}
    cluster = {(obj.group, obj.kind, obj.name) for _, obj in synced if not obj.namespace}
    cluster |= {("", "Namespace", app.creates) for app in children if app.creates}
    namespaced = {(obj.group, obj.kind) for _, obj in synced if obj.namespace}

    def compare(field, expected, actual, show):
        for entry in sorted(expected - actual, key=str):
            problems.append("%s: %s lacks %s, which is synced" % (where, field, show(entry)))
        for entry in sorted(actual - expected, key=str):
            problems.append("%s: %s admits %s, which nothing synced is" % (where, field, show(entry)))

    entries = lambda key: [e for e in spec.get(key) or [] if isinstance(e, dict)]
    admitted = {(e.get("server"), e.get("namespace")) for e in entries("destinations")}
    compare("destinations", destinations, admitted, lambda e: "%s namespace %s" % e)
    compare("clusterResourceWhitelist", cluster,
            {(e.get("group"), e.get("kind"), e.get("name")) for e in entries("clusterResourceWhitelist")},
            lambda e: "group %r kind %s name %s" % e)
    compare("namespaceResourceWhitelist", namespaced,
            {(e.get("group"), e.get("kind")) if "name" not in e else (e.get("group"), e.get("kind"), e["name"])
             for e in entries("namespaceResourceWhitelist")},
            lambda e: "group %r kind %s" % e[:2] + (" by name %s" % e[2] if len(e) > 2 else ""))
    compare("sourceRepos", {app.repo for app in [root] + children}, set(spec.get("sourceRepos") or []), str)
    for app in [root] + children:  # else Argo CD refuses the Application itself
        if (app.server, app.namespace) not in admitted:
            problems.append("%s: destination %s namespace %s is not among %s's destinations"
                            % (app.obj.path, app.server, app.namespace, name))


def ignores(children, problems):
    for app in children:
        deployments = {(obj.namespace, obj.name) for obj in app.objects if (obj.group, obj.kind) == ("apps", "Deployment")}
        for entry in app.obj.spec.get("ignoreDifferences") or []:
            named = (entry.get("group"), entry.get("kind"), entry.get("namespace"), entry.get("name"))
            if named[:2] != ("apps", "Deployment") or named[2:] not in deployments:
                problems.append("%s: ignoreDifferences names %s %s/%s, which is no Deployment in %s/"
                                % (app.obj.path, named[1], named[2], named[3], app.folder))


# MARK: - The check

def check(out):
    """(problems, children)"""
    problems = []
    root, children, bootstrap = root_and_children(out, problems)
    if root is not None and not children:
        problems.append("applications/: no child Application")
    if root is None or not place_folders(out, root, children, problems):
        return problems, children
    partition(out, children, problems)
    budget(out, children, problems)
    namespaces(children, problems)
    together(children, problems)
    project(root, children, bootstrap, problems)
    ignores(children, problems)
    return problems, children


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="a rendered out/ folder")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only problems and the summary")
    args = parser.parse_args(argv)
    if LOADER is yaml.SafeLoader:
        print("argocd-layout: note: PyYAML without libyaml, reading with the slow SafeLoader", file=sys.stderr)
    problems, children = check(args.out)
    if not args.quiet:
        for app in children:
            if hasattr(app, "bytes"):
                print("  %-32s %-28s %6d objects %5d KiB" % (app.name, app.folder + "/", len(app.objects), kib(app.bytes)))
    if problems:
        print("argocd-layout: %s: FAILED: %d problems:" % (args.out, len(problems)))
        for problem in problems:
            print("  " + problem)
        return 1
    largest = max(children, key=lambda app: (len(app.objects), app.bytes))
    print("argocd-layout: %s: %d Applications, largest %s: %d objects, %d KiB; partition, namespaces, project ok"
          % (args.out, len(children) + 1, largest.name, len(largest.objects), kib(largest.bytes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
