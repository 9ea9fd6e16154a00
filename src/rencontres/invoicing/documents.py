"""Invoices and credit notes as Factur-X PDFs: the data worded once at issue, typst, then the CII XML embedded.

What an invoice must say comes from French law, and each sentence cites its source:
- Code de commerce L441-9 and CGI art. 242 nonies A: seller's and buyer's names and
  addresses, SIRET, the date and a unique number of a continuous series, the date of the
  service, each line's designation and price, the amount before VAT, the VAT or the
  exemption note (art. 261-4-4° a for training bodies), the due date, the conditions of
  early payment discount, the late-payment penalties and, between professionals, the 40 €
  fixed recovery fee (Code de commerce L441-10 and D441-5; for a public buyer, Code de la
  commande publique R2192-31 and D2192-35), and the buyer's purchase-order number when given.
- Code de commerce R123-237: the SIRET on every invoice; Code du travail: the training
  body's declaration number (NDA).
The XML is the EN 16931 profile of Factur-X (CII), generated and checked against its schema
by the `factur-x` library; the PDF is PDF/A-3b (typst), into which the library embeds it.
Chorus Pro reads the buyer's SIRET, the service code (BT-10) and the engagement number (BT-13).
"""

import datetime as dt
import json
from pathlib import Path

import facturx
import typst
from django.utils.translation import gettext as _

from rencontres.core import formatting
from rencontres.events.models import Event
from rencontres.organizations.models import Organization

from .amounts import decimal_text, euros
from .payers import Payer, split_address

TEMPLATE = Path(__file__).with_name("typst") / "invoice.typ"
LEVEL = "en16931"
PAYMENT_DAYS = 30  # Code de commerce L441-10: 30 days after the service unless agreed otherwise (and R2192-10 CCP)


def _date(day: dt.date) -> dict:
    return {"year": day.year, "month": day.month, "day": day.day}


def _seller(organization: Organization) -> dict:
    lines = [organization.address_line]
    if organization.siret:
        lines.append(_("SIRET %(siret)s") % {"siret": organization.siret})
    if organization.training_body_number:
        lines.append(
            _(
                "Déclaration d'activité n° %(nda)s auprès du préfet de région (cet enregistrement ne vaut pas agrément de l'État)"
            )
            % {"nda": organization.training_body_number}
        )
    contact = " · ".join(p for p in [organization.contact_email, organization.contact_phone] if p)
    return {
        "name": organization.name,
        "street": organization.street,
        "postcode": organization.postcode,
        "city": organization.city,
        "siret": organization.siret,
        "nda": organization.training_body_number,
        "email": organization.contact_email,
        "lines": [line for line in [*lines, contact] if line],
    }


def _buyer(payer: Payer) -> dict:
    address = split_address(payer.address)
    lines = [address["street"], f"{address['postcode']} {address['city']}".strip()]
    if payer.siret:
        lines.append(_("SIRET %(siret)s") % {"siret": payer.siret})
    if payer.service_code:
        lines.append(_("Code service : %(code)s") % {"code": payer.service_code})
    if payer.purchase_order:
        lines.append(_("Bon de commande n° %(po)s") % {"po": payer.purchase_order})
    return {
        **address,
        "name": payer.name,
        "siret": payer.siret,
        "service_code": payer.service_code,
        "purchase_order": payer.purchase_order,
        "email": payer.email,
        "category": payer.category,
        "is_professional": payer.is_professional,
        "is_public": payer.is_public,
        "lines": [line for line in lines if line],
    }


def _event(event: Event) -> dict:
    return {
        "title": event.title,
        "starts_on": event.starts_on.isoformat() if event.starts_on else None,
        "ends_on": event.ends_on.isoformat() if event.ends_on else None,
        "dates": formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months),
    }


def _totals(*, net: int, vat: int, amount: int, charges_vat: bool, credit: bool) -> list[dict]:
    total_label = _("Total de l'avoir") if credit else _("Net à payer")
    if not charges_vat:
        return [{"label": total_label, "value": euros(amount), "strong": True}]
    return [
        {"label": _("Total hors taxes"), "value": euros(net), "strong": False},
        {"label": _("TVA à %(rate)s %%") % {"rate": 20}, "value": euros(vat), "strong": False},
        {"label": _("Total TTC") if credit else _("Net à payer TTC"), "value": euros(amount), "strong": True},
    ]


