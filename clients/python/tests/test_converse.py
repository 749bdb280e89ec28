"""converse_kwargs: exactly the Converse request Promptdeck's gateway sends (clients/converse-cases.json)."""
import json
import os
import unittest

from promptdeck import ServedPrompt, converse_input, converse_kwargs, converse_models, model_family, tool_config

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "..", "..", "converse-cases.json"), encoding="utf-8") as f:
    CASES = json.load(f)["cases"]


class SharedConverseVectors(unittest.TestCase):
    def test_vectors(self):
        self.assertGreaterEqual(len(CASES), 10)
        for case in CASES:
            with self.subTest(case["name"]):
                got = converse_input(case["prompt"], case["rendered"], model_id=case.get("fallback"))
                self.assertEqual(got, case["expect"])
                # what boto3 sends: the same JSON, no None hiding in the request
                self.assertEqual(json.loads(json.dumps(got)), case["expect"])

    def test_vectors_cover_the_bundle(self):
        self.assertTrue(any(c["prompt"].get("tools") for c in CASES))
        self.assertTrue(any("system" in (c["prompt"].get("cachePoints") or []) for c in CASES))
        self.assertTrue(any(c.get("fallback") for c in CASES))

    def test_vectors_through_a_served_prompt(self):
        """A ServedPrompt (attributes, as get_prompt returns it) maps like the version dict."""
        for case in CASES:
            with self.subTest(case["name"]):
                raw = {"name": "p", "version": 1, "template": {"messages": []}, **case["prompt"]}
                served = ServedPrompt(raw, None, "fetched", None)
                self.assertEqual(converse_kwargs(served, rendered=case["rendered"], model_id=case.get("fallback")), case["expect"])


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

    def test_bundle_of_a_served_prompt(self):
        tool = {"name": "lookup", "description": "Finds an order", "inputSchema": {"type": "object", "properties": {"id": {"type": "integer"}}}}
        raw = {**self.prompt, "name": "support", "version": 3, "tools": [tool], "toolChoice": {"tool": "lookup"}, "outputSchema": {"type": "object"},
               "cachePoints": ["system", 0], "fallbacks": ["amazon.nova-lite-v1:0"]}
        served = ServedPrompt(raw, None, "fetched", None)
        self.assertEqual((served.tools, served.tool_choice, served.cache_points, served.fallbacks), ([tool], {"tool": "lookup"}, ["system", 0], ["amazon.nova-lite-v1:0"]))
        self.assertEqual(served.converse_models(), ["us.anthropic.claude-3-7-sonnet-20250219-v1:0", "amazon.nova-lite-v1:0"])
        self.assertEqual(converse_models(raw), served.converse_models())
        kw = served.converse_kwargs({"topic": "orders", "text": "where is 7?"})
        cp = {"cachePoint": {"type": "default"}}
        self.assertEqual(kw["system"], [{"text": "You judge orders."}, cp])
        self.assertEqual(kw["messages"], [{"role": "user", "content": [{"text": "where is 7?"}, cp]}])
        self.assertEqual(kw["toolConfig"], {"tools": [{"toolSpec": {"name": "lookup", "description": "Finds an order", "inputSchema": {"json": tool["inputSchema"]}}}], "toolChoice": {"tool": {"name": "lookup"}}})
        self.assertNotIn("outputSchema", kw)
        # on the fallback: the same request to another model, top_k as that family takes it
        fb = served.converse_kwargs({"topic": "orders", "text": "where is 7?"}, model_id="amazon.nova-lite-v1:0")
        self.assertEqual(fb["modelId"], "amazon.nova-lite-v1:0")
        self.assertEqual(fb["additionalModelRequestFields"], {"inferenceConfig": {"topK": 20}})
        self.assertEqual({k: v for k, v in fb.items() if k not in ("modelId", "additionalModelRequestFields")}, {k: v for k, v in kw.items() if k not in ("modelId", "additionalModelRequestFields")})
        # a toolConfig given by the caller replaces the version's
        mine = {"tools": [{"toolSpec": {"name": "x", "inputSchema": {"json": {}}}}]}
        self.assertEqual(served.converse_kwargs({"topic": "a", "text": "b"}, toolConfig=mine)["toolConfig"], mine)

    def test_a_fallback_prompt_has_no_bundle(self):
        served = ServedPrompt({"name": "p", "version": 0, "template": self.prompt["template"], "modelId": "amazon.nova-lite-v1:0"}, None, "fallback", None)
        kw = served.converse_kwargs({"topic": "a", "text": "b"})
        self.assertNotIn("toolConfig", kw)
        self.assertEqual(kw["messages"], [{"role": "user", "content": [{"text": "b"}]}])
        self.assertEqual(served.converse_models(), ["amazon.nova-lite-v1:0"])

    def test_tool_config(self):
        self.assertIsNone(tool_config([], "auto"))  # a choice without tools is not sent
        self.assertIsNone(tool_config(None))
        self.assertEqual(tool_config([{"name": "t", "description": "d", "inputSchema": {}}], "any")["toolChoice"], {"any": {}})

    def test_model_family(self):
        self.assertEqual(model_family("arn:aws:bedrock:us-east-1:1:inference-profile/eu.meta.llama3-1-8b-instruct-v1:0"), "meta")
        self.assertEqual(model_family("cohere.command-r-v1:0"), "cohere")


if __name__ == "__main__":
    unittest.main()
