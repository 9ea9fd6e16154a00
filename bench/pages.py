"""Load test of the public pages behind gunicorn, on SQLite and on PostgreSQL.

    .venv/bin/python bench/pages.py [--events 10000] [--clients 8] [--seconds 15]
                                    [--db sqlite|postgres|both] [--workers 4] [--threads 1]

For each database: create a fresh one (an SQLite file in a temporary folder; the
PostgreSQL database `rencontres_bench`, dropped and recreated), migrate it, fill it with
published events (2 days, 8 sessions, 5 speakers each) in bulk, serve it with gunicorn
on 127.0.0.1 with DEBUG off, warm up, then drive C concurrent clients at one kind of page
at a time for a bounded time:

    catalogue   /                                    the catalogue home
    filtered    /?format=seminaire&departement=93    a filtered catalogue
    search      /?q=solidarite                       a text search
    event       /evenements/<slug>/                  an event page, at random among all

Prints one line per (database, page) — requests/s, p50 and p95 latency in ms, non-200
answers — then the same as one JSON object per line (lines starting with "{").
The catalogue's cards and the event page's programme are kept in the shared cache until an
event changes, so the timed clients mostly read the cache; after them, each page is asked
5 more times, one at a time, each just after an event's `updated_at` moved (as an edit
does): `after_change_p50_ms` and `after_change_max_ms` are what a page costs to compute.
The target is an event page p95 under 50 ms with 8 clients on a 2-core machine.

Before timing, Chromium (Debian's, through Playwright) opens the home page and an event
page and prints the bytes transferred for a first visit (empty cache) and a repeat visit
(`"bench": "weight"` lines); target under 400 kB for a first visit. --weight-only stops there.

Clients are separate processes by default, each with one persistent HTTP/1.1
connection: with threads, eight Python clients share one GIL on a machine that also
runs the server, and time spent waiting for the GIL shows up as server latency
(--client-mode thread to compare).

--profile N also renders N pages of each kind in-process with Django's test client and
prints the SQL query count per page and where the time goes (cProfile), which is what
to read when a figure misses its target. --keep leaves the databases in place.

--visit-each-first opens every page once before timing. The event page renders its
programme on the first visit after each change of the event and reads it from the cache
afterwards: without the flag, with thousands of events picked at random, most timed visits
are first visits; with it, the figures are those of pages already seen.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import multiprocessing
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/rencontres_bench"
HOST = "127.0.0.1"

PAGES = {
    "catalogue": ["/"],
    "filtered": ["/?format=seminaire&departement=93"],
    "search": ["/?q=solidarite"],
    "event": None,  # filled with every event's address
}
TARGET_PAGE, TARGET_P95_MS = "event", 50.0

# Every wait and every loop has a ceiling.
SERVER_START_TIMEOUT = 60.0
REQUEST_TIMEOUT = 30.0
MAX_REQUESTS_PER_CLIENT_PER_SECOND = 5000
WARMUP_SECONDS = 3.0


# ---------------------------------------------------------------------------
# Filling the database (runs in a child process, with Django set up for that database)
# ---------------------------------------------------------------------------

DEPARTMENTS = {  # code: (town, postcode)
    "93": ("Bobigny", "93000"),
    "75": ("Paris", "75011"),
    "13": ("Marseille", "13001"),
    "69": ("Lyon", "69003"),
    "33": ("Bordeaux", "33000"),
    "59": ("Lille", "59000"),
    "31": ("Toulouse", "31000"),
    "44": ("Nantes", "44000"),
    "67": ("Strasbourg", "67000"),
    "06": ("Nice", "06000"),
    "83": ("Toulon", "83000"),
    "84": ("Avignon", "84000"),
    "04": ("Digne-les-Bains", "04000"),
    "05": ("Gap", "05000"),
    "2A": ("Ajaccio", "20000"),
    "971": ("Pointe-à-Pitre", "97110"),
    "78": ("Saint-Germain-en-Laye", "78100"),
    "92": ("Nanterre", "92000"),
    "94": ("Créteil", "94000"),
    "71": ("Cluny", "71250"),
}
THEMES = [
    "Enfance et famille",
    "Insertion",
    "Logement",
    "Santé mentale",
    "Handicap",
    "Personnes âgées",
    "Solidarités",
    "Accès aux droits",
    "Inclusion numérique",
    "Migrations",
    "Jeunesse",
    "Travail social",
]
KINDS_OF_EVENT = {
    "seminaire": "Séminaire",
    "journee": "Journée d'étude",
    "cycle": "Cycle de rencontres",
    "rencontres": "Rencontres territoriales",
    "matinee": "Matinée d'échanges",
    "formation_longue": "Formation",
    "conference": "Conférence",
    "webinaire": "Webinaire",
    "atelier": "Atelier",
}
TOPICS = [
    "la protection de l'enfance",
    "l'accès aux droits",
    "la lutte contre la précarité",
    "les solidarités de proximité",
    "l'insertion des jeunes",
    "le logement d'abord",
    "l'aller-vers",
    "la participation des personnes accompagnées",
    "le vieillissement et l'autonomie",
    "la santé mentale dans la cité",
    "les violences intrafamiliales",
    "le travail social collectif",
    "l'inclusion numérique",
    "le soutien à la parentalité",
    "l'accueil des personnes exilées",
    "le développement social local",
    "l'économie sociale et solidaire",
    "la médiation sociale",
]
SENTENCES = [
    "Cette rencontre réunit des professionnels de l'action sociale autour de pratiques qui ont fait leurs preuves.",
    "Les intervenants croiseront les regards de la recherche, des institutions et du terrain.",
    "Des temps d'échange en petits groupes permettront à chacun de partager ses expériences.",
    "La journée s'adresse aux travailleurs sociaux, aux agents des CCAS et aux bénévoles associatifs.",
    "Un accent particulier sera mis sur la coopération entre acteurs d'un même territoire.",
    "Les actes seront publiés et mis à disposition de tous les participants.",
    "Les enjeux éthiques de l'accompagnement seront abordés à partir de situations concrètes.",
    "Le déjeuner est pris en commun sur place, pour prolonger les échanges.",
    "Des élus locaux viendront présenter les politiques conduites dans le département.",
    "Une visite de terrain complète les apports théoriques de la matinée.",
]
FIRST_NAMES = [
    "Camille",
    "Dominique",
    "Claude",
    "Nadia",
    "Karim",
    "Sophie",
    "Jean",
    "Fatou",
    "Hélène",
    "Luc",
    "Élise",
    "Mehdi",
    "Anne",
    "Thomas",
    "Inès",
    "Pierre",
    "Marie",
    "Yacine",
    "Chantal",
    "Hugo",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Durand",
    "Lefèvre",
    "Moreau",
    "Diallo",
    "Benali",
    "Girard",
    "Roux",
    "Fournier",
    "Morel",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Garcia",
    "Nguyen",
    "Rousseau",
    "Blanc",
]
AFFILIATIONS = [
    "sociologue, université Paris 8",
    "directrice du CCAS",
    "éducateur spécialisé, association Horizons",
    "cheffe de service, conseil départemental",
    "chercheur au Cnam",
    "psychologue clinicienne",
    "délégué régional, DREETS",
    "conseillère en économie sociale et familiale",
]
SESSION_PLAN = [  # (start, end, kind, title prefix)
    (dt.time(9, 30), dt.time(11, 0), "talk", "Conférence d'ouverture"),
    (dt.time(11, 15), dt.time(12, 30), "round_table", "Table ronde"),
    (dt.time(14, 0), dt.time(15, 30), "workshop", "Atelier"),
    (dt.time(15, 45), dt.time(17, 0), "plenary", "Restitution en plénière"),
]


def fill(*, events: int, seed: int = 42) -> list[str]:
    """Bulk-create `events` published events with their programme; return their slugs.

    Sets what the services keep in step (starts_on/ends_on, search_text, unique slug,
    published_at) without calling them 10,000 times.
    """
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from rencontres.events.enums import EventFormat, EventStatus, PayerKind, SessionMode, SpeakerRole
    from rencontres.events.models import Day, Event, PriceTier, Session, SessionSpeaker, Speaker, Theme, Venue
    from rencontres.events.services import fold_for_search
    from rencontres.organizations.models import Organization
    from rencontres.registrations.models import EventPlaces

    rnd = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    batch = 2000
    format_labels = dict(EventFormat.choices)

    with transaction.atomic():
        themes = Theme.objects.bulk_create([Theme(name=name, slug=slugify(name)) for name in THEMES], batch_size=batch)
        organizations, venues_of = [], {}
        for code, (town, _postcode) in DEPARTMENTS.items():
            for n, kind in enumerate(["Association", "Centre communal d'action sociale"]):
                org = Organization(
                    name=f"{kind} de {town}",
                    short_name=f"{kind.split()[0]} {town}",
                    slug=f"{slugify(kind)}-{slugify(town)}-{n}",
                    siret=f"{rnd.randrange(10**13, 10**14)}",
                    training_body_number=f"{rnd.randrange(10**10, 10**11)}" if n == 0 else "",
                    vat_exemption_note="TVA non applicable, article 261-4-4° a du CGI.",
                )
                org.code = code  # its département, for its venues and events
                organizations.append(org)
        Organization.objects.bulk_create(organizations, batch_size=batch)
        venues = []
        for org in organizations:
            town, postcode = DEPARTMENTS[org.code]
            for name in ["Maison des solidarités", "Salle du conseil", "Centre social"]:
                venues.append(
                    Venue(
                        organization=org,
                        name=f"{name} de {town}",
                        street=f"{rnd.randint(1, 120)} rue de la République",
                        postcode=postcode,
                        city=town,
                        transport_access="Métro, bus : arrêt Mairie, à 5 minutes à pied.",
                        accessibility_notes="Salle accessible aux personnes en fauteuil roulant.",
                    )
                )
        Venue.objects.bulk_create(venues, batch_size=batch)
        for venue in venues:
            venues_of.setdefault(venue.organization_id, []).append(venue)

        formats = list(KINDS_OF_EVENT)
        event_rows, plans, capacities = [], [], []
        for i in range(events):
            org = rnd.choice(organizations)
            fmt = rnd.choice(formats)
            topic = rnd.choice(TOPICS)
            town = DEPARTMENTS[org.code][0]
            title = f"{KINDS_OF_EVENT[fmt]} sur {topic} à {town}"
            online = rnd.random() < 0.2
            venue = rnd.choice(venues_of[org.id]) if rnd.random() < 0.85 else None
            starts_on = today + dt.timedelta(days=rnd.randint(-400, 400))
            description = " ".join(rnd.sample(SENTENCES, 4))
            paid = rnd.random() < 0.6
            # Drawn in the order the Event(...) arguments used to draw them, so the data stays the
            # same; the capacity goes to the places rows (registrations.EventPlaces) written below.
            subtitle = f"Édition {starts_on.year}" if rnd.random() < 0.5 else ""
            invitation_only = rnd.random() < 0.1
            capacities.append((10 if rnd.random() < 0.3 else None, rnd.choice([None, 30, 60, 120, 200])))
            event = Event(
                organization=org,
                title=title,
                subtitle=subtitle,
                slug=f"{slugify(title)[:90].strip('-')}-{i + 1}",
                format=fmt,
                status=EventStatus.PUBLISHED,
                description=description,
                audience="Travailleurs sociaux, agents des CCAS, bénévoles associatifs.",
                objectives="Partager des pratiques.\nConstruire des coopérations sur le territoire.",
                partners="Conseil départemental\nCaisse d'allocations familiales" if rnd.random() < 0.4 else "",
                department_code=org.code,
                commune=town,
                venue=venue,
                registration_opens_at=now - dt.timedelta(days=30),
                registration_closes_at=dt.datetime.combine(starts_on, dt.time(12), tzinfo=dt.UTC)
                - dt.timedelta(days=3),
                is_invitation_only=invitation_only,
                total_hours=12,
                contact_name=f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}",
                contact_email="contact@example.org",
                contact_phone="01 23 45 67 89",
                starts_on=starts_on,
                ends_on=starts_on + dt.timedelta(days=1),
                published_at=now,
            )
            event_rows.append(event)
            plans.append((online, paid, rnd.sample(themes, rnd.randint(1, 3)), topic))
        event_rows = Event.objects.bulk_create(event_rows, batch_size=batch)
        EventPlaces.objects.bulk_create(
            [
                EventPlaces(event=event, capacity_min=low, capacity_max=high)
                for event, (low, high) in zip(event_rows, capacities)
            ],
            batch_size=batch,
        )

        days, speakers, theme_links, tiers = [], [], [], []
        for event, (_online, paid, event_themes, _topic) in zip(event_rows, plans):
            days += [Day(event=event, date=event.starts_on), Day(event=event, date=event.ends_on)]
            for n in range(5):
                speakers.append(
                    Speaker(
                        event=event,
                        name=f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}",
                        affiliation=rnd.choice(AFFILIATIONS),
                        bio=" ".join(rnd.sample(SENTENCES, 2)),
                        role=SpeakerRole.COORDINATOR if n == 0 else SpeakerRole.SPEAKER,
                        order=n,
                    )
                )
            theme_links += [Event.themes.through(event=event, theme=t) for t in event_themes]
            if paid:
                amount = rnd.choice([15000, 35000, 85000, 300000])
                tiers += [
                    PriceTier(
                        event=event,
                        label="Prise en charge par l'employeur",
                        amount_cents=amount,
                        payer_kind=PayerKind.EMPLOYER,
                        includes="déjeuners compris",
                        order=0,
                    ),
                    PriceTier(
                        event=event,
                        label="Inscription individuelle",
                        amount_cents=amount // 2,
                        payer_kind=PayerKind.INDIVIDUAL,
                        order=1,
                    ),
                ]
            elif rnd.random() < 0.5:
                tiers.append(PriceTier(event=event, label="Gratuit", amount_cents=0, payer_kind=PayerKind.FREE))
        days = Day.objects.bulk_create(days, batch_size=batch)
        speakers = Speaker.objects.bulk_create(speakers, batch_size=batch)
        Event.themes.through.objects.bulk_create(theme_links, batch_size=batch)
        PriceTier.objects.bulk_create(tiers, batch_size=batch)

        sessions, session_titles = [], {}
        for index, (event, (online, _paid, _themes, topic)) in enumerate(zip(event_rows, plans)):
            for d, day in enumerate(days[2 * index : 2 * index + 2]):
                for start, end, kind, prefix in SESSION_PLAN:
                    mode = SessionMode.ONLINE if online and d == 0 else SessionMode.ON_SITE
                    if online and d == 1 and kind == "plenary":
                        mode = SessionMode.HYBRID
                    title = f"{prefix} : {topic}"
                    sessions.append(
                        Session(
                            event=event,
                            day=day,
                            start_time=start,
                            end_time=end,
                            title=title,
                            description=rnd.choice(SENTENCES),
                            kind="webinar" if mode == SessionMode.ONLINE else kind,
                            mode=mode,
                            is_open_to_public=kind == "plenary" and rnd.random() < 0.2,
                            online_url="https://visio.example.org/salle" if mode != SessionMode.ON_SITE else "",
                        )
                    )
                    session_titles.setdefault(event.id, []).append(title)
        sessions = Session.objects.bulk_create(sessions, batch_size=batch)
        links = []
        for index, session in enumerate(sessions):
            event_speakers = speakers[5 * (index // 8) : 5 * (index // 8) + 5]
            for speaker in rnd.sample(event_speakers, rnd.randint(1, 2)):
                links.append(SessionSpeaker(session=session, speaker=speaker, role=speaker.role))
        SessionSpeaker.objects.bulk_create(links, batch_size=batch)

        # The folded search text, built from the same parts as services.refresh_search_text.
        for index, (event, (_online, _paid, event_themes, _topic)) in enumerate(zip(event_rows, plans)):
            org = event.organization
            parts = [
                event.title,
                event.subtitle,
                event.description,
                event.audience,
                event.objectives,
                event.commune,
                event.partners,
                org.name,
                org.short_name,
                str(format_labels[event.format]),
            ]
            parts += [t.name for t in event_themes]
            parts += [s.name for s in speakers[5 * index : 5 * index + 5]]
            parts += session_titles[event.id]
            event.search_text = fold_for_search(" ".join(p for p in parts if p))
        Event.objects.bulk_update(event_rows, ["search_text"], batch_size=500)

    # Bulk writes bypass the on-commit indexing: the catalogue's text search reads the index.
    from rencontres.search import indexing

    indexing.rebuild()

    if connection.vendor == "postgresql":
        # Autovacuum would clean the rows rewritten above and analyse the new tables in the
        # middle of the measurement; do it now so the pages are read from a steady-state
        # database, as in production, not while a vacuum takes a share of the two cores.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return [e.slug for e in event_rows]


def child_fill(*, events: int, slugs_path: Path) -> None:
    import django

    django.setup()
    started = time.perf_counter()
    slugs = fill(events=events)
    slugs_path.write_text(json.dumps(slugs))
    print(f"  filled {len(slugs)} events in {time.perf_counter() - started:.1f} s", flush=True)


def child_profile(*, count: int, slugs_path: Path) -> None:
    """Render pages in-process: SQL queries per page, time per page, and the hottest functions."""
    import cProfile
    import io
    import pstats

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    slugs = json.loads(slugs_path.read_text())
    rnd = random.Random(7)
    client = Client(HTTP_HOST=HOST)
    for page, paths in PAGES.items():
        paths = [f"/evenements/{s}/" for s in slugs] if paths is None else paths
        for path in paths[:3]:  # warm caches: templates, translations, connections
            client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(rnd.choice(paths))
        queries = list(captured.captured_queries)  # read now: the next request resets the log
        started = time.process_time()  # CPU time: other processes on the machine do not count
        for _ in range(count):
            client.get(rnd.choice(paths))
        per_page = (time.process_time() - started) * 1000 / count
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(count):
            client.get(rnd.choice(paths))
        profiler.disable()
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        print(
            f"\n== {page}: status {response.status_code}, {len(response.content) // 1024} KiB, "
            f"{per_page:.1f} ms CPU/page in-process, {len(queries)} SQL queries taking {sql_ms:.1f} ms"
        )
        for q in sorted(queries, key=lambda q: -float(q["time"]))[:4]:
            print(f"   {float(q['time']) * 1000:6.1f} ms  {q['sql'][:200]}")
        for order, limit in [("tottime", 14), ("cumulative", 40)]:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats(order).print_stats(limit)
            lines = [line for line in out.getvalue().splitlines() if line.strip()]
            body = lines[lines.index(next(x for x in lines if "ncalls" in x)) :]
            if order == "cumulative":  # the request plumbing above the view tells nothing
                body = [body[0]] + [
                    x
                    for x in body[1:]
                    if "django/test/" not in x
                    and "handlers/" not in x
                    and "middleware" not in x
                    and "deprecation.py" not in x
                ][:22]
            print(f"   -- by {order} (s over {count} pages)")
            print(
                "\n".join(
                    "   "
                    + x.replace(str(REPO / ".venv/lib/python3.11/site-packages") + "/", "").replace(str(REPO) + "/", "")
                    for x in body
                )
            )


# ---------------------------------------------------------------------------
# Databases, server
# ---------------------------------------------------------------------------


def base_env(*, database_url: str, data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "rencontres.settings",
            "DATABASE_URL": database_url,
            "RENCONTRES_DATA_DIR": str(data_dir),
            "RENCONTRES_DEBUG": "0",
            "RENCONTRES_SECRET_KEY": secrets.token_urlsafe(50),
            "RENCONTRES_ALLOWED_HOSTS": HOST,
            "PYTHONUNBUFFERED": "1",
            # The benches register thousands of people from 127.0.0.1: no registration limits.
            "RENCONTRES_REGISTRATION_LIMITS": "0",
        }
    )
    return env


def recreate_postgres(url: str, template: str | None = None) -> None:
    """An empty database at `url`, or a copy of the database `template` (nobody may be connected to it)."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def drop_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_step(args: list[str], env: dict[str, str], timeout: float) -> None:
    result = subprocess.run(args, env=env, cwd=REPO, timeout=timeout, capture_output=True, text=True)
    if result.stdout.strip():
        print(result.stdout.rstrip(), flush=True)
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"step failed: {' '.join(args[:3])}")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def get(port: int, path: str, timeout: float = REQUEST_TIMEOUT) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


