"""The only code that changes theses, the jury and its decisions.

A thesis is handed in by its trainee until the deadline (the last day included, Paris time),
as a PDF, ODT or DOCX recognised from its content (registrations.uploads, the check the
application files pass). Handing it in again keeps the earlier version, marked replaced.
The jury's decisions need a thesis; each is recorded with who and when, and a correction is
a new decision with its reason, the corrected one kept (the journal an auditor reads).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from rencontres.registrations.uploads import checked_file_type

from .enums import Outcome
from .exceptions import ThesisError
from .models import Decision, Jury, JuryMember, Thesis, ThesisSettings

# A thesis with its figures and photographs weighs more than a CV: twice the application files' bound.
MAX_THESIS_MEGABYTES = 20
MAX_JURY_MEMBERS = 12
MAX_COMMENT = 2000
MAX_REASON = 300


@transaction.atomic
def save_settings(*, event: Event, is_required: bool, deadline: dt.date | None) -> ThesisSettings:
    """Ask (or stop asking) each trainee of the event for a thesis, by a deadline it then needs."""
    if is_required and deadline is None:
        raise ThesisError(_("Indiquez la date limite de dépôt du mémoire."), "deadline")
    if deadline is not None and event.starts_on and deadline < event.starts_on:
        raise ThesisError(
            _("La date limite de dépôt ne peut pas précéder le début de la formation (%(day)s).")
            % {"day": date_format(event.starts_on)},
            "deadline",
        )
    thesis_settings, _created = ThesisSettings.objects.get_or_create(event=event)
    thesis_settings.is_required, thesis_settings.deadline = is_required, deadline
    thesis_settings.save(update_fields=["is_required", "deadline"])
    return thesis_settings


def _settings_asking(event: Event) -> ThesisSettings:
    thesis_settings = ThesisSettings.objects.filter(event=event, is_required=True).first()
    if thesis_settings is None:
        raise ThesisError(_("Cette formation ne demande pas de mémoire."))
    return thesis_settings


def hand_in(*, registration: Registration, uploaded, title: str = "", now: dt.datetime | None = None) -> Thesis:
    """The trainee's thesis, checked by its content, stored as the next version; refused after the deadline.

    The previous version stays, marked replaced: the jury reads the last one, the history shows all.
    """
    now = now or timezone.now()
    thesis_settings = _settings_asking(registration.event)
    if registration.state != RegistrationState.CONFIRMED:
        raise ThesisError(_("Seule une personne inscrite (place confirmée) peut déposer un mémoire."))
    if timezone.localdate(now) > thesis_settings.deadline:
        raise ThesisError(
            _(
                "Le dépôt du mémoire était ouvert jusqu'au %(day)s inclus : il est clos. "
                "Écrivez à l'organisme si vous pensez avoir droit à un délai."
            )
            % {"day": date_format(thesis_settings.deadline)},
            "file",
        )
    try:
        file_type = checked_file_type(uploaded, max_megabytes=MAX_THESIS_MEGABYTES)
    except ValidationError as error:
        raise ThesisError(error.messages[0], "file") from None
    title = " ".join((title or "").split())
    if len(title) > 300:
        raise ThesisError(_("Le titre du mémoire tient en 300 caractères au plus."), "title")
    with transaction.atomic():
        # Lock the registration's row: two hand-ins of the same person take their versions in turn.
        Registration.objects.select_for_update().filter(pk=registration.pk).first()
        current = Thesis.objects.filter(registration=registration, replaced_at__isnull=True).first()
        if current is not None:
            current.replaced_at = now
            current.save(update_fields=["replaced_at"])
        return Thesis.objects.create(
            registration=registration,
            version=(current.version + 1) if current else 1,
            title=title,
            file=uploaded,
            file_type=file_type,
            size_bytes=uploaded.size,
            submitted_at=now,
        )


def parse_members(text: str) -> list[tuple[str, str]]:
    """« Nom, rôle » or « Nom — rôle », one per line, into (name, role); a ThesisError names the line to fix."""
    members = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = " ".join(line.split())
        if not line:
            continue
        for separator in (" — ", " – ", " - ", ","):
            if separator in line:
                name, role = (part.strip() for part in line.split(separator, 1))
                break
        else:
            name, role = line, ""
        if not name or not role:
            raise ThesisError(
                _("Ligne %(n)s : écrivez le nom puis le rôle, séparés par une virgule (« Marie Durand, présidente »).")
                % {"n": number},
                "members",
            )
        if len(name) > 150 or len(role) > 150:
            raise ThesisError(_("Ligne %(n)s : le nom et le rôle tiennent chacun en 150 caractères.") % {"n": number})
        members.append((name, role))
    return members


@transaction.atomic
def set_jury(*, event: Event, date: dt.date, members: list[tuple[str, str]]) -> Jury:
    """The jury of the event: its date and its members, as they now are (members replaced as a whole)."""
    if not members:
        raise ThesisError(_("Indiquez au moins un membre du jury, avec son rôle."), "members")
    if len(members) > MAX_JURY_MEMBERS:
        raise ThesisError(_("Un jury compte au plus %(n)s membres.") % {"n": MAX_JURY_MEMBERS}, "members")
    if event.starts_on and date < event.starts_on:
        raise ThesisError(
            _("Le jury ne peut pas se réunir avant le début de la formation (%(day)s).")
            % {"day": date_format(event.starts_on)},
            "date",
        )
    jury, created = Jury.objects.select_for_update().get_or_create(event=event, defaults={"date": date})
    if not created and jury.date != date:
        if jury.decisions.filter(recorded_at__date__lt=date).exists():
            raise ThesisError(
                _(
                    "Des décisions sont enregistrées avant cette date : le jury a déjà siégé, sa date ne peut pas suivre."
                ),
                "date",
            )
        jury.date = date
        jury.save(update_fields=["date", "updated_at"])
    jury.members.all().delete()
    JuryMember.objects.bulk_create(
        [JuryMember(jury=jury, name=name, role=role, order=i) for i, (name, role) in enumerate(members)]
    )
    return jury


def _clean_comment(comment: str) -> str:
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise ThesisError(_("Le commentaire tient en %(n)s caractères au plus.") % {"n": MAX_COMMENT}, "comment")
    return comment


def _check_outcome(outcome: str) -> None:
    if outcome not in Outcome.values:
        raise ThesisError(_("Choisissez « admis·e » ou « ajourné·e »."), "outcome")


def _jury_that_sat(event: Event, now: dt.datetime) -> Jury:
    jury = Jury.objects.filter(event=event).first()
    if jury is None:
        raise ThesisError(_("Indiquez d'abord le jury (sa date et ses membres) : il prend les décisions."))
    if timezone.localdate(now) < jury.date:
        raise ThesisError(
            _("Le jury se réunit le %(day)s : ses décisions s'enregistrent à partir de ce jour.")
            % {"day": date_format(jury.date)}
        )
    return jury


def _actor(by) -> dict:
    if by is not None and by.is_authenticated:
        return {"recorded_by": by, "recorded_by_email": by.email}
    return {}


def record_decision(
    *, registration: Registration, outcome: str, comment: str = "", by=None, now: dt.datetime | None = None
) -> Decision:
    """The jury's decision for one trainee, on their last thesis; refused without a thesis or when one is recorded."""
    now = now or timezone.now()
    _check_outcome(outcome)
    comment = _clean_comment(comment)
    jury = _jury_that_sat(registration.event, now)
    thesis = Thesis.objects.filter(registration=registration, replaced_at__isnull=True).first()
    if thesis is None:
        raise ThesisError(
            _("%(name)s n'a pas déposé de mémoire : le jury ne peut pas se prononcer sans mémoire.")
            % {"name": registration.full_name}
        )
    try:
        with transaction.atomic():
            return Decision.objects.create(
                registration=registration,
                jury=jury,
                outcome=outcome,
                comment=comment,
                thesis=thesis,
                recorded_at=now,
                **_actor(by),
            )
    except IntegrityError:
        raise ThesisError(
            _("La décision de %(name)s est déjà enregistrée : corrigez-la en indiquant le motif.")
            % {"name": registration.full_name}
        ) from None


