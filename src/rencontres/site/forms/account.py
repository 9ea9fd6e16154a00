"""allauth's forms, where the site needs them to do a little more."""

from allauth.account.forms import RequestLoginCodeForm as AllauthRequestLoginCodeForm

from rencontres.accounts import services as account_services


class RequestLoginCodeForm(AllauthRequestLoginCodeForm):
    """Asking for a sign-in code also records the account's address, so that the code proves it."""

    def clean_email(self) -> str:
        email = super().clean_email()
        user = getattr(self, "_user", None)
        if user is not None:
            account_services.record_address(user=user)
        return email
