"""cel-go's ext.Strings at version 2, which Kubernetes enables from 1.29
(k8s.io/apiserver/pkg/cel/environment/base.go; github.com/google/cel-go ext/strings.go): charAt,
indexOf, lastIndexOf, lowerAscii, upperAscii, replace, split, substring, trim, join, format and
strings.quote. Indexes count code points, as cel-go counts runes."""

import math
import re

from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import format_double, format_duration, format_timestamp, kind_of


def _need(name, value, kind, *rest):
    if kind_of(value) != kind:
        raise no_overload(name, value, *rest)


def _need_int(name, value):
    if kind_of(value) != "int":
        raise no_overload(name, value)
    return int(value)


def char_at(text, index):
    _need("charAt", text, "string")
    i, s = _need_int("charAt", index), str(text)
    if i < 0 or i > len(s):
        raise CELError("index out of range: %d" % i)
    return ct.StringType(s[i:i + 1])


def index_of(text, sub, offset=None):
    _need("indexOf", text, "string")
    _need("indexOf", sub, "string")
    s, t = str(text), str(sub)
    start = 0 if offset is None else _need_int("indexOf", offset)
    if t == "":
        return ct.IntType(start)
    if start < 0 or start >= len(s):
        raise CELError("index out of range: %d" % start)
    return ct.IntType(s.find(t, start))


def last_index_of(text, sub, offset=None):
    _need("lastIndexOf", text, "string")
    _need("lastIndexOf", sub, "string")
    s, t = str(text), str(sub)
    if offset is None:
        return ct.IntType(len(s) if t == "" else s.rfind(t))
    last = _need_int("lastIndexOf", offset)
    if t == "":
        return ct.IntType(last)
    if last < 0 or last >= len(s):
        raise CELError("index out of range: %d" % last)
    return ct.IntType(s.rfind(t, 0, last + len(t)))


def lower_ascii(text):
    _need("lowerAscii", text, "string")
    return ct.StringType("".join(c.lower() if c.isascii() else c for c in str(text)))


def upper_ascii(text):
    _need("upperAscii", text, "string")
    return ct.StringType("".join(c.upper() if c.isascii() else c for c in str(text)))


def replace(text, old, new, count=None):
    for v in (text, old, new):
        _need("replace", v, "string")
    n = -1 if count is None else _need_int("replace", count)
    return ct.StringType(str(text).replace(str(old), str(new), n if n >= 0 else -1))


def split(text, separator, limit=None):
    """Go's strings.SplitN: a limit of 0 gives [], a negative one splits everywhere."""
    _need("split", text, "string")
    _need("split", separator, "string")
    s, sep = str(text), str(separator)
    n = -1 if limit is None else _need_int("split", limit)
    if n == 0:
        return ct.ListType()
    if sep == "":
        parts = list(s)
        if 0 < n < len(parts):
            parts = parts[:n - 1] + ["".join(parts[n - 1:])]
    else:
        parts = s.split(sep, n - 1) if n > 0 else s.split(sep)
    return ct.ListType([ct.StringType(p) for p in parts])


def substring(text, start, end=None):
    _need("substring", text, "string")
    s = str(text)
    i = _need_int("substring", start)
    j = len(s) if end is None else _need_int("substring", end)
    if i < 0 or i > len(s):
        raise CELError("index out of range: %d" % i)
    if j < 0 or j > len(s):
        raise CELError("index out of range: %d" % j)
    if j < i:
        raise CELError("invalid substring range. start: %d, end: %d" % (i, j))
    return ct.StringType(s[i:j])


# Go's unicode.IsSpace, which strings.TrimSpace uses.
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"


def trim(text):
    _need("trim", text, "string")
    return ct.StringType(str(text).strip(_GO_SPACE))


def join(items, separator=None):
    _need("join", items, "list")
    if separator is not None:
        _need("join", separator, "string")
    if any(kind_of(i) != "string" for i in items):
        raise no_overload("join", items)
    return ct.StringType(("" if separator is None else str(separator)).join(str(i) for i in items))


def quote(text):
    _need("strings.quote", text, "string")
    return ct.StringType(_quoted(str(text)))


