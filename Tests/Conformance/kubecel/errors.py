"""The three ways a CEL expression can fail here, kept apart because callers treat them apart:
a CEL runtime error is a verdict (the API server rejects the object with it), a type mismatch
and an unsupported feature are this engine's limits (the rule was not evaluated)."""


class CompileError(Exception):
    """The expression does not parse with cel-python's grammar, or names a variable or a
    function this environment does not declare."""


class CELError(Exception):
    """A CEL runtime error, as cel-go reports it: no such key, index out of range, division by
    zero, a bad duration or timestamp, an overflow, ... ."""


class NoOverload(CELError):
    """No function overload for the argument types. Kubernetes type-checks CRD rules when the
    CRD is created, so for them this means a dynamic value (int-or-string, preserved unknown
    fields) reached a typed function."""


class Unsupported(CELError):
    """A feature of Kubernetes' CEL that this engine does not implement."""


def no_overload(name, *args):
    kinds = ", ".join(type_name(a) for a in args)
    return NoOverload("no such overload: %s(%s)" % (name, kinds))


def type_name(value):
    # Imported here: values imports this module.
    from .values import kind_of
    return kind_of(value)
