"""A trainee's thesis from « Mon espace »: hand it in (or again) by the deadline, download what they handed in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from rencontres.core import files
from rencontres.core.http import stored_file_response
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from rencontres.site.forms.theses import ThesisForm
from rencontres.theses import selectors, services
from rencontres.theses.exceptions import ThesisError
from rencontres.theses.models import Thesis


def _my_trainee_registration(request, registration_id: int):
    """The signed-in person's confirmed registration to an event that asks for a thesis, with its settings; else 404."""
    registration = get_object_or_404(Registration.objects.select_related("event__organization"), id=registration_id)
    if registration.email != request.user.email.lower() or registration.state != RegistrationState.CONFIRMED:
        raise Http404
    thesis_settings = selectors.settings_of(registration.event)
    if thesis_settings is None or not thesis_settings.is_required:
        raise Http404(_("Cette formation ne demande pas de mémoire."))
    return registration, thesis_settings


@login_required
def my_thesis(request, registration_id: int):
    registration, thesis_settings = _my_trainee_registration(request, registration_id)
    is_open = timezone.localdate() <= thesis_settings.deadline
    form = ThesisForm(request.POST, request.FILES) if request.method == "POST" else ThesisForm()
    if request.method == "POST" and form.is_valid():
        try:
            thesis = services.hand_in(
                registration=registration, uploaded=form.cleaned_data["file"], title=form.cleaned_data["title"]
            )
        except ThesisError as error:
            form.add_error("title" if error.field == "title" else "file", error.message)
        else:
            messages.success(
                request,
                _("Votre mémoire est déposé (version %(v)s). Vous pouvez le remplacer jusqu'à la date limite.")
                % {"v": thesis.version},
            )
            return redirect("site:my_space")
    context = {
        "registration": registration,
        "event": registration.event,
        "thesis_settings": thesis_settings,
        "is_open": is_open,
        "trainee": selectors.trainee_file(registration),
        "form": form,
    }
    return render(request, "site/theses/my_thesis.html", context, status=400 if form.is_bound else 200)


@login_required
def my_thesis_file(request, thesis_id: int):
    """A person's own thesis, as they handed it in; anyone else's is a 404."""
    thesis = get_object_or_404(Thesis.objects.select_related("registration"), id=thesis_id)
    if thesis.registration.email != request.user.email.lower() or not thesis.file:
        raise Http404(_("Ce mémoire n'est pas le vôtre."))
    return stored_file_response(thesis.file, files.kind_of_label(thesis.file_type))
