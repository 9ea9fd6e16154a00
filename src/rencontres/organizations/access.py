"""Who may see and change what. Every face (back-office, public pages, API) asks here."""

from django.http import Http404

from .enums import Role
from .models import Membership, Organization


def organizations_of(user) -> "list[Organization]":
    if not user.is_authenticated:
        return []
    return list(Organization.objects.filter(memberships__user=user).order_by("name"))


def is_organiser(user) -> bool:
    """Member of at least one organisation: has a back-office."""
    return user.is_authenticated and user.memberships.exists()


def is_member(user, organization_id: int) -> bool:
    if not user.is_authenticated:
        return False
    return user.memberships.filter(organization_id=organization_id).exists()


def is_admin(user, organization_id: int) -> bool:
    """Admins of an organisation set its identity and invite its members."""
    if not user.is_authenticated:
        return False
    return user.memberships.filter(organization_id=organization_id, role=Role.ADMIN).exists()


def can_manage_event(user, event) -> bool:
    """Members of the event's organisation manage it, whatever their role."""
    return is_member(user, event.organization_id)


def managed_organization_ids(user):
    """The organisations whose events the user manages, as a subquery: a lookup checks it in its own query."""
    if not user.is_authenticated:
        return Membership.objects.none().values("organization_id")
    return Membership.objects.filter(user=user).values("organization_id")


def can_view_event(user, event) -> bool:
    """Published and cancelled events are public; drafts only for the organisation's members."""
    if event.is_visible_to_public:
        return True
    return can_manage_event(user, event)


def get_organization_for_member(user, organization_id: int) -> Organization:
    """The organisation if the user belongs to it; otherwise a 404, so nothing leaks."""
    try:
        return Organization.objects.get(id=organization_id, memberships__user=user)
    except Organization.DoesNotExist:
        raise Http404 from None
