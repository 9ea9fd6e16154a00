"""Practical details: prices, places, venues, contacts, links, documents, legal numbers."""

from __future__ import annotations

import re

from .document import Document, Line, fold

# --- Prices -----------------------------------------------------------------------------

_AMOUNT = r"(?P<amount>\d{1,3}(?:[  .]\d{3})+|\d+)(?:[,.](?P<cents>\d{2}))?"
PRICE = re.compile(
    rf"(?<![\d,.])(?:{_AMOUNT}\s*(?:€|euros?\b|EUR\b)|(?:€|EUR)\s*{_AMOUNT.replace('amount', 'amount2').replace('cents', 'cents2')})",
    re.I,
)
_NOT_A_PRICE = re.compile(
    r"budget|subvention|capital|chiffre d'affaires|million|milliard|financ[ée]e?s?\b|dotation|amende", re.I
)
_FREE_FOR = re.compile(r"\bgratuit(?:e|s|es)?\s+pour\s+(?P<who>[^/;,.()€\d]{3,60})", re.I)
FREE = re.compile(r"\bgratuit(?:e|s|es)?\b|entr[ée]e libre|sans frais|aucun frais|participation libre", re.I)


def find_prices(doc: Document) -> list[dict]:
    prices: list[dict] = []
    seen: set[float] = set()
    lines = doc.lines
    for i, line in enumerate(lines):
        if _NOT_A_PRICE.search(line.text):
            continue
        previous_end = 0
        for match in PRICE.finditer(line.text):
            raw = match.group("amount") or match.group("amount2")
            cents = match.group("cents") or match.group("cents2")
            amount = float(re.sub(r"\D", "", raw) + (f".{cents}" if cents else ""))
            label = line.text[previous_end : match.start()].strip(" :–—-|,;/(")
            label = re.sub(r"^(?:tarifs?|co[uû]t(?: de la formation)?|prix)\s*:?\s*", "", label, flags=re.I) or None
            previous_end = match.end()
            if label is None:
                after = line.text[match.end() :].strip(" :–—-|,;()")
                if after and not PRICE.search(after):
                    label = after
                elif (
                    i + 1 < len(lines)
                    and lines[i + 1].para == line.para
                    and len(lines[i + 1].text) < 60
                    and not PRICE.search(lines[i + 1].text)
                ):
                    label = lines[i + 1].text
            if amount in seen:
                continue
            seen.add(amount)
            prices.append(
                {
                    "amount": int(amount) if amount.is_integer() else amount,
                    "currency": "EUR",
                    "label": label[:120] if label else None,
                }
            )
    if not prices and FREE.search(doc.text):
        prices.append({"amount": 0, "currency": "EUR", "label": "Gratuit"})
    elif prices and 0 not in seen:
        # "Gratuit pour les adhérents / 10 € non-adhérents": the free tier sits beside the paid ones.
        for line in lines:
            match = _FREE_FOR.search(line.text)
            if match and PRICE.search(line.text):
                prices.insert(0, {"amount": 0, "currency": "EUR", "label": match.group("who").strip()[:120]})
                break
    return prices


# --- Capacity ---------------------------------------------------------------------------

_PEOPLE = r"(?:\bparticipant(?:e)?s?|\bpersonnes?|\bstagiaires?|\bplaces?|\binscrits?|\bapprenants?|\bconnexions?)\b"
_CAPACITY_LINE = re.compile(rf"{_PEOPLE}|jauge|capacit[ée]|effectif", re.I)
_MIN = [
    re.compile(rf"(?P<n>\d{{1,4}})\s*(?:{_PEOPLE}\s*)?(?:au\s+)?minimum", re.I),
    re.compile(rf"(?:minimum|au moins|min\.)\s*(?:de\s+)?:?\s*(?P<n>\d{{1,4}})\s*{_PEOPLE}", re.I),
]
_MAX = [
    re.compile(rf"(?P<n>\d{{1,4}})\s*(?:{_PEOPLE}\s*)?(?:au\s+)?maximum", re.I),
    re.compile(
        r"(?:maximum|max\.|limit[ée]e?s? [àa]|dans la limite de|jauge(?: de| :)?|capacit[ée](?: d'accueil)?\s*(?:de|:)|"
        r"effectif(?: maximum)?\s*(?:de|:))\s*:?\s*(?P<n>\d{1,4})",
        re.I,
    ),
    re.compile(r"(?P<n>\d{1,4})\s+places\b", re.I),
]
_BETWEEN = re.compile(rf"(?:de|entre)\s+(?P<a>\d{{1,3}})\s+(?:à|et)\s+(?P<b>\d{{1,3}})\s+{_PEOPLE}", re.I)


