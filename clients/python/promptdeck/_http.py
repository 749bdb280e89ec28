"""HTTP with the standard library (urllib): JSON requests, error mapping, streaming answers."""
from __future__ import annotations

import json
import socket
import ssl
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Mapping, Optional, Tuple

from .errors import PromptdeckError


class Response:
    """An answer: status, headers (lower-case names) and the open body (for streams)."""

    def __init__(self, status: int, headers: Dict[str, str], raw: Any) -> None:
        self.status = status
        self.headers = headers
        self.raw = raw

    def read_json(self, what: str) -> Any:
        try:
            return json.loads(self.raw.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise PromptdeckError(self.status, "bad_response", "%s: the answer is not JSON." % what) from e
        except (socket.timeout, TimeoutError) as e:
            raise PromptdeckError(None, "timeout", "%s: the answer broke off (timeout)." % what) from e
        except OSError as e:
            raise PromptdeckError(None, "network_error", "%s: the answer broke off (%s)." % (what, e)) from e
        finally:
            self.close()

    def close(self) -> None:
        try:
            self.raw.close()
        except Exception:  # noqa: BLE001 - closing a broken connection may fail; nothing to do
            pass


def error_of(status: int, body: bytes, what: str) -> PromptdeckError:
    text = body.decode("utf-8", "replace")
    try:
        err = json.loads(text).get("error")
        if isinstance(err, dict) and isinstance(err.get("code"), str):
            return PromptdeckError(status, err["code"], "%s: %s" % (what, err.get("message") or err["code"]), err.get("details"))
    except (ValueError, AttributeError):
        pass
    return PromptdeckError(status, "http_%d" % status, "%s: HTTP %d %s" % (what, status, text[:200]))


class Transport:
    def __init__(self, base_url: str, api_key: Optional[str], timeout: float, user_agent: str, ssl_context: Optional[ssl.SSLContext] = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.user_agent = user_agent
        self.ssl_context = ssl_context
        # Never follow redirects silently, and never use a proxy for a localhost server.
        self.opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ssl_context)) if ssl_context else urllib.request.build_opener()

    def url(self, path: str, query: Optional[Mapping[str, Any]] = None) -> str:
        q = {k: str(v) for k, v in (query or {}).items() if v is not None}
        return self.base_url + path + ("?" + urllib.parse.urlencode(q) if q else "")

    def send(self, method: str, path: str, *, query: Optional[Mapping[str, Any]] = None, body: Any = None, headers: Optional[Mapping[str, str]] = None, timeout: Optional[float] = None) -> Response:
        """Any HTTP answer as a Response (errors too); PromptdeckError when no answer came."""
        h = {"accept": "application/json", "user-agent": self.user_agent}
        if self.api_key:
            h["authorization"] = "Bearer " + self.api_key
        data = None
        if body is not None:
            data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            h["content-type"] = "application/json"
        h.update(headers or {})
        req = urllib.request.Request(self.url(path, query), data=data, headers=h, method=method)
        what = "%s %s" % (method, path)
        try:
            raw = self.opener.open(req, timeout=timeout if timeout is not None else self.timeout)
            return Response(raw.status, {k.lower(): v for k, v in raw.headers.items()}, raw)
        except urllib.error.HTTPError as e:
            return Response(e.code, {k.lower(): v for k, v in (e.headers or {}).items()}, e)
        except (socket.timeout, TimeoutError) as e:
            raise PromptdeckError(None, "timeout", "%s: no answer within %s s." % (what, timeout if timeout is not None else self.timeout)) from e
        except urllib.error.URLError as e:
            reason = e.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise PromptdeckError(None, "timeout", "%s: no answer within %s s." % (what, timeout if timeout is not None else self.timeout)) from e
            raise PromptdeckError(None, "network_error", "%s: could not reach Promptdeck (%s)." % (what, reason)) from e
        except (OSError, ValueError) as e:
            raise PromptdeckError(None, "network_error", "%s: could not reach Promptdeck (%s)." % (what, e)) from e

    def request_json(self, method: str, path: str, **kw: Any) -> Tuple[Any, Response]:
        """A request whose 2xx answer is JSON; raises PromptdeckError otherwise."""
        res = self.send(method, path, **kw)
        what = "%s %s" % (method, path)
        if not 200 <= res.status < 300:
            try:
                body = res.raw.read()
            except OSError:
                body = b""
            res.close()
            raise error_of(res.status, body, what)
        return res.read_json(what), res
