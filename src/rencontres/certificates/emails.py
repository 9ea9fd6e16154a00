"""The email that carries a person's certificates, to the trainee and to the payer's contact."""

from django.urls import reverse

from rencontres.core.emails import absolute_url, send_templated_email

from .models import Certificate

TEMPLATE = "certificates/emails/issued"


def certificates_issued(certificate_ids: list[int]) -> list[int]:
    """One message to the trainee and one to the payer's contact (if any), the PDFs attached; the ids sent."""
    certificates = list(
        Certificate.objects.filter(id__in=certificate_ids, replaced_at__isnull=True)
        .select_related("registration", "event__organization")
        .order_by("kind")
    )
    if not certificates:
        return []
    registration, event = certificates[0].registration, certificates[0].event
    attachments = []
    for certificate in certificates:
        certificate.hours_text = certificate.snapshot["hours_text"]
        certificate.verification_url = absolute_url(certificate.get_verification_path())
        with certificate.pdf.open("rb") as handle:
            attachments.append((certificate.filename, handle.read(), "application/pdf"))
    context = {
        "registration": registration,
        "event": event,
        "certificates": certificates,
        "contact": event.reply_to_address,
        "my_space_url": absolute_url(reverse("site:my_space")),
    }
    recipients = [(registration.email, False)]
    if registration.payer_contact_email and registration.payer_contact_email.lower() != registration.email.lower():
        recipients.append((registration.payer_contact_email, True))
    for address, for_payer in recipients:
        send_templated_email(
            TEMPLATE,
            to=[address],
            context={**context, "for_payer": for_payer},
            reply_to=event.reply_to_address,
            attachments=attachments,
        )
    return [certificate.id for certificate in certificates]
