"""The organiser's certificates of an event: who has which, issue them in bulk, correct one, download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.attendance import selectors as attendance_selectors
from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.forms.certificates import CorrectionForm, IssueForm
from rencontres.certificates import selectors, services
from rencontres.certificates.exceptions import CertificateError
from rencontres.certificates.models import Certificate
from rencontres.core.http import pdf_response
from rencontres.organizations import access
from rencontres.registrations.models import Registration


def _certificate_for_member(user, certificate_id: int) -> Certificate:
    certificate = get_object_or_404(Certificate.objects.select_related("event__organization"), id=certificate_id)
    if not access.can_manage_event(user, certificate.event):
        raise Http404
    return certificate


def _page_context(event) -> dict:
    hours = attendance_selectors.event_hours(event)
    by_registration: dict[int, list[Certificate]] = {}
    for certificate in selectors.of_event(event):
        by_registration.setdefault(certificate.registration_id, []).append(certificate)
    try:
        services.check_finished(event)
        not_ready = ""
    except CertificateError as error:
        not_ready = error.message
    return {
        "event": event,
        "people": [(person, by_registration.get(person.registration_id, [])) for person in hours.people],
        "kinds": [Certificate(kind=kind).get_kind_display() for kind in services.kinds_for(event)],
        "not_ready": not_ready,
    }


@login_required
def event_certificates(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    return render(request, "backoffice/certificates/event_certificates.html", _page_context(event))


@login_required
@require_POST
def issue(request, event_id: int):
    """Issue what the event owes: everyone's certificates, or one person's (`registration`)."""
    event = backoffice_access.event_for_member(request.user, event_id)
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["registration"]))
        return redirect("backoffice:event_certificates", event.id)
    registration = None
    if form.cleaned_data["registration"]:
        registration = Registration.objects.filter(id=form.cleaned_data["registration"], event=event).first()
        if registration is None:
            messages.error(request, _("Cette inscription n'est pas une inscription à cet événement."))
            return redirect("backoffice:event_certificates", event.id)
    try:
        report = services.issue_for_event(event=event, registration=registration, by=request.user)
    except CertificateError as error:
        messages.error(request, error.message)
        return redirect("backoffice:event_certificates", event.id)
    messages.success(
        request,
        _("%(n)s attestation(s) délivrée(s) et envoyée(s) par courriel.") % {"n": len(report.issued)},
    )
    if report.without_hours:
        messages.info(
            request,
            _("Sans heure validée, donc sans attestation : %(names)s.")
            % {"names": ", ".join(person.name for person in report.without_hours)},
        )
    return redirect("backoffice:event_certificates", event.id)


@login_required
@require_POST
def correct(request, certificate_id: int):
    certificate = _certificate_for_member(request.user, certificate_id)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["reason"]))
        return redirect("backoffice:event_certificates", certificate.event_id)
    try:
        new = services.correct(certificate=certificate, reason=form.cleaned_data["reason"], by=request.user)
    except CertificateError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Version %(v)s délivrée ; la précédente reste listée, remplacée.") % {"v": new.version}
        )
    return redirect("backoffice:event_certificates", certificate.event_id)


@login_required
def certificate_pdf(request, certificate_id: int):
    certificate = _certificate_for_member(request.user, certificate_id)
    with certificate.pdf.open("rb") as handle:
        return pdf_response(handle.read(), certificate.filename)
