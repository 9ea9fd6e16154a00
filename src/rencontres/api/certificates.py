"""Certificates of an event, for the organisation's own tools (token): who has which, and their PDFs."""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from rencontres.api.auth import OrganizationToken, own_event_or_404
from rencontres.api.events import ErrorOut
from rencontres.certificates.models import Certificate
from rencontres.core.emails import absolute_url
from rencontres.core.http import pdf_response

router = Router(tags=["attestations"])


class CertificateOut(Schema):
    registration: int
    name: str
    kind: str
    hours: float
    version: int
    verification_url: str
    pdf_url: str
    replaced: bool


@router.get(
    "/{slug}/certificates",
    response={200: list[CertificateOut], 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="Les attestations délivrées pour un événement de votre organisme",
    operation_id="event_certificates",
)
def event_certificates(request, slug: str):
    """Every version of every certificate, by person.

    `kind` : `certificat_realisation`, `attestation_fin_formation`, `attestation_presence` ou
    `certificat_specialisation` (formation longue validée par un jury, aux seuls admis) ;
    `hours` : heures réalisées (demi-journées contresignées) ; `replaced` : remplacée par une version corrigée ;
    `pdf_url` se télécharge avec le même jeton.
    """
    event = own_event_or_404(request.auth, slug)
    return [
        {
            "registration": certificate.registration_id,
            "name": certificate.snapshot["trainee"]["name"],
            "kind": certificate.kind,
            "hours": certificate.hours,
            "version": certificate.version,
            "verification_url": absolute_url(certificate.get_verification_path()),
            "pdf_url": absolute_url(reverse("api:event_certificate_pdf", args=[event.slug, certificate.id])),
            "replaced": certificate.is_replaced,
        }
        for certificate in Certificate.objects.filter(event=event).select_related("registration")
    ]


@router.get(
    "/{slug}/certificates/{certificate_id}.pdf",
    response={200: None, 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="Le PDF d'une attestation, tel qu'il a été délivré",
    operation_id="event_certificate_pdf",
    url_name="event_certificate_pdf",
)
def event_certificate_pdf(request, slug: str, certificate_id: int):
    event = own_event_or_404(request.auth, slug)
    certificate = Certificate.objects.filter(event=event, id=certificate_id).first() if certificate_id < 2**63 else None
    if certificate is None:
        raise Http404(_("Cet événement n'a pas d'attestation n° %(id)s.") % {"id": certificate_id})
    with certificate.pdf.open("rb") as handle:
        return pdf_response(handle.read(), certificate.filename)
