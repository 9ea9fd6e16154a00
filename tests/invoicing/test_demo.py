"""The demo's Cluny seminar (seed 000) has its invoices: one per employer, consecutive, Factur-X valid."""

import facturx
import pytest

from rencontres.invoicing.models import Invoice
from rencontres.invoicing.selectors import invoiced_amounts
from rencontres.registrations.enums import RegistrationState
from tests.events.test_demo import demo_event

pytestmark = pytest.mark.django_db


def test_cluny_invoices_every_confirmed_trainee_once_to_its_employer(demo):
    cluny = demo_event("000")
    invoices = list(Invoice.objects.filter(event=cluny).order_by("sequence"))
    confirmed = cluny.registrations.filter(state=RegistrationState.CONFIRMED, amount_cents__gt=0)

    assert [i.number for i in invoices] == [f"FA-2021-{n:04d}" for n in range(1, len(invoices) + 1)]
    assert sorted(line.registration_id for i in invoices for line in i.lines.all()) == sorted(r.id for r in confirmed)
    assert sum(i.amount_cents for i in invoices) == sum(r.amount_cents for r in confirmed)
    for invoice in invoices:
        assert invoice.issued_on.isoformat() == "2021-10-15"
        assert facturx.xml_check_xsd(invoice.xml.encode(), flavor="factur-x", level="en16931")
        if invoice.payer_category == "public_body":
            assert invoice.snapshot["buyer"]["siret"]
    assert {i.buyer_name for i in invoices if i.snapshot["buyer"]["service_code"]} == {"CCAS de Mâcon"}


def test_cluny_s_2021_income_is_there_for_the_bpf(demo):
    cluny = demo_event("000")
    rows = invoiced_amounts(cluny.organization, 2021)

    assert {category for category, _scheme, _net in rows} == {"company", "public_body"}
    assert sum(net for _c, _s, net in rows) == sum(i.net_cents for i in Invoice.objects.filter(event=cluny))
