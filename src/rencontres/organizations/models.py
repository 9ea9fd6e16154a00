import datetime as dt
import hashlib
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .enums import Role

siret_validator = RegexValidator(r"^\d{14}$", _("Le SIRET compte exactement 14 chiffres."))


def valid_siret(value: str) -> None:
    """14 digits whose Luhn key is right (python-stdnum), so a mistyped SIRET never reaches a paper."""
    from django.core.exceptions import ValidationError
    from stdnum.exceptions import ValidationError as NumberError
    from stdnum.fr import siret

    try:
        siret.validate(value)
    except NumberError:
        raise ValidationError(
            _("Ce SIRET n'est pas valide : vérifiez les 14 chiffres (sa clé de contrôle ne correspond pas).")
        ) from None


# How long an organisation keeps the personal data of an event's registrations after it ends.
# At least 6 months (certificates and invoices are issued after the end), at most 10 years
# (the longest legal keeping of the accounting documents they rest on, Code de commerce L. 123-22).
RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX, RETENTION_MONTHS_DEFAULT = 6, 120, 36
RETENTION_BOUNDS_MESSAGE = _("La durée de conservation est comprise entre 6 et 120 mois (10 ans).")

nda_validator = RegexValidator(r"^\d{11}$", _("Le numéro de déclaration d'activité compte exactement 11 chiffres."))


class Organization(models.Model):
    """A body that runs events: training body, city, département, state service, association."""

    name = models.CharField(_("nom"), max_length=200)
    short_name = models.CharField(_("nom court"), max_length=60, blank=True)
    slug = models.SlugField(_("identifiant"), max_length=80, unique=True)
    siret = models.CharField(_("SIRET"), max_length=14, blank=True, validators=[siret_validator, valid_siret])
    street = models.CharField(_("adresse"), max_length=250, blank=True)
    postcode = models.CharField(_("code postal"), max_length=5, blank=True)
    city = models.CharField(_("commune"), max_length=120, blank=True)
    is_training_body = models.BooleanField(
        _("organisme de formation"),
        default=False,
        help_text=_(
            "Déclaré comme organisme de formation : SIRET, numéro de déclaration et adresse figurent sur ses papiers."
        ),
    )
    legal_representative_name = models.CharField(_("représentant légal"), max_length=150, blank=True)
    legal_representative_role = models.CharField(
        _("qualité du représentant"), max_length=150, blank=True, help_text=_("Par exemple : directrice générale.")
    )
    logo = models.FileField(_("logo"), upload_to="organismes/", blank=True)
    signature_image = models.FileField(
        _("signature et cachet"),
        upload_to="organismes/",
        blank=True,
        help_text=_("Image (PNG ou JPEG) apposée sur les attestations."),
    )
    cancellation_terms = models.TextField(
        _("conditions d'annulation"),
        blank=True,
        help_text=_("Reprises sur les conventions, les contrats et lors d'une annulation."),
    )
    reply_to_email = models.EmailField(
        _("adresse de réponse des courriels"),
        blank=True,
        help_text=_("Les réponses aux courriels envoyés aux inscrits arrivent ici."),
    )
    training_body_number = models.CharField(
        _("numéro de déclaration d'activité (NDA)"),
        max_length=11,
        blank=True,
        validators=[nda_validator],
    )
    charges_vat = models.BooleanField(_("assujetti à la TVA"), default=False)
    vat_exemption_note = models.CharField(
        _("mention d'exonération de TVA"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple : TVA non applicable, article 261-4-4° a du CGI."),
    )
    contact_email = models.EmailField(_("adresse électronique de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone de contact"), max_length=30, blank=True)
    website = models.URLField(_("site web"), blank=True)
    retention_months = models.PositiveSmallIntegerField(
        _("durée de conservation des données personnelles (mois)"),
        default=RETENTION_MONTHS_DEFAULT,
        validators=[
            MinValueValidator(RETENTION_MONTHS_MIN, message=RETENTION_BOUNDS_MESSAGE),
            MaxValueValidator(RETENTION_MONTHS_MAX, message=RETENTION_BOUNDS_MESSAGE),
        ],
        help_text=_(
            "Passé ce délai après la fin d'un événement, ses inscriptions sont anonymisées chaque nuit ; "
            "les devis et conventions numérotés, les présences et les heures restent. Entre 6 et 120 mois."
        ),
    )
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="Membership", related_name="organizations")
    # The catalogue's cached cards show the organisation's name: they follow this too.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisme")
        verbose_name_plural = _("organismes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retention_months__gte=RETENTION_MONTHS_MIN)
                & models.Q(retention_months__lte=RETENTION_MONTHS_MAX),
                name="organization_retention_within_bounds",
            )
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        return self.name

    @property
    def address_line(self) -> str:
        return ", ".join(p for p in [self.street, f"{self.postcode} {self.city}".strip()] if p)

    @property
    def missing_for_papers(self) -> list[str]:
        """What a training body still lacks before it issues a quote, an agreement or a certificate."""
        if not self.is_training_body:
            return []
        missing = []
        if not self.siret:
            missing.append(str(_("le SIRET")))
        if not self.training_body_number:
            missing.append(str(_("le numéro de déclaration d'activité (NDA)")))
        if not (self.street and self.postcode and self.city):
            missing.append(str(_("l'adresse postale")))
        return missing

    @property
    def vat_note(self) -> str:
        """The sentence a price must carry: VAT included, or the legal exemption."""
        if self.charges_vat:
            return str(_("Prix TTC"))
        return self.vat_exemption_note or str(_("TVA non applicable"))


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        constraints = [models.UniqueConstraint(fields=["user", "organization"], name="one_membership_per_organization")]

    def __str__(self) -> str:
        return f"{self.user} – {self.organization} ({self.get_role_display()})"