AFTER_CHANGE_ROUNDS = 5


def touch_event(url: str, slug: str | None = None) -> None:
    """What an organiser's edit does to the caches: one event's `updated_at` moves (the first one, or `slug`'s)."""
    where = "slug = ?" if slug else "id = (SELECT MIN(id) FROM events_event)"
    if url.startswith("sqlite"):
        import sqlite3

        with contextlib.closing(sqlite3.connect(url.removeprefix("sqlite:///"), timeout=30)) as conn, conn:
            now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
            conn.execute(f"UPDATE events_event SET updated_at = ? WHERE {where}", (now, *([slug] if slug else [])))
        return
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute(
            f"UPDATE events_event SET updated_at = now() WHERE {where.replace('?', '%s')}", [slug] if slug else []
        )


def after_change(port: int, url: str, paths: list[str]) -> dict:
    """The first answer after an edit, one request at a time: what the caches cannot spare.

    The timed clients repeat the same few addresses, so most of their answers come from the
    caches; these figures show the cost of a page that must be computed again.
    """
    latencies = []
    for k in range(AFTER_CHANGE_ROUNDS):
        path = paths[k % len(paths)]
        slug = path.split("/")[2] if path.startswith("/evenements/") else None
        touch_event(url, slug)
        began = time.perf_counter()
        status, _body = get(port, path)
        latencies.append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise RuntimeError(f"{path} answered {status} after a change")
    latencies.sort()
    return {"after_change_p50_ms": percentile(latencies, 50), "after_change_max_ms": latencies[-1]}