_ESCAPES = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t",
            "\v": "\\v", "\\": "\\\\", '"': '\\"'}


def _quoted(s):
    out = []
    for c in s:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif ord(c) < 0x20 or ord(c) == 0x7f:
            out.append("\\x%02x" % ord(c))
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


# --- format ---------------------------------------------------------------------------------------

_CLAUSE = re.compile(r"%(?:\.(\d+))?([sdfeEbxXo%])")


def format_string(template, args):
    """<string>.format(<list>): printf-style clauses %s %d %f %e %b %x %X %o and %%."""
    _need("format", template, "string")
    _need("format", args, "list")
    text, out, pos, used = str(template), [], 0, 0
    while True:
        percent = text.find("%", pos)
        if percent < 0:
            out.append(text[pos:])
            return ct.StringType("".join(out))
        out.append(text[pos:percent])
        m = _CLAUSE.match(text, percent)
        if m is None:
            raise CELError("could not parse formatting clause at %d" % percent)
        pos = m.end()
        if m.group(2) == "%":
            out.append("%")
            continue
        if used >= len(args):
            raise CELError("index %d out of range" % used)
        precision = int(m.group(1)) if m.group(1) is not None else 6
        out.append(_format_clause(m.group(2), precision, args[used]))
        used += 1


def _format_clause(verb, precision, value):
    kind = kind_of(value)
    if verb == "s":
        return _as_text(value, nested=False)
    if verb == "d":
        if kind not in ("int", "uint"):
            raise CELError("error during formatting: decimal clause can only be used on integers, was given %s" % kind)
        return str(int(value))
    if verb in "fe" or verb == "E":
        if kind not in ("double", "int", "uint"):
            raise CELError("error during formatting: fixed-point clause can only be used on doubles, was given %s" % kind)
        f = float(value)
        if math.isnan(f):
            return "NaN"
        if math.isinf(f):
            return "Infinity" if f > 0 else "-Infinity"
        return ("%." + str(precision) + ("f" if verb == "f" else "e")) % f
    if verb == "b":
        if kind == "bool":
            return "1" if value else "0"
        if kind not in ("int", "uint"):
            raise CELError("error during formatting: only integers and bools can be formatted as binary, was given %s" % kind)
        return format(int(value), "b")
    if verb in "xX":
        if kind in ("int", "uint"):
            text = format(int(value), "x")
        elif kind in ("string", "bytes"):
            data = str(value).encode() if kind == "string" else bytes(value)
            text = data.hex()
        else:
            raise CELError("error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given %s" % kind)
        return text.upper() if verb == "X" else text
    if verb == "o":
        if kind not in ("int", "uint"):
            raise CELError("error during formatting: octal clause can only be used on integers, was given %s" % kind)
        return format(int(value), "o")
    raise CELError("unrecognized formatting clause %%%s" % verb)


def _as_text(value, nested):
    kind = kind_of(value)
    if kind == "string":
        return _quoted(str(value)) if nested else str(value)
    if kind == "bool":
        return "true" if value else "false"
    if kind in ("int", "uint"):
        return str(int(value))
    if kind == "double":
        return format_double(value)
    if kind == "bytes":
        return _quoted(bytes(value).decode("utf-8", "replace")) if nested else bytes(value).decode("utf-8", "replace")
    if kind == "null_type":
        return "null"
    if kind == "list":
        return "[" + ", ".join(_as_text(v, True) for v in value) + "]"
    if kind == "map":
        entries = sorted((_as_text(k, True), _as_text(v, True)) for k, v in value.items())
        return "{" + ", ".join("%s:%s" % e for e in entries) + "}"
    if kind == "timestamp":
        return format_timestamp(value)
    if kind == "duration":
        return format_duration(value)
    if kind == "type":
        return value.name
    if hasattr(value, "cel_string"):
        return value.cel_string()
    raise CELError("error during formatting: no formatting for %s" % kind)


FUNCTIONS = {
    "charAt": char_at, "indexOf": index_of, "lastIndexOf": last_index_of, "lowerAscii": lower_ascii,
    "upperAscii": upper_ascii, "replace": replace, "split": split, "substring": substring,
    "trim": trim, "join": join, "format": format_string, "strings.quote": quote,
}
