"""People are found or created by their address, whatever its case, by the accounts app only."""

import pytest

from rencontres.accounts import services
from rencontres.accounts.models import User

pytestmark = pytest.mark.django_db


def test_a_new_address_gets_a_passwordless_account_that_signs_in_by_its_address():
    person = services.get_or_create_person(email="anne.leroy@example.org")

    assert (person.email, person.username) == ("anne.leroy@example.org", "anne.leroy@example.org")
    assert not person.has_usable_password() and person.is_active


def test_an_address_differing_only_by_case_finds_the_same_account():
    known = User.objects.create_user(email="Anne.Leroy@example.org", password="motdepasse-solide-42")

    found = services.get_or_create_person(email="anne.leroy@EXAMPLE.org")

    assert found.id == known.id and User.objects.count() == 1
    assert found.check_password("motdepasse-solide-42")  # an existing account is left as it was


def test_ensuring_a_person_twice_creates_one_account():
    services.ensure_person(email="paul@example.org")
    services.ensure_person(email="PAUL@example.org")

    assert list(User.objects.values_list("email", flat=True)) == ["paul@example.org"]
