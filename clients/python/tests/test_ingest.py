"""Batched background ingestion: batching, retries, 400/413 handling, the drop policy, flush and exit."""
import os
import subprocess
import sys
import threading
import time
import unittest

from promptdeck import Promptdeck, record_usage
from tests.fake_server import FakeServer, Reply, closed_port_url, json_error


def rec(n):
    return {"modelId": "anthropic.claude-3-5-haiku-20241022-v1:0", "input": {"messages": [{"role": "user", "content": "q%d" % n}]}, "output": {"text": "a"}, "status": "ok", "metadata": {"n": n}}


class Ingestion(unittest.TestCase):
    def setUp(self):
        self.stored = []
        self.lock = threading.Lock()
        self.fake = FakeServer(self.ok)
        self.events = []

    def tearDown(self):
        self.fake.close()

    def ok(self, r):
        items = r.body["items"]
        with self.lock:
            self.stored.extend(i["metadata"]["n"] for i in items)
        return Reply(202, {"ids": ["x"] * len(items)})

    def client(self, url=None, **ingestion):
        opts = {"retry_base": 0.005, "retry_max": 0.02, "flush_at_exit": False}
        opts.update(ingestion)
        return Promptdeck(url or self.fake.url, "pd_test", on_error=self.events.append, ingestion=opts)

    def sizes(self):
        return [len(r.body["items"]) for r in self.fake.received]

    def test_full_batches_at_once_rest_on_flush(self):
        c = self.client(batch_size=100, flush_interval=60)
        for n in range(250):
            c.log(rec(n))
        deadline = time.time() + 5
        while len(self.stored) < 200 and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(0.05)
        self.assertEqual(self.sizes(), [100, 100])
        self.assertTrue(c.flush(5))
        self.assertEqual(self.stored, list(range(250)))
        self.assertEqual(c.ingestion_stats, {"queued": 0, "sent": 250, "dropped": 0, "retries": 0})
        first = self.fake.received[0].body["items"][0]
        self.assertRegex(first["startedAt"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        c.shutdown()

    def test_cache_token_counts_pass_through(self):
        c = self.client(batch_size=10, flush_interval=60)
        usage = {"inputTokens": 120, "outputTokens": 30, "cacheReadInputTokens": 4000, "cacheWriteInputTokens": 0}
        c.log({**rec(1), "usage": usage})
        c.log({**rec(2), "usage": {"inputTokens": 5, "outputTokens": 6, "cacheReadInputTokens": None, "cacheWriteInputTokens": 800}})
        self.assertTrue(c.flush(5))
        items = self.fake.received[0].body["items"]
        self.assertEqual([i["usage"] for i in items], [usage, {"inputTokens": 5, "outputTokens": 6, "cacheReadInputTokens": None, "cacheWriteInputTokens": 800}])
        c.shutdown()

    def test_record_usage_from_a_converse_response(self):
        # boto3's converse()["usage"]: the cache fields only when the model reported them
        self.assertEqual(record_usage({"inputTokens": 100, "outputTokens": 20, "totalTokens": 5120, "cacheReadInputTokens": 5000}),
                         {"inputTokens": 100, "outputTokens": 20, "cacheReadInputTokens": 5000})
        self.assertEqual(record_usage({"inputTokens": 1, "outputTokens": 2, "cacheReadInputTokens": 0, "cacheWriteInputTokens": 7}),
                         {"inputTokens": 1, "outputTokens": 2, "cacheReadInputTokens": 0, "cacheWriteInputTokens": 7})
        self.assertEqual(record_usage({"outputTokens": 3, "cacheWriteInputTokens": None}), {"inputTokens": 0, "outputTokens": 3})
        self.assertIsNone(record_usage(None))

    def test_partial_batch_on_the_interval(self):
        c = self.client(batch_size=100, flush_interval=0.05)
        c.log(rec(1))
        deadline = time.time() + 3
        while not self.stored and time.time() < deadline:
            time.sleep(0.01)
        self.assertEqual(self.stored, [1])
        self.assertEqual(len(self.fake.received), 1)
        c.shutdown()

    def test_retries_then_success(self):
        calls = {"n": 0}

        def h(r):
            calls["n"] += 1
            if calls["n"] == 1:
                return json_error(503, "unavailable", "down")
            if calls["n"] == 2:
                return json_error(429, "throttled", "slow down", headers={"retry-after": "0"})
            return self.ok(r)

        self.fake.handler = h
        c = self.client()
        for n in range(5):
            c.log(rec(n))
        self.assertTrue(c.flush(5))
        self.assertEqual(self.stored, list(range(5)))
        self.assertEqual([e["type"] for e in self.events], ["ingest_retry", "ingest_retry"])
        self.assertEqual(c.ingestion_stats["retries"], 2)

    def test_server_down_drops_after_max_retries(self):
        c = self.client(url=closed_port_url(), max_retries=2)
        c.log(rec(1))
        c.log(rec(2))
        self.assertTrue(c.flush(5))
        self.assertEqual([e["type"] for e in self.events], ["ingest_retry", "ingest_retry", "ingest_dropped"])
        self.assertEqual((self.events[2]["reason"], self.events[2]["records"], self.events[2]["error"].code), ("retries_exhausted", 2, "network_error"))

    def test_400_drops_only_the_named_records(self):
        def h(r):
            items = r.body["items"]
            bad = [i for i, it in enumerate(items) if it["metadata"]["n"] % 3 == 0]
            if bad:
                return json_error(400, "validation_error", "bad", [{"path": "items.%d.modelId" % i, "message": "x"} for i in bad])
            return self.ok(r)

        self.fake.handler = h
        c = self.client()
        for n in range(1, 10):
            c.log(rec(n))
        self.assertTrue(c.flush(5))
        self.assertEqual(self.stored, [1, 2, 4, 5, 7, 8])
        self.assertEqual([(e["type"], e["reason"], e["records"]) for e in self.events], [("ingest_dropped", "rejected", 3)])

    def test_401_drops_without_retry(self):
        self.fake.handler = lambda r: json_error(401, "unauthorized", "no key")
        c = self.client()
        c.log(rec(1))
        self.assertTrue(c.flush(5))
        self.assertEqual(len(self.fake.received), 1)
        self.assertEqual((self.events[0]["reason"], self.events[0]["error"].status), ("rejected", 401))

    def test_413_splits(self):
        self.fake.handler = lambda r: json_error(413, "payload_too_large", "too big") if len(r.body["items"]) > 3 else self.ok(r)
        c = self.client(batch_size=10)
        for n in range(10):
            c.log(rec(n))
        self.assertTrue(c.flush(5))
        self.assertEqual(sorted(self.stored), list(range(10)))
        self.assertEqual(self.events, [])

    def test_bounded_queue_drops_the_oldest(self):
        gate = threading.Event()

        def h(r):
            gate.wait(5)
            return self.ok(r)

        self.fake.handler = h
        c = self.client(batch_size=10, max_queue=20, flush_interval=60)
        for n in range(10):
            c.log(rec(n))
        time.sleep(0.1)  # that full batch is in flight, held by the server
        for n in range(10, 45):
            c.log(rec(n))
        self.assertEqual(c.ingestion_stats["queued"], 20)
        gate.set()
        self.assertTrue(c.flush(5))
        self.assertEqual(self.stored, list(range(10)) + list(range(25, 45)))
        self.assertEqual([(e["reason"], e["records"]) for e in self.events], [("queue_full", 15)])

    def test_shutdown_bounded(self):
        self.fake.handler = lambda r: (time.sleep(0.3), Reply(202, {"ids": ["x"]}))[1]
        c = self.client(batch_size=1)
        for n in range(5):
            c.log(rec(n))
        c.shutdown(0.1)
        self.assertTrue(any(e["type"] == "ingest_dropped" and e["reason"] == "shutdown" for e in self.events))
        c.log(rec(99))
        self.assertEqual((self.events[-1]["reason"], self.events[-1]["records"]), ("shutdown", 1))

    def test_options_are_checked(self):
        with self.assertRaises(ValueError):
            self.client(batch_size=1001)
        with self.assertRaises(ValueError):
            self.client(batch_size=100, max_queue=50)

    def test_flush_at_interpreter_exit(self):
        here = os.path.dirname(os.path.abspath(__file__))
        script = (
            "import sys\n"
            "from promptdeck import Promptdeck\n"
            "c = Promptdeck(sys.argv[1], 'k', ingestion={'flush_interval': 60})\n"
            "for n in range(1200):\n"
            "    c.log({'modelId': 'm', 'input': {'messages': [{'role': 'user', 'content': 'x'}]}, 'status': 'ok', 'metadata': {'n': n}})\n"
        )
        r = subprocess.run([sys.executable, "-c", script, self.fake.url], cwd=os.path.dirname(here), capture_output=True, text=True, timeout=30)
        self.assertEqual((r.returncode, r.stderr), (0, ""))
        self.assertEqual(self.stored, list(range(1200)))
        self.assertEqual(self.sizes(), [500, 500, 200])


if __name__ == "__main__":
    unittest.main()
