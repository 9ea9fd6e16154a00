"""A session open to the public, registered on its own, free (seed 000's evening lecture): its form and its cancel link."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rencontres.events.models import Session
from rencontres.organizations import access
from rencontres.registrations import availability, limits, links, services
from rencontres.registrations.enums import AvailabilityState
from rencontres.registrations.exceptions import RegistrationError, TooManyRegistrations
from rencontres.registrations.models import SessionSeat
from rencontres.site.forms.public_session import PublicSeatForm


def _public_session(request, slug: str, session_id: int) -> Session:
    """The session if it is open to the public, in this event, and the visitor may see the event; a 404 otherwise."""
    session = get_object_or_404(
        Session.objects.select_related("event__organization", "day", "venue"),
        id=session_id,
        event__slug=slug,
        is_open_to_public=True,
    )
    if not access.can_view_event(request.user, session.event):
        raise Http404
    return session


def register(request, slug: str, session_id: int):
    session = _public_session(request, slug, session_id)
    initial = {"email": request.user.email} if request.user.is_authenticated else None
    form = PublicSeatForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                limits.count_client_attempt(request)
                limits.count_address_attempt(request, email=form.cleaned_data["email"])
                seat, created = services.take_public_seat(session=session, visitor=form.visitor())
            except TooManyRegistrations as error:
                form.add_error(None, error.message)
                response = _render(request, session, form, status=429)
                response["Retry-After"] = str(error.retry_after)
                return response
            except RegistrationError as error:
                form.add_error(None, error.message)
            else:
                if created:
                    messages.success(
                        request,
                        _("Votre place à « %(title)s » est réservée : un courriel de confirmation vous est envoyé.")
                        % {"title": session.title},
                    )
                else:
                    messages.info(
                        request,
                        _(
                            "Vous étiez déjà inscrit·e à cette séance avec cette adresse : "
                            "aucune seconde place n'a été prise."
                        ),
                    )
                return redirect(session.event.get_absolute_url() + f"#seance-{session.id}")
        status = 400
    return _render(request, session, form, status=status)


def _render(request, session: Session, form: PublicSeatForm, *, status: int):
    context = {
        "session": session,
        "event": session.event,
        "form": form,
        "availability": availability.public_session_availability(session),
        "states": AvailabilityState,
    }
    return render(request, "site/public_session_register.html", context, status=status)


def cancel_by_link(request, token: str):
    """« Je ne peux plus venir » from the acknowledgement: a page asks first, then the seat is freed."""
    seat_id = links.seat_id_from_cancel_token(token)
    seat = (
        SessionSeat.objects.select_related("session__event__organization", "session__day").filter(id=seat_id).first()
        if seat_id
        else None
    )
    if seat is None or seat.anonymised_at is not None:
        raise Http404(_("Ce lien d'annulation n'est pas valable : ouvrez celui du dernier courriel reçu."))
    event_url = seat.session.event.get_absolute_url()
    if request.method == "POST":
        services.give_up_public_seat(seat=seat)
        messages.success(
            request,
            _("Votre place à « %(title)s » est libérée. Merci de l'avoir signalé.") % {"title": seat.session.title},
        )
        return redirect(event_url)
    return render(
        request, "site/public_seat_cancel.html", {"seat": seat, "session": seat.session, "keep_url": event_url}
    )