def find_capacity(doc: Document) -> dict:
    low = high = None
    for line in doc.lines:
        text = line.text
        if not _CAPACITY_LINE.search(text) or re.search(r"€|euros?", text, re.I):
            continue
        match = _BETWEEN.search(text)
        if match:
            low, high = low or int(match.group("a")), high or int(match.group("b"))
            continue
        for regex in _MIN:
            match = regex.search(text)
            if match and low is None:
                low = int(match.group("n"))
                break
        for regex in _MAX:
            match = regex.search(text)
            if match and high is None:
                high = int(match.group("n"))
                break
    return {"min": low, "max": high}


# --- Venues -----------------------------------------------------------------------------

_STREET_WORDS = (
    r"rue|avenue|av\.|boulevard|bd|place|all[ée]e|chemin|quai|impasse|cours|route|square|passage|"
    r"esplanade|parvis|rond-point|voie|promenade|faubourg|chauss[ée]e|cit[ée]|villa|sentier|mail"
)
STREET = re.compile(
    rf"(?P<street>\b\d{{1,4}}(?:\s*(?:bis|ter|b))?,?\s+(?:{_STREET_WORDS})\b[^,\n/|–]*?)"
    r"(?=\s*(?:,|$|/|\||–|—|\s-\s|\(|\d{2}\s?\d{3}))",
    re.I,
)
POSTCODE_CITY = re.compile(
    r"(?<![\d,.])(?P<postcode>(?:0[1-9]|[1-8]\d|9[0-8])\s?\d{3})\s+"
    r"(?P<city>[A-ZÀ-Ý][\w'’-]*(?:[ -](?:sur|sous|en|lès|les|le|la|de|du|d'|[A-ZÀ-Ý][\w'’-]*))*)(?![\w])"
)
_NOT_VENUE = re.compile(r"si[èe]ge|adresse postale|courrier|retourner|renvoyer|envoy|siret|factur", re.I)
_PLACE_NAME = re.compile(
    r"th[ée][âa]tre|salle|auditorium|amphi|maison|centre|espace|h[ôo]tel|mairie|conservatoire|"
    r"universit[ée]|campus|coll[èe]ge|lyc[ée]e|biblioth[èe]que|m[ée]diath[èe]que|bourse|palais|"
    r"cit[ée]|institut|[ée]cole|halle|foyer|gymnase|cin[ée]ma|ferme|domaine|abbaye|ch[âa]teau|pavillon",
    re.I,
)


def find_venues(doc: Document) -> list[dict]:
    venues: list[dict] = []
    lines = doc.lines
    for i, line in enumerate(lines):
        if _NOT_VENUE.search(line.text):
            continue
        for street in STREET.finditer(line.text):
            venue = {"name": None, "street": street.group("street").strip(" ,"), "postcode": None, "city": None}
            tail = line.text[street.end() :]
            place = POSTCODE_CITY.search(tail[:60])
            if not place and i + 1 < len(lines) and lines[i + 1].para == line.para:
                place = POSTCODE_CITY.match(lines[i + 1].text) or None
                if not place and _looks_like_city(lines[i + 1].text):
                    venue["city"] = lines[i + 1].text.strip(" ,.")
            if place:
                venue["postcode"] = re.sub(r"\s", "", place.group("postcode"))
                venue["city"] = _tidy_city(place.group("city"))
            venue["name"] = _venue_name(line, street.start(), lines, i)
            venues.append(venue)
        if not STREET.search(line.text):
            for place in POSTCODE_CITY.finditer(line.text):
                if place.start() > 0 and not re.search(r"[,\s]$", line.text[: place.start()]):
                    continue
                before = line.text[: place.start()].strip(" ,")
                previous = lines[i - 1] if i > 0 and lines[i - 1].para == line.para else None
                if previous is not None and STREET.search(previous.text):
                    continue  # already read with its street
                if not before and previous is None:
                    continue
                venues.append(
                    {
                        "name": _venue_name(line, place.start(), lines, i) if before else None,
                        "street": before.split(",")[-1].strip() or (previous.text if previous else None),
                        "postcode": re.sub(r"\s", "", place.group("postcode")),
                        "city": _tidy_city(place.group("city")),
                    }
                )
    return _unique_venues(venues)


def _looks_like_city(text: str) -> bool:
    text = text.strip(" ,.")
    return (
        bool(re.fullmatch(r"[A-ZÀ-Ý][\w'’]*(?:[ -][\w'’]+){0,4}", text))
        and len(text) <= 40
        and not re.search(r"\d", text)
    )


def _tidy_city(city: str) -> str:
    city = re.split(r"\s+(?:le|la|les|du|de|d')\s*$", city.strip())[0]
    words = city.split()
    while words and words[-1][0].islower():
        words.pop()
    city = " ".join(words)
    return city.title() if city.isupper() else city


