"""The only code that issues invoices and credit notes, and keeps the payers' billing details.

Numbers: one series for invoices and one for credit notes, per organisation and year
(« FA-2021-0001 », « AV-2021-0001 »), each from a counter row locked with select_for_update
in the transaction that writes the document, so two requests never share a number and a
rolled-back issue gives its number back: no gap (CGI art. 242 nonies A, 7°). The Factur-X
PDF is typeset inside that transaction, because it prints the number: the lock is the
organisation's own counter, so only its other invoices wait, and a document is never
numbered without its PDF.

An invoice is never edited: a cancellation or a correction is a credit note referencing it,
for at most what the invoice still carries, so an invoice less its credit notes never goes
below zero. A registration is invoiced once while that invoice line is not fully credited.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.attendance import selectors as attendance_selectors
from rencontres.attendance.hours import format_hours
from rencontres.events.models import Event
from rencontres.organizations.models import Organization
from rencontres.registrations.enums import PayerCategory, RegistrationState
from rencontres.registrations.models import Registration

from . import documents, tasks
from .amounts import euros, split_vat, subrogation_amount
from .enums import PREFIXES, NumberSeries
from .exceptions import InvoicingError
from .models import BillingDetails, CreditNote, CreditNoteLine, Invoice, InvoiceLine, NumberCounter
from .payers import Payer, category_of, group, key_of, paying_registrations

BILLING_FIELDS = ("name", "address", "siret", "service_code", "purchase_order", "email")


def seller_missing(organization: Organization) -> list[str]:
    """What the organisation lacks to invoice: a training body's SIRET, NDA and address; anyone's SIRET and address."""
    missing = list(organization.missing_for_papers)
    if not organization.is_training_body:
        if not organization.siret:
            missing.append(str(_("le SIRET")))
        if not (organization.street and organization.postcode and organization.city):
            missing.append(str(_("l'adresse postale")))
    return missing


def check_can_invoice(event: Event) -> None:
    """Refused in French: an organisation that lacks a mention the law requires, or a free event."""
    missing = seller_missing(event.organization)
    if missing:
        raise InvoicingError(
            _("Il manque à votre organisme %(missing)s : une facture doit porter ces mentions. Complétez sa fiche.")
            % {"missing": ", ".join(missing)}
        )
    if not event.price_tiers.filter(amount_cents__gt=0).exists() and not paying_registrations(event).exists():
        raise InvoicingError(_("Cet événement est gratuit : il n'y a rien à facturer."))


def lock_counter(organization: Organization, series: str, year: int) -> NumberCounter:
    """The counter row of this series, locked until the end of the transaction (created at the first number)."""
    NumberCounter.objects.get_or_create(organization=organization, series=series, year=year)
    return NumberCounter.objects.select_for_update().get(organization=organization, series=series, year=year)


def _take_number(counter: NumberCounter) -> tuple[int, str]:
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number, f"{PREFIXES[counter.series]}-{counter.year}-{counter.last_number:04d}"


def still_invoiced(event: Event) -> dict[int, str]:
    """Registrations of the event on an invoice line not fully credited: registration id → invoice number."""
    lines = (
        InvoiceLine.objects.filter(invoice__event=event)
        .annotate(credited=Coalesce(Sum("credits__amount_cents"), Value(0)))
        .filter(amount_cents__gt=F("credited"))
        .values_list("registration_id", "invoice__number")
    )
    return dict(lines)


# Billing details ---------------------------------------------------------------------------


@transaction.atomic
def save_billing_details(*, event: Event, payer_key: str, **values) -> BillingDetails:
    """The organiser's completion of a payer's details (address, SIRET, Chorus Pro service code, order number)."""
    details = BillingDetails.objects.filter(event=event, payer_key=payer_key).first() or BillingDetails(
        event=event, payer_key=payer_key
    )
    for name in BILLING_FIELDS:
        setattr(details, name, " ".join(str(values.get(name) or "").split()))
    details.siret = details.siret.replace(" ", "")
    try:
        details.full_clean(exclude=["event"])
    except ValidationError as error:
        errors = [(name, str(message)) for name, messages in error.message_dict.items() for message in messages]
        raise InvoicingError(_("Corrigez les champs signalés."), errors) from None
    details.save()
    return details


# Invoices ------------------------------------------------------------------------------------


@dataclass
class Refusal:
    payer: Payer
    message: str


@dataclass
class IssueReport:
    issued: list[Invoice] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    without_hours: list[str] = field(default_factory=list)


@dataclass
class Hours:
    """Validated minutes per registration and the planned minutes, or why they are not known yet."""

    minutes: dict[int, int]
    planned: int
    not_ready: str = ""


def hours_for_subrogation(event: Event, *, today: dt.date) -> Hours:
    """The hours an OPCO pays for: from counter-signed half-days only, once the event is over."""
    if event.ends_on is None or event.ends_on > today:
        return Hours({}, 0, _("l'événement n'est pas terminé : les heures réalisées ne sont pas connues"))
    table = attendance_selectors.event_hours(event)
    if not table.slots or any(not slot.is_validated for slot in table.slots):
        return Hours(
            {}, 0, _("des demi-journées ne sont pas encore contresignées : les heures ne sont pas définitives")
        )
    return Hours({p.registration_id: p.minutes for p in table.people}, table.planned_minutes_per_person)


def _line(registration: Registration, event: Event, payer: Payer, hours: Hours | None) -> dict | None:
    trainee = registration.full_name
    label = _("%(title)s – %(trainee)s") % {"title": event.title, "trainee": trainee}
    detail = registration.price_label
    if payer.category == PayerCategory.OPCO and registration.employer_name:
        detail = _("%(price)s, pour le compte de %(employer)s") % {
            "price": registration.price_label,
            "employer": registration.employer_name,
        }
    line = {"registration": registration, "label": label, "detail": detail, "amount_cents": registration.amount_cents}
    if hours is not None:
        done = hours.minutes.get(registration.id, 0)
        amount = subrogation_amount(
            price_cents=registration.amount_cents, minutes_done=done, minutes_planned=hours.planned
        )
        if amount == 0:
            return None
        rate = euros(round(registration.amount_cents * 60 / hours.planned))
        line.update(
            amount_cents=amount,
            minutes_done=done,
            minutes_planned=hours.planned,
            detail=_("%(done)s réalisées sur %(planned)s prévues, à %(rate)s de l'heure (prix convenu %(price)s)")
            % {
                "done": format_hours(done),
                "planned": format_hours(hours.planned),
                "rate": rate,
                "price": euros(registration.amount_cents),
            }
            + (f" – {detail}" if detail else ""),
        )
    return line


def _save_document(model, *, renderer, counter: NumberCounter, sequence: int, snapshot: dict, now, by, **fields):
    """An invoice or a credit note written with its frozen data, its XML and its Factur-X PDF."""
    pdf, xml = renderer.render(snapshot)
    document = model(
        number=snapshot["number"],
        year=counter.year,
        sequence=sequence,
        amount_cents=snapshot["amount_cents"],
        net_cents=snapshot["net_cents"],
        issued_on=dt.date.fromisoformat(snapshot["issued_on_iso"]),
        snapshot=snapshot,
        xml=xml.decode(),
        issued_at=now,
        issued_by=by if by is not None and by.is_authenticated else None,
        **fields,
    )
    document.pdf.save(document.filename, ContentFile(pdf), save=False)
    document.save()
    return document


def _issue_one(
    *, counter: NumberCounter, renderer, event: Event, payer: Payer, lines: list[dict], today: dt.date, now, by
) -> Invoice:
    organization = event.organization
    sequence, number = _take_number(counter)
    for position, line in enumerate(lines, start=1):
        line["position"] = position
        line["net_cents"], line["vat_cents"] = split_vat(line["amount_cents"], charges_vat=organization.charges_vat)
    amount = sum(line["amount_cents"] for line in lines)
    net = sum(line["net_cents"] for line in lines)
    due_on = today + dt.timedelta(days=documents.PAYMENT_DAYS)
    snapshot = documents.invoice_snapshot(
        number=number,
        organization=organization,
        event=event,
        payer=payer,
        lines=[
            {
                "position": line["position"],
                "label": line["label"],
                "detail": line["detail"],
                "amount_cents": line["amount_cents"],
                "net_cents": line["net_cents"],
                "amount": euros(line["amount_cents"]),
                "registration": line["registration"].id,
            }
            for line in lines
        ],
        net_cents=net,
        vat_cents=amount - net,
        amount_cents=amount,
        issued_on=today,
        due_on=due_on,
    )
    invoice = _save_document(
        Invoice,
        renderer=renderer,
        counter=counter,
        sequence=sequence,
        snapshot=snapshot,
        now=now,
        by=by,
        organization=organization,
        event=event,
        due_on=due_on,
        payer_key=payer.key,
        payer_category=payer.category,
        buyer_name=payer.name[:200],
        buyer_email=payer.email,
    )
    InvoiceLine.objects.bulk_create(
        InvoiceLine(
            invoice=invoice,
            registration=line["registration"],
            position=line["position"],
            label=line["label"][:400],
            minutes_done=line.get("minutes_done"),
            minutes_planned=line.get("minutes_planned"),
            amount_cents=line["amount_cents"],
            net_cents=line["net_cents"],
            payer_category=category_of(line["registration"]),
            opco_scheme=line["registration"].opco_scheme,
        )
        for line in lines
    )
    return invoice


def _refuse_one(registration: Registration, event: Event) -> None:
    if registration.event_id != event.id:
        raise InvoicingError(_("Cette inscription n'est pas une inscription à cet événement."))
    if registration.amount_cents == 0 or not category_of(registration):
        raise InvoicingError(
            _("%(name)s n'a ni tarif payant ni financeur : il n'y a rien à lui facturer.")
            % {"name": registration.full_name}
        )
    if registration.state != RegistrationState.CONFIRMED:
        raise InvoicingError(
            _("L'inscription de %(name)s n'est pas confirmée : elle ne se facture pas.")
            % {"name": registration.full_name}
        )


def issue_invoices(
    *, event: Event, by=None, registration: Registration | None = None, notify: bool = True, now=None
) -> IssueReport:
    """An invoice for each payer of the event not invoiced yet (or for the payer of one registration).

    A payer whose details are incomplete is left out with the reason (`refused`); an OPCO paying
    by subrogation is invoiced the hours done, once they are validated, and a trainee with no
    hour done is not on its invoice (`without_hours`). For one registration, every refusal is an
    InvoicingError, also when it is already invoiced (a correction goes through a credit note).
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    check_can_invoice(event)
    if registration is not None:
        _refuse_one(registration, event)
    report = IssueReport()
    with transaction.atomic():
        counter = lock_counter(event.organization, NumberSeries.INVOICE, today.year)
        invoiced = still_invoiced(event)  # read under the lock: a concurrent issue has committed or waits
        if registration is not None and registration.id in invoiced:
            raise InvoicingError(
                _(
                    "L'inscription de %(name)s est déjà facturée (%(number)s) : on ne facture pas deux fois. "
                    "Pour l'annuler ou la corriger, émettez un avoir sur cette facture."
                )
                % {"name": registration.full_name, "number": invoiced[registration.id]}
            )
        payers = group([r for r in paying_registrations(event) if r.id not in invoiced], event)
        if registration is not None:
            payers = [payer for payer in payers if payer.key == key_of(registration)]
        hours, renderer = None, None
        for payer in payers:
            if payer.missing:
                report.refused.append(
                    Refusal(
                        payer,
                        _("Il manque %(missing)s pour facturer %(payer)s.")
                        % {"missing": ", ".join(payer.missing), "payer": payer.name or payer.category_label},
                    )
                )
                continue
            if payer.pays_by_subrogation:
                hours = hours or hours_for_subrogation(event, today=today)
                if hours.not_ready:
                    report.refused.append(
                        Refusal(
                            payer,
                            _("%(payer)s paie les heures réalisées, mais %(why)s.")
                            % {"payer": payer.name, "why": hours.not_ready},
                        )
                    )
                    continue
            lines = []
            for paid in payer.registrations:
                line = _line(paid, event, payer, hours if payer.pays_by_subrogation else None)
                if line is None:
                    report.without_hours.append(paid.full_name)
                else:
                    lines.append(line)
            if not lines:
                continue
            renderer = renderer or documents.Renderer()
            report.issued.append(
                _issue_one(
                    counter=counter,
                    renderer=renderer,
                    event=event,
                    payer=payer,
                    lines=lines,
                    today=today,
                    now=now,
                    by=by,
                )
            )
        if registration is not None and report.refused:
            raise InvoicingError(report.refused[0].message)
        if notify:
            for invoice in report.issued:
                if invoice.buyer_email:
                    transaction.on_commit(lambda pk=invoice.pk: tasks.send_invoice.enqueue(pk))
    return report


