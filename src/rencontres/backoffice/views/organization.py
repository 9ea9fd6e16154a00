"""The organisation's identity, as its papers print it, and its members and invitations (admins only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.confirmation import ask_before_deleting
from rencontres.backoffice.forms.organization import MemberInvitationForm, MemberRoleForm, OrganizationIdentityForm
from rencontres.organizations import access, selectors, services
from rencontres.organizations.enums import Role
from rencontres.organizations.exceptions import OrganizationError
from rencontres.organizations.models import MemberInvitation, Membership, Organization
from rencontres.organizations.services import IDENTITY_FIELDS
from rencontres.registrations import selectors as registration_selectors


def _organization_for_admin(request, organization_id: int) -> Organization:
    return backoffice_access.organization_for_admin(request.user, organization_id)


@login_required
def organization_settings(request, organization_id: int):
    organization = _organization_for_admin(request, organization_id)
    form = OrganizationIdentityForm(request.POST or None, request.FILES or None, instance=organization)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_identity(
                    organization=Organization.objects.get(pk=organization.pk),
                    logo=form.cleaned_data.get("logo"),
                    signature_image=form.cleaned_data.get("signature_image"),
                    **{name: form.cleaned_data[name] for name in IDENTITY_FIELDS},
                )
            except OrganizationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Les informations de l'organisme sont enregistrées."))
                return redirect("backoffice:organization_settings", organization.id)
        status = 400
    return render(
        request, "backoffice/organization/settings.html", {"organization": organization, "form": form}, status=status
    )


def _invitation_for_admin(request, invitation_id: int) -> MemberInvitation:
    invitation = get_object_or_404(MemberInvitation.objects.select_related("organization"), id=invitation_id)
    _organization_for_admin(request, invitation.organization_id)
    return invitation


def _membership_for_admin(request, membership_id: int) -> Membership:
    membership = get_object_or_404(Membership.objects.select_related("organization", "user"), id=membership_id)
    _organization_for_admin(request, membership.organization_id)
    return membership


@login_required
def members(request, organization_id: int):
    """The organisation's members with their role, the invitations waiting for an answer, and inviting someone."""
    organization = _organization_for_admin(request, organization_id)
    form = MemberInvitationForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                invitation = services.invite_member(
                    organization=organization,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    invited_by=request.user,
                )
            except OrganizationError as error:
                form.add_error("email", error.message)
            else:
                messages.success(
                    request,
                    _("Invitation envoyée à %(email)s : son lien sert une fois et reste valable 7 jours.")
                    % {"email": invitation.email},
                )
                return redirect("backoffice:organization_members", organization.id)
        status = 400
    context = {
        "organization": organization,
        "form": form,
        "members": selectors.members_of(organization),
        "invitations": selectors.pending_invitations(organization),
        "roles": Role.choices,
    }
    return render(request, "backoffice/organization/members.html", context, status=status)


@login_required
@require_POST
def invitation_revoke(request, invitation_id: int):
    invitation = _invitation_for_admin(request, invitation_id)
    asked = ask_before_deleting(
        request,
        what=_("l'invitation de %(email)s") % {"email": invitation.email},
        consequence=_("Son lien ne permettra plus de rejoindre l'organisme."),
        back_url=reverse("backoffice:organization_members", args=[invitation.organization_id]),
    )
    if asked:
        return asked
    try:
        services.revoke_invitation(invitation=invitation, revoked_by=request.user)
    except OrganizationError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Invitation de %(email)s retirée : son lien ne fonctionne plus.") % {"email": invitation.email}
        )
    return redirect("backoffice:organization_members", invitation.organization_id)


@login_required
@require_POST
def member_role(request, membership_id: int):
    membership = _membership_for_admin(request, membership_id)
    form = MemberRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez le rôle dans la liste : administrateur ou éditeur."))
    else:
        try:
            membership = services.change_role(membership=membership, role=form.cleaned_data["role"])
        except OrganizationError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(email)s est maintenant %(role)s.")
                % {"email": membership.user.email, "role": membership.get_role_display()},
            )
    return redirect("backoffice:organization_members", membership.organization_id)


@login_required
def member_remove(request, membership_id: int):
    """Asks first (GET), then removes (POST); the last admin stays."""
    membership = _membership_for_admin(request, membership_id)
    organization = membership.organization
    if request.method == "POST":
        try:
            services.remove_member(membership=membership)
        except OrganizationError as error:
            messages.error(request, error.message)
            return redirect("backoffice:organization_members", organization.id)
        if membership.user_id == request.user.id:
            messages.success(request, _("Vous avez quitté « %(name)s ».") % {"name": organization.name})
            return redirect("backoffice:home" if access.is_organiser(request.user) else "site:catalogue")
        messages.success(
            request,
            _("%(email)s ne fait plus partie de « %(name)s ».")
            % {"email": membership.user.email, "name": organization.name},
        )
        return redirect("backoffice:organization_members", organization.id)
    return render(
        request, "backoffice/organization/member_remove.html", {"organization": organization, "membership": membership}
    )


@login_required
def data_access_log(request, organization_id: int):
    """The journal of who opened or exported people's data in the back-office, for the organisation's admins."""
    organization = _organization_for_admin(request, organization_id)
    page = Paginator(registration_selectors.data_access_log(organization), 50).get_page(request.GET.get("page"))
    return render(request, "backoffice/organization/data_access_log.html", {"organization": organization, "page": page})
