"""French dates in announcements: find them, complete their years, and flag doubts.

A date without a year takes it from the document itself (the explicit dates around
it, a range that must contain it, the weekday it is given with); nothing is taken
from today's date, so an old announcement keeps its own years. A year far from all
the others, or a weekday that does not match, is kept but reported as a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext

from .document import Document, Line, fold

MONTHS = {
    "janvier": 1,
    "janv": 1,
    "jan": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "jun": 6,
    "juillet": 7,
    "juil": 7,
    "jul": 7,
    "aout": 8,
    "aou": 8,
    "septembre": 9,
    "sept": 9,
    "sep": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
MONTH_NAMES = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
WEEKDAY_NAMES = list(WEEKDAYS)

_MONTH_RE = r"(?:janv(?:ier)?|f[ée]v(?:r(?:ier)?)?|mars|avr(?:il)?|mai|jui?n|juil(?:let)?|jul|ao[uû]t?|sept?(?:embre)?|oct(?:obre)?|nov(?:embre)?|d[ée]c(?:embre)?)"
_FULL_MONTH_RE = r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)"
_WEEKDAY_RE = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_DAY_RE = r"(?:[12]\d|3[01]|0?[1-9])(?:er|ᵉʳ)?"

DAY_MONTH = re.compile(
    rf"(?:\b(?P<wd>{_WEEKDAY_RE})\.?,?\s+)?(?:le\s+)?\b(?P<d>{_DAY_RE})\s+(?P<m>{_MONTH_RE})\b\.?(?:,?\s+(?P<y>(?:19|20|21)\d\d)\b)?",
    re.I,
)
NUMERIC = re.compile(r"(?<![\d/.])(?P<d>[0-3]?\d)[/.](?P<m>[01]?\d)[/.](?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
MONTH_YEAR = re.compile(rf"(?<![\d\w])(?P<m>{_FULL_MONTH_RE})\.?,?\s+(?P<y>(?:19|20|21)\d\d)\b", re.I)
# Bare days before a dated day: "12 - 13 octobre", "17 & 24 juin", "du 3 au 5 mai", "les 3, 4 et 5 mai".
_LEADING_DAYS = re.compile(rf"((?:\b{_DAY_RE}\s*(?:-|–|—|&|et|au|,|/)\s*)+)$", re.I)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|/|au|à|a|jusqu'au)\s*$", re.I)

# Dates in these contexts are not the event's: deadlines, publication stamps, laws.
IGNORED_CONTEXT = re.compile(
    r"limite|avant le|jusqu'?au|au plus tard|cl[ôo]tur|publi[ée]|mis(?:e)? [àa] jour|\barticle\b|actualit|"
    r"d[ée]cret|\bloi\b|arr[êe]t[ée]\b|ordonnance|circulaire|inscriptions? (?:ouvertes|avant)|n[ée]e? le|depuis|"
    r"^(?:envoy[ée]|sent|date d'envoi|re[çc]u)\s*:",
    re.I,
)
LEGAL_CONTEXT = re.compile(r"d[ée]cret|\bloi\b|arr[êe]t[ée]\b|ordonnance|circulaire", re.I)


@dataclass
class DateMention:
    """One date written in the document: a day, or a month when no day is given."""

    line: Line
    start: int
    end: int
    day: int | None
    month: int
    year: int | None
    weekday: int | None = None
    explicit_year: bool = False
    range_with: DateMention | None = None  # the other end when written as a range
    range_start: bool = False
    ignored: bool = False
    legal: bool = False
    extra_days: list[int] = field(default_factory=list)

    @property
    def source(self) -> str:
        return self.line.text[self.start : self.end]

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        try:
            return dt.date(self.year, self.month, self.day).isoformat()
        except ValueError:
            return None


def month_number(name: str) -> int:
    key = fold(name).rstrip(".")
    if key in MONTHS:
        return MONTHS[key]
    for prefix, number in MONTHS.items():
        if key.startswith(prefix[:3]) and len(key) >= 3:
            return number
    raise KeyError(name)


def bare_years(doc: Document) -> list[int]:
    return [
        int(y)
        for line in doc.lines
        if not LEGAL_CONTEXT.search(line.text)
        for y in re.findall(r"(?<![\d/.-])((?:19[89]|20\d)\d)(?![\d/.-])", line.text)
    ]


def find_mentions(doc: Document) -> list[DateMention]:
    mentions: list[DateMention] = []
    for line in doc.lines:
        mentions.extend(_line_mentions(line))
    return mentions


def _line_mentions(line: Line) -> list[DateMention]:
    text = line.text
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    ignored = bool(IGNORED_CONTEXT.search(text))
    legal = bool(LEGAL_CONTEXT.search(text))

    def add(m: DateMention) -> None:
        m.ignored, m.legal = ignored, legal
        found.append(m)
        taken.append((m.start, m.end))

    for match in DAY_MONTH.finditer(text):
        day = int(re.sub(r"\D", "", match.group("d")))
        try:
            month = month_number(match.group("m"))
        except KeyError:
            continue
        year = int(match.group("y")) if match.group("y") else None
        weekday = WEEKDAYS.get(fold(match.group("wd"))) if match.group("wd") else None
        mention = DateMention(
            line, match.start(), match.end(), day, month, year, weekday, explicit_year=year is not None
        )
        lead = _LEADING_DAYS.search(text[: match.start("d")])
        if lead:
            days = [int(re.sub(r"\D", "", d)) for d in re.findall(_DAY_RE, lead.group(1))]
            first = DateMention(line, lead.start(), match.end(), days[0], month, year, explicit_year=year is not None)
            wd = re.search(rf"({_WEEKDAY_RE})\.?\s*$", text[: lead.start()], re.I)
            if wd and len(days) == 1:
                first.weekday = WEEKDAYS[fold(wd.group(1))]
            first.extra_days = days[1:]
            if re.search(r"-|–|—|au|/", lead.group(1)) and len(days) == 1:
                first.range_with, first.range_start = mention, True
                mention.range_with = first
            add(first)
            mention.start = match.start("d")
        add(mention)
    for regex in (NUMERIC, ISO):
        for match in regex.finditer(text):
            if any(s <= match.start() < e for s, e in taken):
                continue
            year = int(match.group("y"))
            year = year + 2000 if year < 100 else year
            day, month = int(match.group("d")), int(match.group("m"))
            if 1 <= month <= 12 and 1 <= day <= 31:
                add(DateMention(line, match.start(), match.end(), day, month, year, explicit_year=True))
    for match in MONTH_YEAR.finditer(text):
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        add(
            DateMention(
                line,
                match.start(),
                match.end(),
                None,
                month_number(match.group("m")),
                int(match.group("y")),
                explicit_year=True,
            )
        )
    found.sort(key=lambda m: m.start)
    _link_ranges(found, text)
    return found


def _link_ranges(found: list[DateMention], text: str) -> None:
    """Pair "du 30 juin au 2 juillet", "novembre 2020 / juin 2021": the second end is the end."""
    for a, b in zip(found, found[1:]):
        between = text[a.end : b.start]
        if a.range_with or b.range_with or (a.day is None) != (b.day is None):
            continue
        if _RANGE_JOIN.match(between) or (re.match(r"^\s*(?:au|à)\s*$", between, re.I)):
            a.range_with, a.range_start, b.range_with = b, True, a
            if a.year is None and b.year is not None:
                a.year = b.year - 1 if a.month > b.month else b.year
                a.explicit_year = True


class DateResolver:
    """Completes years from the document's own dates and records doubts as warnings."""

    def __init__(self, mentions: list[DateMention], bare_years: list[int] = ()):
        self.mentions = mentions
        self.bare_years = list(bare_years)  # "Rencontres 2023": a year with no date, used when nothing better
        self.warnings: list[str] = []
        self._fix_far_years()
        self._complete_years()
        self._check_weekdays()
        self._check_ranges()

    def _context_years(self) -> list[int]:
        return [m.year for m in self.mentions if m.explicit_year and m.year and not m.legal]

    def _fix_far_years(self) -> None:
        """A year far from every other (a typo like "juin 2121") is flagged and replaced by the closest plausible one."""
        years = self._context_years()
        for mention in self.mentions:
            if not mention.explicit_year or mention.legal or mention.year is None:
                continue
            others = [y for y in years if y != mention.year]
            if not others:
                continue
            median = sorted(years)[(len(years) - 1) // 2]
            if abs(mention.year - median) <= 5:
                continue
            eventish = mention.range_with is not None or len(mention.line.text) <= 80 or mention.weekday is not None
            if not eventish:
                continue
            suggestion = min(set(others), key=lambda y: (_digit_distance(y, mention.year), abs(y - mention.year)))
            wrong = mention.year
            mention.year = suggestion
            self.warnings.append(
                gettext("« %(source)s » : l'année %(wrong)d ne peut pas être juste (%(fixed)s ?)")
                % {"source": _context(mention), "wrong": wrong, "fixed": _human(mention)}
            )

    def _complete_years(self) -> None:
        years = self._context_years() or self.bare_years
        if not years:
            for mention in self.mentions:
                if mention.year is None and mention.weekday is not None:
                    self._year_from_weekday(mention)
            return
        common = Counter(years).most_common(1)[0][0]
        ranges = [
            (m, m.range_with) for m in self.mentions if m.range_start and m.year and m.range_with and m.range_with.year
        ]
        previous_year = None
        for mention in self.mentions:
            if mention.explicit_year:
                previous_year = mention.year if not mention.legal else previous_year
                continue
            if mention.year is not None:
                continue
            candidates = sorted(set(years) | {y + 1 for y in years} | {y - 1 for y in years})

            def score(year: int, mention=mention, previous_year=previous_year) -> float:
                points = 0.0
                for start, end in ranges:
                    if _key(start, start.year) <= (year, mention.month) <= _key(end, end.year):
                        points += 4
                if mention.weekday is not None and _weekday(year, mention) == mention.weekday:
                    points += 2
                if year == previous_year:
                    points += 1
                if year == common:
                    points += 0.5
                if year not in years:
                    points -= 1
                return points

            mention.year = max(candidates, key=lambda y: (score(y), -abs(y - common)))

    def _year_from_weekday(self, mention: DateMention) -> None:
        """Without any year in the document, only a weekday can pin a year down (near today)."""
        this_year = dt.date.today().year
        for year in (this_year, this_year + 1, this_year - 1, this_year + 2):
            if _weekday(year, mention) == mention.weekday:
                mention.year = year
                self.warnings.append(
                    gettext("« %(source)s » : l'année n'est pas indiquée, %(year)d est déduite du jour de la semaine.")
                    % {"source": _context(mention), "year": year}
                )
                return

    def _check_weekdays(self) -> None:
        for mention in self.mentions:
            if mention.weekday is None or mention.year is None or mention.day is None:
                continue
            actual = _weekday(mention.year, mention)
            if actual is not None and actual != mention.weekday:
                self.warnings.append(
                    gettext("« %(source)s » : le %(date)s est un %(actual)s, pas un %(written)s.")
                    % {
                        "source": _context(mention),
                        "date": _human(mention),
                        "actual": WEEKDAY_NAMES[actual],
                        "written": WEEKDAY_NAMES[mention.weekday],
                    }
                )

    def _check_ranges(self) -> None:
        for mention in self.mentions:
            end = mention.range_with
            if not mention.range_start or end is None or mention.year is None or end.year is None:
                continue
            if _key(end, end.year, last=True) < _key(mention, mention.year):
                self.warnings.append(
                    gettext("« %(source)s » : la fin (%(end)s) est avant le début (%(start)s).")
                    % {"source": _context(mention), "end": _human(end), "start": _human(mention)}
                )


def _key(m: DateMention, year: int, last: bool = False) -> tuple:
    return (year, m.month, m.day if m.day is not None else (31 if last else 0))


def _weekday(year: int, mention: DateMention) -> int | None:
    try:
        return dt.date(year, mention.month, mention.day or 1).weekday()
    except ValueError:
        return None


def _digit_distance(a: int, b: int) -> int:
    return sum(x != y for x, y in zip(str(a), str(b)))


def _human(m: DateMention) -> str:
    month = MONTH_NAMES[m.month - 1]
    if m.day is None:
        return f"{month} {m.year}"
    return f"{'1er' if m.day == 1 else m.day} {month} {m.year}"


def _context(m: DateMention) -> str:
    """The words around a date, enough for a person to find it in the source."""
    text = m.line.text
    start = max(0, text.rfind(" ", 0, max(0, m.start - 12)) + 1) if m.start > 14 else 0
    end_mention = m.range_with.end if m.range_start and m.range_with else m.end
    end = text.find(" ", end_mention + 1)
    end = len(text) if end == -1 or end - end_mention > 12 else end
    return text[start:end].strip(" ,.;:·|–-")
