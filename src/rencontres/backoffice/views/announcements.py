from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.announcements import services
from rencontres.announcements.models import AnnouncementImport
from rencontres.announcements.parsing import UnreadableAnnouncement, parse_announcement_bytes, parse_announcement_text
from rencontres.backoffice.forms.announcements import ImportForm
from rencontres.organizations import access
from rencontres.organizations.models import Organization
from rencontres.registrations import services as registration_services


@login_required
def import_announcement(request):
    organizations = Organization.objects.filter(memberships__user=request.user)
    if not organizations.exists():
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None, organizations=organizations)
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            if uploaded:
                source_name, source_bytes = uploaded.name, uploaded.read()
                parsed = parse_announcement_bytes(source_bytes, source_name)
            else:
                source_name = "annonce.txt"
                source_bytes = form.cleaned_data["text"].encode()
                parsed = parse_announcement_text(form.cleaned_data["text"])
        except UnreadableAnnouncement as error:
            form.add_error("file" if uploaded else "text", str(error))
        else:
            with transaction.atomic():
                event = services.create_draft_from_announcement(
                    organization=form.cleaned_data["organization"],
                    parsed=parsed,
                    source_name=source_name,
                    source_bytes=source_bytes,
                    user=request.user,
                )
                low, high = services.proposed_capacity(parsed)
                registration_services.set_capacity(event=event, capacity_min=low, capacity_max=high, actor=request.user)
            messages.success(
                request,
                _(
                    "Brouillon prérempli à partir de l'annonce. Vérifiez chaque section, en particulier les points signalés, avant de publier."
                ),
            )
            return redirect("backoffice:event_edit", event.id)
    return render(request, "backoffice/announcements/import.html", {"form": form}, status=400 if form.errors else 200)


@login_required
@require_POST
def mark_reviewed(request, import_id: int):
    announcement_import = get_object_or_404(AnnouncementImport.objects.select_related("event"), id=import_id)
    if not access.can_manage_event(request.user, announcement_import.event):
        raise Http404
    services.mark_import_reviewed(announcement_import=announcement_import)
    messages.success(request, _("Points à vérifier marqués comme vus."))
    return redirect("backoffice:event_edit", announcement_import.event_id)
