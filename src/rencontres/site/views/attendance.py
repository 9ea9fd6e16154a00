"""Signing on one's own phone, and the personal link to an online session.

The QR code projected in the room opens the slot for a few minutes; the person is then known
by their personal attendance link (sent in their emails) or by six digits sent to the address
they registered with. Either proves they are the registered person, without an account.
"""

import time

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.attendance import emails, identity, qr, services
from rencontres.attendance.enums import SigningMode
from rencontres.attendance.exceptions import AttendanceError
from rencontres.attendance.models import AttendanceSlot
from rencontres.core.http import client_ip
from rencontres.events.models import Session
from rencontres.registrations import links
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration
from rencontres.site.forms.attendance import CodeForm, EmailForm, SignatureForm

# After scanning, the person has this long to say who they are and sign.
QR_OPENS_FOR_SECONDS = 10 * 60
OPENED = "attendance-opened-slots"
PEOPLE = "attendance-people"  # event id -> registration id, once proven


def _slot(slot_id: int) -> AttendanceSlot:
    return get_object_or_404(AttendanceSlot.objects.select_related("day", "event__organization"), id=slot_id)


def _is_open(request, slot) -> bool:
    opened_at = request.session.get(OPENED, {}).get(str(slot.id))
    return opened_at is not None and time.time() - opened_at < QR_OPENS_FOR_SECONDS


def _person(request, event_id: int) -> Registration | None:
    registration_id = request.session.get(PEOPLE, {}).get(str(event_id))
    if registration_id is None:
        return None
    return Registration.objects.filter(id=registration_id, event_id=event_id, state=RegistrationState.CONFIRMED).first()


def _remember_person(request, registration) -> None:
    people = request.session.get(PEOPLE, {})
    people[str(registration.event_id)] = registration.id
    request.session[PEOPLE] = people


def qr_landing(request, slot_id: int, code: str):
    """Where the projected QR code leads: valid for its 30 seconds, then the slot stays open 10 minutes."""
    slot = _slot(slot_id)
    if slot.is_validated:
        return render(request, "site/attendance/closed.html", {"slot": slot, "event": slot.event}, status=410)
    if not qr.is_valid(slot, code):
        return render(request, "site/attendance/expired.html", {"slot": slot, "event": slot.event}, status=400)
    opened = request.session.get(OPENED, {})
    opened[str(slot.id)] = time.time()
    request.session[OPENED] = opened
    return redirect("site:attendance_sign", slot.id)


def sign(request, slot_id: int):
    slot = _slot(slot_id)
    if not _is_open(request, slot):
        return render(request, "site/attendance/expired.html", {"slot": slot, "event": slot.event}, status=400)
    person = _person(request, slot.event_id)
    if person is None:
        return redirect("site:attendance_identify", slot.id)
    form = SignatureForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.sign(
                    slot=slot,
                    registration=person,
                    mode=SigningMode.PHONE,
                    signature=form.cleaned_data["signature"],
                    ip_address=client_ip(request),  # behind the proxy, the person's address, not the proxy's
                    user_agent=request.headers.get("user-agent", ""),
                )
            except AttendanceError as error:
                form.add_error(None, error.message)
            else:
                return render(
                    request, "site/attendance/signed.html", {"slot": slot, "event": slot.event, "person": person}
                )
        status = 400
    context = {"slot": slot, "event": slot.event, "person": person, "form": form}
    return render(request, "site/attendance/sign.html", context, status=status)


def identify(request, slot_id: int):
    """Not known yet: the address they registered with receives six digits to type here."""
    slot = _slot(slot_id)
    if not _is_open(request, slot):
        return render(request, "site/attendance/expired.html", {"slot": slot, "event": slot.event}, status=400)
    email_form = EmailForm(request.POST if "email" in request.POST else None)
    code_form = CodeForm(request.POST if "code" in request.POST else None)
    status = 200
    if request.method == "POST":
        status = 400
        if "email" in request.POST and email_form.is_valid():
            registration = Registration.objects.filter(
                event_id=slot.event_id,
                email=email_form.cleaned_data["email"].lower(),
                state=RegistrationState.CONFIRMED,
            ).first()
            if registration is not None:
                emails.signing_code(
                    registration=registration, slot=slot, code=identity.signing_code(registration, slot)
                )
            # The same answer whether the address is registered or not: nobody learns who is.
            request.session["attendance-code-for"] = email_form.cleaned_data["email"].lower()
            messages.info(request, _("Si cette adresse est inscrite, un code vient d'y être envoyé."))
            return redirect("site:attendance_identify", slot.id)
        if "code" in request.POST and code_form.is_valid():
            address = request.session.get("attendance-code-for", "")
            registration = Registration.objects.filter(
                event_id=slot.event_id, email=address, state=RegistrationState.CONFIRMED
            ).first()
            if registration is not None and identity.check_signing_code(
                registration, slot, code_form.cleaned_data["code"]
            ):
                _remember_person(request, registration)
                return redirect("site:attendance_sign", slot.id)
            code_form.add_error("code", _("Ce code n'est pas le bon, ou il a expiré : demandez-en un nouveau."))
    context = {
        "slot": slot,
        "event": slot.event,
        "email_form": email_form,
        "code_form": code_form,
        "code_sent_to": request.session.get("attendance-code-for"),
    }
    return render(request, "site/attendance/identify.html", context, status=status)


def personal_link(request, token: str):
    """The link in the person's emails: this browser now signs as them, for this event."""
    registration_id = links.registration_id_from_token(token)
    registration = (
        Registration.objects.select_related("event")
        .filter(id=registration_id, state=RegistrationState.CONFIRMED)
        .first()
        if registration_id
        else None
    )
    if registration is None:
        raise Http404
    _remember_person(request, registration)
    return render(request, "site/attendance/known.html", {"event": registration.event, "person": registration})


@require_POST
def forget(request, event_id: int):
    people = request.session.get(PEOPLE, {})
    people.pop(str(event_id), None)
    request.session[PEOPLE] = people
    return redirect("site:catalogue")


def online_join(request, token: str, session_id: int):
    """The personal link to a webinar: records when the person joined, then opens the videoconference."""
    registration_id = links.registration_id_from_token(token)
    session = get_object_or_404(Session, id=session_id)
    registration = Registration.objects.filter(id=registration_id or 0, event_id=session.event_id).first()
    if registration is None or not session.online_url:
        raise Http404
    try:
        services.record_online_join(registration=registration, session=session)
    except AttendanceError as error:
        return render(
            request,
            "site/attendance/online_refused.html",
            {"message": error.message, "event": session.event},
            status=403,
        )
    return redirect(session.online_url)
