#!/usr/bin/env python3
"""Writes Tests/Fixtures/fuzz-seeds/: fuzz inputs for `platc-fuzz` (Sources/PlatcFuzz/FuzzInput.swift).

- Whole platforms in the named layout (`#platc-files` NUL, then path NUL bytes NUL pairs): the
  embedded default, the minimal and the timeslicing-keda fixtures, so mutations start from many
  tenants and models and reach every renderer family.
- The minimal platform with each bad fixture and each check fixture laid over it, in the slots
  layout: the five files of a root joined by NUL bytes, in the order platform/p.yaml,
  platform/g.yaml, tenants/t.yaml, models/m.yaml, models/m.json. Names are rewritten to match
  those file names."""
import pathlib, shutil

HERE = pathlib.Path(__file__).parent
BASE, OUT = HERE / "minimal", HERE / "fuzz-seeds"
FIXTURE_FOLDERS = [HERE / "bad", HERE / "checks"]
ORDER = ["platform/mini.yaml", "platform/a10.yaml", "tenants/team.yaml", "models/tiny.yaml", "models/tiny.json"]
RENAMES = [(b"name: mini\n", b"name: p\n"), (b"name: a10\n", b"name: g\n"), (b"gpuClass: a10", b"gpuClass: g"),
           (b"a10: {", b"g: {"), (b"name: team\n", b"name: t\n"), (b"tenants: [team]", b"tenants: [t]"),
           (b"name: tiny\n", b"name: m\n"), (b"models: [tiny]", b"models: [m]"), (b"config: tiny.json", b"config: m.json")]

def seed(files):
    parts = []
    for path in ORDER:
        data = files.get(path, b"")
        for old, new in RENAMES:
            data = data.replace(old, new)
        parts.append(data)
    return b"\0".join(parts)

def named(root):
    parts = [b"#platc-files"]
    for path in sorted(p for folder in ("platform", "tenants", "models") for p in (root / folder).rglob("*")
                       if p.suffix in (".yaml", ".yml", ".json")):
        parts += [path.relative_to(root).as_posix().encode(), path.read_bytes()]
    return b"\0".join(parts) + b"\0"

base = {p: (BASE / p).read_bytes() for p in ORDER}
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir()
(OUT / "minimal").write_bytes(seed(base))
for name, root in [("named-default", HERE.parent.parent), ("named-minimal", BASE),
                   ("named-timeslicing-keda", HERE / "timeslicing-keda")]:
    (OUT / name).write_bytes(named(root))
count = 4
for fixture in sorted(f for folder in FIXTURE_FOLDERS for f in folder.iterdir()):
    files = dict(base)
    changed = False
    for path in ORDER:
        if (fixture / path).exists():
            files[path] = (fixture / path).read_bytes()
            changed = True
    if changed:
        (OUT / fixture.name).write_bytes(seed(files))
        count += 1
print(f"{count} seeds")

# The fuzzer's dictionary: every key of the language (from the JSON Schema platc writes) and
# YAML syntax, so mutations insert whole keys and indicators instead of finding them byte by byte.
import json
def keys(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                found.update(value)
            keys(value, found)
    elif isinstance(node, list):
        for item in node:
            keys(item, found)
    return found

def quoted(text):
    return '"' + "".join(f"\\x{b:02x}" if b < 32 or b > 126 or b in (34, 92) else chr(b) for b in text) + '"'

schema = json.loads((HERE.parent.parent / "schema/platc.schema.json").read_text())
syntax = [b"&a ", b"*a", b"<<: ", b"!!str ", b"---\n", b"...\n", b"? ", b"- ", b": ", b"{", b"}", b"[", b"]", b"|\n",
          b">\n", b'"\\u0000"', b"'", b"#", b" ~", b"null", b"true", b".inf", b".nan", b"0x1F", b"1e309", b"-1",
          b"os.environ/", b"@sha256:", b"\t", b"\r\n", b"\xef\xbb\xbf"]
entries = [quoted(f"{key}: ".encode()) for key in sorted(keys(schema, set()))] + [quoted(token) for token in syntax]
(HERE / "fuzz.dict").write_text("# platc-fuzz dictionary, written by make_fuzz_seeds.py: the language's keys (from\n"
                                "# schema/platc.schema.json) and YAML syntax.\n" + "\n".join(entries) + "\n")
