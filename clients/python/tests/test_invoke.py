"""invoke (JSON and server-sent events) and feedback against a stand-in."""
import json
import time
import unittest

from promptdeck import Promptdeck, PromptdeckError
from tests.fake_server import FakeServer, Reply, json_error

RESULT = {"invocationId": "inv-1", "version": 3, "modelId": "m", "output": {"text": "Hello there"}, "stopReason": "end_turn", "usage": {"inputTokens": 5, "outputTokens": 2}, "latencyMs": 12, "timeToFirstTokenMs": None, "costUsd": None}


class Invoke(unittest.TestCase):
    def setUp(self):
        self.fake = FakeServer()
        self.c = Promptdeck(self.fake.url, "pd_test", on_error=lambda e: None)

    def tearDown(self):
        self.fake.close()

    def test_json_with_sticky_key(self):
        self.fake.handler = lambda r: Reply(200, dict(RESULT, canary=True))
        r = self.c.invoke("greet", {"q": "x"}, label="staging", sticky_key="user-9", metadata={"tags": ["t"]})
        self.assertEqual((r["invocationId"], r["canary"]), ("inv-1", True))
        got = self.fake.received[0]
        self.assertEqual((got.method, got.path), ("POST", "/api/v1/prompts/greet/invoke"))
        self.assertEqual(got.body, {"label": "staging", "variables": {"q": "x"}, "metadata": {"tags": ["t"], "userRef": "user-9"}})
        self.assertEqual(got.headers["content-type"], "application/json")
        self.c.invoke("greet", sticky_key="k", metadata={"sessionId": "s1"})
        self.assertEqual(self.fake.received[1].body, {"variables": {}, "metadata": {"sessionId": "s1"}})

    def test_errors(self):
        self.fake.handler = lambda r: json_error(429, "throttled", "Bedrock throttled the request.", {"invocationId": "inv-2"})
        with self.assertRaises(PromptdeckError) as cm:
            self.c.invoke("greet")
        e = cm.exception
        self.assertEqual((e.status, e.code, e.details, e.unavailable), (429, "throttled", {"invocationId": "inv-2"}, True))
        self.fake.handler = lambda r: Reply(502, raw=b"<html>bad gateway</html>", headers={"content-type": "text/html"})
        with self.assertRaises(PromptdeckError) as cm:
            self.c.invoke("greet")
        self.assertEqual(cm.exception.code, "http_502")

    def test_stream(self):
        chunks = ['event: delta\r\ndata: {"text":"Hel"}\r\n\r\n', "event: del", 'ta\ndata: {"text":"lo"}\n', "\n: comment\n\n", "event: done\ndata: %s\n\n" % json.dumps(RESULT)]
        self.fake.handler = lambda r: Reply(200, chunks=chunks)
        events = list(self.c.invoke_stream("greet", {"q": "x"}))
        self.assertEqual(events, [{"type": "delta", "text": "Hel"}, {"type": "delta", "text": "lo"}, {"type": "done", "result": RESULT}])
        self.assertEqual(self.fake.received[0].body, {"variables": {"q": "x"}, "stream": True})
        self.assertEqual(self.fake.received[0].headers["accept"], "text/event-stream")

    def test_stream_errors(self):
        self.fake.handler = lambda r: Reply(200, chunks=['event: delta\ndata: {"text":"a"}\n\n', 'event: error\ndata: {"error":{"code":"throttled","message":"slow","details":{"invocationId":"i"}}}\n\n'])
        seen = []
        with self.assertRaises(PromptdeckError) as cm:
            for e in self.c.invoke_stream("greet"):
                seen.append(e)
        self.assertEqual((cm.exception.code, cm.exception.details), ("throttled", {"invocationId": "i"}))
        self.assertEqual(seen, [{"type": "delta", "text": "a"}])
        self.fake.handler = lambda r: Reply(200, chunks=['event: delta\ndata: {"text":"a"}\n\n'])
        with self.assertRaises(PromptdeckError) as cm:
            list(self.c.invoke_stream("greet"))
        self.assertEqual(cm.exception.code, "incomplete_stream")
        self.fake.handler = lambda r: json_error(404, "not_found", "no prompt")
        with self.assertRaises(PromptdeckError) as cm:
            list(self.c.invoke_stream("greet"))
        self.assertEqual(cm.exception.status, 404)

    def test_leaving_the_loop_closes_the_connection(self):
        chunks = ['event: delta\ndata: {"text":"%d"}\n\n' % i for i in range(300)]
        self.fake.handler = lambda r: Reply(200, chunks=chunks, chunk_delay=0.005)
        for e in self.c.invoke_stream("greet"):
            if e["text"] == "2":
                break
        deadline = time.time() + 5
        while self.fake.closed_streams == 0 and time.time() < deadline:
            time.sleep(0.02)
        self.assertEqual(self.fake.closed_streams, 1)

    def test_feedback(self):
        self.fake.handler = lambda r: Reply(201, dict(r.body, id="f1", invocationId="inv 1"))
        f = self.c.feedback("inv 1", -1, comment="wrong", user_ref="u1")
        self.assertEqual((f["id"], f["score"]), ("f1", -1))
        got = self.fake.received[0]
        self.assertEqual(got.body, {"score": -1, "comment": "wrong", "userRef": "u1"})
        self.assertEqual(got.path, "/api/v1/invocations/inv%201/feedback")


if __name__ == "__main__":
    unittest.main()
