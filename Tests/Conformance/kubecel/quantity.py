"""Kubernetes' quantity library (k8s.io/apiserver/pkg/cel/library/quantity.go), enabled from 1.28:
quantity, isQuantity, isInteger, asInteger, asApproximateFloat, sign, add, sub, isLessThan,
isGreaterThan, compareTo and ==. Values follow resource.Quantity's syntax (500m, 1Gi, 1e3) and are
kept exact as fractions."""

import re
from fractions import Fraction

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import INT64_MAX, INT64_MIN, kind_of

_SYNTAX = re.compile(r"^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$")
_SUFFIX = {None: 1, "n": Fraction(1, 10 ** 9), "u": Fraction(1, 10 ** 6), "m": Fraction(1, 1000),
           "k": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9, "T": 10 ** 12, "P": 10 ** 15, "E": 10 ** 18,
           "Ki": 2 ** 10, "Mi": 2 ** 20, "Gi": 2 ** 30, "Ti": 2 ** 40, "Pi": 2 ** 50, "Ei": 2 ** 60}


class Quantity:
    cel_type = "kubernetes.Quantity"
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = Fraction(value)

    def __repr__(self):
        return "quantity(%s)" % self.value

    def cel_equals(self, other):
        return isinstance(other, Quantity) and self.value == other.value

    def cel_compare(self, other):
        return (self.value > other.value) - (self.value < other.value)


def parse_quantity(text):
    m = _SYNTAX.match(str(text))
    if not m:
        return None
    suffix = m.group(3)
    scale = Fraction(10) ** int(suffix[1:]) if suffix and suffix[0] in "eE" else _SUFFIX[suffix]
    number = Fraction(m.group(2)) * scale
    return Quantity(-number if m.group(1) == "-" else number)


def quantity(text):
    if kind_of(text) != "string":
        raise no_overload("quantity", text)
    q = parse_quantity(text)
    if q is None:
        raise CELError("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    return q


def is_quantity(text):
    if kind_of(text) != "string":
        raise no_overload("isQuantity", text)
    return ct.BoolType(parse_quantity(text) is not None)


def _need(name, q, *rest):
    if not isinstance(q, Quantity):
        raise no_overload(name, q, *rest)
    return q.value


def _operand(name, q, other):
    if isinstance(other, Quantity):
        return other.value
    if kind_of(other) == "int":
        return Fraction(int(other))
    raise no_overload(name, q, other)


def is_integer(q):
    v = _need("isInteger", q)
    return ct.BoolType(v.denominator == 1 and INT64_MIN <= v <= INT64_MAX)


def as_integer(q):
    v = _need("asInteger", q)
    if v.denominator != 1 or not INT64_MIN <= v <= INT64_MAX:
        raise CELError("cannot convert value to integer")
    return ct.IntType(int(v))


def as_approximate_float(q):
    return ct.DoubleType(float(_need("asApproximateFloat", q)))


def sign(q):
    v = _need("sign", q)
    return ct.IntType((v > 0) - (v < 0))


def add(q, other):
    return Quantity(_need("add", q, other) + _operand("add", q, other))


def sub(q, other):
    return Quantity(_need("sub", q, other) - _operand("sub", q, other))


def _comparison(name, test):
    def compare(q, other):
        a = _need(name, q, other)
        if not isinstance(other, Quantity):
            raise no_overload(name, q, other)
        return test(a, other.value)
    return compare


FUNCTIONS = {
    "quantity": quantity, "isQuantity": is_quantity, "isInteger": is_integer,
    "asInteger": as_integer, "asApproximateFloat": as_approximate_float, "sign": sign,
    "add": add, "sub": sub,
    "isLessThan": _comparison("isLessThan", lambda a, b: ct.BoolType(a < b)),
    "isGreaterThan": _comparison("isGreaterThan", lambda a, b: ct.BoolType(a > b)),
    "compareTo": _comparison("compareTo", lambda a, b: ct.IntType((a > b) - (a < b))),
}
