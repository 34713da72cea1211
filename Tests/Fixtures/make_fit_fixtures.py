#!/usr/bin/env python3
"""Writes the fit/* and timeout/startup-probe fixtures under Tests/Fixtures/checks/: each one is
the minimal platform's model (tiny, Qwen2.5-0.5B on one A10 per node) or GPU class with a few
lines changed, once over the rule's boundary (-fails) and once just inside it (-passes).
Re-run after editing, then record expected.txt with PLATC_RECORD=1 and read the diff."""
import json, pathlib, shutil

here = pathlib.Path(__file__).parent
minimal = here / "minimal"
tiny = (minimal / "models/tiny.yaml").read_text()
a10 = (minimal / "platform/a10.yaml").read_text()
llama = (here / "gpufit/configs/meta-llama--Llama-3.1-8B.json").read_text()


def serving(**fields):
    """tiny.yaml with serving fields replaced or added (values as YAML text)."""
    lines = tiny.splitlines()
    start = lines.index("serving:")
    for key, value in fields.items():
        for i in range(start + 1, len(lines)):
            if not lines[i].startswith("  "):
                lines.insert(i, f"  {key}: {value}")
                break
            if lines[i].startswith(f"  {key}:"):
                lines[i] = f"  {key}: {value}"
                break
    return "\n".join(lines) + "\n"


def gpu(extra):
    return a10 + extra


def fixture(name, files):
    folder = here / "checks" / name
    if folder.exists():
        expected = (folder / "expected.txt").read_text() if (folder / "expected.txt").exists() else None
        shutil.rmtree(folder)
    else:
        expected = None
    for path, text in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text)
    (folder / "expected.txt").write_text(expected or "")


def with_config(yaml_text, config_name):
    return yaml_text.replace("config: tiny.json", f"config: {config_name}")


big = with_config(serving(maxModelLen=131072, maxNumSeqs=1), "llama.json")
fixture("fit-does-not-fit-fails-context", {"models/tiny.yaml": big, "models/llama.json": llama})
fixture("fit-does-not-fit-passes-at-largest-context",
        {"models/tiny.yaml": with_config(serving(maxModelLen=19008, maxNumSeqs=1), "llama.json"), "models/llama.json": llama})
fixture("fit-low-concurrency-fails", {"models/tiny.yaml": serving(maxNumSeqs=400)})
fixture("fit-low-concurrency-passes", {"models/tiny.yaml": serving(maxNumSeqs=306)})
fixture("fit-tp-heads-fails", {"models/tiny.yaml": serving(tensorParallel=4), "platform/a10.yaml": a10.replace("gpusPerNode: 1", "gpusPerNode: 4")})
fixture("fit-tp-heads-passes", {"models/tiny.yaml": serving(tensorParallel=2), "platform/a10.yaml": a10.replace("gpusPerNode: 1", "gpusPerNode: 2")})
fixture("fit-tp-node-fails", {"models/tiny.yaml": serving(tensorParallel=2)})
fixture("fit-tp-node-passes", {"models/tiny.yaml": serving(tensorParallel=2), "platform/a10.yaml": a10.replace("gpusPerNode: 1", "gpusPerNode: 2")})
fixture("fit-utilization-high-fails", {"models/tiny.yaml": serving(gpuMemoryUtilization=0.9)})
fixture("fit-utilization-high-passes-at-ceiling", {"models/tiny.yaml": serving(gpuMemoryUtilization=0.84)})
fixture("fit-time-slicing-fails", {"models/tiny.yaml": serving(replicas="{min: 1, max: 2}"), "platform/a10.yaml": gpu("timeSlicing:\n  replicas: 2\n")})
fixture("fit-time-slicing-passes", {"models/tiny.yaml": serving(replicas="{min: 1, max: 2}", gpuMemoryUtilization=0.5, maxNumSeqs=128),
                                    "platform/a10.yaml": gpu("timeSlicing:\n  replicas: 2\n")})
fixture("fit-max-model-len-fails", {"models/tiny.yaml": serving(maxModelLen=32769, maxNumSeqs=32)})
fixture("fit-max-model-len-passes", {"models/tiny.yaml": serving(maxModelLen=32768, maxNumSeqs=32)})
olmo = json.loads(llama)
olmo["model_type"] = "olmo2"
olmo["architectures"] = ["Olmo2ForCausalLM"]
olmo_text = json.dumps(olmo, indent=2) + "\n"
fixture("fit-unknown-architecture-fails", {"models/tiny.yaml": with_config(tiny, "olmo.json"), "models/olmo.json": olmo_text})
fixture("fit-unknown-architecture-passes-with-parameters", {
    "models/tiny.yaml": with_config(serving(maxNumSeqs=4), "olmo.json").replace("  config: olmo.json\n", "  config: olmo.json\n  parameters: 7298011136\n"),
    "models/olmo.json": olmo_text})
fixture("fit-unknown-gpu-fails", {"platform/a10.yaml": a10.replace("product: NVIDIA-A10", "product: AMD-Instinct-MI300X").replace("memory: 24Gi", "memory: 192Gi")})
fixture("fit-unknown-gpu-passes-with-visible-memory", {"platform/a10.yaml": a10.replace("product: NVIDIA-A10", "product: AMD-Instinct-MI300X")
        .replace("memory: 24Gi", "memory: 192Gi\nvisibleMemory: 191.5Gi")})
fixture("timeout-startup-probe-fails", {"models/tiny.yaml": serving(startupTimeout="90s")})
fixture("timeout-startup-probe-passes", {"models/tiny.yaml": serving(startupTimeout="92s")})
