import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.events.enums import EventStatus
from rencontres.events.models import Event
from tests import factories
from tests.registrations.builders import register

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def draft(organization):
    return factories.make_event(organization, title="Brouillon de séminaire", published=False, sessions_per_day=0)


def test_signed_out_visitors_are_sent_to_sign_in(client, draft):
    response = client.get(f"/gestion/evenements/{draft.id}/")
    assert response.status_code == 302 and "/compte/login/" in response["Location"]


def test_an_outsider_can_neither_see_nor_change_another_organisations_event(client, charlie, draft):
    client.force_login(charlie)
    assert client.get(f"/gestion/evenements/{draft.id}/").status_code == 404
    assert client.post(f"/gestion/evenements/{draft.id}/publier/").status_code == 404
    assert (
        client.post(
            f"/gestion/evenements/{draft.id}/intervenants/", {"speaker-name": "Intrus", "speaker-role": "speaker"}
        ).status_code
        == 404
    )
    day = draft.days.get()
    assert client.post(f"/gestion/journees/{day.id}/seances/", {f"session-{day.id}-title": "Intrus"}).status_code == 404
    draft.refresh_from_db()
    assert draft.status == EventStatus.DRAFT and not draft.speakers.exists() and not draft.sessions.exists()


def test_a_colleague_of_the_same_organisation_can_edit(client, bob, draft):
    client.force_login(bob)
    assert client.get(f"/gestion/evenements/{draft.id}/").status_code == 200


def test_creating_an_event_makes_a_draft_of_the_chosen_organisation(client, alice, organization):
    client.force_login(alice)
    response = client.post(
        "/gestion/evenements/nouveau/", {"organization": organization.id, "title": "Matinée", "format": "matinee"}
    )
    event = Event.objects.get(title="Matinée")
    assert response["Location"] == f"/gestion/evenements/{event.id}/"
    assert event.status == EventStatus.DRAFT and event.organization == organization


def test_one_cannot_create_an_event_for_an_organisation_one_is_not_in(client, alice, other_organization):
    client.force_login(alice)
    response = client.post(
        "/gestion/evenements/nouveau/", {"organization": other_organization.id, "title": "Pirate", "format": "matinee"}
    )
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not Event.objects.filter(title="Pirate").exists()


