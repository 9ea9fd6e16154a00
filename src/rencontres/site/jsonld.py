"""schema.org Event data for search engines and aggregators (https://schema.org/Event).

Written to pass Google's Event rich-result requirements: a location always, the attendance
mode and status, offers with price, currency, availability, validFrom and an absolute url,
the speakers as performers, the organiser with a url, an image when there is one.

In two parts: what comes from the programme (`programme_facts`, plain data the event page
caches with its programme fragments) and what is read fresh at each request (`event_json_ld`:
the event's own fields and status, its availability, the address the page is served at).
"""

import json

from django.urls import reverse
from django.utils.safestring import mark_safe

from rencontres.events.enums import SessionMode
from rencontres.events.selectors import EventProgramme
from rencontres.registrations.enums import AvailabilityState

# Google reads InStock, SoldOut and PreOrder for events; a closed registration can no longer be had.
OFFER_AVAILABILITY = {
    AvailabilityState.OPEN: "https://schema.org/InStock",
    AvailabilityState.EXTERNAL: "https://schema.org/InStock",
    AvailabilityState.FULL: "https://schema.org/SoldOut",
    AvailabilityState.CLOSED: "https://schema.org/SoldOut",
    AvailabilityState.PAST: "https://schema.org/SoldOut",
    AvailabilityState.NOT_YET_OPEN: "https://schema.org/PreOrder",
    AvailabilityState.NOT_YET_DATED: "https://schema.org/PreOrder",  # never shown: an undated event has no JSON-LD
}
ONLINE_PLACE = "online"  # stands for the event page's address, known only at request time


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


def _town(name: str) -> dict:
    return {
        "@type": "Place",
        "name": name,
        "address": {"@type": "PostalAddress", "addressLocality": name, "addressCountry": "FR"},
    }


def _locations(programme: EventProgramme) -> list:
    """The venues, else the commune the event gives, else the organiser's town; and online if it is."""
    event = programme.event
    places = [_place(venue) for venue in programme.venues]
    if not places and event.commune:
        places = [_town(event.commune)]
    online = programme.has_online_sessions
    if not places and not online:
        places = [_town(event.organization.city or event.organization.name)]
    return places + ([ONLINE_PLACE] if online else [])


def programme_facts(programme: EventProgramme) -> dict:
    """The JSON-LD's fields that come from the programme: dates, places, attendance mode, offers, sessions."""
    event, sessions = programme.event, programme.sessions
    starts = [s.starts_at() for s in sessions if s.starts_at()]
    ends = [s.ends_at() or s.starts_at() for s in sessions if s.starts_at()]
    data = {"location": _locations(programme)}
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
    tiers = programme.price_tiers
    data["offers"] = [
        {
            "@type": "Offer",
            "name": tier.label,
            "price": f"{tier.amount_cents / 100:.2f}",
            "priceCurrency": "EUR",
            **({"description": tier.includes} if tier.includes else {}),
        }
        for tier in tiers
    ] or [{"@type": "Offer", "price": "0", "priceCurrency": "EUR"}]
    if not tiers:
        data["isAccessibleForFree"] = True
    data["performer"] = [
        {
            "@type": "Person",
            "name": speaker.name,
            **({"description": speaker.affiliation} if speaker.affiliation else {}),
        }
        for speaker in programme.speakers
    ]
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


def _safe(data) -> str:
    # Escape "<" so a title containing "</script>" cannot close the script element.
    return mark_safe(json.dumps(data, ensure_ascii=False).replace("<", "\\u003c"))


def organization_image_url(organization, request) -> str:
    if not organization.logo:
        return ""
    return request.build_absolute_uri(reverse("site:organization_logo", args=[organization.slug]))


def event_json_ld(facts: dict, *, event, availability, request) -> str:
    """The JSON-LD script body, safe to put inside <script type="application/ld+json">."""
    page_url = request.build_absolute_uri(event.get_absolute_url())
    organization = event.organization
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
        "organizer": {
            "@type": "Organization",
            "name": organization.name,
            "url": organization.website or request.build_absolute_uri(reverse("site:catalogue")),
        },
        **facts,
    }
    data["location"] = [
        {"@type": "VirtualLocation", "url": page_url} if place == ONLINE_PLACE else place for place in facts["location"]
    ]
    if len(data["location"]) == 1:
        data["location"] = data["location"][0]
    if image := organization_image_url(organization, request):
        data["image"] = [image]
    if availability.capacity:
        data["maximumAttendeeCapacity"] = availability.capacity
    valid_from = event.registration_opens_at or event.published_at
    offer_url = event.registration_url if availability.state == AvailabilityState.EXTERNAL else page_url
    data["offers"] = [
        {
            **offer,
            "url": offer_url,
            "availability": OFFER_AVAILABILITY[availability.state],
            **({"validFrom": valid_from.isoformat()} if valid_from else {}),
        }
        for offer in facts["offers"]
    ]
    if not data["performer"]:
        del data["performer"]
    return _safe(data)


def series_json_ld(series, events, *, request) -> str:
    """A cycle as an EventSeries whose events are its subEvents."""
    return _safe(
        {
            "@context": "https://schema.org",
            "@type": "EventSeries",
            "name": series.title,
            "description": series.description[:300],
            "url": request.build_absolute_uri(series.get_absolute_url()),
            "organizer": {"@type": "Organization", "name": series.organization.name},
            "subEvent": [
                {
                    "@type": "Event",
                    "name": event.title,
                    "url": request.build_absolute_uri(event.get_absolute_url()),
                    **({"startDate": event.starts_on.isoformat()} if event.starts_on else {}),
                    **({"endDate": (event.ends_on or event.starts_on).isoformat()} if event.starts_on else {}),
                    "eventStatus": "https://schema.org/EventCancelled"
                    if event.is_cancelled
                    else "https://schema.org/EventScheduled",
                }
                for event in events
            ],
        }
    )
