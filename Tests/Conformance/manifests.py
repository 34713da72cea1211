"""Reading manifests as the API server's YAML decoding sees them (sigs.k8s.io/yaml, strict): a
duplicate mapping key is an error, timestamps stay strings (YAML-to-JSON has no timestamps), and
mapping keys become strings."""

import fnmatch
import os

import yaml

_BASE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 5x faster


class DuplicateKey(yaml.YAMLError):
    pass


class ManifestLoader(_BASE):
    pass


# No timestamp type: `2024-01-01` stays the string Kubernetes sees.
ManifestLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader, node, deep=False):
    seen = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        key = loader.construct_object(key_node, deep=True)
        key = key if isinstance(key, str) else _json_key(key)
        if key in seen:
            raise DuplicateKey("duplicate key %r (first at line %d, again at line %d)"
                               % (key, seen[key] + 1, key_node.start_mark.line + 1))
        seen[key] = key_node.start_mark.line
    loader.flatten_mapping(node)
    pairs = loader.construct_pairs(node, deep=deep)
    return {k if isinstance(k, str) else _json_key(k): v for k, v in pairs}


def _json_key(key):
    if isinstance(key, bool):
        return "true" if key else "false"
    if key is None:
        return "null"
    return str(key)


def _construct_value(loader, node):
    # `=` is YAML 1.1's "value" tag; PyYAML has no constructor for it, Kubernetes reads a string.
    return loader.construct_scalar(node)


ManifestLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
ManifestLoader.add_constructor("tag:yaml.org,2002:value", _construct_value)


class Document:
    """One YAML document of a file: its index (as yq's documentIndex), the object or the error."""

    __slots__ = ("file", "index", "obj", "error")

    def __init__(self, file, index, obj=None, error=None):
        self.file, self.index, self.obj, self.error = file, index, obj, error


def read_documents(path, shown):
    """The documents of one file; a parse error ends the file with an error document."""
    documents = []
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as exc:
        return [Document(shown, 0, error="cannot read: %s" % exc)]
    loader = ManifestLoader(text)
    index = 0
    try:
        while loader.check_data():
            documents.append(Document(shown, index, obj=loader.get_data()))
            index += 1
    except yaml.YAMLError as exc:
        message = " ".join(str(exc).replace('in "<unicode string>", ', "").split())
        documents.append(Document(shown, index, error="YAML: %s" % message))
    finally:
        loader.dispose()
    return documents


def manifest_files(paths, excludes):
    """(path on disk, path as shown) of every *.yaml / *.yml under PATHs, sorted, without dot
    folders and files matching an --exclude glob (by path relative to the PATH or by name)."""
    found = []
    for root in paths:
        if os.path.isfile(root):
            found.append((root, root))
            continue
        for base, folders, files in os.walk(root):
            folders[:] = sorted(d for d in folders if not d.startswith("."))
            for name in sorted(files):
                if not name.endswith((".yaml", ".yml")):
                    continue
                full = os.path.join(base, name)
                relative = os.path.relpath(full, root)
                if any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(name, g) for g in excludes):
                    continue
                found.append((full, full))
    return found
