import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from pypdf import PdfReader

from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind, SessionKind, SessionMode
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


# --- What the papers say (issue 11, point 2) -------------------------------------------------


def _training(organization, *, months_only=False, payer_kind=PayerKind.EMPLOYER, amount_cents=300000, **fields):
    """A two-part training with a venue, an online session and a meal, at a given price."""
    venue = factories.make_venue(
        organization, name="Cnam", street="292 rue Saint-Martin", postcode="75003", city="Paris"
    )
    event = make_event(organization, capacity=30, days=(), published=False, venue=venue, **fields)
    dates = [dt.date(2030, 11, 1), dt.date(2031, 6, 1)] if months_only else [dt.date(2030, 3, 14), dt.date(2030, 3, 15)]
    for date in dates:
        day = event_services.add_day(event=event, date=date, is_month_only=months_only)
        event_services.add_session(
            day=day, title="Économie plurielle", start_time=dt.time(9, 30), end_time=dt.time(12, 30)
        )
        event_services.add_session(
            day=day, title="Déjeuner", kind=SessionKind.MEAL, start_time=dt.time(12, 30), end_time=dt.time(14)
        )
        event_services.add_session(
            day=day, title="Tutorat à distance", mode=SessionMode.ONLINE, start_time=dt.time(14), end_time=dt.time(17)
        )
    event_services.publish_event(event=event)
    event.refresh_from_db()
    tier = add_tier(event, payer_kind=payer_kind, amount_cents=amount_cents, label="Tarif")
    payer = (
        {
            "employer_name": "CCAS de Bobigny",
            "employer_address": "1 rue de la Gare, 93000 Bobigny",
            "payer_contact_email": "rh@ccas.fr",
        }
        if payer_kind == PayerKind.EMPLOYER
        else {}
    )
    return register(event, price_tier=tier, **payer)


@pytest.fixture
def complete_body(db):
    return factories.make_organization(
        "Opale",
        is_training_body=True,
        siret="34968515600045",
        training_body_number="11754718075",
        street="45 rue Louis-Blanc",
        postcode="75010",
        city="Paris",
        legal_representative_name="Luc de Larminat",
        legal_representative_role="directeur",
        cancellation_terms="Toute annulation moins de 15 jours avant le début est due à 50 %.",
    )


def _paper_text(registration, kind) -> str:
    return _text(paperwork.render_paperwork(paperwork.issue_paperwork(registration=registration, kind=kind)))


def test_the_agreement_carries_what_the_code_du_travail_asks(complete_body):
    registration = _training(
        complete_body,
        total_hours=Decimal("14"),
        objectives="Situer l'économie sociale et solidaire.",
        assessment_method="Un mémoire soutenu devant un jury.",
    )
    text = " ".join(_paper_text(registration, PaperworkKind.AGREEMENT).split())
    for expected in [
        # The parties, with their addresses, numbers and the organisation's legal representative.
        "Opale",
        "45 rue Louis-Blanc, 75010 Paris",
        "34968515600045",
        "11754718075",
        "Luc de Larminat, directeur",
        "CCAS de Bobigny",
        "1 rue de la Gare, 93000 Bobigny",
        # Title, objectives, programme day by day, hours, dates and times, place.
        "Journée de l'action sociale",
        "Situer l'économie sociale et solidaire.",
        "Contenu et programme",
        "9 h 30 – 12 h 30 Économie plurielle",
        "Tutorat à distance (en ligne)",
        "Durée : 14 h",
        "du 14 au 15 mars 2030",
        "jeudi 14 mars 2030, 9 h 30 – 17 h",
        "Cnam, 292 rue Saint-Martin, 75003 Paris",
        # Methods, assessment, headcount, price and payment, cancellation, signatures.
        "présentiel et à distance",
        "Un mémoire soutenu devant un jury.",
        "30 stagiaires au plus",
        "3 000 €",
        "Modalités de paiement",
        "Toute annulation moins de 15 jours avant le début est due à 50 %.",
        "Pour l'organisme de formation",
        "Pour le financeur",
    ]:
        assert expected.replace("\u00a0", " ") in text.replace("\u00a0", " "), expected
    assert "Déjeuner" not in text  # a meal is no part of the training's contents