def _venue_name(line: Line, position: int, lines: list[Line], i: int) -> str | None:
    before = line.text[:position].strip(" ,:–—-|")
    before = re.sub(r"^(?:lieux?|adresse|o[uù]\s*\??)\s*:?\s*", "", before, flags=re.I).strip(" ,:–—-")
    before = before.split(" : ")[-1] if " : " in before else before
    if POSTCODE_CITY.search(before):
        return line.text.split(" : ")[0] if " : " in line.text and len(line.text.split(" : ")[0]) <= 100 else None
    if before and len(before) <= 100:
        return before
    j = i - 1
    while j >= 0 and lines[j].para == line.para:
        candidate = lines[j].text.strip(" ,")
        if _PLACE_NAME.search(candidate) and len(candidate) <= 100:
            return re.sub(r"^(?:lieux?|adresse)\s*:?\s*", "", candidate, flags=re.I)
        j -= 1
    return None


def _unique_venues(venues: list[dict]) -> list[dict]:
    kept: list[dict] = []
    keys: set[tuple] = set()
    for venue in venues:
        key = (fold(venue["street"] or ""), venue["postcode"], fold(venue["city"] or ""))
        if key not in keys and (venue["city"] or venue["postcode"]):
            keys.add(key)
            kept.append(venue)
    return kept


# --- Contacts, links, documents, identifiers -------------------------------------------

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.I)
PHONE = re.compile(r"(?<![\d+])(?:\+33\s?\(?0?\)?\s?|0033\s?|0)[1-9](?:[\s.\-]?\d{2}){4}(?!\d)")
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'«»]+", re.I)
_REGISTRATION = re.compile(
    r"inscri|formulaire|pr[ée]-?inscription|billetterie|r[ée]serv|candidat|s'enregistrer|"
    r"register|questionnaire",
    re.I,
)
_FORM_HOSTS = re.compile(
    r"formdesk|framaforms|helloasso|eventbrite|weezevent|forms\.gle|docs\.google\.com/forms|"
    r"typeform|forms\.office|jotform|billetweb|sphinxonline|yurplan|/inscription|/register|"
    r"demarches-simplifiees\.fr|/candidature",
    re.I,
)
# Meeting rooms: where one joins an online session, never where one registers.
_MEETING_HOSTS = re.compile(
    r"zoom\.us|teams\.microsoft|teams\.live|meet\.google|meet\.goto|gotomeeting|webex|"
    r"whereby\.com|meet\.jit\.si|jitsi|livestorm\.co/p|bigbluebutton|visio\.",
    re.I,
)


_RECIPIENTS = re.compile(r"^(?:[àa]|cc|cci|bcc|to)\s*:", re.I)


def find_emails(doc: Document) -> list[str]:
    """Addresses to write to; the recipients of a forwarded e-mail ("À : liste@…") are not contacts."""
    return _unique(
        m.group(0).rstrip(".")
        for line in doc.lines
        if not _RECIPIENTS.match(line.text)
        for m in EMAIL.finditer(line.text)
    )


def find_phones(doc: Document) -> list[str]:
    phones = []
    for match in PHONE.finditer(doc.text):
        digits = re.sub(r"\D", "", match.group(0))
        digits = "0" + digits[4:] if digits.startswith("0033") else digits
        digits = "0" + digits[2:].lstrip("0") if digits.startswith("33") else digits
        if len(digits) == 10:
            phones.append(digits)
    return _unique(phones)


def find_registration_urls(doc: Document) -> list[str]:
    """Links a person follows to register: near an "inscription" word, or on a form service."""
    found = []
    lines = doc.lines
    for i, line in enumerate(lines):
        for match in URL.finditer(line.text):
            url = match.group(0).rstrip(".,;:)]>*").replace("\\", "")
            url = "https://" + url if url.lower().startswith("www.") else url
            context = line.text[: match.start()]
            alone = not re.search(r"\w{3,}", context)  # a bare link takes its meaning from the lines above
            for j in range(i - 1, max(-1, i - 3) if alone else i - 1, -1):
                if lines[j].para < line.para - 1:
                    break
                context = lines[j].text + " " + context
            near = _REGISTRATION.search(context[-200:]) and not re.search(
                r"replay|actes|t[ée]l[ée]charg|programme complet|visio|zoom|lien de connexion", context[-80:], re.I
            )
            if (near or _FORM_HOSTS.search(url)) and not _MEETING_HOSTS.search(url):
                found.append(url)
    return _unique(found)


_DOC_SIZE = re.compile(
    r"\(?\s*(?P<type>PDF|DOCX?|ODT|XLSX?|PPTX?|RTF)\s*[–—,:-]?\s*(?P<size>\d+(?:[.,]\d+)?)\s*(?P<unit>[kKmM]o|[kKmM]B|octets)\s*\)?",
    re.I,
)
_DOC_LINK = re.compile(r"(?P<url>\S+\.(?P<type>pdf|docx?|odt|xlsx?|pptx?))(?:\?\S*)?\b", re.I)
_DOWNLOADS_HEADING = re.compile(
    r"t[ée]l[ée]charg|pi[èe]ces? jointes?|pi[èe]ces?-jointes?|documents?\s*(?:joints?|utiles|[àa] t[ée]l[ée]charger)?\s*:?$|ressources\s*:?$",
    re.I,
)


