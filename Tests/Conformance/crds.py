"""The vendored CustomResourceDefinitions (crds/), indexed by group, version and kind. A
kustomization.yaml whose JSON6902 patches target a CRD by name is applied as kustomize would
(KEDA ships its ScaledObject CRD as a base plus such a patch), so the files stay as upstream has
them. A patch whose CRD is not vendored is skipped."""

import copy
import os
import re

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
    return [d for d in _documents_any(path) if isinstance(d, dict)]


def _documents_any(path):
    with open(path, encoding="utf-8") as f:
        return list(yaml.load_all(f, Loader=_Loader))


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


_GROUP = re.compile(r"(?m)^  group: ['\"]?([^'\"\s]+)")
_KIND = re.compile(r"(?m)^  names:\s*\n(?:    .*\n)*?    kind: ['\"]?([^'\"\s]+)")


class CRDIndex:
    """Every CRD under root. A file is parsed the first time one of its kinds is looked up (the
    group and kind are read from its text first), which keeps a run over a few kinds fast."""

    def __init__(self, root=CRD_DIR):
        self.root = root
        self.files = {}  # (group, kind) -> path
        self.patches = {}  # CRD name -> [(kustomization folder, patch file)]
        self._loaded = {}  # path -> [CRDVersion]
        for base, folders, files in os.walk(root):
            folders.sort()
            for name in sorted(files):
                if name.endswith((".yaml", ".yml")):
                    self._scan(os.path.join(base, name))

    def _scan(self, path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if re.search(r"(?m)^kind: Kustomization\s*$", text):
            for doc in yaml.load_all(text, Loader=_Loader):
                for patch in (doc or {}).get("patches") or []:
                    target = patch.get("target") or {}
                    if target.get("kind") == "CustomResourceDefinition":
                        self.patches.setdefault(target["name"], []).append(os.path.join(os.path.dirname(path), patch["path"]))
        elif re.search(r"(?m)^kind: CustomResourceDefinition\s*$", text):
            group, kind = _GROUP.search(text), _KIND.search(text)
            if group and kind:
                key = (group.group(1), kind.group(1))
                if key in self.files:
                    raise ValueError("two CRD files define %s %s: %s and %s" % (key + (self.files[key], path)))
                self.files[key] = path
            else:
                for version in self._load(path):
                    self.files[(version.group, version.kind)] = path

    def _load(self, path):
        versions = self._loaded.get(path)
        if versions is None:
            versions = []
            project = os.path.relpath(path, self.root).split(os.sep)[0]
            for doc in _documents(path):
                if doc.get("kind") != "CustomResourceDefinition":
                    continue
                for patch_path in self.patches.get(doc["metadata"]["name"], []):
                    operations = []
                    for patch in _documents_any(patch_path):
                        operations.extend(patch or [])
                    apply_json6902(doc, operations)
                versions.extend(CRDVersion(doc, v, project, os.path.relpath(path, self.root)) for v in doc["spec"]["versions"])
            self._loaded[path] = versions
        return versions

    def _versions(self, group, kind):
        path = self.files.get((group, kind))
        return [v for v in self._load(path) if v.kind == kind] if path else []

    def lookup(self, group, version, kind):
        return next((v for v in self._versions(group, kind) if v.name == version), None)

    def versions_of(self, group, kind):
        return sorted(v.name for v in self._versions(group, kind))

    def kinds_of(self, group):
        return sorted(k for g, k in self.files if g == group)

    @property
    def versions(self):
        """(group, kind, version) -> CRDVersion for every CRD (parses them all)."""
        return {(v.group, v.kind, v.name): v for g, k in sorted(self.files) for v in self._versions(g, k)}
