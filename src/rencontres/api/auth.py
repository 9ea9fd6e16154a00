"""What every organisation-only endpoint shares: the token, and the organisation's own event."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from rencontres.api.events import SLUG_RE
from rencontres.events.models import Event
from rencontres.organizations.models import ApiToken


class OrganizationToken(HttpBearer):
    """`Authorization: Bearer <token>`: the organisation whose token it is, in `request.auth`."""

    openapi_description = "Jeton d'API d'un organisme (administration ou `rencontres create_api_token`)."

    def authenticate(self, request, token: str) -> ApiToken | None:
        return ApiToken.find(token)


def own_event_or_404(token: ApiToken, slug: str) -> Event:
    """The event if it belongs to the token's organisation, whatever its status; a 404 otherwise."""
    event = (
        Event.objects.filter(slug=slug, organization_id=token.organization_id).first() if SLUG_RE.match(slug) else None
    )
    if event is None:
        raise Http404(_("Votre organisme n'a pas d'événement « %(slug)s ».") % {"slug": slug[:120]})
    return event
