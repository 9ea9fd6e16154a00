"""Invoices of the demonstration: Cluny's seminar (seed 000), invoiced to its payers the Friday after it ended.

The seed gives neither the Collège's SIRET nor its postal address, which an invoice must carry:
the demo invents them, as it invents its cast. SIRETs made of zeros (valid keys, no real
company has them) stand for the public buyers', which Chorus Pro needs; the CCAS de Mâcon asks
for its service code and its order number. The demo's one cancellation came weeks before the
seminar, before any invoice: there is no credit note to show.
"""

import datetime as dt

from stdnum import luhn

from rencontres.events.models import PARIS, Event
from rencontres.organizations.services import update_identity

from .models import Invoice
from .payers import group, paying_registrations
from .services import issue_invoices, save_billing_details

ISSUED_AT = dt.datetime(2021, 10, 15, 10, 0, tzinfo=PARIS)
CLUNY_ADDRESS = {"street": "Place du Marché", "postcode": "71250", "city": "Cluny"}
CHORUS = {"ccas de mâcon": {"service_code": "FORMATION", "purchase_order": "EJ-2021-0142"}}


def invented_siret(n: int) -> str:
    """A SIRET with valid keys that no real company has (its SIREN starts with seven zeros)."""
    siren = f"{n:08d}"
    siren += luhn.calc_check_digit(siren)
    siret = siren + "0001"
    return siret + luhn.calc_check_digit(siret)


def invoice_seed_000(event: Event) -> list[Invoice]:
    """Cluny's seminar, run and counter-signed: one invoice per employer, no email sent."""
    update_identity(organization=event.organization, siret=invented_siret(99), **CLUNY_ADDRESS)
    for n, payer in enumerate(group(paying_registrations(event), event), start=1):
        if payer.is_public:
            name = payer.key.split("|", 1)[1]
            save_billing_details(event=event, payer_key=payer.key, siret=invented_siret(n), **CHORUS.get(name, {}))
    return issue_invoices(event=event, notify=False, now=ISSUED_AT).issued
