"""The only code that issues certificates: in bulk for an event, for one person, and corrections.

Hours come from validated attendance only (`attendance.selectors.event_hours`: planned
minutes of counter-signed half-days, less minutes missed). Each certificate is written with
its snapshot and its PDF in one transaction; the unique constraint « one current certificate
per person and kind » makes a second, concurrent issue fail instead of doubling a paper.
The PDF is typeset before that transaction (no lock is held while typst works) and the
emails leave after the commit, through the Tasks API.
"""

import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.attendance import selectors as attendance_selectors
from rencontres.attendance.hours import PersonHours
from rencontres.core import formatting
from rencontres.core.emails import absolute_url
from rencontres.events.models import Event
from rencontres.registrations.models import Registration
from rencontres.theses import selectors as thesis_selectors
from rencontres.theses.models import Decision, Jury

from . import snapshots, tasks
from .documents import Renderer, image_as_svg
from .enums import OTHER_EVENT_KINDS, TRAINING_KINDS, CertificateKind
from .exceptions import CertificateError
from .models import Certificate

# Letters and digits nobody confuses when typing a code read on paper (no 0/O, 1/I/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_code() -> str:
    """« 7KQ2-M9XP-3DFA »: 12 random characters, about 59 bits, not guessable from another paper."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalize_code(text: str) -> str:
    """A code as typed (lower case, spaces, no dashes) in the form it is stored, or "" if it cannot be one."""
    raw = "".join(ch for ch in (text or "")[:40].upper() if ch.isalnum())
    if len(raw) != 12 or any(ch not in CODE_ALPHABET for ch in raw):
        return ""
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def kinds_for(event: Event) -> tuple[str, ...]:
    return TRAINING_KINDS if event.is_training_action else OTHER_EVENT_KINDS


def check_finished(event: Event, *, today: dt.date | None = None) -> list:
    """The event's attendance slots if the event is over and every half-day is counter-signed; refused otherwise."""
    today = today or timezone.localdate()
    if event.ends_on is None or event.ends_on > today:
        raise CertificateError(_("L'événement n'est pas terminé : les attestations se délivrent après sa fin."))
    slots = attendance_selectors.slots_of(event)
    if not slots:
        raise CertificateError(_("Aucune demi-journée d'émargement : les heures réalisées ne sont pas connues."))
    pending = [slot for slot in slots if not slot.is_validated]
    if pending:
        raise CertificateError(
            _(
                "%(n)s demi-journée(s) ne sont pas encore contresignées (%(first)s) : les heures ne sont pas définitives."
            )
            % {"n": len(pending), "first": pending[0]}
        )
    return slots


def _renderer(event: Event) -> Renderer:
    organization = event.organization
    images = {}
    for name, file_field, size in (("signature_svg", "signature_image", (300, 120)), ("logo_svg", "logo", (300, 100))):
        image = getattr(organization, file_field)
        content = b""
        if image:
            with image.open("rb") as handle:
                content = handle.read()
        images[name] = image_as_svg(content, width=size[0], height=size[1])
    return Renderer(**images)


def _verification_url(code: str) -> str:
    # By name, not by import: the site (a face) is above this app.
    from django.urls import reverse

    return absolute_url(reverse("site:certificate_verify", args=[code]))


def _prepare(
    *,
    renderer: Renderer,
    event: Event,
    registration: Registration,
    kind: str,
    minutes: int,
    planned_minutes: int,
    version: int,
    now: dt.datetime,
    correction_reason: str = "",
    jury: dict | None = None,
) -> tuple[Certificate, bytes]:
    code = new_code()
    snapshot = snapshots.build(
        kind=kind,
        event=event,
        registration=registration,
        minutes=minutes,
        planned_minutes=planned_minutes,
        code=code,
        verification_url=_verification_url(code),
        version=version,
        issued_on=timezone.localdate(now),
        correction_reason=correction_reason,
        jury=jury,
    )
    certificate = Certificate(
        registration=registration,
        event=event,
        kind=kind,
        version=version,
        code=code,
        minutes=minutes,
        snapshot=snapshot,
        issued_at=now,
        correction_reason=correction_reason,
    )
    return certificate, renderer.render(snapshot)


def _with_file(certificate: Certificate, pdf: bytes, *, by) -> Certificate:
    """The certificate with its PDF written to storage, not yet saved."""
    certificate.issued_by = by if by is not None and by.is_authenticated else None
    certificate.pdf.save(certificate.filename, ContentFile(pdf), save=False)
    return certificate


