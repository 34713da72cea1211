"""The vendored CustomResourceDefinitions (crds/), indexed by group, version and kind. A
kustomization.yaml whose JSON6902 patches target a CRD by name is applied as kustomize would
(KEDA ships its ScaledObject CRD as a base plus such a patch), so the files stay as upstream has
them. A patch whose CRD is not vendored is skipped."""

import copy
import os

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CRD_DIR = os.path.join(HERE, "crds")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class CRDVersion:
    """One version of one CRD: what the API server serves for group/version, kind."""

    def __init__(self, crd, version, project, file):
        spec = crd["spec"]
        self.group, self.kind = spec["group"], spec["names"]["kind"]
        self.name = version["name"]
        self.served = version.get("served", False)
        self.deprecated = version.get("deprecated", False)
        self.deprecation_warning = version.get("deprecationWarning")
        self.namespaced = spec.get("scope") == "Namespaced"
        self.schema = (version.get("schema") or {}).get("openAPIV3Schema") or {}
        self.project, self.file = project, file

    @property
    def api_version(self):
        return "%s/%s" % (self.group, self.name)


def _documents(path):
    with open(path, encoding="utf-8") as f:
        return [d for d in yaml.load_all(f, Loader=_Loader) if isinstance(d, dict)]


def _pointer(path):
    return [p.replace("~1", "/").replace("~0", "~") for p in path.lstrip("/").split("/")]


def apply_json6902(document, operations):
    """RFC 6902 add, remove and replace, the operations upstream CRD patches use."""
    for operation in operations:
        *parents, last = _pointer(operation["path"])
        node = document
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        op = operation["op"]
        if isinstance(node, list):
            index = len(node) if last == "-" else int(last)
            if op == "add":
                node.insert(index, copy.deepcopy(operation["value"]))
            elif op == "remove":
                del node[index]
            elif op == "replace":
                node[index] = copy.deepcopy(operation["value"])
        elif op in ("add", "replace"):
            node[last] = copy.deepcopy(operation["value"])
        elif op == "remove":
            del node[last]
        else:
            raise ValueError("unsupported JSON6902 operation %r" % op)


class CRDIndex:
    def __init__(self, root=CRD_DIR):
        crds, kustomizations = {}, []
        for base, folders, files in os.walk(root):
            folders.sort()
            for name in sorted(files):
                if not name.endswith((".yaml", ".yml")):
                    continue
                path = os.path.join(base, name)
                project = os.path.relpath(path, root).split(os.sep)[0]
                for doc in _documents(path):
                    if doc.get("kind") == "CustomResourceDefinition":
                        crds[doc["metadata"]["name"]] = (doc, project, os.path.relpath(path, root))
                    elif doc.get("kind") == "Kustomization":
                        kustomizations.append((base, doc))
        for base, kustomization in kustomizations:
            for patch in kustomization.get("patches") or []:
                target = patch.get("target") or {}
                if target.get("kind") != "CustomResourceDefinition" or target.get("name") not in crds:
                    continue
                operations = []
                for doc in yaml.load_all(open(os.path.join(base, patch["path"]), encoding="utf-8"), Loader=_Loader):
                    operations.extend(doc or [])
                apply_json6902(crds[target["name"]][0], operations)
        self.versions = {}
        for doc, project, file in crds.values():
            for version in doc["spec"]["versions"]:
                v = CRDVersion(doc, version, project, file)
                key = (v.group, v.kind, v.name)
                if key in self.versions:
                    raise ValueError("two CRDs define %s/%s %s" % (v.group, v.name, v.kind))
                self.versions[key] = v

    def lookup(self, group, version, kind):
        return self.versions.get((group, kind, version))

    def versions_of(self, group, kind):
        return sorted(v.name for (g, k, _), v in self.versions.items() if g == group and k == kind)

    def kinds_of(self, group):
        return sorted({k for (g, k, _) in self.versions if g == group})

    def projects(self):
        return sorted({v.project for v in self.versions.values()})