def visit_each_once(port: int, paths: list[str], *, clients: int) -> None:
    """Open every page once before timing: what visitors meet once each page has been seen since its last change."""
    with ThreadPoolExecutor(clients) as pool:
        statuses = list(pool.map(lambda path: get(port, path)[0], paths))
    if any(status != 200 for status in statuses):
        raise RuntimeError(f"visiting each page once: {sum(s != 200 for s in statuses)} answers were not 200")


@contextlib.contextmanager
def gunicorn(*, env: dict[str, str], workers: int, threads: int, log_path: Path):
    """A gunicorn serving the site on a free port of 127.0.0.1; stopped however we leave."""
    port = free_port()
    args = [
        str(BIN / "gunicorn"),
        "rencontres.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread" if threads > 1 else "sync",
        "--timeout",
        "60",
        "--graceful-timeout",
        "5",
        "--error-logfile",
        str(log_path),
    ]
    if os.path.isdir("/dev/shm"):
        args += ["--worker-tmp-dir", "/dev/shm"]
    log = open(log_path.with_suffix(".out"), "wb")  # noqa: SIM115 (open for the server's whole life)
    process = subprocess.Popen(args, env=env, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {process.returncode}; see {log_path}")
            try:
                status, _ = get(port, "/", timeout=10)
                if status == 200:
                    break
                raise RuntimeError(f"gunicorn answers {status} on /; see {log_path}")
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not answer within {SERVER_START_TIMEOUT:.0f} s") from None
                time.sleep(0.2)
        yield port, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)  # the master stops its workers
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # its own session, started above
                process.wait(timeout=5)
        log.close()


