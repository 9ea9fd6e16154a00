import datetime as dt
import json
from pathlib import Path

import pytest

from rencontres.events.demo_data import (
    DEMO_EVENTS,
    DEMO_ORGANISER_EMAIL,
    DEMO_ORGANISER_PASSWORD,
    SOURCE_NAME_CORRECTIONS,
)
from rencontres.events.enums import PayerKind, SessionKind, SessionMode
from rencontres.events.models import Event
from rencontres.organizations.enums import Role
from rencontres.organizations.models import Membership, Organization
from tests.conftest import shared_or_skip

pytestmark = pytest.mark.django_db


EXPECTED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "expected"


def demo_event(seed_prefix: str) -> Event:
    """The loaded event of a seed, by the number its file name starts with (« 000 »…).

    The seed's own edition, the earliest: the demo also opens the next editions of 000 and 004.
    """
    title = next(data.title for data in DEMO_EVENTS if data.seed.startswith(seed_prefix))
    return Event.objects.filter(title=title).earliest("starts_on")


def test_demo_events_keep_their_real_past_dates(demo):
    assert demo_event("000").starts_on == dt.date(2021, 10, 12)
    assert demo_event("001").starts_on == dt.date(2011, 6, 15)
    assert (demo_event("002").starts_on, demo_event("002").ends_on) == (dt.date(2021, 6, 17), dt.date(2021, 6, 24))
    assert demo_event("003").starts_on == dt.date(2014, 11, 6)
    # The source says « juin 2121 »: the demo ends in June 2021.
    assert (demo_event("004").starts_on, demo_event("004").ends_on) == (dt.date(2020, 11, 1), dt.date(2021, 6, 1))


def test_cluny_costs_850_euros_lunches_included_without_vat(demo):
    event = demo_event("000")

    [tier] = event.price_tiers.all()
    assert tier.amount_cents == 85000
    assert tier.includes == "déjeuners inclus"
    assert event.organization.charges_vat is False
    # The Collège's own words (seed 000), not an exemption article the seed never cites.
    assert event.organization.vat_note.startswith("Actuellement pas assujettie à la TVA")
    assert "261-4" not in event.organization.vat_note


def test_only_the_cluny_evening_lecture_is_open_to_the_public(demo):
    event = demo_event("000")

    [lecture] = event.sessions.filter(is_open_to_public=True)
    assert (lecture.day.date, lecture.start_time) == (dt.date(2021, 10, 12), dt.time(20, 0))
    assert lecture.kind == SessionKind.LECTURE
    assert list(lecture.speakers.values_list("name", flat=True)) == ["Jacques Ion"]
    assert event.speakers.get(name="Boris Chevrot").role == "coordinator"


def test_saint_germain_first_day_is_three_online_webinars_and_second_day_on_site(demo):
    event = demo_event("002")

    first_day = event.sessions.filter(day__date=dt.date(2021, 6, 17))
    webinars = first_day.filter(kind=SessionKind.WEBINAR)
    assert webinars.count() == 3
    assert set(first_day.values_list("mode", flat=True)) == {SessionMode.ONLINE}
    assert webinars.get(start_time=dt.time(10)).speakers.count() == 5
    second_day = list(event.sessions.filter(day__date=dt.date(2021, 6, 24)))
    assert {s.mode for s in second_day} == {SessionMode.ON_SITE}
    assert {s.venue.name for s in second_day} == {"Théâtre Alexandre-Dumas"}
    assert [s.kind for s in second_day][-3:] == [SessionKind.WORKSHOP, SessionKind.WORKSHOP, SessionKind.PLENARY]
    assert event.registration_url == "https://cutt.ly/bb9KFm5"


def test_seine_saint_denis_morning_is_free_by_invitation_with_transport_access(demo):
    event = demo_event("003")

    assert event.is_invitation_only is True
    assert not event.price_tiers.exists()
    assert "Métro ligne 5" in event.venue.transport_access
    assert (event.venue.postcode, event.venue.city) == ("93000", "Bobigny")
    assert (event.contact_name, event.contact_email) == ("Patrice Lauthrey", "plauthrey@cg93.fr")
    assert event.department_code == "93"


