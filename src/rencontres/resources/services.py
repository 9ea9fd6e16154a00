"""Resources: added by the organiser (published at once) or by a speaker's link (to approve)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events.models import Day, Event, Session, Speaker

from . import text, uploads
from .enums import Language, ResourceKind, ResourceStatus, ResourceVisibility
from .exceptions import ResourceError
from .models import Resource


def _check_place(event: Event, day: Day | None, session: Session | None) -> None:
    if day is not None and day.event_id != event.id:
        raise ResourceError(_("Choisissez une journée de cet événement."))
    if session is not None and session.event_id != event.id:
        raise ResourceError(_("Choisissez une séance de cet événement."))


def _attach_file(resource: Resource, uploaded) -> None:
    try:
        kind = uploads.checked_kind(uploaded)
    except ValidationError as error:
        raise ResourceError(error.messages[0]) from None
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    resource.file_type = kind.label
    resource.size_bytes = uploaded.size
    resource.text = text.extract_text(data, kind)
    resource.file.save(uploaded.name.rsplit("/", 1)[-1][:150] or "document", uploaded, save=False)


@transaction.atomic
def add_resource(
    *,
    event: Event,
    kind: str,
    title: str,
    file=None,
    url: str = "",
    day: Day | None = None,
    session: Session | None = None,
    speaker: Speaker | None = None,
    language: str = Language.FRENCH,
    visibility: str = ResourceVisibility.PUBLIC,
    description: str = "",
    approved: bool = True,
) -> Resource:
    """A resource of the event with either a checked file (its text read) or a link; approved unless a speaker sent it."""
    _check_place(event, day, session)
    if bool(file) == bool(url):
        raise ResourceError(_("Joignez un fichier ou indiquez un lien, l'un des deux."))
    if kind == ResourceKind.RECORDING and not url:
        raise ResourceError(_("Un enregistrement se donne par son lien (vidéo ou audio en ligne)."))
    if session is not None and day is None:
        day = session.day
    resource = Resource(
        event=event,
        kind=kind,
        title=title.strip(),
        url=url,
        day=day,
        session=session,
        speaker=speaker,
        language=language,
        visibility=visibility,
        description=description,
        status=ResourceStatus.APPROVED if approved else ResourceStatus.PENDING,
        approved_at=timezone.now() if approved else None,
        order=Resource.objects.filter(event=event).count(),
    )
    if file:
        _attach_file(resource, file)
    resource.save()
    return resource


def upload_by_speaker(*, speaker: Speaker, title: str, file, session: Session | None = None, language: str) -> Resource:
    """A speaker's slides, waiting for the organiser's approval; only their own sessions can carry them."""
    if session is not None and not session.session_speakers.filter(speaker=speaker).exists():
        raise ResourceError(_("Choisissez l'une de vos séances."))
    return add_resource(
        event=speaker.event,
        kind=ResourceKind.SLIDES,
        title=title,
        file=file,
        session=session,
        speaker=speaker,
        language=language,
        approved=False,
    )


def approve_resource(*, resource: Resource) -> Resource:
    """Published on the event's page (within its visibility)."""
    resource.status = ResourceStatus.APPROVED
    resource.approved_at = timezone.now()
    resource.save(update_fields=["status", "approved_at", "updated_at"])
    return resource


def refuse_resource(*, resource: Resource) -> Resource:
    """Kept for the speaker to see it was refused, never shown to anyone else."""
    resource.status = ResourceStatus.REFUSED
    resource.save(update_fields=["status", "updated_at"])
    return resource


def set_visibility(*, resource: Resource, visibility: str) -> Resource:
    resource.visibility = visibility
    resource.save(update_fields=["visibility", "updated_at"])
    return resource


def delete_resource(*, resource: Resource) -> None:
    """The row and its stored file."""
    stored = resource.file
    resource.delete()
    if stored:
        transaction.on_commit(lambda: stored.storage.delete(stored.name))
