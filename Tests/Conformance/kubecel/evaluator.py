"""Turns cel-python's parse tree (its lark grammar, cel.lark) into Python closures that evaluate it
with cel-go's semantics. cel-python's own Evaluator differs from cel-go where Kubernetes rules
depend on it: has() of a missing parent is false instead of an error, `&&`/`||` and all()/exists()
do not absorb errors the way CEL's commutative logic does, exists_one() swallows errors, bool
equals int, and there are no two-variable comprehensions, so the tree is walked here.

A compiled expression is a function of one argument, the scope: a dict from variable names to
CEL values. Errors are exceptions (errors.CELError and its kinds)."""

import lark
from celpy import celtypes as ct
from celpy.celparser import CELParseError, CELParser
from celpy.evaluation import celbytes, celstr

from . import operators as op
from .errors import CELError, CompileError, NoOverload, Unsupported, no_overload
from .values import TYPE_NAMES, TypeValue, check_int, check_uint, kind_of

_PARSER = []

TRUE, FALSE = ct.BoolType(True), ct.BoolType(False)

_BINARY = {
    "relation_lt": op.less, "relation_le": op.less_equal, "relation_gt": op.greater,
    "relation_ge": op.greater_equal, "relation_eq": op.equal, "relation_ne": op.not_equal,
    "relation_in": op.contained_in,
    "addition_add": op.add, "addition_sub": op.subtract,
    "multiplication_mul": op.multiply, "multiplication_div": op.divide, "multiplication_mod": op.modulo,
}

# Receiver-style macros, by name and number of arguments (cel-go's parser macros and
# ext.TwoVarComprehensions, which Kubernetes enables from 1.32).
MACROS = {
    ("all", 2), ("all", 3), ("exists", 2), ("exists", 3), ("exists_one", 2), ("existsOne", 2),
    ("existsOne", 3), ("map", 2), ("map", 3), ("filter", 2), ("transformList", 3),
    ("transformList", 4), ("transformMap", 3), ("transformMap", 4), ("transformMapEntry", 3),
    ("transformMapEntry", 4),
}


def parse(text):
    if not _PARSER:
        _PARSER.append(CELParser())
    try:
        return _PARSER[0].parse(text)
    except (CELParseError, lark.exceptions.LarkError) as exc:
        # cel-python prints the text and a caret under the column; keep both on one line.
        lines = [line for line in str(exc).splitlines() if line.strip()]
        where = " (at column %d)" % (len(lines[1]) - len(lines[1].lstrip()) + 1) if len(lines) > 1 and "^" in lines[1] else ""
        raise CompileError("syntax error%s: %s" % (where, lines[0].strip() if lines else text)) from None


def call(function, name, args):
    """Calls a library function, turning Python's exceptions into CEL's errors."""
    try:
        return function(*args)
    except CELError:
        raise
    except TypeError as exc:
        raise NoOverload("no such overload: %s (%s)" % (name, exc)) from None
    except ZeroDivisionError:
        raise CELError("division by zero") from None
    except (ValueError, OverflowError, KeyError, IndexError) as exc:
        raise CELError("%s: %s" % (name, exc)) from None


