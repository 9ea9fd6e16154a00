"""Attendance speed: printing sheets, and a room full of people signing one half-day at once.

    .venv/bin/python bench/attendance.py [--people 200] [--clients 50] [--db postgres|sqlite]

Prints JSON lines:
- {"bench": "sheets", "people": 30, "slots": 24, "pages", "seconds"}: the attendance sheets
  PDF of a training of 30 people over 24 half-days, built and typeset (target < 2 s);
- {"bench": "signing", "db", "people", "clients", "signed", "errors", "lost", "p50_ms", "p95_ms", "rps"}:
  `people` confirmed participants sign the same slot on the shared tablet
  (POST /gestion/emargement/tablette/<signed token>/<registration>/, the address the trainer's
  /gestion/emargement/<slot>/tablette/ sends the tablet to) from `clients` concurrent
  clients, behind gunicorn whose workers have first served the tablet page (as when the trainer
  opens it before the room signs); signed, lost (a redirect answered without a stored signature)
  and errors counted in the database afterwards (targets: 0 lost, 0 errors, p95 < 200 ms).
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import multiprocessing
import os
import secrets
import string
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import BIN, HOST, base_env, drop_postgres, gunicorn, percentile, recreate_postgres, run_step  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/rencontres_attendance_bench"
SIGNATURE = "M10 80 L60 40 L120 90 L200 30 L300 100"
THREADS_PER_PROCESS = 8


def add_confirmed(event, count: int, *, email_prefix: str = "stagiaire", **fields) -> list:
    """`count` confirmed registrations in one INSERT: the benches time what comes after registering."""
    from rencontres.registrations.enums import RegistrationState
    from rencontres.registrations.models import Registration

    fields = {"job_title": "travailleur social", "payer_kind": "employer", **fields}
    return Registration.objects.bulk_create(
        Registration(
            event=event,
            state=RegistrationState.CONFIRMED,
            first_name=f"Prénom {i}",
            last_name=f"Nom {i}",
            email=f"{email_prefix}{i}@example.org",
            **fields,
        )
        for i in range(count)
    )


def child_sheets() -> None:
    """In a fresh SQLite database: a training of 30 people and 24 half-days, then its sheets typeset."""
    import datetime as dt

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from rencontres.attendance import services, sheets
    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat
    from rencontres.organizations.models import Organization

    organization = Organization.objects.create(name="Cnam Opale", slug="cnam", siret="19753471200017")
    event = event_services.create_event(
        organization=organization, title="Certificat de spécialisation", format=EventFormat.FORMATION_LONGUE
    )
    for n in range(12):
        day = event_services.add_day(event=event, date=dt.date(2030, 1, 6) + dt.timedelta(days=7 * n))
        event_services.add_session(day=day, title="Module", start_time=dt.time(9), end_time=dt.time(12, 30))
        event_services.add_session(day=day, title="Module", start_time=dt.time(13, 30), end_time=dt.time(17))
    event_services.publish_event(event=event)
    add_confirmed(event, 30)
    slots = services.derive_slots(event=event)
    started = time.perf_counter()
    pdf = sheets.render_sheets(slots)
    seconds = time.perf_counter() - started
    import io

    import pypdf

    pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    print(
        json.dumps({"bench": "sheets", "people": 30, "slots": len(slots), "pages": pages, "seconds": round(seconds, 3)})
    )


def child_setup(*, people: int, out: Path) -> None:
    """An organiser signed in (a session made here), an event with one slot, `people` confirmed."""
    import datetime as dt

    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from rencontres.accounts.models import User
    from rencontres.attendance import services
    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat
    from rencontres.organizations.models import Membership, Organization
    from rencontres.registrations.models import Registration

    organization = Organization.objects.create(name="CCAS de Bobigny", slug="ccas-bobigny")
    organiser = User.objects.create_user(email="formatrice@example.org", password=secrets.token_urlsafe(16))
    Membership.objects.create(user=organiser, organization=organization, role="admin")
    event = event_services.create_event(organization=organization, title="Journée", format=EventFormat.JOURNEE)
    day = event_services.add_day(event=event, date=dt.date(2030, 3, 14))
    event_services.add_session(day=day, title="Plénière", start_time=dt.time(9), end_time=dt.time(12, 30))
    event_services.publish_event(event=event)
    registrations = add_confirmed(event, people, email_prefix="p", job_title="assistante sociale", payer_kind="free")
    (slot,) = services.derive_slots(event=event)
    session = SessionStore()
    session[SESSION_KEY] = str(organiser.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = organiser.get_session_auth_hash()
    session.create()
    ids = (
        [r.id for r in registrations]
        if registrations[0].id
        else list(Registration.objects.filter(event=event).order_by("id").values_list("id", flat=True))
    )
    out.write_text(json.dumps({"slot": slot.id, "registrations": ids, "session": session.session_key}))


def open_tablet(port, slot, cookie) -> str:
    """The trainer opens the shared tablet: the signed address it is sent to."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", f"/gestion/emargement/{slot}/tablette/", headers={"Cookie": cookie})
    response = conn.getresponse()
    response.read()
    conn.close()
    if response.status != 302:
        raise RuntimeError(f"opening the tablet answered {response.status}")
    return response.getheader("Location")