def _insert(certificates: list[Certificate], *, already_issued: int) -> tuple[list[Certificate], int]:
    """All in one INSERT; if a concurrent request issued some meanwhile, row by row, keeping theirs."""
    try:
        with transaction.atomic():
            return Certificate.objects.bulk_create(certificates), already_issued
    except IntegrityError:
        pass
    issued = []
    for certificate in certificates:
        certificate.pk = None
        try:
            with transaction.atomic():
                certificate.save()
            issued.append(certificate)
        except IntegrityError:  # that person's paper was issued by the other request: it stands
            certificate.pdf.delete(save=False)
            already_issued += 1
    return issued, already_issued


@dataclass
class IssueReport:
    issued: list[Certificate] = field(default_factory=list)
    already_issued: int = 0
    without_hours: list[PersonHours] = field(default_factory=list)
    not_admitted: int = 0  # certificate of specialisation: trainees the jury deferred or has not decided on


def _hours_of(event: Event, registration_ids=None) -> tuple[list[PersonHours], int]:
    table = attendance_selectors.event_hours(event)
    people = [p for p in table.people if registration_ids is None or p.registration_id in registration_ids]
    return people, table.planned_minutes_per_person


def _issue(
    *, event: Event, people: list[PersonHours], planned: int, kinds, by, now, juries: dict[int, dict] | None = None
) -> IssueReport:
    """The certificates of these kinds these people have not had yet, typeset, then inserted together.

    `juries` gives, by registration, what a certificate of specialisation cites of the jury.
    """
    current = set(
        Certificate.objects.filter(
            event=event, replaced_at__isnull=True, registration_id__in=[p.registration_id for p in people]
        ).values_list("registration_id", "kind")
    )
    registrations = Registration.objects.in_bulk([p.registration_id for p in people])
    report, renderer, prepared = IssueReport(), None, []
    for person in people:
        if person.minutes == 0:
            report.without_hours.append(person)
            continue
        for kind in kinds:
            if (person.registration_id, kind) in current:
                report.already_issued += 1
                continue
            renderer = renderer or _renderer(event)
            certificate, pdf = _prepare(
                renderer=renderer,
                event=event,
                registration=registrations[person.registration_id],
                kind=kind,
                minutes=person.minutes,
                planned_minutes=planned,
                version=1,
                now=now,
                jury=(juries or {}).get(person.registration_id),
            )
            prepared.append(_with_file(certificate, pdf, by=by))
    report.issued, report.already_issued = _insert(prepared, already_issued=report.already_issued)
    return report


def issue_for_event(
    *, event: Event, by=None, registration: Registration | None = None, notify: bool = True, now=None
) -> IssueReport:
    """Every certificate the event owes and has not issued yet (or one person's), from validated hours.

    A person with no validated hours gets none (counted in `without_hours`); a certificate
    already current is left as it is (a correction goes through `correct`).
    """
    now = now or timezone.now()
    if registration is not None and registration.event_id != event.id:
        raise CertificateError(_("Cette inscription n'est pas une inscription à cet événement."))
    check_finished(event, today=timezone.localdate(now))
    people, planned = _hours_of(event, None if registration is None else {registration.id})
    if registration is not None and not people:
        raise CertificateError(
            _("%(name)s n'a pas de place confirmée à cet événement : aucune attestation ne peut être délivrée.")
            % {"name": registration.full_name}
        )
    report = _issue(event=event, people=people, planned=planned, kinds=kinds_for(event), by=by, now=now)
    if registration is not None and report.without_hours:
        raise CertificateError(
            _(
                "%(name)s n'a aucune heure validée (absent·e, ou demi-journées non contresignées) : "
                "aucune attestation ne peut lui être délivrée."
            )
            % {"name": registration.full_name}
        )
    if notify:
        _send_after_commit(report.issued)
    return report


def jury_facts(jury: Jury, decision: Decision) -> dict:
    """What a certificate of specialisation cites of the jury: its date, its members, the thesis judged."""
    return {
        "date": jury.date.isoformat(),
        "date_text": formatting.format_day(jury.date),
        "members": [{"name": member.name, "role": member.role} for member in jury.members.all()],
        "thesis_title": decision.thesis.title,
        "outcome": decision.outcome,
    }


def _admitted_decision(event: Event, registration: Registration) -> Decision:
    decision = thesis_selectors.current_decisions(event).get(registration.id)
    if decision is None:
        raise CertificateError(
            _(
                "Le jury ne s'est pas prononcé sur le mémoire de %(name)s : le certificat de spécialisation "
                "suit sa décision."
            )
            % {"name": registration.full_name}
        )
    if not decision.is_admitted:
        raise CertificateError(
            _(
                "%(name)s a été ajourné(e) par le jury : le certificat de spécialisation n'est délivré qu'aux "
                "stagiaires admis."
            )
            % {"name": registration.full_name}
        )
    return decision


