#!/usr/bin/env python3
"""kubecel against the semantics cel-go and Kubernetes document, one expression per line: what it
must give, or the error it must raise. Run: "$(scripts/python-env tests)" Tests/Conformance/test_kubecel.py"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import kubecel  # noqa: E402

ENV = kubecel.Environment(variables=("self", "oldSelf"))

TRUE = [
    # cel-spec: arithmetic, equality across numeric types, heterogeneous equality is false
    "1 + 2 == 3", "7 / 2 == 3", "-7 / 2 == -3", "-7 % 3 == -1", "1 == 1.0", "1u == 1", "!(true == 1)",
    "[1, 'a'] != [1, 'b']", "{'a': 1} == {'a': 1.0}", "'abc' < 'abd'", "1 < 1.5",
    # macros, including errors absorbed by all/exists and && / ||
    "[1, 2, 3].all(x, x > 0)", "[1, 2, 3].exists(x, x == 2)", "![1, 2, 3].exists_one(x, x > 1)",
    "[1, 2, 3].map(x, x * 2) == [2, 4, 6]", "[1, 2, 3].map(x, x > 1, x) == [2, 3]",
    "[1, 2, 3].filter(x, x % 2 == 1) == [1, 3]", "{'a': 1, 'b': 2}.all(k, k.size() == 1)",
    "[0, 1].exists(x, 1 / x == 1)", "![0, 1].all(x, 1 / x == 5)", "!(false && 1 / 0 == 1)", "1 / 0 == 1 || true",
    # has(): a set field, a missing one
    "has({'a': 1}.a)", "!has({'a': 1}.b)",
    # Kubernetes 1.32: two-variable comprehensions
    "[10, 20].all(i, v, v == (i + 1) * 10)", "{'a': 1}.transformMap(k, v, v + 1) == {'a': 2}",
    "[1, 2].transformList(i, v, v * 2) == [2, 4]", "{'a': 1}.existsOne(k, v, v == 1)",
    # durations and timestamps (Go's ParseDuration; RFC 3339)
    "duration('1h30m') == duration('90m')", "duration('1ms') > duration('999us')",
    "duration('-1.5s') < duration('0s')", "string(duration('90m')) == '5400s'",
    "timestamp('2024-01-01T00:00:00Z') + duration('24h') == timestamp('2024-01-02T00:00:00Z')",
    "timestamp('2024-03-01T12:00:00+02:00').getHours() == 10",
    # conversions
    "int('42') == 42", "string(1.5) == '1.5'", "string(1e6) == '1e+06'", "double('2.5') == 2.5",
    "bool('true')", "type(1) == int", "type('a') == string", "dyn(1) == 1",
    # ext.Strings v2
    "'hello'.charAt(1) == 'e'", "'hello'.indexOf('l') == 2", "'hello'.lastIndexOf('l') == 3",
    "'a,b,c'.split(',') == ['a', 'b', 'c']", "'a,b,c'.split(',', 2) == ['a', 'b,c']",
    "'tacocat'.substring(4) == 'cat'", "' x '.trim() == 'x'", "['a', 'b'].join('-') == 'a-b'",
    "'TacoCat'.lowerAscii() == 'tacocat'", "'aaa'.replace('a', 'b', 2) == 'bba'",
    "'%s is %d'.format(['x', 5]) == 'x is 5'", "strings.quote('a\"b') == '\"a\\\\\"b\"'",
    # Kubernetes libraries: lists, sets, regex, quantity, IP/CIDR, URL, semver, format
    "[1, 2, 3].isSorted()", "[3, 1, 2].min() == 1", "[1, 2].sum() == 3", "[1, 2, 1].lastIndexOf(1) == 2",
    "sets.contains([1, 2, 3], [2])", "sets.intersects([1], [1, 2])", "sets.equivalent([1, 2], [2, 1])",
    "'abc123'.find('[0-9]+') == '123'", "'a1b2'.findAll('[0-9]') == ['1', '2']",
    "quantity('1Gi').isGreaterThan(quantity('1G'))", "quantity('500m').add(quantity('500m')) == quantity('1')",
    "isQuantity('1.5Gi')", "!isQuantity('1.5GiB')",
    "isIP('10.0.0.1')", "!isIP('010.0.0.1')", "ip('::1').isLoopback()", "cidr('10.0.0.0/8').containsIP('10.1.2.3')",
    "url('https://example.com:8443/a?b=c').getPort() == '8443'", "!isURL('example.com')",
    "semver('1.2.3').isLessThan(semver('1.10.0'))", "isSemver('v1.2', true)",
    "format.dns1123Label().validate('Bad_Name').hasValue()", "!format.dns1123Label().validate('ok').hasValue()",
    "optional.of(1).orValue(2) == 1", "optional.none().orValue(2) == 2",
    "'x'.matches('^[a-z]$')", "size('héllo') == 5",
]

ERRORS = [
    ("{'a': 1}.b", kubecel.CELError, "no such key"), ("[1][3]", kubecel.CELError, "index out of range"),
    ("1 / 0", kubecel.CELError, "division by zero"), ("duration('1d')", kubecel.CELError, "invalid duration"),
    ("has({'a': 1}.b.c)", kubecel.CELError, "no such key"), ("9223372036854775807 + 1", kubecel.CELError, "overflow"),
    ("[1, 0].exists_one(x, 1 / x == 1)", kubecel.CELError, "division by zero"),
    ("'a' + 1", kubecel.NoOverload, "no such overload"), ("[].min()", kubecel.CELError, "empty list"),
    ("'abc'.substring(2, 1)", kubecel.CELError, "substring"),
]

NOT_COMPILED = ["unknownFunction(1)", "self.?field", "undeclared + 1"]


class KubeCEL(unittest.TestCase):
    def test_true(self):
        for text in TRUE:
            with self.subTest(text=text):
                value = ENV.compile(text).evaluate({})
                self.assertEqual(kubecel.kind_of(value), "bool")
                self.assertTrue(value)

    def test_errors(self):
        for text, error, fragment in ERRORS:
            with self.subTest(text=text):
                with self.assertRaises(error) as raised:
                    ENV.compile(text).evaluate({})
                self.assertIn(fragment, str(raised.exception))

    def test_not_compiled(self):
        for text in NOT_COMPILED:
            with self.subTest(text=text):
                with self.assertRaises(kubecel.CompileError):
                    ENV.compile(text)

    def test_set_lists_compare_unordered(self):
        a = kubecel.UnorderedList(kubecel.to_cel(["x", "y"]))
        self.assertTrue(ENV.compile("self == oldSelf").evaluate({"self": a, "oldSelf": kubecel.to_cel(["y", "x"])}))

    def test_transition_rule_names_old_self(self):
        self.assertIn("oldSelf", ENV.compile("self == oldSelf").variables)


if __name__ == "__main__":
    unittest.main()
