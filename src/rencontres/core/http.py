"""Small HTTP answers every face gives the same way."""

from django.http import HttpResponse


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    """A PDF shown in the browser's viewer, saved under `filename` if the person keeps it."""
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
