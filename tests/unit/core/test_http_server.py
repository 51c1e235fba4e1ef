"""The shared small HTTP server: serves from a thread, closes its port on stop, can come back."""

from __future__ import annotations

import httpx
import pytest

from herald.core.http_server import BackgroundServer, QuietHandler


class Hello(QuietHandler):
    def do_GET(self) -> None:
        self.reply(200, b"hello " + self.path.encode(), {"content-type": "text/plain"})


def test_it_answers_then_refuses_after_stop_then_answers_again_on_the_same_port() -> None:
    server = BackgroundServer(Hello).start()
    url = f"{server.base_url}/x"
    try:
        answer = httpx.get(url, timeout=5)
        assert (answer.status_code, answer.text, answer.headers["content-length"]) == (200, "hello /x", "8")
        port = server.port
        server.stop()
        with pytest.raises(httpx.ConnectError):
            httpx.get(url, timeout=5)
        server.reopen()
        assert server.port == port
        assert httpx.get(url, timeout=5).text == "hello /x"
    finally:
        server.stop()


def test_stopping_a_server_that_never_served_returns_at_once_and_frees_the_port() -> None:
    server = BackgroundServer(Hello)
    server.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{server.base_url}/", timeout=5)
