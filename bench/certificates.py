"""Certificate speed: a finished training of 30 trainees, every certificate issued at once.

    .venv/bin/python bench/certificates.py [--trainees 30] [--db sqlite|postgres|both]

Prints JSON lines {"bench": "certificates", "db", "trainees", "certificates", "seconds",
"first_seconds", "emails", "email_seconds"}: the organiser's bulk issue of a training action
over 4 counter-signed half-days (certificat de réalisation and attestation de fin de
formation for each trainee: hours read from attendance, snapshot, typst PDF with the
signature image and QR code, files written, rows inserted, emails queued), as the request
runs it in production (RENCONTRES_TASKS=database); `first_seconds` is the very first issue
of the process (typst loads its fonts), on another event; `email_seconds` is the worker
sending the queued emails with the PDFs attached (`db_worker --batch`), out of the request.
Target: 30 trainees' certificates in < 2 s.

Then a second line {"bench": "bpf", "db", "trainees", "signed_slots", "actions", "seconds"}: the
BPF (Cerfa 10443) of last year for an organisation whose 50 training actions had 1,000
trainees signing 20,000 counter-signed half-days in all (built with bulk_create), computed as
the back-office page and the API compute it. Target: < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attendance import add_confirmed  # noqa: E402
from pages import BIN, base_env, drop_postgres, recreate_postgres  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/rencontres_certificates_bench"
SIGNATURE = "M10 80 L60 40 L120 90 L200 30 L300 100"
# A small signature-and-stamp PNG (one pixel is enough for the cost of embedding it).
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def build_finished_training(organization, *, trainees: int, title: str):
    """Two days, four half-days, everyone signed, every slot counter-signed; a week ago."""
    import datetime as dt

    from rencontres.attendance import services
    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat
    from rencontres.registrations.models import Registration

    event = event_services.create_event(
        organization=organization, title=title, format=EventFormat.SEMINAIRE, is_training_action=True
    )
    first_day = dt.date.today() - dt.timedelta(days=8)
    for n in range(2):
        day = event_services.add_day(event=event, date=first_day + dt.timedelta(days=n))
        event_services.add_session(day=day, title="Apports", start_time=dt.time(9), end_time=dt.time(12, 30))
        event_services.add_session(day=day, title="Ateliers", start_time=dt.time(14), end_time=dt.time(17))
    event_services.publish_event(event=event)
    add_confirmed(event, trainees, employer_name="CCAS de Bobigny", payer_contact_email="rh@example.org")
    registrations = list(Registration.objects.filter(event=event))
    for slot in services.derive_slots(event=event):
        for registration in registrations:
            services.sign(slot=slot, registration=registration, mode="tablet", signature=SIGNATURE)
        services.validate_slot(slot=slot, trainer_name="Claire Formatrice", signature=SIGNATURE, by=None)
    event.refresh_from_db()
    return event


BPF_ACTIONS, BPF_HALF_DAYS = 50, 20  # 50 actions of 10 days: 1,000 trainees × 20 half-days = 20,000 signed slots


def build_bpf_year(organization, *, trainees: int) -> tuple[int, int]:
    """Last year's training actions of `organization`, all signed and counter-signed, rows inserted in bulk."""
    import datetime as dt
    import itertools

    from django.utils import timezone

    from rencontres.attendance.models import Attendance, AttendanceSlot
    from rencontres.events import services as event_services
    from rencontres.events.enums import EventFormat, TrainerStatus
    from rencontres.events.models import Day, Session, SessionSpeaker, Speaker
    from rencontres.registrations.models import Registration

    year = dt.date.today().year - 1
    per_action = trainees // BPF_ACTIONS
    nsf_codes = itertools.cycle(["332", "330", "333", "315", "413", "344", "345"])
    types = itertools.cycle(["private_employee", "public_agent", "jobseeker", "individual", "other"])
    payers = itertools.cycle(["company", "public_body", "opco", "individual", "training_body"])
    now = timezone.now()
    attendances = []
    for n in range(BPF_ACTIONS):
        event = event_services.create_event(
            organization=organization,
            title=f"Action {n}",
            format=EventFormat.FORMATION_LONGUE,
            is_training_action=True,
            bpf_objective="other",
            nsf_code=next(nsf_codes),
        )
        first = dt.date(year, 1, 5) + dt.timedelta(days=7 * n)
        days = Day.objects.bulk_create(
            Day(event=event, date=first + dt.timedelta(days=d)) for d in range(BPF_HALF_DAYS // 2)
        )
        sessions = Session.objects.bulk_create(
            Session(event=event, day=day, title=title, start_time=dt.time(start), end_time=dt.time(end))
            for day in days
            for title, start, end in (("Apports", 9, 12), ("Ateliers", 14, 17))
        )
        inside, outside = Speaker.objects.bulk_create(
            [
                Speaker(event=event, name="Claire Formatrice", trainer_status=TrainerStatus.INTERNAL),
                Speaker(event=event, name=f"Intervenant {n}", trainer_status=TrainerStatus.EXTERNAL),
            ]
        )
        SessionSpeaker.objects.bulk_create(
            SessionSpeaker(session=session, speaker=inside if i % 2 == 0 else outside)
            for i, session in enumerate(sessions)
        )
        slots = AttendanceSlot.objects.bulk_create(
            AttendanceSlot(
                event=event,
                day=day,
                half=half,
                start_time=dt.time(start),
                end_time=dt.time(start + 3),
                planned_minutes=180,
                validated_at=now,
                trainer_name="Claire Formatrice",
                trainer_signature=SIGNATURE,
            )
            for day in days
            for half, start in (("morning", 9), ("afternoon", 14))
        )
        people = Registration.objects.bulk_create(
            Registration(
                event=event,
                state="confirmed",
                first_name=f"Prénom {i}",
                last_name=f"Nom {i}",
                email=f"stagiaire{n}-{i}@example.org",
                job_title="travailleur social",
                payer_kind="employer",
                trainee_type=next(types),
                payer_category=next(payers),
            )
            for i in range(per_action)
        )
        attendances += [
            Attendance(
                slot=slot, registration=person, status="present", mode="tablet", signature=SIGNATURE, signed_at=now
            )
            for slot in slots
            for person in people
        ]
    Attendance.objects.bulk_create(attendances, batch_size=2000)
    return year, len(attendances)


def bpf_child(*, trainees: int, db: str) -> None:
    from rencontres.organizations.models import Organization
    from rencontres.reporting import bpf

    organization = Organization.objects.create(name="Institut régional", slug="institut-bpf")
    year, signed = build_bpf_year(organization, trainees=trainees)
    bpf.training_report(organization=organization, year=year)  # the first query plans and caches, as a warm server
    started = time.perf_counter()
    report = bpf.training_report(organization=organization, year=year)
    seconds = time.perf_counter() - started
    counted = report.f1_total.count + report.g.count
    print(
        json.dumps(
            {
                "bench": "bpf",
                "db": db,
                "trainees": counted,
                "signed_slots": signed,
                "actions": len(report.events),
                "seconds": round(seconds, 3),
            }
        ),
        flush=True,
    )


def child(*, trainees: int, db: str) -> None:
    import django

    django.setup()
    from django.core import mail
    from django.core.files.base import ContentFile
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from rencontres.certificates import services
    from rencontres.organizations.models import Organization

    organization = Organization.objects.create(
        name="Collège Coopératif",
        slug="college",
        siret="73282932000074",
        training_body_number="11755555555",
        street="1 rue de la Paix",
        postcode="75002",
        city="Paris",
        legal_representative_name="Marie Dupont",
        legal_representative_role="directrice",
    )
    organization.signature_image.save("signature.png", ContentFile(PNG))
    warm_up = build_finished_training(organization, trainees=2, title="Journée d'accueil")
    event = build_finished_training(organization, trainees=trainees, title="Accueil inconditionnel")

    started = time.perf_counter()
    services.issue_for_event(event=warm_up)
    first_seconds = time.perf_counter() - started
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    mail.outbox = []
    started = time.perf_counter()
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        report = profile.runcall(services.issue_for_event, event=event)
        pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
    else:
        report = services.issue_for_event(event=event)
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    email_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "bench": "certificates",
                "db": db,
                "trainees": trainees,
                "certificates": len(report.issued),
                "seconds": round(seconds, 3),
                "first_seconds": round(first_seconds, 3),
                "emails": len(mail.outbox),
                "email_seconds": round(email_seconds, 3),
            }
        ),
        flush=True,
    )
    bpf_child(trainees=1000, db=db)


def run(db: str, trainees: int) -> None:
    workdir = Path(tempfile.mkdtemp(prefix="bench-certificates-"))
    url = POSTGRES_URL if db == "postgres" else f"sqlite:///{workdir / 'db.sqlite3'}"
    if db == "postgres":
        recreate_postgres(url)
    env = base_env(database_url=url, data_dir=workdir)
    env["RENCONTRES_EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    env["RENCONTRES_TASKS"] = "database"
    try:
        result = subprocess.run(
            [str(BIN / "python"), __file__, "--child", db, "--trainees", str(trainees)],
            env=env,
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode != 0 or os.environ.get("BENCH_PROFILE"):
            sys.stderr.write(result.stderr)
            if result.returncode != 0:
                raise SystemExit(f"bench failed on {db}")
        print(result.stdout.strip(), flush=True)
    finally:
        if db == "postgres":
            drop_postgres(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trainees", type=int, default=30)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--child", choices=["sqlite", "postgres"])
    args = parser.parse_args()
    if args.child:
        child(trainees=args.trainees, db=args.child)
        return
    for db in ("sqlite", "postgres") if args.db == "both" else (args.db,):
        run(db, args.trainees)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rencontres.settings")
    main()
