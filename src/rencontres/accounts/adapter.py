"""Where people land after signing in: organisers in the back-office, participants in their space."""

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from rencontres.organizations.models import Membership


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        if Membership.objects.filter(user_id=request.user.id).exists():
            return reverse("backoffice:home")
        return reverse("registrations:my_space")
