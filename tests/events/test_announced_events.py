"""An event announced before its dates are known (seed 001: « un séminaire par département prévu
courant 2e semestre 2011 »): published with a period, then dated like any other."""

import datetime as dt

import pytest

from rencontres.events import services
from rencontres.events.enums import EventStatus
from rencontres.events.exceptions import EventRuleError
from rencontres.events.models import Event, Series
from tests import factories

pytestmark = pytest.mark.django_db

PACA_DEPARTMENTS = {"04", "05", "06", "13", "83", "84"}


def test_an_event_with_a_period_and_no_day_can_be_published(organization):
    event = factories.make_event(organization, days=(), published=False, period_label="2e semestre 2030")

    services.publish_event(event=event)

    event.refresh_from_db()
    assert event.status == EventStatus.PUBLISHED and not event.is_dated


def test_an_event_with_neither_day_nor_period_is_not_published(organization):
    event = factories.make_event(organization, days=(), published=False, period_label="  ")

    with pytest.raises(EventRuleError, match="indiquez la période annoncée"):
        services.publish_event(event=event)

    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT


def test_an_announced_event_is_dated_by_adding_its_first_day(organization):
    event = factories.make_event(organization, days=(), period_label="2e semestre 2030")

    services.add_day(event=event, date=dt.date(2030, 10, 6))

    event.refresh_from_db()
    assert event.is_dated and event.starts_on == dt.date(2030, 10, 6)


def test_the_organiser_sets_the_period_in_the_editor_then_publishes(client, alice, organization):
    draft = factories.make_event(organization, title="Séminaire du Var", days=(), published=False)
    client.force_login(alice)
    editor = client.get(f"/gestion/evenements/{draft.id}/").content.decode()
    assert 'name="period_label"' in editor and "Période annoncée" in editor

    response = client.post(
        f"/gestion/evenements/{draft.id}/",
        {
            "title": draft.title,
            "format": draft.format,
            "period_label": "2e semestre 2030",
            "period_ends_on": "2030-12-31",
        },
    )
    assert response.status_code == 302
    client.post(f"/gestion/evenements/{draft.id}/publier/")

    draft.refresh_from_db()
    assert draft.period_label == "2e semestre 2030" and draft.period_ends_on == dt.date(2030, 12, 31)
    assert draft.status == EventStatus.PUBLISHED


def test_a_period_end_without_a_period_is_refused_in_the_editor(client, alice, organization):
    draft = factories.make_event(organization, days=(), published=False)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{draft.id}/",
        {"title": draft.title, "format": draft.format, "period_ends_on": "31/12/2030"},
    )

    assert response.status_code == 400
    assert "Indiquez la période annoncée" in response.content.decode()
    draft.refresh_from_db()
    assert draft.period_ends_on is None


def test_the_demo_paca_cycle_announces_a_seminar_in_each_departement(demo):
    cycle = Series.objects.get(slug="ateliers-territoriaux-cohesion-sociale-paca")
    events = Event.objects.filter(series=cycle)
    regional_day = events.get(starts_on=dt.date(2011, 6, 15))
    seminars = events.exclude(pk=regional_day.pk)

    assert events.count() == 7  # « un cycle de 7 séminaires »
    assert set(seminars.values_list("department_code", flat=True)) == PACA_DEPARTMENTS
    for seminar in seminars:
        assert seminar.status == EventStatus.PUBLISHED
        assert not seminar.days.exists() and seminar.starts_on is None
        assert seminar.period_label == "2e semestre 2011"
        assert seminar.organization_id == regional_day.organization_id


def test_the_demo_cycle_page_lists_the_seminars_under_their_period(demo, client):
    page = client.get("/cycles/ateliers-territoriaux-cohesion-sociale-paca/").content.decode()

    announced = page.split('<h3 class="fr-mt-4w">2e semestre 2011</h3>')[1].split("Les actes du cycle")[0]
    for of_department in ("des Alpes-de-Haute-Provence", "des Hautes-Alpes", "du Var", "de Vaucluse"):
        assert f"Séminaire de la cohésion sociale {of_department}" in announced
    assert "L&#x27;innovation comme outil" not in announced  # the regional day is dated: listed above
