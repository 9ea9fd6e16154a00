"""Calendars, feeds, sitemap and structured data that other tools read (issue 11, point 6)."""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
import time_machine
from django.core.files.base import ContentFile

from rencontres.events import services
from rencontres.events.enums import SessionMode, SpeakerRole
from rencontres.events.models import Series, Theme
from rencontres.registrations.services import set_capacity
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PNG_1PX = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC), tick=False):
        yield


def vevents(response) -> list:
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    return list(icalendar.Calendar.from_ical(response.content).walk("VEVENT"))


def json_ld(response) -> dict:
    page = response.content.decode()
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def test_days_without_times_are_all_day_entries_and_a_month_only_module_spans_its_month(client, organization):
    event = factories.make_event(
        organization, days=(dt.date(2027, 3, 14), dt.date(2027, 3, 15)), sessions_per_day=0, commune="Cluny"
    )
    services.add_day(event=event, date=dt.date(2027, 11, 1), title="Module 3", is_month_only=True)

    first, second, module = vevents(client.get(f"{event.get_absolute_url()}agenda.ics"))

    assert (first.decoded("DTSTART"), first.decoded("DTEND")) == (dt.date(2027, 3, 14), dt.date(2027, 3, 15))
    assert second.decoded("DTSTART") == dt.date(2027, 3, 15)
    assert str(first["LOCATION"]) == "Cluny"  # no venue: the commune the event gives
    assert (module.decoded("DTSTART"), module.decoded("DTEND")) == (dt.date(2027, 11, 1), dt.date(2027, 12, 1))
    assert str(module["TRANSP"]) == "TRANSPARENT" and "dates précises à venir" in str(module["SUMMARY"])


def test_the_site_feed_has_each_recent_or_coming_public_event_once_and_leaves_out_drafts(client, organization):
    factories.make_event(organization, title="Journée régionale", days=(dt.date(2027, 1, 14), dt.date(2027, 1, 15)))
    factories.make_event(organization, title="Brouillon", published=False)
    factories.make_event(organization, title="Il y a trois ans", days=(dt.date(2023, 6, 1),))

    (entry,) = vevents(client.get("/agenda.ics"))

    assert str(entry["SUMMARY"]) == "Journée régionale"
    assert (entry.decoded("DTSTART"), entry.decoded("DTEND")) == (dt.date(2027, 1, 14), dt.date(2027, 1, 16))
    assert str(entry["URL"]).startswith("http://testserver/evenements/")


def test_an_organisation_and_a_theme_each_have_their_feed(client, organization, other_organization):
    logement = Theme.objects.create(name="Logement", slug="logement")
    ours = factories.make_event(organization, title="Nos assises")
    ours.themes.add(logement)
    factories.make_event(organization, title="Notre autre journée")
    theirs = factories.make_event(other_organization, title="Leur forum")
    theirs.themes.add(logement)

    ours_feed = {str(e["SUMMARY"]) for e in vevents(client.get(f"/organismes/{organization.slug}/agenda.ics"))}
    theme_feed = {str(e["SUMMARY"]) for e in vevents(client.get("/themes/logement/agenda.ics"))}

    assert ours_feed == {"Nos assises", "Notre autre journée"}
    assert theme_feed == {"Nos assises", "Leur forum"}
    assert client.get("/organismes/inconnu/agenda.ics").status_code == 404


def test_the_atom_feed_lists_new_events_newest_first(client, organization):
    with time_machine.travel(dt.datetime(2026, 10, 1, tzinfo=dt.UTC), tick=False):
        factories.make_event(organization, title="Annoncée en octobre")
    with time_machine.travel(dt.datetime(2026, 11, 1, tzinfo=dt.UTC), tick=False):
        factories.make_event(organization, title="Annoncée en novembre")
    factories.make_event(organization, title="Pas encore publiée", published=False)

    response = client.get("/evenements.atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == ["Annoncée en novembre", "Annoncée en octobre"]
    link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.startswith("http://testserver/evenements/")


def test_the_sitemap_lists_public_events_and_cycles_not_drafts(client, organization):
    series = Series.objects.create(organization=organization, title="Ateliers territoriaux", slug="ateliers")
    public = factories.make_event(organization, title="Journée", series=series)
    draft = factories.make_event(organization, title="Brouillon", published=False)

    tree = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}

    assert f"http://testserver{public.get_absolute_url()}" in urls
    assert f"http://testserver{draft.get_absolute_url()}" not in urls
    assert "http://testserver/cycles/ateliers/" in urls and "http://testserver/" in urls
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots and "Disallow: /gestion/" in robots


