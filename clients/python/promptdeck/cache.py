"""The prompt cache, with the same guarantee as the TypeScript client.

An entry is served without asking the server only while it is FRESH: the server confirmed it
(200 or 304) less than ``ttl`` seconds ago, AND its serving epoch is not older than the newest
epoch this client has seen on any answer (``X-Promptdeck-Epoch``, raised by every label move,
rollback or removal anywhere in the catalog). So once any answer tells the client that something
changed, every copy cached before it is revalidated (If-None-Match; 304 when unchanged) before it
is served again. Copies that are not fresh are kept as the last good copy: for the ETag, and for
stale-if-error.
"""
from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any, Dict, Optional


class CacheEntry:
    __slots__ = ("version", "etag", "epoch", "canary", "confirmed_at")

    def __init__(self, version: Dict[str, Any], etag: Optional[str], epoch: Optional[int], canary: Optional[bool], confirmed_at: float) -> None:
        self.version = version
        self.etag = etag
        self.epoch = epoch
        self.canary = canary
        self.confirmed_at = confirmed_at


class PromptCache:
    def __init__(self, ttl: float = 5.0, max_entries: int = 1000, clock=time.monotonic) -> None:
        if ttl < 0:
            raise ValueError("ttl must be >= 0")
        if max_entries < 1:
            raise ValueError("max_entries must be >= 1")
        self.ttl = ttl
        self.max_entries = max_entries
        self._clock = clock
        self._entries: "OrderedDict[Any, CacheEntry]" = OrderedDict()
        self._epoch = -1
        self._lock = threading.Lock()

    @property
    def epoch(self) -> int:
        """The newest serving epoch seen on any answer (-1: none yet)."""
        return self._epoch

    def observe(self, epoch: Optional[int]) -> None:
        with self._lock:
            if epoch is not None and epoch > self._epoch:
                self._epoch = epoch

    def get(self, key: Any) -> Optional[CacheEntry]:
        with self._lock:
            e = self._entries.get(key)
            if e is not None:
                self._entries.move_to_end(key)
            return e

    def is_fresh(self, e: CacheEntry) -> bool:
        return self._clock() - e.confirmed_at < self.ttl and (e.epoch if e.epoch is not None else -1) >= self._epoch

    def age(self, e: CacheEntry) -> float:
        return self._clock() - e.confirmed_at

    def set(self, key: Any, version: Dict[str, Any], etag: Optional[str], epoch: Optional[int], canary: Optional[bool]) -> CacheEntry:
        e = CacheEntry(version, etag, epoch, canary, self._clock())
        with self._lock:
            self._entries[key] = e
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return e

    def delete(self, key: Any) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
