"""The BPF of an organisation for an accounting year, computed from what Rencontres recorded.

Only training actions count (`Event.is_training_action`), and in them only what happened in
the accounting year: hours are the validated hours (counter-signed half-days, less minutes
missed: `attendance.selectors.validated_minutes`, the certificates' rule of hours read for a
whole year at once) of the half-days dated in the year. A trainee is a registration with validated hours in the year: someone who
followed two actions counts twice, as the form counts trainees per action; someone absent
throughout followed nothing and is not counted. Trainees entrusted to us by another training
body (payer category « autre organisme de formation ») go to frame G and not to frames F, as
the notice asks. The lines of the form, and where each category goes: `cerfa.py`.
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rencontres.attendance import selectors as attendance_selectors
from rencontres.events import nsf
from rencontres.events.enums import TrainerStatus, TrainingNature
from rencontres.events.models import Event, SessionSpeaker, Speaker
from rencontres.organizations.models import Organization
from rencontres.registrations.enums import PayerCategory, RegistrationState
from rencontres.registrations.models import Registration

from . import cerfa, income, selectors, services
from .models import FinancialFigures


def hours_of(minutes: int) -> float:
    return round(minutes / 60, 2)


@dataclass
class MoneyLine:
    line: str
    label: str
    amount_cents: int = 0


@dataclass
class FrameC:
    lines: list[MoneyLine]
    total_cents: int
    unclassified_cents: int = 0  # invoiced to a payer of no known category: in line 11, flagged


def frame_c(rows) -> FrameC:
    """Frame C from invoiced rows `(payer_category, opco_scheme, net_cents)`: each to its line, line 2 and the total.

    Line 2 is the sum of 2a to 2h; the total adds lines 1 to 11, line 2 standing for a to h.
    """
    amounts = dict.fromkeys((code for code, _label in cerfa.C_LINES), 0)
    unclassified = 0
    for payer_category, opco_scheme, net_cents in rows:
        line = cerfa.c_line(payer_category or "", opco_scheme or "")
        if line is None:
            line, unclassified = "11", unclassified + net_cents
        amounts[line] += net_cents
    amounts["2"] = sum(amounts[code] for code in cerfa.C_OPCO_LINES)
    total = sum(amount for code, amount in amounts.items() if code not in cerfa.C_OPCO_LINES)
    lines = [MoneyLine(code, str(label), amounts[code]) for code, label in cerfa.C_LINES]
    return FrameC(lines=lines, total_cents=total, unclassified_cents=unclassified)


@dataclass
class CountLine:
    """A line of frames E and F: how many (trainers or trainees) and their minutes."""

    line: str
    label: str
    count: int = 0
    minutes: int = 0
    parts: list["CountLine"] = field(default_factory=list)

    @property
    def hours(self) -> float:
        return hours_of(self.minutes)

    def add(self, minutes: int, count: int = 1) -> None:
        self.count += count
        self.minutes += minutes


def _total(lines: list[CountLine]) -> CountLine:
    return CountLine("total", _("Total"), sum(x.count for x in lines), sum(x.minutes for x in lines))


@dataclass
class SpecialityLine:
    code: str | None  # None: the others
    label: str
    count: int = 0
    minutes: int = 0

    @property
    def hours(self) -> float:
        return hours_of(self.minutes)


@dataclass
class TrainingReport:
    organization: Organization
    year: int
    start: dt.date
    end: dt.date
    c: FrameC
    d: FinancialFigures | None
    e: list[CountLine]
    f1: list[CountLine]
    f1_at_distance: int
    f3: list[CountLine]
    f4: list[SpecialityLine]
    g: CountLine
    events: list[Event]
    warnings: list[str]

    @property
    def e_total(self) -> CountLine:
        return _total(self.e)

    @property
    def f1_total(self) -> CountLine:
        return _total(self.f1)

    @property
    def f3_total(self) -> CountLine:
        return _total(self.f3)

    @property
    def f4_total(self) -> CountLine:
        return CountLine("total", _("Total"), sum(x.count for x in self.f4), sum(x.minutes for x in self.f4))

    @property
    def training_share_percent(self) -> Decimal | None:
        return self.d.training_share_percent if self.d else None


@dataclass
class _Trainee:
    registration_id: int
    event: Event
    minutes: int
    trainee_type: str
    payer_category: str


def _events(organization: Organization, start: dt.date, end: dt.date) -> list[Event]:
    """The training actions with at least one counter-signed half-day in the year: those that ran in it."""
    return list(
        Event.objects.filter(
            organization=organization,
            is_training_action=True,
            attendance_slots__validated_at__isnull=False,
            attendance_slots__day__date__gte=start,
            attendance_slots__day__date__lte=end,
        )
        .distinct()
        .order_by("starts_on", "id")
    )


def _trainees(events: list[Event], start: dt.date, end: dt.date) -> list[_Trainee]:
    """Each registration's validated minutes on the half-days of the year (the certificates' rule of hours)."""
    by_id = {event.id: event for event in events}
    minutes = attendance_selectors.validated_minutes(event_ids=list(by_id), start=start, end=end)
    profiles = Registration.objects.filter(event__in=events, state=RegistrationState.CONFIRMED).values_list(
        "id", "event_id", "trainee_type", "payer_category"
    )
    return [
        _Trainee(registration_id, by_id[event_id], minutes[registration_id], trainee_type, payer_category)
        for registration_id, event_id, trainee_type, payer_category in profiles.order_by("event_id", "id")
        if minutes.get(registration_id)
    ]


def _fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).lower().split())


def _duration(date: dt.date, begin: dt.time | None, finish: dt.time | None) -> int:
    if begin is None or finish is None:
        return 0
    return int((dt.datetime.combine(date, finish) - dt.datetime.combine(date, begin)).total_seconds() // 60)


def _frame_e(events: list[Event], start: dt.date, end: dt.date, warnings: list[str]) -> list[CountLine]:
    """Trainers (speakers marked internal or external) and the hours of the timed sessions they gave in the year.

    One person is counted once per line however many actions they trained in (by name, case and
    accents aside); a trainer whose timed sessions all fall in another year is not counted in this
    one, and a trainer linked to no timed session at all is counted with no hours, and flagged.
    """
    lines = {code: CountLine(code, str(label)) for code, label in cerfa.E_LINES}
    line_of = {TrainerStatus.INTERNAL: "1", TrainerStatus.EXTERNAL: "2"}
    trainers = Speaker.objects.filter(event__in=events).exclude(trainer_status="")
    in_year: dict[int, int] = {}
    timed: set[int] = set()
    links = SessionSpeaker.objects.filter(speaker__in=trainers).values_list(
        "speaker_id", "session__day__date", "session__start_time", "session__end_time"
    )
    for speaker_id, date, begin, finish in links:
        minutes = _duration(date, begin, finish)
        if minutes:
            timed.add(speaker_id)
            if start <= date <= end:
                in_year[speaker_id] = in_year.get(speaker_id, 0) + minutes
    people: dict[tuple[str, str], int] = {}
    without_hours = []
    for speaker_id, name, status in trainers.values_list("id", "name", "trainer_status"):
        if speaker_id in timed and speaker_id not in in_year:
            continue  # trained in another accounting year of the action only
        key = (line_of[status], _fold(name))
        people[key] = people.get(key, 0) + in_year.get(speaker_id, 0)
        if speaker_id not in timed:
            without_hours.append(name)
    for (code, _name), minutes in people.items():
        lines[code].add(minutes)
    if without_hours:
        warnings.append(
            _(
                "Formateurs sans séance horodatée, comptés sans heures au cadre E : %(names)s. "
                "Rattachez-les à leurs séances dans le programme."
            )
            % {"names": ", ".join(sorted(set(without_hours)))}
        )
    return list(lines.values())


def _frame_f3(trainees: list[_Trainee]) -> list[CountLine]:
    lines = {code: CountLine(code, str(label)) for code, label in cerfa.F3_LINES}
    lines["a"].parts = [CountLine(code, str(label)) for code, label, _levels in cerfa.F3_RNCP_LEVELS]
    levels = {part.line: part for part in lines["a"].parts}
    for trainee in trainees:
        event = trainee.event
        code = cerfa.f3_line(event.bpf_objective, event.training_nature)
        lines[code].add(trainee.minutes)
        level = cerfa.f3_level_line(event.rncp_level) if code == "a" else None
        if level:
            levels[level].add(trainee.minutes)
    return list(lines.values())


def _frame_f4(trainees: list[_Trainee]) -> list[SpecialityLine]:
    """The five specialities with the most hours (then trainees), each with its NSF code; the rest on one line."""
    by_code: dict[str, SpecialityLine] = {}
    others = SpecialityLine(None, str(cerfa.F4_OTHERS_LABEL))
    for trainee in trainees:
        code = trainee.event.nsf_code
        line = by_code.setdefault(code, SpecialityLine(code, nsf.label_of(code))) if code else others
        line.count += 1
        line.minutes += trainee.minutes
    ranked = sorted(by_code.values(), key=lambda line: (-line.minutes, -line.count, line.code))
    for line in ranked[cerfa.F4_MAIN :]:
        others.count += line.count
        others.minutes += line.minutes
    return ranked[: cerfa.F4_MAIN] + [others]


def _event_titles(events) -> str:
    return ", ".join(f"« {event.title} »" for event in events)


def training_report(*, organization: Organization, year: int) -> TrainingReport:
    """Every frame of the BPF of the accounting year that ends in `year`, with what the organiser should check."""
    services.check_year(year)
    start, end = services.accounting_period(organization, year)
    warnings: list[str] = []
    events = _events(organization, start, end)
    everyone = _trainees(events, start, end)
    entrusted = [t for t in everyone if t.payer_category == PayerCategory.TRAINING_BODY]
    trainees = [t for t in everyone if t.payer_category != PayerCategory.TRAINING_BODY]

    f1 = {code: CountLine(code, str(label)) for code, label in cerfa.F1_LINES}
    for trainee in trainees:
        f1[cerfa.f1_line(trainee.trainee_type, trainee.event.training_nature)].add(trainee.minutes)
    at_distance = selectors.at_distance(
        [t.registration_id for t in trainees], event_ids=[e.id for e in events], start=start, end=end
    )
    g = CountLine("G", str(cerfa.G_LABEL), len(entrusted), sum(t.minutes for t in entrusted))

    c = frame_c(income.invoiced_amounts(organization, start, end))
    d = FinancialFigures.objects.filter(organization=organization, year=year).first()
    e = _frame_e(events, start, end, warnings)

    untyped = sum(1 for t in trainees if not t.trainee_type)
    if untyped:
        warnings.append(
            ngettext(
                "%(n)s stagiaire n'a pas de type de stagiaire : compté en « autres stagiaires » (F-1 e).",
                "%(n)s stagiaires n'ont pas de type de stagiaire : comptés en « autres stagiaires » (F-1 e).",
                untyped,
            )
            % {"n": untyped}
        )
    trained = {t.event.id: t.event for t in trainees}.values()
    own_lines = {TrainingNature.SKILLS_ASSESSMENT, TrainingNature.VAE}
    if no_objective := [a for a in trained if not a.bpf_objective and a.training_nature not in own_lines]:
        warnings.append(
            _("Sans objectif (BPF) renseigné, compté en « autres formations professionnelles » (F-3 d) : %(titles)s.")
            % {"titles": _event_titles(no_objective)}
        )
    if no_speciality := [a for a in trained if not a.nsf_code]:
        warnings.append(
            _("Sans spécialité NSF, compté en « autres spécialités » (F-4) : %(titles)s.")
            % {"titles": _event_titles(no_speciality)}
        )
    if c.unclassified_cents:
        warnings.append(_("Des montants facturés sans catégorie de financeur sont comptés en ligne 11 du cadre C."))
    if d is None:
        warnings.append(_("Saisissez le cadre D (charges) et la part du chiffre d'affaires de l'exercice."))
    elif c.total_cents and not d.charges_cents:
        warnings.append(_("Le cadre D est à zéro alors que le cadre C déclare des produits : vérifiez vos charges."))
    return TrainingReport(
        organization=organization,
        year=year,
        start=start,
        end=end,
        c=c,
        d=d,
        e=e,
        f1=list(f1.values()),
        f1_at_distance=len(at_distance),
        f3=_frame_f3(trainees),
        f4=_frame_f4(trainees),
        g=g,
        events=events,
        warnings=warnings,
    )
