"""Where people land after signing in: organisers in the back-office, participants in their space."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from rencontres.organizations import access


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        if access.is_organiser(request.user):
            return reverse("backoffice:home")
        return reverse("site:my_space")
