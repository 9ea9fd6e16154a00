"""Several app servers and task workers on one PostgreSQL, proven together.

    .venv/bin/python bench/cluster.py [--registrations 2000] [--clients 64] [--no-faults]
                                      [--database-url postgres://...]

Starts on 127.0.0.1 what a national network runs: two app servers (two gunicorn masters on
two ports) behind a round-robin proxy (a small asyncio one, in this process), two
`db_worker` processes, Redis (the machine's `redis-server`, one database flushed) as the
shared cache, a mail server (aiosmtpd, in this process) that counts what it receives, and one
PostgreSQL database. By default the database lives in a PostgreSQL cluster this script
creates itself (initdb, on a free port, in a temporary folder) so that it can restart and
crash it; the machine's own cluster is never touched. `--database-url` uses an existing
server instead, without the faults.

Then it checks, one JSON line each (`"check"`, `"ok"` and the figures):
- rush: registrations for an event of 30 places from 64 clients through the proxy (both
  servers): 0 overbooked, 0 lost, 0 errors, and the waiting list in commit order (a person
  whose registration was answered before another's was sent is ahead of them);
- one_server: the same rush on one server alone, and the rps of 1 server against 2 (on 2
  cores a second server shares the same CPUs: the line says whether it added speed);
- emails: every acknowledgement received exactly once at the mail server, although one worker
  was killed (SIGKILL) mid-queue and started again, and the task it was running put back in
  the queue by `rencontres requeue_stale_tasks` once its lease ran out;
- sign_in_limit: codes asked for one address alternately through both servers are limited
  once across both (allauth's 3 per minute per address);
- files: a document uploaded through one server downloads, identical, through the other;
- periodic_twice: `send_reminders` and `expire_offers` started twice at the same instant (cron
  on two hosts): each person reminded once, the lapsed offer passed on to one person, once;
- restart_fast, crash (unless --no-faults or --database-url): a rush during which PostgreSQL
  is restarted (`pg_ctl restart -m fast`), then stopped at once (`-m immediate`) and started
  5 s later; clients retry on 503 and lost connections with the same address. Per fault:
  requests, 2xx, 503, 500 (goal 0), lost (goal 0), duplicates after retry (goal 0), seconds
  from the fault to the last failed answer.

`tests/core/test_cluster.py` runs a reduced version (a few hundred registrations, no faults)
in CI on PostgreSQL, so that a regression to per-process state fails CI.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import http.client
import io
import itertools
import json
import math
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import BIN, HOST, REPO, base_env, drop_postgres, free_port, gunicorn, percentile, recreate_postgres  # noqa: E402

PLACES = 30
THREADS_PER_PROCESS = 8
REQUEST_TIMEOUT = 30.0
RETRY_FOR_SECONDS = 60.0
TASK_LEASE_SECONDS = 5
REDIS_URL = "redis://127.0.0.1:6379/7"
SIGN_IN_CODES_PER_ADDRESS = 3  # allauth's default "request_login_code": "3/m/key"
REMINDED = 20
REMINDER_EVENT = "Matinée de demain"
ORGANISER = ("coordination@ccas-bobigny.example", "mot-de-passe-du-banc-d-essai")
PG_BIN = Path("/usr/lib/postgresql")


# ---------------------------------------------------------------------------
# The data (a child process with Django set up for the database)
# ---------------------------------------------------------------------------


def published_event(organization, title: str, date, places: int):
    """A one-day event open for registration since yesterday, free, with `places` places, published."""
    import datetime as dt

    from django.utils import timezone

    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat
    from rencontres.registrations import services as registration_services

    event = event_services.create_event(
        organization=organization,
        title=title,
        format=EventFormat.JOURNEE,
        registration_opens_at=timezone.now() - dt.timedelta(days=1),
        contact_email="contact@ccas-bobigny.example",
    )
    day = event_services.add_day(event=event, date=date)
    event_services.add_session(day=day, title="Plénière", start_time=dt.time(9), end_time=dt.time(17))
    registration_services.set_capacity(event=event, capacity_max=places)
    return event_services.publish_event(event=event)


def child_setup(*, count: int, out: Path) -> None:
    """`count` published events of PLACES places, open, free; an organiser with a password; their ids as JSON."""
    import datetime as dt

    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from rencontres.accounts.models import User
    from rencontres.organizations import services as organization_services

    organization, _created = organization_services.create_organization(
        name="Centre communal d'action sociale de Bobigny", slug="ccas-bobigny", admin_email=ORGANISER[0]
    )
    organiser = User.objects.get(email=ORGANISER[0])
    organiser.set_password(ORGANISER[1])
    organiser.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=organiser, email=ORGANISER[0], defaults={"verified": True, "primary": True}
    )
    starts_on = timezone.localdate() + dt.timedelta(days=60)
    events = []
    for n in range(count):
        event = published_event(organization, f"Journée départementale de l'action sociale {n + 1}", starts_on, PLACES)
        events.append({"id": event.id, "slug": event.slug})
    out.write_text(json.dumps({"events": events, "periodic": periodic_setup(organization)}))


def periodic_setup(organization) -> dict:
    """What the periodic commands find to do: reminders of an event tomorrow, an offer that ran out.

    The offer's deadline is moved into the past by hand: waiting `offer_hours` is not a bench.
    """
    import datetime as dt

    from django.utils import timezone

    from rencontres.registrations import services as registration_services
    from rencontres.registrations.enums import RegistrationState
    from rencontres.registrations.models import Registration

    def applicant(email):
        return registration_services.Applicant(
            first_name="Camille", last_name=email.split("@")[0], email=email, job_title="CESF"
        )

    tomorrow = published_event(organization, REMINDER_EVENT, timezone.localdate() + dt.timedelta(days=1), 50)
    reminded = [f"reminder-{n}@example.org" for n in range(REMINDED)]
    for email in reminded:
        registration_services.register(event=tomorrow, applicant=applicant(email))
    one_place = published_event(organization, "Atelier d'une place", timezone.localdate() + dt.timedelta(days=30), 1)
    first, offered, next_waiting = "first@example.org", "offered@example.org", "next-waiting@example.org"
    for email in (first, offered, next_waiting):
        registration_services.register(event=one_place, applicant=applicant(email))
    registration_services.cancel(registration=Registration.objects.get(event=one_place, email=first))
    late = Registration.objects.filter(event=one_place, email=offered, state=RegistrationState.OFFERED)
    late.update(offer_expires_at=timezone.now() - dt.timedelta(minutes=1))
    return {"reminded": reminded, "one_place_event": one_place.id, "offered": offered, "next_waiting": next_waiting}


# ---------------------------------------------------------------------------
# The parts: a mail server that counts, a round-robin proxy, PostgreSQL of our own
# ---------------------------------------------------------------------------


class CountingMailServer:
    """An SMTP server (aiosmtpd) that counts each message per recipient."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.received: collections.Counter[str] = collections.Counter()
        self.subjects: dict[str, list[str]] = collections.defaultdict(list)
        self._lock = threading.Lock()
        self.port = free_port()
        self._controller = Controller(self, hostname=HOST, port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        from email import message_from_bytes
        from email.header import decode_header, make_header

        subject = str(make_header(decode_header(message_from_bytes(envelope.content).get("Subject", ""))))
        with self._lock:
            for recipient in envelope.rcpt_tos:
                self.received[recipient.lower()] += 1
                self.subjects[recipient.lower()].append(subject)
        return "250 Message accepted"

    def count(self, prefix: str = "") -> int:
        with self._lock:
            return sum(n for address, n in self.received.items() if address.startswith(prefix))

    def __enter__(self):
        self._controller.start()
        return self

    def __exit__(self, *exc):
        self._controller.stop()


class RoundRobinProxy:
    """A TCP proxy handing each new connection to the next backend in turn (as HAProxy's roundrobin)."""

    def __init__(self, backends: list[int]) -> None:
        self.backends = backends
        self._next = itertools.cycle(backends)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self.port = 0

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(asyncio.start_server(self._handle, HOST, 0, backlog=512))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()
        server.close()

    async def _handle(self, reader, writer) -> None:
        try:
            backend_reader, backend_writer = await asyncio.open_connection(HOST, next(self._next))
        except OSError:
            writer.close()
            return
        await asyncio.gather(self._pipe(reader, backend_writer), self._pipe(backend_reader, writer))

    @staticmethod
    async def _pipe(reader, writer) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    def __enter__(self):
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc):
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)


