"""The organisation's identity, as its quotes, agreements, certificates and invoices print it (admins only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rencontres.backoffice.forms.organization import OrganizationIdentityForm
from rencontres.organizations import access, services
from rencontres.organizations.exceptions import OrganizationError
from rencontres.organizations.models import Organization
from rencontres.organizations.services import IDENTITY_FIELDS
from rencontres.registrations import selectors as registration_selectors


def _organization_for_admin(request, organization_id: int) -> Organization:
    organization = get_object_or_404(Organization, id=organization_id)
    if not access.is_admin(request.user, organization.id):
        raise Http404
    return organization


@login_required
def organization_settings(request, organization_id: int):
    organization = _organization_for_admin(request, organization_id)
    form = OrganizationIdentityForm(request.POST or None, request.FILES or None, instance=organization)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.update_identity(
                    organization=Organization.objects.get(pk=organization.pk),
                    logo=form.cleaned_data.get("logo"),
                    signature_image=form.cleaned_data.get("signature_image"),
                    **{name: form.cleaned_data[name] for name in IDENTITY_FIELDS},
                )
            except OrganizationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Les informations de l'organisme sont enregistrées."))
                return redirect("backoffice:organization_settings", organization.id)
        status = 400
    return render(
        request, "backoffice/organization/settings.html", {"organization": organization, "form": form}, status=status
    )


@login_required
def data_access_log(request, organization_id: int):
    """The journal of who opened or exported people's data in the back-office, for the organisation's admins."""
    organization = _organization_for_admin(request, organization_id)
    page = Paginator(registration_selectors.data_access_log(organization), 50).get_page(request.GET.get("page"))
    return render(request, "backoffice/organization/data_access_log.html", {"organization": organization, "page": page})
