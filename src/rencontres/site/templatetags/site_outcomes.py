"""What an event produced, for its page: published workshop restitutions and satisfaction figures."""

from django import template

from rencontres.surveys import selectors as survey_selectors
from rencontres.workshops import selectors as workshop_selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def event_outcomes(context, event, has_outcomes=True) -> dict:
    """Restitutions this visitor may read (public, or for registered people) and the published figures (Qualiopi 2).

    `has_outcomes` False (read from the page's cached fragments) says nothing was published: no query.
    """
    if not has_outcomes:
        return {"restitutions": [], "figures": []}
    registered_or_member = bool(context.get("is_member") or context.get("my_registration_is_confirmed"))
    return {
        "restitutions": workshop_selectors.published_restitutions(event, registered_or_member=registered_or_member),
        "figures": survey_selectors.published_figures(event),
    }
