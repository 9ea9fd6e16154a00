"""Builders for registration tests: each test makes only what it needs."""

import datetime as dt
import io
import itertools
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from rencontres.events import services as event_services
from rencontres.events.enums import PayerKind
from rencontres.registrations import services
from tests import factories

_counter = itertools.count(1)


def make_event(organization=None, *, capacity=None, capacity_min=None, **fields):
    fields.setdefault("days", (dt.date(2030, 3, 14),))
    event = factories.make_event(organization, **fields)
    if capacity is not None or capacity_min is not None:
        services.set_capacity(event=event, capacity_max=capacity, capacity_min=capacity_min)
    return event


APPLICANT_FIELDS = {"first_name", "last_name", "job_title", "employer_name", "employer_address", "employer_siret"}
PAYER_FIELDS = {"price_tier": "price_tier", "payer_name": "name", "payer_contact_email": "contact_email"}


def add_tier(event, *, payer_kind=PayerKind.FREE, amount_cents=0, label=None):
    return event_services.add_price_tier(
        event=event, label=label or f"Tarif {payer_kind}", amount_cents=amount_cents, payer_kind=payer_kind
    )


def register(event, email=None, **fields):
    n = next(_counter)
    fields.setdefault("first_name", "Camille")
    fields.setdefault("last_name", f"Martin {n}")
    fields.setdefault("job_title", "assistante sociale")
    applicant = services.Applicant(
        email=email or f"participant{n}@example.org", **{k: fields.pop(k) for k in APPLICANT_FIELDS & set(fields)}
    )
    payer = services.Payer(**{PAYER_FIELDS[k]: fields.pop(k) for k in set(PAYER_FIELDS) & set(fields)})
    return services.register(event=event, applicant=applicant, payer=payer, **fields)


def pdf_file(name="cv.pdf", size=None):
    content = b"%PDF-1.4\n" + b"0" * (size - 9 if size else 100) + b"\n%%EOF"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def docx_file(name="lettre.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def odt_file(name="formulaire.odt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def fake_pdf(name="cv.pdf"):
    """A file named .pdf that is really an executable script."""
    return SimpleUploadedFile(name, b"#!/bin/sh\necho pwned\n", content_type="application/pdf")
