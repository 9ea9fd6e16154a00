"""The organiser's attendance pages: slots, the roster to tick and counter-sign, the tablet, the
projected QR code, the paper sheets, the videoconference report, and hours per person."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from openpyxl import Workbook

from rencontres.attendance import kiosk, online_report, qr, selectors, services, sheets
from rencontres.attendance.enums import AttendanceStatus, SigningMode
from rencontres.attendance.exceptions import AttendanceError
from rencontres.attendance.models import Attendance
from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice.forms.attendance import (
    CorrectionForm,
    MarkForm,
    OnlineReportForm,
    ScanForm,
    SlotForm,
    SlotTimesForm,
    TabletSignatureForm,
    ValidateForm,
    WalkInForm,
)
from rencontres.core import files
from rencontres.core import qr as core_qr
from rencontres.core.emails import absolute_url
from rencontres.core.http import client_ip, pdf_response, stored_file_response
from rencontres.registrations import services as registration_services
from rencontres.registrations.enums import DataAccessKind
from rencontres.registrations.models import Registration

REPORT_SESSION_KEY = "attendance-online-report"


def _show_error(request, form, error: AttendanceError) -> None:
    if form is not None and error.field in form.fields:
        form.add_error(error.field, error.message)
    else:
        messages.error(request, error.message)


@login_required
def slots(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    form = SlotForm(request.POST or None, event=event, prefix="slot")
    status = 200
    if request.method == "POST":
        if "derive" in request.POST:
            created = services.derive_slots(event=event)
            messages.success(request, _("%(n)s demi-journée(s) ajoutée(s) depuis le programme.") % {"n": len(created)})
            return redirect("backoffice:attendance", event.id)
        if form.is_valid():
            try:
                services.add_slot(**form.cleaned_data)
            except AttendanceError as error:
                _show_error(request, form, error)
            else:
                messages.success(request, _("Demi-journée ajoutée."))
                return redirect("backoffice:attendance", event.id)
        status = 400
    context = {
        "event": event,
        "slots": selectors.slots_of(event),
        "form": form,
        "follow_up": selectors.to_follow_up(event) if event.is_training_action else [],
    }
    return render(request, "backoffice/attendance/slots.html", context, status=status)


def _slot_context(slot, **forms) -> dict:
    return {
        "slot": slot,
        "event": slot.event,
        "roster": selectors.roster(slot),
        "walk_ins": selectors.walk_ins_of(slot),
        "statuses": AttendanceStatus,
        "times_form": forms.get("times_form")
        or SlotTimesForm(
            prefix="times",
            initial={"start_time": slot.start_time, "end_time": slot.end_time, "planned_minutes": slot.planned_minutes},
        ),
        "validate_form": forms.get("validate_form") or ValidateForm(prefix="validate"),
        "walk_in_form": forms.get("walk_in_form") or WalkInForm(prefix="walkin"),
        "scan_form": forms.get("scan_form") or ScanForm(prefix="scan"),
        "report_form": forms.get("report_form") or OnlineReportForm(prefix="report"),
        "corrections": Attendance.objects.filter(slot=slot, corrections__isnull=False)
        .prefetch_related("corrections__corrected_by")
        .select_related("registration")
        .distinct(),
    }


@login_required
def slot_detail(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    return render(request, "backoffice/attendance/slot.html", _slot_context(slot))


def _redraw(request, slot, **forms):
    """The slot page again, with the form that failed showing its errors."""
    return render(request, "backoffice/attendance/slot.html", _slot_context(slot, **forms), status=400)


def _registration_of(slot, registration_id: int) -> Registration:
    return get_object_or_404(Registration, id=registration_id, event_id=slot.event_id)


@login_required
@require_POST
def slot_times(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    form = SlotTimesForm(request.POST, prefix="times")
    if form.is_valid():
        try:
            services.update_slot(slot=slot, **form.cleaned_data)
        except AttendanceError as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Horaires enregistrés."))
            return redirect("backoffice:attendance_slot", slot.id)
    return _redraw(request, slot, times_form=form)


@login_required
@require_POST
def slot_mark(request, slot_id: int):
    """One line of the roster: the status the trainer sees (or ticks on the paper sheet)."""
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    form = MarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez une présence et, pour un retard ou un départ, les minutes manquées."))
        return redirect("backoffice:attendance_slot", slot.id)
    registration = _registration_of(slot, form.cleaned_data["registration"])
    mode = SigningMode.PAPER if request.POST.get("paper") else SigningMode.ORGANISER
    try:
        services.mark(
            slot=slot,
            registration=registration,
            status=form.cleaned_data["status"],
            minutes_missed=form.cleaned_data["minutes_missed"] or 0,
            mode=mode,
            by=request.user,
        )
    except AttendanceError as error:
        messages.error(request, error.message)
    return redirect(reverse("backoffice:attendance_slot", args=[slot.id]) + f"#personne-{registration.id}")


@login_required
@require_POST
def slot_validate(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    form = ValidateForm(request.POST, prefix="validate")
    if form.is_valid():
        try:
            services.validate_slot(slot=slot, by=request.user, **form.cleaned_data)
        except AttendanceError as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Demi-journée contresignée : les heures sont comptées."))
            return redirect("backoffice:attendance_slot", slot.id)
    return _redraw(request, slot, validate_form=form)


@login_required
@require_POST
def slot_correct(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choisissez une présence et indiquez le motif de la correction."))
        return redirect("backoffice:attendance_slot", slot.id)
    registration = _registration_of(slot, form.cleaned_data["registration"])
    attendance = get_object_or_404(Attendance, slot=slot, registration=registration)
    try:
        services.correct(
            attendance=attendance,
            status=form.cleaned_data["status"],
            minutes_missed=form.cleaned_data["minutes_missed"] or 0,
            reason=form.cleaned_data["reason"],
            by=request.user,
        )
    except AttendanceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Correction enregistrée au journal."))
    return redirect("backoffice:attendance_slot", slot.id)


@login_required
@require_POST
def slot_walk_in(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    form = WalkInForm(request.POST, prefix="walkin")
    if form.is_valid():
        try:
            services.add_walk_in(slot=slot, by=request.user, **form.cleaned_data)
        except AttendanceError as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Personne ajoutée comme présente."))
            return redirect("backoffice:attendance_slot", slot.id)
    return _redraw(request, slot, walk_in_form=form)


@login_required
@require_POST
def slot_scan(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    form = ScanForm(request.POST, request.FILES, prefix="scan")
    if form.is_valid():
        try:
            services.attach_scan(slot=slot, uploaded_file=form.cleaned_data["scan"])
        except AttendanceError as error:
            _show_error(request, form, error)
        else:
            messages.success(request, _("Feuille numérisée jointe."))
            return redirect("backoffice:attendance_slot", slot.id)
    return _redraw(request, slot, scan_form=form)


def _record(request, kind: str, event, detail: str) -> None:
    registration_services.record_data_access(actor=request.user, kind=kind, event=event, detail=detail)


@login_required
def slot_scan_download(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    response = stored_file_response(slot.scan, files.kind_of_label(slot.scan_type))
    _record(request, DataAccessKind.ATTENDANCE_SCAN, slot.event, str(slot))
    return response


@login_required
def slot_sheet(request, slot_id: int):
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    _record(request, DataAccessKind.ATTENDANCE_SHEETS, slot.event, str(slot))
    return pdf_response(sheets.render_sheets([slot]), f"emargement-{slot.day.date:%Y-%m-%d}-{slot.half}.pdf")


@login_required
def event_sheets(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    slots = selectors.slots_of(event)
    day_id = request.GET.get("journee", "")
    if day_id.isdigit():
        slots = [slot for slot in slots if slot.day_id == int(day_id)]
    if not slots:
        messages.error(request, _("Aucune demi-journée à imprimer : ajoutez d'abord les créneaux d'émargement."))
        return redirect("backoffice:attendance", event.id)
    _record(request, DataAccessKind.ATTENDANCE_SHEETS, event, ", ".join(str(slot) for slot in slots))
    return pdf_response(sheets.render_sheets(slots), f"emargement-{event.slug}.pdf")


@login_required
def slot_tablet(request, slot_id: int):
    """The trainer opens the shared tablet: its own signed address, which needs no session (attendance.kiosk)."""
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    return redirect("backoffice:attendance_kiosk", kiosk.kiosk_token(slot, request.user))


def _kiosk_refused(request):
    message = _("Ce lien de tablette n'est plus valable : rouvrez la tablette depuis la page de la demi-journée.")
    return render(request, "core/invalid_link.html", {"message": message}, status=404)


def tablet_names(request, token: str):
    """The shared tablet: only the names of those still to sign, nothing else about them."""
    slot = backoffice_access.slot_of_kiosk(kiosk.kiosk_of(token), with_day_and_event=True)
    if slot is None:
        return _kiosk_refused(request)
    context = {"slot": slot, "event": slot.event, "token": token, "names": selectors.names_still_to_sign(slot)}
    return render(request, "backoffice/attendance/tablet.html", context)


def tablet_sign(request, token: str, registration_id: int):
    """A person's signing pad on the shared tablet; the signature is taken in the slot's lock.

    The room signs at once: the slot and the person are read by their ids alone, the session
    and the user are not (what the token says stands for them).
    """
    opened = kiosk.kiosk_of(token)
    slot = backoffice_access.slot_of_kiosk(opened, with_day_and_event=request.method != "POST")
    if slot is None:
        return _kiosk_refused(request)
    registration = _registration_of(slot, registration_id)
    form = TabletSignatureForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.sign(
                    slot=slot,
                    registration=registration,
                    mode=SigningMode.TABLET,
                    signature=form.cleaned_data["signature"],
                    ip_address=client_ip(request),
                    user_agent=request.headers.get("user-agent", ""),
                    recorded_by_id=opened.opened_by_id,
                )
            except AttendanceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request, _("Merci %(name)s, votre présence est signée.") % {"name": registration.first_name}
                )
                return redirect("backoffice:attendance_kiosk", token)
        status = 400
    context = {"slot": slot, "event": slot.event, "token": token, "person": registration, "form": form}
    return render(request, "backoffice/attendance/tablet_sign.html", context, status=status)


def _qr_svg(url: str) -> str:
    return core_qr.qr_svg(url, title=_("Code QR d'émargement"))


@login_required
def slot_projector(request, slot_id: int):
    """The QR code projected in the room; the fragment refreshes itself before the code changes."""
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    code = qr.current_code(slot)
    url = absolute_url(reverse("site:attendance_qr", args=[slot.id, code]))
    context = {"slot": slot, "event": slot.event, "qr_svg": _qr_svg(url), "url": url, "seconds_left": qr.seconds_left()}
    template = "backoffice/attendance/_qr.html" if request.htmx else "backoffice/attendance/projector.html"
    return render(request, template, context)


@login_required
def slot_online_report(request, slot_id: int):
    """Upload a videoconference report, see who matches whom, then record those presences."""
    slot = backoffice_access.slot_for_member(request.user, slot_id)
    stored = request.session.get(REPORT_SESSION_KEY, {})
    if request.method == "POST" and "confirm" in request.POST:
        matched = [tuple(pair) for pair in stored.get(str(slot.id), [])]
        try:
            recorded = services.apply_online_report(slot=slot, matched=matched, by=request.user)
        except AttendanceError as error:
            messages.error(request, error.message)
        else:
            stored.pop(str(slot.id), None)
            request.session[REPORT_SESSION_KEY] = stored
            messages.success(
                request,
                _("%(n)s présence(s) en ligne enregistrée(s) : vérifiez-les puis contresignez.") % {"n": recorded},
            )
        return redirect("backoffice:attendance_slot", slot.id)
    form = OnlineReportForm(request.POST or None, request.FILES or None, prefix="report")
    lines = []
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = online_report.read_report(form.cleaned_data["report"].read())
            except AttendanceError as error:
                form.add_error("report", error.message)
            else:
                lines = online_report.match(report, selectors.expected_people(slot))
                stored[str(slot.id)] = [[r.id, line.minutes] for line, r in lines if r is not None]
                request.session[REPORT_SESSION_KEY] = stored
        if form.errors:
            status = 400
    context = {"slot": slot, "event": slot.event, "form": form, "lines": lines}
    return render(request, "backoffice/attendance/online_report.html", context, status=status)


@login_required
def hours(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    return render(request, "backoffice/attendance/hours.html", {"event": event, "hours": selectors.event_hours(event)})


@login_required
def hours_xlsx(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    _record(request, DataAccessKind.HOURS_EXPORT, event, "XLSX")
    table = selectors.event_hours(event)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Heures")
    validated = [slot for slot in table.slots if slot.is_validated]
    sheet.append(
        [_("Nom"), _("Financeur")]
        + [f"{slot.day.date:%d/%m/%Y} {slot.get_half_display()}" for slot in validated]
        + [_("Heures réalisées"), _("Heures prévues"), _("Taux de réalisation")]
    )
    planned = table.planned_minutes_per_person
    for person in table.people:
        sheet.append(
            [person.name, person.payer]
            + [round(person.minutes_by_slot.get(slot.id, 0) / 60, 2) for slot in validated]
            + [person.hours, round(planned / 60, 2), round(person.minutes / planned, 3) if planned else None]
        )
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="heures-{event.slug}.xlsx"'
    return response