@transaction.atomic
def correct_decision(
    *, decision: Decision, outcome: str, comment: str = "", reason: str, by=None, now: dt.datetime | None = None
) -> Decision:
    """A new decision replacing this one, with the reason; the corrected one stays in the journal, marked replaced."""
    now = now or timezone.now()
    _check_outcome(outcome)
    comment = _clean_comment(comment)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ThesisError(_("Indiquez le motif de la correction : il reste au journal des décisions."), "reason")
    if len(reason) > MAX_REASON:
        raise ThesisError(_("Le motif tient en %(n)s caractères au plus.") % {"n": MAX_REASON}, "reason")
    old = Decision.objects.select_for_update().select_related("registration").get(pk=decision.pk)
    if old.replaced_at is not None:
        raise ThesisError(_("Cette décision a déjà été corrigée : corrigez la dernière."))
    thesis = Thesis.objects.filter(registration=old.registration, replaced_at__isnull=True).first() or old.thesis
    old.replaced_at = now
    old.save(update_fields=["replaced_at"])
    return Decision.objects.create(
        registration=old.registration,
        jury=old.jury,
        outcome=outcome,
        comment=comment,
        thesis=thesis,
        recorded_at=now,
        replaces=old,
        correction_reason=reason,
        **_actor(by),
    )


def anonymise(*, registration: Registration) -> int:
    """A person's erasure: their thesis files and titles go (after the commit); the decisions stay, without comment.

    Decisions are the evidence of the certificate awarded, so they are kept, as hours are.
    """
    theses = list(Thesis.objects.filter(registration=registration).exclude(file=""))
    files = [(thesis.file.storage, thesis.file.name) for thesis in theses]
    Thesis.objects.filter(registration=registration).update(title="", file="")
    Decision.objects.filter(registration=registration).update(comment="")

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)
    return len(theses)
