"""Reading organisations: their members and the invitations still waiting for an answer."""

from django.utils import timezone

from .models import MemberInvitation, Membership, Organization


def members_of(organization: Organization) -> list[Membership]:
    """Members with their account, admins first, then by address."""
    return list(
        Membership.objects.filter(organization=organization).select_related("user").order_by("role", "user__email")
    )


def pending_invitations(organization: Organization) -> list[MemberInvitation]:
    """Invitations neither accepted, withdrawn nor expired, newest first."""
    return list(
        MemberInvitation.objects.filter(
            organization=organization,
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        ).select_related("invited_by")
    )
