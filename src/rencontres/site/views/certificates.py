"""Certificates on the public face: the verification page a QR code opens, and a person's own downloads."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from rencontres.certificates import selectors
from rencontres.certificates.models import Certificate
from rencontres.core.http import pdf_response


def verify(request, code: str = ""):
    """What the paper says, confirmed: kind, name, title, dates, hours and whether it is still in force; nothing more.

    Also answers the form of the same page (`?code=`), for a code typed from the paper.
    """
    typed = code or request.GET.get("code", "")
    certificate = selectors.by_code(typed) if typed else None
    status = 404 if typed and certificate is None else 200
    context = {
        "typed": typed[:40],
        "certificate": certificate,
        "snapshot": certificate.snapshot if certificate else None,
        "not_found": typed and certificate is None,
    }
    response = render(request, "site/certificates/verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def my_certificate(request, certificate_id: int) -> HttpResponse:
    """A person's own certificate, as issued; anyone else's is a 404."""
    certificate = get_object_or_404(Certificate.objects.select_related("registration"), id=certificate_id)
    if certificate.registration.email != request.user.email.lower():
        raise Http404(_("Cette attestation n'est pas la vôtre."))
    with certificate.pdf.open("rb") as handle:
        return pdf_response(handle.read(), certificate.filename)
