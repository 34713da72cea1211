#!/usr/bin/env python3
"""Behaviour test of the Kyverno policies platc renders: every rendered ValidatingPolicy (and the
ImageValidatingPolicy, when rendered) is evaluated with a real CEL engine (kubecel: cel-python with
the Kubernetes CEL libraries, Tests/Conformance/kubecel) against objects that must be admitted and
objects that must be denied, the way Kyverno evaluates them at admission:

  matchConstraints  resourceRules (group, resource[/subresource], operation) and namespaceSelector
                    against the rendered Namespace objects (plus kubernetes.io/metadata.name,
                    which the API server sets)
  matchConditions   all must be true, else the policy does not apply
  variables         evaluated in order, each sees the ones before (variables.<name>); one that
                    fails is an error where it is used
  validations       false -> violation; an evaluation error -> violation too (failurePolicy Fail:
                    fail closed), reported as an error

Usage:  "$(scripts/python-env tests)" Tests/PolicyBehaviour/policy_behaviour.py [-q] --out out/
Output: one line per case, then `N cases, all as expected` (exit 0) or the failures (exit 1).
The script fails when a case is decided otherwise than expected, and when a rendered validation
is never the reason of a denied case (coverage).

The signature policy's verifyImageSignatures() needs a registry; here it is a stub that calls an
image signed when it is one of the images of the admitted cases. That tests the policy's CEL and
matching, not cosign. Its `images` are selected as Kyverno selects them (see `selected`): the
image as written in the pod, matched by each matchImageReferences glob (gobwas/glob) or CEL
expression (on `ref`).
"""

import argparse
import copy
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Conformance"))

try:
    import yaml
    from celpy import celtypes as ct

    import kubecel
except ImportError as missing:
    sys.exit("policy_behaviour: %s; run it with the tests' Python: \"$(scripts/python-env tests)\" %s"
             % (missing, " ".join(sys.argv)))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="a folder platc rendered (out/)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only failures and the summary")
    return parser.parse_args()


SIGNED = set()


def _verify_image_signatures(image, attestors):
    return ct.IntType(1 if str(image) in SIGNED else 0)


# The admission variables Kyverno binds, and the image verification function of
# ImageValidatingPolicy (stubbed, see the module docstring).
CEL = kubecel.Environment(
    variables=("object", "oldObject", "namespaceObject", "variables", "request", "images", "attestors"),
    functions={"verifyImageSignatures": _verify_image_signatures})
# Kyverno's environment of a matchImageReferences expression: the image as written, `ref`
# (pkg/cel/compiler/env.go NewMatchImageEnv, keys.go ImageRefKey).
MATCH_IMAGE = kubecel.Environment(variables=("ref",))


class Variables(ct.MapType):
    """Kyverno's `variables`: a variable whose expression failed is an error where it is used."""

    def __getitem__(self, key):
        value = super().__getitem__(key)
        if isinstance(value, kubecel.CELError):
            raise value
        return value


def run(text, bindings):
    """The value of a compiled expression, or the CEL error it raised (as a value)."""
    try:
        return CEL.compile(text).evaluate(bindings)
    except kubecel.CELError as error:
        return error


GPU = "nvidia.com/gpu"
QUEUE_LABEL = "kueue.x-k8s.io/queue-name"
TENANT_LABEL = "platc.dev/tenant"
RESERVED = "platc.dev/vram-reserved-mib"
REQUIRED = "platc.dev/vram-required-mib"
RESOURCES = {"Pod": ("", "pods"), "Deployment": ("apps", "deployments"), "ReplicaSet": ("apps", "replicasets"),
             "StatefulSet": ("apps", "statefulsets"), "DaemonSet": ("apps", "daemonsets"),
             "Job": ("batch", "jobs"), "CronJob": ("batch", "cronjobs")}


# --- reading out/ ---------------------------------------------------------------------------

def read_out(out):
    objects = []
    for folder, _, files in os.walk(os.path.join(out, "manifests")):
        for name in sorted(files):
            if name.endswith(".yaml"):
                with open(os.path.join(folder, name)) as f:
                    objects.extend(d for d in yaml.safe_load_all(f) if d)
    return objects


# --- evaluating a policy like Kyverno -------------------------------------------------------

