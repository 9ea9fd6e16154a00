"""Announcement text → the structured draft described by announcement.schema.json.

Each field has its own extractor (dates.py, programme.py, people.py, practical.py);
this module reads the title and format, settles the event's dates and assembles
the result. What the text does not say stays empty; what looks wrong is kept and
explained in ``warnings``.
"""

from __future__ import annotations

import re
from collections import Counter

from . import practical
from .dates import DAY_MONTH, DateMention, DateResolver, bare_years, find_mentions
from .document import Document, Line, fold, is_upper, tidy_case
from .people import find_organizers, find_speakers
from .programme import COMMON_SLOT, ONLINE, ProgrammeReader, Session, quoted_sessions
from .reading import UnreadableAnnouncement, clean_text, read_bytes

__all__ = ["UnreadableAnnouncement", "parse_announcement_bytes", "parse_announcement_text"]


def parse_announcement_bytes(data: bytes, filename: str) -> dict:
    """Parse an uploaded file; raises UnreadableAnnouncement for a file that cannot be read."""
    return parse_text(read_bytes(data, filename))


def parse_announcement_text(text: str) -> dict:
    """Parse pasted text; raises UnreadableAnnouncement when there is nothing to read."""
    return parse_text(clean_text(text))


def parse_text(text: str) -> dict:
    doc = Document(text)
    mentions = find_mentions(doc)
    resolver = DateResolver(mentions, bare_years(doc))
    warnings = list(resolver.warnings)

    reader = ProgrammeReader(doc, mentions, warnings)
    sessions = reader.read()
    title_line, title, subtitle = find_title(doc)
    format_ = find_format(doc, title)
    known = {s.date for s in sessions}
    sessions += [s for s in quoted_sessions(doc, mentions) if s.date not in known]
    sessions = _unique_sessions(sessions)
    sessions = [s for s in sessions if not (s.whole and any(o.date == s.date and o is not s for o in sessions))]
    _apply_common_slot(sessions, doc)
    start, end = event_dates(mentions, sessions, format_)
    if not sessions and start and start == end:
        sessions = _prose_session(mentions, start)
    venues = practical.find_venues(doc)
    _complete_sessions(sessions, start, end, title, doc, reader.day_lines, venues)
    organizers, partners = find_organizers(doc)
    return {
        "title": title,
        "subtitle": subtitle,
        "format": format_,
        "organizers": organizers,
        "partners": partners,
        "start_date": start,
        "end_date": end,
        "sessions": [s.as_dict() for s in sorted(sessions, key=lambda s: (s.date or "", s.start or "", s.line))],
        "speakers": find_speakers(doc),
        "prices": practical.find_prices(doc),
        "capacity": practical.find_capacity(doc),
        "venues": venues,
        "emails": practical.find_emails(doc),
        "phones": practical.find_phones(doc),
        "registration_urls": practical.find_registration_urls(doc),
        "documents": practical.find_documents(doc),
        "identifiers": practical.find_identifiers(doc),
        "warnings": _unique_strings(warnings),
    }


# --- Title ------------------------------------------------------------------------------

_LABEL = re.compile(
    r"^(?:programme|contact|invitation|save the date|informations?|inscriptions?|objectifs?|contenus?|public|tarifs?|"
    r"lieux?|dates?|horaires?|modalit[ée]s.*|pr[ée]sentation|en partenariat avec|partenaires?|intervenant.*|"
    r"co[uû]t.*|accueil|acc[eè]s|retour.*|menu|actualit[ée]s|agenda|pi[èe]ces.*|liste des.*|s[ée]minaire de formation|"
    r"formation|journ[ée]e d'[ée]tude|webinaire|conf[ée]rence|atelier|rencontres?)\s*:?$",
    re.I,
)
_SECTION_WORDS = {
    "objectifs",
    "objectif",
    "competences",
    "debouches",
    "public",
    "publics",
    "programme",
    "modalites",
    "contenus",
    "contenu",
    "evaluation",
    "approche",
    "moyens",
    "informations",
    "presentation",
    "contexte",
    "deroulement",
    "inscription",
    "inscriptions",
    "tarifs",
    "tarif",
    "lieu",
    "lieux",
    "acces",
    "contact",
    "contacts",
    "prerequis",
    "duree",
    "methodes",
    "methode",
    "intervenants",
    "intervenant",
    "partenaires",
    "organisation",
    "candidatures",
    "thematiques",
    "pieces",
    "liste",
    "retour",
    "horaires",
    "dates",
    "date",
    "cout",
    "financement",
    "pour",
}
_NOT_TITLE = re.compile(r"@|https?://|www\.|€|\d{2}[ .]\d{2}[ .]\d{2}|^\W|cookies?|javascript|accueil\b.*>|>", re.I)


