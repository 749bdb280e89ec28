"""Batched background ingestion of invocation records (POST /api/v1/invocations).

``log()`` only appends to an in-memory queue; a background thread sends batches of up to
``batch_size`` (max 1000) when a full batch is waiting and every ``flush_interval`` seconds,
one batch at a time (records arrive in the order they were logged).

- Memory is bounded: at most ``max_queue`` records wait (plus the batch in flight). When the
  queue is full the OLDEST waiting records are dropped (``queue_full``).
- 429, 5xx, timeouts and network errors are retried with exponential backoff and jitter
  (honouring Retry-After) up to ``max_retries`` times, then the batch is dropped
  (``retries_exhausted``). A batch refused as too large (413) is split in two. A 400 names the
  bad records: they are dropped (``rejected``) and the rest is sent again. 401/403 drop the
  batch (``rejected``).
- Delivery is at least once: a batch whose answer was lost is sent again.
- ``flush()`` waits until everything logged before it was sent (or dropped); ``shutdown()``
  flushes within a timeout and stops the thread. At interpreter exit (atexit) the queue is
  flushed for up to ``exit_timeout`` seconds, unless ``flush_at_exit`` is False.
"""
from __future__ import annotations

import atexit
import random
import re
import threading
import time
from collections import deque
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Mapping, Optional

from ._http import Transport, error_of
from .errors import PromptdeckError

MAX_BATCH = 1000


