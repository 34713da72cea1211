#!/usr/bin/env python3
"""The allowed-images policy's verdict on many images at once, for the Swift property test that
holds it equal to `platc check` (Tests/PlatcRenderTests/Kyverno/ImagePolicyAgreementTests.swift),
and whether the signature policy selects each image.

Input (a JSON file): {"policies": [<a rendered policy's YAML>, ...],
                      "cases": [{"policy": <index>, "signatures": <index, optional>, "image": "...",
                                 "kind": "Pod"|"Deployment"|"CronJob",
                                 "where": "containers"|"initContainers"|"ephemeralContainers"|"volume"}, ...]}
Output (stdout, JSON): {"verdicts": [{"violated": ["allowed registries", ...], "details": ["..."],
                                      "selected": true|false|null, "unsigned": ["image signatures"],
                                      "unsignedDetails": ["..."]}, ...]}
in the order of the cases: the validations each case violates, by the name their message starts
with (a policy-level error by where it arose, e.g. `matchImageReferences`). Evaluated as
policy_behaviour.py evaluates every policy (kubecel, variables in order, an evaluation error is a
violation), with one object per case in a namespace platc manages. With `signatures`, also:
`selected`, whether the ImageValidatingPolicy's matchImageReferences select the image as written,
as Kyverno matches (null: the match failed, which fails the policy); and `unsigned`, that policy's
violations on the same object when no image is signed.

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


def violations(policy, case):
    """The names of the validations `policy` finds violated by the case's object, and their details."""
    obj = workload(case["kind"], pod_spec(case["image"], case["where"]))
    ephemeral = case["where"] == "ephemeralContainers"
    req = behaviour.request(obj, NAMESPACE, "UPDATE" if ephemeral else "CREATE", "ephemeralcontainers" if ephemeral else None)
    violated = policy.evaluate(req, NAMESPACES)
    if violated is None:
        raise SystemExit("image_verdicts: %s does not apply to a %s in %s" % (policy.name, case["kind"], NAMESPACE))
    names = sorted({policy.validations[i]["message"].split(":")[0] if isinstance(i, int) else i for i, _ in violated})
    return names, sorted(text for _, text in violated)


def verdict(policies, case):
    names, details = violations(policies[case["policy"]], case)
    result = {"violated": names, "details": details}
    if "signatures" in case:
        signatures = policies[case["signatures"]]
        chosen = behaviour.selected(case["image"], signatures.spec.get("matchImageReferences", []))
        result["selected"] = None if isinstance(chosen, behaviour.kubecel.CELError) else bool(chosen)
        # Nothing is signed here (behaviour.SIGNED stays empty): a selected image is unverified.
        result["unsigned"], result["unsignedDetails"] = violations(signatures, case)
    return result


def main(path):
    with open(path) as f:
        data = json.load(f)
    policies = [behaviour.Policy(yaml.safe_load(text)) for text in data["policies"]]
    verdicts = [verdict(policies, case) for case in data["cases"]]
    json.dump({"verdicts": verdicts}, sys.stdout)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[-1])
    sys.exit(main(sys.argv[1]))
