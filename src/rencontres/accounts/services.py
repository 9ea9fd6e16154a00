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


def record_address(*, user: User) -> None:
    """The account's address is on allauth's list, so entering a code sent there marks it proven.

    allauth verifies, after a code login, only an address it already has a record of; people
    created by registering have none, and with mandatory verification they would be asked to
    prove the address a second time. The record starts unverified: only the code proves it.
    """
    from allauth.account.models import EmailAddress

    email = user.email.lower()
    if not EmailAddress.objects.filter(user=user, email=email).exists():
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": False, "primary": not user.emailaddress_set.exists()}
        )
