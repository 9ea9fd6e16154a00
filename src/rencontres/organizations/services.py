"""The only code that changes organisations: their identity, as their papers print it, and their members."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email, validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.accounts import selectors as account_selectors
from rencontres.accounts import services as account_services
from rencontres.accounts.models import User
from rencontres.core import files

from . import emails
from .enums import Role
from .exceptions import OrganizationError
from .models import INVITATION_VALIDITY, ApiToken, MemberInvitation, Membership, Organization

IDENTITY_FIELDS = [
    "name",
    "short_name",
    "street",
    "postcode",
    "city",
    "siret",
    "training_body_number",
    "is_training_body",
    "charges_vat",
    "vat_exemption_note",
    "legal_representative_name",
    "legal_representative_role",
    "contact_email",
    "contact_phone",
    "website",
    "cancellation_terms",
    "reply_to_email",
    "retention_months",
]


def _image(uploaded, what: str):
    try:
        kind = files.sniff(uploaded)
    except files.ArchiveTooLarge:
        kind = None
    if kind not in (files.PNG, files.JPEG) or uploaded.size > 2 * 1000 * 1000:
        raise OrganizationError(_("%(what)s : déposez une image PNG ou JPEG de 2 Mo au plus.") % {"what": what})
    return uploaded


@transaction.atomic
def update_identity(*, organization: Organization, logo=None, signature_image=None, **fields) -> Organization:
    """The organisation's identity, each field checked (SIRET key, NDA, postcode); only those given are written."""
    unknown = set(fields) - set(IDENTITY_FIELDS)
    if unknown:
        raise TypeError(f"not identity fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(organization, name, value)
    changed = list(fields)
    if logo is not None:
        organization.logo = _image(logo, _("Logo"))
        changed.append("logo")
    if signature_image is not None:
        organization.signature_image = _image(signature_image, _("Signature et cachet"))
        changed.append("signature_image")
    organization.full_clean(exclude=[f.name for f in Organization._meta.fields if f.name not in changed])
    organization.save(update_fields=[*changed, "updated_at"])
    return organization


# ---------------------------------------------------------------------------
# Members: the first admin (command), invitations by an admin, roles, removal
# ---------------------------------------------------------------------------


def _address(email: str) -> str:
    """An address as invitations and registrations keep it: trimmed, lower case; refused when malformed."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise OrganizationError(
            _("« %(email)s » n'est pas une adresse électronique complète (par exemple nom@domaine.fr).")
            % {"email": email[:254]}
        ) from None
    return email


def _role(role: str) -> str:
    if role not in Role.values:
        raise OrganizationError(
            _("Rôle inconnu « %(role)s » : choisissez parmi %(roles)s.")
            % {"role": role, "roles": ", ".join(Role.values)}
        )
    return role


def _lock(organization: Organization) -> Organization:
    """Lock the organisation's row: changes of membership queue here, so two of them never both remove the last admin."""
    return Organization.objects.select_for_update().get(pk=organization.pk)


def _refuse_losing_last_admin(membership: Membership) -> None:
    if membership.role != Role.ADMIN:
        return
    admins = Membership.objects.filter(organization_id=membership.organization_id, role=Role.ADMIN)
    if not admins.exclude(pk=membership.pk).exists():
        raise OrganizationError(
            _(
                "%(person)s est le dernier administrateur de l'organisme : nommez d'abord un autre administrateur, "
                "sinon plus personne ne pourra inviter ni régler l'organisme."
            )
            % {"person": membership.user.email}
        )


@transaction.atomic
def add_member(*, organization: Organization, email: str, role: str = Role.EDITOR) -> tuple[Membership, str]:
    """The person at this address is a member with this role; says "added", "changed" or "unchanged".

    Used by the `add_member` and `create_organization` commands; the person then signs in with a
    code sent to the address, which proves it. The last admin is never made an editor.
    """
    email, role = _address(email), _role(role)
    organization = _lock(organization)
    user = account_services.get_or_create_person(email=email)
    membership = Membership.objects.filter(organization=organization, user=user).select_related("user").first()
    if membership is None:
        return Membership.objects.create(organization=organization, user=user, role=role), "added"
    if membership.role == role:
        return membership, "unchanged"
    _refuse_losing_last_admin(membership)
    membership.role = role
    membership.save(update_fields=["role"])
    return membership, "changed"


def _field_label(name: str) -> str:
    fields = {f.name: f for f in Organization._meta.fields}
    return str(fields[name].verbose_name) if name in fields else _("organisme")


@transaction.atomic
def create_organization(*, name: str, slug: str, admin_email: str) -> tuple[Organization, bool]:
    """A new organisation with its first admin; run again with the same values, it changes nothing.

    Returns the organisation and whether it was created. A slug already taken by an organisation
    this address does not administer is refused: that is someone else's organisation.
    """
    name, slug, email = (name or "").strip(), (slug or "").strip(), _address(admin_email)
    if not name:
        raise OrganizationError(_("Donnez le nom de l'organisme."))
    try:
        validate_slug(slug)
    except ValidationError:
        raise OrganizationError(
            _("Identifiant « %(slug)s » invalide : lettres sans accent, chiffres et tirets, par exemple ccas-macon.")
            % {"slug": slug}
        ) from None
    existing = Organization.objects.filter(slug=slug).first()
    if existing is not None:
        if Membership.objects.filter(organization=existing, user__email__iexact=email, role=Role.ADMIN).exists():
            return existing, False
        raise OrganizationError(
            _(
                "L'identifiant « %(slug)s » est déjà celui de l'organisme « %(name)s », dont %(email)s n'est pas "
                "administrateur. Choisissez un autre identifiant, ou ajoutez cette personne avec "
                "« rencontres add_member --organization %(slug)s --email %(email)s --role admin »."
            )
            % {"slug": slug, "name": existing.name, "email": email}
        )
    organization = Organization(name=name, slug=slug)
    try:
        organization.full_clean()
    except ValidationError as error:
        raise OrganizationError(
            " ".join(f"{_field_label(field)} : {' '.join(messages)}" for field, messages in error.message_dict.items())
        ) from None
    organization.save()
    add_member(organization=organization, email=email, role=Role.ADMIN)
    return organization, True


def _pending_for(organization: Organization, email: str):
    return MemberInvitation.objects.filter(
        organization=organization,
        email=email,
        accepted_at__isnull=True,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    )


@transaction.atomic
def invite_member(*, organization: Organization, email: str, role: str, invited_by: User) -> MemberInvitation:
    """Send an invitation to join with a role, valid once for 7 days; a new one replaces a pending one.

    The invited address gets an account (passwordless, like people who register) so that a
    sign-in code can be sent to it: accepting requires signing in with that code.
    """
    email, role = _address(email), _role(role)
    organization = _lock(organization)
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise OrganizationError(
            _("%(email)s est déjà membre de l'organisme : changez son rôle dans la liste des membres.")
            % {"email": email}
        )
    now = timezone.now()
    _pending_for(organization, email).update(revoked_at=now, revoked_by=invited_by)
    account_services.ensure_person(email=email)
    clear_token = ApiToken.new_secret()
    invitation = MemberInvitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        token_hash=ApiToken.hash_of(clear_token),
        invited_by=invited_by,
        expires_at=now + INVITATION_VALIDITY,
    )
    transaction.on_commit(lambda: emails.member_invitation(invitation, clear_token))
    return invitation