class Compiler:
    def __init__(self, variables, functions, namespaces):
        self.variables = variables
        self.functions = functions
        self.namespaces = namespaces
        self.used_variables = set()
        self.used_functions = set()

    def compile(self, tree, bound=frozenset()):
        handler = getattr(self, "_" + tree.data, None)
        if handler is None:
            raise CompileError("unsupported syntax: %s" % tree.data)
        return handler(tree, bound)

    # --- pass-through and operator nodes ------------------------------------------------------

    def _expr(self, tree, bound):
        if len(tree.children) == 1:
            return self.compile(tree.children[0], bound)
        cond, yes, no = (self.compile(c, bound) for c in tree.children)

        def conditional(scope):
            c = cond(scope)
            if kind_of(c) != "bool":
                raise no_overload("_?_:_", c)
            return yes(scope) if c else no(scope)
        return conditional

    def _conditionalor(self, tree, bound):
        if len(tree.children) == 1:
            return self.compile(tree.children[0], bound)
        return _logic(self.compile(tree.children[0], bound), self.compile(tree.children[1], bound), True)

    def _conditionaland(self, tree, bound):
        if len(tree.children) == 1:
            return self.compile(tree.children[0], bound)
        return _logic(self.compile(tree.children[0], bound), self.compile(tree.children[1], bound), False)

    def _binary(self, tree, bound):
        if len(tree.children) == 1:
            return self.compile(tree.children[0], bound)
        operator, right_tree = tree.children
        function = _BINARY[operator.data]
        left = self.compile(operator.children[0], bound)
        right = self.compile(right_tree, bound)
        name = operator.data

        def binary(scope):
            return call(function, name, (left(scope), right(scope)))
        return binary

    _relation = _addition = _multiplication = _binary

    def _unary(self, tree, bound):
        if len(tree.children) == 1:
            return self.compile(tree.children[0], bound)
        operator, operand_tree = tree.children
        operand = self.compile(operand_tree, bound)
        function = op.logical_not if operator.data == "unary_not" else op.negate
        return lambda scope: call(function, operator.data, (operand(scope),))

    def _member(self, tree, bound):
        return self.compile(tree.children[0], bound)

    def _primary(self, tree, bound):
        return self.compile(tree.children[0], bound)

    def _paren_expr(self, tree, bound):
        return self.compile(tree.children[0], bound)

    # --- selection, indexing, calls -------------------------------------------------------------

    def _member_dot(self, tree, bound):
        target_tree, field = tree.children
        target = self.compile(target_tree, bound)
        name = field.value
        return lambda scope: op.select(target(scope), name)

    def _member_index(self, tree, bound):
        target = self.compile(tree.children[0], bound)
        key = self.compile(tree.children[1], bound)
        return lambda scope: op.index(target(scope), key(scope))

    def _member_object(self, tree, bound):
        raise CompileError("unsupported syntax: message construction")

    def _member_dot_arg(self, tree, bound):
        target_tree, method = tree.children[0], tree.children[1].value
        arg_trees = list(tree.children[2].children) if len(tree.children) > 2 and tree.children[2] is not None else []
        namespace = _bare_ident(target_tree)
        if namespace and namespace not in bound and namespace not in self.variables \
                and namespace in self.namespaces:
            return self._function("%s.%s" % (namespace, method), arg_trees, bound)
        if (method, len(arg_trees)) in MACROS and _bare_ident(arg_trees[0]):
            return self._comprehension(method, target_tree, arg_trees, bound)
        target = self.compile(target_tree, bound)
        return self._function(method, arg_trees, bound, receiver=target)

    def _ident_arg(self, tree, bound):
        name = tree.children[0].value
        arg_trees = list(tree.children[1].children) if len(tree.children) > 1 and tree.children[1] is not None else []
        if name == "has":
            return self._has(arg_trees, bound)
        if name == "dyn" and len(arg_trees) == 1:
            return self.compile(arg_trees[0], bound)
        return self._function(name, arg_trees, bound)

    def _dot_ident_arg(self, tree, bound):
        return self._ident_arg(tree, frozenset())

    def _function(self, name, arg_trees, bound, receiver=None):
        function = self.functions.get(name)
        if function is None:
            raise CompileError("undeclared reference to '%s'" % name)
        self.used_functions.add(name)
        args = [self.compile(t, bound) for t in arg_trees]
        if receiver is not None:
            args.insert(0, receiver)

        def apply(scope):
            return call(function, name, [a(scope) for a in args])
        return apply

    def _has(self, arg_trees, bound):
        selection = _unwrap(arg_trees[0]) if len(arg_trees) == 1 else None
        if selection is None or selection.data != "member_dot":
            raise CompileError("invalid argument to has() macro")
        target = self.compile(selection.children[0], bound)
        field = selection.children[1].value
        return lambda scope: op.has_field(target(scope), field)

    # --- names and literals ---------------------------------------------------------------------

    def _ident(self, tree, bound):
        name = tree.children[0].value
        if name in bound or name in self.variables:
            self.used_variables.add(name)

            def variable(scope):
                try:
                    return scope[name]
                except KeyError:
                    raise CELError("no value for variable '%s'" % name) from None
            return variable
        if name in TYPE_NAMES:
            value = TypeValue(name)
            return lambda scope: value
        raise CompileError("undeclared reference to '%s'" % name)

    def _dot_ident(self, tree, bound):
        return self._ident(tree, frozenset())

    def _literal(self, tree, bound):
        token = tree.children[0]
        text = token.value
        try:
            if token.type == "INT_LIT":
                negative = text.startswith("-")
                digits = text.lstrip("-")
                value = int(digits[2:], 16) if digits[:2].lower() == "0x" else int(digits)
                value = check_int(-value if negative else value)
            elif token.type == "UINT_LIT":
                digits = text[:-1]
                value = check_uint(int(digits[2:], 16) if digits[:2].lower() == "0x" else int(digits))
            elif token.type == "FLOAT_LIT":
                value = ct.DoubleType(float(text))
            elif token.type in ("STRING_LIT", "MLSTRING_LIT"):
                value = celstr(token)
            elif token.type == "BYTES_LIT":
                value = celbytes(token)
            elif token.type == "BOOL_LIT":
                value = ct.BoolType(text == "true")
            elif token.type == "NULL_LIT":
                value = None
            else:
                raise CompileError("unsupported literal %s" % text)
        except CELError as exc:
            raise CompileError("literal %s: %s" % (text, exc)) from None
        return lambda scope: value

    def _list_lit(self, tree, bound):
        items = [self.compile(t, bound) for t in (tree.children[0].children if tree.children and tree.children[0] is not None else [])]
        return lambda scope: ct.ListType([item(scope) for item in items])

    def _map_lit(self, tree, bound):
        trees = tree.children[0].children if tree.children and tree.children[0] is not None else []
        pairs = [(self.compile(k, bound), self.compile(v, bound)) for k, v in zip(trees[0::2], trees[1::2])]

        def map_literal(scope):
            result = ct.MapType()
            for key_fn, value_fn in pairs:
                key = key_fn(scope)
                if kind_of(key) not in ("int", "uint", "bool", "string"):
                    raise no_overload("map key", key)
                if op.contained_in(key, result):
                    raise CELError("duplicate map key: %s" % key)
                result[key] = value_fn(scope)
            return result
        return map_literal

    # --- comprehensions -------------------------------------------------------------------------

    def _comprehension(self, macro, target_tree, arg_trees, bound):
        two = macro.startswith("transform") or (macro in ("all", "exists", "existsOne") and len(arg_trees) == 3)
        variables = [_bare_ident(t) for t in arg_trees[:2 if two else 1]]
        if None in variables:
            raise CompileError("%s(): the iteration variables must be identifiers" % macro)
        inner = bound | frozenset(variables)
        target = self.compile(target_tree, bound)
        exprs = [self.compile(t, inner) for t in arg_trees[len(variables):]]
        return _COMPREHENSIONS[macro](target, variables, exprs, macro)