class Policy:
    def __init__(self, obj):
        self.name = obj["metadata"]["name"]
        self.kind = obj["kind"]
        self.spec = obj["spec"]
        self.validations = self.spec.get("validations", [])
        for text in self.expressions():
            try:
                CEL.compile(text)
            except kubecel.CompileError as error:
                raise SystemExit("policy_behaviour: %s: cannot evaluate %r: %s" % (self.name, text, error))
        for reference in self.spec.get("matchImageReferences", []):
            try:
                if "expression" in reference:
                    MATCH_IMAGE.compile(reference["expression"])
                else:
                    glob_pattern(reference["glob"])
            except (kubecel.CompileError, ValueError) as error:
                raise SystemExit("policy_behaviour: %s: cannot evaluate matchImageReferences %r: %s" % (self.name, reference, error))

    def expressions(self):
        for part in ("matchConditions", "variables", "validations"):
            for item in self.spec.get(part, []):
                yield item["expression"]
                if item.get("messageExpression"):
                    yield item["messageExpression"]

    def vid(self, index):
        return "%s/%d" % (self.name, index)

    def label(self, index):
        return "%s/%s" % (self.name, self.validations[index]["message"].split(":")[0])

    def matches(self, request, namespaces):
        constraints = self.spec["matchConstraints"]
        resource = request["resource"] + ("/" + request["subresource"] if request.get("subresource") else "")
        if not any(request["operation"] in r.get("operations", []) and request["group"] in r.get("apiGroups", [])
                   and "v1" in r.get("apiVersions", []) and resource in r.get("resources", [])
                   for r in constraints.get("resourceRules", [])):
            return False
        return selects(constraints.get("namespaceSelector", {}), namespace_labels(namespaces, request["namespace"]))

    def evaluate(self, request, namespaces):
        """The violated validations' indexes (errors included), or None when the policy does not apply."""
        if not self.matches(request, namespaces):
            return None
        obj = kubecel.to_cel(request["object"])
        namespace = kubecel.to_cel(namespace_object(namespaces, request["namespace"]))
        bindings = {"object": obj, "namespaceObject": namespace}
        for condition in self.spec.get("matchConditions", []):
            result = run(condition["expression"], bindings)
            if isinstance(result, kubecel.CELError):
                return {("matchCondition %s" % condition["name"], "error: %s" % kubecel.error_text(result))}
            if not result:
                return None
        variables = Variables()
        bindings["variables"] = variables
        if self.kind == "ImageValidatingPolicy":
            images = extract_images(request["object"], self.spec.get("matchImageReferences", []))
            if isinstance(images, kubecel.CELError):
                # Kyverno's Evaluate returns the error: the policy fails, and failurePolicy Fail denies.
                return {("matchImageReferences", "error: %s" % kubecel.error_text(images))}
            bindings["images"] = images
            bindings["attestors"] = ct.MapType({ct.StringType(a["name"]): ct.StringType(a["name"])
                                                for a in self.spec.get("attestors", [])})
        for variable in self.spec.get("variables", []):
            variables[ct.StringType(variable["name"])] = run(variable["expression"], bindings)
        violated = set()
        for index, validation in enumerate(self.validations):
            result = run(validation["expression"], bindings)
            if isinstance(result, kubecel.CELError):
                violated.add((index, "error: %s" % kubecel.error_text(result)))
            elif not isinstance(result, ct.BoolType):
                violated.add((index, "error: gave %s, not a bool" % type(result).__name__))
            elif not result:
                violated.add((index, message(validation, bindings)))
        return violated


def message(validation, bindings):
    text = validation.get("messageExpression")
    if text:
        result = run(text, bindings)
        if isinstance(result, str) and result.strip():
            return str(result)
        return "(messageExpression failed: %s) %s" % (
            kubecel.error_text(result) if isinstance(result, kubecel.CELError) else result, validation["message"])
    return validation["message"]


def selects(selector, labels):
    for key, value in (selector.get("matchLabels") or {}).items():
        if labels.get(key) != value:
            return False
    for expression in selector.get("matchExpressions") or []:
        key, op, values = expression["key"], expression["operator"], expression.get("values", [])
        if op == "In" and labels.get(key) not in values or op == "NotIn" and labels.get(key) in values \
                or op == "Exists" and key not in labels or op == "DoesNotExist" and key in labels:
            return False
    return True