def find_documents(doc: Document) -> list[dict]:
    """Files the announcement offers: "Titre (PDF – 163.9 ko)", links to .pdf, items under "À télécharger"."""
    documents: list[dict] = []
    lines = doc.lines
    in_downloads = False
    for i, line in enumerate(lines):
        text = line.text
        size = _DOC_SIZE.search(text)
        link = _DOC_LINK.search(text)
        if size:
            title = _doc_title(text[: size.start()])
            if not title and i > 0:
                title = lines[i - 1].text
                if documents and documents[-1]["title"] == title:
                    documents.pop()
            documents.append(_document(title, size.group("type").upper(), _size_kb(size)))
            continue
        if link:
            title = _doc_title(text[: link.start()]) or link.group("url").rsplit("/", 1)[-1]
            documents.append(_document(title, link.group("type").upper(), None))
            continue
        if line.heading or (len(text) < 60 and _DOWNLOADS_HEADING.search(text)):
            in_downloads = bool(_DOWNLOADS_HEADING.search(text))
            continue
        if in_downloads:
            if len(text) > 150 or line.rule:
                in_downloads = False
            elif not re.search(
                r"liste des|pi[èe]ces?[- ]jointes?|@|https?://|^(?:contact|renseignements?)\b", text, re.I
            ) and not text.endswith(":"):
                documents.append(_document(text, None, None))
    kept, seen = [], set()
    for d in documents:
        key = fold(d["title"])
        if d["title"] and key not in seen:
            seen.add(key)
            kept.append(d)
    return kept


_DOC_LABEL = re.compile(r"^(?:pi[èe]ces?[- ]jointes?|fichiers?|documents?|t[ée]l[ée]charger|lien|annexes?)$", re.I)
_DOC_INTRO = re.compile(
    r"^(?:inscriptions?|programme(?: complet| d[ée]taill[ée])?|plus d'infos?|pour en savoir plus|"
    r"informations?|modalit[ée]s)$",
    re.I,
)
_DOC_VERB = re.compile(
    r"^(?:t[ée]l[ée]charge[zr]|consulte[zr]|voir|lire|retrouve[zr])\s+(?:ici\s+)?(?:le|la|les|l'|l’|notre|nos)?\s*",
    re.I,
)


def _doc_title(text: str) -> str:
    """The words that name a file: without its address, a "Label :" in front, or "téléchargez le"."""
    text = URL.sub(" ", text)
    text = re.sub(r"\S+\.(?:pdf|docx?|odt|xlsx?|pptx?)\b", " ", text, flags=re.I)
    text = re.sub(r"\(\s*(?:PDF|DOCX?|ODT|XLSX?)\s*\)", " ", text, flags=re.I)
    text = re.sub(r"\s+", " ", text).strip(" -–:|<>")
    head, sep, tail = text.partition(" : ")
    if sep and (_DOC_LABEL.match(head) or _DOC_INTRO.match(head)):
        text = tail
    if _DOC_LABEL.match(text.strip(" :")):
        return ""
    return _DOC_VERB.sub("", text).strip(" -–:|<>")


def _document(title: str, kind: str | None, size_kb: float | None) -> dict:
    return {"title": title.strip(" -–:|"), "type": kind, "size_kb": size_kb}


def _size_kb(match: re.Match) -> float:
    value = float(match.group("size").replace(",", "."))
    unit = match.group("unit").lower()
    return round(value * 1024, 1) if unit.startswith("m") else (round(value / 1024, 1) if unit == "octets" else value)


def find_identifiers(doc: Document) -> dict:
    siret = nda = None
    for line in doc.lines:
        text = line.text
        match = re.search(r"siret\D{0,12}(?P<n>\d[\d\s.]{12,20}\d)", text, re.I)
        if match and siret is None:
            digits = re.sub(r"\D", "", match.group("n"))[:14]
            siret = digits if len(digits) == 14 else None
        match = re.search(
            r"(?:d[ée]claration d'activit[ée]|organisme de formation|\bNDA\b|n°\s*DA\b)[^\d]{0,60}?(?P<n>\d[\d\s]{9,16}\d)",
            text,
            re.I,
        )
        if match and nda is None:
            digits = re.sub(r"\D", "", match.group("n"))
            nda = digits if len(digits) == 11 else None
    return {"siret": siret, "nda": nda}


def _unique(values) -> list:
    out, seen = [], set()
    for value in values:
        key = value.lower().rstrip("/")
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out
