"""The person's own data from « Mon espace »: download it (JSON), or erase it after a confirmation."""

import json

from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from rencontres.privacy import services
from rencontres.privacy.exceptions import PrivacyError
from rencontres.registrations import selectors
from rencontres.site.forms.privacy import ErasureForm


@login_required
def my_data(request):
    """Everything held about the signed-in person, whose sign-in proved their address (RGPD art. 15 and 20)."""
    data = services.person_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-{timezone.localdate():%Y-%m-%d}.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def my_erase(request):
    """A page saying what goes and what stays; erasing takes a POST with the box ticked."""
    form = ErasureForm(request.POST if request.method == "POST" else None)  # an empty POST is still a POST
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                count = services.erase_person(user=request.user)
            except PrivacyError as error:
                form.add_error(None, error.message)
            else:
                logout(request)
                return render(request, "site/privacy/erased.html", {"count": count})
        status = 400
    today = timezone.localdate()
    registrations = list(selectors.registrations_of_person(request.user.email))
    context = {
        "form": form,
        "to_cancel": [r for r in registrations if r.is_live and (r.event.ends_on is None or r.event.ends_on >= today)],
        "registration_count": len(registrations),
    }
    return render(request, "site/privacy/erase.html", context, status=status)