class ApiToken(models.Model):
    """A secret that lets a program read an organisation's data through the API.

    Only the SHA-256 of the token is stored: the clear token is shown once, when it is
    created, and cannot be read back (a lost token is replaced, not recovered).
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("organisme")
    )
    label = models.CharField(_("usage"), max_length=100, help_text=_("Par exemple : export vers notre tableur."))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["organization", "label"]
        verbose_name = _("jeton d'API")
        verbose_name_plural = _("jetons d'API")

    def __str__(self) -> str:
        return f"{self.organization} – {self.label}"

    @staticmethod
    def hash_of(clear_token: str) -> str:
        return hashlib.sha256(clear_token.encode()).hexdigest()

    @staticmethod
    def new_secret() -> str:
        return secrets.token_urlsafe(32)

    @classmethod
    def issue(cls, *, organization: Organization, label: str) -> tuple["ApiToken", str]:
        """Create a token for the organisation; returns it with the clear secret, which is never stored."""
        clear_token = cls.new_secret()
        token = cls.objects.create(organization=organization, label=label, token_hash=cls.hash_of(clear_token))
        return token, clear_token

    @classmethod
    def find(cls, clear_token: str) -> "ApiToken | None":
        """The token matching this secret, or None; marks it used (at most one write a minute)."""
        if not clear_token or len(clear_token) > 200:
            return None
        token = cls.objects.select_related("organization").filter(token_hash=cls.hash_of(clear_token)).first()
        if token is not None:
            now = timezone.now()
            if token.last_used_at is None or now - token.last_used_at > dt.timedelta(minutes=1):
                cls.objects.filter(pk=token.pk).update(last_used_at=now)
                token.last_used_at = now
        return token


INVITATION_VALIDITY = dt.timedelta(days=7)


class MemberInvitation(models.Model):
    """An admin's invitation to join the organisation with a role, sent by email and valid once, for 7 days.

    Only the SHA-256 of the link's secret is stored, as for API tokens. The row is also the
    trace of who invited whom, who accepted and who withdrew it, and when.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="member_invitations", verbose_name=_("organisme")
    )
    email = models.EmailField(_("adresse électronique"))
    role = models.CharField(_("rôle"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invité·e par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valable jusqu'au"))
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("retirée le"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation à rejoindre un organisme")
        verbose_name_plural = _("invitations à rejoindre un organisme")

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.get_role_display()})"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    @property
    def is_pending(self) -> bool:
        """Still usable: neither accepted, nor withdrawn, nor out of date."""
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired
