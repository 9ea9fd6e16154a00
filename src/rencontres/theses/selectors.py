"""Reads of theses and of the jury: an event's settings, its trainees' files and decisions, a person's own."""

from dataclasses import dataclass, field

from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .models import Decision, Jury, Thesis, ThesisSettings


def settings_of(event: Event) -> ThesisSettings | None:
    return ThesisSettings.objects.filter(event=event).first()


def jury_of(event: Event) -> Jury | None:
    return Jury.objects.filter(event=event).prefetch_related("members").first()


@dataclass
class TraineeFile:
    """A confirmed trainee with every version of their thesis and the decisions on it, newest last."""

    registration: Registration
    theses: list[Thesis] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)

    @property
    def thesis(self) -> Thesis | None:
        return next((t for t in self.theses if t.replaced_at is None), None)

    @property
    def decision(self) -> Decision | None:
        return next((d for d in self.decisions if d.replaced_at is None), None)


def trainees_of(event: Event) -> list[TraineeFile]:
    """The confirmed trainees, by name, each with their theses and decisions: three queries whatever their number."""
    registrations = Registration.objects.filter(event=event, state=RegistrationState.CONFIRMED).order_by(
        "last_name", "first_name", "id"
    )
    files = {r.id: TraineeFile(r) for r in registrations}
    for thesis in Thesis.objects.filter(registration_id__in=files).order_by("version"):
        files[thesis.registration_id].theses.append(thesis)
    for decision in (
        Decision.objects.filter(registration_id__in=files).select_related("recorded_by").order_by("recorded_at", "id")
    ):
        files[decision.registration_id].decisions.append(decision)
    return list(files.values())


def trainee_file(registration: Registration) -> TraineeFile:
    return TraineeFile(
        registration,
        list(Thesis.objects.filter(registration=registration).order_by("version")),
        list(Decision.objects.filter(registration=registration).order_by("recorded_at", "id")),
    )


def current_decisions(event: Event) -> dict[int, Decision]:
    """The decision in force of each trainee of the event who has one, by registration id."""
    return {
        d.registration_id: d
        for d in Decision.objects.filter(registration__event=event, replaced_at__isnull=True).select_related("jury")
    }


def current_decisions_of(registration_ids: list[int]) -> dict[int, Decision]:
    """The decision in force for each of these registrations that has one (for « Mon espace »)."""
    return {
        d.registration_id: d
        for d in Decision.objects.filter(registration_id__in=registration_ids, replaced_at__isnull=True)
    }


def of_registrations(registration_ids: list[int]) -> dict[int, list[Thesis]]:
    """Every version of the theses of these registrations (for « Mon espace »), by registration."""
    found: dict[int, list[Thesis]] = {}
    for thesis in Thesis.objects.filter(registration_id__in=registration_ids).order_by("version"):
        found.setdefault(thesis.registration_id, []).append(thesis)
    return found


def settings_of_events(event_ids: list[int]) -> dict[int, ThesisSettings]:
    """The events among these that ask for a thesis, with their settings."""
    return {s.event_id: s for s in ThesisSettings.objects.filter(event_id__in=event_ids, is_required=True)}


def personal_data(registration_ids) -> dict[int, dict[str, list[dict]]]:
    """A person's theses and the jury's decisions on them, for their data download, by registration."""
    found: dict[int, dict[str, list[dict]]] = {}
    for thesis in Thesis.objects.filter(registration_id__in=registration_ids).order_by("version"):
        found.setdefault(thesis.registration_id, {"memoires": [], "decisions_du_jury": []})["memoires"].append(
            {
                "titre": thesis.title,
                "version": thesis.version,
                "format": thesis.file_type,
                "depose_le": thesis.submitted_at.isoformat(),
            }
        )
    for decision in Decision.objects.filter(registration_id__in=registration_ids).order_by("recorded_at", "id"):
        found.setdefault(decision.registration_id, {"memoires": [], "decisions_du_jury": []})[
            "decisions_du_jury"
        ].append(
            {
                "decision": decision.get_outcome_display(),
                "commentaire": decision.comment,
                "enregistree_le": decision.recorded_at.isoformat(),
                "motif_de_correction": decision.correction_reason,
                "remplacee": decision.replaced_at is not None,
            }
        )
    return found
