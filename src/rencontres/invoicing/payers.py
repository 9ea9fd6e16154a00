"""Who is invoiced for an event: its paying registrations grouped by payer, with the buyer's details.

One invoice per payer and event: the registrations paid by the same employer, public body or
OPCO (same category and same name, whatever the case and spacing) go on one invoice, one line
per trainee; a person who pays for themselves gets their own. The buyer's details come from
the registrations (employer, its address and SIRET, the payer's contact), completed or
corrected by the organiser's `BillingDetails` for that payer.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from rencontres.events.enums import PayerKind
from rencontres.events.models import Event
from rencontres.registrations.enums import PayerCategory, RegistrationState
from rencontres.registrations.models import Registration

from .models import BillingDetails

# The category a registration is invoiced under when the organiser has not typed it.
CATEGORY_BY_PAYER_KIND = {
    PayerKind.EMPLOYER: PayerCategory.COMPANY,
    PayerKind.OPCO: PayerCategory.OPCO,
    PayerKind.INDIVIDUAL: PayerCategory.INDIVIDUAL,
}
POSTCODE_CITY = re.compile(r"(?:^|[,\s])(\d{5})\s+([^,\d][^,]*)$")


def category_of(registration: Registration) -> str:
    return registration.payer_category or CATEGORY_BY_PAYER_KIND.get(registration.payer_kind, "")


def _name_from(registration: Registration, category: str) -> str:
    if category == PayerCategory.INDIVIDUAL:
        return registration.full_name
    if category == PayerCategory.OPCO:
        return registration.payer_name
    return registration.employer_name or registration.payer_name


def key_of(registration: Registration) -> str:
    """The payer a registration is invoiced to, as a stable text key (for grouping and for `BillingDetails`)."""
    category = category_of(registration)
    if category == PayerCategory.INDIVIDUAL:
        return f"{category}|{registration.id}"
    name = " ".join(_name_from(registration, category).casefold().split())
    return f"{category}|{name}"[:250]


def split_address(address: str) -> dict:
    """« 1 place X, 71000 Mâcon » → street, postcode and city, as Factur-X wants them (all in `street` if not found)."""
    address = " ".join(address.split())
    match = POSTCODE_CITY.search(address)
    if not match:
        return {"street": address, "postcode": "", "city": ""}
    street = address[: match.start()].strip(" ,")
    return {"street": street, "postcode": match.group(1), "city": match.group(2).strip()}


@dataclass
class Payer:
    key: str
    category: str
    name: str
    address: str
    siret: str
    service_code: str
    purchase_order: str
    email: str
    registrations: list[Registration] = field(default_factory=list)

    @property
    def is_public(self) -> bool:
        return self.category == PayerCategory.PUBLIC_BODY

    @property
    def is_professional(self) -> bool:
        """Late-payment penalties and the 40 € fixed fee apply between professionals (Code de commerce L441-10)."""
        return self.category != PayerCategory.INDIVIDUAL

    @property
    def pays_by_subrogation(self) -> bool:
        """An OPCO paying the training body directly (subrogation) pays for the hours done, not the price."""
        return self.category == PayerCategory.OPCO

    @property
    def category_label(self) -> str:
        return str(PayerCategory(self.category).label) if self.category else ""

    @property
    def amount_cents(self) -> int:
        """The price agreed for these registrations (for an OPCO, before the hours done are known)."""
        return sum(registration.amount_cents for registration in self.registrations)

    @property
    def missing(self) -> list[str]:
        """What an invoice to this payer still lacks (art. 242 nonies A CGI: the buyer's name and address)."""
        missing = []
        if not self.name:
            missing.append(_("le nom du financeur"))
        if not self.address:
            missing.append(_("l'adresse de facturation"))
        if self.is_public and not self.siret:
            missing.append(_("le SIRET de l'acheteur public (Chorus Pro)"))
        return missing

    @property
    def first_registration_id(self) -> int:
        return self.registrations[0].id


def _from_registration(registration: Registration) -> Payer:
    category = category_of(registration)
    individual = category == PayerCategory.INDIVIDUAL
    return Payer(
        key=key_of(registration),
        category=category,
        name=_name_from(registration, category),
        address="" if individual or category == PayerCategory.OPCO else registration.employer_address,
        siret="" if individual or category == PayerCategory.OPCO else registration.employer_siret,
        service_code="",
        purchase_order="",
        email=registration.email if individual else registration.payer_contact_email,
    )


def _complete(payer: Payer, details: BillingDetails | None) -> Payer:
    if details is not None:
        for name in ("name", "address", "siret", "service_code", "purchase_order", "email"):
            value = getattr(details, name)
            if value:
                setattr(payer, name, value)
    return payer


def paying_registrations(event: Event):
    """The confirmed registrations with a price: the ones an invoice can be owed for."""
    return Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED, amount_cents__gt=0).order_by(
        "last_name", "first_name", "id"
    )


def group(registrations, event: Event) -> list[Payer]:
    """The payers of these registrations (of one event), in the order of their first registration by name."""
    details = {d.payer_key: d for d in BillingDetails.objects.filter(event=event)}
    payers: dict[str, Payer] = {}
    for registration in registrations:
        key = key_of(registration)
        if key not in payers:
            payers[key] = _complete(_from_registration(registration), details.get(key))
        payers[key].registrations.append(registration)
    return list(payers.values())


def payer_of(registration: Registration) -> Payer:
    """The payer of one registration, with all the registrations of the event it pays for."""
    key = key_of(registration)
    same = [r for r in paying_registrations(registration.event) if key_of(r) == key] or [registration]
    return group(same, registration.event)[0]
