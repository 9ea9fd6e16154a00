"""Who is signing on their own phone: their personal link (registrations.links), or six digits sent to the registered address."""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

CODE_WINDOW_SECONDS = 600


def _code(registration_id: int, slot_id: int, window: int) -> str:
    key = settings.SECRET_KEY.encode()
    digest = hmac.new(key, f"signing-code:{registration_id}:{slot_id}:{window}".encode(), hashlib.sha256).digest()
    return f"{int.from_bytes(digest[:4], 'big') % 1_000_000:06d}"


def signing_code(registration, slot, *, now: dt.datetime | None = None) -> str:
    window = int((now or timezone.now()).timestamp()) // CODE_WINDOW_SECONDS
    return _code(registration.id, slot.id, window)


def check_signing_code(registration, slot, code: str, *, now: dt.datetime | None = None) -> bool:
    """This window's code or the previous one's: valid from 10 to 20 minutes after it was sent."""
    window = int((now or timezone.now()).timestamp()) // CODE_WINDOW_SECONDS
    code = "".join((code or "").split())
    return any(hmac.compare_digest(_code(registration.id, slot.id, w), code) for w in (window, window - 1))
