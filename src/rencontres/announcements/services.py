"""Turn a parsed announcement into a draft event the organiser reviews.

Nothing is published here: the draft opens in the ordinary editor with each doubt
shown in the section it concerns. Values the announcement does not give stay empty.
"""

import datetime as dt
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.events import services as event_services
from rencontres.events.enums import DocumentKind, EventFormat, PayerKind, SessionKind, SessionMode
from rencontres.events.models import Event

from .models import AnnouncementImport

MODES = {"presentiel": SessionMode.ON_SITE, "distanciel": SessionMode.ONLINE, "hybride": SessionMode.HYBRID}
KIND_WORDS = [
    (r"table[- ]ronde", SessionKind.ROUND_TABLE),
    (r"atelier", SessionKind.WORKSHOP),
    (r"webinaire|webinar", SessionKind.WEBINAR),
    (r"visite|immersion|terrain", SessionKind.FIELD_VISIT),
    (r"d[ée]jeuner|repas|buffet|d[îi]ner", SessionKind.MEAL),
    (r"tutorat", SessionKind.TUTORING),
    (r"conf[ée]rence", SessionKind.LECTURE),
    (r"pl[ée]ni[èe]re|restitution", SessionKind.PLENARY),
    (r"^module", SessionKind.MODULE),
    (r"accueil|pause|ouverture|cl[ôo]ture|bilan", SessionKind.OTHER),
]
PAYER_WORDS = [
    (r"employeur|entreprise|institution|structure", PayerKind.EMPLOYER),
    (r"opco|fonds? de formation", PayerKind.OPCO),
    (r"individuel|personnel|particulier|[àa] titre priv[ée]|autofinanc", PayerKind.INDIVIDUAL),
]


def _kind_for(title: str) -> str:
    for pattern, kind in KIND_WORDS:
        if re.search(pattern, title, re.I):
            return kind
    return SessionKind.TALK


def _payer_for(label: str, amount_cents: int) -> str | None:
    if amount_cents == 0:
        return PayerKind.FREE
    for pattern, kind in PAYER_WORDS:
        if re.search(pattern, label or "", re.I):
            return kind
    return None


def _parse_date(value: str | None) -> tuple[dt.date, bool] | None:
    """ "2021-10-12" → (date, False); "2020-11" → (first of the month, True)."""
    if not value:
        return None
    try:
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01"), True
        return dt.date.fromisoformat(value), False
    except ValueError:
        return None


def _parse_time(value: str | None) -> dt.time | None:
    if not value:
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


