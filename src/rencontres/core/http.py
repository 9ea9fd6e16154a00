"""Small HTTP answers every face gives the same way."""

import ipaddress

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.core.files import FileKind


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF shown in the browser's viewer, saved under `filename` if the person keeps it."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def user_file_response(handle, kind: FileKind, filename: str) -> FileResponse:
    """A file someone uploaded, served so that it can never run as a page of this site.

    The type found in its content, no sniffing, a sandbox policy (no script, no same-origin
    access even if a browser renders it), and a download unless it is a PDF or an image.
    """
    response = FileResponse(
        handle, as_attachment=not kind.shown_inline, filename=filename, content_type=kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response


def stored_file_response(field_file, kind: FileKind | None = None) -> FileResponse:
    """An uploaded file from storage, served as `user_file_response`; a 404 when it is not there.

    Without the kind recorded at upload, it is read again from the content (bounded, as at
    upload); anything unrecognised is served as opaque bytes to download.
    """
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Ce fichier n'est plus disponible.")) from None
    if kind is None:
        try:
            kind = files.sniff(handle) or files.UNKNOWN
        except files.ArchiveTooLarge:
            kind = files.UNKNOWN
    return user_file_response(handle, kind, field_file.name.rsplit("/", 1)[-1])


def client_ip(request) -> str:
    """The address of the person making the request, as far as this site can trust it.

    The connection's own address, unless the site runs behind its reverse proxy
    (RENCONTRES_BEHIND_PROXY=1): then the last address of X-Forwarded-For, the one that proxy
    appended; anything before it was written by the client and proves nothing. Without the
    setting the header is ignored, so nobody escapes a limit by sending it.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(forwarded))
        except ValueError:
            pass
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"