# ---------------------------------------------------------------------------
# CPU accounting: on a shared machine wall-clock latency moves with the neighbours'
# load; the CPU each request costs the server does not.
# ---------------------------------------------------------------------------

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of one process, 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def process_tree(pid: int) -> list[int]:
    """The process and its children (gunicorn's master and workers)."""
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            pids += [int(p) for p in (task / "children").read_text().split()]
    return pids


def postgres_backends(database: str) -> list[int]:
    """Server processes serving connections to `database` (their title names it)."""
    pids = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            title = cmdline.read_bytes()  # "postgres: [cluster: ]user database host(port) state"
            if title.startswith(b"postgres: ") and f" {database} {HOST}(".encode() in title:
                pids.append(int(cmdline.parent.name))
    return pids


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    idle = values[3] + values[4]
    return (sum(values) - idle) / CLOCK_TICKS, sum(values) / CLOCK_TICKS


class CpuMeter:
    """CPU spent by groups of processes between start() and stop()."""

    def __init__(self, groups):
        self.groups = groups  # name -> callable returning the group's pids now

    def snapshot(self) -> dict:
        snap = {name: {pid: process_cpu(pid) for pid in pids()} for name, pids in self.groups.items()}
        snap["_machine"] = machine_cpu()
        snap["_self"] = sum(os.times()[:2])
        return snap

    def start(self) -> None:
        self.before = self.snapshot()

    def stop(self) -> dict:
        after, before = self.snapshot(), self.before
        spent = {
            name: sum(cpu - before[name].get(pid, 0.0) for pid, cpu in after[name].items()) for name in self.groups
        }
        spent["self"] = after["_self"] - before["_self"]
        busy = after["_machine"][0] - before["_machine"][0]
        total = after["_machine"][1] - before["_machine"][1]
        spent["others"] = max(0.0, busy - sum(spent.values()))
        spent["machine_total"] = total
        return spent


