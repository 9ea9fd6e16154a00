"""The organisation's BPF (its admins: frame by frame as on the Cerfa, frame D typed, XLSX and JSON) and each
training action's Qualiopi evidence (its organisation's members: indicator 2 figures, the audit archive)."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.forms.reporting import FinancialFiguresForm, YearStartForm
from rencontres.registrations import services as registration_services
from rencontres.registrations.enums import DataAccessKind
from rencontres.reporting import bpf, cerfa, exports, qualiopi, services
from rencontres.reporting.exceptions import ReportingError

YEARS_LISTED = 10


def _years() -> list[int]:
    last = timezone.localdate().year
    return list(range(last, max(services.FIRST_YEAR, last - YEARS_LISTED) - 1, -1))


def _checked_year(request, year: int) -> int | None:
    try:
        return services.check_year(year)
    except ReportingError as error:
        messages.error(request, error.message)
        return None


def _report_for_admin(request, organization_id: int, year: int):
    """(organisation, its BPF of `year`) for one of its admins (else a 404); (organisation, None) for a year
    out of range, the French message queued."""
    organization = backoffice_access.organization_for_admin(request.user, organization_id)
    if _checked_year(request, year) is None:
        return organization, None
    return organization, bpf.training_report(organization=organization, year=year)


@login_required
def training_report_home(request, organization_id: int):
    """The last closed accounting year, or the year chosen in the list (`?annee=`)."""
    organization = backoffice_access.organization_for_admin(request.user, organization_id)
    chosen = request.GET.get("annee", "")
    year = timezone.localdate().year - 1
    if chosen:
        if chosen.isdigit() and len(chosen) == 4 and _checked_year(request, int(chosen)):
            year = int(chosen)
        elif not chosen.isdigit() or len(chosen) != 4:
            messages.error(request, _("Choisissez un exercice dans la liste."))
    return redirect("backoffice:training_report", organization.id, year)


@login_required
def training_report(request, organization_id: int, year: int):
    organization, report = _report_for_admin(request, organization_id, year)
    if report is None:
        return redirect("backoffice:training_report_home", organization.id)
    form = FinancialFiguresForm(request.POST or None, initial=FinancialFiguresForm.initial_of(report.d))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.save_financial_figures(
                    organization=organization,
                    year=year,
                    charges_cents=form.cleaned_data["charges"],
                    trainer_salaries_cents=form.cleaned_data["trainer_salaries"],
                    training_purchases_cents=form.cleaned_data["training_purchases"],
                    training_share_percent=form.cleaned_data["training_share"],
                    by=request.user,
                )
            except ReportingError as error:
                for field, message in error.errors:
                    form.add_error(field, message)
            else:
                messages.success(request, _("Le cadre D de l'exercice %(year)s est enregistré.") % {"year": year})
                return redirect("backoffice:training_report", organization.id, year)
        status = 400
    context = {
        "organization": organization,
        "report": report,
        "form": form,
        "year_start_form": YearStartForm(initial={"year_start_month": services.year_start_month(organization)}),
        "years": _years(),
        "frames": cerfa.FRAMES,
        "form_version": cerfa.FORM_VERSION,
    }
    return render(request, "backoffice/reporting/training_report.html", context, status=status)


@login_required
@require_POST
def year_start(request, organization_id: int):
    """The accounting year's first month; back to the year that was shown."""
    organization = backoffice_access.organization_for_admin(request.user, organization_id)
    form = YearStartForm(request.POST)
    if form.is_valid():
        services.set_year_start_month(organization=organization, month=form.cleaned_data["year_start_month"])
        messages.success(request, _("Le premier mois de l'exercice comptable est enregistré."))
    else:
        messages.error(request, " ".join(form.errors["year_start_month"]))
    shown = request.POST.get("year", "")
    if shown.isdigit() and len(shown) == 4:
        return redirect(f"{redirect('backoffice:training_report_home', organization.id).url}?annee={shown}")
    return redirect("backoffice:training_report_home", organization.id)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def training_report_xlsx(request, organization_id: int, year: int):
    organization, report = _report_for_admin(request, organization_id, year)
    if report is None:
        return redirect("backoffice:training_report_home", organization.id)
    return _download(
        exports.report_xlsx(report),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"bpf-{organization.slug}-{year}.xlsx",
    )


@login_required
def training_report_json(request, organization_id: int, year: int):
    organization, report = _report_for_admin(request, organization_id, year)
    if report is None:
        return redirect("backoffice:training_report_home", organization.id)
    data = exports.report_data(report)
    content = json.dumps(data, ensure_ascii=False, indent=2).encode()
    return _download(content, "application/json", f"bpf-{organization.slug}-{year}.json")


@login_required
def event_qualiopi(request, event_id: int):
    """A training action's Qualiopi evidence: indicator 2 figures, and the audit archive to download."""
    event = backoffice_access.event_for_member(request.user, event_id)
    context = {"event": event, "figures": qualiopi.indicator_2(event), "entries": qualiopi.audit_entries(event)}
    return render(request, "backoffice/reporting/event_qualiopi.html", context)


@login_required
def event_qualiopi_zip(request, event_id: int):
    """The audit archive, streamed entry by entry; journaled, since it holds the trainees' data."""
    event = backoffice_access.event_for_member(request.user, event_id)
    registration_services.record_data_access(
        actor=request.user, kind=DataAccessKind.REGISTRATIONS_EXPORT, event=event, detail=_("Dossier Qualiopi (ZIP)")
    )
    response = StreamingHttpResponse(qualiopi.stream_zip(qualiopi.audit_entries(event)), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{qualiopi.archive_filename(event)}"'
    return response