def client_thread(port, tablet, ids, cookie, csrf, out):
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": cookie,
        "Referer": f"http://{HOST}:{port}/",
    }
    for registration_id in ids:
        body = f"csrfmiddlewaretoken={csrf}&signature={SIGNATURE.replace(' ', '+')}"
        began = time.perf_counter()
        try:
            conn.request("POST", f"{tablet}{registration_id}/", body, headers)
            response = conn.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            status = 0
            conn.close()
        out.append((registration_id, status, (time.perf_counter() - began) * 1000))
    conn.close()


def warm_up(port, tablet, ids, cookie, *, connections: int = 8) -> None:
    """What happens in the room before anyone signs: the trainer opens the tablet page and a
    person's signing pad, here from `connections` connections at once so that every worker
    has served them (a worker's first request loads the views and the templates)."""

    failures: list[str] = []

    def one(k: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        for path in (tablet, f"{tablet}{ids[k]}/") * 2:
            conn.request("GET", path, headers={"Cookie": cookie})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                failures.append(f"GET {path} answered {response.status}")
        conn.close()

    threads = [threading.Thread(target=one, args=(k,)) for k in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError("; ".join(failures))


def client_process(args):
    port, tablet, id_groups, cookie, csrf, start_at = args
    out: list = []
    threads = [threading.Thread(target=client_thread, args=(port, tablet, ids, cookie, csrf, out)) for ids in id_groups]
    time.sleep(max(0.0, min(start_at - time.time(), 10)))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out


def signed_in_database(url: str, slot: int) -> set[int]:
    if url.startswith("sqlite"):
        import sqlite3

        conn = sqlite3.connect(url.removeprefix("sqlite:///"))
        rows = conn.execute(
            "SELECT registration_id FROM attendance_attendance WHERE slot_id = ? AND signature <> ''", (slot,)
        )
        return {r[0] for r in rows}
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT registration_id FROM attendance_attendance WHERE slot_id = %s AND signature <> ''", (slot,)
        )
        return {r[0] for r in rows}


def bench_signing(db: str, args) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bench-attendance-"))
    url = POSTGRES_URL if db == "postgres" else f"sqlite:///{workdir / 'db.sqlite3'}"
    if db == "postgres":
        recreate_postgres(url)
    env = base_env(database_url=url, data_dir=workdir)
    run_step([str(BIN / "rencontres"), "migrate", "--no-input", "-v", "0"], env, timeout=300)
    run_step([str(BIN / "rencontres"), "collectstatic", "--no-input", "--verbosity", "0"], env, timeout=300)
    out = workdir / "setup.json"
    run_step([str(BIN / "python"), __file__, "--child-setup", str(out), "--people", str(args.people)], env, timeout=300)
    setup = json.loads(out.read_text())
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    cookie = f"sessionid={setup['session']}; csrftoken={csrf}"
    try:
        with gunicorn(env=env, workers=args.workers, threads=1, log_path=workdir / "gunicorn.log") as (port, _server):
            ids = setup["registrations"]
            tablet = open_tablet(port, setup["slot"], cookie)
            warm_up(port, tablet, ids, cookie, connections=4 * args.workers)
            processes = math.ceil(args.clients / THREADS_PER_PROCESS)
            groups = [ids[k :: args.clients] for k in range(args.clients)]
            start_at = time.time() + 0.5
            jobs = [(port, tablet, groups[p::processes], cookie, csrf, start_at) for p in range(processes)]
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                answers = [a for part in pool.map(client_process, jobs) for a in part]
            seconds = time.time() - start_at
    finally:
        stored = signed_in_database(url, setup["slot"])
        if db == "postgres":
            drop_postgres(url)
    latencies = sorted(latency for _, _, latency in answers)
    redirected = {rid for rid, status, _ in answers if status == 302}
    return {
        "bench": "signing",
        "db": db,
        "people": args.people,
        "clients": args.clients,
        "signed": len(stored),
        "errors": sum(1 for _, status, _ in answers if status != 302),
        "lost": len(redirected - stored),
        "p50_ms": round(percentile(latencies, 50), 1),
        "p95_ms": round(percentile(latencies, 95), 1),
        "rps": round(len(answers) / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--child-setup", type=Path)
    parser.add_argument("--child-sheets", action="store_true")
    args = parser.parse_args()
    if args.child_setup:
        child_setup(people=args.people, out=args.child_setup)
        return
    if args.child_sheets:
        child_sheets()
        return
    workdir = Path(tempfile.mkdtemp(prefix="bench-sheets-"))
    env = base_env(database_url=f"sqlite:///{workdir / 'db.sqlite3'}", data_dir=workdir)
    print(
        subprocess.run(
            [str(BIN / "python"), __file__, "--child-sheets"],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip(),
        flush=True,
    )
    print(json.dumps(bench_signing(args.db, args)), flush=True)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rencontres.settings")
    main()