# ---------------------------------------------------------------------------
# Load
# ---------------------------------------------------------------------------


def client(port: int, paths: list[str], start_at: float, seconds: float, seed: int) -> dict:
    """One client: requests one after the other on a persistent connection until the deadline."""
    rnd = random.Random(seed)
    latencies, errors, statuses = [], 0, {}
    max_requests = int(seconds * MAX_REQUESTS_PER_CLIENT_PER_SECOND) + 1
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    time.sleep(max(0.0, min(start_at - time.time(), 10.0)))
    deadline = start_at + seconds
    try:
        for _ in range(max_requests):
            if time.time() >= deadline:
                break
            path = rnd.choice(paths)
            began = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()  # reopened by the next request
            latencies.append((time.perf_counter() - began) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
            errors += status != 200
    finally:
        conn.close()
    return {"latencies": latencies, "errors": errors, "statuses": statuses, "ended_at": time.time()}


def _client_star(args):
    return client(*args)


def drive(*, port: int, paths: list[str], clients: int, seconds: float, mode: str, pool, meter=None) -> dict:
    if meter:
        meter.start()
    start_at = time.time() + 0.5
    jobs = [(port, paths, start_at, seconds, 1000 + n) for n in range(clients)]
    if mode == "thread":
        with ThreadPoolExecutor(clients) as executor:
            results = list(executor.map(_client_star, jobs, timeout=seconds + REQUEST_TIMEOUT + 15))
    else:
        results = pool.map_async(_client_star, jobs).get(timeout=seconds + REQUEST_TIMEOUT + 15)
    latencies = sorted(x for r in results for x in r["latencies"])
    statuses: dict[int, int] = {}
    for r in results:
        for status, n in r["statuses"].items():
            statuses[status] = statuses.get(status, 0) + n
    elapsed = max(r["ended_at"] for r in results) - start_at
    cpu = meter.stop() if meter else {}
    per_request = {
        f"{name}_cpu_ms": cpu.get(name, 0.0) * 1000 / max(1, len(latencies))
        for name in ["server", "database", "clients"]
    }
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed if elapsed > 0 else 0.0,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "max_ms": latencies[-1] if latencies else 0.0,
        "errors": sum(r["errors"] for r in results),
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        **per_request,
        # Share of the machine's CPU used by processes other than this benchmark's during
        # the run: above a few percent, latencies are inflated by neighbours.
        "others_cpu_pct": 100 * cpu.get("others", 0.0) / cpu["machine_total"] if cpu.get("machine_total") else 0.0,
    }


