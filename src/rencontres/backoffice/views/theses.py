"""The organiser's thesis and jury pages: settings, theses handed in, the jury, decisions, certificates of specialisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.forms.theses import DecisionForm, JuryForm, ThesisSettingsForm
from rencontres.certificates import services as certificate_services
from rencontres.certificates.enums import CertificateKind
from rencontres.certificates.exceptions import CertificateError
from rencontres.certificates.models import Certificate
from rencontres.core import files
from rencontres.core.http import stored_file_response
from rencontres.organizations import access
from rencontres.registrations import services as registration_services
from rencontres.registrations.enums import DataAccessKind, RegistrationState
from rencontres.registrations.models import Registration
from rencontres.theses import selectors, services
from rencontres.theses.exceptions import ThesisError
from rencontres.theses.models import Thesis

FORM_ERROR = _("Le formulaire contient des erreurs : corrigez les champs signalés.")


def _refused(form, error: ThesisError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def event_theses(request, event_id: int):
    """Who handed in what, the jury's decision and the certificate of each trainee; the actions that follow."""
    event = backoffice_access.event_for_member(request.user, event_id)
    trainees = selectors.trainees_of(event)
    certificates = {
        c.registration_id: c
        for c in Certificate.objects.filter(event=event, kind=CertificateKind.SPECIALISATION, replaced_at__isnull=True)
    }
    for trainee in trainees:
        trainee.certificate = certificates.get(trainee.registration.id)
    context = {
        "event": event,
        "thesis_settings": selectors.settings_of(event),
        "jury": selectors.jury_of(event),
        "trainees": trainees,
        "admitted": sum(1 for t in trainees if t.decision and t.decision.is_admitted),
    }
    return render(request, "backoffice/theses/event_theses.html", context)


def _form_page(request, form, *, save, success: str, event, template: str, context: dict | None = None):
    """A form page of this module: on a valid POST, `save(cleaned_data)` (a service), then back to the theses page;
    a refusal of the form or of the service shown on the form, with a 400."""
    if form.is_bound and form.is_valid():
        try:
            save(form.cleaned_data)
        except ThesisError as error:
            _refused(form, error)
        else:
            messages.success(request, success)
            return redirect("backoffice:event_theses", event.id)
    if form.is_bound:
        messages.error(request, FORM_ERROR)
    context = {"event": event, "form": form, **(context or {})}
    return render(request, template, context, status=400 if form.is_bound else 200)


def _posted(request):
    return request.POST if request.method == "POST" else None


@login_required
def thesis_settings(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    current = selectors.settings_of(event)
    initial = {"is_required": current.is_required, "deadline": current.deadline} if current else {}
    return _form_page(
        request,
        ThesisSettingsForm(_posted(request), initial=initial),
        save=lambda data: services.save_settings(event=event, **data),
        success=_("Réglages du mémoire enregistrés."),
        event=event,
        template="backoffice/theses/settings.html",
    )


@login_required
def jury(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    current = selectors.jury_of(event)
    initial = {}
    if current:
        initial = {"date": current.date, "members": "\n".join(f"{m.name}, {m.role}" for m in current.members.all())}
    return _form_page(
        request,
        JuryForm(_posted(request), initial=initial),
        save=lambda data: services.set_jury(event=event, date=data["date"], members=data["members"]),
        success=_("Jury enregistré."),
        event=event,
        template="backoffice/theses/jury.html",
    )


@login_required
def decision(request, event_id: int, registration_id: int):
    """Record the jury's decision for one trainee, or correct it with a reason; the journal of decisions below."""
    event = backoffice_access.event_for_member(request.user, event_id)
    registration = get_object_or_404(Registration, id=registration_id, event=event, state=RegistrationState.CONFIRMED)
    trainee = selectors.trainee_file(registration)
    current = trainee.decision
    initial = {"outcome": current.outcome, "comment": current.comment} if current else {}

    def save(data):
        if current is None:
            return services.record_decision(
                registration=registration, outcome=data["outcome"], comment=data["comment"], by=request.user
            )
        return services.correct_decision(
            decision=current, outcome=data["outcome"], comment=data["comment"], reason=data["reason"], by=request.user
        )

    return _form_page(
        request,
        DecisionForm(_posted(request), initial=initial, correcting=current is not None),
        save=save,
        success=_("Décision enregistrée pour %(name)s.") % {"name": registration.full_name},
        event=event,
        template="backoffice/theses/decision.html",
        context={"trainee": trainee, "jury": selectors.jury_of(event)},
    )


@login_required
def thesis_file(request, thesis_id: int):
    """A thesis as handed in, served as uploaded files are (never as a page of the site); the read is journaled."""
    thesis = get_object_or_404(Thesis.objects.select_related("registration__event__organization"), id=thesis_id)
    if not access.can_manage_event(request.user, thesis.registration.event) or not thesis.file:
        raise Http404
    response = stored_file_response(thesis.file, files.kind_of_label(thesis.file_type))
    registration_services.record_data_access(
        actor=request.user,
        kind=DataAccessKind.REGISTRATION_FILE,
        registration=thesis.registration,
        detail=_("mémoire, version %(v)s") % {"v": thesis.version},
    )
    return response


@login_required
@require_POST
def issue_specialisation(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    try:
        report = certificate_services.issue_specialisation(event=event, by=request.user)
    except CertificateError as error:
        messages.error(request, error.message)
        return redirect("backoffice:event_theses", event.id)
    messages.success(
        request,
        _("%(n)s certificat(s) de spécialisation délivré(s) et envoyé(s) par courriel.") % {"n": len(report.issued)},
    )
    if report.without_hours:
        messages.info(
            request,
            _("Sans heure validée, donc sans certificat : %(names)s.")
            % {"names": ", ".join(person.name for person in report.without_hours)},
        )
    return redirect("backoffice:event_theses", event.id)
