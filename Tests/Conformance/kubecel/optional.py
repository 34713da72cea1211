"""CEL optional values (cel-go's OptionalTypes, enabled by Kubernetes from 1.28) as functions:
optional.of, optional.none, optional.ofNonZeroValue, hasValue, value, orValue and or. The `.?` and
`[?` syntax needs cel-go's parser; cel-python's grammar does not have it (see docs/conformance.md)."""

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import equals, kind_of


class Optional:
    cel_type = "optional_type"
    __slots__ = ("value", "present")

    def __init__(self, value=None, present=False):
        self.value, self.present = value, present

    def cel_equals(self, other):
        return isinstance(other, Optional) and self.present == other.present and (
            not self.present or equals(self.value, other.value))


NONE = Optional()


def of(value):
    return Optional(value, True)


def none():
    return NONE


def _is_zero(value):
    kind = kind_of(value)
    if kind in ("string", "bytes", "list", "map"):
        return len(value) == 0
    if kind in ("int", "uint", "double", "bool"):
        return not value
    return value is None


def of_non_zero_value(value):
    return NONE if _is_zero(value) else Optional(value, True)


def _need(name, opt, *rest):
    if not isinstance(opt, Optional):
        raise no_overload(name, opt, *rest)
    return opt


def has_value(opt):
    return ct.BoolType(_need("hasValue", opt).present)


def value(opt):
    if not _need("value", opt).present:
        raise CELError("optional.none() dereference")
    return opt.value


def or_value(opt, default):
    return opt.value if _need("orValue", opt, default).present else default


def or_optional(opt, other):
    _need("or", opt, other)
    return opt if opt.present else _need("or", other)


FUNCTIONS = {
    "optional.of": of, "optional.none": none, "optional.ofNonZeroValue": of_non_zero_value,
    "hasValue": has_value, "value": value, "orValue": or_value, "or": or_optional,
}