def test_adding_a_session_with_htmx_answers_the_programme_section_only(client, alice, draft):
    client.force_login(alice)
    day = draft.days.get()
    response = client.post(
        f"/gestion/journees/{day.id}/seances/",
        {
            f"session-{day.id}-title": "Table ronde",
            f"session-{day.id}-start_time": "10:45",
            f"session-{day.id}-end_time": "12:30",
            f"session-{day.id}-kind": "round_table",
            f"session-{day.id}-mode": "on_site",
        },
        **HTMX,
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in page and "Table ronde" in page
    assert draft.sessions.get().start_time == dt.time(10, 45)


def test_an_htmx_section_refresh_renders_and_reads_that_section_only(
    client, alice, draft, django_assert_max_num_queries
):
    client.force_login(alice)
    # Rebuilding the whole editor would also read the days, sessions, venues, prices and documents.
    with django_assert_max_num_queries(15):
        response = client.post(
            f"/gestion/evenements/{draft.id}/intervenants/",
            {"speaker-name": "Nadia Benali", "speaker-role": "speaker"},
            **HTMX,
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="speakers-title"' in page and "Nadia Benali" in page
    assert 'id="programme-title"' not in page and 'id="prices-title"' not in page and "<html" not in page
    assert "day_blocks" not in response.context and "event_form" not in response.context


def test_a_session_ending_before_it_starts_is_refused_in_french_and_keeps_the_input(client, alice, draft):
    client.force_login(alice)
    day = draft.days.get()
    response = client.post(
        f"/gestion/journees/{day.id}/seances/",
        {
            f"session-{day.id}-title": "Atelier",
            f"session-{day.id}-start_time": "14:00",
            f"session-{day.id}-end_time": "13:00",
            f"session-{day.id}-kind": "workshop",
            f"session-{day.id}-mode": "on_site",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "L&#x27;heure de fin doit être après l&#x27;heure de début." in page
    assert 'value="Atelier"' in page
    assert not draft.sessions.exists()


def test_a_time_like_25h_is_refused(client, alice, draft):
    client.force_login(alice)
    day = draft.days.get()
    response = client.post(
        f"/gestion/journees/{day.id}/seances/",
        {
            f"session-{day.id}-title": "Atelier",
            f"session-{day.id}-start_time": "25:00",
            f"session-{day.id}-kind": "workshop",
            f"session-{day.id}-mode": "on_site",
        },
        **HTMX,
    )
    assert "Indiquez une heure, par exemple 09:30." in response.content.decode()
    assert not draft.sessions.exists()


def test_a_bad_date_is_refused_and_the_programme_is_kept(client, alice, draft):
    client.force_login(alice)
    response = client.post(f"/gestion/evenements/{draft.id}/journees/", {"day-date": "31/02/2030"}, **HTMX)
    assert "Indiquez une date" in response.content.decode()
    assert draft.days.count() == 1


def test_a_bad_amount_is_refused_with_what_to_write(client, alice, draft):
    client.force_login(alice)
    response = client.post(
        f"/gestion/evenements/{draft.id}/tarifs/",
        {"price-label": "Employeur", "price-amount": "trois mille", "price-payer_kind": "employer"},
        **HTMX,
    )
    assert "Indiquez un montant en euros, par exemple 850 ou 850,50." in response.content.decode()
    assert not draft.price_tiers.exists()


def test_an_amount_with_a_comma_and_spaces_is_stored_in_cents(client, alice, draft):
    client.force_login(alice)
    client.post(
        f"/gestion/evenements/{draft.id}/tarifs/",
        {"price-label": "Employeur", "price-amount": "3 000,50 €", "price-payer_kind": "employer"},
        **HTMX,
    )
    assert draft.price_tiers.get().amount_cents == 300050


def test_the_first_venue_added_becomes_the_main_venue_of_the_event(client, alice, draft):
    client.force_login(alice)
    response = client.post(
        f"/gestion/evenements/{draft.id}/lieux/",
        {
            "venue-name": "Bourse du travail",
            "venue-street": "1 place de la Libération",
            "venue-postcode": "93000",
            "venue-city": "Bobigny",
            "venue-transport_access": "Métro 5, arrêt Bobigny – Pablo Picasso",
        },
        **HTMX,
    )
    assert "Bourse du travail" in response.content.decode()
    draft.refresh_from_db()
    assert draft.venue.name == "Bourse du travail" and draft.venue.organization == draft.organization
    client.post(f"/gestion/evenements/{draft.id}/lieux/", {"venue-name": "Annexe", "venue-city": "Bobigny"}, **HTMX)
    draft.refresh_from_db()
    assert draft.venue.name == "Bourse du travail"


def test_a_venue_with_a_bad_postcode_is_refused_in_french(client, alice, draft):
    client.force_login(alice)
    response = client.post(
        f"/gestion/evenements/{draft.id}/lieux/",
        {"venue-name": "Salle", "venue-postcode": "930", "venue-city": "Bobigny"},
        **HTMX,
    )
    assert "Le code postal compte 5 chiffres." in response.content.decode()
    draft.refresh_from_db()
    assert draft.venue is None


def test_event_information_errors_keep_what_was_typed_and_change_nothing(client, alice, draft):
    client.force_login(alice)
    response = client.post(
        f"/gestion/evenements/{draft.id}/",
        {
            "title": "Nouveau titre",
            "format": "seminaire",
            "department_code": "99",
            "capacity_min": "30",
            "capacity_max": "13",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Indiquez un code de département français" in page
    assert "Le minimum ne peut pas dépasser le maximum de places." in page
    assert 'value="Nouveau titre"' in page
    draft.refresh_from_db()
    assert draft.title == "Brouillon de séminaire"


def test_the_editor_marks_an_event_as_a_training_action_and_unmarks_it(client, alice, draft):
    client.force_login(alice)
    page = client.get(f"/gestion/evenements/{draft.id}/").content.decode()
    assert 'name="is_training_action"' in page and "Action de formation" in page
    fields = {"title": draft.title, "format": draft.format}

    response = client.post(f"/gestion/evenements/{draft.id}/", {**fields, "is_training_action": "on"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.is_training_action is True
    assert "Action de formation" in client.get(f"/gestion/evenements/{draft.id}/emargement/").content.decode()

    client.post(f"/gestion/evenements/{draft.id}/", fields)  # an unticked box is not posted
    draft.refresh_from_db()
    assert draft.is_training_action is False


def test_an_oversized_document_is_refused_with_its_size(client, alice, draft, settings):
    settings.DOCUMENT_MAX_BYTES = 1000
    client.force_login(alice)
    upload = SimpleUploadedFile("actes.pdf", b"%PDF" + b"x" * 2000, content_type="application/pdf")
    response = client.post(
        f"/gestion/evenements/{draft.id}/documents/",
        {"document-title": "Actes", "document-kind": "proceedings", "document-file": upload},
        **HTMX,
    )
    assert "ne peut pas dépasser" in response.content.decode()
    assert not draft.documents.exists()


def test_an_uploaded_document_records_its_type_and_size(client, alice, draft):
    client.force_login(alice)
    upload = SimpleUploadedFile("Programme.pdf", b"%PDF-" + b"x" * 1199, content_type="application/pdf")
    client.post(
        f"/gestion/evenements/{draft.id}/documents/",
        {
            "document-title": "Programme",
            "document-kind": "programme",
            "document-file": upload,
            "document-is_public": "on",
        },
        **HTMX,
    )
    document = draft.documents.get()
    assert (document.file_type, document.size_bytes, document.is_public) == ("PDF", 1204, True)


def test_publishing_then_unpublishing_after_a_confirmation_page(client, alice, draft):
    client.force_login(alice)
    client.post(f"/gestion/evenements/{draft.id}/publier/")
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED
    register(draft, email="awa@example.org")
    page = client.get(f"/gestion/evenements/{draft.id}/depublier/")
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED  # opening the page changes nothing
    assert "1 personne est inscrite" in page.content.decode() and "ne sont pas prévenues" in page.content.decode()
    client.post(f"/gestion/evenements/{draft.id}/depublier/")
    draft.refresh_from_db()
    assert draft.status == EventStatus.DRAFT


def test_publishing_an_empty_programme_says_why_it_cannot(client, alice, organization):
    event = factories.make_event(organization, days=(), published=False)
    client.force_login(alice)
    response = client.post(f"/gestion/evenements/{event.id}/publier/", follow=True)
    page = response.content.decode()
    assert "Ajoutez au moins une journée au programme avant de publier, ou" in page
    assert "indiquez la période annoncée" in page
    event.refresh_from_db()
    assert event.status == EventStatus.DRAFT


def test_duplicating_asks_the_new_first_date_and_opens_the_copy_in_the_editor(client, alice, organization):
    event = factories.make_event(organization, days=(dt.date(2021, 10, 12), dt.date(2021, 10, 14)))
    client.force_login(alice)
    form = client.get(f"/gestion/evenements/{event.id}/dupliquer/").content.decode()
    assert 'value="2022-10-11"' in form  # 52 weeks later, the same weekday, offered by default
    assert Event.objects.count() == 1
    response = client.post(f"/gestion/evenements/{event.id}/dupliquer/", {"first_date": "2022-03-01"})
    copy = Event.objects.exclude(id=event.id).get()
    assert response["Location"] == f"/gestion/evenements/{copy.id}/"
    assert list(copy.days.values_list("date", flat=True)) == [dt.date(2022, 3, 1), dt.date(2022, 3, 3)]


@pytest.mark.parametrize(
    ("value", "message"),
    [("", "Choisissez le premier jour."), ("le 3 mars", "Saisissez une date"), ("1850-03-01", "entre 2000 et 2100")],
)
def test_duplicating_with_a_wrong_date_says_what_to_fix_and_copies_nothing(client, alice, organization, value, message):
    event = factories.make_event(organization, days=(dt.date(2021, 10, 12),))
    client.force_login(alice)
    response = client.post(f"/gestion/evenements/{event.id}/dupliquer/", {"first_date": value})
    assert response.status_code == 200 and message in response.content.decode()
    assert Event.objects.count() == 1
