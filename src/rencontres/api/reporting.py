"""The BPF (Cerfa 10443) of an organisation for an accounting year, for its own tools (organisation token)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema

from rencontres.api.auth import OrganizationToken
from rencontres.api.events import SLUG_RE, ErrorOut
from rencontres.reporting import bpf, exports

router = Router(tags=["bilan pédagogique et financier"])


class PeriodOut(Schema):
    start: str = Field(description="Premier jour de l'exercice (AAAA-MM-JJ).")
    end: str = Field(description="Dernier jour de l'exercice.")


class MoneyLineOut(Schema):
    line: str = Field(description="Numéro de la ligne sur le formulaire : 1, 2a… 2h, 2, 3… 11.")
    label: str
    amount_cents: int


class FrameCOut(Schema):
    lines: list[MoneyLineOut]
    total_cents: int
    training_share_percent: float | None = Field(description="Part du chiffre d'affaires (saisie), en %.")


class FrameDOut(Schema):
    charges_cents: int | None
    trainer_salaries_cents: int | None
    training_purchases_cents: int | None


class PeopleTotalOut(Schema):
    people: int
    hours: float


class PeopleLineOut(PeopleTotalOut):
    line: str
    label: str


class FrameEOut(Schema):
    lines: list[PeopleLineOut]
    total: PeopleTotalOut


class TraineesTotalOut(Schema):
    trainees: int
    hours: float


class LevelOut(TraineesTotalOut):
    line: str
    label: str


class ObjectiveLineOut(LevelOut):
    levels: list[LevelOut] = Field(description="Ligne a : dont par niveau du diplôme ou titre RNCP ; vide ailleurs.")


class FrameF1Out(Schema):
    lines: list[LevelOut]
    total: TraineesTotalOut
    at_distance: int = Field(description="Stagiaires ayant suivi l'action en tout ou partie à distance.")


class FrameF3Out(Schema):
    lines: list[ObjectiveLineOut]
    total: TraineesTotalOut


class SpecialityOut(TraineesTotalOut):
    code: str | None = Field(description="Code NSF ; null pour la ligne « Autres spécialités ».")
    label: str


class FrameBOut(Schema):
    at_distance: bool


class TrainingReportOut(Schema):
    organization: str
    year: int
    form: str = Field(description="Version du Cerfa suivie.")
    period: PeriodOut
    B: FrameBOut
    C: FrameCOut
    D: FrameDOut
    E: FrameEOut
    F1: FrameF1Out
    F3: FrameF3Out
    F4: list[SpecialityOut]
    G: TraineesTotalOut
    warnings: list[str] = Field(description="Ce que l'organisme doit vérifier avant de déposer son bilan.")


@router.get(
    "/{slug}/training-report/{year}",
    response={200: TrainingReportOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=OrganizationToken(),
    summary="Le bilan pédagogique et financier (BPF) d'un exercice de votre organisme",
    operation_id="training_report",
)
def training_report(request, slug: str, year: int):
    """Les cadres du Cerfa 10443 calculés pour l'exercice clos en `year` (l'année civile, sauf si l'organisme a
    fixé un autre premier mois) : seules les actions de formation comptent, avec leurs heures validées.

    Heures et effectifs en nombres, montants en centimes ; `warnings` dit ce qu'il faut vérifier.
    """
    organization = request.auth.organization
    if not SLUG_RE.match(slug) or slug != organization.slug:
        raise Http404(_("Votre jeton n'est pas celui de l'organisme « %(slug)s ».") % {"slug": slug[:120]})
    return exports.report_data(bpf.training_report(organization=organization, year=year))
