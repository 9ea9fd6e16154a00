"""The emails of organisations, each a subject/text/HTML triple of templates."""

from django.urls import reverse
from django.utils import timezone

from rencontres.core.emails import absolute_url, send_templated_email
from rencontres.core.formatting import format_day, format_time

from .models import MemberInvitation


def member_invitation(invitation: MemberInvitation, clear_token: str) -> None:
    """To the invited address: who invites them, to which organisation and role, the link and until when."""
    organization = invitation.organization
    expires = timezone.localtime(invitation.expires_at)
    send_templated_email(
        "organizations/emails/member_invitation",
        to=[invitation.email],
        context={
            "invitation": invitation,
            "organization": organization,
            "inviter": invitation.invited_by,
            "expires_label": f"{format_day(expires.date())} à {format_time(expires.time())}",
            "invitation_url": absolute_url(reverse("site:member_invitation", args=[clear_token])),
        },
        reply_to=organization.reply_to_email or organization.contact_email,
    )