def namespace_object(namespaces, name):
    ns = copy.deepcopy(namespaces.get(name) or {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})
    ns["metadata"].setdefault("labels", {})["kubernetes.io/metadata.name"] = name
    return ns


def namespace_labels(namespaces, name):
    return namespace_object(namespaces, name)["metadata"]["labels"]


def pod_spec(obj):
    if obj["kind"] == "Pod":
        return obj["spec"]
    if obj["kind"] == "CronJob":
        return obj["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return obj["spec"]["template"]["spec"]


def extract_images(obj, references):
    """Kyverno's `images` for an ImageValidatingPolicy: per container kind, the images as written
    that `selected` keeps (pkg/cel/compiler/images.go, the default extractors `….map(e, e.image)`;
    pkg/image/verification/evaluator/policy.go, Evaluate), or the CEL error of a match."""
    spec = pod_spec(obj)
    out = ct.MapType()
    for kind in ("containers", "initContainers", "ephemeralContainers"):
        images = []
        for image in (c["image"] for c in spec.get(kind, []) if "image" in c):
            chosen = selected(image, references)
            if isinstance(chosen, kubecel.CELError):
                return chosen
            if chosen:
                images.append(ct.StringType(image))
        out[ct.StringType(kind)] = ct.ListType(images)
    return out


def selected(image, references):
    """Whether matchImageReferences select an image, as Kyverno decides (pkg/cel/matching/image.go,
    MatchImage): every image when there are none; else the first reference that matches, in order,
    on the image **as written**: a glob through gobwas/glob compiled without separators, an
    expression with `ref` bound to the image. A CEL error is returned (as a value), as Kyverno
    returns it."""
    if not references:
        return True
    for reference in references:
        if "glob" in reference:
            if glob_pattern(reference["glob"]).fullmatch(image):
                return True
            continue
        result = match_expression(reference["expression"], image)
        if isinstance(result, kubecel.CELError):
            return result
        if not isinstance(result, ct.BoolType):
            return kubecel.CELError("matchImageReferences expression gave %s, not a bool" % type(result).__name__)
        if result:
            return True
    return False


def match_expression(text, image):
    try:
        return MATCH_IMAGE.compile(text).evaluate({"ref": ct.StringType(image)})
    except kubecel.CELError as error:
        return error


def glob_pattern(glob):
    """A glob as Kyverno compiles it, `glob.Compile(pattern)` of github.com/gobwas/glob with no
    separators (pkg/cel/compiler/compiler.go), as a regular expression: `*` is any text, `/`
    included, `?` one character, everything else itself. The rest of gobwas' syntax (`[…]`, `{…}`,
    `\\`) is refused rather than guessed."""
    special = set("[]{}\\")
    if special & set(glob):
        raise ValueError("glob %r uses gobwas syntax this harness does not mirror" % glob)
    return re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in glob), re.S)


# --- the cases ------------------------------------------------------------------------------

def request(obj, namespace, operation="CREATE", subresource=None):
    group, resource = RESOURCES[obj["kind"]]
    return {"object": obj, "namespace": namespace, "group": group, "resource": resource,
            "subresource": subresource, "operation": operation}


