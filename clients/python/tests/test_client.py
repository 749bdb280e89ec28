"""get_prompt against a programmable stand-in: cache, epoch, revalidation, stale-if-error, fallbacks, canaries."""
import re
import threading
import time
import unittest

from promptdeck import Promptdeck, PromptdeckError
from tests.fake_server import FakeServer, Reply, closed_port_url, json_error, version_body


class PromptServer:
    """Serves GET /api/v1/prompts/{name} from `state`."""

    def __init__(self):
        self.state = {"version": 1, "epoch": 1, "status": 200, "canary": None, "canary_header": None}
        self.fake = FakeServer(self.handle)

    def handle(self, r):
        m = re.match(r"^/api/v1/prompts/([^/]+)$", r.path)
        if not m or r.method != "GET":
            return json_error(404, "not_found", "no route")
        if r.headers.get("authorization") != "Bearer pd_test":
            return json_error(401, "unauthorized", "API key missing or unknown.")
        s = self.state
        if s["status"] == "hang":
            return None
        if s["status"] == 404:
            return json_error(404, "not_found", 'Prompt has no label "production".')
        if s["status"] != 200:
            return json_error(s["status"], "internal_error", "Something went wrong on our side.")
        extra = {"canary": s["canary"]} if s["canary"] is not None else {}
        headers = {"etag": '"v%d"' % s["version"]}
        if s["epoch"] is not None:
            headers["x-promptdeck-epoch"] = str(s["epoch"])
        if s["canary_header"]:
            headers["x-promptdeck-canary"] = s["canary_header"]
        if r.headers.get("if-none-match") == headers["etag"]:
            return Reply(304, None, headers)
        from urllib.parse import unquote

        return Reply(200, version_body(unquote(m.group(1)), s["version"], **extra), headers)


