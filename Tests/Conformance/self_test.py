#!/usr/bin/env python3
"""The validator must fail on broken input: copies OUT to a temporary folder, requires the
untouched copy to pass, then breaks one object per kind of check (each in its own file; when OUT
has fewer objects of a kind than cases need, a copy under another name is added and broken) and
requires validate.py to fail exactly those objects, each with the expected message. A case whose
kind OUT does not render at all is skipped and says so. Prints one line per case and
`self-test: N of N caught`; exits 1 when any case is missed or anything else fails.

Usage: self_test.py [--k8s-version 1.33] [--keep DIR] OUT
  --keep DIR   also write the broken copy to DIR (to run another validator on it)
"""

import argparse
import contextlib
import glob
import io
import os
import re
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import yaml  # noqa: E402

import validate  # noqa: E402

FLAGS = ["--fail-unevaluated-cel", "--fail-deprecated", "--exclude", "litellm/config.yaml"]
LINE = re.compile(r"^(?P<file>.+?):(?P<doc>\d+(?:\.items\[\d+\])?) (?P<object>\S+): (?P<message>.*)$")


def edit(change):
    """A break that loads the file's one YAML document, changes it and writes it back."""
    def apply(path):
        with open(path, encoding="utf-8") as f:
            obj = yaml.safe_load(f)
        change(obj)
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(obj, f, sort_keys=False)
    return apply


