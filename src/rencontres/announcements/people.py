"""Speakers and organising bodies.

A person is a known first name followed by a capitalised surname: without the
first-name list, "Université Jean Monnet" or "Théâtre Alexandre-Dumas" would pass
for people. Only names in a speaker's position count (after "avec", "par", at the
head of a list item or of a paragraph followed by a description, or under an
"Intervenants" heading); contacts and hosts are not speakers.
"""

from __future__ import annotations

import re

from .document import Document, Line, fold
from .first_names import FIRST_NAMES

_UP = "A-ZÀ-ÖØ-Ý"
_LOW = "a-zß-öø-ÿ"
_TOKEN = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)*"
_SURNAME = rf"(?:[{_UP}][{_LOW}'’]+|[{_UP}]{{2,}})(?:-(?:[{_UP}][{_LOW}]+|[{_UP}]{{2,}}))*"
_PARTICLE = r"(?:de la|de|De|du|Du|des|van der|van|Van|von|Le|La|d'|D'|d’|dos|da|del|Ben|ben)"
PERSON = re.compile(
    rf"(?<![\w'’-])(?P<first>{_TOKEN})\s+(?P<last>(?:{_PARTICLE}\s*)?{_SURNAME}(?:\s+{_SURNAME}(?=\s*[,(]))?)(?![\w'’-])"
)
_CIVILITY = r"(?:(?:M\.|Mme|Mlle|Monsieur|Madame|Dr|Docteure?|Pr|Professeure?|Me)\s+)?"
SPEAKER_TRIGGER = re.compile(
    rf"\b(?i:avec|par|accompagn[ée]e?s? de|anim[ée]e?s? par|pr[ée]sent[ée]e?s? par|intervention de|en pr[ée]sence de|"
    rf"conf[ée]rence de|témoignage de|intervenant(?:e|\(e\)|\.e)?s?\s*:|format(?:eur|rice)s?\s*:|introduction par|animation\s*:|avec\s*:)\s*{_CIVILITY}(?=[{_UP}])"
)
SPEAKER_HEADING = re.compile(
    r"intervenant|interventions?\b|orateur|oratrice|conf[ée]rencier|formateur|formatrice|"
    r"animation|anim[ée] par|speakers?|avec la participation|les invit[ée]s",
    re.I,
)
CONTACT = re.compile(
    r"contact|renseignement|rapprochez|informations?\b|inscription|t[ée]l\b|t[ée]l[ée]phone|"
    r"courriel|e-mail|@|\b0\d(?:[ .]?\d\d){4}\b",
    re.I,
)
_NOT_SURNAME = {
    "président",
    "présidente",
    "maire",
    "directeur",
    "directrice",
    "université",
    "conseil",
    "ville",
    "mairie",
    "sociologue",
    "professeur",
    "docteur",
    "chargé",
    "chargée",
    "responsable",
    "madame",
    "monsieur",
}


_NOT_SURNAME_FOLDED = {fold(w) for w in _NOT_SURNAME}
# Capitalised words that open a place, a body or a sentence, never a person's name.
_NOT_FIRST = re.compile(
    r"^(?:universit|centre|maison|conseil|ville\b|associ|france\b|direction|d[ée]partement|espace|salle|h[ôo]tel|mairie|"
    r"institut|[ée]cole|caisse|f[ée]d[ée]ration|r[ée]seau|service|p[ôo]le|agence|cit[ée]\b|parc\b|m[ée]diath|biblioth|"
    r"auditorium|th[ée][âa]tre|campus|coll[èe]ge|lyc[ée]e|mission|plateforme|minist|pr[ée]fect|r[ée]gion|m[ée]tropole|"
    r"communaut|union\b|collectif|comit[ée]|observatoire|fondation|groupe|office|atelier|table\b|session|module|"
    r"s[ée]ance|journ[ée]e|conf[ée]rence|accueil|ouverture|cl[ôo]ture|pause|d[ée]jeuner|synth[èe]se|adh[ée]rent|"
    r"non\b|tarif|[ée]tudiant|b[ée]n[ée]vole|personnes?\b|public|salari|inscription|contact|lieu\b"
    r")",
    re.I,
)
_NOT_FIRST_WORD = re.compile(
    r"^(?:rue|avenue|place|boulevard|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|f[ée]vrier|mars|avril|"
    r"mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|le|la|les|un|une|des|du|de|au|aux|pour|avec|par|"
    r"dans|sur|en|et|ou|nous|vous|ce|cette|votre|notre|tous|toutes|madame|monsieur|bonjour)\b",
    re.I,
)
_CIVILITY_BEFORE = re.compile(r"(?:\bM\.|\bMmes?|\bMlle|\bDr|\bPr|\bMe|\bDocteure?|\bProfesseure?|\bMa[îi]tre)\.?\s*$")
_ROLE_AFTER = re.compile(r"^\s*(?:,|\(|–|—|-\s)\s*[a-zß-ÿ]")