def find_title(doc: Document) -> tuple[Line | None, str, str | None]:
    """The event's name: a short block that stands out (heading, bold, repeated, early), not a sentence."""
    subject = _mail_subject(doc)
    if subject:
        return subject[0], subject[1], None
    flat = fold(doc.flat)
    # A heading level used for many sections ("## Objectifs", "## Public"…) does not mark the title.
    levels = Counter(ln.heading for ln in doc.lines if ln.heading)
    best, best_score = None, -99.0
    paragraphs = doc.paragraphs
    for rank, para in enumerate(paragraphs[:60]):
        lines = _title_lines(para)
        text = " ".join(ln.text for ln in lines)
        if (lines[0].bold or lines[0].heading or is_upper(text)) and len(text) < 250:
            text = text.rstrip(".")
        score = _title_score(text, lines[0], lines, rank, flat)
        if lines[0].heading and levels[lines[0].heading] > 2:
            score -= {1: 6, 2: 3.5, 3: 1.5}.get(lines[0].heading, 0) * 0.8
        if score > best_score:
            best, best_score = (para, lines, text), score
    if best is None:
        return None, "", None
    para, lines, text = best
    title = tidy_case(_without_dates(text))
    rest = para[len(lines) :]
    subtitle = tidy_case(" ".join(ln.text for ln in rest)) if rest and len(rest) <= 2 else _subtitle(doc, para)
    return para[0], title, subtitle


_SUBJECT = re.compile(r"^(?:objet|subject|sujet)\s*:\s*(?:(?:tr|fw|fwd|re)\s*:\s*)*(?P<subject>.{6,200})$", re.I)
_MAIL_HEADER = re.compile(r"^(?:de|from|envoy[ée]|sent|date|[àa]|to|cc)\s*:", re.I)


def _mail_subject(doc: Document) -> tuple[Line, str] | None:
    """An e-mail's subject names the meeting: "Objet : Invitation – Comité local… – 18 novembre"."""
    head = doc.lines[:8]
    if sum(bool(_MAIL_HEADER.match(ln.text)) for ln in head) < 2:
        return None
    for line in head:
        match = _SUBJECT.match(line.text)
        if match:
            text = re.sub(
                r"^(?:invitation|save the date|rappel|convocation|information)\s*(?:[:–—-]\s*|\s+(?:[àa]\s+la|au|aux)\s+)",
                "",
                match.group("subject"),
                flags=re.I,
            )
            text = re.split(r"\s+[–—-]\s+(?=[^–—-]*\d)", text)[0]
            return line, tidy_case(text.strip(" –—-"))
    return None


def _title_lines(para: list[Line]) -> list[Line]:
    """A bold block and its lowercase continuation ("**L'INTERVENTION COLLECTIVE** / dans l'action sociale")."""
    if not para[0].bold:
        return para[:3] if len(para) > 4 else para
    lines = list(para[:8])
    bold = 0
    while bold < len(lines) and lines[bold].bold:
        bold += 1
    while bold < len(lines) and lines[bold].text[:1].islower():
        bold += 1
    return lines[:bold]


