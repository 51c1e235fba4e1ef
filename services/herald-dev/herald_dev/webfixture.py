"""A scriptable HTTP server on 127.0.0.1 for the poller's tests and benchmark.

Each path answers through a handler that sees the request (path, headers) and returns a
:class:`Reply`; a reply's body may be an iterator of chunks with a pause between them (a slow
server) and is then sent without Content-Length, as a streaming server would. The server records
every request and how many were in flight at once per Host, which is how the per-host cap is
observed from the outside. Real HTTP over real sockets: nothing in the poller is replaced.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from herald.core.http_server import BackgroundServer, QuietHandler


@dataclass
class Request:
    path: str
    headers: dict[str, str]  # lower-case names

    @property
    def host(self) -> str:
        return self.headers.get("host", "").rsplit(":", 1)[0]


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterable[bytes] = b""
    pause: float = 0.0  # seconds between chunks of an iterable body


Handler = Callable[[Request], Reply]


class WebFixture:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.routes: dict[str, Handler] = {}
        self.requests: list[Request] = []
        self.hits: Counter[str] = Counter()
        self.active: Counter[str] = Counter()
        self.max_active: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        fixture = self

        class _Handler(QuietHandler):
            def do_GET(self) -> None:
                path = self.path.split("?", 1)[0]
                request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
                with fixture.lock:
                    fixture.requests.append(request)
                    fixture.hits[path] += 1
                    fixture.active[request.host] += 1
                    fixture.max_active[request.host] = max(
                        fixture.max_active[request.host], fixture.active[request.host]
                    )
                try:
                    handler = fixture.routes.get(path)
                    reply = handler(request) if handler else Reply(404, {}, b"not found")
                    self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (deadline, size cap): that is what some tests want
                finally:
                    with fixture.lock:
                        fixture.active[request.host] -= 1

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                if isinstance(reply.body, bytes | bytearray):
                    self.send_header("content-length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                    return
                self.send_header("connection", "close")
                self.end_headers()
                for chunk in reply.body:
                    if fixture.stopping.is_set():
                        return
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    if reply.pause:
                        time.sleep(reply.pause)

        self.http = BackgroundServer(_Handler, host, port, name="webfixture", queue_size=256)

    @property
    def port(self) -> int:
        return self.http.port

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def route(self, path: str, handler: Handler | Reply) -> str:
        """Serve ``path``; returns its URL on 127.0.0.1."""
        if isinstance(handler, Reply):
            reply = handler
            self.routes[path] = lambda _request: reply
        else:
            self.routes[path] = handler
        return self.url(path)

    def __enter__(self) -> WebFixture:
        self.http.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.http.stop()


def rss(title: str, items: list[dict[str, str]], *, language: str = "en", ttl: int | None = None) -> bytes:
    """An RSS 2.0 document; each item may have title, link, guid, description, pubDate."""
    from xml.sax.saxutils import escape

    parts = []
    for item in items:
        fields = "".join(
            f"<{tag}>{escape(item[key])}</{tag}>"
            for key, tag in (
                ("title", "title"),
                ("link", "link"),
                ("guid", "guid"),
                ("description", "description"),
                ("pubDate", "pubDate"),
            )
            if key in item
        )
        parts.append(f"<item>{fields}</item>")
    ttl_tag = f"<ttl>{ttl}</ttl>" if ttl else ""
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.org/</link><language>{language}</language>{ttl_tag}"
        f"<description>{escape(title)}</description>{''.join(parts)}</channel></rss>"
    ).encode()
