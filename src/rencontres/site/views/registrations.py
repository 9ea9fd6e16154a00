"""The participant's face: the registration form, its answer, the personal page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.certificates import selectors as certificate_selectors
from rencontres.core.http import pdf_response
from rencontres.events.models import Event
from rencontres.organizations import access
from rencontres.registrations import availability, limits, links, paperwork, selectors, services
from rencontres.registrations.enums import AvailabilityState, RegistrationState
from rencontres.registrations.exceptions import RegistrationError, TooManyRegistrations
from rencontres.registrations.models import Registration
from rencontres.site.forms.registration import RegistrationForm
from rencontres.theses import selectors as thesis_selectors

THANKS_SALT = "registrations.thanks"


def _event_open_to_registration(request, slug: str) -> Event:
    event = get_object_or_404(Event.objects.select_related("organization"), slug=slug)
    if not access.can_view_event(request.user, event):
        raise Http404
    return event


def _my_registration(request, registration_id: int) -> Registration:
    """The registration if it belongs to the signed-in person's proven address; a 404 otherwise."""
    registration = get_object_or_404(Registration.objects.select_related("event__organization"), id=registration_id)
    if registration.email != request.user.email.lower():
        raise Http404
    return registration


def register(request, slug: str):
    event = _event_open_to_registration(request, slug)
    current = availability.event_availability(event)
    if current.state == AvailabilityState.EXTERNAL:
        return redirect(event.registration_url)
    initial = {"email": request.user.email} if request.user.is_authenticated else None
    invitation_token = request.GET.get("invitation")
    invited_email = links.invited_email_from_token(invitation_token, event_id=event.id) if invitation_token else None
    form = RegistrationForm(
        request.POST or None, request.FILES or None, event=event, initial=initial, invited_email=invited_email or ""
    )
    problem = ""
    if invitation_token and invited_email is None:
        # A link cut short, altered, or made for another event: say so, and leave the form as for anyone.
        problem = _(
            "Ce lien d'invitation n'est pas valable pour cet événement : ouvrez celui du courriel "
            "d'invitation reçu, ou saisissez l'adresse à laquelle vous avez été invité·e."
        )
        if request.method != "POST":
            context = _register_context(event, form, current, invitation_problem=problem)
            return render(request, "site/register.html", context, status=400)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                limits.count_client_attempt(request)
                limits.count_address_attempt(request, email=form.cleaned_data["email"])
                registration = services.register(event=event, actor=request.user, **form.service_arguments())
            except TooManyRegistrations as error:
                # The page comes back as it was filled in, with the wait in its error summary.
                form.add_error(None, error.message)
                response = render(
                    request,
                    "site/register.html",
                    _register_context(event, form, current, invitation_problem=problem),
                    status=429,
                )
                response["Retry-After"] = str(error.retry_after)
                return response
            except RegistrationError as error:
                for field, message in error.errors or [(None, error.message)]:
                    form.add_error(field if field in form.fields else None, message)
            else:
                if not registration.just_created:
                    messages.info(
                        request,
                        _("Vous étiez déjà inscrit·e à cet événement avec cette adresse : rien n'a été ajouté."),
                    )
                token = signing.dumps(registration.id, salt=THANKS_SALT)
                return redirect("site:thanks", slug=event.slug, token=token)
        status = 400
    context = _register_context(event, form, current, invitation_problem=problem)
    return render(request, "site/register.html", context, status=status)


def _register_context(event: Event, form: RegistrationForm, current, *, invitation_problem: str = "") -> dict:
    return {
        "event": event,
        "form": form,
        "availability": current,
        "states": AvailabilityState,
        "invitation_problem": invitation_problem,
    }


def thanks(request, slug: str, token: str):
    try:
        registration_id = signing.loads(token, salt=THANKS_SALT, max_age=7 * 24 * 3600)
    except signing.BadSignature:
        raise Http404 from None
    registration = get_object_or_404(Registration.objects.select_related("event"), id=registration_id, event__slug=slug)
    context = {
        "registration": registration,
        "event": registration.event,
        "waiting_position": selectors.waiting_position(registration),
    }
    return render(request, "site/thanks.html", context)


