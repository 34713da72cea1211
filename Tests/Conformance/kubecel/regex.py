"""RE2, the regular expressions of CEL's matches() and of Kubernetes' regex library
(k8s.io/apiserver/pkg/cel/library/regex.go: find, findAll), through google-re2: the same engine
and syntax as Go's regexp, so patterns need no rewriting."""

import functools

import re2
from celpy import celtypes as ct

from .errors import CELError, no_overload
from .values import kind_of

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # a bad pattern is reported as a CEL error, not on stderr


@functools.lru_cache(maxsize=4096)
def compile_re2(pattern):
    try:
        return re2.compile(pattern, _OPTIONS)
    except re2.error as exc:
        message = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise CELError("invalid regular expression %r: %s" % (pattern, message)) from None


def _check(name, text, pattern):
    if kind_of(text) != "string" or kind_of(pattern) != "string":
        raise no_overload(name, text, pattern)


def find(text, pattern):
    _check("find", text, pattern)
    m = compile_re2(str(pattern)).search(str(text))
    return ct.StringType(m.group() if m else "")


def find_all(text, pattern, limit=None):
    _check("findAll", text, pattern)
    if limit is not None and kind_of(limit) != "int":
        raise no_overload("findAll", text, pattern, limit)
    found = [ct.StringType(m.group()) for m in compile_re2(str(pattern)).finditer(str(text))]
    if limit is not None and int(limit) >= 0:
        found = found[:int(limit)]
    return ct.ListType(found)


FUNCTIONS = {"find": find, "findAll": find_all}
