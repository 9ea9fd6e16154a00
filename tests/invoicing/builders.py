"""Builders for invoicing tests: a training body, a paying training day, its payers and their hours."""

import datetime as dt

from rencontres.attendance import services as attendance
from rencontres.attendance.enums import SigningMode
from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.registrations import services as registration_services
from tests import factories
from tests.attendance.builders import SIGNATURE
from tests.registrations.builders import add_tier, make_event, register

DAY = dt.date(2030, 3, 14)
# After the day: the event is over, its hours can be validated and invoiced.
AFTER = dt.datetime(2030, 3, 20, 10, tzinfo=dt.UTC)
PRICE = 85_000


def training_body(**fields):
    fields.setdefault("siret", "19753471200017")
    fields.setdefault("training_body_number", "11755555575")
    fields.setdefault("street", "1 place de l'Abbaye")
    fields.setdefault("postcode", "71250")
    fields.setdefault("city", "Cluny")
    fields.setdefault("vat_exemption_note", "TVA non applicable, article 261-4-4° a du CGI")
    return factories.make_organization(
        fields.pop("name", "Collège de Cluny"), is_training_body=True, contact_email="compta@cluny.example", **fields
    )


def paid_day(organization, *, price: int = PRICE, training: bool = True):
    """A one-day training (9 h-12 h 30, 14 h-17 h: 6 h 30), published, with an employer and an individual price."""
    event = make_event(organization, days=(), published=False, title="Accueillir sans condition")
    day = event_services.add_day(event=event, date=DAY)
    event_services.add_session(day=day, title="Apports", start_time=dt.time(9), end_time=dt.time(12, 30))
    event_services.add_session(day=day, title="Ateliers", start_time=dt.time(14), end_time=dt.time(17))
    event_services.update_event(event=event, is_training_action=training)
    event_services.publish_event(event=event)
    employer = add_tier(event, payer_kind=PayerKind.EMPLOYER, amount_cents=price, label="Prise en charge employeur")
    individual = add_tier(event, payer_kind=PayerKind.INDIVIDUAL, amount_cents=price // 2, label="Tarif individuel")
    opco = add_tier(event, payer_kind=PayerKind.OPCO, amount_cents=price, label="Prise en charge OPCO")
    event.refresh_from_db()
    return event, {"employer": employer, "individual": individual, "opco": opco}


def employee(event, tier, employer="CCAS de Mâcon", **fields):
    fields.setdefault("employer_address", "Hôtel de ville, 71000 Mâcon")
    return register(
        event, price_tier=tier, employer_name=employer, payer_contact_email="compta@ccas-macon.example", **fields
    )


def opco_trainee(event, tier, opco="OPCO Santé", scheme="skills_plan", **fields):
    registration = register(
        event,
        price_tier=tier,
        payer_name=opco,
        employer_name="Association Le Pont",
        payer_contact_email="factures@opco-sante.example",
        **fields,
    )
    return registration_services.set_training_profile(
        registration=registration, trainee_type="private_employee", payer_category="opco", opco_scheme=scheme
    )


def run_the_day(event, present: dict, *, validate: bool = True):
    """Both half-days; `present` maps a registration to the half-days it signed (0, 1 or 2)."""
    slots = attendance.derive_slots(event=event)
    for registration, signed in present.items():
        for slot in slots[:signed]:
            attendance.sign(slot=slot, registration=registration, mode=SigningMode.TABLET, signature=SIGNATURE)
    if validate:
        for slot in slots:
            attendance.validate_slot(slot=slot, trainer_name="Claire Formatrice", signature=SIGNATURE, by=None)
    return slots
