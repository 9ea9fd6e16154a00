"""A speaker's personal upload link: no account, the token names the speaker and nothing else.

Signed with the site's key like registrations.links (another salt: a registration's link is
no speaker's); it stays valid as long as the speaker is on the programme.
"""

from django.core import signing
from django.urls import reverse

from rencontres.events.models import Speaker

SALT = "resources.speaker-upload"


def speaker_token(speaker: Speaker) -> str:
    return signing.dumps(speaker.id, salt=SALT)


def speaker_upload_path(speaker: Speaker) -> str:
    return reverse("site:speaker_upload", args=[speaker_token(speaker)])


def speaker_from_token(token: str) -> Speaker | None:
    """The speaker the link was made for, or None when it is forged or the speaker was removed."""
    try:
        speaker_id = int(signing.loads(token, salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return Speaker.objects.select_related("event__organization").filter(id=speaker_id).first()
