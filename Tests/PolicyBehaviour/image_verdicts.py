#!/usr/bin/env python3
"""The allowed-images policy's verdict on many images at once, for the Swift property test that
holds it equal to `platc check` (Tests/PlatcRenderTests/Kyverno/ImagePolicyAgreementTests.swift).

Input (a JSON file): {"policies": [<the rendered policy's YAML>, ...],
                      "cases": [{"policy": <index>, "image": "...", "kind": "Pod"|"Deployment"|"CronJob",
                                 "where": "containers"|"initContainers"|"ephemeralContainers"|"volume"}, ...]}
Output (stdout, JSON): {"verdicts": [{"violated": ["allowed registries", ...], "details": ["..."]}, ...]}
in the order of the cases: the validations each case violates, by the name their message starts
with. Evaluated as policy_behaviour.py evaluates every policy (kubecel, variables in order, an
evaluation error is a violation), with one object per case in a namespace platc manages.

Usage:  "$(scripts/python-env tests)" Tests/PolicyBehaviour/image_verdicts.py cases.json
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import yaml  # noqa: E402

import policy_behaviour as behaviour  # noqa: E402

NAMESPACE = "serving"
NAMESPACES = {NAMESPACE: {"apiVersion": "v1", "kind": "Namespace",
                          "metadata": {"name": NAMESPACE, "labels": {"app.kubernetes.io/managed-by": "platc"}}}}


def pod_spec(image, where):
    """A pod with the image in one place; its other container has no image, as in a pod whose
    only image is an image volume."""
    spec = {"containers": [{"name": "main"}]}
    if where == "volume":
        spec["volumes"] = [{"name": "weights", "image": {"reference": image}}]
    else:
        spec.setdefault(where, []).append({"name": "case", "image": image})
    return spec


def workload(kind, spec):
    meta = {"name": "case", "namespace": NAMESPACE}
    if kind == "Pod":
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec}
    template = {"metadata": {"labels": {"app": "case"}}, "spec": spec}
    if kind == "CronJob":
        return {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": meta,
                "spec": {"schedule": "0 3 * * *", "jobTemplate": {"spec": {"template": template}}}}
    return {"apiVersion": "apps/v1", "kind": kind, "metadata": meta, "spec": {"template": template}}


def verdict(policy, case):
    obj = workload(case["kind"], pod_spec(case["image"], case["where"]))
    ephemeral = case["where"] == "ephemeralContainers"
    req = behaviour.request(obj, NAMESPACE, "UPDATE" if ephemeral else "CREATE", "ephemeralcontainers" if ephemeral else None)
    violated = policy.evaluate(req, NAMESPACES)
    if violated is None:
        raise SystemExit("image_verdicts: the policy does not apply to a %s in %s" % (case["kind"], NAMESPACE))
    names = sorted({policy.validations[i]["message"].split(":")[0] for i, _ in violated if isinstance(i, int)})
    return {"violated": names, "details": sorted(text for _, text in violated)}


def main(path):
    with open(path) as f:
        data = json.load(f)
    policies = [behaviour.Policy(yaml.safe_load(text)) for text in data["policies"]]
    verdicts = [verdict(policies[case["policy"]], case) for case in data["cases"]]
    json.dump({"verdicts": verdicts}, sys.stdout)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[-1])
    sys.exit(main(sys.argv[1]))
