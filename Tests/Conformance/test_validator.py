#!/usr/bin/env python3
"""The structural-schema and CEL features no vendored CRD exercises (an unserved version, embedded
resources, preserved unknown fields, int-or-string, nullable, set and map lists, defaults seen by
CEL, messageExpression, fieldPath, reason), on a CRD written here. Run:
"$(scripts/python-env tests)" Tests/Conformance/test_validator.py"""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import yaml  # noqa: E402

from validate import Validator  # noqa: E402

SCHEMA = {
    "type": "object",
    "properties": {
        "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
        "spec": {
            "type": "object",
            "required": ["size"],
            "properties": {
                "size": {"x-kubernetes-int-or-string": True},
                "mode": {"type": "string", "default": "Fast", "enum": ["Fast", "Safe"]},
                "note": {"type": "string", "nullable": True},
                "tags": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set"},
                "ports": {"type": "array", "x-kubernetes-list-type": "map", "x-kubernetes-list-map-keys": ["name"],
                          "items": {"type": "object", "required": ["name"], "properties": {
                              "name": {"type": "string"}, "port": {"type": "integer", "maximum": 65535}}}},
                "template": {"type": "object", "x-kubernetes-embedded-resource": True,
                             "x-kubernetes-preserve-unknown-fields": True},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
                "limit": {"type": "integer"},
            },
            "x-kubernetes-validations": [
                {"rule": "self.mode == 'Fast' || (has(self.limit) && self.limit > 0)", "message": "Safe needs a limit",
                 "fieldPath": ".limit", "reason": "FieldValueRequired"},
                {"rule": "!has(self.note) || self.note != 'bad'", "messageExpression": "'note says ' + self.note"},
                {"rule": "!has(self.extra) || self.extra.level > 0", "message": "extra needs a level"},
            ],
        },
    },
}


def crd(served_v1):
    versions = [{"name": "v1", "served": served_v1, "storage": False, "schema": {"openAPIV3Schema": SCHEMA}},
                {"name": "v2", "served": True, "storage": True, "schema": {"openAPIV3Schema": SCHEMA}}]
    return {"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": {"name": "widgets.example.com"},
            "spec": {"group": "example.com", "scope": "Namespaced", "versions": versions,
                     "names": {"kind": "Widget", "plural": "widgets", "singular": "widget", "listKind": "WidgetList"}}}


def widget(spec, version="v2"):
    return {"apiVersion": "example.com/%s" % version, "kind": "Widget",
            "metadata": {"name": "w", "namespace": "ns"}, "spec": spec}


class StructuralAndCEL(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory()
        os.makedirs(os.path.join(cls.folder.name, "example"))
        with open(os.path.join(cls.folder.name, "example", "widgets.yaml"), "w") as f:
            yaml.safe_dump(crd(served_v1=False), f)
        cls.validator = Validator("1.33", fail_unevaluated=True, fail_deprecated=True, crd_root=cls.folder.name)

    @classmethod
    def tearDownClass(cls):
        cls.folder.cleanup()

    def problems(self, obj):
        return [p.text() for p in self.validator.check(obj)]

    def assertOnly(self, obj, *fragments):
        found = self.problems(obj)
        self.assertEqual(len(found), len(fragments), found)
        for fragment, text in zip(fragments, found):
            self.assertIn(fragment, text)

    def test_valid(self):
        self.assertOnly(widget({"size": "10Gi", "tags": ["a", "b"], "note": None, "extra": {"level": 1, "anything": [1]},
                                "ports": [{"name": "http", "port": 80}],
                                "template": {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {}}}))

    def test_unserved_version(self):
        self.assertOnly(widget({"size": 1}, version="v1"), "apiVersion: example.com/v1 Widget is not served by its CRD")

    def test_int_or_string(self):
        self.assertOnly(widget({"size": True}), 'spec.size: Invalid value: "boolean": must be an integer or a string')

    def test_required_and_enum_block_cel(self):
        self.assertOnly(widget({"mode": "Slow"}), "spec.size: Required value", 'spec.mode: Unsupported value: "Slow"')

    def test_lists(self):
        self.assertOnly(widget({"size": 1, "tags": ["a", "a"], "ports": [{"name": "x"}, {"name": "x", "port": 70000}]}),
                        'spec.tags[1]: Duplicate value: "a"', "spec.ports[1].port: Invalid value: 70000: should be less than or equal to 65535",
                        'spec.ports[1]: Duplicate value: {name: "x"}')

    def test_embedded_resource_metadata_is_strict(self):
        self.assertOnly(widget({"size": 1, "template": {"apiVersion": "v1", "kind": "Pod", "metadata": {"nmae": "p"}}}),
                        "spec.template.metadata.nmae: unknown field")

    def test_unknown_field(self):
        self.assertOnly(widget({"size": 1, "colour": "red"}), "spec.colour: unknown field")

    def test_cel_sees_defaults_and_reason_and_field_path(self):
        self.assertOnly(widget({"size": 1, "mode": "Safe"}), "spec.limit: Required value: Safe needs a limit")
        self.assertOnly(widget({"size": 1}))  # mode defaults to Fast

    def test_a_cel_runtime_error_fails(self):
        self.assertOnly(widget({"size": 1, "extra": {}}), 'spec: Invalid value: "object": no such key: level evaluating rule: extra needs a level')

    def test_message_expression(self):
        self.assertOnly(widget({"size": 1, "note": "bad"}), 'spec: Invalid value: "object": note says bad')


if __name__ == "__main__":
    unittest.main()