def _title_score(text: str, head: Line, para: list[Line], rank: int, flat: str) -> float:
    plain = _without_dates(text)
    words = plain.split()
    if not plain or _NOT_TITLE.search(plain) or _LABEL.match(plain.strip(" :")) or len(words) < 2:
        return -99.0
    score = 0.0
    score += {1: 6, 2: 3.5, 3: 1.5}.get(head.heading, 0)
    score += 2.5 if all(ln.bold for ln in para) else (1.5 if head.bold else 0)
    score += 1.0 if is_upper(plain) and len(words) <= 16 else 0
    repeats = flat.count(fold(plain)[:60]) if len(plain) >= 12 else 1
    score += 2.5 * min(repeats - 1, 2)
    score += max(0.0, 2.5 - rank * 0.25)
    score += 1.0 if plain.endswith("?") else 0
    if 3 <= len(words) <= 16:
        score += 1.5
    elif len(words) > 25:
        score -= 4
    if plain.endswith(".") or plain.endswith(","):
        score -= 3
    if plain.endswith(":") or re.search(r"\s:\s*$", plain):
        score -= 4
    date = DAY_MONTH.search(plain)
    if date:  # "SAVE THE DATE 12 - 13 octobre" or a day heading is not the name
        score -= 99 if len(re.findall(r"[^\W\d]{3,}", plain.replace(date.group(0), ""))) < 2 else 3
    if re.search(r"\d{1,2}\s*h\s*\d{0,2}\b", plain):
        score -= 3
    if head.item:
        score -= 2
    if fold(words[0]).strip(":") in _SECTION_WORDS:
        score -= 4
    if plain[:1].islower():
        score -= 3
    if (
        re.match(r"^(?:le|la|les|l'|un|une|des|ce|cette|il|elle|nous|vous|pour|c'est|dans|avec|par|sur)\b", fold(plain))
        and not (head.heading or head.bold)
        and len(words) > 10
    ):
        score -= 2
    return score


def _without_dates(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" -–|,")


def _subtitle(doc: Document, para: list[Line]) -> str | None:
    index = doc.paragraphs.index(para)
    if index + 1 >= len(doc.paragraphs):
        return None
    following = doc.paragraphs[index + 1]
    text = " ".join(ln.text for ln in following)
    if following[0].bold or following[0].heading >= 2 or following[0].text.endswith(":"):
        if 8 <= len(text) <= 200 and not re.search(r"\d", text) and not _LABEL.match(text):
            return tidy_case(text)
    return None


# --- Format -----------------------------------------------------------------------------

_FORMATS = [
    (
        "formation_longue",
        r"certificat|dipl[ôo]me|cursus|formation longue|\d{2,3}\s*h(?:eures)? de formation|modules?\s+\d",
    ),
    ("cycle", r"\bcycle\b"),
    ("webinaire", r"webinaire|webinar"),
    ("matinee", r"matin[ée]e|demi-journ[ée]e"),
    ("rencontres", r"\brencontres\b"),
    ("seminaire", r"s[ée]minaire"),
    ("conference", r"conf[ée]rence|colloque"),
    ("atelier", r"\bateliers?\b"),
    ("journee", r"journ[ée]e"),
]


def find_format(doc: Document, title: str) -> str:
    """The kind of event: a cycle or a long training says so; else the title decides, then the text's most frequent word."""
    if re.search(
        r"\bcycle (?:de|d')\s*(?:\d+\s+)?(?:s[ée]minaires|rencontres|conf[ée]rences|journ[ée]es|formations|ateliers)",
        doc.text,
        re.I,
    ):
        return "cycle"
    for name, pattern in _FORMATS:
        if re.search(pattern, title, re.I):
            return name
    counts = Counter()
    head = fold(" ".join(ln.text for ln in doc.lines[:40]))
    for name, pattern in _FORMATS:
        counts[name] = len(re.findall(pattern, head, re.I))
    if counts["formation_longue"] >= 2:
        return "formation_longue"
    if counts["cycle"]:
        return "cycle"
    if counts["matinee"] and re.search(r"\b(?:[6-9]|1[0-2])\s*h", head) and not re.search(r"\b1[4-9]\s*h", head):
        return "matinee"
    name, count = max(((n, c) for n, c in counts.items() if n != "formation_longue"), key=lambda nc: nc[1])
    return name if count else "autre"


# --- Event dates and sessions -------------------------------------------------------------


