"""schema.org Event data for search engines and aggregators (https://schema.org/Event)."""

import json

from django.utils.safestring import mark_safe

from rencontres.events.enums import SessionMode
from rencontres.events.models import Event
from rencontres.events.selectors import EventPage
from rencontres.registrations import availability


def _place(venue) -> dict:
    return {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": "FR",
        },
    }


def _location(event: Event, sessions) -> dict | list:
    online = any(s.mode in {SessionMode.ONLINE, SessionMode.HYBRID} for s in sessions)
    places = [_place(event.venue)] if event.venue else []
    if online:
        places.append({"@type": "VirtualLocation", "url": event.get_absolute_url()})
    if len(places) == 1:
        return places[0]
    return places


def event_json_ld(page: EventPage, request) -> str:
    """The JSON-LD script body, safe to put inside <script type="application/ld+json">."""
    event, sessions = page.event, page.sessions
    starts = [s.starts_at() for s in sessions if s.starts_at()]
    ends = [s.ends_at() or s.starts_at() for s in sessions if s.starts_at()]
    page_url = request.build_absolute_uri(event.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.subtitle or event.description[:300],
        "url": page_url,
        "inLanguage": "fr",
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": event.organization.name},
        "location": _location(event, sessions),
    }
    if starts:
        data["startDate"] = min(starts).isoformat()
        data["endDate"] = max(ends).isoformat()
    elif event.starts_on:
        data["startDate"] = event.starts_on.isoformat()
        data["endDate"] = (event.ends_on or event.starts_on).isoformat()
    modes = {s.mode for s in sessions}
    if modes == {SessionMode.ONLINE}:
        data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
    elif SessionMode.ONLINE in modes or SessionMode.HYBRID in modes:
        data["eventAttendanceMode"] = "https://schema.org/MixedEventAttendanceMode"
    else:
        data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
    tiers = page.price_tiers
    if tiers:
        data["offers"] = [
            {
                "@type": "Offer",
                "name": tier.label,
                "price": f"{tier.amount_cents / 100:.2f}",
                "priceCurrency": "EUR",
                "url": page_url,
                **({"description": tier.includes} if tier.includes else {}),
            }
            for tier in tiers
        ]
    else:
        data["isAccessibleForFree"] = True
    capacity_max = availability.places_of(event).capacity_max  # the places belong to the registrations app
    if capacity_max:
        data["maximumAttendeeCapacity"] = capacity_max
    data["subEvent"] = [
        {
            "@type": "Event",
            "name": s.title,
            "startDate": s.starts_at().isoformat(),
            **({"endDate": s.ends_at().isoformat()} if s.ends_at() else {}),
            **({"isAccessibleForFree": True} if s.is_open_to_public else {}),
        }
        for s in sessions
        if s.starts_at()
    ]
    # Escape "<" so a title containing "</script>" cannot close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
