"""What training actions carry for their papers (issue 14, point 1): edited in the back-office, refused in French."""

import pytest

from rencontres.events import nsf
from rencontres.events.enums import BpfObjective, TrainerStatus
from rencontres.registrations.models import RegistrationLogEntry
from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


def test_the_nsf_list_shipped_is_the_93_groups_of_three_digits():
    codes = nsf.specialities()

    assert len(codes) == 93
    assert all(len(code) == 3 and code.isdigit() for code in codes)
    assert codes["332"] == "Travail social" and codes["333"] == "Enseignement, formation"
    assert list(codes)[0] == "100" and list(codes)[-1] == "423"


def test_the_organiser_sets_nature_objective_level_and_speciality(client, alice, organization):
    event = make_event(organization)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/formation/",
        {
            "is_training_action": "on",
            "training_nature": "action_formation",
            "bpf_objective": "rncp",
            "rncp_level": "6",
            "nsf_code": "332",
            "assessment_method": "Mémoire et soutenance",
        },
    )

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.is_training_action and event.bpf_objective == BpfObjective.RNCP and event.rncp_level == 6
    assert event.nsf_label == "Travail social"
    assert "Travail social" in client.get(f"/gestion/evenements/{event.id}/").content.decode()


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"bpf_objective": "rncp"}, "Indiquez le niveau du diplôme"),
        ({"bpf_objective": "other", "rncp_level": "6"}, "Le niveau ne s&#x27;indique que"),
        ({"nsf_code": "999"}, "Sélectionnez un choix valide"),
        ({"training_nature": "stage"}, "Sélectionnez un choix valide"),
        ({"rncp_level": "99999999999999999999"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_training_fields_are_refused_in_french_and_nothing_is_saved(client, alice, organization, posted, message):
    event = make_event(organization)
    client.force_login(alice)

    response = client.post(
        f"/gestion/evenements/{event.id}/formation/", {"training_nature": "action_formation", **posted}
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    event.refresh_from_db()
    assert (event.bpf_objective, event.rncp_level, event.nsf_code) == ("", None, "")


def test_another_organisation_cannot_edit_the_training_fields(client, charlie, organization):
    event = make_event(organization)
    client.force_login(charlie)

    assert client.post(f"/gestion/evenements/{event.id}/formation/", {"nsf_code": "332"}).status_code == 404


def test_a_speaker_is_marked_internal_or_external_trainer(client, alice, organization):
    event = make_event(organization)
    client.force_login(alice)

    client.post(
        f"/gestion/evenements/{event.id}/intervenants/",
        {"speaker-name": "Claire Formatrice", "speaker-role": "speaker", "speaker-trainer_status": "external"},
    )

    assert event.speakers.get().trainer_status == TrainerStatus.EXTERNAL


def test_the_organiser_sets_the_trainee_type_and_the_payer_category(client, alice, organization):
    event = make_event(organization, is_training_action=True)
    registration = register(event)
    client.force_login(alice)
    page = client.get(f"/gestion/inscriptions/{registration.id}/").content.decode()
    assert "Type de stagiaire" in page

    response = client.post(
        f"/gestion/inscriptions/{registration.id}/formation/",
        {"trainee_type": "public_agent", "payer_category": "opco", "opco_scheme": "skills_plan"},
    )

    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.trainee_type, registration.payer_category, registration.opco_scheme) == (
        "public_agent",
        "opco",
        "skills_plan",
    )
    assert RegistrationLogEntry.objects.filter(registration=registration, note="profil de formation renseigné").exists()


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"payer_category": "opco"}, "Indiquez le dispositif"),
        ({"payer_category": "company", "opco_scheme": "cpf"}, "Le dispositif ne s&#x27;indique que"),
        ({"trainee_type": "robot"}, "Sélectionnez un choix valide"),
    ],
)
def test_a_bad_trainee_profile_is_refused_in_french(client, alice, organization, posted, message):
    event = make_event(organization, is_training_action=True)
    registration = register(event)
    client.force_login(alice)

    response = client.post(f"/gestion/inscriptions/{registration.id}/formation/", posted)

    assert response.status_code == 400
    assert message in response.content.decode()
    registration.refresh_from_db()
    assert (registration.trainee_type, registration.payer_category, registration.opco_scheme) == ("", "", "")


def test_duplicating_an_event_keeps_its_training_fields(organization):
    from rencontres.events import services

    event = make_event(organization, is_training_action=True, nsf_code="332", bpf_objective="other")

    copy = services.duplicate_event(event=event)

    assert (copy.is_training_action, copy.nsf_code, copy.bpf_objective) == (True, "332", "other")
