"""A trainee's thesis and the jury's decisions in their data download, and what their erasure leaves."""

import pytest
from django.core.files.storage import default_storage

from rencontres.accounts.models import User
from rencontres.privacy import services
from rencontres.theses import services as theses
from rencontres.theses.enums import Outcome
from rencontres.theses.models import Decision, Thesis
from tests.registrations.builders import pdf_file
from tests.theses.builders import AT_THE_JURY, BEFORE_DEADLINE, training_with_thesis, with_jury

pytestmark = pytest.mark.django_db


@pytest.fixture
def judged(organization):
    event, (camille,) = training_with_thesis(organization, people=1)
    theses.hand_in(registration=camille, uploaded=pdf_file(), title="Les tiers-lieux", now=BEFORE_DEADLINE)
    with_jury(event)
    theses.record_decision(registration=camille, outcome=Outcome.ADMITTED, comment="Très clair.", now=AT_THE_JURY)
    return camille


def test_the_download_lists_the_thesis_and_the_decision(judged):
    data = services.person_data(user=User.objects.get(email=judged.email))
    [registration] = data["inscriptions"]
    assert [(t["titre"], t["version"], t["format"]) for t in registration["memoires"]] == [
        ("Les tiers-lieux", 1, "PDF")
    ]
    assert [(d["decision"], d["commentaire"]) for d in registration["decisions_du_jury"]] == [
        ("admis·e", "Très clair.")
    ]


def test_erasure_removes_the_thesis_file_and_the_comment_but_keeps_the_decision(
    judged, django_capture_on_commit_callbacks
):
    stored = Thesis.objects.get().file.name
    assert default_storage.exists(stored)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.anonymise_registration(registration_id=judged.id, reason="test")

    thesis = Thesis.objects.get()
    assert (thesis.title, thesis.file.name) == ("", "") and not default_storage.exists(stored)
    decision = Decision.objects.get()
    assert (decision.outcome, decision.comment) == (Outcome.ADMITTED, "")