class GetPrompt(unittest.TestCase):
    def setUp(self):
        self.srv = PromptServer()
        self.events = []

    def tearDown(self):
        self.srv.fake.close()

    def client(self, **kw):
        kw.setdefault("cache_ttl", 60)
        return Promptdeck(self.srv.fake.url, "pd_test", on_error=self.events.append, **kw)

    def gets(self):
        return len([r for r in self.srv.fake.received if r.method == "GET"])

    def test_fetch_then_cache(self):
        c = self.client()
        p = c.get_prompt("greet")
        self.assertEqual((p.name, p.version, p.source, p.stale, p.epoch, p.canary), ("greet", 1, "fetched", False, 1, None))
        self.assertNotIn("label", self.srv.fake.received[0].query)
        self.assertEqual(c.get_prompt("greet").source, "cache")
        self.assertEqual(self.gets(), 1)
        self.assertEqual(p.render({"q": "hi"}), {"system": "Be brief.", "messages": [{"role": "user", "content": "v1: hi"}]})

    def test_ttl_then_304_then_change(self):
        c = self.client(cache_ttl=0.05)
        c.get_prompt("greet", label="staging")
        time.sleep(0.08)
        p = c.get_prompt("greet", label="staging")
        self.assertEqual((p.version, p.source), (1, "revalidated"))
        self.assertEqual(self.srv.fake.received[1].headers.get("if-none-match"), '"v1"')
        self.assertEqual(self.srv.fake.received[1].query["label"], "staging")
        time.sleep(0.08)
        self.srv.state["version"] = 2
        p = c.get_prompt("greet", label="staging")
        self.assertEqual((p.version, p.source), (2, "fetched"))

    def test_a_newer_epoch_on_any_answer_forces_revalidation(self):
        c = self.client()
        self.assertEqual(c.get_prompt("a").version, 1)
        self.srv.state.update(version=3, epoch=2)  # a label moved somewhere
        self.assertEqual(c.get_prompt("b").epoch, 2)
        p = c.get_prompt("a")
        self.assertEqual((p.version, p.source, p.epoch), (3, "fetched", 2))
        self.assertEqual(c.cache.epoch, 2)
        self.assertEqual(c.get_prompt("a").source, "cache")

    def test_lagging_instance(self):
        c = self.client()
        self.srv.state["epoch"] = 5
        c.get_prompt("a")
        self.srv.state["epoch"] = 4
        self.assertEqual(c.get_prompt("b").epoch, 4)
        self.assertEqual(c.get_prompt("b").source, "revalidated")
        self.srv.state["epoch"] = 5
        self.assertEqual(c.get_prompt("b").source, "revalidated")
        self.assertEqual(c.get_prompt("b").source, "cache")

    def test_without_epoch_header_ttl_decides(self):
        self.srv.state["epoch"] = None
        c = self.client()
        c.get_prompt("a")
        c.get_prompt("b")
        self.assertEqual(c.get_prompt("a").source, "cache")

    def test_revalidate_and_ttl_zero(self):
        c = self.client(cache_ttl=0)
        c.get_prompt("a")
        self.assertEqual(c.get_prompt("a").source, "revalidated")
        d = self.client()
        d.get_prompt("a")
        self.assertEqual(d.get_prompt("a", revalidate=True).source, "revalidated")

    def test_one_request_for_concurrent_gets(self):
        self.srv.fake.handler = lambda r: (time.sleep(0.05), self.srv.handle(r))[1]
        c = self.client()
        out = []
        threads = [threading.Thread(target=lambda: out.append(c.get_prompt("a").version)) for _ in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(out, [1] * 10)
        self.assertEqual(self.gets(), 1)

    def test_copies_are_independent(self):
        c = self.client()
        p = c.get_prompt("a")
        p.template["messages"].append({"role": "user", "content": "x"})
        self.assertEqual(len(c.get_prompt("a").template["messages"]), 1)

    def test_lru(self):
        c = self.client(cache_max_entries=2)
        c.get_prompt("a")
        c.get_prompt("b")
        c.get_prompt("a")
        c.get_prompt("c")
        self.assertEqual(len(c.cache), 2)
        self.assertEqual(c.get_prompt("a").source, "cache")
        self.assertEqual(c.get_prompt("b").source, "fetched")

    def test_bad_selectors(self):
        c = self.client()
        with self.assertRaises(ValueError):
            c.get_prompt("a", label="x", version=2)
        with self.assertRaises(ValueError):
            c.get_prompt("a", version=0)
        self.assertEqual(self.gets(), 0)

    def test_names_are_encoded(self):
        c = self.client()
        p = c.get_prompt("a b/c", version=7)
        self.assertEqual(p.name, "a b/c")
        self.assertEqual(self.srv.fake.received[0].query["version"], "7")

    def test_sticky_keys_and_canary(self):
        c = self.client()
        self.srv.state.update(canary=True, version=2)
        p = c.get_prompt("a", sticky_key="user-1")
        self.assertEqual((p.version, p.canary), (2, True))
        self.assertEqual(self.srv.fake.received[0].query["stickyKey"], "user-1")
        self.srv.state.update(canary=False, version=1)
        self.assertEqual((c.get_prompt("a", sticky_key="user-2").version, c.get_prompt("a", sticky_key="user-2").canary), (1, False))
        p = c.get_prompt("a", sticky_key="user-1")
        self.assertEqual((p.version, p.canary, p.source), (2, True, "cache"))
        self.srv.state.update(canary=None, canary_header="true")
        self.assertIs(c.get_prompt("b").canary, True)
        self.srv.state["canary_header"] = None
        self.assertIsNone(c.get_prompt("c").canary)


class StaleIfError(unittest.TestCase):
    def setUp(self):
        self.srv = PromptServer()
        self.events = []

    def tearDown(self):
        self.srv.fake.close()

    def client(self, **kw):
        kw.setdefault("cache_ttl", 0)
        return Promptdeck(self.srv.fake.url, "pd_test", on_error=self.events.append, **kw)

    def test_5xx_and_429_serve_the_last_good_copy(self):
        c = self.client()
        c.get_prompt("a")
        for status in (500, 503, 429):
            self.srv.state["status"] = status
            p = c.get_prompt("a")
            self.assertEqual((p.version, p.source, p.stale), (1, "stale", True))
        self.assertEqual([e["type"] for e in self.events], ["stale"] * 3)
        self.assertEqual(self.events[0]["error"].status, 500)
        self.assertEqual(self.events[0]["label"], "production")
        self.srv.state["status"] = 200
        self.assertEqual(c.get_prompt("a").source, "revalidated")

    def test_unreachable_and_timeout(self):
        c = self.client(timeout=0.2)
        c.get_prompt("a")
        self.srv.state["status"] = "hang"
        self.assertEqual(c.get_prompt("a").source, "stale")
        self.assertEqual(self.events[-1]["error"].code, "timeout")
        self.srv.fake.close()
        self.assertEqual(c.get_prompt("a").source, "stale")
        self.assertEqual(self.events[-1]["error"].code, "network_error")

    def test_max_stale(self):
        c = self.client(max_stale=0.03)
        c.get_prompt("a")
        time.sleep(0.05)
        self.srv.state["status"] = 503
        with self.assertRaises(PromptdeckError) as cm:
            c.get_prompt("a")
        self.assertEqual(cm.exception.status, 503)

    def test_fallback_when_nothing_cached(self):
        c = Promptdeck(closed_port_url(), on_error=self.events.append)
        fb = {"template": {"messages": [{"role": "user", "content": "Hi {{name}}"}]}, "modelId": "amazon.nova-lite-v1:0"}
        p = c.get_prompt("a", fallback=fb)
        self.assertEqual((p.source, p.stale, p.version, p.variables, p.params), ("fallback", True, 0, ["name"], {}))
        self.assertEqual(p.render({"name": "Ann"})["messages"][0]["content"], "Hi Ann")
        self.assertEqual([e["type"] for e in self.events], ["fallback"])
        with self.assertRaises(PromptdeckError) as cm:
            c.get_prompt("a")
        self.assertEqual((cm.exception.code, cm.exception.unavailable), ("network_error", True))

    def test_never_stale_or_fallback_after_404(self):
        c = self.client()
        c.get_prompt("a")
        self.srv.state["status"] = 404
        fb = {"template": {"messages": [{"role": "user", "content": "x"}]}, "modelId": "m"}
        with self.assertRaises(PromptdeckError) as cm:
            c.get_prompt("a", fallback=fb)
        self.assertEqual((cm.exception.status, cm.exception.code, cm.exception.unavailable), (404, "not_found", False))
        self.srv.state["status"] = 503
        with self.assertRaises(PromptdeckError) as cm:
            c.get_prompt("a")
        self.assertEqual(cm.exception.status, 503)
        self.assertEqual(self.events, [])

    def test_401_is_not_stale(self):
        c = self.client()
        c.get_prompt("a")
        bad = Promptdeck(self.srv.fake.url, "pd_wrong", on_error=self.events.append)
        with self.assertRaises(PromptdeckError) as cm:
            bad.get_prompt("a")
        self.assertEqual((cm.exception.status, cm.exception.code), (401, "unauthorized"))


class Construction(unittest.TestCase):
    def test_env_and_bad_url(self):
        import os

        saved = dict(os.environ)
        try:
            os.environ["PROMPTDECK_URL"] = "http://127.0.0.1:1"
            os.environ["PROMPTDECK_API_KEY"] = "k"
            Promptdeck()
            del os.environ["PROMPTDECK_URL"]
            with self.assertRaises(ValueError):
                Promptdeck()
            with self.assertRaises(ValueError):
                Promptdeck("ftp://x")
        finally:
            os.environ.clear()
            os.environ.update(saved)


if __name__ == "__main__":
    unittest.main()
