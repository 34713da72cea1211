"""CEL's operators with cel-go's semantics: no implicit conversion between int, uint and double
for arithmetic, overflow is an error, integer division truncates toward zero."""

import math

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import (Duration, Timestamp, _MISSING, check_int, check_uint, compare,
                     equals, kind_of, map_get)


def add(a, b):
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb == "int":
        return check_int(int(a) + int(b))
    if ka == kb == "uint":
        return check_uint(int(a) + int(b))
    if ka == kb == "double":
        return ct.DoubleType(float(a) + float(b))
    if ka == kb == "string":
        return ct.StringType(str(a) + str(b))
    if ka == kb == "bytes":
        return ct.BytesType(bytes(a) + bytes(b))
    if ka == kb == "list":
        return ct.ListType(list(a) + list(b))
    if ka == kb == "duration":
        return Duration(a.nanos + b.nanos)
    if ka == "timestamp" and kb == "duration":
        return Timestamp(a.nanos + b.nanos)
    if ka == "duration" and kb == "timestamp":
        return Timestamp(a.nanos + b.nanos)
    raise no_overload("_+_", a, b)


def subtract(a, b):
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb == "int":
        return check_int(int(a) - int(b))
    if ka == kb == "uint":
        return check_uint(int(a) - int(b))
    if ka == kb == "double":
        return ct.DoubleType(float(a) - float(b))
    if ka == kb == "duration":
        return Duration(a.nanos - b.nanos)
    if ka == kb == "timestamp":
        return Duration(a.nanos - b.nanos)
    if ka == "timestamp" and kb == "duration":
        return Timestamp(a.nanos - b.nanos)
    raise no_overload("_-_", a, b)


def multiply(a, b):
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb == "int":
        return check_int(int(a) * int(b))
    if ka == kb == "uint":
        return check_uint(int(a) * int(b))
    if ka == kb == "double":
        return ct.DoubleType(float(a) * float(b))
    raise no_overload("_*_", a, b)


def divide(a, b):
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb and ka in ("int", "uint"):
        if int(b) == 0:
            raise CELError("division by zero")
        q = abs(int(a)) // abs(int(b))
        q = -q if (int(a) < 0) != (int(b) < 0) else q
        return check_int(q) if ka == "int" else check_uint(q)
    if ka == kb == "double":
        x, y = float(a), float(b)
        if y == 0:
            if x == 0 or math.isnan(x):
                return ct.DoubleType(math.nan)
            return ct.DoubleType(math.copysign(math.inf, x) * math.copysign(1, y))
        return ct.DoubleType(x / y)
    raise no_overload("_/_", a, b)


def modulo(a, b):
    ka, kb = kind_of(a), kind_of(b)
    if ka == kb and ka in ("int", "uint"):
        if int(b) == 0:
            raise CELError("modulus by zero")
        r = abs(int(a)) % abs(int(b))
        r = -r if int(a) < 0 else r
        return check_int(r) if ka == "int" else check_uint(r)
    raise no_overload("_%_", a, b)


def negate(a):
    kind = kind_of(a)
    if kind == "int":
        return check_int(-int(a))
    if kind == "double":
        return ct.DoubleType(-float(a))
    if kind == "duration":
        return Duration(-a.nanos)
    raise no_overload("-_", a)


def logical_not(a):
    if kind_of(a) != "bool":
        raise no_overload("!_", a)
    return ct.BoolType(not a)


def less(a, b):
    c = compare(a, b, "_<_")
    return ct.BoolType(c is not None and c < 0)


def less_equal(a, b):
    c = compare(a, b, "_<=_")
    return ct.BoolType(c is not None and c <= 0)


def greater(a, b):
    c = compare(a, b, "_>_")
    return ct.BoolType(c is not None and c > 0)


def greater_equal(a, b):
    c = compare(a, b, "_>=_")
    return ct.BoolType(c is not None and c >= 0)


def equal(a, b):
    return ct.BoolType(equals(a, b))


def not_equal(a, b):
    return ct.BoolType(not equals(a, b))


def contained_in(item, container):
    """`x in list` by CEL equality, `k in map` by key."""
    kind = kind_of(container)
    if kind == "list":
        return ct.BoolType(any(equals(item, x) for x in container))
    if kind == "map":
        return ct.BoolType(map_get(container, item) is not _MISSING)
    raise no_overload("@in", item, container)


def index(container, key):
    kind = kind_of(container)
    if kind == "list":
        k = kind_of(key)
        if k == "double" and float(key).is_integer():
            key = int(key)
        elif k not in ("int", "uint"):
            raise no_overload("_[_]", container, key)
        i = int(key)
        if not 0 <= i < len(container):
            raise CELError("index out of range: %d" % i)
        return container[i]
    if kind == "map":
        found = map_get(container, key)
        if found is _MISSING:
            raise CELError("no such key: %s" % key)
        return found
    raise no_overload("_[_]", container, key)


def select(value, field):
    """value.field: a map entry (objects are maps here, as Kubernetes' unstructured values are)."""
    if kind_of(value) == "map":
        found = map_get(value, ct.StringType(field))
        if found is _MISSING:
            raise CELError("no such key: %s" % field)
        return found
    raise no_overload("." + field, value)


def has_field(value, field):
    """has(value.field): true when the field is set (a map key is present)."""
    if kind_of(value) == "map":
        return ct.BoolType(map_get(value, ct.StringType(field)) is not _MISSING)
    raise no_overload("has", value)


def iteration_items(value, name):
    """What a comprehension ranges over: a list's (index, element), a map's (key, value)."""
    kind = kind_of(value)
    if kind == "list":
        return [(ct.IntType(i), v) for i, v in enumerate(value)]
    if kind == "map":
        return list(value.items())
    raise no_overload(name, value)