def _jury_of(event: Event) -> Jury:
    jury = thesis_selectors.jury_of(event)
    if jury is None:
        raise CertificateError(
            _("Aucun jury n'est enregistré pour cette formation : le certificat de spécialisation suit sa décision.")
        )
    return jury


def issue_specialisation(
    *, event: Event, by=None, registration: Registration | None = None, notify: bool = True, now=None
) -> IssueReport:
    """The certificate of specialisation to each trainee the jury admitted (or to one), citing hours and jury date.

    Only for a finished event whose half-days are all counter-signed (the hours are final);
    refused for a trainee deferred (ajourné) or not yet judged, and for one with no validated hours.
    """
    now = now or timezone.now()
    if registration is not None and registration.event_id != event.id:
        raise CertificateError(_("Cette inscription n'est pas une inscription à cet événement."))
    check_finished(event, today=timezone.localdate(now))
    jury = _jury_of(event)
    decisions = thesis_selectors.current_decisions(event)
    if registration is not None:
        decisions = {registration.id: _admitted_decision(event, registration)}
    admitted = {rid: decision for rid, decision in decisions.items() if decision.is_admitted}
    if not admitted:
        raise CertificateError(
            _("Aucun stagiaire n'est admis par le jury : il n'y a pas de certificat de spécialisation à délivrer.")
        )
    people, planned = _hours_of(event, set(admitted))
    decisions_with_thesis = Decision.objects.select_related("thesis").in_bulk([d.id for d in admitted.values()])
    juries = {rid: jury_facts(jury, decisions_with_thesis[d.id]) for rid, d in admitted.items()}
    report = _issue(
        event=event,
        people=people,
        planned=planned,
        kinds=(CertificateKind.SPECIALISATION,),
        by=by,
        now=now,
        juries=juries,
    )
    report.not_admitted = len(thesis_selectors.trainees_of(event)) - len(admitted) if registration is None else 0
    if registration is not None and report.without_hours:
        raise CertificateError(
            _(
                "%(name)s n'a aucune heure validée (absent·e, ou demi-journées non contresignées) : "
                "aucun certificat ne peut lui être délivré."
            )
            % {"name": registration.full_name}
        )
    if notify:
        _send_after_commit(report.issued)
    return report


def _send_after_commit(certificates: list[Certificate]) -> None:
    by_registration: dict[int, list[int]] = {}
    for certificate in certificates:
        by_registration.setdefault(certificate.registration_id, []).append(certificate.id)
    for ids in by_registration.values():
        transaction.on_commit(lambda ids=ids: tasks.send_certificates.enqueue(ids))


@transaction.atomic
def correct(*, certificate: Certificate, reason: str, by=None, notify: bool = True, now=None) -> Certificate:
    """Version n + 1 from today's validated hours and data, with its reason; the replaced one stays, marked."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise CertificateError(_("Indiquez le motif de la correction : il figure sur la nouvelle version."), "reason")
    if len(reason) > 300:
        raise CertificateError(_("Le motif de la correction tient en 300 caractères au plus."), "reason")
    now = now or timezone.now()
    old = (
        Certificate.objects.select_for_update()
        .select_related("event__organization", "registration")
        .get(pk=certificate.pk)
    )
    if old.is_replaced:
        raise CertificateError(_("Cette attestation a déjà été remplacée : corrigez sa dernière version."))
    event = old.event
    people, planned = _hours_of(event, {old.registration_id})
    minutes = people[0].minutes if people else 0
    if minutes == 0:
        raise CertificateError(
            _("%(name)s n'a plus aucune heure validée : la correction ne peut pas délivrer d'attestation.")
            % {"name": old.registration.full_name}
        )
    jury = None
    if old.kind == CertificateKind.SPECIALISATION:  # still admitted, by the jury as it now stands
        decision = _admitted_decision(event, old.registration)
        jury = jury_facts(_jury_of(event), Decision.objects.select_related("thesis").get(pk=decision.pk))
    old.replaced_at = now
    old.save(update_fields=["replaced_at"])
    new, pdf = _prepare(
        renderer=_renderer(event),
        event=event,
        registration=old.registration,
        kind=old.kind,
        minutes=minutes,
        planned_minutes=planned,
        version=old.version + 1,
        now=now,
        correction_reason=reason,
        jury=jury,
    )
    new.replaces = old
    _with_file(new, pdf, by=by).save()
    if notify:
        _send_after_commit([new])
    return new


def mark_emailed(certificate_ids: list[int], *, now=None) -> int:
    return Certificate.objects.filter(id__in=certificate_ids, emailed_at__isnull=True).update(
        emailed_at=now or timezone.now()
    )
