"""The timed programme: sessions under day (or month) headings.

A programme is read top to bottom like a person would: a short line made of a date
opens a day, a line starting with a time or a time range opens a session, and a
session written without a title on its line takes the next short paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext

from .dates import DateMention
from .document import Document, Line, fold, tidy_case

_TIME = r"(?P<{p}h>[0-2]?\d)\s*(?:h|H|:)\s*(?P<{p}m>[0-5]\d)?(?!\d)"
TIME = re.compile(_TIME.format(p="a"))
_RANGE = (
    r"(?:de\s+|d[ée]but\s+)?" + _TIME.format(p="a") + r"(?:\s*(?:-|–|—|à|a|/|>|au|\|)\s*" + _TIME.format(p="b") + r")?"
)
SESSION_START = re.compile(r"^" + _RANGE + r"(?:\s*(?:[:|\-–—.]|\))\s*|\s+|$)", re.I)
SESSION_END = re.compile(r"^(?P<title>[^\d:|]{3,80}?)\s*(?:[:|\-–—(]|\bde\b)\s*" + _RANGE + r"\s*\)?\s*$", re.I)
# "Matin : 9h30 - 12h00 : Titre", "Témoignage : 9h30 – 10h15 : « Titre »": a label, then the time, then the title.
LABELLED = re.compile(r"^(?P<label>[^\d:|]{3,40}?)\s*:\s*" + _RANGE + r"\s*(?:[:,–—-]\s*(?P<rest>.*))?$", re.I)
_PART_OF_DAY = re.compile(r"^(?:matin(?:[ée]e)?|apr[èe]s-?midi|soir(?:[ée]e)?|midi|journ[ée]e|horaires?|de|le)$", re.I)
_PRACTICAL_ASIDE = re.compile(
    r"\s*\((?=[^)]*(?:inscription|places?|r[ée]servation|gratuit|salle|sur place))[^)]*\)\s*$", re.I
)
# "Tous les webinaires ont lieu de 11h00 à 12h30", "Chaque rencontre a lieu de 9h30 à 12h30": one slot for every meeting.
COMMON_SLOT = re.compile(
    r"\b(?:tous|toutes|chaque|les)\b[^.\n]{0,60}?\b(?:ont|a|auront|aura)\s+lieu\b[^.\n]{0,40}?"
    r"\bde\s+" + _TIME.format(p="a") + r"\s*(?:à|-|–)\s*" + _TIME.format(p="b"),
    re.I,
)
_CLOCK = re.compile(r"\b[0-2]?\d\s*[hH]\s*(?:[0-5]\d)?\b|\b[0-2]?\d:[0-5]\d\b")
_BARE_TIME_LINE = re.compile(r"^(?:de\s+)?" + _RANGE + r"$", re.I)
_SPEAKER_CUT = re.compile(
    r",?\s+(?:avec|par|anim[ée]e?s? par|pr[ée]sent[ée]e?s? par|en pr[ée]sence d[eu])\s+(?=(?:M\.|Mme|Dr|Pr|Me|[A-ZÀ-Ý]))"
    r"|,\s+(?=[A-ZÀ-Ý][a-zß-ÿ]+(?:-[A-ZÀ-Ý][a-zß-ÿ]+)?\s+[A-ZÀ-Ý]{2,}\b)"
)
_MARKER = re.compile(r"^#?\s*\d{1,2}$")
_MONTH_SESSION = re.compile(
    r"^(?:module|tutorat|atelier|s[ée]ance|session|journ[ée]e|visite|regroupement|conf[ée]rence|s[ée]minaire|"
    r"webinaire|soutenance|jury|cours|regroupement|table ronde|rencontre)\b",
    re.I,
)
ONLINE = re.compile(r"webinaire|webinar|visio|en ligne|distanciel|[àa] distance|zoom|teams|livestream", re.I)
PUBLIC = re.compile(r"ouverte? (?:à tous|au (?:grand )?public|à toutes)|tout public|entr[ée]e libre", re.I)
_NOT_A_SESSION = re.compile(
    r"^(?:horaires?|dur[ée]e|accueil t[ée]l[ée]phonique|permanence|ouverture des portes)\b", re.I
)


@dataclass
class Session:
    date: str | None
    start: str | None
    end: str | None
    title: str | None
    mode: str | None = None
    open_to_public: bool | None = None
    line: int = 0
    whole: bool = False  # the event's own slot, read from its date line ("Jeudi 6 février, de 8h45 à 12h30")

    def as_dict(self) -> dict:
        return {
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "title": self.title or "",
            "mode": self.mode,
            "open_to_public": self.open_to_public,
        }


@dataclass
class TimeSlot:
    start: str | None
    end: str | None
    problem: str | None = None


def parse_slot(match: re.Match, warnings: list[str], source: str) -> TimeSlot:
    """Read "9h", "9h30 - 10h", "14:00" into HH:MM; an impossible time is a warning, not a guess."""
    start = _hhmm(match.group("ah"), match.group("am"))
    end = _hhmm(match.group("bh"), match.group("bm")) if match.groupdict().get("bh") else None
    for value in (start, end):
        if value == "invalid":
            warnings.append(gettext("« %(source)s » : l'horaire n'existe pas.") % {"source": source})
            return TimeSlot(None, None, "invalid")
    if start and end and end < start:
        warnings.append(
            gettext("« %(source)s » : la fin (%(end)s) est avant le début (%(start)s).")
            % {"source": source, "end": end, "start": start}
        )
    return TimeSlot(start, end)


def _hhmm(hours: str | None, minutes: str | None) -> str | None:
    if hours is None:
        return None
    h, m = int(hours), int(minutes or 0)
    if h > 23 or m > 59:
        return "invalid"
    return f"{h:02d}:{m:02d}"


class ProgrammeReader:
    """Walks the lines once, keeping the current day, and collects sessions."""

    def __init__(self, doc: Document, mentions: list[DateMention], warnings: list[str]):
        self.doc = doc
        self.warnings = warnings
        self.by_line: dict[int, list[DateMention]] = {}
        for m in mentions:
            self.by_line.setdefault(m.line.index, []).append(m)
        self.sessions: list[Session] = []
        self.day_lines: list[tuple[int, str]] = []  # (line index, date) where a day opens

    def read(self) -> list[Session]:
        current: str | None = None
        lines = self.doc.lines
        skip_until = -1
        for i, line in enumerate(lines):
            if i <= skip_until:
                continue
            if line.rule or (line.heading and line.heading <= 2 and not self._heading_date(line)):
                current = None
                continue
            heading_date = self._heading_date(line)
            if heading_date:
                current = heading_date
                self.day_lines.append((i, current))
                rest = re.sub(r"^(?:[·•,|–—-]|\bà\b|\s)+", "", self._after_dates(line))
                match = SESSION_START.match(rest) if rest else None
                if match and (match.group("am") or re.match(r"^\D*\d{1,2}\s*[hH]", rest)):
                    remainder = rest[match.end() :].strip(" ·•,|–—-")
                    skip_until = self._session_from_time(i, match, "", current, mode_hint=remainder)
                    if self.sessions and self.sessions[-1].line == i:
                        self.sessions[-1].whole = True
                continue
            last = self._session_from_line(i, line, current)
            if last is not None:
                skip_until = last
            elif (
                current
                and len(current) == 7
                and _MONTH_SESSION.match(line.text)
                and len(line.text) <= 120
                and not line.heading
            ):
                self.sessions.append(Session(current, None, None, tidy_case(line.text), line=i))
        self._untimed_rows()
        self._untimed_headings()
        return self.sessions

    def _untimed_rows(self) -> None:
        """A table row "Mercredi 15 janvier 2025 | Thème | Intervenant" or "Octobre 2024 | Module 1 | 4 jours"."""
        used = {s.line for s in self.sessions}
        for i, line in enumerate(self.doc.lines):
            if i in used or " | " not in line.text or _CLOCK.search(line.text):
                continue
            row_dates = [m for m in self.by_line.get(i, []) if not m.ignored and m.iso() and m.start <= 12]
            if not row_dates:
                continue
            cells = [c.strip() for c in line.text[max(m.end for m in row_dates) :].split(" | ")]
            title = next(
                (
                    c
                    for c in cells
                    if len(re.findall(r"[^\W\d]{3,}", c)) >= 2
                    and not re.fullmatch(r"[\d,.]+\s*(?:jours?|heures?|h|demi-journ[ée]es?)", c, re.I)
                ),
                None,
            )
            if title:
                self.sessions.append(Session(row_dates[0].iso(), None, None, tidy_case(title), line=i))

    def _untimed_headings(self) -> None:
        """Several day headings, each followed by a short title line and nothing timed: a cycle of meetings."""
        found = []
        lines = self.doc.lines
        dated = {s.date for s in self.sessions}
        for i, date in self.day_lines:
            if date in dated or i + 1 >= len(lines):
                continue
            following = lines[i + 1]
            text = following.text
            if (
                self._heading_date(following)
                or self._starts_session(following)
                or following.rule
                or following.heading
                or len(text) > 120
                or text.endswith(".")
                or re.search(r"\d", text)
                or "@" in text
                or following.para > lines[i].para + 1
            ):
                continue
            found.append(Session(date, None, None, tidy_case(text), line=i))
        if len(found) >= 2:
            self.sessions.extend(found)

    def _heading_date(self, line: Line) -> str | None:
        """A short line made mostly of a date opens a day ("MARDI 12 OCTOBRE", "Semaine 2/novembre 2020")."""
        mentions = [m for m in self.by_line.get(line.index, []) if not m.ignored and m.iso()]
        if not mentions or len(line.text) > 70 or line.text.endswith("."):
            return None
        rest = self._after_dates(line)
        rest = re.sub(r"^(?:[:,\-–|]\s*)?", "", rest)
        rest_words = [w for w in re.findall(r"[^\W\d]{2,}", rest) if fold(w) not in {"de", "le", "la", "du", "et", "h"}]
        before = line.text[: mentions[0].start]
        if len(re.findall(r"[^\W\d]{3,}", before)) > 4 or len(rest_words) > 3:
            return None
        return mentions[0].iso()

    def _after_dates(self, line: Line) -> str:
        mentions = self.by_line.get(line.index, [])
        end = max(m.end for m in mentions)
        return line.text[end:].strip(" ,:;–-|")

    def _session_from_line(self, i: int, line: Line, current: str | None) -> int | None:
        """Read a session starting on this line; return the last line it uses, or None."""
        text = line.text
        row_dates = [m for m in self.by_line.get(i, []) if not m.ignored and m.iso() and m.start <= 12]
        if row_dates:  # a table row or a line "Mardi 12 octobre | 9h-12h | Atelier"
            current = row_dates[0].iso()
            text = line.text[max(m.end for m in row_dates) :].strip(" ,:;–-|")
        if _NOT_A_SESSION.match(text) or line.heading and not _BARE_TIME_LINE.match(text):
            return None
        match = SESSION_START.match(text)
        if match and (match.group("am") or re.match(r"^\D*\d{1,2}\s*[hH]", text) or ":" in match.group(0)[:6]):
            title = text[match.end() :].strip()
            if re.match(r"^(?:de|d'|par|pour|du|et|heures?)\b", title, re.I) or TIME.search(title[:12] or "x9"):
                return None
            return self._session_from_time(i, match, title, current)
        match = LABELLED.match(text)
        if match and (match.group("am") or re.search(r"\d\s*[hH]", match.group(0))):
            label, rest = match.group("label").strip(), (match.group("rest") or "").strip()
            cut = _SPEAKER_CUT.search(rest) if rest else None
            rest = rest[: cut.start()] if cut else rest
            if _PART_OF_DAY.match(label):
                title = rest or label
            else:
                title = f"{label} : {rest}" if rest and not re.match(r"^(?:par|avec)\b", rest, re.I) else label
            return self._session_from_time(i, match, title, current)
        match = SESSION_END.match(text)
        if match and not TIME.search(match.group("title")):
            return self._session_from_time(i, match, match.group("title").strip(), current)
        return None

    def _session_from_time(
        self, i: int, match: re.Match, title: str, current: str | None, mode_hint: str | None = None
    ) -> int:
        line = self.doc.lines[i]
        slot = parse_slot(match, self.warnings, line.text)
        title = title.strip(" |:–-")
        if slot.problem:
            return i
        last = i
        extra: list[str] = []
        if not title and mode_hint is not None and (mode_hint or line.text != match.group(0)):
            extra.append(mode_hint)  # "Mardi 16 janvier, 14h-15h30 — en ligne": the event itself
        elif not title:
            title, last = self._title_after(i)
        else:
            # A title may wrap onto the next lines of the same paragraph.
            j = i + 1
            while (
                j < len(self.doc.lines)
                and self.doc.lines[j].para == line.para
                and not self._starts_session(self.doc.lines[j])
            ):
                extra.append(self.doc.lines[j].text)
                j += 1
            last = j - 1
        context = " ".join([title or ""] + extra)
        cut = _SPEAKER_CUT.search(title or "")
        if cut:
            title = title[: cut.start()]
        if title:
            title = _PRACTICAL_ASIDE.sub("", title)
        public = PUBLIC.search(context)
        if title:
            title = PUBLIC.sub("", title).strip(" .,;:-–")
        session = Session(
            date=current if current and len(current) == 10 else current,
            start=slot.start,
            end=slot.end,
            title=tidy_case(title) if title else None,
            mode="distanciel" if ONLINE.search(context) else None,
            open_to_public=True if public else None,
            line=i,
        )
        self.sessions.append(session)
        return last

    def _starts_session(self, line: Line) -> bool:
        match = SESSION_START.match(line.text)
        if match and (match.group("am") or re.match(r"^\D*\d{1,2}\s*[hH]", line.text)):
            return True
        match = LABELLED.match(line.text) or SESSION_END.match(line.text)
        return bool(match and (match.group("am") or re.search(r"\d\s*[hH]", match.group(0))))

    def _title_after(self, i: int) -> tuple[str | None, int]:
        """The title of a session written as a lone time: the next paragraph, unless it is prose."""
        lines = self.doc.lines
        j = i + 1
        while j < len(lines) and (_MARKER.match(lines[j].text) or lines[j].rule is False and not lines[j].text):
            j += 1
        if j >= len(lines) or self._starts_session(lines[j]) or self._heading_date(lines[j]) or lines[j].rule:
            return None, i
        para = [ln for ln in lines[j:] if ln.para == lines[j].para]
        para = para[: next((k for k, ln in enumerate(para) if self._starts_session(ln)), len(para))]
        text = " ".join(ln.text for ln in para)
        last = para[-1].index
        cut = _SPEAKER_CUT.search(text)
        if cut:
            text = text[: cut.start()]
        if _is_prose(text):
            first = para[0]
            if (first.bold or first.heading) and len(first.text) <= 100:
                return first.text, first.index
            return None, i
        if not cut and len(text.split()) <= 4:
            k = last + 1
            while k < len(lines) and _MARKER.match(lines[k].text):
                k += 1
            if (
                k < len(lines)
                and not lines[k].rule
                and not self._starts_session(lines[k])
                and not self._heading_date(lines[k])
            ):
                following = [ln for ln in lines[k:] if ln.para == lines[k].para]
                more = " ".join(ln.text for ln in following)
                if not _is_prose(more) and len(more) <= 200:
                    return f"{text} : {more}", following[-1].index
        return text, last


def _is_prose(text: str) -> bool:
    return len(text) > 160 or (len(text.split()) > 14 and text.rstrip().endswith("."))


def quoted_sessions(doc: Document, mentions: list[DateMention]) -> list[Session]:
    """ "la journée régionale « Titre » le 15 juin 2011": an untimed session named in prose."""
    sessions = []
    for m in mentions:
        if m.ignored or m.day is None or not m.iso():
            continue
        before = m.line.text[: m.start]
        match = re.search(
            r"(journ[ée]e|s[ée]minaire|conf[ée]rence|rencontre|colloque|forum|webinaire)[^«]{0,40}«\s*([^»]{8,150}?)\s*»\s*,?\s*(?:le|du)?\s*$",
            before,
            re.I,
        )
        if match:
            sessions.append(Session(m.iso(), None, None, match.group(2), line=m.line.index))
    return sessions
