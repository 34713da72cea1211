"""metadata as apimachinery validates it (k8s.io/apimachinery/pkg/api/validation/objectmeta.go:
ValidateObjectMetaAccessor), with each kind's name rule (the `ValidateXName` its validation passes
in): a name (or generateName) is required and well-formed, the namespace is a DNS-1123 label,
label keys are qualified names and values label values, annotation keys are qualified names and
all annotations together at most 256 KiB."""

from kubecel import names
from problems import Key, Problem, quote

TOTAL_ANNOTATION_SIZE = 256 * 1024  # apimachinery TotalAnnotationSizeLimitB

# (group, kind) -> (the check, where Kubernetes says so). Everything else, custom resources
# included, is a DNS-1123 subdomain (apiextensions-apiserver customresource validator:
# NameIsDNSSubdomain; most built-ins: NameIsDNSSubdomain).
NAME_RULES = {
    ("", "Namespace"): (names.dns1123_label, "core/validation: ValidateNamespaceName"),
    ("", "Service"): (names.dns1035_label, "core/validation: ValidateServiceName"),
    ("rbac.authorization.k8s.io", "Role"): (names.path_segment_name, "rbac/validation: ValidateRBACName"),
    ("rbac.authorization.k8s.io", "RoleBinding"): (names.path_segment_name, "rbac/validation: ValidateRBACName"),
    ("rbac.authorization.k8s.io", "ClusterRole"): (names.path_segment_name, "rbac/validation: ValidateRBACName"),
    ("rbac.authorization.k8s.io", "ClusterRoleBinding"): (names.path_segment_name, "rbac/validation: ValidateRBACName"),
}


def _extra_name_rules(group, kind, name):
    """Name rules beyond the syntax, per kind."""
    if (group, kind) == ("scheduling.k8s.io", "PriorityClass") and name.startswith("system-"):
        # scheduling/validation: ValidatePriorityClass (the system- prefix is reserved)
        yield "priority class names with 'system-' prefix are reserved"
    if (group, kind) == ("batch", "CronJob") and len(name) > 52:
        # batch/validation: ValidateCronJobCreate (Job names get an 11-character suffix)
        yield "must be no more than 52 characters"


def check(obj, group, kind, namespaced):
    """Problems of obj["metadata"] (its schema is checked elsewhere; this is the Go validation)."""
    meta = obj.get("metadata")
    if not isinstance(meta, dict):
        return [Problem(("metadata",), "required", "Required value")] if meta is None else []
    problems = []
    rule = NAME_RULES.get((group, kind), (names.dns1123_subdomain, ""))[0]
    name, generate = meta.get("name"), meta.get("generateName")
    if not name and not generate:
        problems.append(Problem(("metadata", "name"), "required", "Required value: name or generateName is required"))
    if isinstance(name, str) and name:
        for message in list(rule(name)) + list(_extra_name_rules(group, kind, name)):
            problems.append(Problem(("metadata", "name"), "invalid", "Invalid value: %s: %s" % (quote(name), message)))
    if isinstance(generate, str) and generate:
        for message in names.prefix_form(rule)(generate):
            problems.append(Problem(("metadata", "generateName"), "invalid", "Invalid value: %s: %s" % (quote(generate), message)))
    namespace = meta.get("namespace")
    if namespace not in (None, ""):
        if not namespaced:
            problems.append(Problem(("metadata", "namespace"), "forbidden",
                                    "Forbidden: not allowed on this type: %s is cluster-scoped (the API server would drop it, Argo CD would show a diff)" % kind))
        elif isinstance(namespace, str):
            for message in names.dns1123_label(namespace):
                problems.append(Problem(("metadata", "namespace"), "invalid", "Invalid value: %s: %s" % (quote(namespace), message)))
    problems.extend(_labels(meta.get("labels")))
    problems.extend(_annotations(meta.get("annotations")))
    return problems


def _labels(labels):
    if not isinstance(labels, dict):
        return
    for key, value in labels.items():
        path = ("metadata", "labels", Key(key))
        for message in names.qualified_name(key):
            yield Problem(path, "invalid", "Invalid value: %s: %s" % (quote(key), message))
        if isinstance(value, str):
            for message in names.label_value(value):
                yield Problem(path, "invalid", "Invalid value: %s: %s" % (quote(value), message))


def _annotations(annotations):
    if not isinstance(annotations, dict):
        return
    total = 0
    for key, value in annotations.items():
        for message in names.qualified_name(key.lower()):
            yield Problem(("metadata", "annotations", Key(key)), "invalid", "Invalid value: %s: %s" % (quote(key), message))
        total += len(key.encode()) + len(str(value).encode())
    if total > TOTAL_ANNOTATION_SIZE:
        yield Problem(("metadata", "annotations"), "toolong",
                      "Too long: may not be more than %d bytes (all annotations together: %d)" % (TOTAL_ANNOTATION_SIZE, total))
