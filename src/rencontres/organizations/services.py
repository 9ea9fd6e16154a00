"""The only code that changes organisations: their identity, as their papers print it."""

from django.db import transaction
from django.utils.translation import gettext as _

from rencontres.core import files

from .exceptions import OrganizationError
from .models import Organization

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
    organization.save(update_fields=changed)
    return organization
