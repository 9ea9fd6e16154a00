"""The facilitator's face of workshops: workstreams, post-its, grouping, the vote, the projector, syntheses.

Every view starts with a permission helper that returns the object or a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.confirmation import ask_before_deleting
from rencontres.backoffice.forms.workshops import (
    GroupForm,
    NextStepForm,
    PaperContributionForm,
    RestitutionForm,
    SynthesisForm,
    VoteSettingsForm,
    WorkstreamForm,
)
from rencontres.core.http import pdf_response
from rencontres.events.models import Session
from rencontres.organizations import access
from rencontres.workshops import emails, links, restitution_pdf, selectors, services
from rencontres.workshops.enums import WorkshopPhase
from rencontres.workshops.exceptions import WorkshopError
from rencontres.workshops.models import Contribution, NextStep, Workshop, Workstream

FORM_ERROR = _("Le formulaire contient des erreurs : corrigez les champs signalés.")


def _workshop_for_member(request, workshop_id: int) -> Workshop:
    workshop = get_object_or_404(Workshop.objects.select_related("event__organization", "session__day"), id=workshop_id)
    if not access.can_manage_event(request.user, workshop.event):
        raise Http404
    return workshop


def _workstream_for_member(request, workstream_id: int) -> Workstream:
    workstream = get_object_or_404(
        Workstream.objects.select_related("workshop__event__organization", "workshop__session"), id=workstream_id
    )
    if not access.can_manage_event(request.user, workstream.workshop.event):
        raise Http404
    return workstream


def _contribution_for_member(request, contribution_id: int) -> Contribution:
    contribution = get_object_or_404(
        Contribution.objects.select_related("workstream__workshop__event"), id=contribution_id
    )
    if not access.can_manage_event(request.user, contribution.workstream.workshop.event):
        raise Http404
    return contribution


def _back(workshop: Workshop, anchor: str = ""):
    return redirect(reverse("backoffice:workshop", args=[workshop.id]) + (f"#{anchor}" if anchor else ""))


@login_required
def event_workshops(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    context = {"event": event, "sessions": selectors.workshop_sessions(event)}
    return render(request, "backoffice/workshops/event_workshops.html", context)


@login_required
@require_POST
def workshop_create(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    raw = request.POST.get("session", "")
    session = Session.objects.filter(event=event, id=int(raw)).first() if raw.isdigit() and len(raw) < 19 else None
    if session is None:
        messages.error(request, _("Choisissez une séance de cet événement."))
        return redirect("backoffice:event_workshops", event_id=event.id)
    try:
        workshop = services.create_workshop(session=session)
    except WorkshopError as error:
        messages.error(request, error.message)
        return redirect("backoffice:event_workshops", event_id=event.id)
    return _back(workshop)


def _join_url(request, workshop: Workshop) -> str:
    return request.build_absolute_uri(reverse("site:workshop_join", args=[workshop.event.slug, workshop.id]))


def _facilitator_context(request, workshop: Workshop, **bound) -> dict:
    join_url = _join_url(request, workshop)
    return {
        "workshop": workshop,
        "event": workshop.event,
        "phases": WorkshopPhase,
        "streams": selectors.board(
            workshop, include_hidden=True, by_votes=workshop.phase != WorkshopPhase.CONTRIBUTING
        ),
        "workstream_form": bound.get("workstream_form") or WorkstreamForm(prefix="workstream"),
        "paper_form": bound.get("paper_form") or PaperContributionForm(prefix="paper"),
        "paper_stream_id": bound.get("paper_stream_id"),
        "vote_form": bound.get("vote_form")
        or VoteSettingsForm(
            prefix="vote",
            initial={"dots_per_person": workshop.dots_per_person, "max_dots_per_item": workshop.max_dots_per_item},
        ),
        "restitution_form": bound.get("restitution_form")
        or RestitutionForm(
            prefix="restitution",
            initial={"visibility": workshop.restitution_visibility, "intro": workshop.restitution_intro},
        ),
        "join_url": join_url,
        "qr_svg": links.qr_svg(join_url),
        "participant_count": len(selectors.participants(workshop)),
        "voter_count": selectors.voter_count(workshop),
    }


def _invalid(request, workshop: Workshop, **bound):
    messages.error(request, FORM_ERROR)
    return render(
        request, "backoffice/workshops/facilitate.html", _facilitator_context(request, workshop, **bound), status=400
    )


@login_required
def facilitate(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    return render(request, "backoffice/workshops/facilitate.html", _facilitator_context(request, workshop))


@login_required
@require_POST
def workstream_add(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    form = WorkstreamForm(request.POST, prefix="workstream")
    if not form.is_valid():
        return _invalid(request, workshop, workstream_form=form)
    try:
        services.add_workstream(workshop=workshop, **form.cleaned_data)
    except WorkshopError as error:
        form.add_error(None, error.message)
        return _invalid(request, workshop, workstream_form=form)
    return _back(workshop, "chantiers")


@login_required
@require_POST
def workstream_delete(request, workstream_id: int):
    workstream = _workstream_for_member(request, workstream_id)
    asked = ask_before_deleting(
        request,
        what=_("le chantier « %(title)s »") % {"title": workstream.title},
        back_url=reverse("backoffice:workshop", args=[workstream.workshop_id]) + "#chantiers",
    )
    if asked:
        return asked
    try:
        services.delete_workstream(workstream=workstream)
    except WorkshopError as error:
        messages.error(request, error.message)
    return _back(workstream.workshop, "chantiers")


@login_required
@require_POST
def paper_add(request, workstream_id: int):
    workstream = _workstream_for_member(request, workstream_id)
    form = PaperContributionForm(request.POST, prefix="paper")
    if form.is_valid():
        try:
            services.type_in_contribution(workstream=workstream, text=form.cleaned_data["text"], actor=request.user)
        except WorkshopError as error:
            form.add_error("text", error.message)
    if form.errors:
        return _invalid(request, workstream.workshop, paper_form=form, paper_stream_id=workstream.id)
    return _back(workstream.workshop, f"chantier-{workstream.id}")


@login_required
@require_POST
def contribution_hide(request, contribution_id: int):
    contribution = _contribution_for_member(request, contribution_id)
    hidden = request.POST.get("hidden") == "1"
    services.set_contribution_hidden(contribution=contribution, hidden=hidden)
    return _back(contribution.workstream.workshop, f"contribution-{contribution.id}")


@login_required
@require_POST
def contribution_group(request, contribution_id: int):
    contribution = _contribution_for_member(request, contribution_id)
    form = GroupForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("group", [FORM_ERROR])))
    else:
        services.set_contribution_group(contribution=contribution, group=form.cleaned_data["group"])
    return _back(contribution.workstream.workshop, f"contribution-{contribution.id}")


@login_required
@require_POST
def vote_open(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    form = VoteSettingsForm(request.POST, prefix="vote")
    if form.is_valid():
        try:
            services.open_vote(workshop=workshop, **form.cleaned_data)
        except WorkshopError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    if form.errors:
        return _invalid(request, workshop, vote_form=form)
    messages.success(request, _("Le vote est ouvert : les participants placent leurs gommettes."))
    return _back(workshop, "vote")


@login_required
@require_POST
def vote_close(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    try:
        services.close_vote(workshop=workshop)
    except WorkshopError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Le vote est clos : les résultats sont figés."))
    return _back(workshop, "vote")


@login_required
@require_POST
def send_links(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    people = selectors.participants(workshop)
    for registration in people:
        url = request.build_absolute_uri(
            reverse("site:workshop", args=[links.participant_token(workshop, registration)])
        )
        emails.personal_link(workshop, registration, url)
    messages.success(request, _("%(n)s lien(s) personnel(s) envoyé(s).") % {"n": len(people)})
    return _back(workshop)


@login_required
def projector(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    return render(request, "backoffice/workshops/projector.html", _projector_context(request, workshop))


def _projector_context(request, workshop: Workshop) -> dict:
    join_url = _join_url(request, workshop)
    return {
        "workshop": workshop,
        "phases": WorkshopPhase,
        "streams": selectors.board(workshop, by_votes=workshop.phase != WorkshopPhase.CONTRIBUTING),
        "voter_count": selectors.voter_count(workshop),
        "join_url": join_url,
        "qr_svg": links.qr_svg(join_url),
    }


@login_required
def projector_results(request, workshop_id: int):
    """The fragment the projector page polls every few seconds."""
    workshop = _workshop_for_member(request, workshop_id)
    return render(request, "backoffice/workshops/_projector_results.html", _projector_context(request, workshop))


@login_required
def synthesis(request, workstream_id: int):
    workstream = _workstream_for_member(request, workstream_id)
    workshop = workstream.workshop
    stream = next(s for s in selectors.board(workshop, by_votes=True) if s.workstream.id == workstream.id)
    current = next(s for s in selectors.restitution(workshop) if s.workstream.id == workstream.id)
    ranks = {item.contribution.id: i for i, item in enumerate(current.retained, start=1)}
    initial = {"text": current.text, **{f"rank_{cid}": rank for cid, rank in ranks.items()}}
    form = SynthesisForm(request.POST or None, items=stream.items, initial=initial, prefix="synthesis")
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_synthesis(
                    workstream=workstream, text=form.cleaned_data["text"], retained_ids=form.retained_ids()
                )
            except WorkshopError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Synthèse enregistrée."))
                return redirect("backoffice:workstream_synthesis", workstream_id=workstream.id)
        messages.error(request, FORM_ERROR)
        status = 400
    context = {
        "workshop": workshop,
        "workstream": workstream,
        "form": form,
        "next_steps": current.next_steps,
        "next_step_form": NextStepForm(prefix="step"),
    }
    return render(request, "backoffice/workshops/synthesis.html", context, status=status)


@login_required
@require_POST
def next_step_add(request, workstream_id: int):
    workstream = _workstream_for_member(request, workstream_id)
    form = NextStepForm(request.POST, prefix="step")
    if form.is_valid():
        try:
            services.add_next_step(workstream=workstream, **form.cleaned_data)
        except WorkshopError as error:
            form.add_error(None, error.message)
    if form.errors:
        workshop = workstream.workshop
        stream = next(s for s in selectors.board(workshop, by_votes=True) if s.workstream.id == workstream.id)
        current = next(s for s in selectors.restitution(workshop) if s.workstream.id == workstream.id)
        messages.error(request, FORM_ERROR)
        context = {
            "workshop": workshop,
            "workstream": workstream,
            "form": SynthesisForm(items=stream.items, prefix="synthesis", initial={"text": current.text}),
            "next_steps": current.next_steps,
            "next_step_form": form,
        }
        return render(request, "backoffice/workshops/synthesis.html", context, status=400)
    return redirect(reverse("backoffice:workstream_synthesis", args=[workstream.id]) + "#suites")


@login_required
@require_POST
def next_step_delete(request, step_id: int):
    step = get_object_or_404(NextStep.objects.select_related("synthesis__workstream__workshop__event"), id=step_id)
    workstream = step.synthesis.workstream
    if not access.can_manage_event(request.user, workstream.workshop.event):
        raise Http404
    asked = ask_before_deleting(
        request,
        what=_("la suite « %(action)s »") % {"action": step.action},
        back_url=reverse("backoffice:workstream_synthesis", args=[workstream.id]) + "#suites",
    )
    if asked:
        return asked
    services.delete_next_step(next_step=step)
    return redirect(reverse("backoffice:workstream_synthesis", args=[workstream.id]) + "#suites")


@login_required
@require_POST
def restitution_publish(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    form = RestitutionForm(request.POST, prefix="restitution")
    if form.is_valid():
        try:
            services.publish_restitution(workshop=workshop, **form.cleaned_data)
        except WorkshopError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    if form.errors:
        return _invalid(request, workshop, restitution_form=form)
    messages.success(request, _("Restitution enregistrée."))
    return _back(workshop, "restitution")


@login_required
def restitution_download(request, workshop_id: int):
    workshop = _workshop_for_member(request, workshop_id)
    return pdf_response(restitution_pdf.render_restitution(workshop), f"restitution-{workshop.id}.pdf")