@login_required
def my_space(request):
    registrations = list(selectors.registrations_of_person(request.user.email))
    online = selectors.online_sessions_by_event(
        [r.event_id for r in registrations if r.state == RegistrationState.CONFIRMED]
    )
    certificates = certificate_selectors.current_of_registrations([r.id for r in registrations])
    theses = thesis_selectors.of_registrations([r.id for r in registrations])
    asking = thesis_selectors.settings_of_events([r.event_id for r in registrations])
    decisions = thesis_selectors.current_decisions_of([r.id for r in registrations])
    for registration in registrations:
        registration.issued_certificates = certificates.get(registration.id, [])
        registration.thesis_settings = asking.get(registration.event_id)
        registration.current_thesis = next((t for t in theses.get(registration.id, []) if t.is_current), None)
        registration.jury_decision = decisions.get(registration.id)
        registration.waiting_position = selectors.waiting_position(registration)
        is_confirmed = registration.state == RegistrationState.CONFIRMED
        sessions = online.get(registration.event_id, []) if is_confirmed else []
        registration.online_links = links.online_links(registration, sessions)
    public_seats = selectors.upcoming_public_seats_of_person(request.user.email, today=timezone.localdate())
    return render(request, "site/my_space.html", {"registrations": registrations, "public_seats": public_seats})


def _cancel_after_confirmation(request, registration: Registration, *, actor, note: str, done_url: str):
    """Giving up a place asks first, with the organisation's terms and who else will be told (the payer)."""
    if request.method == "POST":
        if registration.is_live:
            services.cancel(registration=registration, actor=actor, note=note)
        messages.success(
            request, _("Votre inscription à « %(title)s » est annulée.") % {"title": registration.event.title}
        )
        return redirect(done_url)
    context = {"registration": registration, "event": registration.event, "keep_url": done_url}
    return render(request, "site/cancel_confirm.html", context)


@login_required
def my_cancel(request, registration_id: int):
    registration = _my_registration(request, registration_id)
    return _cancel_after_confirmation(
        request,
        registration,
        actor=request.user,
        note=_("annulée par la personne"),
        done_url=reverse("site:my_space"),
    )


def cancel_by_link(request, token: str):
    """« Je ne peux plus venir » from an email: no sign-in, the signed link names the registration."""
    registration_id = links.registration_id_from_cancel_token(token)
    registration = (
        Registration.objects.select_related("event__organization").filter(id=registration_id).first()
        if registration_id
        else None
    )
    if registration is None:
        raise Http404(_("Ce lien d'annulation n'est pas valable : ouvrez celui du dernier courriel reçu."))
    return _cancel_after_confirmation(
        request,
        registration,
        actor=None,
        note=_("annulée par la personne (lien du courriel)"),
        done_url=registration.event.get_absolute_url(),
    )


@login_required
@require_POST
def my_confirm(request, registration_id: int):
    registration = _my_registration(request, registration_id)
    try:
        services.confirm_offer(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Votre place est confirmée."))
    return redirect("site:my_space")


def paper_response(registration: Registration, kind_slug: str) -> HttpResponse:
    kind = paperwork.KINDS_BY_SLUG.get(kind_slug)
    if kind is None:
        raise Http404
    paper = paperwork.issue_paperwork(registration=registration, kind=kind)
    return pdf_response(paperwork.render_paperwork(paper), f"{paper.number}.pdf")


@login_required
@require_POST
def my_paper(request, registration_id: int, kind: str):
    """Issue (numbered once, so by POST only: a link preview must not spend a number) and download a quote or agreement."""
    registration = _my_registration(request, registration_id)
    try:
        return paper_response(registration, kind)
    except RegistrationError as error:
        messages.error(request, error.message)
        return redirect("site:my_space")