def duplicate_key(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(re.sub(r"(?m)^(kind: .*)$", r"\1\n\1", text, count=1))


def pod_spec(obj):
    return obj["spec"]["template"]["spec"]


def borrow_without_cohort(obj):
    obj["spec"].pop("cohortName", None)
    obj["spec"]["resourceGroups"][0]["flavors"][0]["resources"][0]["borrowingLimit"] = 1


# (what is broken, file glob under OUT, the break, fragments every expected line set must contain)
CASES = [
    ("unknown field in a built-in kind", "manifests/*/*/deployment.*.yaml",
     edit(lambda o: pod_spec(o)["containers"][0].update(imagePullPolicyy="Always")),
     ["spec.template.spec.containers[0].imagePullPolicyy: unknown field"]),
    ("wrong type in a built-in kind", "manifests/*/*/service.*.yaml",
     edit(lambda o: o["spec"]["ports"][0].update(port="8000")),
     ['spec.ports[0].port: Invalid value: "string": must be of type integer']),
    ("closed value set of a built-in kind", "manifests/*/*/networkpolicy.default-deny.yaml",
     edit(lambda o: o["spec"].update(policyTypes=["Ingress", "Sideways"])),
     ['spec.policyTypes[1]: Unsupported value: "Sideways"']),
    ("missing required field", "manifests/*/*/rolebinding.*.yaml",
     edit(lambda o: o.pop("roleRef")),
     ["roleRef: Required value"]),
    ("unknown field in a CRD kind", "manifests/*/*/localqueue.*.yaml",
     edit(lambda o: o["spec"].update(clusterQueuee=o["spec"]["clusterQueue"])),
     ["spec.clusterQueuee: unknown field"]),
    ("CRD enum", "manifests/*/_cluster/clusterqueue.*.yaml",
     edit(lambda o: o["spec"].update(queueingStrategy="FIFO")),
     ['spec.queueingStrategy: Unsupported value: "FIFO"']),
    ("CRD pattern", "manifests/*/*/httproute.*.yaml",
     edit(lambda o: o["spec"].update(hostnames=["Bad_Host.example.com"])),
     ["spec.hostnames[0]: Invalid value: \"Bad_Host.example.com\": should match"]),
    ("CEL rule of Kueue (borrowingLimit without a cohort)", "manifests/*/_cluster/clusterqueue.*.yaml",
     edit(borrow_without_cohort),
     ["borrowingLimit must be nil when cohort is empty"]),
    ("CEL rule of the Gateway API (backendRequest longer than request)", "manifests/*/*/httproute.*.yaml",
     edit(lambda o: o["spec"]["rules"][0].update(timeouts={"request": "5m", "backendRequest": "10m"})),
     ["spec.rules[0].timeouts: Invalid value: \"object\": backendRequest timeout cannot be longer than request timeout"]),
    ("KEDA bound added by upstream's kustomize patch", "manifests/*/*/scaledobject.*.yaml",
     edit(lambda o: o["spec"].setdefault("advanced", {}).setdefault("horizontalPodAutoscalerConfig", {})
          .setdefault("behavior", {}).update(scaleDown={"stabilizationWindowSeconds": 4000})),
     ["stabilizationWindowSeconds: Invalid value: 4000: should be less than or equal to 3600"]),
    ("label value", "manifests/*/_cluster/namespace.*.yaml",
     edit(lambda o: o["metadata"]["labels"].update({"platc.dev/model": "meta-llama/Llama-3.1-8B"})),
     ['metadata.labels[platc.dev/model]: Invalid value: "meta-llama/Llama-3.1-8B": a valid label must be']),
    ("Service name (DNS-1035 label)", "manifests/*/*/service.*.yaml",
     edit(lambda o: o["metadata"].update(name="Qwen_Service")),
     ['metadata.name: Invalid value: "Qwen_Service": a DNS-1035 label must']),
    ("unknown kind", "manifests/*/*/podmonitor.*.yaml",
     edit(lambda o: o.update(apiVersion="serving.kserve.io/v1beta1", kind="InferenceService")),
     ["unknown kind InferenceService in apiVersion serving.kserve.io/v1beta1"]),
    ("duplicate YAML key", "manifests/*/*/configmap.*.yaml",
     duplicate_key,
     ["YAML: duplicate key 'kind'"]),
    ("deprecated CRD version", "manifests/*/_cluster/workloadpriorityclass.*.yaml",
     edit(lambda o: o.update(apiVersion="kueue.x-k8s.io/v1beta1")),
     ["apiVersion: kueue.x-k8s.io/v1beta1 WorkloadPriorityClass is deprecated"]),
    ("CRD version that is not served", "manifests/*/_cluster/cohort.*.yaml",
     edit(lambda o: o.update(apiVersion="kueue.x-k8s.io/v1alpha9")),
     ["unknown kind Cohort in apiVersion kueue.x-k8s.io/v1alpha9: its CRD defines versions kueue.x-k8s.io/v1beta1, kueue.x-k8s.io/v1beta2"]),
]


def clone(original, path, number):
    """Next to `path`, the untouched object of `original` under another name, for a platform with
    fewer objects of a kind than the cases that break one."""
    with open(original, encoding="utf-8") as f:
        obj = yaml.safe_load(f)
    obj["metadata"]["name"] = "%s-copy%d" % (obj["metadata"]["name"], number)
    copy = "%s-copy%d.yaml" % (path[:-len(".yaml")], number)
    with open(copy, "w", encoding="utf-8") as f:
        yaml.safe_dump(obj, f, sort_keys=False)
    return copy


def run_validator(version, root):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = validate.main(FLAGS + ["--k8s-version", version, root])
    return status, out.getvalue(), err.getvalue()


def failures(output, root):
    """{file relative to root: [messages]} from the validator's problem lines."""
    found = {}
    for line in output.splitlines():
        m = LINE.match(line)
        if m:
            found.setdefault(os.path.relpath(m.group("file"), root), []).append(m.group("message"))
    return found


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="a rendered out/ folder")
    parser.add_argument("--k8s-version", default="1.33")
    parser.add_argument("--keep", help="also write the broken copy here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="conformance-self-test.") as temp:
        root = os.path.join(temp, "out")
        shutil.copytree(args.out, root)
        status, output, errors = run_validator(args.k8s_version, root)
        if status != 0:
            print("self-test: the untouched copy of %s does not pass:\n%s%s" % (args.out, output, errors))
            return 1
        broken, skipped = {}, []
        for number, (name, pattern, apply, fragments) in enumerate(CASES):
            matches = sorted(glob.glob(os.path.join(root, pattern)))
            candidates = [p for p in matches if os.path.relpath(p, root) not in broken]
            if not matches:
                skipped.append("%s (no %s in %s)" % (name, pattern, args.out))
                continue
            if candidates:
                path = candidates[0]
            else:
                path = clone(os.path.join(args.out, os.path.relpath(matches[0], root)), matches[0], number)
            apply(path)
            broken[os.path.relpath(path, root)] = (name, fragments)
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(root, args.keep)
        status, output, errors = run_validator(args.k8s_version, root)
        found = failures(output, root)
        caught = 0
        for file, (name, fragments) in broken.items():
            messages = found.get(file, [])
            missing = [f for f in fragments if not any(f in m for m in messages)]
            if messages and not missing:
                caught += 1
                print("caught  %-62s %s" % (name, file))
            else:
                print("MISSED  %-62s %s: expected %s, got %s" % (name, file, missing, messages or "no failure"))
        unexpected = sorted(set(found) - set(broken))
        for file in unexpected:
            print("UNEXPECTED failure of %s: %s" % (file, found[file]))
        expected_summary = "%d failed" % len(broken)
        summary = output.strip().splitlines()[-1] if output.strip() else ""
        if not summary.endswith(expected_summary) or status != 1:
            print("self-test: expected exit 1 and '%s', got exit %d and %r" % (expected_summary, status, summary))
        for case in skipped:
            print("skipped %s" % case)
        print("self-test: %d of %d caught" % (caught, len(broken)))
        ok = caught == len(broken) and not unexpected and summary.endswith(expected_summary) and status == 1
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
