"""The organiser's view of the people registered to the event's sessions open to the public: the export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from rencontres.backoffice import access as backoffice_access
from rencontres.registrations import exports, services
from rencontres.registrations.enums import DataAccessKind


@login_required
def export_csv(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    services.record_data_access(
        actor=request.user, kind=DataAccessKind.REGISTRATIONS_EXPORT, event=event, detail="CSV (séances publiques)"
    )
    response = HttpResponse(exports.public_seats_csv(event), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="seances-publiques-{event.slug}.csv"'
    return response
