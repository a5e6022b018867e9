"""A local, read-only SPARQL endpoint with a query page: the real Oxigraph server.

``serve`` loads the export into an on-disk Oxigraph store under ``.cache/``
(again only when the export's SHA-256 changes), then runs
``oxigraph serve-read-only`` on ``127.0.0.1:7878``: the SPARQL protocol at
``/query`` (updates get HTTP 403) and the bundled YASGUI page at ``/``.

Example (starts a process, so it is shown rather than run as a doctest)::

    with running_server(Path("exports/ofsted-kg.trig"), port=0) as server:
        print(server.url)            # http://127.0.0.1:40111/ (a free port)
"""

from __future__ import annotations

import hashlib
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .errors import ServiceError
from .files import write_atomic
from .store import DEFAULT_DATA, MERGE_INTO_DEFAULT

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
#: Where the on-disk store and the hash of the export it was built from are kept.
DEFAULT_CACHE = Path(".cache/oxigraph")
STARTUP_SECONDS = 20.0


def oxigraph_binary() -> str:
    """The ``oxigraph`` server program: next to this Python (in the venv), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise ServiceError("the oxigraph server program is missing: pip install 'oxigraph>=0.5' (or `make`)")
    return found


def _tail(path: Path) -> str:
    """The last non-empty line of a log file, for error messages."""
    try:
        lines = [line.strip() for line in path.read_text(errors="replace").splitlines() if line.strip()]
    except OSError:
        return ""
    return lines[-1] if lines else ""


def prepare_store(data: Path = DEFAULT_DATA, cache: Path = DEFAULT_CACHE) -> Path:
    """The Oxigraph store directory for ``data``, loaded unless the cached one was built from the same bytes."""
    data, cache = Path(data), Path(cache)
    if not data.is_file():
        raise ServiceError(f"{data}: export not found: run `ofsted-kg build` first, or pass --data")
    digest = hashlib.sha256(data.read_bytes()).hexdigest() + f"  {data.suffix} merged-default-graph\n"
    store, stamp = cache / "store", cache / "export.sha256"
    if store.is_dir() and stamp.is_file() and stamp.read_text() == digest:
        return store
    shutil.rmtree(store, ignore_errors=True)
    stamp.unlink(missing_ok=True)
    cache.mkdir(parents=True, exist_ok=True)
    log = cache / "load.log"
    with log.open("wb") as out:
        done = subprocess.run([oxigraph_binary(), "load", "--location", str(store), "--file", str(data)],
                              stdout=out, stderr=subprocess.STDOUT, check=False)
        if done.returncode == 0:  # the default graph is the merge of the named graphs, as in graph.store
            done = subprocess.run([oxigraph_binary(), "update", "--location", str(store),
                                   "--update", MERGE_INTO_DEFAULT],
                                  stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        shutil.rmtree(store, ignore_errors=True)
        raise ServiceError(f"oxigraph could not load {data}: {_tail(log) or f'exit code {done.returncode}'}")
    write_atomic(stamp, digest.encode())
    return store


def free_port(host: str = DEFAULT_HOST) -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def _check_port(host: str, port: int) -> None:
    """Raise ``ServiceError`` if ``host:port`` cannot be listened on (as the server would: SO_REUSEADDR)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as e:
            reason = "is in use (another server?)" if e.errno == 98 else f"cannot be used: {e.strerror}"
            raise ServiceError(f"port {port} on {host} {reason}; choose another with --port") from None


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@dataclass
class Server:
    """A running server process and where it listens."""

    process: subprocess.Popen
    host: str
    port: int

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def query_url(self) -> str:
        """The SPARQL protocol endpoint."""
        return self.url + "query"

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after 5 s) and wait for it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@contextmanager
def running_server(data: Path = DEFAULT_DATA, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                   cache: Path = DEFAULT_CACHE, timeout: float = 30.0) -> Iterator[Server]:
    """Start the read-only server over ``data`` and stop it on leaving the block.

    ``port=0`` picks a free port; ``timeout`` limits each query (seconds).
    """
    store = prepare_store(data, cache)
    port = port or free_port(host)
    _check_port(host, port)
    log = Path(cache) / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
             "--timeout-s", str(max(1, round(timeout)))],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
    server = Server(process, host, port)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _answers(host, port):
            if process.poll() is not None:
                raise ServiceError(f"the oxigraph server stopped at start: {_tail(log) or f'exit code {process.returncode}'}")
            if time.monotonic() > deadline:
                raise ServiceError(f"the oxigraph server did not answer on {host}:{port} within {STARTUP_SECONDS:g} s")
            time.sleep(0.05)
        yield server
    finally:
        server.stop()


def serve(data: Path = DEFAULT_DATA, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          cache: Path = DEFAULT_CACHE, timeout: float = 30.0, announce: Callable[[str], None] = print) -> None:
    """Run the server until Ctrl-C (or until it exits, which is an error), telling ``announce`` where it is."""
    try:
        with running_server(data, host=host, port=port, cache=cache, timeout=timeout) as server:
            announce(f"SPARQL endpoint {server.query_url}  (query page {server.url}; read-only; Ctrl-C stops)")
            code = server.process.wait()
            if code == -signal.SIGINT:  # Ctrl-C in a terminal reaches the whole process group
                raise KeyboardInterrupt
            raise ServiceError(f"the oxigraph server stopped unexpectedly (exit code {code}): "
                               f"{_tail(Path(cache) / 'server.log')}")
    except KeyboardInterrupt:
        announce("stopped")
