"""The only code that changes accounts."""

from django.contrib.auth.hashers import make_password
from django.db import transaction

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


def closed_account_email(user_id: int) -> str:
    return f"compte-ferme-{user_id}@anonyme.invalid"


@transaction.atomic
def close_account(*, user: User) -> None:
    """The account names nobody and can no longer sign in: address replaced, names emptied, inactive.

    The row stays (journals and presences point to it as the one who acted); its allauth
    addresses go, so a sign-in code can never be sent for it again. Making the password
    unusable changes the session hash, which signs the account out of every browser.
    """
    from allauth.account.models import EmailAddress

    EmailAddress.objects.filter(user=user).delete()
    user.email = user.username = closed_account_email(user.id)
    user.first_name = user.last_name = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
