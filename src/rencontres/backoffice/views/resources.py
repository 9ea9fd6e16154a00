"""The organiser's resources of an event (add, approve speakers' uploads, remove) and its proceedings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.confirmation import ask_before_deleting
from rencontres.backoffice.forms.resources import ProceedingsForm, ResourceForm
from rencontres.core import files
from rencontres.core.http import stored_file_response
from rencontres.organizations import access
from rencontres.resources import links, selectors, services
from rencontres.resources import proceedings as proceedings_service
from rencontres.resources.enums import ResourceVisibility
from rencontres.resources.exceptions import ResourceError
from rencontres.resources.models import Proceedings, Resource

FORM_ERROR = _("Le formulaire contient des erreurs : corrigez les champs signalés.")
ACTIONS = {"approuver": "approve", "refuser": "refuse", "supprimer": "delete", "visibilite": "visibility"}


def _resource_for_member(request, resource_id: int) -> Resource:
    resource = get_object_or_404(Resource.objects.select_related("event__organization"), id=resource_id)
    if not access.can_manage_event(request.user, resource.event):
        raise Http404
    return resource


def _context(request, event, form=None) -> dict:
    speakers = [
        (speaker, request.build_absolute_uri(links.speaker_upload_path(speaker))) for speaker in event.speakers.all()
    ]
    return {
        "event": event,
        "resources": selectors.resources_for_organiser(event),
        "form": form or ResourceForm(event=event),
        "speaker_links": speakers,
        "visibilities": ResourceVisibility,
    }


@login_required
def event_resources(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    if request.method != "POST":
        return render(request, "backoffice/resources/event_resources.html", _context(request, event))
    form = ResourceForm(request.POST, request.FILES, event=event)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_resource(event=event, **data)
        except ResourceError as error:
            form.add_error("file" if data.get("file") else None, error.message)
        else:
            messages.success(request, _("Ressource ajoutée et publiée."))
            return redirect("backoffice:event_resources", event_id=event.id)
    messages.error(request, FORM_ERROR)
    return render(request, "backoffice/resources/event_resources.html", _context(request, event, form), status=400)


@login_required
@require_POST
def resource_act(request, resource_id: int, action: str):
    resource = _resource_for_member(request, resource_id)
    event_id = resource.event_id
    match ACTIONS.get(action):
        case "approve":
            services.approve_resource(resource=resource)
            messages.success(request, _("« %(title)s » est publiée.") % {"title": resource.title})
        case "refuse":
            services.refuse_resource(resource=resource)
            messages.success(request, _("« %(title)s » est refusée.") % {"title": resource.title})
        case "delete":
            asked = ask_before_deleting(
                request,
                what=_("la ressource « %(title)s »") % {"title": resource.title},
                consequence=_("Son fichier est supprimé avec elle."),
                back_url=reverse("backoffice:event_resources", args=[event_id]),
            )
            if asked:
                return asked
            services.delete_resource(resource=resource)
            messages.success(request, _("« %(title)s » est supprimée.") % {"title": resource.title})
        case "visibility":
            visibility = request.POST.get("visibility", "")
            if visibility not in ResourceVisibility.values:
                messages.error(request, _("Choisissez « tout public » ou « réservé aux personnes inscrites »."))
            else:
                services.set_visibility(resource=resource, visibility=visibility)
                messages.success(request, _("Visibilité enregistrée."))
        case _:
            raise Http404
    return redirect("backoffice:event_resources", event_id=event_id)


@login_required
def resource_file(request, resource_id: int):
    """The organiser reads a speaker's upload before approving it."""
    resource = _resource_for_member(request, resource_id)
    return stored_file_response(resource.file, files.kind_of_label(resource.file_type))


@login_required
def event_proceedings(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    proceedings = Proceedings.objects.filter(event=event).first()
    initial = {"title": _("Actes — %(title)s") % {"title": event.title}}
    if proceedings is not None:
        initial = {
            "title": proceedings.title,
            "introduction": proceedings.introduction,
            "include_programme": proceedings.include_programme,
            "include_speakers": proceedings.include_speakers,
            "workshops": list(proceedings.workshops.values_list("id", flat=True)),
            "resources": list(proceedings.resources.values_list("id", flat=True)),
        }
    form = ProceedingsForm(request.POST or None, initial=initial, event=event)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                proceedings = proceedings_service.compose(event=event, **form.cleaned_data)
            except ResourceError as error:
                form.add_error(None, error.message)
            else:
                if "publier" in request.POST:
                    proceedings_service.publish(
                        proceedings=proceedings, site_url=request.build_absolute_uri("/").rstrip("/")
                    )
                    messages.success(request, _("Les actes sont publiés : page et PDF."))
                else:
                    messages.success(request, _("Actes enregistrés."))
                return redirect("backoffice:event_proceedings", event_id=event.id)
        messages.error(request, FORM_ERROR)
        status = 400
    context = {"event": event, "form": form, "proceedings": proceedings}
    return render(request, "backoffice/resources/proceedings.html", context, status=status)


@login_required
@require_POST
def proceedings_unpublish(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    proceedings = get_object_or_404(Proceedings, event=event)
    proceedings_service.unpublish(proceedings=proceedings)
    messages.success(request, _("Les actes ne sont plus publiés."))
    return redirect("backoffice:event_proceedings", event_id=event.id)
