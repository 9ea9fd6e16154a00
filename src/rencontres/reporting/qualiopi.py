"""The Qualiopi evidence of a training action: indicator 2 figures and the audit archive (ZIP).

Référentiel national qualité (décret n° 2019-565 and its guide de lecture), indicator 2:
« l'OF diffuse des indicateurs de résultats adaptés à la nature des prestations » — for a
training, satisfaction, completion (hours done over hours planned), how many trainees, when.
The archive gathers what an auditor asks for one action: the programme, the attendance
sheets with their signatures (and the scanned paper sheets), the certificates issued, the
survey results, and the registrations with their journal, plus these figures.

The archive is written entry after entry into a stream (stdlib `zipfile` on an unseekable
output): each document is built when its turn comes and sent, so a long training with many
papers never sits whole in memory.
"""

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from django.utils.text import slugify
from django.utils.translation import gettext as _

from rencontres.attendance import selectors as attendance_selectors
from rencontres.attendance.sheets import render_sheets
from rencontres.certificates import selectors as certificate_selectors
from rencontres.core import formatting
from rencontres.events.models import Event
from rencontres.events.programme_pdf import render_programme
from rencontres.events.selectors import programme_of
from rencontres.registrations import exports as registration_exports
from rencontres.surveys import exports as survey_exports
from rencontres.surveys import selectors as survey_selectors


@dataclass
class SurveyFigure:
    title: str
    moment: str
    invited: int
    responses: int
    satisfaction_rate: float | None  # 0..1

    @property
    def satisfaction_percent(self) -> float | None:
        return None if self.satisfaction_rate is None else round(self.satisfaction_rate * 100, 1)

    @property
    def response_percent(self) -> float | None:
        return round(100 * self.responses / self.invited, 1) if self.invited else None


@dataclass
class Indicator2:
    event: Event
    trainees: int  # confirmed registrations
    followed: int  # of them, with validated hours
    planned_minutes: int  # per person, counter-signed half-days
    completion_percent: float | None
    surveys: list[SurveyFigure] = field(default_factory=list)

    @property
    def period(self) -> str:
        return period_of(self.event)

    @property
    def planned_hours(self) -> float:
        return round(self.planned_minutes / 60, 2)


def period_of(event: Event) -> str:
    return formatting.format_date_range(event.starts_on, event.ends_on, months_only=event.dates_are_months)


def indicator_2(event: Event) -> Indicator2:
    """The results of one training: trainees, completion rate from validated hours, satisfaction from its surveys."""
    hours = attendance_selectors.event_hours(event)
    surveys = []
    for survey in survey_selectors.surveys_of(event):
        surveys.append(
            SurveyFigure(
                title=survey.title,
                moment=survey.get_kind_display(),
                invited=survey_selectors.invited_count(survey),
                responses=survey.response_count,
                satisfaction_rate=survey_selectors.satisfaction_rate(survey),
            )
        )
    return Indicator2(
        event=event,
        trainees=len(hours.people),
        followed=sum(1 for person in hours.people if person.minutes),
        planned_minutes=hours.planned_minutes_per_person,
        completion_percent=hours.completion_percent,
        surveys=surveys,
    )


def _number(value) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def indicator_2_csv(figures: Indicator2) -> bytes:
    """The figures as a two-column sheet (semicolons, decimal commas) an auditor opens in a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([_("Indicateur"), _("Valeur")])
    writer.writerow([_("Action de formation"), figures.event.title])
    writer.writerow([_("Période"), figures.period])
    writer.writerow([_("Stagiaires inscrits (confirmés)"), figures.trainees])
    writer.writerow([_("Stagiaires ayant des heures validées"), figures.followed])
    writer.writerow([_("Durée prévue par stagiaire (heures)"), _number(figures.planned_hours)])
    writer.writerow([_("Taux de réalisation des heures (%)"), _number(figures.completion_percent)])
    for survey in figures.surveys:
        writer.writerow(
            [
                _("Taux de satisfaction %(moment)s (%%)") % {"moment": survey.moment},
                _number(survey.satisfaction_percent),
            ]
        )
        writer.writerow(
            [
                _("Réponses au questionnaire %(moment)s") % {"moment": survey.moment},
                f"{survey.responses} / {survey.invited}",
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


Entry = tuple[str, Callable[[], bytes]]


def _read(field_file) -> Callable[[], bytes]:
    def read() -> bytes:
        with field_file.open("rb") as handle:
            return handle.read()

    return read


def audit_entries(event: Event) -> list[Entry]:
    """The archive's files, each with the function that builds it when its turn comes."""
    entries: list[Entry] = [
        ("programme.pdf", lambda: render_programme(programme_of(event))),
    ]
    slots = attendance_selectors.slots_of(event)
    if slots:
        entries.append(("emargement/feuilles-d-emargement.pdf", lambda: render_sheets(slots)))
    for slot in slots:
        if slot.scan:
            suffix = slot.scan.name.rsplit(".", 1)[-1].lower()
            entries.append(
                (f"emargement/feuille-signee-{slot.day.date:%Y-%m-%d}-{slot.half}.{suffix}", _read(slot.scan))
            )
    for certificate in certificate_selectors.of_event(event):
        person = slugify(f"{certificate.registration.last_name} {certificate.registration.first_name}") or "personne"
        entries.append((f"attestations/{person}-{certificate.filename}", _read(certificate.pdf)))
    for survey in survey_selectors.surveys_of(event):
        entries.append(
            (
                f"questionnaires/{survey.kind}-{slugify(survey.title)[:60]}.xlsx",
                lambda s=survey: survey_exports.survey_xlsx(s),
            )
        )
    entries += [
        ("inscriptions/inscriptions.csv", lambda: registration_exports.registrations_csv(event)),
        ("inscriptions/journal-des-inscriptions.csv", lambda: registration_exports.journal_csv(event)),
        ("indicateurs-qualiopi.csv", lambda: indicator_2_csv(indicator_2(event))),
    ]
    index = "\n".join(
        [
            _("Dossier Qualiopi de l'action « %(title)s » (%(period)s), %(organization)s.")
            % {"title": event.title, "period": period_of(event), "organization": event.organization.name},
            "",
            *[f"- {name}" for name, _build in entries],
            "",
        ]
    )
    return [("LISEZMOI.txt", lambda: index.encode("utf-8")), *entries]


class _Sink(io.RawIOBase):
    """Where zipfile writes: the bytes are taken away after each entry (unseekable, so zipfile streams)."""

    def __init__(self):
        self.chunks: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self.chunks.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def stream_zip(entries: Iterable[Entry]) -> Iterator[bytes]:
    """The ZIP of these entries, yielded piece by piece as each entry is built and compressed."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, build in entries:
            archive.writestr(name, build())
            yield sink.take()
    yield sink.take()


def archive_filename(event: Event) -> str:
    return f"qualiopi-{event.slug}.zip"
