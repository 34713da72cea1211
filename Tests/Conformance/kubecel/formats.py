"""Kubernetes' format library (k8s.io/apiserver/pkg/cel/library/format.go), enabled from 1.31:
format.named(name) and the format constructors (format.dns1123Label(), ...), whose validate(s)
gives optional.none() for a valid string and optional.of(list of errors) otherwise."""

import base64
import binascii
import re

from celpy import celtypes as ct

from . import names
from .errors import CELError, no_overload
from .optional import NONE, Optional
from .values import kind_of, parse_timestamp

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$|^/[^\s]*$")


def _uri(s):
    return [] if _URI.match(s) else ["invalid URI"]


def _uuid(s):
    return [] if _UUID.match(s) else ["does not match the UUID format"]


def _byte(s):
    try:
        base64.b64decode(s, validate=True)
        return []
    except (binascii.Error, ValueError):
        return ["invalid base64"]


def _date(s):
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", s)
    try:
        if m:
            parse_timestamp(s + "T00:00:00Z")
            return []
    except CELError:
        pass
    return ["invalid date"]


def _datetime(s):
    try:
        parse_timestamp(s)
        return []
    except CELError:
        return ["invalid datetime"]


CHECKS = {
    "dns1123Label": names.dns1123_label, "dns1123Subdomain": names.dns1123_subdomain,
    "dns1035Label": names.dns1035_label, "qualifiedName": names.qualified_name,
    "dns1123LabelPrefix": names.prefix_form(names.dns1123_label),
    "dns1123SubdomainPrefix": names.prefix_form(names.dns1123_subdomain),
    "dns1035LabelPrefix": names.prefix_form(names.dns1035_label),
    "labelValue": names.label_value, "uri": _uri, "uuid": _uuid, "byte": _byte, "date": _date,
    "datetime": _datetime,
}


class Format:
    cel_type = "kubernetes.NamedFormat"
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def cel_equals(self, other):
        return isinstance(other, Format) and self.name == other.name


def named(name):
    if kind_of(name) != "string":
        raise no_overload("format.named", name)
    return Optional(Format(str(name)), True) if str(name) in CHECKS else NONE


def validate(fmt, text):
    if not isinstance(fmt, Format) or kind_of(text) != "string":
        raise no_overload("validate", fmt, text)
    errors = CHECKS[fmt.name](str(text))
    return Optional(ct.ListType([ct.StringType(e) for e in errors]), True) if errors else NONE


FUNCTIONS = {"format.named": named, "validate": validate}
FUNCTIONS.update({"format." + name: (lambda n: lambda: Format(n))(name) for name in CHECKS})
