"""The Promptdeck client for Python applications (standard library only)."""
from __future__ import annotations

import json
import os
import re
import ssl
import sys
import threading
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional
from urllib.parse import quote as _quote

from ._http import Transport, error_of
from .cache import CacheEntry, PromptCache
from .converse import converse_kwargs
from .errors import PromptdeckError
from .ingest import Ingester
from .sse import read_events
from .template import extract_variables, render_template

__version__ = "0.1.0"

EPOCH_HEADER = "x-promptdeck-epoch"
CANARY_HEADER = "x-promptdeck-canary"



def _seg(s: Any) -> str:
    return _quote(str(s), safe="")


class ServedPrompt:
    """A prompt version as served, with where it came from.

    Attributes: ``name``, ``version``, ``template``, ``variables``, ``model_id``, ``params``,
    ``guardrail``, the Bedrock bundle (``tools``, ``tool_choice``, ``output_schema``,
    ``cache_points``, ``fallbacks``), ``labels``, ``commit_message`` and ``raw`` (the server's JSON), plus
    ``canary`` (True/False when the server said whether it served a canary version, else None),
    ``source`` (``cache``, ``revalidated`` (304), ``fetched`` (200), ``stale`` (server unavailable:
    the last good copy) or ``fallback``), ``stale`` (True for stale and fallback) and ``epoch``.
    """

    def __init__(self, raw: Dict[str, Any], canary: Optional[bool], source: str, epoch: Optional[int]) -> None:
        self.raw = raw
        self.name: str = raw["name"]
        self.version: int = raw["version"]
        self.template: Dict[str, Any] = raw["template"]
        self.variables = raw.get("variables", [])
        self.model_id: str = raw["modelId"]
        self.params: Dict[str, Any] = raw.get("params") or {}
        self.guardrail = raw.get("guardrail")
        # The Bedrock bundle (empty for a version without one, and for a fallback prompt).
        self.tools: List[Dict[str, Any]] = raw.get("tools") or []
        self.tool_choice = raw.get("toolChoice")
        self.output_schema = raw.get("outputSchema")
        self.cache_points: List[Any] = raw.get("cachePoints") or []
        self.fallbacks: List[str] = raw.get("fallbacks") or []
        self.labels = raw.get("labels", [])
        self.commit_message = raw.get("commitMessage", "")
        self.canary = canary
        self.source = source
        self.stale = source in ("stale", "fallback")
        self.epoch = epoch

    def render(self, variables: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """``{system, messages}`` rendered with the server's rules (raises TemplateError)."""
        return render_template(self.template, variables or {})

    def converse_kwargs(self, variables: Optional[Mapping[str, Any]] = None, **extra: Any) -> Dict[str, Any]:
        """Keyword arguments for boto3 ``bedrock-runtime`` ``converse`` (see promptdeck.converse);
        ``model_id=`` one of ``converse_models()`` for a fallback."""
        return converse_kwargs(self, variables, **extra)

    def converse_models(self) -> List[str]:
        """The models to try, in order: the version's, then its fallbacks."""
        return [self.model_id] + list(self.fallbacks)

    def __repr__(self) -> str:
        return "ServedPrompt(name=%r, version=%r, source=%r, canary=%r)" % (self.name, self.version, self.source, self.canary)


def _default_on_error(event: Dict[str, Any]) -> None:
    err = event.get("error")
    msg = {
        "stale": lambda: "serving a stale copy of %s (confirmed %.0f s ago)" % (event["prompt"], event["age"]),
        "fallback": lambda: "serving the fallback of %s" % event["prompt"],
        "ingest_retry": lambda: "ingestion of %d record(s) failed (attempt %d), retrying in %.1f s" % (event["records"], event["attempt"], event["delay"]),
        "ingest_dropped": lambda: "dropped %d invocation record(s) (%s)" % (event["records"], event["reason"]),
    }[event["type"]]()
    print("promptdeck: %s%s" % (msg, ": %s" % err if err else ""), file=sys.stderr)


class Promptdeck:
    """A Promptdeck client: prompts (epoch-safe cache, ETag revalidation, stale-if-error, fallbacks,
    canary stickiness), local rendering, invoke (JSON and streaming), ingestion and feedback.

    ``url`` and ``api_key`` default to PROMPTDECK_URL and PROMPTDECK_API_KEY. ``cache_ttl``
    (seconds, default 5; 0 = always revalidate) and ``cache_max_entries`` (default 1000) shape
    the cache; ``max_stale`` bounds how old a last good copy may be when it is served because the
    server is unavailable (default: no bound). ``on_error(event)`` hears about stale copies,
    fallbacks and ingestion retries/drops (default: a line on stderr). ``ingestion`` holds the
    Ingester's options (batch_size, flush_interval, max_queue, max_retries, flush_at_exit...).
    """

    def __init__(
        self,
        url: Optional[str] = None,
        api_key: Optional[str] = None,
        *,
        timeout: float = 10.0,
        invoke_timeout: float = 150.0,
        cache_ttl: float = 5.0,
        cache_max_entries: int = 1000,
        max_stale: Optional[float] = None,
        on_error: Optional[Callable[[Dict[str, Any]], None]] = None,
        ingestion: Optional[Mapping[str, Any]] = None,
        ssl_context: Optional[ssl.SSLContext] = None,
    ) -> None:
        url = url or os.environ.get("PROMPTDECK_URL")
        if not url:
            raise ValueError("Promptdeck: give url or set PROMPTDECK_URL")
        if not re.match(r"^https?://", url):
            raise ValueError("Promptdeck: url must start with http:// or https:// (got %s)" % url)
        self._t = Transport(url, api_key if api_key is not None else os.environ.get("PROMPTDECK_API_KEY"), timeout, "promptdeck-client-python/%s" % __version__, ssl_context)
        self.invoke_timeout = invoke_timeout
        self.cache = PromptCache(cache_ttl, cache_max_entries)
        self.max_stale = max_stale
        self._on_error = on_error or _default_on_error
        self._key_locks: Dict[Any, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self._ingester = Ingester(self._t, self._report, **dict(ingestion or {}))

    # -- prompts --

    def get_prompt(
        self,
        name: str,
        *,
        label: Optional[str] = None,
        version: Optional[int] = None,
        sticky_key: Optional[str] = None,
        fallback: Optional[Mapping[str, Any]] = None,
        revalidate: bool = False,
    ) -> ServedPrompt:
        """The version a label (default production) or number points at, through the cache.

        ``sticky_key``: canary stickiness (the same key always gets the same side; sent as
        ``?stickyKey=``, cached per key). ``fallback``: ``{template, modelId, params?, version?}``
        served when the server is unavailable and nothing was cached, never after a 404.
        ``revalidate``: ask the server even if the cached copy is fresh.
        """
        if not name:
            raise ValueError("get_prompt: a prompt name is required")
        if label is not None and version is not None:
            raise ValueError("get_prompt: give either label or version, not both")
        if version is not None and not (isinstance(version, int) and version >= 1):
            raise ValueError("get_prompt: version is a positive integer")
        sel_label = (label or "production") if version is None else None
        key = (name, sel_label, version, sticky_key)
        entry = self.cache.get(key)
        if entry is not None and not revalidate and self.cache.is_fresh(entry):
            return self._served(entry, "cache")
        try:
            with self._lock_for(key):
                # Another thread may have refreshed it while this one waited (one request per key).
                entry = self.cache.get(key)
                if entry is not None and not revalidate and self.cache.is_fresh(entry):
                    return self._served(entry, "cache")
                return self._revalidate(key, name, label, version, sticky_key)
        except PromptdeckError as err:
            if not err.unavailable:
                raise
            where = {"prompt": name, "label": sel_label, "version": version}
            last = self.cache.get(key)
            if last is not None and (self.max_stale is None or self.cache.age(last) <= self.max_stale):
                self._report({"type": "stale", **where, "age": self.cache.age(last), "error": err})
                return self._served(last, "stale")
            if fallback is not None:
                self._report({"type": "fallback", **where, "error": err})
                return self._fallback(name, fallback)
            raise

    def _lock_for(self, key: Any) -> threading.Lock:
        with self._locks_lock:
            lock = self._key_locks.get(key)
            if lock is None:
                if len(self._key_locks) > 4 * self.cache.max_entries:
                    self._key_locks.clear()
                lock = self._key_locks[key] = threading.Lock()
            return lock

    def _revalidate(self, key: Any, name: str, label: Optional[str], version: Optional[int], sticky_key: Optional[str]) -> ServedPrompt:
        path = "/api/v1/prompts/" + _seg(name)
        known = self.cache.get(key)
        headers = {"if-none-match": known.etag} if known is not None and known.etag else {}
        res = self._t.send("GET", path, query={"label": label, "version": version, "stickyKey": sticky_key}, headers=headers)
        epoch_h = res.headers.get(EPOCH_HEADER)
        epoch = int(epoch_h) if epoch_h is not None and epoch_h.isdigit() else None
        self.cache.observe(epoch)
        if res.status == 304 and known is not None:
            res.close()
            entry = self.cache.set(key, known.version, res.headers.get("etag") or known.etag, epoch, known.canary)
            return self._served(entry, "revalidated")
        if 200 <= res.status < 300:
            body = res.read_json("GET " + path)
            if not isinstance(body, dict) or not isinstance(body.get("version"), int) or "template" not in body:
                raise PromptdeckError(res.status, "bad_response", "GET %s: the answer is not a prompt version." % path)
            canary = body.get("canary") if isinstance(body.get("canary"), bool) else {"true": True, "false": False}.get(res.headers.get(CANARY_HEADER, ""))
            entry = self.cache.set(key, body, res.headers.get("etag"), epoch, canary)
            return self._served(entry, "fetched")
        try:
            raw = res.raw.read()
        except OSError:
            raw = b""
        res.close()
        if res.status == 404:
            self.cache.delete(key)  # the prompt, label or version is gone: never serve it again
        raise error_of(res.status, raw, "GET " + path)

    @staticmethod
    def _served(e: CacheEntry, source: str) -> ServedPrompt:
        # A copy per caller: one caller's changes never reach another's.
        return ServedPrompt(json.loads(json.dumps(e.version)), e.canary, source, e.epoch)

    @staticmethod
    def _fallback(name: str, f: Mapping[str, Any]) -> ServedPrompt:
        raw = {
            "name": name,
            "version": f.get("version", 0),
            "template": f["template"],
            "variables": extract_variables(f["template"]),
            "modelId": f["modelId"],
            "params": dict(f.get("params") or {}),
            "guardrail": None,
            "commitMessage": "fallback given by the application",
            "labels": [],
        }
        return ServedPrompt(raw, None, "fallback", None)

    def render(self, prompt: Any, variables: Optional[Mapping[str, Any]] = None) -> Dict[str, Any]:
        """Renders a ServedPrompt (or a dict with ``template``) exactly as the server would."""
        template = prompt.template if isinstance(prompt, ServedPrompt) else prompt["template"]
        return render_template(template, variables or {})

    # -- invoke --

    @staticmethod
    def _invoke_body(label, version, variables, metadata, sticky_key, stream: bool) -> Dict[str, Any]:
        if label is not None and version is not None:
            raise ValueError("invoke: give either label or version, not both")
        meta = dict(metadata or {})
        if sticky_key is not None and "userRef" not in meta and "sessionId" not in meta:
            meta["userRef"] = sticky_key
        body: Dict[str, Any] = {"variables": dict(variables or {})}
        if label is not None:
            body["label"] = label
        if version is not None:
            body["version"] = version
        if stream:
            body["stream"] = True
        if meta:
            body["metadata"] = meta
        return body

    def invoke(self, name: str, variables: Optional[Mapping[str, Any]] = None, *, label: Optional[str] = None, version: Optional[int] = None, metadata: Optional[Mapping[str, Any]] = None, sticky_key: Optional[str] = None, timeout: Optional[float] = None) -> Dict[str, Any]:
        """Runs a prompt on Bedrock through Promptdeck (logged there); the JSON answer.

        ``sticky_key`` goes as ``metadata.userRef`` unless the metadata names a userRef or sessionId."""
        body = self._invoke_body(label, version, variables, metadata, sticky_key, False)
        result, _ = self._t.request_json("POST", "/api/v1/prompts/%s/invoke" % _seg(name), body=body, timeout=timeout or self.invoke_timeout)
        return result

    def invoke_stream(self, name: str, variables: Optional[Mapping[str, Any]] = None, *, label: Optional[str] = None, version: Optional[int] = None, metadata: Optional[Mapping[str, Any]] = None, sticky_key: Optional[str] = None, timeout: Optional[float] = None) -> Iterator[Dict[str, Any]]:
        """Same, streaming: yields ``{"type": "delta", "text"}`` as the model writes, then
        ``{"type": "done", "result"}``. An error the stream reports, or a stream that ends without
        ``done``, raises PromptdeckError. Closing the generator (or leaving the loop) closes the connection."""
        body = self._invoke_body(label, version, variables, metadata, sticky_key, True)
        path = "/api/v1/prompts/%s/invoke" % _seg(name)
        res = self._t.send("POST", path, body=body, headers={"accept": "text/event-stream"}, timeout=timeout or self.invoke_timeout)
        try:
            if not 200 <= res.status < 300:
                raise error_of(res.status, res.raw.read(), "POST " + path)
            if not res.headers.get("content-type", "").startswith("text/event-stream"):
                raise PromptdeckError(res.status, "bad_response", "POST %s: expected text/event-stream, got %s." % (path, res.headers.get("content-type")))
            try:
                for event, data in read_events(res.raw):
                    if event == "delta":
                        yield {"type": "delta", "text": json.loads(data)["text"]}
                    elif event == "done":
                        yield {"type": "done", "result": json.loads(data)}
                        return
                    elif event == "error":
                        e = json.loads(data).get("error") or {}
                        raise PromptdeckError(res.status, e.get("code", "upstream_error"), "POST %s: %s" % (path, e.get("message", "the stream failed")), e.get("details"))
            except ValueError as e:
                raise PromptdeckError(res.status, "bad_response", "POST %s: an event is not JSON." % path) from e
            except OSError as e:
                raise PromptdeckError(None, "network_error", "POST %s: the stream broke off (%s)." % (path, e)) from e
            raise PromptdeckError(res.status, "incomplete_stream", "POST %s: the stream ended without a done event." % path)
        finally:
            res.close()

    # -- feedback and ingestion --

    def feedback(self, invocation_id: str, score: int, *, comment: Optional[str] = None, user_ref: Optional[str] = None) -> Dict[str, Any]:
        """Thumbs up (1) or down (-1); the same user_ref voting again replaces its vote."""
        body: Dict[str, Any] = {"score": score}
        if comment is not None:
            body["comment"] = comment
        if user_ref is not None:
            body["userRef"] = user_ref
        result, _ = self._t.request_json("POST", "/api/v1/invocations/%s/feedback" % _seg(invocation_id), body=body)
        return result

    def log(self, record: Mapping[str, Any]) -> None:
        """Queues a record of a call the application made to Bedrock itself (sent in the background)."""
        self._ingester.log(record)

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends everything queued so far and waits; False if ``timeout`` (seconds) ran out."""
        return self._ingester.flush(timeout)

    def shutdown(self, timeout: float = 10.0) -> None:
        """Flushes for at most ``timeout`` seconds and stops the background sender."""
        self._ingester.shutdown(timeout)

    @property
    def ingestion_stats(self) -> Dict[str, int]:
        return self._ingester.stats

    def _report(self, event: Dict[str, Any]) -> None:
        try:
            self._on_error(event)
        except Exception:  # noqa: BLE001 - a failing hook must not break the client
            pass

    def __enter__(self) -> "Promptdeck":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.shutdown()
