"""The only code that changes accounts."""

from django.contrib.auth.hashers import make_password

from .models import User


def ensure_person(*, email: str) -> None:
    """An account exists for this address whatever its case: created passwordless (sign-in by code) if there was none.

    One INSERT ... ON CONFLICT DO NOTHING: it creates nothing when an account has this
    address in any case (accounts are unique on UPPER(email)), including one a concurrent
    request is creating meanwhile; a single statement, so it needs no savepoint.
    """
    email = User.objects.normalize_email(email).strip()
    User.objects.bulk_create([User(email=email, username=email, password=make_password(None))], ignore_conflicts=True)


def get_or_create_person(*, email: str) -> User:
    """The account of this address whatever its case, created as `ensure_person` does if there is none."""
    ensure_person(email=email)
    return User.objects.get(email__iexact=email.strip())
