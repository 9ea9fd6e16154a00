"""Who may create an account, and where people land after signing in.

Nobody signs up with a password: participants never need an account of their own (they sign
in with a code sent to the address they registered with, which proves it), and organisers are
added to an organisation by the `rencontres create_organization` / `add_member` commands. An
open sign-up let anyone claim someone else's address before that person's first registration
and then read it (account pre-hijacking).
"""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from rencontres.organizations import access


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False

    def get_login_redirect_url(self, request):
        if access.is_organiser(request.user):
            return reverse("backoffice:home")
        return reverse("site:my_space")
