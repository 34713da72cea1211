"""apimachinery's name and label syntax (k8s.io/apimachinery/pkg/util/validation/validation.go),
used by the CEL format library and the validator's metadata checks. Each check returns the list
of problems, empty when the value is valid, with apimachinery's wording."""

import re

DNS1123_LABEL_MAX = 63
DNS1123_SUBDOMAIN_MAX = 253
DNS1035_LABEL_MAX = 63
LABEL_VALUE_MAX = 63
QUALIFIED_NAME_MAX = 63

_DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_DNS1123_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
_DNS1035_LABEL = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")
_QUALIFIED_NAME = re.compile(r"^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$")
_LABEL_VALUE = re.compile(r"^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$")


def _too_long(n):
    return "must be no more than %d characters" % n


def dns1123_label(value):
    errors = []
    if len(value) > DNS1123_LABEL_MAX:
        errors.append(_too_long(DNS1123_LABEL_MAX))
    if not _DNS1123_LABEL.match(value):
        errors.append("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
                      "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
                      "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')")
    return errors


def dns1123_subdomain(value):
    errors = []
    if len(value) > DNS1123_SUBDOMAIN_MAX:
        errors.append(_too_long(DNS1123_SUBDOMAIN_MAX))
    if not _DNS1123_SUBDOMAIN.match(value):
        errors.append("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' "
                      "or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
                      "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")
    return errors


def dns1035_label(value):
    errors = []
    if len(value) > DNS1035_LABEL_MAX:
        errors.append(_too_long(DNS1035_LABEL_MAX))
    if not _DNS1035_LABEL.match(value):
        errors.append("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with "
                      "an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
                      "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')")
    return errors


def path_segment_name(value):
    """apimachinery/pkg/api/validation/path: IsValidPathSegmentName (RBAC object names)."""
    if value in (".", ".."):
        return ["may not be '%s'" % value]
    return ["may not contain '%s'" % c for c in ("/", "%") if c in value]


def qualified_name(value):
    """A label or annotation key: an optional DNS-1123 subdomain prefix and '/', then a name of at
    most 63 characters."""
    errors = []
    prefix, slash, name = value.rpartition("/") if "/" in value else ("", "", value)
    if value.count("/") > 1:
        return ["a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must "
                "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
                "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') "
                "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
    if slash:
        if not prefix:
            errors.append("prefix part must be non-empty")
        else:
            errors.extend("prefix part " + e for e in dns1123_subdomain(prefix))
    if not name:
        errors.append("name part must be non-empty")
    else:
        if len(name) > QUALIFIED_NAME_MAX:
            errors.append("name part " + _too_long(QUALIFIED_NAME_MAX))
        if not _QUALIFIED_NAME.match(name):
            errors.append("name part must consist of alphanumeric characters, '-', '_' or '.', and must "
                          "start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or "
                          "'123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")
    return errors


def label_value(value):
    errors = []
    if len(value) > LABEL_VALUE_MAX:
        errors.append(_too_long(LABEL_VALUE_MAX))
    if not _LABEL_VALUE.match(value):
        errors.append("a valid label must be an empty string or consist of alphanumeric characters, '-', "
                      "'_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  "
                      "or 'my_value',  or '12345', regex used for validation is "
                      "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")
    return errors


def prefix_form(check):
    """generateName-style prefixes: the name may end in '-' (apimachinery's MaskTrailingDash)."""
    def check_prefix(value):
        if len(value) > 1 and value.endswith("-"):
            value = value[:-2] + "a"
        return check(value)
    return check_prefix
