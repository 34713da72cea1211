"""Kubernetes' list library (k8s.io/apiserver/pkg/cel/library/lists.go: isSorted, sum, min, max,
indexOf, lastIndexOf) and cel-go's ext.Sets (sets.contains, sets.equivalent, sets.intersects),
which Kubernetes enables from 1.29."""

from celpy import celtypes as ct

from . import operators as op
from .errors import CELError, no_overload
from .values import compare, equals, kind_of


def _need_list(name, value, *rest):
    if kind_of(value) != "list":
        raise no_overload(name, value, *rest)
    return list(value)


def is_sorted(items):
    values = _need_list("isSorted", items)
    return ct.BoolType(all(compare(a, b, "isSorted") <= 0 for a, b in zip(values, values[1:])))


def total(items):
    values = _need_list("sum", items)
    if not values:
        return ct.IntType(0)
    result = values[0]
    for v in values[1:]:
        result = op.add(result, v)
    if kind_of(result) not in ("int", "uint", "double", "duration"):
        raise no_overload("sum", items)
    return result


def _extreme(name, sign):
    def pick(items):
        values = _need_list(name, items)
        if not values:
            raise CELError("%s called on empty list" % name)
        best = values[0]
        for v in values[1:]:
            if compare(v, best, name) * sign > 0:
                best = v
        return best
    return pick


def index_of(items, value):
    values = _need_list("indexOf", items, value)
    return ct.IntType(next((i for i, v in enumerate(values) if equals(v, value)), -1))


def last_index_of(items, value):
    values = _need_list("lastIndexOf", items, value)
    return ct.IntType(next((i for i in range(len(values) - 1, -1, -1) if equals(values[i], value)), -1))


def sets_contains(a, b):
    first, second = _need_list("sets.contains", a, b), _need_list("sets.contains", b, a)
    return ct.BoolType(all(any(equals(x, y) for y in first) for x in second))


def sets_equivalent(a, b):
    return ct.BoolType(sets_contains(a, b) and sets_contains(b, a))


def sets_intersects(a, b):
    first, second = _need_list("sets.intersects", a, b), _need_list("sets.intersects", b, a)
    return ct.BoolType(any(equals(x, y) for x in first for y in second))


FUNCTIONS = {
    "isSorted": is_sorted, "sum": total, "min": _extreme("min", -1), "max": _extreme("max", 1),
    "indexOf": index_of, "lastIndexOf": last_index_of, "sets.contains": sets_contains,
    "sets.equivalent": sets_equivalent, "sets.intersects": sets_intersects,
}