# Credit notes --------------------------------------------------------------------------------


def _clean_reason(reason: str) -> str:
    reason = " ".join((reason or "").split())
    if not reason:
        raise InvoicingError(
            _("Indiquez le motif de l'avoir (annulation, correction…) : il figure sur l'avoir."),
            [("reason", _("Indiquez le motif de l'avoir."))],
        )
    if len(reason) > 300:
        raise InvoicingError(_("Le motif tient en 300 caractères au plus."), [("reason", _("300 caractères au plus."))])
    return reason


def issue_credit_note(
    *,
    invoice: Invoice,
    reason: str,
    registration_id: int | None = None,
    amount_cents: int | None = None,
    by=None,
    notify: bool = True,
    now=None,
) -> CreditNote:
    """A credit note on the invoice: all it still carries, or one trainee's line, or a given amount.

    Never more than what remains (the invoice's amount less its credit notes), so the balance
    of an invoice never goes below zero.
    """
    reason = _clean_reason(reason)
    now = now or timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        counter = lock_counter(invoice.organization, NumberSeries.CREDIT_NOTE, today.year)
        invoice = Invoice.objects.select_for_update().select_related("organization").get(pk=invoice.pk)
        lines = list(
            invoice.lines.annotate(
                credited=Coalesce(Sum("credits__amount_cents"), Value(0)),
                credited_net=Coalesce(Sum("credits__net_cents"), Value(0)),
            ).order_by("position")
        )
        if registration_id is not None:
            lines = [line for line in lines if line.registration_id == registration_id]
            if not lines:
                raise InvoicingError(
                    _("Cette personne ne figure pas sur la facture %(number)s.") % {"number": invoice.number},
                    [("registration", _("Choisissez une ligne de la facture."))],
                )
        remaining = sum(line.amount_cents - line.credited for line in lines)
        if remaining == 0:
            raise InvoicingError(
                _("Il ne reste rien à créditer : la facture %(number)s est déjà annulée par avoir pour ce montant.")
                % {"number": invoice.number}
            )
        amount = remaining if amount_cents is None else amount_cents
        if amount <= 0:
            raise InvoicingError(
                _("Le montant d'un avoir est positif."), [("amount", _("Indiquez un montant supérieur à zéro."))]
            )
        if amount > remaining:
            message = _("Un avoir ne peut pas dépasser ce que la facture porte encore : %(left)s.") % {
                "left": euros(remaining)
            }
            raise InvoicingError(message, [("amount", message)])
        credits, left = [], amount
        for line in lines:
            take = min(left, line.amount_cents - line.credited)
            if take <= 0:
                continue
            net_left = line.net_cents - line.credited_net
            net = (
                net_left
                if take == line.amount_cents - line.credited
                else min(split_vat(take, charges_vat=invoice.organization.charges_vat)[0], net_left)
            )
            credits.append((line, take, net))
            left -= take
        net_total = sum(net for _line, _take, net in credits)
        sequence, number = _take_number(counter)
        snapshot = documents.credit_note_snapshot(
            number=number,
            invoice_snapshot=invoice.snapshot,
            reason=reason,
            lines=[
                {
                    "position": line.position,
                    "label": line.label,
                    "detail": "",
                    "amount_cents": take,
                    "net_cents": net,
                    "amount": euros(take),
                    "registration": line.registration_id,
                }
                for line, take, net in credits
            ],
            net_cents=net_total,
            vat_cents=amount - net_total,
            amount_cents=amount,
            issued_on=today,
        )
        credit_note = _save_document(
            CreditNote,
            renderer=documents.Renderer(),
            counter=counter,
            sequence=sequence,
            snapshot=snapshot,
            now=now,
            by=by,
            organization=invoice.organization,
            invoice=invoice,
            reason=reason,
        )
        CreditNoteLine.objects.bulk_create(
            CreditNoteLine(credit_note=credit_note, invoice_line=line, amount_cents=take, net_cents=net)
            for line, take, net in credits
        )
        if notify and invoice.buyer_email:
            transaction.on_commit(lambda: tasks.send_credit_note.enqueue(credit_note.pk))
    return credit_note


def mark_emailed(model, pk: int, *, now=None) -> int:
    return model.objects.filter(pk=pk, emailed_at__isnull=True).update(emailed_at=now or timezone.now())
