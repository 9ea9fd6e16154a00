"""How often one address, and one client, may register (the form and the API alike).

Each registration sends its address an email, so a flood of registrations for one address
is a flood of emails to that person; a flood from one client fills events with invented
people. Both are counted in the shared cache (settings.CACHES, django-ratelimit), so every
worker and server sees the same counts. Rates are settings (REGISTRATIONS_PER_ADDRESS,
REGISTRATIONS_PER_CLIENT); RATELIMIT_ENABLE switches both off.
"""

import math

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage

from .exceptions import TooManyRegistrations


def _wait(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    if minutes < 90:
        return ngettext("%(n)s minute", "%(n)s minutes", minutes) % {"n": minutes}
    hours = math.ceil(minutes / 60)
    return ngettext("%(n)s heure", "%(n)s heures", hours) % {"n": hours}


def _count(request, *, group: str, key, rate: str) -> int | None:
    """Count one attempt; the seconds to wait when it goes past the rate, else None."""
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    return max(1, usage["time_left"])


def count_client_attempt(request) -> None:
    """One more registration sent from this client (its IP, see core.http.client_ip); refused past the rate."""
    wait = _count(request, group="registrations:client", key="ip", rate=settings.REGISTRATIONS_PER_CLIENT)
    if wait is not None:
        raise TooManyRegistrations(
            _(
                "Trop d'inscriptions ont été envoyées depuis votre connexion en peu de temps. "
                "Réessayez dans %(wait)s ; vos informations n'ont pas été enregistrées."
            )
            % {"wait": _wait(wait)},
            retry_after=wait,
        )


def count_address_attempt(request, *, email: str) -> None:
    """One more registration for this address, whatever the event; refused past the rate."""
    address = email.strip().lower()
    wait = _count(
        request,
        group="registrations:address",
        key=lambda _group, _request: address,
        rate=settings.REGISTRATIONS_PER_ADDRESS,
    )
    if wait is not None:
        raise TooManyRegistrations(
            _(
                "Trop d'inscriptions ont été demandées pour l'adresse %(email)s en peu de temps. "
                "Réessayez dans %(wait)s ; cette inscription n'a pas été enregistrée."
            )
            % {"email": address, "wait": _wait(wait)},
            retry_after=wait,
        )