def is_person(first: str, last: str) -> bool:
    head = fold(first.split("-")[0])
    return head in FIRST_NAMES and fold(last) not in _NOT_SURNAME_FOLDED and len(last) >= 2


def _capital_surname(last: str) -> bool:
    letters = re.sub(r"[^\w]", "", last)
    return len(letters) >= 2 and letters.isupper()


def plausible_person(match: re.Match, text: str, triggered: bool = False) -> bool:
    """A listed first name, or an unlisted one that its setting vouches for: a title in front
    ("Dr", "Me"), a surname in capitals ("Maëlys KERGOAT") or a role after a comma."""
    first, last = match.group("first"), match.group("last")
    if is_person(first, last):
        return True
    after = text[match.end() :]
    if (
        fold(last) in _NOT_SURNAME_FOLDED
        or _NOT_FIRST.match(first)
        or _NOT_FIRST_WORD.match(first)
        or _NOT_FIRST.match(last)
        or after.lstrip()[:1] == ":"
    ):
        return False
    if _CIVILITY_BEFORE.search(text[: match.start()]):
        return True
    if re.match(r"^(?:de|du|des|d'|d’)", last):  # "Yvelines de la Croix-Rouge": a place, unless a title says otherwise
        return False
    return bool(
        _capital_surname(last) or _ROLE_AFTER.match(after) or (triggered and re.match(r"^\s*(?:[,(]|$)", after))
    )


def _clean_name(match: re.Match) -> str:
    last = match.group("last")
    if _capital_surname(last):  # "Gwenvaël LE ROUX" is written "Gwenvaël Le Roux"
        last = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), last.lower())
    return f"{match.group('first')} {last}".replace("’", "'")


def find_speakers(doc: Document, exclude_lines: set[int] = frozenset()) -> list[dict]:
    found: dict[str, dict] = {}

    def add(name: str, description: str | None) -> None:
        key = fold(name).replace("-", " ")
        description = _tidy_description(description)
        if key not in found:
            found[key] = {"name": name, "description": description}
        elif description and not found[key]["description"]:
            found[key]["description"] = description

    in_section = False
    signed = False
    for para in doc.paragraphs:
        head = para[0]
        if signed:  # the signature under "Bien cordialement" is the sender, not a speaker
            signed = False
            continue
        signed = bool(_CLOSING.match(para[-1].text))
        if head.heading or (len(para) == 1 and len(head.text) < 80 and (head.bold or head.text.endswith(":"))):
            in_section = bool(SPEAKER_HEADING.search(head.text)) and not CONTACT.search(head.text)
            if head.heading or len(para) == 1:
                continue
        for k, line in enumerate(para):
            if line.index in exclude_lines or _is_contact(line.text) and not in_section:
                continue
            if in_section:
                for match in PERSON.finditer(line.text):
                    if plausible_person(match, line.text):
                        add(_clean_name(match), _description_after(line.text, match.end(), para[k + 1 :]))
                continue
            for start in _cell_starts(line.text) if (line.item or k == 0 or " | " in line.text) else ():
                match = PERSON.match(line.text, start)
                if match and (line.item or k == 0 or start > 0) and plausible_person(match, line.text):
                    rest = line.text[match.end() :]
                    following = list(para[k + 1 :]) if start == 0 else []
                    if re.match(r"^\s*[,(:–—-]", rest) or (not rest.strip() and following):
                        add(_clean_name(match), _description_after(line.text, match.end(), following))
            for trigger in SPEAKER_TRIGGER.finditer(line.text):
                match = PERSON.match(line.text, trigger.end())
                if match and plausible_person(match, line.text, triggered=True):
                    add(_clean_name(match), _description_after(line.text, match.end(), []))
            for match in PERSON.finditer(
                line.text
            ):  # "…, Maëlys KERGOAT, coordinatrice": a name in capitals with its role
                if (
                    _capital_surname(match.group("last"))
                    and _ROLE_AFTER.match(line.text[match.end() :])
                    and plausible_person(match, line.text)
                    and re.search(r"(?:^|[,:–—|]|\bpar|\bavec)\s*$", line.text[: match.start()])
                ):
                    add(_clean_name(match), _description_after(line.text, match.end(), []))
    return list(found.values())


