"""Real app servers for the tests that need several processes: gunicorn on a free port of 127.0.0.1."""

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(**variables: str) -> dict[str, str]:
    """The environment of a production-like process: DEBUG off, the tests' settings (static files found where they lie)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RENCONTRES_", "DJANGO_", "DATABASE_URL"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "RENCONTRES_DEBUG": "0",
        "RENCONTRES_ALLOWED_HOSTS": "127.0.0.1",
        "RENCONTRES_REGISTRATION_LIMITS": "0",
    }
    return env | variables


def request(port: int, method: str, path: str, body: bytes | None = None, headers=None, timeout=20.0):
    """One request: (status, headers as a dict with lower-case names, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], *, log_path: Path, workers: int = 1, ready_path: str = "/robots.txt"):
    """A gunicorn master serving the site, answering on `ready_path`; stopped however we leave."""
    port = free_port()
    log = open(log_path, "ab")  # noqa: SIM115 (open for the server's whole life)
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "rencontres.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)],
        env=env,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}: {log_path.read_text()[-2000:]}")
            try:
                request(port, "GET", ready_path, timeout=5)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not answer in {START_TIMEOUT:.0f} s") from None
                time.sleep(0.1)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
