"""The small threaded HTTP server behind the heartbeat and the development fixtures.

The standard library's server is enough for them (a few requests a second, no TLS: they listen on
loopback or behind the cluster's own network), and one wrapper gives all of them the same three
properties: request threads never keep the process alive, request logging stays out of Herald's
logs, and ``stop()`` closes the port so a test can watch a peer go down and come back.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler without the standard library's per-request stderr lines."""

    def log_message(self, *args: Any) -> None:
        return None

    def reply(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


class BackgroundServer:
    """A :class:`ThreadingHTTPServer` on ``host:port`` (0: a free port) served from a daemon thread."""

    def __init__(
        self,
        handler: type[BaseHTTPRequestHandler],
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        name: str = "http",
        poll_interval: float = 0.5,
        queue_size: int | None = None,
    ) -> None:
        self.handler, self.name, self.poll_interval, self.queue_size = (
            handler,
            name,
            poll_interval,
            queue_size,
        )
        self._thread: threading.Thread | None = None
        self._serving = False  # shutdown() waits for a serve loop: never call it without one
        self._open(host, port)

    def _open(self, host: str, port: int) -> None:
        self.server = ThreadingHTTPServer((host, port), self.handler, bind_and_activate=False)
        self.server.daemon_threads = True
        if self.queue_size is not None:
            self.server.request_queue_size = self.queue_size  # read by server_activate's listen()
        try:
            self.server.server_bind()
            self.server.server_activate()
        except BaseException:
            self.server.server_close()
            raise

    @property
    def host(self) -> str:
        return str(self.server.server_address[0])

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> BackgroundServer:
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": self.poll_interval}, name=self.name
        )
        self._thread.daemon = True
        self._serving = True
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve on the calling thread until :meth:`stop` (from another thread or a signal handler)."""
        self._serving = True
        self.server.serve_forever(poll_interval=self.poll_interval)

    def stop(self) -> None:
        """Stop serving and close the port: connections are refused, as from a host that is down."""
        if self._serving:
            self.server.shutdown()
            self._serving = False
        self.server.server_close()

    def reopen(self) -> BackgroundServer:
        """Listen again on the same address after :meth:`stop`, with the same handler."""
        self._open(self.host, self.port)
        return self.start()
