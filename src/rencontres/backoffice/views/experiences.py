"""The organisation moderates the fiches expérience proposed to it: publish or refuse."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.experiences import selectors, services
from rencontres.experiences.models import Experience
from rencontres.organizations import access


@login_required
def moderation(request, organization_id: int):
    organization = access.get_organization_for_member(request.user, organization_id)
    context = {"organization": organization, "experiences": selectors.to_moderate(organization)}
    return render(request, "backoffice/experiences/moderation.html", context)


@login_required
@require_POST
def moderate(request, experience_id: int, action: str):
    experience = get_object_or_404(Experience, id=experience_id)
    if not access.is_member(request.user, experience.organization_id):
        raise Http404
    if action == "publier":
        services.publish(experience=experience)
        messages.success(request, _("« %(title)s » est publiée.") % {"title": experience.title})
    elif action == "refuser":
        services.refuse(experience=experience)
        messages.success(request, _("« %(title)s » est refusée.") % {"title": experience.title})
    else:
        raise Http404
    return redirect("backoffice:experience_moderation", organization_id=experience.organization_id)