class Ingester:
    def __init__(
        self,
        transport: Transport,
        on_error: Callable[[Dict[str, Any]], None],
        *,
        batch_size: int = 500,
        flush_interval: float = 1.0,
        max_queue: int = 10_000,
        max_retries: int = 6,
        retry_base: float = 0.5,
        retry_max: float = 30.0,
        flush_at_exit: bool = True,
        exit_timeout: float = 5.0,
    ) -> None:
        if not (isinstance(batch_size, int) and 1 <= batch_size <= MAX_BATCH):
            raise ValueError("batch_size is 1 to %d" % MAX_BATCH)
        if max_queue < batch_size:
            raise ValueError("max_queue must be at least batch_size")
        self._t = transport
        self._on_error = on_error
        self.batch_size = batch_size
        self.flush_interval = flush_interval
        self.max_queue = max_queue
        self.max_retries = max_retries
        self.retry_base = retry_base
        self.retry_max = retry_max
        self.exit_timeout = exit_timeout
        self._flush_at_exit = flush_at_exit
        self._queue: "deque[Dict[str, Any]]" = deque()
        self._cond = threading.Condition()
        self._thread: Optional[threading.Thread] = None
        self._closed = False
        self._stop = False
        self._flush_wanted = False
        self._accepted = 0  # records ever queued
        self._settled = 0  # records sent or dropped
        self._pending_drops = 0
        self._oldest_at = 0.0
        self.sent = 0
        self.dropped = 0
        self.retries = 0

    @property
    def stats(self) -> Dict[str, int]:
        with self._cond:
            return {"queued": len(self._queue), "sent": self.sent, "dropped": self.dropped, "retries": self.retries}

    def log(self, record: Mapping[str, Any]) -> None:
        rec = dict(record)
        rec.setdefault("startedAt", datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"))
        with self._cond:
            if self._closed:
                self._drop(1, "shutdown")
                self._accepted += 1
                self._settled += 1
                return
            if not self._queue:
                self._oldest_at = time.monotonic()
            self._queue.append(rec)
            self._accepted += 1
            over = len(self._queue) - self.max_queue
            if over > 0:
                for _ in range(over):
                    self._queue.popleft()
                self._pending_drops += over
                self._settled += over
            self._start()
            if len(self._queue) == 1 or len(self._queue) >= self.batch_size:
                self._cond.notify_all()

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Waits until every record logged so far was sent or dropped; False if ``timeout`` ran out."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            target = self._accepted
            if self._settled >= target:
                self._report_queue_drops()
                return True
            self._flush_wanted = True
            self._start()
            self._cond.notify_all()
            while self._settled < target:
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left)
            self._report_queue_drops()
            return True

    def shutdown(self, timeout: float = 10.0) -> None:
        """Flushes for at most ``timeout`` seconds, drops what is left, and stops the thread."""
        done = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._stop = True
            if not done and self._queue:
                n = len(self._queue)
                self._queue.clear()
                self._settled += n
                self._drop(n, "shutdown")
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=1.0)

    # -- internals (called with the lock held unless noted) --

    def _start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="promptdeck-ingest", daemon=True)
        self._thread.start()
        if self._flush_at_exit:
            atexit.register(self._at_exit)

    def _at_exit(self) -> None:
        if not self._closed:
            self.shutdown(self.exit_timeout)

    def _drop(self, n: int, reason: str, error: Optional[PromptdeckError] = None) -> None:
        self.dropped += n
        event: Dict[str, Any] = {"type": "ingest_dropped", "reason": reason, "records": n}
        if error is not None:
            event["error"] = error
        self._report(event)

    def _report(self, event: Dict[str, Any]) -> None:
        try:
            self._on_error(event)
        except Exception:  # noqa: BLE001 - a hook that fails must not stop ingestion
            pass

    def _report_queue_drops(self) -> None:
        if self._pending_drops:
            n, self._pending_drops = self._pending_drops, 0
            self._drop(n, "queue_full")

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stop:
                    waited = time.monotonic() - self._oldest_at
                    if len(self._queue) >= self.batch_size or (self._queue and (waited >= self.flush_interval or self._flush_wanted)):
                        break
                    if not self._queue:
                        self._flush_wanted = False
                    # A partial batch goes once its oldest record has waited flush_interval.
                    self._cond.wait(max(0.005, self.flush_interval - waited) if self._queue else None)
                if self._stop:
                    return
                batch = [self._queue.popleft() for _ in range(min(self.batch_size, len(self._queue)))]
                if self._queue:
                    self._oldest_at = time.monotonic()
                self._report_queue_drops()
            self._send(batch)  # without the lock: log() never waits for the network

    def _settle(self, n: int) -> None:
        with self._cond:
            self._settled += n
            self._cond.notify_all()

    def _send(self, batch: List[Dict[str, Any]]) -> None:
        attempt = 0
        while True:
            retry_after = None
            try:
                res = self._t.send("POST", "/api/v1/invocations", body={"items": batch})
                if 200 <= res.status < 300:
                    res.close()
                    with self._cond:
                        self.sent += len(batch)
                    self._settle(len(batch))
                    return
                try:
                    body = res.raw.read()
                except OSError:
                    body = b""
                res.close()
                error = error_of(res.status, body, "POST /api/v1/invocations")
                retry_after = _retry_after(res.headers.get("retry-after"))
            except PromptdeckError as e:
                error = e
            if error.status == 413 and len(batch) > 1:
                half = (len(batch) + 1) // 2
                self._send(batch[:half])
                self._send(batch[half:])
                return
            if error.status == 400:
                bad = _bad_indices(error.details, len(batch))
                rest = [r for i, r in enumerate(batch) if i not in bad]
                dropped = len(batch) - len(rest) if bad else len(batch)
                with self._cond:
                    self._drop(dropped, "rejected", error)
                self._settle(dropped)
                if bad and rest:
                    self._send(rest)
                return
            if not error.unavailable:
                with self._cond:
                    self._drop(len(batch), "rejected", error)
                self._settle(len(batch))
                return
            if attempt >= self.max_retries:
                with self._cond:
                    self._drop(len(batch), "retries_exhausted", error)
                self._settle(len(batch))
                return
            backoff = min(self.retry_max, self.retry_base * 2**attempt)
            delay = retry_after if retry_after is not None else backoff * (0.5 + random.random() / 2)
            attempt += 1
            with self._cond:
                self.retries += 1
            self._report({"type": "ingest_retry", "records": len(batch), "attempt": attempt, "delay": delay, "error": error})
            time.sleep(delay)


def _retry_after(h: Optional[str]) -> Optional[float]:
    if not h:
        return None
    try:
        return min(max(float(h), 0.0), 60.0)
    except ValueError:
        return None


_ITEM = re.compile(r"^items\.(\d+)(\.|$)")


def _bad_indices(details: Any, n: int) -> set:
    out = set()
    if isinstance(details, list):
        for d in details:
            m = _ITEM.match(str(d.get("path", "")) if isinstance(d, dict) else "")
            if m and int(m.group(1)) < n:
                out.add(int(m.group(1)))
    return out