def test_an_event_page_has_a_description_and_open_graph_with_the_organisation_logo(client, organization):
    organization.logo.save("logo.png", ContentFile(PNG_1PX))
    event = factories.make_event(organization, title="Assises du logement", subtitle="Habiter autrement")

    page = client.get(event.get_absolute_url()).content.decode()

    assert '<meta name="description" content="Habiter autrement">' in page
    assert '<meta property="og:title" content="Assises du logement">' in page
    assert f'<meta property="og:url" content="http://testserver{event.get_absolute_url()}">' in page
    (image,) = re.findall(r'<meta property="og:image" content="([^"]+)">', page)
    logo = client.get(image.removeprefix("http://testserver"))
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"
    assert logo["X-Content-Type-Options"] == "nosniff"


def test_json_ld_meets_the_event_rich_result_requirements(client, organization):
    organization.website = "https://www.ccas-bobigny.fr"
    organization.save()
    event = factories.make_event(organization, title="Forum", commune="Bobigny")
    set_capacity(event=event, capacity_max=1)
    services.add_price_tier(event=event, label="Employeur", amount_cents=12000, payer_kind="employer")
    speaker = services.add_speaker(
        event=event, name="Boris Chevrot", affiliation="Psychologue", role=SpeakerRole.SPEAKER
    )
    services.update_session(session=event.sessions.get(), speakers=[speaker])

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["location"]["name"] == "Bobigny"  # no venue: the commune
    assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
    assert data["eventStatus"].endswith("EventScheduled")
    (offer,) = data["offers"]
    assert (offer["price"], offer["priceCurrency"]) == ("120.00", "EUR")
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["url"] == f"http://testserver{event.get_absolute_url()}"
    assert offer["validFrom"].startswith("2026-11-21")  # published today
    assert data["performer"] == [{"@type": "Person", "name": "Boris Chevrot", "description": "Psychologue"}]
    assert data["organizer"] == {
        "@type": "Organization",
        "name": organization.name,
        "url": "https://www.ccas-bobigny.fr",
    }


def test_json_ld_of_a_full_free_online_event(client, organization):
    from tests.registrations.builders import register

    event = factories.make_event(organization, title="Webinaire")
    services.update_session(
        session=event.sessions.get(), mode=SessionMode.ONLINE, online_url="https://visio.example.org"
    )
    set_capacity(event=event, capacity_max=1)
    register(event, "anne@example.org")

    data = json_ld(client.get(event.get_absolute_url()))

    assert data["location"] == {"@type": "VirtualLocation", "url": f"http://testserver{event.get_absolute_url()}"}
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    (offer,) = data["offers"]
    assert (offer["price"], offer["availability"]) == ("0", "https://schema.org/SoldOut")
    assert data["isAccessibleForFree"] is True


def test_a_cycle_page_is_an_event_series_of_its_events(client, organization):
    series = Series.objects.create(organization=organization, title="Ateliers territoriaux", slug="ateliers")
    factories.make_event(organization, title="Var", series=series, days=(dt.date(2027, 5, 3),))
    factories.make_event(organization, title="Vaucluse", series=series, days=(dt.date(2027, 6, 7),))

    data = json_ld(client.get("/cycles/ateliers/"))

    assert data["@type"] == "EventSeries" and data["name"] == "Ateliers territoriaux"
    assert [(e["name"], e["startDate"]) for e in data["subEvent"]] == [
        ("Var", "2027-05-03"),
        ("Vaucluse", "2027-06-07"),
    ]
