"""Reading accounts."""


def has_proven_address(user, email: str) -> bool:
    """Whether this account proved that it receives mail at `email` (a code or a link sent there, entered or opened)."""
    from allauth.account.models import EmailAddress

    if not user.is_authenticated or not email:
        return False
    return EmailAddress.objects.filter(user=user, email=email.strip().lower(), verified=True).exists()
