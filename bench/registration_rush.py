"""A rush of registrations through the API, behind gunicorn, on SQLite and on PostgreSQL.

    .venv/bin/python bench/registration_rush.py [--requests 2000] [--clients 1,16,64]
                                                [--db sqlite|postgres|both] [--workers 4] [--threads 1]

For each database: a fresh one (an SQLite file in a temporary folder; the PostgreSQL
database `rencontres_rush`, dropped and recreated), migrated, with one published event of
30 places per run; gunicorn serves the site on 127.0.0.1 (DEBUG off, tasks queued in the
database so the acknowledgement emails are task rows, not sent inside the request). Then C
concurrent clients send N registrations, each with its own address, to
POST /api/events/<slug>/registrations.

Prints one JSON line per run: {"db", "clients", "requests", "confirmed", "waitlisted",
"errors", "overbooked", "lost", "rps", "p50_ms", "p95_ms"}, where confirmed, waitlisted,
overbooked and lost are counted in the database after the run: overbooked = confirmed
beyond the places, lost = requests answered 2xx whose address has no stored registration.
errors = non-2xx answers and connection failures; a full event must put people on the
waiting list, never refuse them. Targets: overbooked = lost = errors = 0 in every run, the
places exactly filled, and at least 300 registrations/s with 64 clients on PostgreSQL.

Clients are processes of up to 8 threads each (threads of one process share a GIL, and
the machine also runs the server and the database), each thread with its own HTTP/1.1
connection; latency is measured client-side, request sent to answer read.

Each run also prints the CPU one registration costs the server, the database and the
clients, and how busy other processes kept the machine: on a shared 2-core machine the
wall-clock figures move with the neighbours, the CPU per request much less. 300
registrations/s on 2 cores means at most about 6.6 ms of CPU per registration, all included.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import multiprocessing
import os
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import (  # noqa: E402
    BIN,
    HOST,
    CpuMeter,
    base_env,
    drop_postgres,
    gunicorn,
    percentile,
    postgres_backends,
    process_tree,
    recreate_postgres,
    run_step,
)

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/rencontres_rush"
PLACES = 30
TARGET_RPS, TARGET_CLIENTS = 300.0, 64
THREADS_PER_PROCESS = 8
REQUEST_TIMEOUT = 30.0
WARMUP_REQUESTS = 200


# ---------------------------------------------------------------------------
# The events (a child process with Django set up for the database)
# ---------------------------------------------------------------------------


def child_setup(*, count: int, out: Path) -> None:
    """One published event of PLACES places per run, registrations open, free, no question."""
    import datetime as dt

    import django

    django.setup()
    from django.utils import timezone

    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat
    from rencontres.organizations.models import Organization
    from rencontres.registrations import services as registration_services

    organization = Organization.objects.create(name="Centre communal d'action sociale de Bobigny", slug="ccas-bobigny")
    starts_on = timezone.localdate() + dt.timedelta(days=60)
    slugs = []
    for n in range(count):
        event = event_services.create_event(
            organization=organization,
            title=f"Journée de l'action sociale {n + 1}",
            format=EventFormat.JOURNEE,
            registration_opens_at=timezone.now() - dt.timedelta(days=1),
            contact_email="contact@example.org",
        )
        day = event_services.add_day(event=event, date=starts_on)
        event_services.add_session(day=day, title="Plénière", start_time=dt.time(9), end_time=dt.time(17))
        registration_services.set_capacity(event=event, capacity_max=PLACES)
        event_services.publish_event(event=event)
        slugs.append(event.slug)
    out.write_text(json.dumps(slugs))


# ---------------------------------------------------------------------------
# Counting in the database (plain SQL: no Django needed in this process)
# ---------------------------------------------------------------------------


@contextlib.contextmanager
def cursor_for(url: str):
    if url.startswith("sqlite:///"):
        conn = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30)
        try:
            yield conn.cursor(), "?"
        finally:
            conn.close()
    else:
        import psycopg

        with psycopg.connect(url, connect_timeout=10) as conn, conn.cursor() as cur:
            yield cur, "%s"


def stored(url: str, slug: str) -> tuple[dict[str, int], set[str], str]:
    """Registrations of the event by state, their addresses, and how many acknowledgements are queued in all."""
    with cursor_for(url) as (cur, p):
        cur.execute(
            f"SELECT r.state, r.email FROM registrations_registration r "
            f"JOIN events_event e ON e.id = r.event_id WHERE e.slug = {p}",
            [slug],
        )
        rows = cur.fetchall()
        cur.execute(
            f"SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path LIKE {p}",
            ["%acknowledge_registration"],
        )
        queued = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM registrations_registration")
        tasks = f"{queued} for {cur.fetchone()[0]} registrations"
    states: dict[str, int] = {}
    for state, _email in rows:
        states[state] = states.get(state, 0) + 1
    return states, {email for _state, email in rows}, tasks


# ---------------------------------------------------------------------------
# Clients
# ---------------------------------------------------------------------------


def body_for(run: str, i: int) -> bytes:
    return json.dumps(
        {
            "first_name": "Camille",
            "last_name": f"Martin {i}",
            "email": f"{run}-{i}@example.org",
            "job_title": "assistante sociale",
        }
    ).encode()


def client_thread(port: int, path: str, run: str, indexes: range, out: list) -> None:
    """One client: its registrations one after the other, on one connection (reopened if the server closes it)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    try:
        for i in indexes:
            body = body_for(run, i)
            began = time.perf_counter()
            try:
                conn.request("POST", path, body, headers)
                response = conn.getresponse()
                answer = response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status, answer = 0, b""
                conn.close()
            latency = (time.perf_counter() - began) * 1000
            out.append((i, status, latency, "" if 200 <= status < 300 else answer[:300].decode(errors="replace")))
    finally:
        conn.close()


