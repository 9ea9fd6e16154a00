"""A person erases their data: registrations anonymised everywhere, places passed on, account closed."""

import datetime as dt

import pytest
import time_machine

from rencontres.accounts.models import User
from rencontres.accounts.services import get_or_create_person
from rencontres.attendance import services as attendance_services
from rencontres.events import services as event_services
from rencontres.privacy import services
from rencontres.privacy.exceptions import PrivacyError
from rencontres.registrations.enums import RegistrationState as S
from rencontres.registrations.models import Registration
from tests.attendance.builders import SIGNATURE
from tests.registrations.builders import make_event, register

from .builders import EMAIL, leave_a_trail

pytestmark = pytest.mark.django_db


def test_erasing_anonymises_every_registration_of_the_address_and_closes_the_account(organization):
    past = leave_a_trail(organization, date=dt.date(2030, 3, 14))
    other = register(make_event(organization, days=(dt.date(2030, 9, 1),)), email="someone.else@example.org")
    person = get_or_create_person(email=EMAIL)

    with time_machine.travel(dt.datetime(2030, 6, 1, 10, tzinfo=dt.UTC), tick=False):
        count = services.erase_person(user=person)

    assert count == 1
    registration = Registration.objects.get(pk=past.registration.pk)
    assert registration.anonymised_at is not None and registration.state == S.CONFIRMED  # the event is over
    assert Registration.objects.get(pk=other.pk).last_name == other.last_name  # nobody else's
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert EMAIL not in person.email and not User.objects.filter(email__iexact=EMAIL).exists()
    assert not Registration.objects.filter(email=EMAIL).exists()


def test_a_place_at_an_event_still_to_come_is_cancelled_and_goes_to_the_first_waiting(
    organization, mailoutbox, django_capture_on_commit_callbacks
):
    event = make_event(organization, capacity=1, days=(dt.date(2030, 3, 14),))
    mine = register(event, email=EMAIL)
    waiting = register(event, email="next@example.org")
    assert waiting.state == S.WAITING

    person = get_or_create_person(email=EMAIL)
    mailoutbox.clear()
    with (
        time_machine.travel(dt.datetime(2030, 1, 10, 9, tzinfo=dt.UTC), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.erase_person(user=person)

    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert mine.state == S.CANCELLED and mine.anonymised_at is not None
    assert waiting.state == S.OFFERED
    assert [message.to for message in mailoutbox] == [["next@example.org"]]  # no mail to the erased person


def test_walk_ins_of_the_address_are_anonymised_too(organization):
    trail = leave_a_trail(organization, others=0)
    presence = attendance_services.add_walk_in(
        slot=trail.afternoon, first_name="Camille", last_name="Durand", email=EMAIL, signature=SIGNATURE
    )

    services.erase_person(user=get_or_create_person(email=EMAIL))

    presence.refresh_from_db()
    walk_in = presence.walk_in
    walk_in.refresh_from_db()
    assert (walk_in.last_name, walk_in.email, presence.signature) == ("anonymisée", "", "")


def test_an_organiser_cannot_erase_their_account_from_here(alice):
    with pytest.raises(PrivacyError) as refused:
        services.erase_person(user=alice)

    assert "membre d'un organisme" in refused.value.message
    alice.refresh_from_db()
    assert alice.is_active


def test_the_download_holds_everything_of_the_person_and_nothing_of_others(organization):
    trail = leave_a_trail(organization)
    webinar = event_services.add_session(
        day=trail.event.days.get(),
        title="Webinaire",
        start_time=dt.time(18),
        end_time=dt.time(19),
        online_url="https://visio.example.org/salle",
    )
    attendance_services.record_online_join(registration=trail.registration, session=webinar)
    person = get_or_create_person(email=EMAIL)

    data = services.person_data(user=person)

    assert data["compte"]["adresse_electronique"] == EMAIL
    [registration] = data["inscriptions"]
    assert (registration["nom"], registration["employeur"]["nom"]) == ("Durand", "CCAS de Poissy")
    assert registration["paiement"]["contact_du_financeur"] == "rh.poissy@example.org"
    assert {answer["question"] for answer in registration["reponses"]} == {"Vos attentes", "Attestation"}
    assert registration["pieces_du_dossier"][0]["fichier"].startswith("cv-camille-durand")
    assert registration["emargement"][0]["signature"] == SIGNATURE
    assert registration["emargement"][0]["signe_le"]
    assert registration["connexions_en_ligne"][0]["seance"] == "Webinaire"
    assert any(a["reponse"].startswith("Camille Durand") for a in registration["questionnaires"][0]["reponses"])
    assert {c["contribution"] for c in registration["contributions_aux_ateliers"]} == {
        "Un guichet unique",
        "Moi, Camille D.",
    }
    assert "Autre 0" not in str(data)


def test_the_fiches_a_person_proposed_are_in_their_download_and_no_longer_name_them_once_erased(organization):
    from rencontres.experiences import services as experience_services
    from rencontres.experiences.enums import CarrierKind, Stage

    person = get_or_create_person(email=EMAIL)
    common = {"department_code": "93", "stage": Stage.EXPERIMENT, "carrier_name": "CCAS", "year": 2022}
    common["carrier_kind"] = CarrierKind.CCAS
    fiche = experience_services.propose(
        proposer=person, organization=organization, title="Accueil de jour", summary="Un.", contacts=EMAIL, **common
    )
    experience_services.propose(proposer=None, organization=organization, title="Autre", summary="Autre.", **common)

    download = services.person_data(user=person)
    assert [f["titre"] for f in download["fiches_experience_proposees"]] == ["Accueil de jour"]

    services.erase_person(user=person)
    fiche.refresh_from_db()
    assert fiche.proposed_by is None and fiche.title == "Accueil de jour"  # the fiche stays the organisation's
    assert services.person_data(user=person)["fiches_experience_proposees"] == []
