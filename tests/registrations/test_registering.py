"""Registering: a place, the waiting list or an application, once per person, with the payer rules."""

import datetime as dt

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from rencontres.accounts.models import User
from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.events.models import Session
from rencontres.registrations import availability, links, services
from rencontres.registrations.enums import AvailabilityState
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import Invitation, Registration

from .builders import add_tier, docx_file, fake_pdf, make_event, pdf_file, register
from .conftest import NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_now")]


def test_first_registrations_get_places_then_the_waiting_list(organization):
    event = make_event(organization, capacity=2)
    first, second, third = register(event), register(event), register(event)
    assert [first.state, second.state, third.state] == [S.CONFIRMED, S.CONFIRMED, S.WAITING]
    current = availability.event_availability(event)
    assert (current.places_left, current.waiting, current.state) == (0, 1, AvailabilityState.FULL)


def test_registering_twice_with_the_same_address_returns_the_first(organization):
    event = make_event(organization, capacity=5)
    first = register(event, "Anne@Example.org")
    again = register(event, "anne@example.org ")
    assert again.id == first.id and again.just_created is False
    assert Registration.objects.filter(event=event).count() == 1


def test_database_refuses_two_live_registrations_for_one_person(organization):
    event = make_event(organization, capacity=5)
    first = register(event, "anne@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event,
            email=first.email,
            state=S.WAITING,
            first_name="A",
            last_name="B",
            job_title="x",
            payer_kind=PayerKind.FREE,
        )


def test_a_person_who_cancelled_can_register_again(organization):
    event = make_event(organization, capacity=5)
    first = register(event, "anne@example.org")
    services.cancel(registration=first)
    again = register(event, "anne@example.org")
    assert again.id != first.id and again.state == S.CONFIRMED


def test_an_employer_paying_needs_its_name_address_and_contact_whatever_the_face(organization):
    event = make_event(organization, capacity=10)
    employer = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=85000)

    with pytest.raises(RegistrationError) as refused:
        register(event, price_tier=employer)

    assert [field for field, _message in refused.value.errors] == [
        "employer_name",
        "employer_address",
        "payer_contact_email",
    ]
    assert refused.value.message == "Indiquez le nom de l'employeur, qui paie l'inscription."
    assert not Registration.objects.exists()


def test_an_opco_paying_needs_its_name(organization):
    event = make_event(organization, capacity=10)
    opco = add_tier(event, payer_kind=PayerKind.OPCO, amount_cents=85000)

    with pytest.raises(RegistrationError, match="nom de l'OPCO") as refused:
        register(event, price_tier=opco, payer_contact_email="contact@opco.fr")

    assert refused.value.field == "payer_name"
    registration = register(event, price_tier=opco, payer_name="Uniformation", payer_contact_email="contact@opco.fr")
    assert (registration.payer_kind, registration.payer_name) == (PayerKind.OPCO, "Uniformation")


def test_invitation_only_events_accept_only_invited_addresses(organization):
    event = make_event(organization, capacity=10, is_invitation_only=True)
    Invitation.objects.create(event=event, email="invitee@example.org")
    with pytest.raises(RegistrationError, match="invitation"):
        register(event, "stranger@example.org")
    assert register(event, "INVITEE@example.org").state == S.CONFIRMED


def test_registration_is_refused_before_opening_and_after_closing(organization):
    event = make_event(organization, capacity=10, registration_opens_at=NOW + dt.timedelta(days=1))
    with pytest.raises(RegistrationError, match="pas encore ouvertes"):
        register(event)
    event.registration_opens_at, event.registration_closes_at = None, NOW - dt.timedelta(minutes=1)
    event.save()
    with pytest.raises(RegistrationError, match="closes"):
        register(event)


def test_a_draft_event_refuses_registrations(organization):
    event = make_event(organization, capacity=10, published=False)
    with pytest.raises(RegistrationError):
        register(event)