def percentile(ordered: list[float], p: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WEIGHT_TARGET_BYTES = 400_000


def page_weight(port: int, paths: dict[str, str]) -> list[dict]:
    """Bytes a browser transfers for a first visit of each page (empty cache) and a repeat visit (its cache).

    Chromium, driven by Playwright, counts every response's encoded length (headers and
    compressed body) as the DevTools protocol reports it: what a visitor on a slow line
    waits for. Each page gets a fresh browser context, so the first visit starts cold.
    """
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, path in paths.items():
                context = browser.new_context()
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                counted = {"bytes": 0, "requests": 0}

                def finished(event, counted=counted):
                    if event.get("encodedDataLength", 0) > 0:
                        counted["bytes"] += int(event["encodedDataLength"])
                        counted["requests"] += 1

                cdp.on("Network.loadingFinished", finished)
                visits = []
                for _visit in ("first", "repeat"):
                    counted.update(bytes=0, requests=0)
                    page.goto(f"http://{HOST}:{port}{path}", wait_until="networkidle")
                    visits.append(dict(counted))
                context.close()
                results.append(
                    {
                        "bench": "weight",
                        "page": name,
                        "path": path,
                        "first_visit_bytes": visits[0]["bytes"],
                        "first_visit_requests": visits[0]["requests"],
                        "repeat_visit_bytes": visits[1]["bytes"],
                        "repeat_visit_requests": visits[1]["requests"],
                        "target_bytes": WEIGHT_TARGET_BYTES,
                        "meets_target": visits[0]["bytes"] < WEIGHT_TARGET_BYTES,
                    }
                )
        finally:
            browser.close()
    return results


def bench_database(db: str, args, pool) -> list[dict]:
    workdir = Path(tempfile.mkdtemp(prefix=f"rencontres-bench-{db}-"))
    url = f"sqlite:///{workdir / 'bench.sqlite3'}" if db == "sqlite" else args.postgres_url
    env = base_env(database_url=url, data_dir=workdir)
    results = []
    try:
        print(f"\n[{db}] {url}", flush=True)
        if db == "postgres":
            recreate_postgres(url)
        started = time.perf_counter()
        run_step([str(BIN / "rencontres"), "migrate", "--verbosity", "0"], env, timeout=300)
        run_step([str(BIN / "rencontres"), "collectstatic", "--no-input", "--verbosity", "0"], env, timeout=300)
        print(f"  migrated in {time.perf_counter() - started:.1f} s", flush=True)
        slugs_path = workdir / "slugs.json"
        run_step(
            [sys.executable, __file__, "--child-fill", str(slugs_path), "--events", str(args.events)], env, timeout=1200
        )
        slugs = json.loads(slugs_path.read_text())
        pages = {name: paths or [f"/evenements/{s}/" for s in slugs] for name, paths in PAGES.items()}
        pages = {name: paths for name, paths in pages.items() if name in args.pages}

        if args.profile:
            run_step(
                [sys.executable, __file__, "--child-profile", str(slugs_path), "--profile", str(args.profile)],
                env | {"RENCONTRES_ALLOWED_HOSTS": f"{HOST},testserver"},
                timeout=900,
            )

        log_path = workdir / "gunicorn.log"
        with gunicorn(env=env, workers=args.workers, threads=args.threads, log_path=log_path) as (port, server):
            database = url.rsplit("/", 1)[1]
            meter = CpuMeter(
                {
                    "server": lambda: process_tree(server.pid),
                    "database": lambda: postgres_backends(database) if db == "postgres" else [],
                    "clients": lambda: [p.pid for p in multiprocessing.active_children()],
                }
            )
            for name, paths in pages.items():  # every page answers 200 before we time anything
                status, body = get(port, paths[0])
                if status != 200:
                    raise RuntimeError(f"{name} {paths[0]} answered {status}: {body[:300]!r}")
            if os.path.exists(CHROMIUM):
                for weight in page_weight(port, {"home": "/", "event": f"/evenements/{slugs[0]}/"}):
                    results.append({**weight, "db": db})
                    print(
                        f"  {db:8} weight {weight['page']:6} first visit {weight['first_visit_bytes'] / 1000:.0f} kB "
                        f"({weight['first_visit_requests']} requests), repeat visit "
                        f"{weight['repeat_visit_bytes'] / 1000:.0f} kB ({weight['repeat_visit_requests']} requests)",
                        flush=True,
                    )
            else:
                print(f"  no {CHROMIUM}: page weights not measured (apt-get install chromium)", flush=True)
            if args.weight_only:
                pages = {}
            if args.visit_each_first:
                visit_each_once(port, [p for paths in pages.values() for p in paths], clients=args.clients)
            warmup = [p for paths in pages.values() for p in paths[:50]]
            if warmup:
                drive(
                    port=port,
                    paths=warmup,
                    clients=args.clients,
                    seconds=WARMUP_SECONDS,
                    mode=args.client_mode,
                    pool=pool,
                )
            for name, paths in pages.items():
                figures = drive(
                    port=port,
                    paths=paths,
                    clients=args.clients,
                    seconds=args.seconds,
                    mode=args.client_mode,
                    pool=pool,
                    meter=meter,
                )
                figures |= after_change(port, url, paths)
                result = {
                    "bench": "pages",
                    "db": db,
                    "page": name,
                    "path": paths[0] if len(paths) == 1 else "/evenements/<slug>/",
                    "events": args.events,
                    "clients": args.clients,
                    "seconds": args.seconds,
                    "workers": args.workers,
                    "threads": args.threads,
                    "client_mode": args.client_mode,
                    "each_page_visited_first": args.visit_each_first,
                    **figures,
                }
                results.append(result)
                print(
                    f"  {db:8} {name:10} {figures['rps']:7.1f} req/s  p50 {figures['p50_ms']:6.1f} ms  "
                    f"p95 {figures['p95_ms']:6.1f} ms  p99 {figures['p99_ms']:6.1f} ms  "
                    f"errors {figures['errors']}  (n={figures['requests']})  CPU/req: server "
                    f"{figures['server_cpu_ms']:.1f} ms, db {figures['database_cpu_ms']:.1f} ms, clients "
                    f"{figures['clients_cpu_ms']:.1f} ms; others used {figures['others_cpu_pct']:.0f}% of the machine; "
                    f"after a change p50 {figures['after_change_p50_ms']:.1f} ms, max {figures['after_change_max_ms']:.1f} ms",
                    flush=True,
                )
        if log_path.exists() and "Traceback" in log_path.read_text(errors="replace"):
            print(f"  gunicorn logged tracebacks: see {log_path}", flush=True)
    finally:
        if not args.keep:
            if db == "postgres":
                with contextlib.suppress(Exception):
                    drop_postgres(url)
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"  kept {workdir}" + (f" and {url}" if db == "postgres" else ""), flush=True)
    return results


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15.0, help="measured time per page (default 15)")
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="gunicorn worker processes (default 2, one per core: pages are CPU-bound; 4 measured slower)",
    )
    parser.add_argument("--threads", type=int, default=1, help="threads per worker; >1 uses gthread (default 1)")
    parser.add_argument("--client-mode", choices=["process", "thread"], default="process")
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="also profile N in-process renderings of each page"
    )
    parser.add_argument("--keep", action="store_true", help="keep the databases for a look afterwards")
    parser.add_argument(
        "--visit-each-first",
        action="store_true",
        help="open every page once before timing (the event page keeps its programme in the cache from the "
        "first visit after each change; without this flag most timed visits are first visits)",
    )
    parser.add_argument(
        "--weight-only",
        action="store_true",
        help="only the bytes a browser transfers for the home and an event page, first and repeat visit",
    )
    parser.add_argument("--child-fill", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-profile", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 256 and 0 < args.seconds <= 600 and 1 <= args.events <= 1_000_000):
        parser.error("--clients 1..256, --seconds up to 600, --events 1..1,000,000")
    return args


def main(argv=None) -> None:
    args = parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    if args.child_fill:
        return child_fill(events=args.events, slugs_path=args.child_fill)
    if args.child_profile:
        return child_profile(count=args.profile, slugs_path=args.child_profile)

    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    print(
        f"{args.events} events, {args.clients} {args.client_mode} clients, {args.seconds:g} s per page, "
        f"gunicorn {args.workers} workers x {args.threads} threads, {os.cpu_count()} CPUs",
        flush=True,
    )
    pool = multiprocessing.get_context("fork").Pool(args.clients) if args.client_mode == "process" else None
    results = []
    try:
        for db in databases:
            results += bench_database(db, args, pool)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
    print()
    for result in results:
        print(json.dumps(result, ensure_ascii=False))
    target = [r for r in results if r["bench"] == "pages" and r["page"] == TARGET_PAGE]
    for r in target:
        verdict = "meets" if r["p95_ms"] < TARGET_P95_MS else "MISSES"
        print(
            f"# {r['db']}: event page p95 {r['p95_ms']:.1f} ms with {r['clients']} clients "
            f"{verdict} the {TARGET_P95_MS:.0f} ms target"
        )


if __name__ == "__main__":
    main()