def _payment_mentions(buyer: dict, due_on: dt.date) -> list[str]:
    mentions = [
        _("Paiement à réception, au plus tard le %(due)s (%(days)s jours). Pas d'escompte pour paiement anticipé.")
        % {"due": formatting.format_day(due_on), "days": PAYMENT_DAYS}
    ]
    if buyer["is_public"]:
        mentions.append(
            _(
                "En cas de retard de paiement : intérêts moratoires au taux de la Banque centrale européenne majoré de "
                "8 points (Code de la commande publique, art. R2192-31) et indemnité forfaitaire pour frais de "
                "recouvrement de 40 € (art. D2192-35)."
            )
        )
    elif buyer["is_professional"]:
        mentions.append(
            _(
                "En cas de retard de paiement : pénalités au taux d'intérêt appliqué par la Banque centrale européenne "
                "à son opération de refinancement la plus récente majoré de 10 points, exigibles dès le lendemain de "
                "l'échéance (Code de commerce, art. L441-10), et indemnité forfaitaire pour frais de recouvrement de "
                "40 € (art. D441-5)."
            )
        )
    return mentions


def _labels() -> dict:
    return {
        "number": _("N°"),
        "date": _("Date :"),
        "due": _("Échéance :"),
        "buyer": _("Facturé à"),
        "position": _("N°"),
        "designation": _("Désignation"),
        "amount": _("Montant"),
        "reason": _("Motif :"),
    }


def invoice_snapshot(
    *,
    number: str,
    organization: Organization,
    event: Event,
    payer: Payer,
    lines: list[dict],
    net_cents: int,
    vat_cents: int,
    amount_cents: int,
    issued_on: dt.date,
    due_on: dt.date,
) -> dict:
    """Every word and number the invoice prints and its XML carries, frozen on it."""
    seller, buyer = _seller(organization), _buyer(payer)
    intro = [
        _("Action de formation « %(title)s », %(dates)s.") % _event(event)
        if event.is_training_action
        else _("« %(title)s », %(dates)s.") % _event(event)
    ]
    if payer.pays_by_subrogation:
        intro.append(
            _(
                "Facture au titre de la subrogation de paiement : les heures réalisées, établies d'après les feuilles "
                "d'émargement contresignées, au taux horaire du prix convenu divisé par la durée prévue."
            )
        )
    mentions = [organization.vat_note, *_payment_mentions(buyer, due_on)]
    return {
        "kind": "invoice",
        "type_code": "380",
        "heading": _("Facture"),
        "number": number,
        "date": _date(issued_on),
        "issued_on_iso": issued_on.isoformat(),
        "issued_on": formatting.format_day(issued_on),
        "due_on_iso": due_on.isoformat(),
        "due_on": formatting.format_day(due_on),
        "refers_to": "",
        "reason": "",
        "seller": seller,
        "buyer": buyer,
        "event": _event(event),
        "lines": lines,
        "net_cents": net_cents,
        "vat_cents": vat_cents,
        "amount_cents": amount_cents,
        "charges_vat": organization.charges_vat,
        "vat_note": organization.vat_note,
        "totals": _totals(
            net=net_cents, vat=vat_cents, amount=amount_cents, charges_vat=organization.charges_vat, credit=False
        ),
        "intro": intro,
        "mentions": mentions,
        "footer": " · ".join(p for p in [seller["name"], organization.address_line, seller["siret"]] if p),
        "labels": _labels(),
    }


def credit_note_snapshot(
    *,
    number: str,
    invoice_snapshot: dict,
    reason: str,
    lines: list[dict],
    net_cents: int,
    vat_cents: int,
    amount_cents: int,
    issued_on: dt.date,
) -> dict:
    """The credit note prints the invoice's parties as they were on it, its reference and the reason."""
    base = invoice_snapshot
    return {
        **{k: base[k] for k in ("seller", "buyer", "event", "charges_vat", "vat_note", "footer")},
        "kind": "credit_note",
        "type_code": "381",
        "heading": _("Avoir"),
        "number": number,
        "date": _date(issued_on),
        "issued_on_iso": issued_on.isoformat(),
        "issued_on": formatting.format_day(issued_on),
        "due_on_iso": "",
        "due_on": "",
        "invoice": {"number": base["number"], "issued_on_iso": base["issued_on_iso"]},
        "refers_to": _("Se rapporte à la facture n° %(number)s du %(date)s")
        % {"number": base["number"], "date": base["issued_on"]},
        "reason": reason,
        "lines": lines,
        "net_cents": net_cents,
        "vat_cents": vat_cents,
        "amount_cents": amount_cents,
        "totals": _totals(
            net=net_cents, vat=vat_cents, amount=amount_cents, charges_vat=base["charges_vat"], credit=True
        ),
        "intro": [_("« %(title)s », %(dates)s.") % base["event"]],
        "mentions": [base["vat_note"], _("Montant à déduire de la facture référencée ou à rembourser.")],
        "labels": {**_labels(), "buyer": _("Avoir au bénéfice de")},
    }


