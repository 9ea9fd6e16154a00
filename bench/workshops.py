"""100 people voting at once on a workshop, through the site behind gunicorn, on PostgreSQL.

    .venv/bin/python bench/workshops.py [--people 100] [--dots 3] [--workers 2] [--threads 8]

A fresh PostgreSQL database `rencontres_bench_workshops` (dropped and recreated, then dropped
again), migrated, with one published event, a workshop of 10 contributions whose vote is open
(N dots per person, at most 2 on one contribution) and P confirmed registrations. Each person is
a thread with its own HTTP/1.1 connection: it opens its personal link (which sets the CSRF
cookie), waits for everybody, then clicks « add a dot » N + 1 times as htmx does: the last click
must be refused (the person has no dot left), never counted.

Prints JSON lines: {"bench": "workshop_votes", "db", "people", "clicks", "accepted", "refused",
"errors", "stored_dots", "lost", "over_limit", "seconds", "clicks_per_s", "p50_ms", "p95_ms"},
where stored_dots, lost (accepted clicks with no stored dot) and over_limit (people with more
than N dots) are counted in the database after the run; then {"bench": "workshop_projector",
"p50_ms", "p95_ms"} for the projector's polled fragment right after the vote. Targets: lost =
over_limit = errors = 0, accepted = people × N, refused = people, p95 under 200 ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import BIN, HOST, base_env, drop_postgres, gunicorn, percentile, recreate_postgres, run_step  # noqa: E402

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/rencontres_bench_workshops"
CONTRIBUTIONS = 10
CSRF_RE = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def child_setup(*, people: int, dots: int, out: Path) -> None:
    """The event, its workshop with an open vote, P confirmed registrations and their personal links."""
    import datetime as dt

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat, SessionKind
    from rencontres.organizations.models import Membership, Organization
    from rencontres.registrations import services as registration_services
    from rencontres.workshops import links
    from rencontres.workshops import services as workshop_services

    organization = Organization.objects.create(name="Ville de Saint-Germain-en-Laye", slug="saint-germain")
    event = event_services.create_event(
        organization=organization,
        title="Les rencontres de l'action sociale",
        format=EventFormat.RENCONTRES,
        registration_opens_at=timezone.now() - dt.timedelta(days=1),
    )
    day = event_services.add_day(event=event, date=timezone.localdate() + dt.timedelta(days=30))
    session = event_services.add_session(
        day=day,
        title="Atelier de co-construction",
        start_time=dt.time(14),
        end_time=dt.time(16),
        kind=SessionKind.WORKSHOP,
    )
    event_services.publish_event(event=event)
    workshop = workshop_services.create_workshop(session=session)
    stream = workshop_services.add_workstream(
        workshop=workshop, title="Coopérations", question="Que faire ensemble entre communes ?"
    )
    registrations = [
        registration_services.register(
            event=event,
            applicant=registration_services.Applicant(
                email=f"votant{i}@example.org", first_name="Camille", last_name=str(i), job_title="x"
            ),
        )
        for i in range(people)
    ]
    ideas = [
        workshop_services.post_contribution(workstream=stream, registration=registrations[i], text=f"Idée {i + 1}")
        for i in range(CONTRIBUTIONS)
    ]
    workshop_services.open_vote(workshop=workshop, dots_per_person=dots, max_dots_per_item=min(2, dots))
    organiser = get_user_model().objects.create_user(email="animatrice@example.org", password="x-bench-42-x")
    Membership.objects.create(user=organiser, organization=organization, role="admin")
    client = Client()
    client.force_login(organiser)
    out.write_text(
        json.dumps(
            {
                "workshop": workshop.id,
                "people": [
                    {
                        "page": reverse("site:workshop", args=[links.participant_token(workshop, r)]),
                        "votes": [
                            reverse(
                                "site:workshop_vote",
                                args=[links.participant_token(workshop, r), ideas[(i + k) % CONTRIBUTIONS].id],
                            )
                            for k in range(dots + 1)
                        ],
                    }
                    for i, r in enumerate(registrations)
                ],
                "projector": reverse("backoffice:workshop_projector_results", args=[workshop.id]),
                "session_cookie": client.cookies["sessionid"].value,
            }
        )
    )


def stored(url: str, workshop_id: int, dots: int) -> tuple[int, int]:
    """(dots stored in the workshop, people holding more than N dots), counted in the database."""
    import psycopg

    with psycopg.connect(url, connect_timeout=10) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT b.id, coalesce(sum(v.dots), 0) FROM workshops_ballot b "
            "LEFT JOIN workshops_vote v ON v.ballot_id = b.id WHERE b.workshop_id = %s GROUP BY b.id",
            [workshop_id],
        )
        rows = cur.fetchall()
    return sum(total for _b, total in rows), sum(1 for _b, total in rows if total > dots)


def person(port: int, plan: dict, barrier: threading.Barrier, results: list, lock: threading.Lock) -> None:
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    outcome = {"accepted": 0, "refused": 0, "errors": 0, "latencies": []}
    try:
        conn.request("GET", plan["page"])
        response = conn.getresponse()
        body = response.read()
        cookie = response.getheader("Set-Cookie", "").split(";", 1)[0]
        token = CSRF_RE.search(body).group(1).decode()
    except (OSError, AttributeError, http.client.HTTPException):
        outcome["errors"] += len(plan["votes"])
        barrier.wait()
        token = None
    else:
        barrier.wait()
    # A fresh connection after the wait: the server closes idle keep-alive connections after 2 s.
    conn.close()
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    for path in plan["votes"] if token else []:
        started = time.perf_counter()
        try:
            conn.request(
                "POST",
                path,
                body=f"csrfmiddlewaretoken={token}&action=ajouter",
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookie,
                    "HX-Request": "true",
                    "Referer": f"http://{HOST}:{port}{plan['page']}",
                },
            )
            response = conn.getresponse()
            response.read()
        except (OSError, http.client.HTTPException):
            outcome["errors"] += 1
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            continue
        outcome["latencies"].append(time.perf_counter() - started)
        if response.status == 200:
            outcome["accepted"] += 1
        elif response.status == 400:
            outcome["refused"] += 1
        else:
            outcome["errors"] += 1
    conn.close()
    with lock:
        results.append(outcome)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=100)
    parser.add_argument("--dots", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--child-setup", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_setup:
        child_setup(people=args.people, dots=args.dots, out=args.child_setup)
        return
    recreate_postgres(POSTGRES_URL)
    try:
        with tempfile.TemporaryDirectory() as folder:
            data_dir = Path(folder)
            env = base_env(database_url=POSTGRES_URL, data_dir=data_dir)
            env["RENCONTRES_EMAIL_BACKEND"] = "django.core.mail.backends.dummy.EmailBackend"
            run_step([str(BIN / "rencontres"), "migrate", "--no-input", "-v", "0"], env, timeout=300)
            run_step([str(BIN / "rencontres"), "collectstatic", "--no-input", "-v", "0"], env, timeout=300)
            plan_path = data_dir / "plan.json"
            run_step(
                [
                    sys.executable,
                    __file__,
                    "--people",
                    str(args.people),
                    "--dots",
                    str(args.dots),
                    "--child-setup",
                    str(plan_path),
                ],
                env,
                timeout=600,
            )
            plan = json.loads(plan_path.read_text())
            with gunicorn(env=env, workers=args.workers, threads=args.threads, log_path=data_dir / "gunicorn.log") as (
                port,
                _p,
            ):
                barrier = threading.Barrier(args.people + 1)
                results, lock = [], threading.Lock()
                threads = [
                    threading.Thread(target=person, args=(port, p, barrier, results, lock)) for p in plan["people"]
                ]
                for thread in threads:
                    thread.start()
                barrier.wait()
                started = time.perf_counter()
                for thread in threads:
                    thread.join()
                seconds = time.perf_counter() - started
                projector = []
                for _ in range(20):
                    conn = http.client.HTTPConnection(HOST, port, timeout=30)
                    t0 = time.perf_counter()
                    conn.request("GET", plan["projector"], headers={"Cookie": f"sessionid={plan['session_cookie']}"})
                    response = conn.getresponse()
                    response.read()
                    projector.append(time.perf_counter() - t0)
                    assert response.status == 200, response.status
                    conn.close()
            accepted = sum(r["accepted"] for r in results)
            latencies = sorted(lat for r in results for lat in r["latencies"])
            stored_dots, over_limit = stored(POSTGRES_URL, plan["workshop"], args.dots)
            print(
                json.dumps(
                    {
                        "bench": "workshop_votes",
                        "db": "postgres",
                        "people": args.people,
                        "clicks": args.people * (args.dots + 1),
                        "accepted": accepted,
                        "refused": sum(r["refused"] for r in results),
                        "errors": sum(r["errors"] for r in results),
                        "stored_dots": stored_dots,
                        "lost": max(0, accepted - stored_dots),
                        "over_limit": over_limit,
                        "seconds": round(seconds, 2),
                        "clicks_per_s": round(len(latencies) / seconds, 1) if seconds else None,
                        "p50_ms": round(1000 * percentile(latencies, 50), 1) if latencies else None,
                        "p95_ms": round(1000 * percentile(latencies, 95), 1) if latencies else None,
                    }
                ),
                flush=True,
            )
            projector.sort()
            print(
                json.dumps(
                    {
                        "bench": "workshop_projector",
                        "db": "postgres",
                        "contributions": CONTRIBUTIONS,
                        "p50_ms": round(1000 * percentile(projector, 50), 1),
                        "p95_ms": round(1000 * percentile(projector, 95), 1),
                    }
                ),
                flush=True,
            )
    finally:
        drop_postgres(POSTGRES_URL)


if __name__ == "__main__":
    main()
