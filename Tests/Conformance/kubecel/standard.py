"""CEL's standard functions as cel-go defines them (cel-spec langdef.md, "List of Standard
Definitions"): size, the string tests, matches, the type conversions, type(), and the timestamp and
duration accessors."""

import datetime
import math
import re
import zoneinfo

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .regex import compile_re2
from .values import (INT64_MAX, INT64_MIN, UINT64_MAX, Timestamp, TypeValue, check_int,
                     check_uint, format_double, format_duration, format_timestamp, kind_of,
                     parse_duration, parse_timestamp)

_GO_INT = re.compile(r"^[+-]?[0-9]+$")
_GO_FLOAT = re.compile(r"^[+-]?(?:inf|infinity|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)$", re.I)
_GO_BOOL = {"1": True, "t": True, "T": True, "TRUE": True, "true": True, "True": True,
            "0": False, "f": False, "F": False, "FALSE": False, "false": False, "False": False}


def size(value):
    kind = kind_of(value)
    if kind in ("string", "bytes", "list", "map"):
        return ct.IntType(len(value))
    raise no_overload("size", value)


def _strings(name, a, b):
    if kind_of(a) != "string" or kind_of(b) != "string":
        raise no_overload(name, a, b)
    return str(a), str(b)


def contains(a, b):
    a, b = _strings("contains", a, b)
    return ct.BoolType(b in a)


def starts_with(a, b):
    a, b = _strings("startsWith", a, b)
    return ct.BoolType(a.startswith(b))


def ends_with(a, b):
    a, b = _strings("endsWith", a, b)
    return ct.BoolType(a.endswith(b))


def matches(text, pattern):
    """RE2, unanchored, as Go's regexp.MatchString."""
    text, pattern = _strings("matches", text, pattern)
    return ct.BoolType(compile_re2(pattern).search(text) is not None)


