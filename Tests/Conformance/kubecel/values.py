"""CEL values: cel-python's celtypes for the primitives, lists and maps, plus exact durations and
timestamps (nanoseconds, as cel-go keeps them; celtypes rounds to microseconds), type values, and
CEL's equality and ordering (cel-go: heterogeneous equality, cross-type numeric comparison as
Kubernetes enables it since 1.28)."""

import datetime
import decimal
import math
import re

from celpy import celtypes as ct

from .errors import CELError, no_overload

INT64_MIN, INT64_MAX = -(2 ** 63), 2 ** 63 - 1
UINT64_MAX = 2 ** 64 - 1


class UnorderedList(ct.ListType):
    """A list with x-kubernetes-list-type set or map: Kubernetes compares these regardless of order
    (k8s.io/apiserver/pkg/cel/common/values.go, unstructuredSetList and unstructuredMapList)."""


class Duration:
    """A duration in whole nanoseconds, within Go's time.Duration, which cel-go uses (±292 years)."""

    __slots__ = ("nanos",)
    LIMIT = 2 ** 63 - 1

    def __init__(self, nanos):
        if not -self.LIMIT <= nanos <= self.LIMIT:
            raise CELError("duration out of range")
        self.nanos = int(nanos)

    def __repr__(self):
        return "duration(%r)" % format_duration(self)

    def __hash__(self):
        return hash(("duration", self.nanos))


class Timestamp:
    """A google.protobuf.Timestamp: nanoseconds since the Unix epoch, years 1 to 9999."""

    __slots__ = ("nanos",)
    MIN = -62135596800 * 10 ** 9  # 0001-01-01T00:00:00Z
    MAX = 253402300799 * 10 ** 9 + 999999999  # 9999-12-31T23:59:59.999999999Z

    def __init__(self, nanos):
        if not self.MIN <= nanos <= self.MAX:
            raise CELError("timestamp out of range")
        self.nanos = int(nanos)

    def __repr__(self):
        return "timestamp(%r)" % format_timestamp(self)

    def __hash__(self):
        return hash(("timestamp", self.nanos))

    def datetime(self, tz=datetime.timezone.utc):
        seconds, nanos = divmod(self.nanos, 10 ** 9)
        epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
        return (epoch + datetime.timedelta(seconds=seconds)).astimezone(tz), nanos