_CLOSING = re.compile(
    r"^(?:bien |tr[èe]s )?(?:cordialement|amicalement|sinc[èe]rement|bien [àa] vous|salutations|"
    r"(?:avec )?(?:nos|mes) (?:sinc[èe]res |meilleures )?salutations)\b.{0,40}$",
    re.I,
)


def _is_contact(text: str) -> bool:
    """A contact line names whom to call, not who speaks: the word comes first, or an address or number is given."""
    return any(m.start() < 40 or m.group(0) == "@" or m.group(0)[:1].isdigit() for m in CONTACT.finditer(text))


def _cell_starts(text: str) -> list[int]:
    """Where a name may open: the line, and each table cell, after a title such as "Dr" or "Mme"."""
    starts = [0] + [m.end() for m in re.finditer(r"\s\|\s", text)]
    out = []
    for start in starts:
        civility = re.match(
            r"\s*(?:M\.|Mmes?|Mlle|Dr|Pr|Me|Docteure?|Professeure?|Ma[îi]tre)\.?\s+(?=[A-ZÀ-Ý])", text[start:]
        )
        out.append(start + (civility.end() if civility else 0))
    return out


def _description_after(text: str, end: int, following: list[Line]) -> str | None:
    rest = text[end:].strip()
    if not rest and following:
        rest = " ".join(ln.text for ln in following[:3])
    if rest.startswith("("):
        close = rest.find(")")
        return rest[1:close] if close > 0 else rest[1:]
    rest = re.split(r"\s+(?:et|avec|accompagn)\b|[;.]\s", rest.lstrip(",:–—- "), maxsplit=1)[0]
    return rest or None


def _tidy_description(text: str | None) -> str | None:
    if not text:
        return None
    text = text.strip(" ,;:–—-").strip()
    if len(text) > 200:
        text = text[:200].rsplit(" ", 1)[0] + "…"
    return text or None


# --- Organising bodies ------------------------------------------------------------------

_ORGANISE = re.compile(
    r"(?P<who>[^.!?:;«»\n]{3,220}?)\s+(?:a|ont|avaient|avait)\s+(?:souhait[ée]|d[ée]cid[ée]|choisi)\s+(?:d'|de\s+)?organiser"
    r"|(?P<who2>[^.!?:;«»\n]{3,160}?)\s+(?:vous\s+)?(?:organise(?:nt)?|invite(?:nt)?|propose(?:nt)?)\s+(?:une?|des|le|la|les|ce|cette|sa|son|ses|leurs?|deux|trois|quatre|\d+|[àa]|aux?)\b",
    re.I,
)
_ORGANISED_BY = re.compile(
    r"(?:organis[ée]e?s?|propos[ée]e?s?|port[ée]e?s?|pilot(?:[ée]e?s?|age[^.]{0,40}?)\s+(?:sera\s+)?assur[ée]e?)\s+par\s+(?P<who>[^.!?\n;«»(]{2,160})"
    r"|(?:assur[ée]e?s?|coordonn[ée]e?s?)\s+par\s+(?P<who3>[^.!?\n;«»(]{2,160})"
    r"|[àa] l'initiative d[eu]s?\s+(?P<who2>[^.!?\n;«»(]{2,160})"
    r"|^(?:organisateurs?|organisatrices?|organisation|organis[ée]e? par|organisme(?: de formation)?)\s*:\s*(?P<who4>[^\n]{2,160})",
    re.I | re.M,
)
_HOST_TITLE = re.compile(
    r"\b(?:Pr[ée]sidente?|Maire|Directeur|Directrice|Directeur g[ée]n[ée]ral|Pr[ée]fète?)\s+(?:du|de la|de l'|de l’|des|de)\s+"
    r"(?P<org>[A-ZÀ-Ý][^,.\n]{2,90})"
)
_INVITATION = re.compile(r"(?:ont|a) le plaisir de vous (?:convier|inviter)|vous invitent|vous convient", re.I)
_ABOUT = re.compile(
    r"^(?:Le|La|L'|L’|Les)\s*(?P<org>[A-ZÀ-Ý][^,.;:]{3,90}?)\s+(?:est|sont)\s+(?:un|une|le|la|l'|l’)\s", re.M
)
_PARTNERSHIP = re.compile(
    r",?\s*(?:en partenariat avec|avec le soutien d[eu]s?|en lien avec|en collaboration avec|en association avec)\s+(?P<who>[^,]+),?",
    re.I,
)
_ARTICLE = re.compile(
    r"^(?:l'|l’|le\s|la\s|les\s|notre\s|votre\s|l'association\s|l’association\s|l'agence\s|association\s)+", re.I
)