def _logic(left, right, is_or):
    """CEL's commutative && and ||: a deciding operand (true for ||, false for &&) wins over an
    error on the other side; otherwise the first error is the result."""
    name = "_||_" if is_or else "_&&_"
    decisive = TRUE if is_or else FALSE

    def logic(scope):
        error = None
        for side in (left, right):
            try:
                value = side(scope)
                if kind_of(value) != "bool":
                    raise no_overload(name, value)
                if bool(value) == is_or:
                    return decisive
            except CELError as exc:
                error = error or exc
        if error is not None:
            raise error
        return FALSE if is_or else TRUE
    return logic


def _predicate_value(value, macro):
    if kind_of(value) != "bool":
        raise no_overload(macro, value)
    return bool(value)


def _bind(scope, variables, key, value, two):
    inner = dict(scope)
    if two:
        inner[variables[0]], inner[variables[1]] = key, value
    else:
        inner[variables[0]] = value
    return inner


def _ranges(target, scope, macro):
    """(key, value) pairs; for one variable, a list binds its elements and a map its keys."""
    value = target(scope)
    items = op.iteration_items(value, macro)
    is_map = kind_of(value) == "map"
    return [(k, k if is_map else v, v) for k, v in items]


def _all_or_exists(is_all):
    def build(target, variables, exprs, macro):
        predicate = exprs[0]
        two = len(variables) == 2

        def run(scope):
            error = None
            for key, single, value in _ranges(target, scope, macro):
                try:
                    result = _predicate_value(predicate(_bind(scope, variables, key, value if two else single, two)), macro)
                    if result != is_all:
                        return FALSE if is_all else TRUE
                except CELError as exc:
                    error = error or exc
            if error is not None:
                raise error
            return TRUE if is_all else FALSE
        return run
    return build


