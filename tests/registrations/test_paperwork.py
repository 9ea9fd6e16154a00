import datetime as dt
import io

import pytest
import time_machine
from pypdf import PdfReader

from rencontres.events.enums import PayerKind
from rencontres.registrations import paperwork
from rencontres.registrations.enums import PaperworkKind
from rencontres.registrations.exceptions import RegistrationError
from tests import factories

from .builders import add_tier, make_event, register

pytestmark = pytest.mark.django_db


@pytest.fixture
def training_body(db):
    return factories.make_organization(
        "Cnam",
        siret="19753471200017",
        training_body_number="11755555575",
        vat_exemption_note="TVA non applicable, article 261-4-4° a du CGI",
    )


def _paying(organization, n=1):
    event = make_event(organization, capacity=30)
    tier = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=300000, label="Employeur")
    return [
        register(
            event,
            price_tier=tier,
            employer_name="CCAS de Bobigny",
            employer_address="1 rue X",
            payer_contact_email="rh@ccas.fr",
        )
        for _ in range(n)
    ]


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_numbers_follow_each_other_per_organisation_and_kind(training_body, organization):
    a, b = _paying(training_body, 2)
    (other,) = _paying(organization)
    with time_machine.travel(dt.datetime(2030, 1, 5, 12, tzinfo=dt.UTC)):
        numbers = [paperwork.issue_paperwork(registration=r, kind=PaperworkKind.QUOTE).number for r in (a, b, other)]
        agreement = paperwork.issue_paperwork(registration=a, kind=PaperworkKind.AGREEMENT).number
    assert numbers == ["DEV-2030-0001", "DEV-2030-0002", "DEV-2030-0001"]
    assert agreement == "CONV-2030-0001"


def test_issuing_twice_keeps_the_same_number(training_body):
    (registration,) = _paying(training_body)
    first = paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.QUOTE)
    again = paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.QUOTE)
    assert first.id == again.id


def test_a_free_registration_has_no_quote(training_body):
    event = make_event(training_body, capacity=3)
    with pytest.raises(RegistrationError):
        paperwork.issue_paperwork(registration=register(event), kind=PaperworkKind.QUOTE)


def test_the_quote_carries_siret_training_body_number_and_vat_note(training_body):
    (registration,) = _paying(training_body)
    text = _text(
        paperwork.render_paperwork(paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.QUOTE))
    )
    for expected in [
        "19753471200017",
        "11755555575",
        "TVA non applicable, article 261-4-4° a du CGI",
        "CCAS de Bobigny",
    ]:
        assert expected in text


def test_the_agreement_prints_user_text_as_text_not_markup(training_body):
    (registration,) = _paying(training_body)
    registration.employer_name = "#set page(fill: red) *CCAS* [x]"
    registration.save()
    text = _text(
        paperwork.render_paperwork(paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.AGREEMENT))
    )
    assert "#set page(fill: red) *CCAS* [x]" in text
    assert "Convention de formation professionnelle".upper() in text.upper()
