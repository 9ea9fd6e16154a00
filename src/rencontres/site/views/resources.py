"""Resources on the public face: a download that respects visibility, and the speaker's upload page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.core.http import stored_file_response
from rencontres.organizations import access
from rencontres.registrations import selectors as registration_selectors
from rencontres.resources import links, selectors, services
from rencontres.resources import proceedings as proceedings_content
from rencontres.resources.enums import ProceedingsStatus
from rencontres.resources.exceptions import ResourceError
from rencontres.resources.models import Proceedings, Resource
from rencontres.site.forms.resources import SpeakerUploadForm


def registered_or_member(request, event) -> bool:
    """Who may read an event's registered-only resources: its organisers and its confirmed participants."""
    return access.can_manage_event(request.user, event) or registration_selectors.holds_confirmed_place(
        event, request.user
    )


def resource_download(request, resource_id: int):
    resource = get_object_or_404(Resource.objects.select_related("event"), id=resource_id)
    event = resource.event
    if not access.can_view_event(request.user, event) or not resource.file:
        raise Http404
    if not selectors.may_read(resource, registered_or_member=registered_or_member(request, event)):
        raise Http404
    return stored_file_response(resource.file, files.kind_of_label(resource.file_type))


def speaker_upload(request, token: str):
    speaker = links.speaker_from_token(token)
    if speaker is None:
        message = _("Ce lien de dépôt n'est pas valable : demandez votre lien personnel à l'organisateur.")
        return render(request, "site/invalid_link.html", {"message": message}, status=404)
    form = SpeakerUploadForm(request.POST or None, request.FILES or None, speaker=speaker)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.upload_by_speaker(
                    speaker=speaker,
                    title=data["title"],
                    file=data["file"],
                    session=data["session"],
                    language=data["language"],
                )
            except ResourceError as error:
                form.add_error("file", error.message)
            else:
                messages.success(
                    request, _("Merci : votre document est transmis à l'organisateur, qui le publiera après relecture.")
                )
                return redirect(request.path)
        status = 400
    context = {
        "speaker": speaker,
        "event": speaker.event,
        "form": form,
        "uploads": selectors.speaker_resources(speaker),
    }
    return render(request, "site/resources/speaker_upload.html", context, status=status)


def _published_proceedings(request, slug: str):
    proceedings = get_object_or_404(
        Proceedings.objects.select_related("event__organization", "event__series"),
        event__slug=slug,
        status=ProceedingsStatus.PUBLISHED,
    )
    if not access.can_view_event(request.user, proceedings.event):
        raise Http404
    return proceedings


def proceedings_page(request, slug: str):
    proceedings = _published_proceedings(request, slug)
    content = proceedings_content.content_of(proceedings)
    return render(request, "site/resources/proceedings.html", {"content": content, "event": proceedings.event})


def proceedings_pdf(request, slug: str):
    proceedings = _published_proceedings(request, slug)
    return stored_file_response(proceedings.pdf, files.PDF)
