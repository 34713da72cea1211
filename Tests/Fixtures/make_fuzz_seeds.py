#!/usr/bin/env python3
"""Writes Tests/Fixtures/fuzz-seeds/: fuzz inputs for `platc-fuzz`, built from the minimal
platform, every bad fixture and every check fixture (so inputs reach the checks and the renderer). An input is the five files of a root joined by NUL bytes, in the
order the fuzz target assigns them: platform/p.yaml, platform/g.yaml, tenants/t.yaml,
models/m.yaml, models/m.json. Names are rewritten to match those file names."""
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

base = {p: (BASE / p).read_bytes() for p in ORDER}
shutil.rmtree(OUT, ignore_errors=True)
OUT.mkdir()
(OUT / "minimal").write_bytes(seed(base))
count = 1
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
