"""schema.org Event data for search engines and aggregators (https://schema.org/Event).

In two parts: what comes from the programme (`programme_facts`, plain data the event page
caches with its programme fragments) and what is read fresh at each request (`event_json_ld`:
the event's own fields and status, the address the page is served at, the organiser's name).
"""

import json

from django.utils.safestring import mark_safe

from rencontres.events.enums import SessionMode
from rencontres.events.selectors import EventProgramme
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


def _location(programme: EventProgramme) -> dict | list:
    event = programme.event
    places = [_place(event.venue)] if event.venue else []
    if programme.has_online_sessions:
        places.append({"@type": "VirtualLocation", "url": event.get_absolute_url()})
    if len(places) == 1:
        return places[0]
    return places


def programme_facts(programme: EventProgramme) -> dict:
    """The JSON-LD's fields that come from the programme: dates, places, attendance mode, offers, sessions."""
    event, sessions = programme.event, programme.sessions
    starts = [s.starts_at() for s in sessions if s.starts_at()]
    ends = [s.ends_at() or s.starts_at() for s in sessions if s.starts_at()]
    data = {"location": _location(programme)}
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
    if programme.price_tiers:
        data["offers"] = [
            {
                "@type": "Offer",
                "name": tier.label,
                "price": f"{tier.amount_cents / 100:.2f}",
                "priceCurrency": "EUR",
                **({"description": tier.includes} if tier.includes else {}),
            }
            for tier in programme.price_tiers
        ]
    else:
        data["isAccessibleForFree"] = True
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
    return data


def event_json_ld(facts: dict, *, event, request) -> str:
    """The JSON-LD script body, safe to put inside <script type="application/ld+json">."""
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
        **facts,
    }
    capacity_max = availability.places_of(event).capacity_max  # the places belong to the registrations app
    if capacity_max:
        data["maximumAttendeeCapacity"] = capacity_max
    if "offers" in facts:
        data["offers"] = [{**offer, "url": page_url} for offer in facts["offers"]]
    # Escape "<" so a title containing "</script>" cannot close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))
