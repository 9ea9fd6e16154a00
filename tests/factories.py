"""Small builders for test data: each test makes only what it needs.

The fixed cast: alice organises for « Ville de Saint-Germain », bob is her colleague,
charlie belongs to another organisation.
"""

import datetime as dt
import itertools

from rencontres.accounts.models import User
from rencontres.events import services
from rencontres.events.enums import EventFormat, EventStatus
from rencontres.events.models import Event, Venue
from rencontres.organizations.enums import Role
from rencontres.organizations.models import Membership, Organization

_counter = itertools.count(1)


def make_user(email: str | None = None, password: str = "motdepasse-solide-42", **fields) -> User:
    """A person whose address is proven (allauth's verified record), as after a first sign-in by code."""
    email = email or f"personne{next(_counter)}@example.org"
    user = User.objects.create_user(email=email, password=password, **fields)
    prove_address(user)
    return user


def prove_address(user: User) -> User:
    """What entering a code sent to the account's address leaves behind."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email.lower(), defaults={"verified": True, "primary": True}
    )
    return user


def make_organization(name: str | None = None, **fields) -> Organization:
    n = next(_counter)
    name = name or f"Organisme {n}"
    fields.setdefault("slug", f"organisme-{n}")
    return Organization.objects.create(name=name, **fields)


def make_member(organization: Organization, email: str | None = None, role: str = Role.EDITOR) -> User:
    user = make_user(email)
    Membership.objects.create(user=user, organization=organization, role=role)
    return user


def make_venue(organization: Organization, **fields) -> Venue:
    fields.setdefault("name", "Salle des fêtes")
    fields.setdefault("city", "Bobigny")
    fields.setdefault("postcode", "93000")
    return Venue.objects.create(organization=organization, **fields)


def make_event(
    organization: Organization | None = None,
    *,
    title: str = "Journée de l'action sociale",
    format: str = EventFormat.JOURNEE,
    published: bool = True,
    days: tuple[dt.date, ...] = (dt.date(2030, 3, 14),),
    sessions_per_day: int = 1,
    **fields,
) -> Event:
    """An event with its days and one-hour sessions from 9 h, published unless asked otherwise."""
    organization = organization or make_organization()
    event = services.create_event(organization=organization, title=title, format=format, **fields)
    for date in days:
        day = services.add_day(event=event, date=date)
        for i in range(sessions_per_day):
            services.add_session(day=day, title=f"Séance {i + 1}", start_time=dt.time(9 + i), end_time=dt.time(10 + i))
    if published:
        services.publish_event(event=event)
    event.refresh_from_db()
    return event


def publish(event: Event) -> Event:
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status"])
    return event


def sign_in_by_code(client, email: str, *, next_url: str = ""):
    """Ask for a sign-in code for `email`, read it in the email sent, enter it: the address is then proven."""
    import re

    from django.core import mail
    from django.urls import reverse

    url = reverse("account_request_login_code") + (f"?next={next_url}" if next_url else "")
    sent = len(mail.outbox)
    confirm_url = client.post(url, {"email": email}).headers["Location"]  # keeps ?next=
    (message,) = mail.outbox[sent:]
    code = next(
        line.strip() for line in message.body.splitlines() if re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", line.strip())
    )
    return client.post(confirm_url, {"code": code})
