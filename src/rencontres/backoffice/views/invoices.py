"""The organiser's invoices of an event: who is to be invoiced, issue (confirmed first), credit notes, PDFs, XLSX."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.forms.certificates import IssueForm
from rencontres.backoffice.forms.invoices import BillingDetailsForm, CreditNoteForm
from rencontres.core.http import pdf_response
from rencontres.invoicing import exports, payers, selectors, services
from rencontres.invoicing.exceptions import InvoicingError
from rencontres.invoicing.models import BillingDetails, CreditNote, Invoice
from rencontres.organizations import access
from rencontres.registrations.models import Registration

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _document_for_member(user, model, pk: int):
    document = get_object_or_404(model.objects.select_related("organization"), pk=pk)
    event = document.event if model is Invoice else document.invoice.event
    if not access.can_manage_event(user, event):
        raise Http404
    return document, event


def _to_invoice(event) -> tuple[list[payers.Payer], str]:
    """The payers not invoiced yet, and why invoicing is refused for the whole event ("" if it is not)."""
    try:
        services.check_can_invoice(event)
    except InvoicingError as error:
        return [], error.message
    invoiced = services.still_invoiced(event)
    pending = [r for r in payers.paying_registrations(event) if r.id not in invoiced]
    return payers.group(pending, event), ""


@login_required
def event_invoices(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    to_invoice, refused = _to_invoice(event)
    return render(
        request,
        "backoffice/invoices/event_invoices.html",
        {
            "event": event,
            "to_invoice": to_invoice,
            "refused": refused,
            "seller_missing": services.seller_missing(event.organization),
            "invoices": selectors.invoices_of(event),
            "cancelled_but_invoiced": _cancelled_but_invoiced(event),
        },
    )


def _cancelled_but_invoiced(event) -> list[tuple[Registration, str]]:
    """Registrations still on an invoice that are no longer confirmed: a credit note is probably owed."""
    invoiced = services.still_invoiced(event)
    gone = Registration.objects.filter(id__in=list(invoiced)).exclude(state="confirmed").order_by("last_name")
    return [(registration, invoiced[registration.id]) for registration in gone]


@login_required
def issue_confirm(request, event_id: int):
    """GET: what will be issued, payer by payer; POST: issue them all (the confirmation)."""
    event = backoffice_access.event_for_member(request.user, event_id)
    if request.method == "POST":
        try:
            report = services.issue_invoices(event=event, by=request.user)
        except InvoicingError as error:
            messages.error(request, error.message)
            return redirect("backoffice:event_invoices", event.id)
        _report(request, report)
        return redirect("backoffice:event_invoices", event.id)
    to_invoice, refused = _to_invoice(event)
    if refused:
        messages.error(request, refused)
        return redirect("backoffice:event_invoices", event.id)
    ready = [payer for payer in to_invoice if not payer.missing]
    return render(
        request,
        "backoffice/invoices/confirm.html",
        {"event": event, "ready": ready, "incomplete": [p for p in to_invoice if p.missing]},
    )


def _report(request, report: services.IssueReport) -> None:
    if report.issued:
        messages.success(
            request,
            _("%(n)s facture(s) émise(s) : %(numbers)s. Elles partent par courriel aux financeurs qui ont une adresse.")
            % {"n": len(report.issued), "numbers": ", ".join(invoice.number for invoice in report.issued)},
        )
    else:
        messages.info(request, _("Aucune facture émise."))
    for refusal in report.refused:
        messages.warning(request, refusal.message)
    if report.without_hours:
        messages.info(
            request,
            _("Sans heure réalisée, donc pas facturé(s) à l'OPCO : %(names)s.")
            % {"names": ", ".join(report.without_hours)},
        )


@login_required
@require_POST
def issue_one(request, event_id: int):
    """The invoice of one payer (the one of `registration`)."""
    event = backoffice_access.event_for_member(request.user, event_id)
    form = IssueForm(request.POST)
    registration = None
    if form.is_valid() and form.cleaned_data["registration"]:
        registration = Registration.objects.filter(id=form.cleaned_data["registration"], event=event).first()
    if registration is None:
        messages.error(request, _("Cette inscription n'est pas une inscription à cet événement."))
        return redirect("backoffice:event_invoices", event.id)
    try:
        report = services.issue_invoices(event=event, registration=registration, by=request.user)
    except InvoicingError as error:
        messages.error(request, error.message)
    else:
        _report(request, report)
    return redirect("backoffice:event_invoices", event.id)


@login_required
def billing_details(request, event_id: int, registration_id: int):
    """Complete what the invoice of this registration's payer needs (address, SIRET, Chorus Pro service code…)."""
    event = backoffice_access.event_for_member(request.user, event_id)
    registration = (
        Registration.objects.filter(id=registration_id, event=event).first() if registration_id < 2**31 else None
    )
    if registration is None:
        raise Http404
    payer = payers.payer_of(registration)
    instance = BillingDetails.objects.filter(event=event, payer_key=payer.key).first()
    initial = {name: getattr(payer, name) for name in services.BILLING_FIELDS}
    if request.method == "POST":
        form = BillingDetailsForm(request.POST, instance=instance, public=payer.is_public)
        if form.is_valid():
            services.save_billing_details(event=event, payer_key=payer.key, **form.cleaned_data)
            messages.success(
                request, _("Coordonnées de facturation enregistrées pour %(name)s.") % {"name": payer.name}
            )
            return redirect("backoffice:event_invoices", event.id)
        status = 400
    else:
        form = BillingDetailsForm(initial=initial, public=payer.is_public)
        status = 200
    return render(
        request, "backoffice/invoices/billing.html", {"event": event, "payer": payer, "form": form}, status=status
    )


@login_required
def credit_note_create(request, invoice_id: int):
    invoice, event = _document_for_member(request.user, Invoice, invoice_id)
    form = CreditNoteForm(request.POST or None, invoice=invoice)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                note = services.issue_credit_note(
                    invoice=invoice,
                    reason=form.cleaned_data["reason"],
                    registration_id=form.cleaned_data["line"],
                    amount_cents=form.amount_cents,
                    by=request.user,
                )
            except InvoicingError as error:
                for name, message in error.errors:
                    form.add_error(name if name in form.fields else None, message)
                if not error.errors:
                    form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("Avoir %(number)s émis sur la facture %(invoice)s.")
                    % {"number": note.number, "invoice": invoice.number},
                )
                return redirect("backoffice:event_invoices", event.id)
        status = 400
    return render(
        request,
        "backoffice/invoices/credit_note.html",
        {"event": event, "invoice": invoice, "form": form, "balance": invoice.balance_cents},
        status=status,
    )


@login_required
def invoice_pdf(request, invoice_id: int):
    invoice, _event = _document_for_member(request.user, Invoice, invoice_id)
    with invoice.pdf.open("rb") as handle:
        return pdf_response(handle.read(), invoice.filename)


@login_required
def credit_note_pdf(request, credit_note_id: int):
    note, _event = _document_for_member(request.user, CreditNote, credit_note_id)
    with note.pdf.open("rb") as handle:
        return pdf_response(handle.read(), note.filename)


@login_required
def invoices_xlsx(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    response = HttpResponse(exports.invoices_xlsx(event), content_type=XLSX)
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="factures-{event.slug}-{stamp}.xlsx"'
    return response
