#!/usr/bin/env python3
"""The checkov step cannot pass by accident: on a broken copy of a rendered out/, checkov must fail
exactly the checks that each break breaks, and honour a skip annotation on its object.

    python3 Tests/Checkov/self_test.py --checkov PATH/TO/checkov OUT

Runs under checkov's own venv (scripts/checkov --self-test OUT), whose PyYAML it uses. Copies the
manifests of OUT (which must hold at least five vLLM Deployments and the reconciler Job: the
embedded default) to a temporary folder, breaks one thing per object, scans the copy once and
compares checkov's failed and skipped (check, object) pairs with the expected ones. Any other
result, a failure more or less, or nothing scanned, fails the test.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

LOW_UID = 1001
SKIP_REASON = "self-test: a skip on the object with its reason"


def resource(obj):
    meta = obj["metadata"]
    return "%s.%s.%s" % (obj["kind"], meta.get("namespace", "default"), meta["name"])


def containers(obj):
    spec = obj["spec"]["template"]["spec"]
    return spec.get("initContainers", []) + spec["containers"]


def vllm(obj):
    return next(c for c in obj["spec"]["template"]["spec"]["containers"] if c["name"] == "vllm")


def low_uid(obj):
    obj["spec"]["template"]["spec"]["securityContext"]["runAsUser"] = LOW_UID
    for container in containers(obj):
        container["securityContext"]["runAsUser"] = LOW_UID


def break_objects(objects):
    """Breaks one thing per object; returns the (check, resource) pairs checkov must fail and skip."""
    deployments = sorted((o for o in objects if o["kind"] == "Deployment"
                          and o["metadata"]["labels"].get("app.kubernetes.io/name") == "vllm"), key=resource)
    [job] = [o for o in objects if o["kind"] == "Job"]
    if len(deployments) < 5:
        sys.exit("checkov self-test: needs at least 5 vLLM Deployments, found %d" % len(deployments))
    failed, skipped = set(), set()
    # The skips the renderer puts on objects (CKV_K8S_35 on each vLLM Deployment) must stay skips.
    rendered_reasons = set()
    for obj in objects:
        for key, value in (obj["metadata"].get("annotations") or {}).items():
            if key.startswith("checkov.io/skip"):
                check, _, reason = value.partition("=")
                skipped.add((check, resource(obj)))
                rendered_reasons.add(reason)

    # A securityContext field dropped: privilege escalation allowed again.
    del vllm(deployments[0])["securityContext"]["allowPrivilegeEscalation"]
    failed.add(("CKV_K8S_20", resource(deployments[0])))
    # The uid back below 10000.
    low_uid(deployments[1])
    failed.add(("CKV_K8S_40", resource(deployments[1])))
    # Capabilities kept: NET_RAW among them.
    del vllm(deployments[2])["securityContext"]["capabilities"]
    failed |= {("CKV_K8S_28", resource(deployments[2])), ("CKV_K8S_37", resource(deployments[2]))}
    # A writable root filesystem, and an image by tag instead of digest (so IfNotPresent may run a
    # stale image: CKV_K8S_15 wants Always unless the image is pinned by digest).
    vllm(deployments[3])["securityContext"]["readOnlyRootFilesystem"] = False
    vllm(deployments[3])["image"] = vllm(deployments[3])["image"].split("@")[0] + ":v0.10.0"
    failed |= {(check, resource(deployments[3])) for check in ("CKV_K8S_15", "CKV_K8S_22", "CKV_K8S_43")}
    # The same low uid, skipped on its object with a reason: reported as skipped, not failed.
    low_uid(deployments[4])
    annotations = deployments[4]["metadata"].setdefault("annotations", {})
    free = next(n for n in range(1, 100) if "checkov.io/skip%d" % n not in annotations)
    annotations["checkov.io/skip%d" % free] = "CKV_K8S_40=" + SKIP_REASON
    skipped.add(("CKV_K8S_40", resource(deployments[4])))
    # The reconciler: the master key as a variable again, and a service account token mounted.
    spec = job["spec"]["template"]["spec"]
    spec["containers"][0]["env"].append({"name": "LITELLM_MASTER_KEY", "valueFrom": {
        "secretKeyRef": {"name": "litellm-master-key", "key": "LITELLM_MASTER_KEY"}}})
    del spec["automountServiceAccountToken"]
    failed |= {("CKV_K8S_35", resource(job)), ("CKV_K8S_38", resource(job))}
    return failed, skipped, rendered_reasons


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkov", required=True)
    parser.add_argument("out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        objects = []
        for path in sorted(glob.glob(os.path.join(args.out, "manifests", "**", "*.yaml"), recursive=True)):
            with open(path, encoding="utf-8") as f:
                objects.append((os.path.relpath(path, args.out), yaml.safe_load(f)))
        expected_failed, expected_skipped, rendered_reasons = break_objects([o for _, o in objects])
        for relative, obj in objects:
            os.makedirs(os.path.dirname(os.path.join(scratch, relative)), exist_ok=True)
            with open(os.path.join(scratch, relative), "w", encoding="utf-8") as f:
                yaml.safe_dump(obj, f, sort_keys=False)
        run = subprocess.run([args.checkov, "--framework", "kubernetes", "--skip-download", "-o", "json", "-d", scratch],
                             capture_output=True, text=True, timeout=300)
    report = json.loads(run.stdout)
    results = report.get("results", {})
    failed = {(c["check_id"], c["resource"]) for c in results.get("failed_checks", [])}
    skipped = {(c["check_id"], c["resource"]) for c in results.get("skipped_checks", [])}
    reasons = {str(c.get("check_result", {}).get("suppress_comment")) for c in results.get("skipped_checks", [])}
    passed = len(results.get("passed_checks", []))
    problems = []
    if run.returncode != 1:
        problems.append("checkov exited %d, not 1" % run.returncode)
    if passed == 0:
        problems.append("nothing passed: did checkov scan anything?")
    for what, got, want in (("failed", failed, expected_failed), ("skipped", skipped, expected_skipped)):
        for pair in sorted(want - got):
            problems.append("not %s: %s %s" % (what, *pair))
        for pair in sorted(got - want):
            problems.append("%s unexpectedly: %s %s" % (what, *pair))
    if reasons != {SKIP_REASON} | rendered_reasons:
        problems.append("skip reasons %s" % sorted(reasons))
    for problem in problems:
        print("checkov self-test: " + problem, file=sys.stderr)
    print("checkov self-test: %d breaks failed, %d skip honoured, %d checks passed%s"
          % (len(failed & expected_failed), len(skipped & expected_skipped), passed, "" if not problems else ": FAILED"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