def event_dates(mentions: list[DateMention], sessions: list[Session], format_: str) -> tuple[str | None, str | None]:
    """First and last day, from the programme and the dates that stand out (short lines, ranges)."""
    candidates = [s.date for s in sessions if s.date]
    prominent = [
        m for m in mentions if not m.ignored and m.iso() and (len(m.line.text) <= 80 or m.range_with or m.extra_days)
    ]
    for m in prominent:
        candidates.append(m.iso())
        if m.range_with and m.range_with.iso():
            candidates.append(m.range_with.iso())
        for day in m.extra_days:
            candidates.append(f"{m.iso()[:8]}{day:02d}" if m.day else m.iso())
    if not sessions and not candidates:
        candidates = [m.iso() for m in mentions if not m.ignored and m.iso()]
    if not candidates:
        return None, None
    candidates = _near_main_year(candidates)
    start = min(candidates, key=lambda d: (d[:7], len(d) == 7, d))
    end = max(candidates, key=lambda d: (d[:7], len(d) == 10, d))
    if format_ == "cycle" and start == end:
        return start, None
    return start, end


def _near_main_year(dates: list[str]) -> list[str]:
    """Keep the dates within a year or so of the others: "le forum de juin 2015" is another event."""
    years = Counter(int(d[:4]) for d in dates)
    main = years.most_common(1)[0][0]
    kept = [d for d in dates if abs(int(d[:4]) - main) <= 1]
    return kept or dates


def _complete_sessions(
    sessions: list[Session],
    start: str | None,
    end: str | None,
    title: str,
    doc: Document,
    day_lines: list[tuple[int, str]],
    venues: list[dict],
) -> None:
    """Fill what the programme leaves implicit: the single day's date, the title, on site or online."""
    online_anywhere = bool(ONLINE.search(doc.text))
    for session in sessions:
        if session.date is None and start and start == end:
            session.date = start
        if not session.title:
            session.title = title
        if session.mode is None and venues:
            day_start = max((i for i, d in day_lines if i <= session.line), default=-1)
            day_end = min((i for i, d in day_lines if i > session.line), default=len(doc.lines))
            venue_in_day = (
                any(
                    practical.STREET.search(ln.text) or practical.POSTCODE_CITY.search(ln.text)
                    for ln in doc.lines[max(day_start, 0) : day_end]
                )
                and day_start >= 0
            )
            if venue_in_day or not online_anywhere:
                session.mode = "presentiel"


def _apply_common_slot(sessions: list[Session], doc: Document) -> None:
    """ "Chaque rencontre a lieu de 9h30 à 12h30": the meetings listed without a time take that slot."""
    match = COMMON_SLOT.search(doc.flat)
    if not match:
        return
    start, end = (
        f"{int(match.group('ah')):02d}:{match.group('am') or '00'}",
        f"{int(match.group('bh')):02d}:{match.group('bm') or '00'}",
    )
    if start > end or end > "23:59":
        return
    for session in sessions:
        if session.start is None and session.date and len(session.date) == 10:
            session.start, session.end = start, end


_PROSE_SLOT = re.compile(
    r"\bde\s+(?P<ah>[0-2]?\d)\s*[hH:]\s*(?P<am>[0-5]\d)?\s*(?:à|-|–)\s*(?P<bh>[0-2]?\d)\s*[hH:]\s*(?P<bm>[0-5]\d)?"
)


def _prose_session(mentions: list[DateMention], date: str) -> list[Session]:
    """ "…se tiendra le mardi 18 novembre 2025 de 14h00 à 16h30 à…": a one-day event's slot written in a sentence."""
    for m in mentions:
        if m.ignored or m.iso() != date:
            continue
        match = _PROSE_SLOT.match(m.line.text[m.end : m.end + 12].lstrip(" ,")) or _PROSE_SLOT.search(
            m.line.text[m.end : m.end + 8]
        )
        if match and int(match.group("ah")) < 24 and int(match.group("bh")) < 24:
            start = f"{int(match.group('ah')):02d}:{match.group('am') or '00'}"
            end = f"{int(match.group('bh')):02d}:{match.group('bm') or '00'}"
            if start < end:
                return [Session(date, start, end, None, line=m.line.index)]
    return []


def _unique_sessions(sessions: list[Session]) -> list[Session]:
    kept: dict[tuple, Session] = {}
    for s in sessions:
        key = (s.date, s.start, s.end, s.title if not s.start else None)
        kept.setdefault(key, s)
    return list(kept.values())


def _unique_strings(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))
