"""The outside world of the compose test, as one container on the compose network (stdlib only).

It serves the demo feed (GET: files under the mounted directory) and stands in for the webhook
receiver (POST: each request appended raw, headers and base64 body, to ``posts.jsonl`` there). It
does not judge what it gets: the test reads that file on the host and verifies the signatures with
Herald's own code, so the check is the same one every other receiver test makes.
"""

from __future__ import annotations

import base64
import json
import signal
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Peer(SimpleHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0")))
        record = {
            "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body": base64.b64encode(body).decode(),
        }
        with (Path(self.directory) / "posts.jsonl").open("a") as out:
            out.write(json.dumps(record) + "\n")
        self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    # As the container's first process it gets no default SIGTERM action: without this, `down` waits
    # out its stop timeout.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    directory, port = sys.argv[1], int(sys.argv[2])
    ThreadingHTTPServer(("0.0.0.0", port), partial(Peer, directory=directory)).serve_forever()