class DraftBuilder:
    """Creates the draft piece by piece, collecting doubts section by section."""

    def __init__(self, *, organization, parsed: dict):
        self.organization = organization
        self.parsed = parsed
        self.doubts: list[dict] = []

    def doubt(self, section: str, message: str) -> None:
        self.doubts.append({"section": section, "message": message})

    def build(self) -> Event:
        event = self._event()
        self._venues(event)
        speakers = self._speakers(event)
        self._programme(event, speakers)
        self._prices(event)
        self._documents_listed()
        self._identifiers()
        for warning in self.parsed.get("warnings", []):
            self.doubt("programme", warning)
        return event

    def _event(self) -> Event:
        p = self.parsed
        title = (p.get("title") or "").strip()
        if not title:
            title = _("Événement importé")
            self.doubt("informations", _("L'annonce ne donne pas de titre lisible : indiquez-le."))
        format_ = p.get("format")
        if format_ not in EventFormat.values:
            format_ = EventFormat.JOURNEE
            self.doubt("informations", _("Le format n'a pas pu être reconnu : « journée » est proposé, vérifiez-le."))
        others = [
            o
            for o in p.get("organizers", [])
            if o.strip().lower() not in {self.organization.name.lower(), self.organization.short_name.lower()}
        ]
        partners = "\n".join(dict.fromkeys(others + list(p.get("partners", []))))
        capacity = p.get("capacity") or {}
        low, high = capacity.get("min"), capacity.get("max")
        if low is not None and high is not None and low > high:
            self.doubt(
                "informations",
                _("L'annonce donne un minimum (%(low)s) au-dessus du maximum (%(high)s) : ils n'ont pas été repris.")
                % {"low": low, "high": high},
            )
        emails, phones, urls = p.get("emails", []), p.get("phones", []), p.get("registration_urls", [])
        if len(emails) > 1:
            self.doubt(
                "informations",
                _("Plusieurs adresses figurent dans l'annonce (%(all)s) : la première est proposée comme contact.")
                % {"all": ", ".join(emails)},
            )
        return event_services.create_event(
            organization=self.organization,
            title=title[:250],
            format=format_,
            subtitle=(p.get("subtitle") or "")[:300],
            partners=partners,
            contact_email=emails[0] if emails else "",
            contact_phone=phones[0][:30] if phones else "",
            registration_url=urls[0][:500] if urls and urls[0].startswith("http") else "",
        )

    def _venues(self, event: Event) -> None:
        main = None
        for found in self.parsed.get("venues", []):
            name = (found.get("name") or found.get("street") or "").strip()
            if not name:
                continue
            postcode = found.get("postcode") or ""
            venue = event_services.add_venue(
                event=event,
                name=name[:200],
                street=(found.get("street") or "")[:200],
                postcode=postcode if re.fullmatch(r"\d{5}", postcode) else "",
                city=(found.get("city") or "")[:120],
            )
            main = main or venue
        if main:
            event_services.update_event(
                event=event, venue=main, commune=main.city, department_code=_department_of(main.postcode)
            )

    def _speakers(self, event: Event) -> dict[str, object]:
        speakers = {}
        for found in self.parsed.get("speakers", []):
            name = (found.get("name") or "").strip()
            if name and name not in speakers:
                speakers[name] = event_services.add_speaker(
                    event=event, name=name[:120], affiliation=(found.get("description") or "")[:250]
                )
        return speakers

    def _programme(self, event: Event, speakers) -> None:
        days: dict[tuple[dt.date, bool], object] = {}
        fallback = _parse_date(self.parsed.get("start_date"))
        for found in self.parsed.get("sessions", []):
            when = _parse_date(found.get("date")) or fallback
            title = (found.get("title") or "").strip()[:300] or _("Séance")
            if when is None:
                self.doubt(
                    "programme", _("« %(title)s » n'a pas de date : ajoutez-la à une journée.") % {"title": title}
                )
                continue
            if when not in days:
                days[when] = event_services.add_day(event=event, date=when[0], is_month_only=when[1])
            start, end = _parse_time(found.get("start")), _parse_time(found.get("end"))
            if start and end and end <= start:
                self.doubt(
                    "programme",
                    _("« %(title)s » finit avant de commencer : l'heure de fin n'a pas été reprise.")
                    % {"title": title},
                )
                end = None
            event_services.add_session(
                day=days[when],
                title=title,
                start_time=start,
                end_time=end,
                kind=_kind_for(title),
                mode=MODES.get(found.get("mode") or "", SessionMode.ON_SITE),
                is_open_to_public=bool(found.get("open_to_public")),
            )
        if not days:
            for value in {self.parsed.get("start_date"), self.parsed.get("end_date")} - {None}:
                when = _parse_date(value)
                if when:
                    event_services.add_day(event=event, date=when[0], is_month_only=when[1])
            self.doubt("programme", _("L'annonce ne détaille pas de programme horaire : ajoutez les séances."))

    def _prices(self, event: Event) -> None:
        for found in self.parsed.get("prices", []):
            amount_cents = round(float(found.get("amount") or 0) * 100)
            label = (found.get("label") or "").strip() or _("Tarif")
            payer = _payer_for(label, amount_cents)
            if payer is None:
                payer = PayerKind.EMPLOYER
                self.doubt(
                    "prices",
                    _("Qui paie le tarif « %(label)s » n'est pas dit : « employeur » est proposé.") % {"label": label},
                )
            if (found.get("currency") or "EUR") != "EUR":
                self.doubt("prices", _("Le tarif « %(label)s » n'est pas en euros.") % {"label": label})
            event_services.add_price_tier(event=event, label=label[:120], amount_cents=amount_cents, payer_kind=payer)

    def _documents_listed(self) -> None:
        for found in self.parsed.get("documents", []):
            self.doubt(
                "documents",
                _("L'annonce cite le document « %(title)s » : ajoutez le fichier s'il doit être proposé.")
                % {"title": found.get("title", "")},
            )

    def _identifiers(self) -> None:
        ids = self.parsed.get("identifiers") or {}
        for key, label, current in [
            ("siret", "SIRET", self.organization.siret),
            ("nda", _("numéro de déclaration d'activité"), self.organization.training_body_number),
        ]:
            value = ids.get(key)
            if value and value != current:
                self.doubt(
                    "informations",
                    _("L'annonce indique le %(label)s %(value)s, différent de celui de votre organisme (%(current)s).")
                    % {"label": label, "value": value, "current": current or _("non renseigné")},
                )


def proposed_capacity(parsed: dict) -> tuple[int | None, int | None]:
    """The (minimum, maximum) number of participants the announcement gives, or None for what it gives no usable figure for.

    The draft's places belong to the registrations app: the back-office sets them from this.
    """
    capacity = parsed.get("capacity") or {}
    low, high = capacity.get("min"), capacity.get("max")
    if low is not None and high is not None and low > high:
        return None, None
    return (low if low and low > 0 else None), (high if high and high > 0 else None)


def _department_of(postcode: str) -> str:
    if not re.fullmatch(r"\d{5}", postcode or ""):
        return ""
    if postcode.startswith("97"):
        return postcode[:3]
    if postcode.startswith("20"):
        return "2A" if int(postcode) < 20200 else "2B"
    return postcode[:2]


@transaction.atomic
def create_draft_from_announcement(*, organization, parsed: dict, source_name: str, source_bytes: bytes, user) -> Event:
    """A draft event filled from the announcement, its doubts recorded, the source kept (private)."""
    builder = DraftBuilder(organization=organization, parsed=parsed)
    event = builder.build()
    event_services.add_document(
        event=event,
        title=_("Annonce d'origine : %(name)s") % {"name": source_name},
        kind=DocumentKind.OTHER,
        uploaded_file=ContentFile(source_bytes, name=source_name),
        is_public=False,
    )
    AnnouncementImport.objects.create(
        event=event,
        source_name=source_name[:255],
        parsed=parsed,
        doubts=builder.doubts,
        created_by=user,
    )
    return event


@transaction.atomic
def mark_import_reviewed(*, announcement_import: AnnouncementImport) -> None:
    """The organiser has checked the doubts; they stop being shown."""
    announcement_import.reviewed_at = timezone.now()
    announcement_import.save(update_fields=["reviewed_at"])