def test_an_agreement_without_the_organisation_data_still_renders_with_a_placeholder(db):
    body = factories.make_organization("Cnam", is_training_body=True)
    registration = _training(body)
    text = _paper_text(registration, PaperworkKind.AGREEMENT)
    assert "[à compléter par l'organisme]" in text
    # The dashboard keeps warning the organisation of what it lacks.
    assert body.missing_for_papers


def test_a_person_paying_for_themselves_gets_a_contract_not_an_agreement(complete_body):
    registration = _training(complete_body, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000, months_only=True)
    with pytest.raises(RegistrationError, match="contrat de formation"):
        paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.AGREEMENT)

    with time_machine.travel(dt.datetime(2030, 1, 5, 12, tzinfo=dt.UTC)):
        contract = paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.CONTRACT)
    text = " ".join(_text(paperwork.render_paperwork(contract)).split()).replace("\u00a0", " ").replace("\u202f", " ")

    assert contract.number == "CTR-2030-0001"
    assert "CONTRAT DE FORMATION PROFESSIONNELLE" in text
    assert "L. 6353-3 à L. 6353-7" in text
    assert "Financeur" not in text and "CONVENTION" not in text
    assert "dix jours à compter de la signature" in text  # L. 6353-5
    assert "au plus 30 % du prix convenu, soit 450 €" in text  # L. 6353-6
    assert "juin 2031 : 525 €" in text and "novembre 2030 : 525 €" in text  # the rest as the training goes
    assert "force majeure" in text and "prestations effectivement dispensées" in text  # L. 6353-7
    assert "Luc de Larminat" in text and "lu et approuvé" in text


def test_the_contract_series_is_numbered_apart_from_the_agreements(complete_body):
    own = _training(complete_body, payer_kind=PayerKind.INDIVIDUAL, amount_cents=150000)
    employer = _training(complete_body)
    with time_machine.travel(dt.datetime(2030, 1, 5, 12, tzinfo=dt.UTC)):
        agreement = paperwork.issue_paperwork(registration=employer, kind=PaperworkKind.AGREEMENT)
        contract = paperwork.issue_paperwork(registration=own, kind=PaperworkKind.CONTRACT)
    assert (agreement.number, contract.number) == ("CONV-2030-0001", "CTR-2030-0001")


def test_an_employer_who_pays_signs_an_agreement_not_a_contract(complete_body):
    registration = _training(complete_body)
    with pytest.raises(RegistrationError, match="convention"):
        paperwork.issue_paperwork(registration=registration, kind=PaperworkKind.CONTRACT)


# --- How the papers write hours, months and VAT (issue 11, point 3) --------------------------


def test_the_quote_writes_hours_as_90_h_and_month_only_modules_as_months(complete_body):
    registration = _training(complete_body, months_only=True, total_hours=Decimal("90.0"))
    for kind in (PaperworkKind.QUOTE, PaperworkKind.AGREEMENT):
        text = _paper_text(registration, kind).replace("\u00a0", " ")
        assert "90 h" in text
        assert "90,0" not in text and "90.0" not in text and "heures" not in text
        assert "de novembre 2030 à juin 2031" in text
        assert "1 novembre" not in text and "1er novembre" not in text


def test_papers_carry_the_organisations_own_vat_words(complete_body):
    complete_body.vat_exemption_note = "Actuellement pas assujettie à la TVA."
    complete_body.save()
    registration = _training(complete_body)
    for kind in (PaperworkKind.QUOTE, PaperworkKind.AGREEMENT):
        text = _paper_text(registration, kind)
        assert "Actuellement pas assujettie à la TVA." in text
        assert "261-4" not in text