def postgres_tool(name: str) -> Path:
    """A PostgreSQL server program (initdb, pg_ctl) of the newest version installed."""
    candidates = sorted(PG_BIN.glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    if not candidates:
        raise SystemExit(f"{name} not found under {PG_BIN}: install Debian's postgresql package")
    return candidates[-1]


class OwnPostgres:
    """A PostgreSQL cluster of our own, in a temporary folder, on a free port: ours to restart and crash."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self.url = f"postgres://postgres@{HOST}:{self.port}/rencontres_cluster"
        self.log = folder / "postgres.log"
        # initdb and the server refuse to run as root: they run as the postgres user then.
        self._as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*self._as, *args], capture_output=True, text=True, check=check, timeout=120, cwd=self.folder
        )

    def pg_ctl(self, *args: str) -> float:
        """Run pg_ctl on our cluster; the seconds it took."""
        began = time.monotonic()
        self._run(str(postgres_tool("pg_ctl")), "-D", str(self.data), "-l", str(self.log), "-w", *args)
        return time.monotonic() - began

    def __enter__(self):
        if self._as:
            shutil.chown(self.folder, "postgres")
        self._run(str(postgres_tool("initdb")), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        options = f"-p {self.port} -k {self.folder} -c listen_addresses={HOST} -c max_connections=200"
        self.pg_ctl("-o", options, "start")
        self._options = options
        return self

    def restart_fast(self) -> float:
        return self.pg_ctl("-m", "fast", "-o", self._options, "restart")

    def stop_immediate(self) -> float:
        return self.pg_ctl("-m", "immediate", "stop")

    def start(self) -> float:
        return self.pg_ctl("-o", self._options, "start")

    def __exit__(self, *exc):
        self._run(str(postgres_tool("pg_ctl")), "-D", str(self.data), "-m", "immediate", "stop", check=False)


# ---------------------------------------------------------------------------
# The cluster: two servers, the proxy, two workers
# ---------------------------------------------------------------------------


class Cluster:
    """Two gunicorn masters, the proxy in front, two db_workers; workers can be killed and started again."""

    def __init__(self, env: dict[str, str], folder: Path, *, server_workers: int) -> None:
        self.env = env
        self.folder = folder
        self.server_workers = server_workers
        self.workers: dict[str, subprocess.Popen] = {}
        self._stack = contextlib.ExitStack()

    def __enter__(self):
        self.servers = []
        for n in (1, 2):
            port, _process = self._stack.enter_context(
                gunicorn(env=self.env, workers=self.server_workers, threads=1, log_path=self.folder / f"server{n}.log")
            )
            self.servers.append(port)
        self.proxy = self._stack.enter_context(RoundRobinProxy(self.servers)).port
        for name in ("worker1", "worker2"):
            self.start_worker(name)
        return self

    def start_worker(self, name: str) -> None:
        log = open(self.folder / f"{name}.log", "ab")  # noqa: SIM115 (open for the worker's whole life)
        self._stack.callback(log.close)
        self.workers[name] = subprocess.Popen(
            [str(BIN / "rencontres"), "db_worker", "--interval", "0.2", "--worker-id", f"{name}-{time.time_ns()}"],
            env=self.env,
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill_worker(self, name: str) -> None:
        self.workers[name].send_signal(signal.SIGKILL)
        self.workers[name].wait(10)

    def __exit__(self, *exc):
        for process in self.workers.values():
            if process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
        self._stack.close()


def rencontres(env: dict[str, str], *args: str, timeout: float = 300) -> str:
    result = subprocess.run(
        [str(BIN / "rencontres"), *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"rencontres {' '.join(args)} failed: {result.stderr[-2000:]}")
    return result.stdout


# ---------------------------------------------------------------------------
# Counting in the database
# ---------------------------------------------------------------------------


def query(url: str, sql: str, params=()) -> list[tuple]:
    import psycopg

    with psycopg.connect(url, connect_timeout=10) as conn, conn.cursor() as cur:
        cur.execute(sql, params)
        return cur.fetchall()


def registrations_of(url: str, event_id: int) -> list[tuple[str, str, int | None]]:
    """(email, state, queue number) of each registration of the event, in queue order."""
    return query(
        url,
        "SELECT email, state, queue_number FROM registrations_registration WHERE event_id = %s "
        "ORDER BY queue_number NULLS FIRST, id",
        [event_id],
    )


def tasks_left(url: str) -> tuple[int, int]:
    """(ready, running) task rows."""
    rows = dict(query(url, "SELECT status, count(*) FROM django_tasks_database_dbtaskresult GROUP BY status"))
    return rows.get("READY", 0), rows.get("RUNNING", 0)


# ---------------------------------------------------------------------------
# Clients: registrations through the API, retried on 503 and lost connections
# ---------------------------------------------------------------------------


def body_for(run: str, i: int) -> bytes:
    return json.dumps(
        {"first_name": "Camille", "last_name": f"Martin {i}", "email": f"{run}-{i}@example.org", "job_title": "CESF"}
    ).encode()


def client_thread(port: int, path: str, run: str, indexes: range, retry: bool, out: list) -> None:
    """One client: its registrations one after the other on one connection, each retried until a 2xx if `retry`."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        for i in indexes:
            body = body_for(run, i)
            attempts: list[tuple[int, float, float]] = []  # (status, sent, answered) in time.time()
            deadline = time.monotonic() + RETRY_FOR_SECONDS
            while True:
                sent = time.time()
                try:
                    conn.request("POST", path, body, headers)
                    response = conn.getresponse()
                    response.read()
                    status = response.status
                except (OSError, http.client.HTTPException):
                    status = 0
                    conn.close()
                attempts.append((status, sent, time.time()))
                if 200 <= status < 300 or not retry or time.monotonic() > deadline:
                    break
                time.sleep(0.2)
            out.append((i, attempts))
    finally:
        conn.close()


def client_process(args) -> list:
    port, path, run, slots, clients, requests, retry, start_at = args
    out: list = []
    threads = [
        threading.Thread(target=client_thread, args=(port, path, run, range(k, requests, clients), retry, out))
        for k in slots
    ]
    time.sleep(max(0.0, min(start_at - time.time(), 10.0)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out


def rush(pool, *, port: int, slug: str, run: str, clients: int, requests: int, retry: bool = False):
    """Send `requests` registrations from `clients` concurrent clients: (answers, seconds, start time)."""
    path = f"/api/events/{slug}/registrations"
    processes = math.ceil(clients / THREADS_PER_PROCESS)
    start_at = time.time() + 0.5
    jobs = [
        (port, path, run, list(range(p, clients, processes)), clients, requests, retry, start_at)
        for p in range(processes)
    ]
    answers = [a for part in pool.map(client_process, jobs) for a in part]
    return answers, time.time() - start_at, start_at


def out_of_commit_order(stored: list[tuple[str, str, int | None]], answers: list) -> int:
    """Waiting people placed behind someone whose registration was sent only after theirs was answered."""
    timing = {}
    for i, attempts in answers:
        status, sent, answered = attempts[-1]
        if 200 <= status < 300:
            timing[i] = (sent, answered)
    waiting = [int(email.split("@")[0].rsplit("-", 1)[1]) for email, state, _n in stored if state == "waiting"]
    inversions, earliest_answer_behind = 0, math.inf
    for i in reversed(waiting):
        sent, answered = timing.get(i, (math.inf, math.inf))
        if earliest_answer_behind < sent:
            inversions += 1
        earliest_answer_behind = min(earliest_answer_behind, answered)
    return inversions


def rush_check(pool, url: str, *, check: str, port: int, event: dict, clients: int, requests: int) -> dict:
    run = f"{check}-{event['id']}"
    answers, seconds, _start = rush(pool, port=port, slug=event["slug"], run=run, clients=clients, requests=requests)
    stored = registrations_of(url, event["id"])
    emails = {email for email, _state, _n in stored}
    answered = {f"{run}-{i}@example.org" for i, attempts in answers if 200 <= attempts[-1][0] < 300}
    states = collections.Counter(state for _email, state, _n in stored)
    latencies = sorted((a[-1][2] - a[-1][1]) * 1000 for _i, a in answers)
    result = {
        "check": check,
        "requests": len(answers),
        "confirmed": states["confirmed"],
        "waitlisted": states["waiting"],
        "errors": sum(not 200 <= a[-1][0] < 300 for _i, a in answers) + requests - len(answers),
        "overbooked": max(0, states["confirmed"] - PLACES),
        "lost": len(answered - emails),
        "out_of_order": out_of_commit_order(stored, answers),
        "rps": round(len(answers) / seconds, 1),
        "p95_ms": round(percentile(latencies, 95), 1),
    }
    result["ok"] = (
        result["errors"] == result["overbooked"] == result["lost"] == result["out_of_order"] == 0
        and result["confirmed"] == min(PLACES, requests)
        and result["confirmed"] + result["waitlisted"] == requests
    )
    return result


def fault_check(pool, url: str, *, check: str, port: int, event: dict, clients: int, requests: int, fault) -> dict:
    """A rush with retries during which `fault()` hits the database; what was answered and what was stored."""
    run = f"{check}-{event['id']}"
    box: dict = {}

    def hit():
        time.sleep(1.5)
        box["began"] = time.time()
        fault()
        box["back"] = time.time()

    thread = threading.Thread(target=hit)
    thread.start()
    answers, seconds, _start = rush(
        pool, port=port, slug=event["slug"], run=run, clients=clients, requests=requests, retry=True
    )
    thread.join()
    attempts = [attempt for _i, a in answers for attempt in a]
    statuses = collections.Counter(status for status, _sent, _answered in attempts)
    rows = query(
        url,
        "SELECT email, count(*) FROM registrations_registration WHERE event_id = %s GROUP BY email",
        [event["id"]],
    )
    stored = dict(rows)
    answered = {f"{run}-{i}@example.org" for i, a in answers if 200 <= a[-1][0] < 300}
    failures_after = [answered_at for status, _sent, answered_at in attempts if not 200 <= status < 300]
    result = {
        "check": check,
        "requests": len(attempts),
        "registrations": requests,
        "2xx": sum(n for status, n in statuses.items() if 200 <= status < 300),
        "503": statuses[503],
        "500": statuses[500],
        "connection_errors": statuses[0],
        "other": sum(n for s, n in statuses.items() if s not in (0, 500, 503) and not 200 <= s < 300),
        "lost": len(answered - set(stored)),
        "duplicates": sum(n - 1 for n in stored.values() if n > 1),
        "unanswered": requests - len(answered),
        "database_down_s": round(box["back"] - box["began"], 1),
        "recovered_after_s": round(max([0.0, *(t - box["began"] for t in failures_after)]), 1),
        "seconds": round(seconds, 1),
    }
    result["ok"] = result["500"] == result["lost"] == result["duplicates"] == result["unanswered"] == 0
    return result


# ---------------------------------------------------------------------------
# The other checks
# ---------------------------------------------------------------------------


def emails_check(cluster: Cluster, mail: CountingMailServer, url: str, env: dict, *, prefixes: list[str]) -> dict:
    """Every registration's acknowledgement received once, a worker killed mid-queue and started again."""
    expected = {
        email
        for (email,) in query(url, "SELECT email FROM registrations_registration WHERE state <> 'cancelled'")
        if email.startswith(tuple(prefixes))
    }
    # Kill a worker while the queue still holds work (the rushes queued thousands of emails).
    deadline = time.monotonic() + 120
    while mail.count() < len(expected) // 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    ready_at_kill, _running = tasks_left(url)
    cluster.kill_worker("worker1")
    time.sleep(1)
    cluster.start_worker("worker1")
    # Wait for the queue to drain; then, as cron would each minute, requeue what the killed worker left running.
    requeued = 0
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, running = tasks_left(url)
        if ready == 0 and running <= 1:
            if running == 0 and mail.count() >= len(expected):
                break
            time.sleep(TASK_LEASE_SECONDS + 1)
            requeued += int(rencontres(env, "requeue_stale_tasks").split()[0])
            if requeued and tasks_left(url) == (0, 0) and mail.count() >= len(expected):
                break
        time.sleep(0.5)
    time.sleep(2)  # a last message in flight
    received = {address: mail.received[address] for address in expected}
    result = {
        "check": "emails",
        "expected": len(expected),
        "received": sum(received.values()),
        "missing": sum(1 for n in received.values() if n == 0),
        "duplicates": sum(n - 1 for n in received.values() if n > 1),
        "queued_when_killed": ready_at_kill,
        "requeued": requeued,
    }
    result["ok"] = result["missing"] == result["duplicates"] == 0 and ready_at_kill > 0
    return result


class Browser:
    """A visitor keeping cookies on one server, as a browser would: enough for a login and a form."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        try:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
            if method == "POST":
                headers.setdefault("Referer", f"http://{HOST}:{self.port}{path}")
            conn.request(method, path, body, headers)
            response = conn.getresponse()
            data = response.read()
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), data
        finally:
            conn.close()

    def csrf(self, path: str) -> str:
        status, _headers, page = self.request("GET", path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if status != 200 or not match:
            raise RuntimeError(f"no form at {path} ({status})")
        return match.group(1).decode()

    def post_form(self, path: str, fields: dict[str, str], form_path: str | None = None):
        token = self.csrf(form_path or path)
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **fields}).encode()
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})


def sign_in_limit_check(cluster: Cluster, mail: CountingMailServer) -> dict:
    """Codes asked for one address, alternately through both servers: limited once across them."""
    address = "rate-limit@example.org"
    asked = SIGN_IN_CODES_PER_ADDRESS * 2
    statuses = []
    for n in range(asked):
        browser = Browser(cluster.servers[n % 2])
        status, _headers, _page = browser.post_form("/compte/login/code/", {"email": address})
        statuses.append(status)
    time.sleep(2)
    sent = mail.received[address]
    return {
        "check": "sign_in_limit",
        "asked": asked,
        "codes_sent": sent,
        "limit": SIGN_IN_CODES_PER_ADDRESS,
        "statuses": dict(collections.Counter(statuses)),
        "ok": sent == SIGN_IN_CODES_PER_ADDRESS,
    }


def small_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Title": f"Programme {time.time_ns()}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def files_check(cluster: Cluster, url: str, event: dict) -> dict:
    """An organiser uploads a document through one server; a visitor downloads it through the other."""
    organiser = Browser(cluster.servers[0])
    status, headers, _ = organiser.post_form("/compte/login/", {"login": ORGANISER[0], "password": ORGANISER[1]})
    if status != 302 or "/compte/" in headers.get("Location", ""):
        return {"check": "files", "ok": False, "detail": f"login answered {status} {headers.get('Location')}"}
    content = small_pdf()
    token = organiser.csrf(f"/gestion/evenements/{event['id']}/")
    boundary = "----rencontres-bench"
    parts = [
        ("csrfmiddlewaretoken", token),
        ("document-title", "Programme détaillé"),
        ("document-kind", "programme"),
        ("document-is_public", "on"),
    ]
    body = b"".join(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in parts
    )
    body += (
        f'--{boundary}\r\nContent-Disposition: form-data; name="document-file"; filename="programme.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()
    body += content + f"\r\n--{boundary}--\r\n".encode()
    status, headers, _page = organiser.request(
        "POST",
        f"/gestion/evenements/{event['id']}/documents/",
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    rows = query(url, "SELECT id FROM events_document WHERE event_id = %s ORDER BY id DESC LIMIT 1", [event["id"]])
    # Without htmx, a stored document answers a redirect to the editor.
    if status != 302 or "/gestion/evenements/" not in headers.get("Location", "") or not rows:
        return {"check": "files", "ok": False, "detail": f"upload answered {status} {headers.get('Location')}"}
    visitor = Browser(cluster.servers[1])
    status, _headers, downloaded = visitor.request("GET", f"/documents/{rows[0][0]}/")
    return {
        "check": "files",
        "uploaded_through": cluster.servers[0],
        "downloaded_through": cluster.servers[1],
        "status": status,
        "bytes": len(content),
        "ok": status == 200 and downloaded == content,
    }


def periodic_check(mail: CountingMailServer, url: str, env: dict, periodic: dict) -> dict:
    """send_reminders and expire_offers started twice at the same instant, as cron on two hosts would."""
    for command in ("send_reminders", "expire_offers"):
        runs = [
            subprocess.Popen([str(BIN / "rencontres"), command], env=env, cwd=REPO, stdout=subprocess.DEVNULL)
            for _host in (1, 2)
        ]
        for process in runs:
            process.wait(120)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and tasks_left(url) != (0, 0):
        time.sleep(0.5)
    time.sleep(1)
    reminder = f"C'est demain : {REMINDER_EVENT}"
    reminders = [sum(reminder in subject for subject in mail.subjects[address]) for address in periodic["reminded"]]
    offers = mail.subjects[periodic["next_waiting"]]
    states = dict(
        query(
            url,
            "SELECT email, state FROM registrations_registration WHERE event_id = %s",
            [periodic["one_place_event"]],
        )
    )
    result = {
        "check": "periodic_twice",
        "reminders_expected": len(reminders),
        "reminders_sent": sum(reminders),
        "reminded_twice": sum(n > 1 for n in reminders),
        "offers_to_next_waiting": sum("Une place s'est libérée" in subject for subject in offers),
        "expired_offer_state": states.get(periodic["offered"]),
        "next_waiting_state": states.get(periodic["next_waiting"]),
    }
    result["ok"] = (
        result["reminders_sent"] == len(reminders)
        and result["reminded_twice"] == 0
        and result["offers_to_next_waiting"] == 1
        and result["next_waiting_state"] == "offered"
    )
    return result


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).flushdb()


def run(
    *,
    database_url: str | None,
    registrations: int,
    clients: int,
    faults: bool,
    server_workers: int,
    settings_module: str = "rencontres.settings",
    emit=print,
    migrated_template: str | None = None,
) -> list[dict]:
    """Every check, against a database of our own (or `database_url`); one result per check, also emitted as JSON.

    `migrated_template` names a migrated database to copy instead of migrating an empty one:
    the tests pass their own test database, which saves the migrations' 18 s."""
    folder = Path(tempfile.mkdtemp(prefix="rencontres-cluster-"))
    results: list[dict] = []

    clock = [time.monotonic()]

    def report(result: dict) -> None:
        now = time.monotonic()
        result.setdefault("seconds", round(now - clock[0], 1))
        clock[0] = now
        results.append(result)
        emit(json.dumps(result))

    import psycopg

    pool = multiprocessing.get_context("fork").Pool(math.ceil(clients / THREADS_PER_PROCESS))
    try:
        with contextlib.ExitStack() as stack:
            own = None if database_url else stack.enter_context(OwnPostgres(folder))
            url = database_url or own.url
            try:
                recreate_postgres(url, template=migrated_template)
            except psycopg.errors.ObjectInUse:  # someone is connected to the template
                emit(json.dumps({"note": f"{migrated_template} is in use: migrating an empty database instead"}))
                migrated_template = None
                recreate_postgres(url)
            flush_redis()
            mail = stack.enter_context(CountingMailServer())
            env = base_env(database_url=url, data_dir=folder) | {
                "RENCONTRES_TASKS": "database",
                "RENCONTRES_CACHE_URL": REDIS_URL,
                "RENCONTRES_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "RENCONTRES_EMAIL_HOST": HOST,
                "RENCONTRES_EMAIL_PORT": str(mail.port),
                "RENCONTRES_TASK_LEASE_SECONDS": str(TASK_LEASE_SECONDS),
                "RENCONTRES_SITE_URL": f"http://{HOST}",
                "RENCONTRES_DATABASE_CONNECT_TIMEOUT": "2",
            }
            env["DJANGO_SETTINGS_MODULE"] = settings_module
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
            # Migrations run once, from one command, before any server starts.
            if migrated_template is None:
                rencontres(env, "migrate", "--verbosity", "0")
            migrated = time.monotonic()
            if settings_module == "rencontres.settings":  # the tests' settings serve static files where they lie
                rencontres(env, "collectstatic", "--no-input", "--verbosity", "0")
            events_path = folder / "events.json"
            result = subprocess.run(
                [sys.executable, __file__, "--child-setup", str(events_path), "--events", "5"],
                env=env,
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=300,
            )
            if result.returncode != 0:
                raise RuntimeError(result.stderr[-3000:])
            setup = json.loads(events_path.read_text())
            one_server_event, rush_event, files_event, fast_event, crash_event = setup["events"]
            cluster = stack.enter_context(Cluster(env, folder, server_workers=server_workers))
            started = {"migrate_s": round(migrated - clock[0], 1), "seconds": round(time.monotonic() - clock[0], 1)}
            emit(json.dumps({"started": "cluster", **started}))
            clock[0] = time.monotonic()

            one = rush_check(
                pool,
                url,
                check="one_server",
                port=cluster.servers[0],
                event=one_server_event,
                clients=clients,
                requests=registrations,
            )
            both = rush_check(
                pool, url, check="rush", port=cluster.proxy, event=rush_event, clients=clients, requests=registrations
            )
            both["rps_one_server"] = one["rps"]
            both["second_server_adds_speed"] = both["rps"] > one["rps"] * 1.1
            both["note"] = (
                f"{os.cpu_count()} CPUs shared by both servers, the workers, PostgreSQL and the clients: "
                "a second server spreads the load but adds speed only with CPUs to spare"
            )
            report(one)
            report(both)
            report(
                emails_check(
                    cluster,
                    mail,
                    url,
                    env,
                    prefixes=[f"one_server-{one_server_event['id']}-", f"rush-{rush_event['id']}-"],
                )
            )
            report(sign_in_limit_check(cluster, mail))
            report(files_check(cluster, url, files_event))
            report(periodic_check(mail, url, env, setup["periodic"]))
            if faults and own is not None:
                fault_requests = min(1000, registrations)
                report(
                    fault_check(
                        pool,
                        url,
                        check="restart_fast",
                        port=cluster.proxy,
                        event=fast_event,
                        clients=clients,
                        requests=fault_requests,
                        fault=own.restart_fast,
                    )
                )

                def crash():
                    own.stop_immediate()
                    time.sleep(5)
                    own.start()

                report(
                    fault_check(
                        pool,
                        url,
                        check="crash",
                        port=cluster.proxy,
                        event=crash_event,
                        clients=clients,
                        requests=fault_requests,
                        fault=crash,
                    )
                )
            if database_url:
                with contextlib.suppress(Exception):
                    drop_postgres(url)
    finally:
        pool.terminate()
        pool.join()
        shutil.rmtree(folder, ignore_errors=True)
    return results


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--registrations", type=int, default=2000, help="registrations per rush (default 2000)")
    parser.add_argument("--clients", type=int, default=64, help="concurrent clients (default 64)")
    parser.add_argument("--server-workers", type=int, default=2, help="gunicorn workers per server (default 2)")
    parser.add_argument(
        "--database-url", help="an existing PostgreSQL server's database (dropped, recreated); no faults"
    )
    parser.add_argument("--no-faults", action="store_true", help="skip the PostgreSQL restart and crash")
    parser.add_argument("--events", type=int, default=5, help=argparse.SUPPRESS)
    parser.add_argument("--child-setup", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (PLACES < args.registrations <= 100_000 and 1 <= args.clients <= 256 and 1 <= args.server_workers <= 16):
        parser.error(f"--registrations {PLACES + 1}..100,000, --clients 1..256, --server-workers 1..16")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    if args.child_setup:
        return child_setup(count=args.events, out=args.child_setup)
    print(
        f"# {args.registrations} registrations per rush, {PLACES} places, {args.clients} clients, "
        f"2 servers x {args.server_workers} workers, 2 task workers, {os.cpu_count()} CPUs",
        flush=True,
    )
    results = run(
        database_url=args.database_url,
        registrations=args.registrations,
        clients=args.clients,
        faults=not args.no_faults,
        server_workers=args.server_workers,
        emit=lambda line: print(line, flush=True),
    )
    failed = [r["check"] for r in results if not r["ok"]]
    print("# " + ("every check ok" if not failed else "MISSES: " + ", ".join(failed)), flush=True)


if __name__ == "__main__":
    main()