def test_cnam_certificate_has_twelve_modules_three_tutorials_and_two_prices(demo):
    event = demo_event("004")

    assert (event.places.capacity_min, event.places.capacity_max) == (13, 30)
    assert event.total_hours == 90
    assert [(t.amount_cents, t.payer_kind) for t in event.price_tiers.all()] == [
        (300000, PayerKind.EMPLOYER),
        (150000, PayerKind.INDIVIDUAL),
    ]
    assert event.sessions.filter(kind=SessionKind.MODULE).count() == 12
    assert event.sessions.filter(kind=SessionKind.TUTORING).count() == 3
    assert not event.days.filter(is_month_only=False).exists()
    assert set(event.days.values_list("date__day", flat=True)) == {1}
    assert (event.organization.siret, event.organization.training_body_number) == ("34968515600045", "11754718075")


def test_paca_regional_day_belongs_to_its_cycle_with_three_generated_pdfs(demo):
    """Its three documents are the regional day's resources in the full demo (rencontres.demo.commons)."""
    event = demo_event("001")

    assert event.series.title == "Ateliers territoriaux de la cohésion sociale en PACA"
    resources = list(event.resources.all())
    assert {r.title for r in resources} == {
        "Programme du 15 juin 2011",
        "Préprogramme des ateliers départementaux",
        "Les actes de la journée régionale du 15 juin 2011",
    }
    for resource in resources:
        content = resource.file.read()
        assert content.startswith(b"%PDF")
        assert resource.size_bytes == len(content)
        assert resource.file_type == "PDF"
    assert event.resources.get(kind="proceedings").day.date == dt.date(2011, 6, 15)
    assert not event.documents.exists()


def test_demo_organiser_signs_in_and_administers_every_demo_organisation(demo, client):
    assert client.login(username=DEMO_ORGANISER_EMAIL, password=DEMO_ORGANISER_PASSWORD)
    demo_organizations = Organization.objects.filter(events__isnull=False).distinct()
    assert demo_organizations.count() == 5
    for organization in demo_organizations:
        membership = Membership.objects.get(organization=organization, user__email=DEMO_ORGANISER_EMAIL)
        assert membership.role == Role.ADMIN


def _month_or_day(value: dt.date, like: str) -> str:
    """Our date at the precision of the expected one: « 2020-11 » or « 2021-10-12 »."""
    return value.strftime("%Y-%m") if len(like) == 7 else value.isoformat()


def test_demo_events_match_what_a_careful_reader_extracts_from_the_seeds(demo):
    shared_or_skip(EXPECTED_DIR)
    for data in DEMO_EVENTS:
        expected = json.loads((EXPECTED_DIR / f"{data.seed}.json").read_text())
        event = demo_event(data.seed[:3])
        # Seed 001 announces the whole cycle; the demo event is its regional day.
        assert (event.series.title if event.series else event.title) == expected["title"], data.seed
        assert _month_or_day(event.starts_on, expected["start_date"]) == expected["start_date"], data.seed
        if expected["end_date"]:
            assert _month_or_day(event.ends_on, expected["end_date"]) == expected["end_date"], data.seed
        assert event.sessions.count() == len(expected["sessions"]), data.seed
        expected_names = {SOURCE_NAME_CORRECTIONS.get(s["name"], s["name"]) for s in expected["speakers"]}
        assert set(event.speakers.values_list("name", flat=True)) == expected_names, data.seed
        expected_prices = sorted(round(p["amount"] * 100) for p in expected["prices"])
        assert sorted(event.price_tiers.values_list("amount_cents", flat=True)) == expected_prices, data.seed


def test_no_demo_event_has_an_empty_calendar_file(client, demo):
    import icalendar

    for event in demo:
        response = client.get(f"{event.get_absolute_url()}agenda.ics")
        assert list(icalendar.Calendar.from_ical(response.content).walk("VEVENT")), event.slug
