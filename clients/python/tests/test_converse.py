"""converse_kwargs: exactly the Converse request Promptdeck's gateway sends (clients/converse-cases.json)."""
import json
import os
import unittest

from promptdeck import converse_input, converse_kwargs, model_family

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "..", "converse-cases.json"), encoding="utf-8") as f:
    CASES = json.load(f)["cases"]


class SharedConverseVectors(unittest.TestCase):
    def test_vectors(self):
        self.assertGreaterEqual(len(CASES), 10)
        for case in CASES:
            with self.subTest(case["name"]):
                self.assertEqual(converse_input(case["prompt"], case["rendered"]), case["expect"])


class ConverseKwargs(unittest.TestCase):
    prompt = {
        "template": {"system": "You judge {{topic}}.", "messages": [{"role": "user", "content": "{{text}}"}]},
        "modelId": "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
        "params": {"temperature": 0.1, "topK": 20, "maxTokens": 256},
        "guardrail": None,
    }

    def test_renders_and_maps(self):
        kw = converse_kwargs(self.prompt, {"topic": "spam", "text": "buy now"})
        self.assertEqual(
            kw,
            {
                "modelId": "us.anthropic.claude-3-7-sonnet-20250219-v1:0",
                "messages": [{"role": "user", "content": [{"text": "buy now"}]}],
                "system": [{"text": "You judge spam."}],
                "inferenceConfig": {"maxTokens": 256, "temperature": 0.1},
                "additionalModelRequestFields": {"top_k": 20},
            },
        )

    def test_passes_tool_config_and_more_through(self):
        tools = {"tools": [{"toolSpec": {"name": "lookup", "inputSchema": {"json": {"type": "object"}}}}]}
        kw = converse_kwargs(self.prompt, {"topic": "a", "text": "b"}, toolConfig=tools, additionalModelRequestFields={"anthropic_beta": ["x"]}, requestMetadata={"app": "demo"})
        self.assertEqual(kw["toolConfig"], tools)
        self.assertEqual(kw["additionalModelRequestFields"], {"top_k": 20, "anthropic_beta": ["x"]})
        self.assertEqual(kw["requestMetadata"], {"app": "demo"})

    def test_already_rendered(self):
        kw = converse_kwargs(self.prompt, rendered={"system": None, "messages": [{"role": "user", "content": "hi"}]})
        self.assertNotIn("system", kw)
        self.assertEqual(kw["messages"], [{"role": "user", "content": [{"text": "hi"}]}])

    def test_model_family(self):
        self.assertEqual(model_family("arn:aws:bedrock:us-east-1:1:inference-profile/eu.meta.llama3-1-8b-instruct-v1:0"), "meta")
        self.assertEqual(model_family("cohere.command-r-v1:0"), "cohere")


if __name__ == "__main__":
    unittest.main()
