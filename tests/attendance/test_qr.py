import datetime as dt

import pytest

from rencontres.attendance import identity, qr
from rencontres.registrations import links
from tests.attendance.builders import training_day

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 3, 14, 9, 0, 5, tzinfo=dt.UTC)


def test_the_projected_code_changes_every_30_seconds_and_an_old_one_is_refused(organization):
    _, morning, _, _ = training_day(organization)
    code = qr.current_code(morning, now=NOW)

    assert qr.is_valid(morning, code, now=NOW + dt.timedelta(seconds=20))
    assert qr.current_code(morning, now=NOW + dt.timedelta(seconds=30)) != code
    assert not qr.is_valid(morning, code, now=NOW + dt.timedelta(seconds=45))


def test_a_code_of_one_slot_does_not_open_another(organization):
    _, morning, afternoon, _ = training_day(organization)

    assert not qr.is_valid(afternoon, qr.current_code(morning, now=NOW), now=NOW)


def test_the_emailed_code_is_the_persons_own_and_expires(organization):
    _, morning, _, (camille, dominique, _) = training_day(organization)
    code = identity.signing_code(camille, morning, now=NOW)

    assert identity.check_signing_code(camille, morning, code, now=NOW + dt.timedelta(minutes=9))
    assert not identity.check_signing_code(dominique, morning, code, now=NOW)
    assert not identity.check_signing_code(camille, morning, code, now=NOW + dt.timedelta(minutes=25))


def test_a_personal_link_names_its_registration_and_cannot_be_forged(organization):
    _, _, _, (camille, *_) = training_day(organization)

    assert links.registration_id_from_token(links.personal_token(camille)) == camille.id
    assert links.registration_id_from_token(f"{camille.id}:forged") is None
