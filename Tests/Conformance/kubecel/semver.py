"""Kubernetes' semver library (k8s.io/apiserver/pkg/cel/library/semverlib.go), enabled from 1.33:
isSemver and semver (optionally normalizing: a leading 'v', missing minor or patch, leading
zeros), major, minor, patch, isLessThan, isGreaterThan, compareTo. Precedence per semver.org 2.0.0."""

import re

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import kind_of

_STRICT = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)"
                     r"(?:-((?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*))?"
                     r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$")


class Semver:
    cel_type = "kubernetes.Semver"
    __slots__ = ("major", "minor", "patch", "pre")

    def __init__(self, major, minor, patch, pre):
        self.major, self.minor, self.patch, self.pre = major, minor, patch, pre

    def key(self):
        # A release sorts after its pre-releases; numeric identifiers sort before alphanumeric ones.
        pre = [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.pre]
        return (self.major, self.minor, self.patch, 1 if not self.pre else 0, pre)

    def cel_equals(self, other):
        return isinstance(other, Semver) and self.key() == other.key()

    def cel_compare(self, other):
        a, b = self.key(), other.key()
        return (a > b) - (a < b)


def _normalize(text):
    s = text[1:] if text.startswith("v") else text
    core, rest = re.match(r"^([0-9.]*)(.*)$", s).groups()
    parts = core.split(".") if core else []
    if not 1 <= len(parts) <= 3 or "" in parts:
        return s
    return ".".join([str(int(p)) for p in parts] + ["0"] * (3 - len(parts))) + rest


def parse_semver(text, normalize=False):
    s = _normalize(str(text)) if normalize else str(text)
    m = _STRICT.match(s)
    if not m:
        return None
    return Semver(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4).split(".") if m.group(4) else [])


def _args(name, text, normalize):
    if kind_of(text) != "string" or (normalize is not None and kind_of(normalize) != "bool"):
        raise no_overload(name, text)
    return parse_semver(text, bool(normalize))


def is_semver(text, normalize=None):
    return ct.BoolType(_args("isSemver", text, normalize) is not None)


def semver(text, normalize=None):
    parsed = _args("semver", text, normalize)
    if parsed is None:
        raise CELError("could not parse %r as semver" % str(text))
    return parsed


def _need(name, value, *rest):
    if not isinstance(value, Semver):
        raise no_overload(name, value, *rest)
    return value


def _compare(name, test):
    def compare(a, b):
        return test(_need(name, a, b).cel_compare(_need(name, b, a)))
    return compare


FUNCTIONS = {
    "isSemver": is_semver, "semver": semver,
    "major": lambda v: ct.IntType(_need("major", v).major),
    "minor": lambda v: ct.IntType(_need("minor", v).minor),
    "patch": lambda v: ct.IntType(_need("patch", v).patch),
    "isLessThan": _compare("isLessThan", lambda c: ct.BoolType(c < 0)),
    "isGreaterThan": _compare("isGreaterThan", lambda c: ct.BoolType(c > 0)),
    "compareTo": _compare("compareTo", lambda c: ct.IntType(c)),
}
