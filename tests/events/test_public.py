import datetime as dt
import json
import re

import icalendar
import pytest
import time_machine
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rencontres.events import services
from rencontres.events.enums import EventFormat, SessionKind, SessionMode, SpeakerRole
from rencontres.events.models import Theme
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(autouse=True)
def _frozen_today():
    with time_machine.travel(dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC), tick=False):
        yield


def titles(response) -> list[str]:
    return re.findall(r'class="fr-card__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())


def test_home_lists_upcoming_events_before_past_ones_under_their_headings(client, organization):
    factories.make_event(organization, title="Journée passée", days=(dt.date(2021, 6, 24),))
    factories.make_event(organization, title="Séminaire à venir", days=(dt.date(2027, 3, 2),))
    page = client.get("/").content.decode()
    assert (
        page.index('id="upcoming-title"')
        < page.index("Séminaire à venir")
        < page.index('id="past-title"')
        < page.index("Journée passée")
    )


def test_drafts_are_not_in_the_catalogue(client, organization):
    factories.make_event(organization, title="Brouillon secret", published=False)
    assert "Brouillon secret" not in client.get("/").content.decode()


def test_catalogue_filters_by_format_department_online_free_and_theme(client, organization):
    social = Theme.objects.create(name="Cohésion sociale", slug="cohesion-sociale")
    seminar = factories.make_event(
        organization,
        title="Séminaire de Bobigny",
        format=EventFormat.SEMINAIRE,
        department_code="93",
        days=(dt.date(2027, 1, 5),),
    )
    services.add_price_tier(event=seminar, label="Tarif", amount_cents=85000, payer_kind="employer")
    webinar = factories.make_event(
        organization,
        title="Webinaire régional",
        format=EventFormat.WEBINAIRE,
        department_code="13",
        days=(dt.date(2027, 1, 6),),
    )
    services.update_session(session=webinar.sessions.get(), mode=SessionMode.ONLINE)
    webinar.themes.add(social)

    assert titles(client.get("/?format=seminaire")) == ["Séminaire de Bobigny"]
    assert titles(client.get("/?departement=13")) == ["Webinaire régional"]
    assert titles(client.get("/?en_ligne=on")) == ["Webinaire régional"]
    assert titles(client.get("/?gratuit=on")) == ["Webinaire régional"]
    assert titles(client.get("/?theme=cohesion-sociale")) == ["Webinaire régional"]


def test_catalogue_cards_carry_the_online_and_free_badges_of_their_own_event(client, organization):
    paid = factories.make_event(organization, title="Formation payante", days=(dt.date(2027, 1, 5),))
    services.add_price_tier(event=paid, label="Tarif", amount_cents=85000, payer_kind="employer")
    online = factories.make_event(organization, title="Webinaire gratuit", days=(dt.date(2027, 1, 6),))
    services.update_session(session=online.sessions.get(), mode=SessionMode.ONLINE)
    cards = client.get("/").content.decode().split('class="fr-card ')[1:]
    by_title = {next(t for t in ("Formation payante", "Webinaire gratuit") if t in card): card for card in cards}
    assert "En ligne" not in by_title["Formation payante"] and "Gratuit" not in by_title["Formation payante"]
    assert "En ligne" in by_title["Webinaire gratuit"] and "Gratuit" in by_title["Webinaire gratuit"]


def test_catalogue_cards_say_where_and_who_without_a_dangling_separator(client, organization):
    factories.make_event(organization, title="Sans lieu", days=(dt.date(2027, 1, 5),))
    factories.make_event(
        organization, title="En Seine-Saint-Denis", days=(dt.date(2027, 1, 6),), commune="Bobigny", department_code="93"
    )
    places = re.findall(r'fr-icon-map-pin-2-line">([^<]*)</p>', client.get("/").content.decode())
    assert places == ["Ville de Saint-Germain", "Bobigny (93) · Ville de Saint-Germain"]


def test_text_search_ignores_accents_and_case(client, organization, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the search index is kept in step on commit
        factories.make_event(organization, title="Quelles solidarités pour demain ?", days=(dt.date(2027, 1, 5),))
        factories.make_event(organization, title="Économie sociale", days=(dt.date(2027, 1, 6),))
    assert titles(client.get("/?q=SOLIDARITES")) == ["Quelles solidarités pour demain ?"]
    assert titles(client.get("/?q=economie")) == ["Économie sociale"]


def test_past_filter_shows_only_past_events(client, organization):
    factories.make_event(organization, title="Ancienne", days=(dt.date(2020, 1, 5),))
    factories.make_event(organization, title="Prochaine", days=(dt.date(2027, 1, 5),))
    assert titles(client.get("/?quand=passes")) == ["Ancienne"]
    assert titles(client.get("/?quand=a-venir")) == ["Prochaine"]


def test_bad_filter_values_get_a_french_message_not_a_crash(client, organization):
    response = client.get("/?departement=999&format=banquet&quand=hier")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Indiquez un code de département français" in page
    assert "Sélectionnez un choix valide" in page


def test_unknown_page_answers_in_french(client):
    response = client.get("/evenements/nexiste-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_a_draft_is_visible_to_its_organisation_only(client, organization, alice, charlie):
    event = factories.make_event(organization, title="Brouillon", published=False)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(charlie)
    assert client.get(event.get_absolute_url()).status_code == 404
    client.force_login(alice)
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Aperçu" in response.content.decode()


def test_event_page_programme_lists_sessions_in_time_order_with_their_kind_mode_and_speakers(client, organization):
    event = factories.make_event(organization, days=(), published=False)
    second = services.add_day(event=event, date=dt.date(2027, 3, 15), title="Ateliers")
    first = services.add_day(event=event, date=dt.date(2027, 3, 14))
    awa = services.add_speaker(event=event, name="Awa Diallo", role=SpeakerRole.MODERATOR)
    marc = services.add_speaker(event=event, name="Marc Petit")
    services.add_session(
        day=first,
        title="Table ronde des élus",
        start_time=dt.time(10),
        end_time=dt.time(12),
        kind=SessionKind.ROUND_TABLE,
        mode=SessionMode.HYBRID,
        speakers=[awa, marc],
    )
    services.add_session(day=first, title="Accueil café", start_time=dt.time(9), kind=SessionKind.OTHER)
    services.add_session(day=second, title="Visite libre", kind=SessionKind.FIELD_VISIT)
    services.add_session(day=second, title="Atelier pratique", start_time=dt.time(14), kind=SessionKind.WORKSHOP)
    factories.publish(event)

    page = client.get(event.get_absolute_url()).content.decode()
    programme = page[page.index('id="programme"') : page.index('id="intervenants"')]
    # Days by date, sessions by start time, those without one last.
    positions = [
        programme.index(text)
        for text in ("Accueil café", "Table ronde des élus", "Ateliers", "Atelier pratique", "Visite libre")
    ]
    assert positions == sorted(positions)
    assert "Table ronde" in programme and "hybride" in programme and "Visite de terrain" in programme
    assert "Awa Diallo (animation), Marc Petit" in programme
    assert "avec des séances en ligne" in page


def test_event_page_shows_each_venue_once_with_its_access_and_each_session_where_it_is(client, organization):
    event = factories.make_event(organization, title="Journée sur deux sites", sessions_per_day=3)
    main = factories.make_venue(
        organization,
        name="Bourse du travail",
        transport_access="Métro 5, Bobigny – Pablo Picasso",
        accessibility_notes="Salle de plain-pied",
    )
    annex = factories.make_venue(organization, name="Maison des associations", city="Pantin", postcode="93500")
    services.update_event(event=event, venue=main)
    first, second, third = event.sessions.order_by("start_time")
    services.update_session(session=first, venue=main)
    services.update_session(session=second, venue=annex)
    page = client.get(event.get_absolute_url()).content.decode()
    programme, aside = page.split('id="intervenants"')[0], page.split("Lieux</h2>")[1]
    assert "Séance 1</h4>" in programme and "· Bourse du travail" in programme
    assert "· Maison des associations" in programme
    assert (
        aside.count("<strong>Bourse du travail</strong>") == 1
        and aside.count("<strong>Maison des associations</strong>") == 1
    )
    assert "Accès : Métro 5, Bobigny – Pablo Picasso" in aside and "Accessibilité : Salle de plain-pied" in aside
    assert "93500 Pantin" in aside


def test_event_page_shows_prices_with_what_they_include_and_the_vat_note(client):
    cluny = factories.make_organization(
        "Collège Européen de Cluny",
        charges_vat=False,
        vat_exemption_note="TVA non applicable, article 261-4-4° a du CGI",
    )
    event = factories.make_event(cluny, days=(dt.date(2027, 10, 12),))
    services.add_price_tier(
        event=event, label="Tarif", amount_cents=85000, payer_kind="employer", includes="déjeuners inclus"
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "850\u00a0€" in page and "déjeuners inclus" in page
    assert "TVA non applicable, article 261-4-4° a du CGI" in page


def test_documents_show_their_type_and_size_and_private_ones_are_hidden(client, organization, alice):
    event = factories.make_event(organization)
    public = services.add_document(
        event=event,
        title="Programme du 15 juin",
        kind="programme",
        uploaded_file=ContentFile(b"%PDF-1.4" + b"x" * 163_892, name="programme.pdf"),
    )
    services.add_document(
        event=event,
        title="Liste des participants",
        kind="other",
        is_public=False,
        uploaded_file=ContentFile(b"secret", name="liste.pdf"),
    )
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Programme du 15 juin" in page and "PDF – 163,9\u00a0ko" in page
    assert "Liste des participants" not in page
    assert client.get(f"/documents/{public.id}/").status_code == 200
    private_id = event.documents.get(is_public=False).id
    assert client.get(f"/documents/{private_id}/").status_code == 404


def test_json_ld_describes_the_event_and_each_session_in_paris_time(client, organization):
    event = factories.make_event(organization, days=(dt.date(2027, 1, 14), dt.date(2027, 6, 15)), sessions_per_day=2)
    services.add_price_tier(event=event, label="Employeur", amount_cents=300000, payer_kind="employer")
    page = client.get(event.get_absolute_url()).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["startDate"] == "2027-01-14T09:00:00+01:00"
    assert data["endDate"] == "2027-06-15T11:00:00+02:00"
    assert data["organizer"]["name"] == organization.name
    assert data["offers"][0]["price"] == "3000.00" and data["offers"][0]["priceCurrency"] == "EUR"
    assert [s["startDate"] for s in data["subEvent"]] == [
        "2027-01-14T09:00:00+01:00",
        "2027-01-14T10:00:00+01:00",
        "2027-06-15T09:00:00+02:00",
        "2027-06-15T10:00:00+02:00",
    ]


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, organization):
    event = factories.make_event(organization, title="</script><script>alert(1)</script>")
    page = client.get(event.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in page


def test_icalendar_has_one_event_per_session_in_paris_time(client, organization):
    event = factories.make_event(organization, days=(dt.date(2027, 3, 14), dt.date(2027, 3, 15)), sessions_per_day=2)
    response = client.get(f"{event.get_absolute_url()}agenda.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = list(calendar.walk("VEVENT"))
    assert len(entries) == 4
    first = entries[0]
    assert first["DTSTART"].params["TZID"] == "Europe/Paris"
    assert first.decoded("DTSTART") == dt.datetime(2027, 3, 14, 9, tzinfo=first.decoded("DTSTART").tzinfo)
    assert first.decoded("DTSTART").utcoffset() == dt.timedelta(hours=1)
    assert list(calendar.walk("VTIMEZONE"))


def test_programme_pdf_is_a_pdf_with_the_title(client, organization):
    import io

    from pypdf import PdfReader

    event = factories.make_event(organization, title="Rencontres de l'action sociale", sessions_per_day=2)
    response = client.get(f"{event.get_absolute_url()}programme.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Rencontres de l'action sociale" in text.replace("’", "'")
    assert "Séance 2" in text


def test_series_page_lists_its_events(client, organization):
    from rencontres.events.models import Series

    series = Series.objects.create(organization=organization, title="Ateliers territoriaux", slug="ateliers")
    factories.make_event(organization, title="Journée régionale", series=series)
    factories.make_event(organization, title="Hors cycle")
    page = client.get("/cycles/ateliers/").content.decode()
    assert "Journée régionale" in page and "Hors cycle" not in page


def _fill(organization, count: int):
    for i in range(count):
        event = factories.make_event(
            organization, title=f"Événement {i}", days=(dt.date(2027, 1, 1 + i),), sessions_per_day=1
        )
        event.themes.add(Theme.objects.get_or_create(name=f"Thème {i}", slug=f"theme-{i}")[0])


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_catalogue_queries_do_not_grow_with_the_number_of_events(client, organization):
    _fill(organization, 2)
    cache.clear()  # time is frozen here: a second fill alone would not change the cache's key
    few = count_queries(client, "/")
    _fill(organization, 6)
    cache.clear()
    # 6 reads of themes, counts, cards and badges; the key's two latest changes; the index's
    # version, read and made anew (7 statements); the cache's read and write (6).
    assert count_queries(client, "/") == few <= 21


def test_event_page_queries_do_not_grow_with_sessions_and_speakers(client, organization):
    small = factories.make_event(organization, title="Petit", days=(dt.date(2027, 1, 5),), sessions_per_day=1)
    big = factories.make_event(
        organization, title="Grand", days=(dt.date(2027, 1, 5), dt.date(2027, 1, 6)), sessions_per_day=6
    )
    for event in (small, big):
        for n in range(3 if event is big else 1):
            services.add_speaker(event=event, name=f"Intervenant {n}")
            services.update_session(session=event.sessions.first(), speakers=list(event.speakers.all()))
        services.add_price_tier(event=event, label="Tarif", amount_cents=1000, payer_kind="individual")
    # First visit: the programme is read (eight queries whatever its size) and its fragments cached;
    # two more for what the event produced (published workshop restitutions, satisfaction figures),
    # two for its resources and proceedings (read at each visit: registered-only resources never
    # enter the shared cache).
    assert count_queries(client, big.get_absolute_url()) == count_queries(client, small.get_absolute_url()) <= 19
    # Next visits read the event, its cached fragments, the places left (once, for the box and the
    # JSON-LD) and those four: no programme row.
    assert count_queries(client, big.get_absolute_url()) == count_queries(client, small.get_absolute_url()) <= 7
