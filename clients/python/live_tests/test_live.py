"""The Python client against a RUNNING Promptdeck (PROMPTDECK_URL, PROMPTDECK_API_KEY with the admin
role): e2e/clients.spec.ts runs these against the production build Playwright starts.

    PROMPTDECK_URL=http://127.0.0.1:3000 PROMPTDECK_API_KEY=pd_... python3 -m unittest discover -s clients/python/live_tests -t clients/python
"""
import json
import os
import secrets
import socket
import threading
import time
import unittest
import urllib.request

from promptdeck import Promptdeck, PromptdeckError, converse_kwargs, record_usage

URL = os.environ.get("PROMPTDECK_URL", "")
KEY = os.environ.get("PROMPTDECK_API_KEY", "")
if not URL or not KEY:
    raise RuntimeError("The live tests need PROMPTDECK_URL and PROMPTDECK_API_KEY (an admin key) of a running Promptdeck.")
MODEL = "anthropic.claude-3-5-haiku-20241022-v1:0"


def unique(prefix):
    return "%s-%s-%s" % (prefix, format(int(time.time() * 1000), "x"), secrets.token_hex(3))


def api(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(URL + path, data=data, method=method, headers={"authorization": "Bearer " + KEY, **({"content-type": "application/json"} if data else {})})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read().decode()
        return json.loads(text) if text else None


def make_prompt(prefix, versions, production):
    name = unique(prefix)
    api("POST", "/api/v1/prompts", {"name": name, "description": "python client live test", "tags": ["client-live"]})
    for v in range(1, versions + 1):
        api("POST", "/api/v1/prompts/%s/versions" % name, {
            "template": {"system": "You answer in one word.", "messages": [{"role": "user", "content": "v%d: {{question}}{{#extra}} ({{.}}){{/extra}}" % v}]},
            "modelId": MODEL,
            "params": {"temperature": 0.1, "topK": 5, "maxTokens": 64},
            "commitMessage": "v%d" % v,
        })
    # Deployed 1 first, then moved: the label has a history to roll back through.
    api("PUT", "/api/v1/prompts/%s/labels/production" % name, {"version": 1, "expectedVersion": None})
    if production != 1:
        api("PUT", "/api/v1/prompts/%s/labels/production" % name, {"version": production, "expectedVersion": 1})
    return name


class Proxy:
    """A TCP forwarder to the server that can be stopped: "the server went down" for one client."""

    def __init__(self):
        host, port = URL.split("//")[1].split(":")[0], int(URL.rsplit(":", 1)[1].split("/")[0])
        self.target = (host, port)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.url = "http://127.0.0.1:%d" % self.sock.getsockname()[1]
        self.conns = []
        self.running = True
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while self.running:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            u = socket.create_connection(self.target)
            self.conns += [c, u]
            for a, b in ((c, u), (u, c)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(a, b):
        try:
            while True:
                d = a.recv(65536)
                if not d:
                    break
                b.sendall(d)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        self.running = False
        try:
            self.sock.shutdown(socket.SHUT_RDWR)  # unblocks accept(): nothing listens any more
        except OSError:
            pass
        self.sock.close()
        for c in self.conns:
            try:
                c.close()
            except OSError:
                pass


def client(**kw):
    kw.setdefault("on_error", lambda e: None)
    return Promptdeck(URL, KEY, **kw)


class LivePrompts(unittest.TestCase):
    def test_rollback_is_never_served_stale_once_any_answer_told_the_client(self):
        name = make_prompt("py-live-rb", 3, 2)
        other = make_prompt("py-live-other", 1, 1)
        c = client(cache_ttl=60)
        p = c.get_prompt(name)
        self.assertEqual((p.version, p.source), (2, "fetched"))
        c.get_prompt(other)
        self.assertEqual(c.get_prompt(name).source, "cache")
        before = c.cache.epoch
        api("POST", "/api/v1/prompts/%s/labels/production/rollback" % name, {"reason": "python live test"})
        o = c.get_prompt(other, revalidate=True)  # any answer tells the client that something changed
        self.assertGreater(o.epoch, before)
        p = c.get_prompt(name)
        self.assertEqual((p.version, p.source), (1, "fetched"))
        strict = client(cache_ttl=0)
        self.assertEqual(strict.get_prompt(name).version, 1)
        api("PUT", "/api/v1/prompts/%s/labels/production" % name, {"version": 3})
        p = strict.get_prompt(name)
        self.assertEqual((p.version, p.source), (3, "fetched"))

    def test_304_revalidation(self):
        name = make_prompt("py-live-304", 2, 1)
        c = client(cache_ttl=0)
        first = c.get_prompt(name)
        self.assertEqual(first.source, "fetched")
        self.assertEqual(c.get_prompt(name).source, "revalidated")
        client().get_prompt(make_prompt("py-live-304b", 1, 1))  # raises the epoch
        again = c.get_prompt(name)
        self.assertEqual((again.version, again.source), (1, "revalidated"))
        self.assertGreater(again.epoch, first.epoch)
        self.assertEqual(c.get_prompt(name, version=2).source, "fetched")

    def test_stale_if_error_when_the_server_is_unreachable(self):
        name = make_prompt("py-live-stale", 1, 1)
        proxy = Proxy()
        events = []
        c = Promptdeck(proxy.url, KEY, cache_ttl=0, timeout=2, on_error=events.append)
        self.assertEqual(c.get_prompt(name).source, "fetched")
        with self.assertRaises(PromptdeckError) as cm:
            c.get_prompt(unique("py-live-missing"))
        self.assertEqual(cm.exception.status, 404)
        proxy.stop()
        p = c.get_prompt(name)
        self.assertEqual((p.version, p.source, p.stale), (1, "stale", True))
        self.assertEqual([(e["type"], e["prompt"], e["error"].code) for e in events], [("stale", name, "network_error")])
        fb = {"template": {"messages": [{"role": "user", "content": "fallback {{x}}"}]}, "modelId": MODEL}
        self.assertEqual(c.get_prompt(unique("py-live-never"), fallback=fb).source, "fallback")

    def test_sticky_keys(self):
        name = make_prompt("py-live-sticky", 2, 1)
        c = client(cache_ttl=60)
        for key in ("user-a", "user-b"):
            p = c.get_prompt(name, sticky_key=key)
            self.assertEqual(p.version, 1)
            self.assertIn(p.canary, (None, False))
        self.assertEqual(c.get_prompt(name, sticky_key="user-a").source, "cache")

    def test_local_rendering_matches_the_server(self):
        name = make_prompt("py-live-render", 1, 1)
        p = client().get_prompt(name)
        variables = {"question": 'why <now> & "then"?', "extra": ["a", {"b": 1.0}, 2.5, 10**21]}
        server = api("POST", "/api/v1/prompts/%s/render" % name, {"variables": variables})
        self.assertEqual(p.render(variables), {"system": server["system"], "messages": server["messages"]})


class LiveInvoke(unittest.TestCase):
    def test_stream_then_feedback(self):
        name = make_prompt("py-live-stream", 1, 1)
        c = client()
        text, done = "", None
        for e in c.invoke_stream(name, {"question": "stream?"}, sticky_key="user-s"):
            if e["type"] == "delta":
                text += e["text"]
            else:
                done = e["result"]
        self.assertIsNotNone(done)
        self.assertGreater(len(text), 0)
        self.assertEqual(done["output"]["text"], text)
        fb = c.feedback(done["invocationId"], -1, comment="python live", user_ref="user-s")
        self.assertEqual(fb["score"], -1)
        inv = api("GET", "/api/v1/invocations/%s" % done["invocationId"])
        self.assertEqual(inv["metadata"].get("userRef"), "user-s")
        self.assertEqual([(f["score"], f["comment"]) for f in inv["feedback"]], [(-1, "python live")])

    def test_invoke_json_and_converse_kwargs_match_the_gateway(self):
        name = make_prompt("py-live-invoke", 1, 1)
        c = client()
        r = c.invoke(name, {"question": "json?"})
        self.assertEqual((r["version"], r["modelId"]), (1, MODEL))
        inv = api("GET", "/api/v1/invocations/%s" % r["invocationId"])
        kw = converse_kwargs(c.get_prompt(name), {"question": "json?"})
        # What the gateway sent to Bedrock, as logged, is what converse_kwargs builds.
        self.assertEqual(kw["messages"], [{"role": m["role"], "content": [{"text": m["content"]}]} for m in inv["input"]["messages"]])
        self.assertEqual(kw["system"], [{"text": inv["input"]["system"]}])
        self.assertEqual(kw["additionalModelRequestFields"], {"top_k": 5})
        with self.assertRaises(PromptdeckError) as cm:
            c.invoke(name, {})
        self.assertEqual((cm.exception.status, cm.exception.code), (400, "missing_variables"))

    def test_ingested_cache_tokens_are_stored_and_costed(self):
        name = make_prompt("py-live-cache", 1, 1)
        c = client(ingestion={"flush_at_exit": False})
        # boto3's converse()["usage"] of a call that read the prompt cache
        usage = record_usage({"inputTokens": 1000, "outputTokens": 100, "totalTokens": 51100, "cacheReadInputTokens": 50000})
        c.log({"promptName": name, "promptVersion": 1, "modelId": MODEL, "input": {"messages": [{"role": "user", "content": "q"}]}, "output": {"text": "a"}, "usage": usage, "status": "ok"})
        self.assertTrue(c.flush(30))
        item = api("GET", "/api/v1/invocations?prompt=%s" % name)["items"][0]
        inv = api("GET", "/api/v1/invocations/%s" % item["id"])
        self.assertEqual(inv["usage"], {"inputTokens": 1000, "outputTokens": 100, "cacheReadInputTokens": 50000, "cacheWriteInputTokens": 0})
        self.assertIsNotNone(inv["cacheSavingsUsd"])  # reads cost less than input tokens
        c.shutdown()

    def test_ingestion_of_a_few_thousand_records(self):
        name = make_prompt("py-live-ingest", 1, 1)
        c = client(ingestion={"batch_size": 1000, "flush_at_exit": False})
        n = 3000
        for i in range(n):
            c.log({"promptName": name, "promptVersion": 1, "modelId": MODEL, "input": {"messages": [{"role": "user", "content": "q%d" % i}]}, "output": {"text": "a"}, "usage": {"inputTokens": 3, "outputTokens": 1}, "latencyMs": 5, "status": "ok", "metadata": {"i": i}})
        self.assertTrue(c.flush(60))
        self.assertEqual(c.ingestion_stats, {"queued": 0, "sent": n, "dropped": 0, "retries": 0})
        count, cursor = 0, None
        while True:
            page = api("GET", "/api/v1/invocations?prompt=%s&limit=200%s" % (name, "&cursor=" + urllib.request.quote(cursor) if cursor else ""))
            count += len(page["items"])
            cursor = page["nextCursor"]
            if not cursor:
                break
        self.assertEqual(count, n)
        c.shutdown()


if __name__ == "__main__":
    unittest.main()
