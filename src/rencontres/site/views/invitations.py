"""Joining an organisation from the link an admin sent: prove the address with a code, then accept."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from rencontres.accounts import selectors as account_selectors
from rencontres.organizations import services
from rencontres.organizations.exceptions import OrganizationError


def _refused(request, message: str, status: int):
    return render(request, "site/invalid_link.html", {"message": message}, status=status)


def member_invitation(request, token: str):
    """The invitation; accepted (POST) only by a session signed in with a code sent to the invited address."""
    invitation = services.find_invitation(token)
    if invitation is None:
        return _refused(
            request,
            _(
                "Ce lien d'invitation n'est pas valable : vérifiez qu'il est complet (copiez-le en entier depuis le "
                "courriel), ou demandez une nouvelle invitation à l'administrateur de l'organisme."
            ),
            404,
        )
    problem = services.invitation_problem(invitation)
    if problem:
        if invitation.accepted_by_id is not None and invitation.accepted_by_id == request.user.id:
            messages.info(request, _("Vous avez déjà rejoint « %(name)s ».") % {"name": invitation.organization.name})
            return redirect("backoffice:home")
        return _refused(request, problem, 410)
    user = request.user
    proven = (
        user.is_authenticated
        and user.email.lower() == invitation.email
        and account_selectors.has_proven_address(user, invitation.email)
    )
    if request.method == "POST" and proven:
        try:
            services.accept_invitation(invitation=invitation, user=user)
        except OrganizationError as error:
            return _refused(request, error.message, 409)
        messages.success(
            request, _("Vous faites maintenant partie de « %(name)s ».") % {"name": invitation.organization.name}
        )
        return redirect("backoffice:home")
    context = {
        "invitation": invitation,
        "organization": invitation.organization,
        "proven": proven,
        "signed_in_elsewhere": user.is_authenticated and not proven,
        "here": reverse("site:member_invitation", args=[token]),
    }
    return render(request, "site/member_invitation.html", context, status=403 if request.method == "POST" else 200)
