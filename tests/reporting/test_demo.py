"""The demo's BPF: Cluny's 2021 accounting year (seed 000) in its back-office, frame C from its invoices, D typed."""

import pytest
from django.urls import reverse

from rencontres.accounts.models import User
from rencontres.attendance import selectors as attendance_selectors
from rencontres.events.demo_data import DEMO_ORGANISER_EMAIL
from rencontres.reporting import bpf
from tests.events.test_demo import demo_event

pytestmark = pytest.mark.django_db


def test_clunys_2021_bpf_counts_its_seminar_from_the_signed_half_days(demo):
    event = demo_event("000")
    hours = attendance_selectors.event_hours(event)
    expected_minutes = sum(person.minutes for person in hours.people)

    report = bpf.training_report(organization=event.organization, year=2021)

    assert report.events == [event]
    assert report.f1_total.count == len(hours.people) == 14
    assert report.f1_total.minutes == expected_minutes
    public_agents = sum(1 for r in event.registrations.filter(state="confirmed") if r.trainee_type == "public_agent")
    assert {line.line: line.count for line in report.f1}["e"] == public_agents
    assert [(x.code, x.count) for x in report.f4][0] == ("332", 14)
    assert {line.line: line.count for line in report.f3}["d"] == 14
    # Frame E: Boris Chevrot (introduction 1 h 30 + closing review 30 min), Claire Autant-Dorier (round table 1 h 45).
    assert {line.line: (line.count, line.hours) for line in report.e} == {"1": (1, 2), "2": (1, 1.75)}
    assert report.d.charges_cents == 1_040_000 and report.training_share_percent == 38
    # Frame C from Cluny's invoices: employers on line 1, public bodies for their agents on line 3, 850 € each.
    confirmed = event.registrations.filter(state="confirmed")
    public = sum(1 for r in confirmed if r.payer_category == "public_body")
    lines = {line.line: line.amount_cents for line in report.c.lines}
    assert (lines["1"], lines["3"]) == ((14 - public) * 85_000, public * 85_000)
    assert report.c.total_cents == 14 * 85_000
    assert bpf.training_report(organization=event.organization, year=2020).f1_total.count == 0


def test_the_demo_organiser_sees_clunys_2021_bpf_in_the_back_office(demo, client):
    event = demo_event("000")
    client.force_login(User.objects.get(email=DEMO_ORGANISER_EMAIL))

    settings_page = client.get(reverse("backoffice:organization_settings", args=[event.organization_id]))
    assert "Bilan pédagogique et financier" in settings_page.content.decode()
    page = client.get(reverse("backoffice:training_report", args=[event.organization_id, 2021])).content.decode()

    assert "Bilan pédagogique et financier 2021" in page
    assert event.title in page and "Travail social" in page
    assert 'value="10400"' in page and 'value="38"' in page
