"""The code projected in the room: it changes every 30 seconds, so a photo of it sent to an
absent colleague is useless a moment later (the Moodle attendance module does the same)."""

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.utils import timezone

WINDOW_SECONDS = 30
# A code scanned just before it changed is still accepted this long, not more.
GRACE_SECONDS = 10


def _window(at: dt.datetime) -> int:
    return int(at.timestamp()) // WINDOW_SECONDS


def _code(slot, window: int) -> str:
    key = f"{settings.SECRET_KEY}:{slot.qr_secret}".encode()
    digest = hmac.new(key, f"{slot.id}:{window}".encode(), hashlib.sha256).hexdigest()
    return digest[:12]


def current_code(slot, *, now: dt.datetime | None = None) -> str:
    return _code(slot, _window(now or timezone.now()))


def seconds_left(*, now: dt.datetime | None = None) -> int:
    now = now or timezone.now()
    return WINDOW_SECONDS - int(now.timestamp()) % WINDOW_SECONDS


def is_valid(slot, code: str, *, now: dt.datetime | None = None) -> bool:
    """The code of this window, or of the previous one within the grace period; nothing older."""
    now = now or timezone.now()
    candidates = {_window(now), _window(now - dt.timedelta(seconds=GRACE_SECONDS))}
    return any(hmac.compare_digest(_code(slot, window), code or "") for window in candidates)
