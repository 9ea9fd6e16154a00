"""The public face of an event announced before its dates are known: listed, explained, never in a calendar."""

import datetime as dt
import json
import re

import icalendar
import pytest
import time_machine

from rencontres.events.models import Series
from tests import factories

pytestmark = pytest.mark.django_db

PERIOD = "2e semestre 2030"


@pytest.fixture(autouse=True)
def _in_2030():
    with time_machine.travel(dt.datetime(2030, 1, 10, 12, tzinfo=dt.UTC), tick=False):
        yield


@pytest.fixture
def cycle(organization):
    return Series.objects.create(organization=organization, title="Ateliers territoriaux", slug="ateliers")


@pytest.fixture
def announced(organization, cycle):
    return factories.make_event(
        organization,
        title="Séminaire du Var",
        days=(),
        series=cycle,
        department_code="83",
        period_label=PERIOD,
        period_ends_on=dt.date(2030, 12, 31),
    )


def json_ld_scripts(page: str) -> list[dict]:
    return [json.loads(s) for s in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]


def test_its_page_says_dates_and_places_to_come_with_the_period(client, announced):
    page = client.get(announced.get_absolute_url()).content.decode()

    assert "Dates et lieux à venir" in page
    assert PERIOD in page
    assert "Les dates ne sont pas encore connues : les inscriptions ouvriront quand elles le seront." in page
    assert "S&#x27;inscrire" not in page and "S'inscrire" not in page


def test_its_page_links_no_calendar_file_and_carries_no_json_ld(client, announced):
    page = client.get(announced.get_absolute_url()).content.decode()

    assert f"/evenements/{announced.slug}/agenda.ics" not in page
    assert json_ld_scripts(page) == []  # an Event without startDate is invalid structured data


def test_its_calendar_file_is_a_french_404_not_an_empty_calendar(client, announced):
    response = client.get(f"/evenements/{announced.slug}/agenda.ics")

    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_calendar_feeds_leave_it_out_until_it_has_dates(client, organization, announced):
    dated = factories.make_event(organization, title="Journée datée", days=(dt.date(2030, 3, 14),))
    for url in ("/agenda.ics", f"/organismes/{organization.slug}/agenda.ics"):
        response = client.get(url)
        summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")]
        assert summaries == [dated.title], url


def test_the_catalogue_lists_it_after_the_dated_upcoming_events_with_its_period(client, organization, announced):
    factories.make_event(organization, title="Journée de mars", days=(dt.date(2030, 3, 14),))
    factories.make_event(organization, title="Journée de novembre", days=(dt.date(2030, 11, 20),))

    page = client.get("/").content.decode()

    upcoming = page.split('id="upcoming-title"')[1]
    positions = [upcoming.index(title) for title in ("Journée de mars", "Journée de novembre", "Séminaire du Var")]
    assert positions == sorted(positions)
    assert f"{PERIOD} · dates et lieux à venir" in upcoming


def test_once_its_period_is_over_it_is_listed_with_the_past_events(client, organization):
    factories.make_event(
        organization,
        title="Séminaire des Hautes-Alpes",
        days=(),
        period_label="2e semestre 2029",
        period_ends_on=dt.date(2029, 12, 31),
    )

    page = client.get("/?quand=passes").content.decode()
    upcoming_only = client.get("/?quand=a-venir").content.decode()

    assert "Séminaire des Hautes-Alpes" in page
    assert "Séminaire des Hautes-Alpes" not in upcoming_only


def test_its_cycle_page_lists_it_under_its_period_and_only_dated_events_as_sub_events(
    client, organization, cycle, announced
):
    regional_day = factories.make_event(
        organization, title="Journée régionale", days=(dt.date(2030, 6, 15),), series=cycle
    )

    page = client.get(cycle.get_absolute_url()).content.decode()

    after_period = page.split(f'<h3 class="fr-mt-4w">{PERIOD}</h3>')[1]
    assert "Séminaire du Var" in after_period and "Journée régionale" not in after_period
    assert "Dates et lieux à venir." in after_period
    (series_ld,) = json_ld_scripts(page)
    assert [e["name"] for e in series_ld["subEvent"]] == [regional_day.title]


def test_the_atom_feed_announces_it_with_its_period(client, announced):
    feed = client.get("/evenements.atom").content.decode()

    assert "Séminaire du Var" in feed and f"{PERIOD} · dates et lieux à venir" in feed


def test_once_its_period_went_by_without_dates_nothing_is_announced_to_come(client, announced):
    with time_machine.travel(dt.datetime(2031, 1, 2, 12, tzinfo=dt.UTC), tick=False):
        page = client.get(announced.get_absolute_url()).content.decode()
        catalogue = client.get("/?quand=passes").content.decode()
        api = client.get(f"/api/events/{announced.slug}").json()

    assert "Dates et lieux non publiés" in page and f"{PERIOD} · dates et lieux non publiés" in page
    assert "à venir" not in page and "les inscriptions ouvriront" not in page
    assert "Les inscriptions sont closes." in page
    assert api["registration"]["state"] == "closed"
    assert "à venir" not in catalogue.split("Séminaire du Var", 1)[-1][:600]