def _exists_one(target, variables, exprs, macro):
    predicate = exprs[0]
    two = len(variables) == 2

    def run(scope):
        count = 0
        for key, single, value in _ranges(target, scope, macro):
            if _predicate_value(predicate(_bind(scope, variables, key, value if two else single, two)), macro):
                count += 1
        return ct.BoolType(count == 1)
    return run


def _map(target, variables, exprs, macro):
    keep, transform = (exprs[0], exprs[1]) if len(exprs) == 2 else (None, exprs[0])

    def run(scope):
        result = []
        for key, single, value in _ranges(target, scope, macro):
            inner = _bind(scope, variables, key, single, False)
            if keep is None or _predicate_value(keep(inner), macro):
                result.append(transform(inner))
        return ct.ListType(result)
    return run


def _filter(target, variables, exprs, macro):
    keep = exprs[0]

    def run(scope):
        return ct.ListType([single for key, single, value in _ranges(target, scope, macro)
                            if _predicate_value(keep(_bind(scope, variables, key, single, False)), macro)])
    return run


def _transform(shape):
    def build(target, variables, exprs, macro):
        keep, transform = (exprs[0], exprs[1]) if len(exprs) == 2 else (None, exprs[0])

        def run(scope):
            result = ct.ListType() if shape == "list" else ct.MapType()
            for key, single, value in _ranges(target, scope, macro):
                inner = _bind(scope, variables, key, value, True)
                if keep is not None and not _predicate_value(keep(inner), macro):
                    continue
                produced = transform(inner)
                if shape == "list":
                    result.append(produced)
                elif shape == "map":
                    result[key] = produced
                else:
                    if kind_of(produced) != "map":
                        raise no_overload(macro, produced)
                    for k, v in produced.items():
                        if op.contained_in(k, result):
                            raise CELError("insert failed: key %s already exists" % k)
                        result[k] = v
            return result
        return run
    return build


_COMPREHENSIONS = {
    "all": _all_or_exists(True), "exists": _all_or_exists(False), "exists_one": _exists_one,
    "existsOne": _exists_one, "map": _map, "filter": _filter, "transformList": _transform("list"),
    "transformMap": _transform("map"), "transformMapEntry": _transform("entry"),
}

_PASS_THROUGH = ("expr", "conditionalor", "conditionaland", "relation", "addition", "multiplication",
                 "unary", "member", "primary")


def _unwrap(tree):
    """The node under a chain of single-child pass-through nodes (an operand written alone)."""
    while isinstance(tree, lark.Tree) and tree.data in _PASS_THROUGH and len(tree.children) == 1:
        tree = tree.children[0]
    return tree


def _bare_ident(tree):
    node = _unwrap(tree)
    if isinstance(node, lark.Tree) and node.data == "ident":
        return node.children[0].value
    return None


__all__ = ["Compiler", "parse", "call", "MACROS", "Unsupported"]