def to_int(value):
    kind = kind_of(value)
    if kind == "int":
        return value
    if kind == "uint":
        return check_int(int(value))
    if kind == "double":
        f = float(value)
        if math.isnan(f) or not INT64_MIN <= f < INT64_MAX:
            raise CELError("int() range error: %s" % format_double(f))
        return ct.IntType(math.trunc(f))
    if kind == "string":
        if not _GO_INT.match(str(value)):
            raise CELError("cannot convert %r to int" % str(value))
        return check_int(int(str(value)))
    if kind == "timestamp":
        return ct.IntType(value.nanos // 10 ** 9)
    raise no_overload("int", value)


def to_uint(value):
    kind = kind_of(value)
    if kind == "uint":
        return value
    if kind == "int":
        return check_uint(int(value))
    if kind == "double":
        f = float(value)
        if math.isnan(f) or not 0 <= f < UINT64_MAX:
            raise CELError("uint() range error: %s" % format_double(f))
        return ct.UintType(math.trunc(f))
    if kind == "string":
        if not _GO_INT.match(str(value)) or str(value).startswith("-"):
            raise CELError("cannot convert %r to uint" % str(value))
        return check_uint(int(str(value)))
    raise no_overload("uint", value)


def to_double(value):
    kind = kind_of(value)
    if kind == "double":
        return value
    if kind in ("int", "uint"):
        return ct.DoubleType(float(int(value)))
    if kind == "string":
        if not _GO_FLOAT.match(str(value)):
            raise CELError("cannot convert %r to double" % str(value))
        return ct.DoubleType(float(str(value)))
    raise no_overload("double", value)


def to_string(value):
    kind = kind_of(value)
    if kind == "string":
        return value
    if kind == "bool":
        return ct.StringType("true" if value else "false")
    if kind in ("int", "uint"):
        return ct.StringType(str(int(value)))
    if kind == "double":
        return ct.StringType(format_double(value))
    if kind == "bytes":
        try:
            return ct.StringType(bytes(value).decode("utf-8"))
        except UnicodeDecodeError:
            raise CELError("invalid UTF-8 in bytes, cannot convert to string") from None
    if kind == "timestamp":
        return ct.StringType(format_timestamp(value))
    if kind == "duration":
        return ct.StringType(format_duration(value))
    if hasattr(value, "cel_string"):
        return ct.StringType(value.cel_string())
    raise no_overload("string", value)


def to_bytes(value):
    kind = kind_of(value)
    if kind == "bytes":
        return value
    if kind == "string":
        return ct.BytesType(str(value).encode("utf-8"))
    raise no_overload("bytes", value)


def to_bool(value):
    kind = kind_of(value)
    if kind == "bool":
        return value
    if kind == "string":
        if str(value) not in _GO_BOOL:
            raise CELError("cannot convert %r to bool" % str(value))
        return ct.BoolType(_GO_BOOL[str(value)])
    raise no_overload("bool", value)


def to_duration(value):
    kind = kind_of(value)
    if kind == "duration":
        return value
    if kind == "string":
        return parse_duration(value)
    raise no_overload("duration", value)


def to_timestamp(value):
    kind = kind_of(value)
    if kind == "timestamp":
        return value
    if kind == "string":
        return parse_timestamp(value)
    if kind == "int":
        return Timestamp(int(value) * 10 ** 9)
    raise no_overload("timestamp", value)


def type_of(value):
    return TypeValue(kind_of(value))


# --- timestamp and duration accessors ---------------------------------------------------------

def _zone(name):
    text = str(name)
    m = re.match(r"^([+-])?(\d{2}):(\d{2})$", text)
    if m:
        minutes = int(m.group(2)) * 60 + int(m.group(3))
        return datetime.timezone(datetime.timedelta(minutes=-minutes if m.group(1) == "-" else minutes))
    try:
        return zoneinfo.ZoneInfo(text)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise CELError("unknown time zone %r" % text) from None


def _timestamp_part(name, part):
    def accessor(value, zone=None):
        if kind_of(value) != "timestamp":
            raise no_overload(name, value)
        moment, nanos = value.datetime(_zone(zone) if zone is not None else datetime.timezone.utc)
        return ct.IntType(part(moment, nanos))
    return accessor


_DURATION_PARTS = {"getHours": 3600 * 10 ** 9, "getMinutes": 60 * 10 ** 9, "getSeconds": 10 ** 9,
                   "getMilliseconds": 10 ** 6}


def _time_accessor(name, part):
    on_timestamp = _timestamp_part(name, part)

    def accessor(value, *zone):
        if name in _DURATION_PARTS and kind_of(value) == "duration" and not zone:
            # cel-go: the duration's whole length in that unit, truncated toward zero.
            return ct.IntType(int(value.nanos / _DURATION_PARTS[name]))
        return on_timestamp(value, *zone)
    return accessor


FUNCTIONS = {
    "size": size, "contains": contains, "startsWith": starts_with, "endsWith": ends_with,
    "matches": matches, "int": to_int, "uint": to_uint, "double": to_double, "string": to_string,
    "bytes": to_bytes, "bool": to_bool, "duration": to_duration, "timestamp": to_timestamp,
    "type": type_of,
    "getFullYear": _time_accessor("getFullYear", lambda m, n: m.year),
    "getMonth": _time_accessor("getMonth", lambda m, n: m.month - 1),
    "getDate": _time_accessor("getDate", lambda m, n: m.day),
    "getDayOfMonth": _time_accessor("getDayOfMonth", lambda m, n: m.day - 1),
    "getDayOfWeek": _time_accessor("getDayOfWeek", lambda m, n: (m.weekday() + 1) % 7),
    "getDayOfYear": _time_accessor("getDayOfYear", lambda m, n: m.timetuple().tm_yday - 1),
    "getHours": _time_accessor("getHours", lambda m, n: m.hour),
    "getMinutes": _time_accessor("getMinutes", lambda m, n: m.minute),
    "getSeconds": _time_accessor("getSeconds", lambda m, n: m.second),
    "getMilliseconds": _time_accessor("getMilliseconds", lambda m, n: n // 10 ** 6),
}
