"""Anonymising registrations: the person's data goes, what the organisation must keep stays.

What goes: names, address, job title, employer (name, address, SIRET), the payer's contact,
the answers to the organiser's questions and every uploaded file (deleted from storage once
the change commits). What stays: the event, state, price and amount, the chosen sessions (so
every count and every place is unchanged), the journal and the numbered quotes and
agreements (a gap in their series is not allowed); those papers are typeset from the
registration, so they now read « Personne anonymisée ».
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events.enums import PayerKind

from ..models import Registration
from . import places as places_row

# Fields emptied (or replaced) on anonymising; everything else of the row stays as it was.
PERSONAL_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "job_title",
    "employer_name",
    "employer_address",
    "employer_siret",
    "payer_name",
    "payer_contact_email",
]


def anonymous_email(registration_id: int) -> str:
    """A placeholder unique per registration (one live registration per address and event), on a
    domain that can never receive mail (.invalid, RFC 2606)."""
    return f"anonyme-{registration_id}@anonyme.invalid"


def claim(registration_id: int, now: dt.datetime) -> bool:
    """Mark the registration anonymised if nobody has: True for the one caller that changed the row.

    Held (row lock) until the caller's transaction ends; the tests swap it for an
    unconditional UPDATE to show it is what keeps two runs from anonymising twice.
    """
    return Registration.objects.filter(id=registration_id, anonymised_at__isnull=True).update(anonymised_at=now) == 1


@transaction.atomic
def anonymise(*, registration_id: int, reason: str, now: dt.datetime | None = None) -> Registration | None:
    """Remove the person from one registration, once: the registration, or None if it already was anonymised.

    The conditional UPDATE of `claim` takes the row: of two concurrent calls (the daily job
    run twice, or the job and the person's own request) exactly one sees one row changed and
    does the work; the other, which waited on the row lock, sees none.
    """
    if not claim(registration_id, now or timezone.now()):
        return None
    registration = Registration.objects.get(id=registration_id)
    stored = [answer.file for answer in registration.answers.all() if answer.file]
    stored += [piece.file for piece in registration.application_files.all() if piece.file]
    registration.first_name = _("Personne")
    registration.last_name = _("anonymisée")
    registration.email = anonymous_email(registration.id)
    registration.job_title = registration.employer_name = registration.employer_address = ""
    registration.employer_siret = registration.payer_contact_email = ""
    # An OPCO is a body, not a person: its name stays the funder of the numbered papers.
    if registration.payer_kind != PayerKind.OPCO:
        registration.payer_name = ""
    registration.save(update_fields=[*PERSONAL_FIELDS, "updated_at"])
    registration.answers.all().delete()
    registration.application_files.all().delete()
    places_row.log(registration, registration.state, registration.state, note=reason)
    files = [(field_file.storage, field_file.name) for field_file in stored]
    transaction.on_commit(lambda: _delete_files(files))
    return registration


def _delete_files(files) -> None:
    """After the commit: a rolled-back anonymisation keeps its files."""
    for storage, name in files:
        storage.delete(name)
