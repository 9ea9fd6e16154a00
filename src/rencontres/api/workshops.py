"""The workshops face of the API: an organisation reads its event's workshops, contributions and votes."""

from ninja import Field, Router, Schema

from rencontres.api.auth import OrganizationToken, own_event_or_404
from rencontres.api.events import ErrorOut
from rencontres.workshops import selectors

router = Router(tags=["Ateliers"])


class ContributionOut(Schema):
    text: str
    votes: int = Field(description="Gommettes reçues (figées à la clôture du vote).")


class WorkstreamOut(Schema):
    title: str
    question: str
    contributions: list[ContributionOut] = Field(description="Contributions visibles, les plus votées d'abord.")
    synthesis: str | None = Field(
        description="Le texte de la synthèse du chantier ; null tant qu'elle n'est pas écrite."
    )


class WorkshopOut(Schema):
    id: int
    title: str
    workstreams: list[WorkstreamOut]


@router.get(
    "/{slug}/workshops",
    response={200: list[WorkshopOut], 401: ErrorOut, 404: ErrorOut},
    auth=OrganizationToken(),
    summary="Les ateliers d'un événement de votre organisme",
    operation_id="list_workshops",
)
def list_workshops(request, slug: str):
    """Chaque atelier avec ses chantiers, leurs contributions visibles et leurs gommettes, et la synthèse."""
    event = own_event_or_404(request.auth, slug)
    out = []
    for workshop in selectors.workshops_of(event):
        syntheses = {s.workstream.id: s for s in selectors.restitution(workshop)}
        out.append(
            {
                "id": workshop.id,
                "title": workshop.title,
                "workstreams": [
                    {
                        "title": stream.workstream.title,
                        "question": stream.workstream.question,
                        "contributions": [{"text": i.contribution.text, "votes": i.votes} for i in stream.items],
                        "synthesis": syntheses[stream.workstream.id].text or None,
                    }
                    for stream in selectors.board(workshop, by_votes=True)
                ],
            }
        )
    return out