def _party(data: dict) -> dict:
    party = {"name": data["name"], "country_code": "FR"}
    if data.get("street"):
        party["addr_l1"] = data["street"]
    if data.get("postcode"):
        party["postcode"] = data["postcode"]
    if data.get("city"):
        party["city"] = data["city"]
    if data.get("siret"):
        party["identifiers"] = {"0009": data["siret"]}  # ISO 6523 0009: SIRET
        party["legal_identifier"], party["legal_identifier_schemeid"] = data["siret"][:9], "0002"  # 0002: SIREN
    if data.get("email"):
        party["contacts"] = [{"email": data["email"]}]
    return party


def facturx_data(snapshot: dict) -> dict:
    """The EN 16931 data (keys are the norm's business terms, BT-…) of a frozen invoice or credit note."""
    charges_vat = snapshot["charges_vat"]
    category, rate = ("S", "20.00") if charges_vat else ("E", "0.00")
    buyer = snapshot["buyer"]
    data = {
        "BT-1": snapshot["number"],
        "BT-2": dt.date.fromisoformat(snapshot["issued_on_iso"]),
        "BT-3": snapshot["type_code"],
        "BT-5": "EUR",
        "BG-4": _party(snapshot["seller"]),
        "BG-7": _party(buyer),
        "BT-72": dt.date.fromisoformat(snapshot["event"]["ends_on"] or snapshot["issued_on_iso"]),
        "BG-1": [
            {"BT-21": "PMT" if i else "AAI", "BT-22": text} for i, text in enumerate(snapshot["mentions"]) if text
        ],
        "BG-23": [
            {
                "BT-116": decimal_text(snapshot["net_cents"]),
                "BT-117": decimal_text(snapshot["vat_cents"]),
                "BT-118": category,
                "BT-119": rate,
                **({} if charges_vat else {"BT-120": snapshot["vat_note"]}),
            }
        ],
        "BT-106": decimal_text(snapshot["net_cents"]),
        "BT-109": decimal_text(snapshot["net_cents"]),
        "BT-110": decimal_text(snapshot["vat_cents"]),
        "BT-112": decimal_text(snapshot["amount_cents"]),
        "BT-115": decimal_text(snapshot["amount_cents"]),
        "BG-25": [
            {
                "BT-126": str(line["position"]),
                "BT-153": line["label"][:200],
                "BT-146": decimal_text(line["net_cents"]),
                "BT-129": "1",
                "BT-130": "C62",
                "BT-151": category,
                "BT-152": rate,
                "BT-131": decimal_text(line["net_cents"]),
            }
            for line in snapshot["lines"]
        ],
    }
    if snapshot["due_on_iso"]:
        data["BT-9"] = dt.date.fromisoformat(snapshot["due_on_iso"])
    if buyer.get("service_code"):
        data["BT-10"] = buyer["service_code"]
    if buyer.get("purchase_order"):
        data["BT-13"] = buyer["purchase_order"]
    if snapshot.get("invoice"):
        data["BG-3"] = [
            {
                "BT-25": snapshot["invoice"]["number"],
                "BT-26": dt.date.fromisoformat(snapshot["invoice"]["issued_on_iso"]),
            }
        ]
    return data


def facturx_xml(snapshot: dict) -> bytes:
    """The CII XML, checked against the Factur-X EN 16931 schema by the library (it raises if invalid)."""
    return facturx.generate_cii_xml(facturx_data(snapshot), level=LEVEL, check_xsd=True, check_schematron=False)


class Renderer:
    """One typst compiler for a batch of invoices (it keeps its fonts between documents)."""

    def __init__(self):
        self.compiler = typst.Compiler()
        self.template = TEMPLATE.read_bytes()

    def render(self, snapshot: dict) -> tuple[bytes, bytes]:
        """(Factur-X PDF, its XML) of a frozen invoice or credit note."""
        xml = facturx_xml(snapshot)
        pdf = self.compiler.compile(
            input=self.template, format="pdf", pdf_standards="a-3b", sys_inputs={"data": json.dumps(snapshot)}
        )
        combined = facturx.generate_from_binary(
            pdf,
            xml,
            flavor="factur-x",
            level=LEVEL,
            check_xsd=False,  # checked just above
            lang="fr-FR",
            pdf_metadata={
                "author": snapshot["seller"]["name"],
                "keywords": "Factur-X",
                "title": f"{snapshot['heading']} {snapshot['number']}",
                "subject": f"{snapshot['heading']} {snapshot['number']} – {snapshot['buyer']['name']}",
            },
        )
        return combined, xml
