"""The shared template vectors (clients/template-cases.json), which the server and the TypeScript client run too."""
import json
import os
import unittest

from promptdeck.errors import TemplateError
from promptdeck.template import extract_variables, render_template

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "..", "template-cases.json"), encoding="utf-8") as f:
    CASES = json.load(f)["cases"]


class SharedTemplateVectors(unittest.TestCase):
    def test_there_are_cases(self):
        self.assertGreater(len(CASES), 60)

    def test_vectors(self):
        for case in CASES:
            with self.subTest(case["name"]):
                if "variableNames" in case:
                    self.assertEqual(extract_variables(case["template"]), case["variableNames"])
                else:
                    with self.assertRaises(TemplateError):
                        extract_variables(case["template"])
                if "expect" in case:
                    self.assertEqual(render_template(case["template"], case["variables"]), case["expect"])
                    continue
                with self.assertRaises(TemplateError) as cm:
                    render_template(case["template"], case["variables"])
                err = case["error"]
                self.assertEqual(cm.exception.code, err["code"])
                if err["code"] == "missing_variables":
                    self.assertEqual(cm.exception.missing, err["missing"])
                else:
                    self.assertEqual((cm.exception.where, cm.exception.message), (err["where"], err["message"]))


class PythonValues(unittest.TestCase):
    def test_variables_are_taken_as_json(self):
        t = {"messages": [{"role": "user", "content": "{{a}}|{{b}}|{{c}}"}]}
        out = render_template(t, {"a": (1, 2), "b": 2.0, "c": 10**30})["messages"][0]["content"]
        self.assertEqual(out, "[1,2]|2|1e+30")
        with self.assertRaises(TypeError):
            render_template(t, {"a": object(), "b": 1, "c": 1})


if __name__ == "__main__":
    unittest.main()
