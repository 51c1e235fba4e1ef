"""A real PostgreSQL server for tests, from Debian's binaries, in a temporary directory on a free port.

initdb refuses to run as root, and CI runs as root: the server then runs as ``nobody``, which owns
only its temporary directory (made directly under the system's temporary directory, since pytest's
own are private to root). Trust authentication on 127.0.0.1 is enough for a throwaway
cluster that listens nowhere else.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from herald_dev.local.ports import free_port

USER = "herald"


def bindir() -> Path | None:
    """Where initdb, pg_ctl and postgres are: PATH first, then Debian's versioned directories."""
    found = shutil.which("initdb")
    if found:
        return Path(os.path.realpath(found)).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    return Path(versions[0]).parent if versions else None


def _as_owner(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *argv]


@contextmanager
def postgres_server(database: str = "herald") -> Iterator[str]:
    """Start a server, create ``database``, yield its SQLAlchemy URL (psycopg), stop and remove it."""
    bins = bindir()
    if bins is None:
        raise RuntimeError("no PostgreSQL binaries (initdb); scripts/install-tools.sh installs them")
    base = Path(tempfile.mkdtemp(prefix="herald-pg-"))
    data, sockets = base / "data", base / "sockets"
    sockets.mkdir(exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(base, "nobody", "nogroup")
        shutil.chown(sockets, "nobody", "nogroup")
    port = free_port()
    subprocess.run(
        _as_owner(
            [str(bins / "initdb"), "-D", str(data), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
    log = base / "server.log"
    subprocess.run(
        _as_owner([str(bins / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(log), "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [str(bins / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, database],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://{USER}@127.0.0.1:{port}/{database}"
    finally:
        subprocess.run(
            _as_owner([str(bins / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(base, ignore_errors=True)