def test_the_price_comes_from_the_tier(organization):
    event = make_event(organization, capacity=10)
    employer = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=300000, label="Employeur")
    registration = register(
        event,
        price_tier=employer,
        employer_name="CCAS",
        employer_address="1 place de la Mairie, Bobigny",
        payer_contact_email="rh@ccas.fr",
    )
    assert (registration.amount_cents, registration.payer_kind, registration.price_label) == (
        300000,
        "employer",
        "Employeur",
    )


def test_a_paying_event_requires_a_tier(organization):
    event = make_event(organization, capacity=10)
    add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    with pytest.raises(RegistrationError, match="qui paie"):
        register(event)


def test_a_full_session_refuses_the_registration_and_keeps_nothing(organization):
    event = make_event(organization, capacity=10)
    workshop = Session.objects.filter(event=event).first()
    workshop.capacity = 1
    workshop.save()
    register(event, sessions=[workshop])
    with pytest.raises(RegistrationError, match="complète"):
        register(event, "late@example.org", sessions=[workshop])
    assert not Registration.objects.filter(email="late@example.org").exists()


def test_application_files_are_stored_with_their_checked_type(organization):
    event = make_event(organization, capacity=10)
    registration = register(event, application_files=[("CV", pdf_file()), ("Lettre", docx_file())])
    assert [(f.label, f.file_type) for f in registration.application_files.all()] == [("CV", "PDF"), ("Lettre", "DOCX")]


def test_a_file_whose_content_is_not_a_document_is_refused(organization):
    event = make_event(organization, capacity=10)
    with pytest.raises(RegistrationError, match="PDF, DOCX ou ODT"):
        register(event, application_files=[("CV", fake_pdf())])


def test_registering_creates_a_passwordless_account(organization):
    event = make_event(organization, capacity=10)
    register(event, "nouvelle@example.org")
    user = User.objects.get(email="nouvelle@example.org")
    assert not user.has_usable_password()


def test_acknowledgements_go_to_participant_and_payer_contact(organization, after_commit):
    event = make_event(organization, capacity=10)
    employer = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=85000)
    with after_commit():
        register(
            event,
            "anne@example.org",
            price_tier=employer,
            employer_name="CCAS",
            employer_address="1 place de la Mairie, Bobigny",
            payer_contact_email="rh@ccas.fr",
        )
    assert sorted(m.to[0] for m in mail.outbox) == ["anne@example.org", "rh@ccas.fr"]
    participant = next(m for m in mail.outbox if m.to == ["anne@example.org"])
    assert "confirmée" in participant.subject
    assert participant.alternatives and participant.alternatives[0][1] == "text/html"


def test_only_a_confirmed_place_gets_the_personal_attendance_link(organization, after_commit):
    event = make_event(organization, capacity=1)
    with after_commit():
        confirmed = register(event, "anne@example.org")
        register(event, "paul@example.org")
    anne, paul = (
        next(m for m in mail.outbox if m.to == [address]) for address in ("anne@example.org", "paul@example.org")
    )
    assert links.attendance_path(confirmed) in anne.body
    assert "/emargement/moi/" not in paul.body and "liste d'attente" in paul.body


def test_no_email_leaves_when_the_transaction_rolls_back(organization, after_commit):
    event = make_event(organization, capacity=10)
    with after_commit(), pytest.raises(RuntimeError), transaction.atomic():
        register(event)
        raise RuntimeError
    assert mail.outbox == []
    assert not Registration.objects.exists()


def test_a_repeated_submission_after_registrations_closed_returns_the_registration_made(organization):
    event = make_event(organization, capacity=3)
    first = register(event, "anne@example.org")
    event_services.update_event(event=event, registration_closes_at=timezone.now() - dt.timedelta(minutes=1))

    again = register(event, "anne@example.org")

    assert (again.id, again.just_created) == (first.id, False)
    with pytest.raises(RegistrationError, match="closes"):
        register(event, "paul@example.org")
