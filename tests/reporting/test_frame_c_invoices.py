"""Frame C end to end: invoices and credit notes issued by the invoicing app land on the lines of who is invoiced."""

import datetime as dt

import pytest
import time_machine

from rencontres.events.enums import PayerKind
from rencontres.invoicing import services as invoicing
from rencontres.reporting import bpf
from rencontres.reporting.services import set_year_start_month
from tests.invoicing.builders import employee, opco_trainee, training_body
from tests.registrations.builders import add_tier
from tests.reporting.builders import REGISTERED_AT, action, run

pytestmark = pytest.mark.django_db
PRICE = 85_000
ISSUED = dt.datetime(2025, 3, 20, 10, tzinfo=dt.UTC)
DISCOUNT = dt.datetime(2025, 4, 1, 10, tzinfo=dt.UTC)
NEXT_JANUARY = dt.datetime(2026, 1, 15, 10, tzinfo=dt.UTC)


@pytest.fixture
def invoiced():
    """A training of 14 March 2025 for two employers' staff and an OPCO-funded trainee (CPF), invoiced on
    20 March; a 100 € discount on the first employer's invoice on 1 April; the second employer's trainee
    credited in full on 15 January 2026."""
    organization = training_body()
    with time_machine.travel(REGISTERED_AT):
        event = action(organization, title="Accueil inconditionnel", dates=(dt.date(2025, 3, 14),), nsf_code="332")
        employer = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=PRICE, label="Employeur")
        opco = add_tier(event, payer_kind=PayerKind.OPCO, amount_cents=PRICE, label="OPCO")
        macon = employee(event, employer, employer="CCAS de Mâcon")
        chalon = employee(event, employer, employer="Centre social de Chalon")
        funded = opco_trainee(event, opco, scheme="cpf")
        invoicing.save_billing_details(event=event, payer_key="opco|opco santé", address="31 rue de Paris, 75001 Paris")
        run(event, {0: [macon, chalon, funded], 1: [macon, chalon, funded]})
    issued = invoicing.issue_invoices(event=event, notify=False, now=ISSUED).issued
    by_employer = {invoice.buyer_name: invoice for invoice in issued if invoice.payer_category == "company"}
    invoicing.issue_credit_note(
        invoice=by_employer["CCAS de Mâcon"], reason="Remise", amount_cents=10_000, notify=False, now=DISCOUNT
    )
    invoicing.issue_credit_note(
        invoice=by_employer["Centre social de Chalon"], reason="Annulation", notify=False, now=NEXT_JANUARY
    )
    return organization


def amounts(report) -> dict:
    return {line.line: line.amount_cents for line in report.c.lines if line.amount_cents}


def test_the_years_invoices_less_its_credit_notes_by_who_is_invoiced(invoiced):
    report = bpf.training_report(organization=invoiced, year=2025)

    # Line 1, the employers: 850 + 850 − 100 = 1 600 €; 2e, the OPCO under the CPF: 850 € (all hours done).
    assert amounts(report) == {"1": 160_000, "2e": PRICE, "2": PRICE}
    assert report.c.total_cents == 245_000
    # The credit note of January 2026 counts in 2026, the year it was issued.
    assert amounts(bpf.training_report(organization=invoiced, year=2026)) == {"1": -PRICE}


def test_an_accounting_year_from_july_takes_the_invoices_of_its_twelve_months(invoiced):
    set_year_start_month(organization=invoiced, month=7)

    # « 2025 »: 1 July 2024 – 30 June 2025, the invoices and the discount; « 2026 »: from 1 July 2025, the credit note.
    assert bpf.training_report(organization=invoiced, year=2025).c.total_cents == 245_000
    assert bpf.training_report(organization=invoiced, year=2026).c.total_cents == -PRICE


def test_the_api_and_the_page_show_frame_c_from_the_invoices(invoiced, client):
    from rencontres.organizations.enums import Role
    from tests.api.builders import token_for
    from tests.factories import make_member

    body = client.get(
        f"/api/organizations/{invoiced.slug}/training-report/2025",
        headers={"Authorization": f"Bearer {token_for(invoiced)}"},
    ).json()
    client.force_login(make_member(invoiced, "direction@cluny.example", role=Role.ADMIN))
    page = client.get(f"/gestion/organismes/{invoiced.id}/bpf/2025/").content.decode()

    assert {x["line"]: x["amount_cents"] for x in body["C"]["lines"] if x["amount_cents"]} == {
        "1": 160_000,
        "2e": PRICE,
        "2": PRICE,
    }
    assert body["C"]["total_cents"] == 245_000
    assert "2\u202f450\u00a0€" in page and "1\u202f600\u00a0€" in page