def _split_bodies(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    if len(text) > 200:
        return []
    parts = re.split(
        rf"\s*,\s+(?=(?:l'|l’|le |la |les )?[{_UP}])|\s+(?:et|&)\s+(?=(?:l'|l’|le |la |les )[{_UP}]?)|\s+et\s+(?=[{_UP}])(?!(?:de|des)\b)",
        text,
    )
    bodies = []
    for part in parts:
        part = _ARTICLE.sub("", part.strip(" ,.")).strip()
        part = re.split(r"\s+(?:sous|dans le cadre|pour|afin|qui|dont|avec|en \d)\b", part)[0].strip(" ,.")
        if part and part[0].isupper() and len(part) <= 120 and not PERSON.fullmatch(part):
            bodies.append(part[:1].upper() + part[1:])
    return bodies


def find_organizers(doc: Document) -> tuple[list[str], list[str]]:
    """Return (organizers, partners) named in the announcement."""
    organizers: list[str] = []
    partners: list[str] = []
    text = doc.flat
    for match in _PARTNERSHIP.finditer(text):
        partners.extend(_split_bodies(match.group("who")))
    cleaned = _PARTNERSHIP.sub(" ", text)
    for match in _ORGANISE.finditer(cleaned):
        who = match.group("who") or match.group("who2")
        who = re.split(r"\b(?:que|qu'|qu’)\s*", who)[-1]
        who = re.split(rf",\s*(?=(?:l'|l’|le |la |les )[{_UP}])", who)[-1]
        organizers.extend(
            b for b in _split_bodies(who) if not re.match(r"^(?:Il|Elle|Ils|Elles|On|Nous|Cette|Ce|Cet)\b", b)
        )
    for match in _ORGANISED_BY.finditer(cleaned):
        who = next(g for g in match.groups() if g)
        organizers.extend(_split_bodies(re.split(r"\s+(?:pour|afin|dans|sur|en|au|aux|à|le)\s+(?=[a-zà-ÿ\d])", who)[0]))
    if _INVITATION.search(text):
        head = text[: _INVITATION.search(text).start()]
        for match in _HOST_TITLE.finditer(head[-600:]):
            organizers.extend(_split_bodies(match.group("org")))
    if not organizers:
        for para in doc.paragraphs[:4]:
            match = _ABOUT.match(" ".join(ln.text for ln in para))
            if match:
                organizers.extend(_split_bodies(match.group("org")))
                break
    return _unique(organizers), [p for p in _unique(partners) if not _similar_in(p, organizers)]


def _unique(names: list[str]) -> list[str]:
    kept: list[str] = []
    for name in names:
        if not _similar_in(name, kept):
            kept.append(name)
    return kept


def _similar_in(name: str, names: list[str]) -> bool:
    words = set(re.findall(r"\w{2,}", fold(name)))
    for other in names:
        other_words = set(re.findall(r"\w{2,}", fold(other)))
        if words and other_words and len(words & other_words) / len(words | other_words) >= 0.5:
            return True
    return False
