"""The event page keeps its programme in a cache keyed on the event's `updated_at`:
every change of the programme, through the services or the admin, shows at once."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.events import services
from rencontres.events.models import Theme
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(organization):
    return factories.make_event(organization, title="Journée des solidarités", days=(dt.date(2030, 3, 14),))


def page(client, event) -> str:
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_a_session_added_after_a_visit_shows_at_once(client, event):
    assert "Table ronde des élus" not in page(client, event)
    services.add_session(day=event.days.get(), title="Table ronde des élus", start_time=dt.time(14))
    assert "Table ronde des élus" in page(client, event)


def test_every_kind_of_programme_change_shows_at_once(client, event):
    day = event.days.get()
    page(client, event)
    services.update_day(day=day, date=day.date, title="Journée plénière")
    assert "Journée plénière" in page(client, event)
    speaker = services.add_speaker(event=event, name="Nadia Benali")
    assert "Nadia Benali" in page(client, event)
    session = event.sessions.get()
    services.update_session(session=session, title="Ouverture par la maire", speakers=[speaker])
    assert "Ouverture par la maire" in page(client, event)
    tier = services.add_price_tier(event=event, label="Tarif solidaire", amount_cents=1500, payer_kind="individual")
    assert "Tarif solidaire" in page(client, event)
    services.delete_price_tier(tier=tier)
    assert "Tarif solidaire" not in page(client, event)
    document = services.add_document(
        event=event,
        title="Actes de la journée",
        uploaded_file=SimpleUploadedFile("actes.pdf", b"%PDF-1.4"),
        kind="proceedings",
    )
    assert "Actes de la journée" in page(client, event)
    services.delete_document(document=document)
    assert "Actes de la journée" not in page(client, event)
    services.delete_session(session=session)
    assert "Ouverture par la maire" not in page(client, event)
    services.add_venue(event=event, name="Maison des associations", city="Bobigny", postcode="93000")
    assert "Maison des associations" in page(client, event)


def test_registered_only_documents_stay_hidden_from_visitors_once_cached(client, alice, event):
    services.add_document(
        event=event,
        title="Liste des participants",
        uploaded_file=SimpleUploadedFile("liste.pdf", b"%PDF-1.4"),
        kind="other",
        is_public=False,
    )
    client.force_login(alice)
    assert "Liste des participants" in page(client, event)
    client.logout()
    assert "Liste des participants" not in page(client, event)


def test_admin_edits_of_a_venue_or_a_theme_show_at_once(client, django_user_model, organization, event):
    venue = factories.make_venue(organization, name="Salle Jean Jaurès")
    services.update_event(event=event, venue=venue)
    theme = Theme.objects.create(name="Insertion", slug="insertion")
    services.update_event(event=event, themes=[theme])
    assert "Salle Jean Jaurès" in page(client, event)
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="motdepasse-solide-42")
    client.force_login(admin)
    response = client.post(
        f"/admin/events/venue/{venue.id}/change/",
        {"organization": organization.id, "name": "Salle Louise Michel", "postcode": "93000", "city": "Bobigny"},
    )
    assert response.status_code == 302
    response = client.post(
        f"/admin/events/theme/{theme.id}/change/", {"name": "Insertion professionnelle", "slug": "insertion"}
    )
    assert response.status_code == 302
    client.logout()
    text = page(client, event)
    assert "Salle Louise Michel" in text and "Salle Jean Jaurès" not in text
    assert "Insertion professionnelle" in text


def test_admin_edit_of_a_session_shows_at_once(client, django_user_model, event):
    session = event.sessions.get()
    page(client, event)
    admin = django_user_model.objects.create_superuser(email="admin@example.org", password="motdepasse-solide-42")
    client.force_login(admin)
    response = client.post(
        f"/admin/events/session/{session.id}/change/",
        {
            "event": event.id,
            "day": session.day_id,
            "title": "Conférence inaugurale",
            "kind": session.kind,
            "mode": session.mode,
            "start_time": "09:00",
            "end_time": "10:00",
            "session_speakers-TOTAL_FORMS": "0",
            "session_speakers-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert "Conférence inaugurale" in page(client, event)