class TypeValue:
    """The value of a type name (`int`, `string`, ...) and the result of type(x)."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name

    def __hash__(self):
        return hash(("type", self.name))


TYPE_NAMES = ("bool", "bytes", "double", "duration", "int", "list", "map", "null_type", "string",
              "timestamp", "type", "uint", "dyn")


def kind_of(value):
    """The CEL type name of a value (library types name themselves through cel_type)."""
    if value is None:
        return "null_type"
    if isinstance(value, ct.BoolType) or isinstance(value, bool):
        return "bool"
    if isinstance(value, ct.UintType):
        return "uint"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bytes):
        return "bytes"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "map"
    if isinstance(value, Duration):
        return "duration"
    if isinstance(value, Timestamp):
        return "timestamp"
    if isinstance(value, TypeValue):
        return "type"
    return getattr(value, "cel_type", type(value).__name__)


NUMERIC = ("int", "uint", "double")


def is_number(value):
    return kind_of(value) in NUMERIC


def equals(a, b):
    """CEL ==: values of different types are unequal (no error); numbers compare across int, uint
    and double; lists by position, set and map lists regardless of order; maps by keys and values."""
    ka, kb = kind_of(a), kind_of(b)
    if ka in NUMERIC and kb in NUMERIC:
        return _number(a) == _number(b)
    if ka != kb:
        return False
    if ka == "null_type":
        return True
    if ka == "list":
        if len(a) != len(b):
            return False
        if isinstance(a, UnorderedList) or isinstance(b, UnorderedList):
            rest = list(b)
            for item in a:
                for i, other in enumerate(rest):
                    if equals(item, other):
                        del rest[i]
                        break
                else:
                    return False
            return True
        return all(equals(x, y) for x, y in zip(a, b))
    if ka == "map":
        if len(a) != len(b):
            return False
        for key, value in a.items():
            found = map_get(b, key)
            if found is _MISSING or not equals(value, found):
                return False
        return True
    if ka in ("duration", "timestamp"):
        return a.nanos == b.nanos
    if ka == "type":
        return a.name == b.name
    if ka in ("bool", "string", "bytes"):
        return a == b
    cel_equals = getattr(a, "cel_equals", None)
    if cel_equals is not None:
        return cel_equals(b)
    raise no_overload("_==_", a, b)


def _number(value):
    # Exact across int and double: Python compares int and float exactly.
    return float(value) if isinstance(value, float) else int(value)


def compare(a, b, op="_<_"):
    """-1, 0 or 1 for CEL's ordering operators; NoOverload for types without an order."""
    ka, kb = kind_of(a), kind_of(b)
    if ka in NUMERIC and kb in NUMERIC:
        x, y = _number(a), _number(b)
        if isinstance(x, float) and math.isnan(x) or isinstance(y, float) and math.isnan(y):
            return None  # every comparison with NaN is false
    elif ka != kb:
        raise no_overload(op, a, b)
    elif ka in ("string", "bytes"):
        x, y = a, b
    elif ka == "bool":
        x, y = bool(a), bool(b)
    elif ka in ("duration", "timestamp"):
        x, y = a.nanos, b.nanos
    elif hasattr(a, "cel_compare"):
        return a.cel_compare(b)
    else:
        raise no_overload(op, a, b)
    return (x > y) - (x < y)


_MISSING = object()


def map_get(mapping, key):
    """A map entry by CEL key equality (1 and 1u and 1.0 find the same entry), or _MISSING."""
    try:
        if key in mapping:
            return mapping[key]
    except TypeError:
        pass
    if is_number(key):
        for k, v in mapping.items():
            if is_number(k) and equals(k, key):
                return v
    return _MISSING