class Cases:
    def __init__(self, objects):
        self.namespaces = {o["metadata"]["name"]: o for o in objects if o["kind"] == "Namespace"}
        self.workloads = [o for o in objects if o["kind"] in RESOURCES]
        vllm = sorted((o for o in self.workloads if o["kind"] == "Deployment"
                       and o["metadata"].get("labels", {}).get("app.kubernetes.io/name") == "vllm"),
                      key=lambda o: o["metadata"]["name"])
        if not vllm:
            raise SystemExit("policy_behaviour: no vLLM Deployment in the output")
        self.serving_deployment = vllm[0]
        self.serving = vllm[0]["metadata"]["namespace"]
        tenants = sorted(n for n, o in self.namespaces.items()
                         if o["metadata"].get("labels", {}).get("platc.dev/tenant-workloads") == "true")
        if not tenants:
            raise SystemExit("policy_behaviour: no tenant namespace in the output")
        self.tenant_ns = tenants[0]
        self.tenant = self.namespaces[self.tenant_ns]["metadata"]["labels"][TENANT_LABEL]
        self.other_tenant = tenants[1] if len(tenants) > 1 else "someone-else"
        self.classes = sorted((o["metadata"]["labels"]["platc.dev/gpu-class"], o["spec"].get("nodeLabels", {}))
                              for o in objects if o["kind"] == "ResourceFlavor"
                              and "platc.dev/gpu-class" in o["metadata"].get("labels", {}))
        self.image = next(c["image"] for c in pod_spec(vllm[0])["containers"] if c["name"] == "vllm")
        self.host = self.image.split("/")[0]
        self.list = []

    def add(self, name, req, expect):
        """expect: [] to be admitted, else (policy, message prefix) pairs: the validations that must
        be violated, and no other."""
        self.list.append((name, req, expect))

    # Good objects --------------------------------------------------------------------------

    def container(self, name="main", gpu=False, image=None):
        c = {"name": name, "image": image or self.image,
             "securityContext": {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}}}
        if gpu:
            c["resources"] = {"limits": {GPU: "1"}}
        return c

    def pod_template_spec(self, gpu):
        spec = {"restartPolicy": "Never",
                "securityContext": {"runAsNonRoot": True, "runAsUser": 1000, "seccompProfile": {"type": "RuntimeDefault"}},
                "containers": [self.container(gpu=gpu)]}
        if gpu and self.classes and self.classes[0][1]:
            spec["nodeSelector"] = dict(self.classes[0][1])
        return spec

    def tenant_pod(self, gpu=False, owner=None):
        meta = {"name": "cpu-task", "namespace": self.tenant_ns, "labels": {TENANT_LABEL: self.tenant}}
        if owner:
            meta = {"generateName": owner + "-", "namespace": self.tenant_ns, "labels": {TENANT_LABEL: self.tenant},
                    "ownerReferences": [{"apiVersion": "batch/v1", "kind": "Job", "name": owner, "uid": "0",
                                         "controller": True, "blockOwnerDeletion": True}]}
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": self.pod_template_spec(gpu)}

    def gpu_job(self):
        return {"apiVersion": "batch/v1", "kind": "Job",
                "metadata": {"name": "train", "namespace": self.tenant_ns, "labels": {QUEUE_LABEL: "default"}},
                "spec": {"template": {"metadata": {"labels": {TENANT_LABEL: self.tenant}},
                                      "spec": self.pod_template_spec(gpu=True)}}}

    def gpu_cronjob(self):
        job = self.gpu_job()
        return {"apiVersion": "batch/v1", "kind": "CronJob",
                "metadata": {"name": "nightly", "namespace": self.tenant_ns},
                "spec": {"schedule": "0 3 * * *",
                         "jobTemplate": {"metadata": {"labels": {QUEUE_LABEL: "default"}}, "spec": job["spec"]}}}

    def serving_pod(self):
        """The pod the ReplicaSet of the first vLLM Deployment creates."""
        d = self.serving_deployment
        template = copy.deepcopy(d["spec"]["template"])
        meta = dict(template.get("metadata", {}), generateName=d["metadata"]["name"] + "-", namespace=self.serving)
        meta["ownerReferences"] = [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": d["metadata"]["name"] + "-x",
                                    "uid": "0", "controller": True}]
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": template["spec"]}

    def owned_pod(self, workload):
        template = copy.deepcopy(workload["spec"]["template"])
        meta = template.get("metadata", {})
        owner = "ReplicaSet" if workload["kind"] == "Deployment" else workload["kind"]
        group = "batch/v1" if owner in ("Job", "CronJob") else "apps/v1"
        meta.update(generateName=workload["metadata"]["name"] + "-", namespace=workload["metadata"]["namespace"],
                    ownerReferences=[{"apiVersion": group, "kind": owner, "name": workload["metadata"]["name"],
                                      "uid": "0", "controller": True}])
        return {"apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": template["spec"]}

    # The cases -----------------------------------------------------------------------------

    def build(self, policies):
        names = {p.name for p in policies}
        digests = any(p.name == "platc-allowed-images" and any(v["message"].startswith("image digests:")
                                                                for v in p.validations) for p in policies)
        signatures = "platc-verify-image-signatures" in names
        add = self.add
        tenant, serving = self.tenant_ns, self.serving

        # Admitted: everything platc renders, and well-formed tenant work.
        for w in sorted(self.workloads, key=lambda o: (o["kind"], o["metadata"].get("namespace", ""), o["metadata"]["name"])):
            ns = w["metadata"]["namespace"]
            add("rendered %s %s/%s" % (w["kind"], ns, w["metadata"]["name"]), request(w, ns), [])
            if w["kind"] in ("Deployment", "Job", "StatefulSet", "DaemonSet"):
                add("rendered pod of %s %s/%s" % (w["kind"], ns, w["metadata"]["name"]), request(self.owned_pod(w), ns), [])
        add("tenant GPU Job (queue label, tenant label, restricted, allowed digest)", request(self.gpu_job(), tenant), [])
        add("pod of the tenant GPU Job (no queue label of its own)", request(self.tenant_pod(gpu=True, owner="train"), tenant), [])
        add("tenant GPU CronJob", request(self.gpu_cronjob(), tenant), [])
        add("tenant CPU pod without a queue label", request(self.tenant_pod(), tenant), [])
        job = self.gpu_job()
        job["metadata"]["labels"].pop(QUEUE_LABEL)
        job["spec"]["template"]["spec"]["containers"][0].pop("resources")
        add("tenant CPU Job without a queue label", request(job, tenant), [])
        pod = self.tenant_pod()
        pod["spec"]["volumes"] = [{"name": "weights", "image": {"reference": self.image}},
                                  {"name": "scratch", "emptyDir": {}}]
        pod["spec"]["containers"][0]["securityContext"]["capabilities"]["add"] = ["NET_BIND_SERVICE"]
        add("tenant pod with an image volume, an emptyDir and NET_BIND_SERVICE", request(pod, tenant), [])
        for _, req, _ in self.list:
            spec = pod_spec(req["object"])
            for kind in ("containers", "initContainers", "ephemeralContainers"):
                SIGNED.update(c["image"] for c in spec.get(kind, []))

        # Queue gate.
        q = "platc-require-kueue-queue"
        job = self.gpu_job()
        job["metadata"]["labels"].pop(QUEUE_LABEL)
        add("GPU Job without the queue label", request(job, tenant), [(q, "kueue queue")])
        job = self.gpu_job()
        job["metadata"]["labels"][QUEUE_LABEL] = "fast-lane"
        add("GPU Job naming another queue", request(job, tenant), [(q, "kueue queue")])
        cron = self.gpu_cronjob()
        cron["spec"]["jobTemplate"]["metadata"]["labels"].pop(QUEUE_LABEL)
        add("GPU CronJob whose job template lacks the queue label", request(cron, tenant), [(q, "kueue queue")])
        pod = self.tenant_pod(gpu=True)
        add("bare GPU pod (no Job) without the queue label", request(pod, tenant), [(q, "kueue queue")])

        # GPU fit.
        g = "platc-gpu-fit"
        for name, node_labels in self.classes:
            d = copy.deepcopy(self.serving_deployment)
            spec = d["spec"]["template"]["spec"]
            spec["nodeSelector"] = dict(node_labels)
            d["spec"]["template"]["metadata"]["annotations"][RESERVED] = "999999999"
            add("vLLM Deployment on %s reserving more than its GPU has" % name, request(d, serving),
                [(g, "gpu class %s" % c) for c, labels in self.classes if labels.items() <= spec["nodeSelector"].items()])
        pod = self.serving_pod()
        annotations = pod["metadata"]["annotations"]
        annotations[REQUIRED] = str(int(annotations[RESERVED]) + 1)
        selected = pod["spec"].get("nodeSelector", {})
        add("vLLM pod that needs more than it reserves", request(pod, serving),
            [(g, "gpu class %s" % c) for c, labels in self.classes if labels.items() <= selected.items()])
        pod = self.serving_pod()
        pod["metadata"]["annotations"].pop(RESERVED)
        add("GPU pod in the serving namespace without the reserved annotation", request(pod, serving), [(g, "vram annotations")])
        pod = self.serving_pod()
        pod["metadata"]["annotations"][RESERVED] = "20Gi"
        add("vLLM pod stamping a non-numeric reservation", request(pod, serving), [(g, "vram numbers")])

        # Images.
        i = "platc-allowed-images"
        evil = self.image.replace(self.host, self.host + ".evil.io", 1)
        foreign = "docker.io/library/busybox@sha256:" + "0" * 64
        pod = self.tenant_pod()
        pod["spec"]["containers"][0]["image"] = evil
        add("container image from %s.evil.io" % self.host, request(pod, tenant), [(i, "allowed registries")])
        pod = self.tenant_pod()
        pod["spec"]["initContainers"] = [self.container("init", image=foreign)]
        add("init container image from another registry", request(pod, tenant), [(i, "allowed registries")])
        pod = self.tenant_pod()
        pod["spec"]["volumes"] = [{"name": "weights", "image": {"reference": foreign}}]
        add("image volume from another registry", request(pod, tenant), [(i, "allowed registries")])
        d = copy.deepcopy(self.serving_deployment)
        for c in d["spec"]["template"]["spec"].get("initContainers", []) + d["spec"]["template"]["spec"]["containers"]:
            c["image"] = foreign
        add("vLLM Deployment whose images come from another registry", request(d, serving), [(i, "allowed registries")])
        pod = self.tenant_pod()
        pod["spec"]["ephemeralContainers"] = [self.container("debug", image=foreign)]
        add("kubectl debug container from another registry", request(pod, tenant, "UPDATE", "ephemeralcontainers"),
            [(i, "allowed registries")])
        # Docker Hub as runtimes read it: no host is docker.io, a lone name is docker.io/library/.
        digest = "@sha256:" + "1" * 64
        prefixes = allowed_prefixes(policies)
        busybox_allowed = any("docker.io/library/busybox/".startswith(p) for p in prefixes)
        pod = self.tenant_pod()
        pod["spec"]["containers"][0]["image"] = "busybox" + digest
        add("Docker Hub official image by its short name (docker.io/library/busybox)", request(pod, tenant),
            [] if busybox_allowed else [(i, "allowed registries")])
        hub = sorted(p for p in prefixes if p.startswith("docker.io/") and p.count("/") == 2 and p != "docker.io/library/")
        if hub:
            namespace = hub[0].split("/")[1]
            # Every spelling of the namespace and of the official image of its name (an entry of one
            # component admits both): admitted when signed, and (below) denied when not.
            spellings = [namespace + "/vllm-openai:v1", "index.docker.io/%s/vllm-openai" % namespace,
                         namespace, "library/" + namespace + ":v1", "docker.io/" + namespace,
                         "index.docker.io/library/" + namespace]
            for name in spellings:
                SIGNED.add(name + digest)
                pod = self.tenant_pod()
                pod["spec"]["containers"][0]["image"] = name + digest
                add("Docker Hub image %s with docker.io/%s allowed" % (name, namespace), request(pod, tenant), [])
            for name in (namespace + "x/vllm-openai", namespace + "x", "docker.io/%sx/vllm-openai" % namespace):
                pod = self.tenant_pod()
                pod["spec"]["containers"][0]["image"] = name + digest
                add("Docker Hub image %s of a look-alike of %s" % (name, namespace), request(pod, tenant), [(i, "allowed registries")])
        pod = self.tenant_pod()
        pod["spec"]["containers"][0]["image"] = self.image.split("@")[0] + ":latest"
        SIGNED.add(pod["spec"]["containers"][0]["image"])
        add("image by tag instead of digest", request(pod, tenant), [(i, "image digests")] if digests else [])
        pod = self.tenant_pod()
        pod["spec"]["volumes"] = [{"name": "weights", "image": {"reference": self.image.split("@")[0] + ":v1"}}]
        add("image volume by tag instead of digest", request(pod, tenant), [(i, "image digests")] if digests else [])

        # Pod Security restricted.
        s = "platc-pod-security-restricted"

        def broken(change, where=tenant, base=None):
            pod = base or self.tenant_pod()
            change(pod["spec"], pod["spec"]["containers"][0]["securityContext"])
            return request(pod, where)

        add("privileged container", broken(lambda p, c: c.update(privileged=True)), [(s, "privileged")])
        add("allowPrivilegeEscalation true", broken(lambda p, c: c.update(allowPrivilegeEscalation=True)),
            [(s, "allowPrivilegeEscalation")])
        add("container without allowPrivilegeEscalation", broken(lambda p, c: c.pop("allowPrivilegeEscalation")),
            [(s, "allowPrivilegeEscalation")])
        add("runAsNonRoot false on the pod", broken(lambda p, c: p["securityContext"].update(runAsNonRoot=False)),
            [(s, "runAsNonRoot")])
        add("runAsNonRoot nowhere", broken(lambda p, c: p["securityContext"].pop("runAsNonRoot")), [(s, "runAsNonRoot")])
        add("runAsUser 0 in a container", broken(lambda p, c: c.update(runAsUser=0)), [(s, "runAsUser")])
        add("no seccomp profile", broken(lambda p, c: p["securityContext"].pop("seccompProfile")), [(s, "seccompProfile")])
        add("container seccomp Unconfined", broken(lambda p, c: c.update(seccompProfile={"type": "Unconfined"})),
            [(s, "seccompProfile")])
        add("capabilities not dropped", broken(lambda p, c: c.pop("capabilities")), [(s, "capabilities drop")])
        add("capabilities drop NET_RAW only", broken(lambda p, c: c["capabilities"].update(drop=["NET_RAW"])),
            [(s, "capabilities drop")])
        add("SYS_ADMIN added", broken(lambda p, c: c["capabilities"].update(add=["SYS_ADMIN"])), [(s, "capabilities add")])
        add("hostNetwork", broken(lambda p, c: p.update(hostNetwork=True)), [(s, "host namespaces")])
        add("hostPID", broken(lambda p, c: p.update(hostPID=True)), [(s, "host namespaces")])
        add("hostPort", broken(lambda p, c: p["containers"][0].update(ports=[{"containerPort": 80, "hostPort": 80}])),
            [(s, "host ports")])
        add("hostPath volume", broken(lambda p, c: p.update(volumes=[{"name": "root", "hostPath": {"path": "/"}}])),
            [(s, "volume types")])
        add("nfs volume", broken(lambda p, c: p.update(volumes=[{"name": "n", "nfs": {"server": "x", "path": "/"}}])),
            [(s, "volume types")])
        pod = self.tenant_pod()
        pod["spec"]["ephemeralContainers"] = [self.container("debug")]
        pod["spec"]["ephemeralContainers"][0]["securityContext"]["privileged"] = True
        add("privileged kubectl debug container", request(pod, tenant, "UPDATE", "ephemeralcontainers"), [(s, "privileged")])
        d = copy.deepcopy(self.serving_deployment)
        d["spec"]["template"]["spec"]["containers"][0]["securityContext"]["runAsUser"] = 0
        add("vLLM Deployment running as root", request(d, serving), [(s, "runAsUser")])
        pod = self.serving_pod()
        if pod["spec"].get("initContainers"):
            pod["spec"]["initContainers"][0]["securityContext"]["capabilities"] = {"drop": ["ALL"], "add": ["SYS_PTRACE"]}
            add("modelcar sidecar adding SYS_PTRACE", request(pod, serving), [(s, "capabilities add")])

        # Tenant label.
        t = "platc-require-tenant-label"
        pod = self.tenant_pod()
        pod["metadata"]["labels"].pop(TENANT_LABEL)
        add("tenant pod without the tenant label", request(pod, tenant), [(t, "tenant label")])
        pod = self.tenant_pod()
        pod["metadata"]["labels"][TENANT_LABEL] = self.other_tenant
        add("tenant pod labelled with another tenant", request(pod, tenant), [(t, "tenant label")])
        job = self.gpu_job()
        job["spec"]["template"]["metadata"]["labels"].pop(TENANT_LABEL)
        add("GPU Job whose pod template lacks the tenant label", request(job, tenant), [(t, "tenant label")])
        cron = self.gpu_cronjob()
        cron["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"][TENANT_LABEL] = self.other_tenant
        add("CronJob whose pods would carry another tenant", request(cron, tenant), [(t, "tenant label")])

        # Signatures (only when the platform names a key).
        if signatures:
            unsigned = self.image.split("@")[0] + "@sha256:" + "f" * 64
            pod = self.tenant_pod()
            pod["spec"]["containers"][0]["image"] = unsigned
            add("unsigned image from an allowed registry", request(pod, tenant),
                [("platc-verify-image-signatures", "image signatures")])
            pod = self.tenant_pod()
            pod["spec"]["initContainers"] = [self.container("init", image=unsigned)]
            add("unsigned init container image", request(pod, tenant), [("platc-verify-image-signatures", "image signatures")])
            # Kyverno matches the image as written: each spelling under an allowed Docker Hub entry
            # must be selected, or an unsigned image would pass unverified.
            for name in spellings if hub else []:
                pod = self.tenant_pod()
                pod["spec"]["containers"][0]["image"] = name + "@sha256:" + "f" * 64
                add("unsigned Docker Hub image %s" % name, request(pod, tenant),
                    [("platc-verify-image-signatures", "image signatures")])
        return self.list


