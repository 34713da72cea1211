"""kubecel: CEL as Kubernetes evaluates it, on cel-python.

cel-python (PyPI cel-python, pinned in scripts/requirements/tests.txt) gives the grammar, the
parser and the value types; this package evaluates the parse tree with cel-go's semantics and adds
the libraries of Kubernetes' CEL environment (k8s.io/apiserver/pkg/cel/environment/base.go, as of
Kubernetes 1.33): cel-go's ext.Strings v2, ext.Sets and two-variable comprehensions, and
Kubernetes' lists, regex, URL, IP, CIDR, quantity, format and semver libraries, plus optional
values as functions. docs/conformance.md lists what is and is not covered.

    env = kubecel.Environment(variables=("self",))
    program = env.compile("self.replicas <= 3")         # CompileError when it cannot
    program.evaluate({"self": kubecel.to_cel(obj)})      # a CEL value, or CELError and its kinds
"""

from . import formats, lists, network, optional, quantity, regex, semver, standard, strings
from .errors import CELError, CompileError, NoOverload, Unsupported
from .evaluator import MACROS, Compiler, parse
from .values import (Duration, Timestamp, UnorderedList, equals, format_double, kind_of,
                     parse_duration, to_cel, to_python)

LIBRARIES = (standard, strings, regex, lists, quantity, network, semver, formats, optional)

__all__ = ["CELError", "CompileError", "NoOverload", "Unsupported", "Environment", "Program",
           "Duration", "Timestamp", "UnorderedList", "equals", "format_double", "kind_of",
           "parse_duration", "to_cel", "to_python", "FUNCTIONS", "MACROS", "error_text"]


def _overloaded(first, second):
    """One name, several receiver types (indexOf on strings and lists, compareTo on quantities
    and semvers, ...): the first overload that accepts the arguments."""
    def dispatch(*args):
        try:
            return first(*args)
        except NoOverload:
            return second(*args)
    return dispatch


def _library_functions(modules):
    functions = {}
    for module in modules:
        for name, function in module.FUNCTIONS.items():
            functions[name] = _overloaded(functions[name], function) if name in functions else function
    return functions


FUNCTIONS = _library_functions(LIBRARIES)


class Program:
    """A compiled expression. evaluate() returns a CEL value or raises CELError (NoOverload,
    Unsupported)."""

    def __init__(self, text, run, variables, functions):
        self.text = text
        self._run = run
        self.variables = frozenset(variables)
        self.functions = frozenset(functions)

    def evaluate(self, bindings):
        try:
            return self._run(bindings)
        except RecursionError:
            raise Unsupported("expression too deeply nested for this engine") from None

    def __repr__(self):
        return "Program(%r)" % self.text


class Environment:
    """The declared variables and the function table; compiled programs are cached by text."""

    def __init__(self, variables=("self", "oldSelf"), functions=None):
        self.variables = frozenset(variables)
        self.functions = dict(FUNCTIONS)
        for name, function in (functions or {}).items():
            self.functions[name] = function
        self.namespaces = {name.split(".")[0] for name in self.functions if "." in name}
        self._programs = {}

    def compile(self, text):
        program = self._programs.get(text)
        if program is None:
            compiler = Compiler(self.variables, self.functions, self.namespaces)
            run = compiler.compile(parse(text))
            program = Program(text, run, compiler.used_variables, compiler.used_functions)
            self._programs[text] = program
        return program


def error_text(error):
    """A CEL error as one line, the way messages quote it."""
    return " ".join(str(error).split()) or type(error).__name__
