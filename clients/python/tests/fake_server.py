"""A local stand-in for Promptdeck (http.server in a thread): tests program its answers."""
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


class Received:
    def __init__(self, method, path, query, headers, body):
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body


class Reply:
    """What a handler answers: status, JSON body (or raw bytes), headers; or chunks for a stream."""

    def __init__(self, status=200, body=None, headers=None, raw=None, chunks=None, delay=0.0, chunk_delay=0.0):
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.raw = raw
        self.chunks = chunks
        self.delay = delay
        self.chunk_delay = chunk_delay


class FakeServer:
    def __init__(self, handler=None):
        self.handler = handler or (lambda r: Reply(404, {"error": {"code": "not_found", "message": "no route"}}))
        self.received = []
        self.closed_streams = 0
        outer = self

        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def _serve(self):
                u = urlsplit(self.path)
                n = int(self.headers.get("content-length") or 0)
                text = self.rfile.read(n).decode("utf-8") if n else ""
                r = Received(self.command, u.path, {k: v[0] for k, v in parse_qs(u.query).items()}, {k.lower(): v for k, v in self.headers.items()}, json.loads(text) if text else None)
                outer.received.append(r)
                reply = outer.handler(r)
                if reply is None:  # hang
                    time.sleep(5)
                    return
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.chunks is not None:
                    self.send_response(reply.status)
                    self.send_header("content-type", "text/event-stream; charset=utf-8")
                    self.send_header("transfer-encoding", "chunked")
                    for k, v in reply.headers.items():
                        self.send_header(k, v)
                    self.end_headers()
                    try:
                        for c in reply.chunks:
                            data = c.encode("utf-8")
                            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                            self.wfile.flush()
                            if reply.chunk_delay:
                                time.sleep(reply.chunk_delay)
                        self.wfile.write(b"0\r\n\r\n")
                    except (BrokenPipeError, ConnectionResetError):
                        outer.closed_streams += 1
                    self.close_connection = True
                    return
                data = reply.raw if reply.raw is not None else (json.dumps(reply.body).encode("utf-8") if reply.body is not None else b"")
                self.send_response(reply.status)
                if reply.body is not None:
                    self.send_header("content-type", "application/json; charset=utf-8")
                for k, v in reply.headers.items():
                    self.send_header(k, v)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                if reply.status != 304:
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def closed_port_url():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return "http://127.0.0.1:%d" % port


def json_error(status, code, message, details=None, headers=None):
    err = {"code": code, "message": message}
    if details is not None:
        err["details"] = details
    return Reply(status, {"error": err}, headers)


def version_body(name, version, **extra):
    body = {
        "name": name,
        "version": version,
        "template": {"system": "Be brief.", "messages": [{"role": "user", "content": "v%d: {{q}}" % version}]},
        "variables": ["q"],
        "modelId": "anthropic.claude-3-5-haiku-20241022-v1:0",
        "params": {"temperature": 0.2, "topK": 10},
        "guardrail": None,
        "commitMessage": "v%d" % version,
        "labels": ["production"],
        "createdAt": "2026-12-01T00:00:00.000Z",
        "createdBy": "test",
        "createdByRef": None,
    }
    body.update(extra)
    return body
