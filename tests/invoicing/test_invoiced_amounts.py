"""`invoiced_amounts(organization, year)`: what the BPF's frame C adds up, invoices less credit notes of the year."""

import datetime as dt

import pytest

from rencontres.invoicing import services
from rencontres.invoicing.selectors import invoiced_amounts
from rencontres.registrations import services as registration_services

from .builders import AFTER, PRICE, employee, opco_trainee, paid_day, run_the_day, training_body

pytestmark = pytest.mark.django_db
NEXT_YEAR = dt.datetime(2031, 1, 10, 10, tzinfo=dt.UTC)


def test_rows_are_net_amounts_by_category_and_scheme_less_the_credit_notes_of_the_year():
    organization = training_body()
    event, tiers = paid_day(organization)
    camille, dominique = employee(event, tiers["employer"]), employee(event, tiers["employer"])
    trainee = opco_trainee(event, tiers["opco"], scheme="cpf")
    services.save_billing_details(event=event, payer_key="opco|opco santé", address="31 rue de Paris, 75001 Paris")
    run_the_day(event, {camille: 2, dominique: 2, trainee: 2})
    invoices = {i.payer_category: i for i in services.issue_invoices(event=event, notify=False, now=AFTER).issued}
    services.issue_credit_note(
        invoice=invoices["company"], reason="Remise", amount_cents=10_000, notify=False, now=AFTER
    )
    services.issue_credit_note(
        invoice=invoices["company"], reason="Annulation", registration_id=camille.id, notify=False, now=NEXT_YEAR
    )

    assert invoiced_amounts(organization, 2030) == [("company", "", 2 * PRICE - 10_000), ("opco", "cpf", PRICE)]
    assert invoiced_amounts(organization, 2031) == [("company", "", -(PRICE - 10_000))]
    assert invoiced_amounts(training_body(name="Autre"), 2030) == []


def test_the_category_frozen_at_issue_stays_when_the_registration_changes():
    organization = training_body()
    event, tiers = paid_day(organization)
    camille = employee(event, tiers["employer"])
    services.issue_invoices(event=event, notify=False, now=AFTER)

    registration_services.set_training_profile(
        registration=camille, trainee_type="public_agent", payer_category="public_body"
    )

    assert invoiced_amounts(organization, 2030) == [("company", "", PRICE)]


def test_only_training_actions_count_and_amounts_are_before_vat():
    organization = training_body(charges_vat=True)
    training, tiers = paid_day(organization, price=120_000)
    employee(training, tiers["employer"])
    evening, other_tiers = paid_day(organization, training=False)
    employee(evening, other_tiers["employer"])
    services.issue_invoices(event=training, notify=False, now=AFTER)
    services.issue_invoices(event=evening, notify=False, now=AFTER)

    assert invoiced_amounts(organization, 2030) == [("company", "", 100_000)]