def client_process(args) -> list:
    """Several client threads in one process; they start together at `start_at`."""
    port, path, run, slots, clients, requests, start_at = args
    out: list = []
    threads = [
        threading.Thread(target=client_thread, args=(port, path, run, range(k, requests, clients), out)) for k in slots
    ]
    time.sleep(max(0.0, min(start_at - time.time(), 10.0)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=REQUEST_TIMEOUT * (requests // clients + 2))
    return out


def rush(pool, *, port: int, slug: str, run: str, clients: int, requests: int) -> tuple[list, float]:
    """Send `requests` registrations from `clients` concurrent clients; (answers, seconds from first to last)."""
    path = f"/api/events/{slug}/registrations"
    processes = math.ceil(clients / THREADS_PER_PROCESS)
    start_at = time.time() + 0.5
    jobs = [
        (port, path, run, list(range(p, clients, processes)), clients, requests, start_at) for p in range(processes)
    ]
    answers = [a for part in pool.map(client_process, jobs) for a in part]
    return answers, time.time() - start_at


def measure(pool, meter, *, db: str, url: str, port: int, slug: str, clients: int, requests: int) -> dict:
    run = f"rush-{db}-{clients}"
    meter.start()
    answers, elapsed = rush(pool, port=port, slug=slug, run=run, clients=clients, requests=requests)
    cpu = meter.stop()
    states, emails, tasks = stored(url, slug)
    answered = {f"{run}-{i}@example.org" for i, status, _latency, _detail in answers if 200 <= status < 300}
    errors = [a for a in answers if not 200 <= a[1] < 300]
    latencies = sorted(a[2] for a in answers)
    confirmed, waitlisted = states.get("confirmed", 0), states.get("waiting", 0)
    result = {
        "db": db,
        "clients": clients,
        "requests": len(answers),
        "confirmed": confirmed,
        "waitlisted": waitlisted,
        "errors": len(errors) + (requests - len(answers)),
        "overbooked": max(0, confirmed - PLACES),
        "lost": len(answered - emails),
        "rps": round(len(answers) / elapsed, 1),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
    }
    statuses: dict[int, int] = {}
    for a in answers:
        statuses[a[1]] = statuses.get(a[1], 0) + 1
    print(
        f"  {db:8} {clients:3} clients: {result['rps']:6.1f} req/s  p50 {result['p50_ms']:6.1f} ms  "
        f"p95 {result['p95_ms']:6.1f} ms  statuses {dict(sorted(statuses.items()))}  stored {states}  "
        f"acknowledgement tasks queued: {tasks} in the database",
        flush=True,
    )
    # CPU per request: on a shared 2-core machine this, not the wall clock, says what a request costs.
    print(
        "    CPU ms/request: "
        + ", ".join(
            f"{name} {cpu[name] * 1000 / max(1, len(answers)):.1f}" for name in ["server", "database", "clients"]
        )
        + f"; others used {100 * cpu['others'] / cpu['machine_total']:.0f}%"
        " of the machine",
        flush=True,
    )
    for i, status, _latency, detail in errors[:3]:
        print(f"    error on request {i}: {status} {detail}", flush=True)
    return result


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


def bench_database(db: str, args, pool) -> list[dict]:
    workdir = Path(tempfile.mkdtemp(prefix=f"rencontres-rush-{db}-"))
    url = f"sqlite:///{workdir / 'rush.sqlite3'}" if db == "sqlite" else args.postgres_url
    env = base_env(database_url=url, data_dir=workdir) | {"RENCONTRES_TASKS": "database"}
    results = []
    try:
        print(f"\n[{db}] {url}", flush=True)
        if db == "postgres":
            recreate_postgres(url)
        run_step([str(BIN / "rencontres"), "migrate", "--verbosity", "0"], env, timeout=300)
        run_step([str(BIN / "rencontres"), "collectstatic", "--no-input", "--verbosity", "0"], env, timeout=300)
        slugs_path = workdir / "slugs.json"
        run_step(
            [sys.executable, __file__, "--child-setup", str(slugs_path), "--events", str(len(args.clients) + 1)],
            env,
            timeout=300,
        )
        warmup_slug, *slugs = json.loads(slugs_path.read_text())
        log_path = workdir / "gunicorn.log"
        with gunicorn(env=env, workers=args.workers, threads=args.threads, log_path=log_path) as (port, server):
            meter = CpuMeter(
                {
                    "server": lambda: process_tree(server.pid),
                    "database": lambda: postgres_backends(url.rsplit("/", 1)[1]) if db == "postgres" else [],
                    "clients": lambda: [p.pid for p in multiprocessing.active_children()],
                }
            )
            # Every worker imports, connects and fills its caches before anything is timed.
            rush(
                pool,
                port=port,
                slug=warmup_slug,
                run="warmup",
                clients=min(16, max(args.clients)),
                requests=WARMUP_REQUESTS,
            )
            for clients, slug in zip(args.clients, slugs):
                results.append(
                    measure(pool, meter, db=db, url=url, port=port, slug=slug, clients=clients, requests=args.requests)
                )
        if log_path.exists() and "Traceback" in log_path.read_text(errors="replace"):
            print(f"  gunicorn logged tracebacks: see {log_path}", flush=True)
    finally:
        if args.keep:
            print(f"  kept {workdir}" + (f" and {url}" if db == "postgres" else ""), flush=True)
        else:
            if db == "postgres":
                with contextlib.suppress(Exception):
                    drop_postgres(url)
            shutil.rmtree(workdir, ignore_errors=True)
    return results


def verdicts(results: list[dict], requests: int) -> list[str]:
    lines = []
    for r in results:
        misses = [f"{key} = {r[key]}" for key in ["overbooked", "lost", "errors"] if r[key]]
        if requests > PLACES and r["confirmed"] != PLACES:
            misses.append(f"confirmed = {r['confirmed']}, not the {PLACES} places")
        if r["confirmed"] + r["waitlisted"] != requests:
            misses.append(f"{r['confirmed'] + r['waitlisted']} stored for {requests} requests")
        if r["db"] == "postgres" and r["clients"] == TARGET_CLIENTS and r["rps"] < TARGET_RPS:
            misses.append(f"{r['rps']} req/s, under the {TARGET_RPS:.0f} target")
        lines.append(f"# {r['db']} {r['clients']} clients: " + ("MISSES: " + "; ".join(misses) if misses else "ok"))
    return lines


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="registrations per run (default 2000)")
    parser.add_argument("--clients", default="1,16,64", help="concurrent clients, one run each (default 1,16,64)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes (default 4)")
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; >1 uses gthread (default 1: sync)")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--keep", action="store_true", help="keep the databases for a look afterwards")
    parser.add_argument("--events", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--child-setup", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        args.clients = [int(c) for c in args.clients.split(",")]
    except ValueError:
        parser.error("--clients is a comma-separated list of numbers, e.g. 1,16,64")
    if not (
        all(1 <= c <= 256 for c in args.clients)
        and 1 <= args.requests <= 100_000
        and 1 <= args.workers <= 32
        and 1 <= args.threads <= 64
    ):
        parser.error("--clients 1..256 each, --requests 1..100,000, --workers 1..32, --threads 1..64")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    if args.child_setup:
        return child_setup(count=args.events, out=args.child_setup)
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    print(
        f"{args.requests} registrations per run, {PLACES} places, clients {args.clients}, "
        f"gunicorn {args.workers} workers x {args.threads} threads, {os.cpu_count()} CPUs",
        flush=True,
    )
    pool = multiprocessing.get_context("fork").Pool(math.ceil(max(args.clients) / THREADS_PER_PROCESS))
    results = []
    try:
        for db in databases:
            results += bench_database(db, args, pool)
    finally:
        pool.terminate()
        pool.join()
    print()
    for result in results:
        print(json.dumps(result))
    print("\n".join(verdicts(results, args.requests)))


if __name__ == "__main__":
    main()