def to_cel(value):
    """A plain value (from JSON or YAML) as CEL: dicts and lists recursively, ints as int, floats
    as double, strings, booleans, null."""
    if value is None:
        return None
    if isinstance(value, bool):
        return ct.BoolType(value)
    if isinstance(value, int):
        return ct.IntType(value)
    if isinstance(value, float):
        return ct.DoubleType(value)
    if isinstance(value, str):
        return ct.StringType(value)
    if isinstance(value, bytes):
        return ct.BytesType(value)
    if isinstance(value, dict):
        return ct.MapType({ct.StringType(k) if isinstance(k, str) else to_cel(k): to_cel(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return ct.ListType([to_cel(v) for v in value])
    return value


def to_python(value):
    """A CEL value as a plain Python value (for messages and tests)."""
    kind = kind_of(value)
    if kind == "bool":
        return bool(value)
    if kind in ("int", "uint"):
        return int(value)
    if kind == "double":
        return float(value)
    if kind == "string":
        return str(value)
    if kind == "bytes":
        return bytes(value)
    if kind == "list":
        return [to_python(v) for v in value]
    if kind == "map":
        return {to_python(k): to_python(v) for k, v in value.items()}
    return value


def check_int(value):
    if not INT64_MIN <= value <= INT64_MAX:
        raise CELError("integer overflow")
    return ct.IntType(value)


def check_uint(value):
    if not 0 <= value <= UINT64_MAX:
        raise CELError("unsigned integer overflow")
    return ct.UintType(value)


# --- Go's time.ParseDuration, which cel-go's duration() uses ----------------------------------

_DURATION_UNITS = {"ns": 1, "us": 10 ** 3, "\u00b5s": 10 ** 3, "\u03bcs": 10 ** 3, "ms": 10 ** 6,
                   "s": 10 ** 9, "m": 60 * 10 ** 9, "h": 3600 * 10 ** 9}
_DURATION_PART = re.compile(r"([0-9]*)(?:\.([0-9]*))?(ns|us|\u00b5s|\u03bcs|ms|s|m|h)")


def parse_duration(text):
    """Go's time.ParseDuration: [-+]?([0-9]*(\\.[0-9]*)?[a-z]+)+, or "0". No days: "1d" fails."""
    s = str(text)
    sign = 1
    if s[:1] in "+-" and s:
        sign = -1 if s[0] == "-" else 1
        s = s[1:]
    if s == "0":
        return Duration(0)
    if not s:
        raise CELError("invalid duration %r" % str(text))
    total, pos = 0, 0
    while pos < len(s):
        m = _DURATION_PART.match(s, pos)
        if not m or (m.group(1) == "" and not m.group(2)):
            raise CELError("invalid duration %r" % str(text))
        unit = _DURATION_UNITS[m.group(3)]
        whole = int(m.group(1) or "0") * unit
        frac = m.group(2) or ""
        if frac:
            whole += int(frac) * unit // 10 ** len(frac)
        total += whole
        pos = m.end()
    if total > Duration.LIMIT:
        raise CELError("invalid duration %r (overflow)" % str(text))
    return Duration(sign * total)


def format_duration(d):
    """cel-go's string(duration): seconds with up to nine decimals, then 's'."""
    sign = "-" if d.nanos < 0 else ""
    seconds, nanos = divmod(abs(d.nanos), 10 ** 9)
    if nanos:
        return "%s%d.%ss" % (sign, seconds, ("%09d" % nanos).rstrip("0"))
    return "%s%ds" % (sign, seconds)


# --- RFC 3339 timestamps ------------------------------------------------------------------------

_RFC3339 = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?"
                      r"(?:([Zz])|([+-])(\d{2}):(\d{2}))$")


def parse_timestamp(text):
    """timestamp(s): RFC 3339 with an optional fraction of up to nine digits and a zone."""
    m = _RFC3339.match(str(text))
    if not m:
        raise CELError("invalid timestamp %r" % str(text))
    year, month, day, hour, minute, second = (int(m.group(i)) for i in range(1, 7))
    try:
        moment = datetime.datetime(year, month, day, hour, minute, second, tzinfo=datetime.timezone.utc)
    except ValueError:
        raise CELError("invalid timestamp %r" % str(text)) from None
    offset = 0
    if m.group(9):
        offset = (int(m.group(10)) * 60 + int(m.group(11))) * 60 * (1 if m.group(9) == "+" else -1)
    epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
    seconds = (moment - epoch) // datetime.timedelta(seconds=1) - offset
    nanos = int((m.group(7) or "").ljust(9, "0") or 0)
    return Timestamp(seconds * 10 ** 9 + nanos)


def format_timestamp(t):
    moment, nanos = t.datetime()
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if nanos:
        text += "." + ("%09d" % nanos).rstrip("0")
    return text + "Z"


def format_double(value):
    """Go's fmt %g, which cel-go's string(double) uses: the shortest digits, %e form when the
    exponent is below -4 or at least 6 (strconv's 'g' with the shortest precision)."""
    f = float(value)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "+Inf" if f > 0 else "-Inf"
    if f == 0:
        return "-0" if math.copysign(1, f) < 0 else "0"
    parts = decimal.Decimal(repr(abs(f))).as_tuple()
    digits = "".join(map(str, parts.digits)).rstrip("0") or "0"
    exponent = len(parts.digits) + parts.exponent - 1
    sign = "-" if f < 0 else ""
    if exponent < -4 or exponent >= 6:
        mantissa = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        return "%s%se%s%02d" % (sign, mantissa, "-" if exponent < 0 else "+", abs(exponent))
    if exponent >= len(digits) - 1:
        return sign + digits + "0" * (exponent - len(digits) + 1)
    if exponent >= 0:
        return sign + digits[:exponent + 1] + "." + digits[exponent + 1:]
    return sign + "0." + "0" * (-exponent - 1) + digits