def allowed_prefixes(policies):
    """The image policy's allowed prefixes, as platc wrote them into `foreign` (Docker Hub entries
    already normalised: docker.io/vllm/, docker.io/library/vllm/)."""
    for policy in policies:
        if policy.name == "platc-allowed-images":
            foreign = next(v["expression"] for v in policy.spec["variables"] if v["name"] == "foreign")
            return re.findall(r"'([^']*)'", foreign[foreign.index("["):foreign.index("]") + 1])
    return []


# --- running --------------------------------------------------------------------------------

def resolve(policies, expect):
    """(policy, message prefix) -> the validation id it names; exactly one must match."""
    by_name = {p.name: p for p in policies}
    ids = set()
    for name, prefix in expect:
        policy = by_name.get(name)
        if policy is None:
            raise SystemExit("policy_behaviour: a case expects policy %s, which is not rendered" % name)
        found = [i for i, v in enumerate(policy.validations) if v["message"].startswith(prefix + ":")]
        if len(found) != 1:
            raise SystemExit("policy_behaviour: %d validations of %s start with %r" % (len(found), name, prefix))
        ids.add(policy.vid(found[0]))
    return ids


def main(args):
    objects = read_out(args.out)
    policies = [Policy(o) for o in sorted(objects, key=lambda o: o["metadata"]["name"])
                if o.get("apiVersion") == "policies.kyverno.io/v1" and o["kind"] in ("ValidatingPolicy", "ImageValidatingPolicy")]
    if not policies:
        raise SystemExit("policy_behaviour: no Kyverno policy in %s" % args.out)
    cases = Cases(objects)
    failures, covered = [], set()
    listed = cases.build(policies)
    labels = {p.vid(i): p.label(i) for p in policies for i in range(len(p.validations))}
    for name, req, expect in listed:
        expected = resolve(policies, expect)
        actual, details = set(), []
        for policy in policies:
            violated = policy.evaluate(req, cases.namespaces)
            for index, text in sorted(violated or [], key=str):
                vid = policy.vid(index) if isinstance(index, int) else "%s/%s" % (policy.name, index)
                actual.add(vid)
                details.append("%s: %s" % (labels.get(vid, vid), text))
        where = "%s %s/%s" % (req["operation"], req["namespace"], req["resource"] + ("/" + req["subresource"] if req["subresource"] else ""))
        if actual == expected:
            covered |= actual
            if expected:
                line = "deny ok   %s (%s) [%s]" % (name, where, ", ".join(sorted(labels[v] for v in actual)))
            else:
                line = "admit ok  %s (%s)" % (name, where)
            if not args.quiet:
                print(line)
                for d in details:
                    print("          %s" % d)
        else:
            failures.append(name)
            print("FAIL      %s (%s): expected %s, got %s" % (
                name, where, sorted(labels.get(v, v) for v in expected) or "admit", sorted(labels.get(v, v) for v in actual) or "admit"))
            for d in details:
                print("          %s" % d)
    uncovered = sorted(set(labels) - covered)
    for vid in uncovered:
        print("FAIL      coverage: no denied case is denied by %s" % labels[vid])
    modes = sorted({",".join(p.spec["validationActions"]) for p in policies})
    if failures or uncovered:
        print("%d cases, %d not as expected, %d validations never the reason of a denial" % (len(listed), len(failures), len(uncovered)))
        return 1
    print("%d cases, all as expected (%d policies, %d validations each denied at least once; validationActions %s)"
          % (len(listed), len(policies), len(labels), " / ".join(modes)))
    return 0


if __name__ == "__main__":
    sys.exit(main(parse_args()))
