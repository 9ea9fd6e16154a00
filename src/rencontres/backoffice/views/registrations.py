"""The organiser's face: registrations of an event, decisions, exports, messages, settings.

Every view starts with a permission helper that returns the object or a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.confirmation import ask_before_deleting
from rencontres.backoffice.forms.registrations import (
    CommitmentForm,
    DecisionForm,
    InvitationForm,
    ManageFilterForm,
    MessageForm,
    QuestionForm,
    RegistrationSettingsForm,
    TrainingProfileForm,
)
from rencontres.certificates import selectors as certificate_selectors
from rencontres.core import files
from rencontres.core.http import pdf_response, stored_file_response
from rencontres.events.models import Event
from rencontres.organizations import access
from rencontres.registrations import availability, configuration, exports, paperwork, selectors, services
from rencontres.registrations.enums import DataAccessKind
from rencontres.registrations.exceptions import RegistrationError
from rencontres.registrations.models import (
    Answer,
    ApplicationFile,
    EventRegistrationSettings,
    Invitation,
    Question,
    Registration,
)

FORM_ERROR = gettext_lazy("Le formulaire contient des erreurs : corrigez les champs signalés.")


def event_for_organiser(request, event_id: int) -> Event:
    return backoffice_access.event_for_member(request.user, event_id)


def registration_for_organiser(request, registration_id: int) -> Registration:
    registration = get_object_or_404(Registration.objects.select_related("event__organization"), id=registration_id)
    if not access.can_manage_event(request.user, registration.event):
        raise Http404
    return registration


def _filters(request) -> tuple[ManageFilterForm, selectors.ManageFilters]:
    form = ManageFilterForm(request.GET or None)
    data = form.cleaned_data if request.GET and form.is_valid() else {}
    return form, selectors.ManageFilters(
        state=data.get("etat", ""),
        payer_kind=data.get("payeur", ""),
        missing_commitment=data.get("sans_engagement", False),
        text=data.get("q", ""),
    )


def _settings_of(event: Event) -> EventRegistrationSettings:
    return EventRegistrationSettings.objects.filter(event=event).first() or EventRegistrationSettings(event=event)


@login_required
def manage(request, event_id: int):
    event = event_for_organiser(request, event_id)
    filter_form, filters = _filters(request)
    reg_settings = _settings_of(event)
    context = {
        "event": event,
        "filter_form": filter_form,
        "registrations": selectors.registrations_for_organiser(event, filters),
        "public_seats": selectors.public_seats_for_organiser(event),
        "counts": selectors.counts_for_organiser(event),
        "availability": availability.event_availability(event),
        "reg_settings": reg_settings,
        "decision_form": DecisionForm(),
        "querystring": request.GET.urlencode(),
    }
    return render(request, "backoffice/registrations/manage.html", context)


def _detail_context(registration: Registration, **bound) -> dict:
    return {
        "registration": registration,
        "event": registration.event,
        "log": registration.log_entries.select_related("actor"),
        "commitment_form": CommitmentForm(),
        "training_form": bound.get("training_form")
        or TrainingProfileForm(
            initial={
                "trainee_type": registration.trainee_type,
                "payer_category": registration.payer_category,
                "opco_scheme": registration.opco_scheme,
            }
        ),
        "waiting_position": selectors.waiting_position(registration),
        "certificates": certificate_selectors.of_registration(registration),
    }


@login_required
def detail(request, registration_id: int):
    registration = registration_for_organiser(request, registration_id)
    services.record_data_access(actor=request.user, kind=DataAccessKind.REGISTRATION_DETAIL, registration=registration)
    return render(request, "backoffice/registrations/detail.html", _detail_context(registration))


@login_required
@require_POST
def training_profile(request, registration_id: int):
    """Trainee type and payer category, for the certificates and the BPF."""
    registration = registration_for_organiser(request, registration_id)
    form = TrainingProfileForm(request.POST)
    if form.is_valid():
        try:
            services.set_training_profile(registration=registration, actor=request.user, **form.cleaned_data)
        except RegistrationError as error:
            for field, message in error.errors:
                form.add_error(field, message)
        else:
            messages.success(request, _("Type de stagiaire et financeur enregistrés."))
            return redirect("backoffice:registration_detail", registration.id)
    messages.error(request, FORM_ERROR)
    registration.refresh_from_db()
    context = _detail_context(registration, training_form=form)
    return render(request, "backoffice/registrations/detail.html", context, status=400)


ACTIONS = {
    "accepter": (services.accept, gettext_lazy("Candidature acceptée.")),
    "refuser": (services.refuse, gettext_lazy("Candidature refusée.")),
    "proposer-place": (services.promote, gettext_lazy("Place proposée : la personne a été prévenue par courriel.")),
    "annuler": (services.cancel, gettext_lazy("Inscription annulée.")),
}


@login_required
@require_POST
def act(request, registration_id: int, action: str):
    registration = registration_for_organiser(request, registration_id)
    back = request.POST.get("next") or ""
    if not back.startswith("/gestion/"):
        back = ""
    if action == "engagement":
        form = CommitmentForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(form.errors["received_on"]))
            return redirect("backoffice:registration_detail", registration.id)
        services.record_commitment(
            registration=registration, actor=request.user, received_on=form.cleaned_data["received_on"]
        )
        messages.success(request, _("Engagement écrit enregistré."))
        return redirect(back or "backoffice:registration_detail", *([] if back else [registration.id]))
    if action not in ACTIONS:
        raise Http404
    service, done = ACTIONS[action]
    try:
        service(registration=registration, actor=request.user)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(back or "backoffice:registrations", *([] if back else [registration.event_id]))


@login_required
@require_POST
def fill_places(request, event_id: int):
    event = event_for_organiser(request, event_id)
    offered = services.fill_free_places(event=event, actor=request.user)
    messages.success(request, _("%(n)s place(s) proposée(s) à la liste d'attente.") % {"n": len(offered)})
    return redirect("backoffice:registrations", event.id)


@login_required
@require_POST
def paper(request, registration_id: int, kind: str):
    """Issue (numbered once, so by POST only: a link preview must not spend a number) and download a quote or agreement."""
    registration = registration_for_organiser(request, registration_id)
    try:
        kind_enum = paperwork.KINDS_BY_SLUG.get(kind)
        if kind_enum is None:
            raise Http404
        paper = paperwork.issue_paperwork(registration=registration, kind=kind_enum)
        services.record_data_access(
            actor=request.user, kind=DataAccessKind.PAPERWORK, registration=registration, detail=paper.number
        )
        return pdf_response(paperwork.render_paperwork(paper), f"{paper.number}.pdf")
    except RegistrationError as error:
        messages.error(request, error.message)
        return redirect("backoffice:registration_detail", registration.id)


@login_required
def application_file(request, file_id: int):
    item = get_object_or_404(ApplicationFile.objects.select_related("registration__event"), id=file_id)
    if not access.can_manage_event(request.user, item.registration.event):
        raise Http404
    response = stored_file_response(item.file, files.kind_of_label(item.file_type))
    services.record_data_access(
        actor=request.user, kind=DataAccessKind.REGISTRATION_FILE, registration=item.registration, detail=item.label
    )
    return response


@login_required
def answer_file(request, answer_id: int):
    answer = get_object_or_404(Answer.objects.select_related("registration__event"), id=answer_id)
    if not access.can_manage_event(request.user, answer.registration.event):
        raise Http404
    response = stored_file_response(answer.file)
    services.record_data_access(
        actor=request.user,
        kind=DataAccessKind.REGISTRATION_FILE,
        registration=answer.registration,
        detail=answer.question.label,
    )
    return response


def _record_export(request, event: Event, file_format: str) -> None:
    query = request.GET.urlencode()
    detail = f"{file_format} ({query})" if query else file_format
    services.record_data_access(
        actor=request.user, kind=DataAccessKind.REGISTRATIONS_EXPORT, event=event, detail=detail
    )


@login_required
def export_csv(request, event_id: int):
    event = event_for_organiser(request, event_id)
    _form, filters = _filters(request)
    _record_export(request, event, "CSV")
    response = HttpResponse(exports.registrations_csv(event, filters), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.slug}.csv"'
    return response


@login_required
def export_xlsx(request, event_id: int):
    event = event_for_organiser(request, event_id)
    _form, filters = _filters(request)
    _record_export(request, event, "XLSX")
    response = HttpResponse(
        exports.registrations_xlsx(event, filters),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="inscriptions-{event.slug}.xlsx"'
    return response


@login_required
def write_message(request, event_id: int):
    event = event_for_organiser(request, event_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            count = configuration.write_to_registered(
                event=event,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                states=form.cleaned_data["states"],
            )
            messages.success(request, _("Message envoyé à %(n)s personne(s).") % {"n": count})
            return redirect("backoffice:registrations", event.id)
        messages.error(request, FORM_ERROR)
    return render(
        request,
        "backoffice/registrations/write.html",
        {"event": event, "form": form},
        status=400 if form.errors else 200,
    )


def _setup_context(event: Event, **bound) -> dict:
    return {
        "event": event,
        "settings_form": bound.get("settings_form") or RegistrationSettingsForm(instance=_settings_of(event)),
        "question_form": bound.get("question_form") or QuestionForm(prefix="question"),
        "invitation_form": bound.get("invitation_form") or InvitationForm(prefix="invitation"),
        "questions": Question.objects.filter(event=event),
        "invitations": Invitation.objects.filter(event=event),
    }


@login_required
def setup(request, event_id: int):
    event = event_for_organiser(request, event_id)
    if request.method == "POST":
        form = RegistrationSettingsForm(request.POST, instance=_settings_of(event))
        if form.is_valid():
            configuration.save_settings(event=event, **{f: form.cleaned_data[f] for f in form.Meta.fields})
            messages.success(request, _("Réglages des inscriptions enregistrés."))
            return redirect("backoffice:registration_setup", event.id)
        messages.error(request, FORM_ERROR)
        return render(
            request, "backoffice/registrations/setup.html", _setup_context(event, settings_form=form), status=400
        )
    return render(request, "backoffice/registrations/setup.html", _setup_context(event))


@login_required
@require_POST
def question_add(request, event_id: int):
    event = event_for_organiser(request, event_id)
    form = QuestionForm(request.POST, prefix="question")
    if not form.is_valid():
        messages.error(request, FORM_ERROR)
        return render(
            request, "backoffice/registrations/setup.html", _setup_context(event, question_form=form), status=400
        )
    configuration.add_question(event=event, **form.cleaned_data)
    messages.success(request, _("Question ajoutée au formulaire d'inscription."))
    return redirect("backoffice:registration_setup", event.id)


@login_required
@require_POST
def question_delete(request, question_id: int):
    question = get_object_or_404(Question, id=question_id)
    event = event_for_organiser(request, question.event_id)
    asked = ask_before_deleting(
        request,
        what=_("la question « %(label)s »") % {"label": question.label},
        consequence=_("Les réponses déjà données à cette question sont supprimées avec elle."),
        back_url=reverse("backoffice:registration_setup", args=[event.id]),
    )
    if asked:
        return asked
    configuration.delete_question(question=question)
    messages.success(request, _("Question supprimée."))
    return redirect("backoffice:registration_setup", event.id)


@login_required
@require_POST
def invitations_add(request, event_id: int):
    event = event_for_organiser(request, event_id)
    form = InvitationForm(request.POST, prefix="invitation")
    if not form.is_valid():
        messages.error(request, FORM_ERROR)
        return render(
            request, "backoffice/registrations/setup.html", _setup_context(event, invitation_form=form), status=400
        )
    added = configuration.add_invitations(event=event, emails=form.cleaned_data["emails"])
    if not added:
        messages.info(request, _("Ces adresses étaient déjà invitées : aucune invitation n'est renvoyée."))
    elif configuration.invitations_can_leave(event):
        messages.success(
            request, _("%(n)s adresse(s) invitée(s) ajoutée(s) : chacune reçoit son invitation.") % {"n": added}
        )
    else:
        messages.success(
            request,
            _("%(n)s adresse(s) invitée(s) ajoutée(s) : les invitations partiront à la publication.") % {"n": added},
        )
    return redirect("backoffice:registration_setup", event.id)


@login_required
@require_POST
def invitation_resend(request, invitation_id: int):
    invitation = get_object_or_404(Invitation.objects.select_related("event"), id=invitation_id)
    event = event_for_organiser(request, invitation.event_id)
    try:
        configuration.resend_invitation(invitation=invitation)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Invitation renvoyée à %(email)s.") % {"email": invitation.email})
    return redirect("backoffice:registration_setup", event.id)


@login_required
@require_POST
def invitation_delete(request, invitation_id: int):
    invitation = get_object_or_404(Invitation, id=invitation_id)
    event = event_for_organiser(request, invitation.event_id)
    asked = ask_before_deleting(
        request,
        what=_("l'invitation de %(email)s") % {"email": invitation.email},
        consequence=_("Son lien personnel ne permettra plus de s'inscrire."),
        back_url=reverse("backoffice:registration_setup", args=[event.id]),
    )
    if asked:
        return asked
    configuration.delete_invitation(invitation=invitation)
    return redirect("backoffice:registration_setup", event.id)


@login_required
@require_POST
def decide(request, event_id: int):
    event = event_for_organiser(request, event_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("backoffice:registrations", event.id)
    if form.cleaned_data["decision"] == "maintenir":
        services.confirm_event_takes_place(event=event, actor=request.user)
        messages.success(request, _("Événement maintenu : les personnes inscrites sont prévenues."))
    else:
        count = services.cancel_event(event=event, actor=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Événement annulé : %(n)s personne(s) prévenue(s).") % {"n": count})
    return redirect("backoffice:registrations", event.id)
