"""The participant's face of a workshop: join by QR code or link, contribute, vote; the restitution."""

import functools

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.core.http import pdf_response
from rencontres.organizations import access
from rencontres.registrations import selectors as registration_selectors
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from rencontres.site.forms.workshops import VOTE_ACTIONS, ContributionForm, JoinForm
from rencontres.workshops import emails, links, restitution_pdf, selectors, services
from rencontres.workshops.enums import WorkshopPhase
from rencontres.workshops.exceptions import WorkshopError
from rencontres.workshops.models import Contribution, Workshop, Workstream


class InvalidLink(Exception):
    pass


def _participant(token: str) -> tuple[Workshop, Registration]:
    """The workshop and the person of a personal link; InvalidLink for a forged or outdated one."""
    found = links.participant_from_token(token)
    if found is None:
        raise InvalidLink
    return found


def invalid_link(request):
    message = _("Ce lien d'atelier n'est pas valable : demandez votre lien personnel à l'animateur.")
    return render(request, "site/invalid_link.html", {"message": message}, status=404)


def personal(view):
    """Views reached by a personal link: a forged or outdated link gets a French page, status 404."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except InvalidLink:
            return invalid_link(request)

    return wrapper


def _public_workshop(request, slug: str, workshop_id: int) -> Workshop:
    workshop = get_object_or_404(
        Workshop.objects.select_related("event__organization", "session__day"), id=workshop_id, event__slug=slug
    )
    if not access.can_view_event(request.user, workshop.event):
        raise Http404
    return workshop


def personal_url(request, workshop: Workshop, registration: Registration) -> str:
    return request.build_absolute_uri(reverse("site:workshop", args=[links.participant_token(workshop, registration)]))


def join(request, slug: str, workshop_id: int):
    """Where the projected QR code leads: a confirmed participant gets their personal link by email."""
    workshop = _public_workshop(request, slug, workshop_id)
    if request.user.is_authenticated:
        mine = registration_selectors.live_registration_of(workshop.event, request.user.email)
        if mine is not None and mine.state == RegistrationState.CONFIRMED:
            return redirect("site:workshop", token=links.participant_token(workshop, mine))
    form = JoinForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            mine = registration_selectors.live_registration_of(workshop.event, form.cleaned_data["email"])
            if mine is not None and mine.state == RegistrationState.CONFIRMED:
                emails.personal_link(workshop, mine, personal_url(request, workshop, mine))
            # The same answer whoever asks: the page never tells who is registered.
            messages.success(
                request,
                _(
                    "Si cette adresse correspond à une inscription confirmée, votre lien personnel vient d'y "
                    "être envoyé : ouvrez le message sur votre téléphone."
                ),
            )
            return redirect("site:workshop_join", slug=slug, workshop_id=workshop.id)
        return render(request, "site/workshops/join.html", {"workshop": workshop, "form": form}, status=400)
    return render(request, "site/workshops/join.html", {"workshop": workshop, "form": form})


def _board_context(workshop: Workshop, registration: Registration, token: str, **extra) -> dict:
    workshop.refresh_from_db(fields=["phase", "dots_per_person", "max_dots_per_item"])
    streams = selectors.board(workshop, registration=registration, count_votes=workshop.phase == WorkshopPhase.CLOSED)
    return {
        "workshop": workshop,
        "registration": registration,
        "token": token,
        "streams": streams,
        "dots_left": workshop.dots_per_person - sum(i.my_dots for s in streams for i in s.items),
        "phases": WorkshopPhase,
        "form": ContributionForm(),
        **extra,
    }


@personal
def workshop_page(request, token: str):
    workshop, registration = _participant(token)
    return render(request, "site/workshops/participate.html", _board_context(workshop, registration, token))


@require_POST
@personal
def contribute(request, token: str, workstream_id: int):
    workshop, registration = _participant(token)
    workstream = get_object_or_404(Workstream, id=workstream_id, workshop=workshop)
    form = ContributionForm(request.POST)
    if form.is_valid():
        try:
            services.post_contribution(workstream=workstream, registration=registration, text=form.cleaned_data["text"])
        except WorkshopError as error:
            form.add_error(None, error.message)
    if form.errors:
        context = _board_context(workshop, registration, token, error_stream=workstream.id, error_form=form)
        return render(request, "site/workshops/participate.html", context, status=400)
    messages.success(request, _("Merci : votre contribution est affichée."))
    return redirect(reverse("site:workshop", args=[token]) + f"#chantier-{workstream.id}")


@require_POST
@personal
def vote(request, token: str, contribution_id: int):
    workshop, registration = _participant(token)
    contribution = get_object_or_404(Contribution, id=contribution_id, workstream__workshop=workshop)
    action = VOTE_ACTIONS.get(request.POST.get("action", ""))
    error = None
    if action is None:
        error = _("Choisissez d'ajouter ou de retirer une gommette.")
    else:
        try:
            if action == "add":
                services.cast_dot(contribution=contribution, registration=registration)
            else:
                services.remove_dot(contribution=contribution, registration=registration)
        except WorkshopError as refused:
            error = refused.message
    if request.htmx:
        context = _board_context(workshop, registration, token, vote_error=error)
        return render(request, "site/workshops/_board.html", context, status=200 if error is None else 400)
    if error:
        messages.error(request, error)
    return redirect(reverse("site:workshop", args=[token]) + f"#contribution-{contribution.id}")


def _may_read(request, workshop: Workshop) -> bool:
    event = workshop.event
    registered_or_member = access.can_manage_event(request.user, event) or registration_selectors.holds_confirmed_place(
        event, request.user
    )
    return selectors.can_read_restitution(workshop, registered_or_member=registered_or_member)


def restitution(request, slug: str, workshop_id: int):
    workshop = _public_workshop(request, slug, workshop_id)
    if not _may_read(request, workshop):
        raise Http404
    context = {"workshop": workshop, "event": workshop.event, "streams": selectors.restitution(workshop)}
    return render(request, "site/workshops/restitution.html", context)


def restitution_download(request, slug: str, workshop_id: int) -> HttpResponse:
    workshop = _public_workshop(request, slug, workshop_id)
    if not _may_read(request, workshop):
        raise Http404
    return pdf_response(restitution_pdf.render_restitution(workshop), f"restitution-{workshop.id}.pdf")