def find_invitation(clear_token: str) -> MemberInvitation | None:
    """The invitation behind a link's secret, whatever its state; None for a secret nobody issued."""
    if not clear_token or len(clear_token) > 200:
        return None
    return (
        MemberInvitation.objects.select_related("organization", "invited_by")
        .filter(token_hash=ApiToken.hash_of(clear_token))
        .first()
    )


def invitation_problem(invitation: MemberInvitation) -> str | None:
    """Why this invitation can no longer be accepted, in French; None while it can."""
    if invitation.revoked_at is not None:
        return _(
            "Cette invitation a été retirée par l'organisme. Si vous pensez que c'est une erreur, "
            "demandez à un administrateur de « %(name)s » de vous inviter à nouveau."
        ) % {"name": invitation.organization.name}
    if invitation.accepted_at is not None:
        return _("Cette invitation a déjà servi : un lien d'invitation ne s'utilise qu'une fois.")
    if invitation.is_expired:
        return _(
            "Cette invitation a expiré (elle était valable 7 jours). Demandez à un administrateur de "
            "« %(name)s » de vous en envoyer une nouvelle."
        ) % {"name": invitation.organization.name}
    return None


@transaction.atomic
def accept_invitation(*, invitation: MemberInvitation, user: User) -> Membership:
    """The signed-in person joins with the invitation's role, once, if their proven address is the invited one."""
    invitation = MemberInvitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    problem = invitation_problem(invitation)
    if problem:
        raise OrganizationError(problem)
    if user.email.lower() != invitation.email or not account_selectors.has_proven_address(user, invitation.email):
        raise OrganizationError(
            _("Cette invitation est adressée à une autre adresse : connectez-vous avec un code envoyé à celle-ci.")
        )
    organization = _lock(invitation.organization)
    membership = Membership.objects.filter(organization=organization, user=user).first()
    if membership is None:
        membership = Membership.objects.create(organization=organization, user=user, role=invitation.role)
    elif invitation.role == Role.ADMIN and membership.role != Role.ADMIN:
        # Joined meanwhile as an editor: the invitation's wider role wins; it never narrows one.
        membership.role = Role.ADMIN
        membership.save(update_fields=["role"])
    invitation.accepted_at, invitation.accepted_by = timezone.now(), user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


@transaction.atomic
def revoke_invitation(*, invitation: MemberInvitation, revoked_by: User) -> None:
    """Withdraw a pending invitation: its link then says so. An accepted one stays (remove the member instead)."""
    invitation = MemberInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise OrganizationError(
            _("%(email)s a déjà accepté cette invitation : retirez plutôt ce membre.") % {"email": invitation.email}
        )
    if invitation.revoked_at is None:
        invitation.revoked_at, invitation.revoked_by = timezone.now(), revoked_by
        invitation.save(update_fields=["revoked_at", "revoked_by"])


@transaction.atomic
def change_role(*, membership: Membership, role: str) -> Membership:
    """A member's new role; the last admin is never made an editor."""
    role = _role(role)
    _lock(membership.organization)
    membership = Membership.objects.select_related("user", "organization").get(pk=membership.pk)
    if membership.role != role:
        _refuse_losing_last_admin(membership)
        membership.role = role
        membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def remove_member(*, membership: Membership) -> None:
    """The person leaves the organisation (their account and registrations stay); never its last admin."""
    _lock(membership.organization)
    membership = Membership.objects.select_related("user").filter(pk=membership.pk).first()
    if membership is None:
        return
    _refuse_losing_last_admin(membership)
    membership.delete()
