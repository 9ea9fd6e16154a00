"""Personal signed links to answer a survey: one per registration, no account needed."""

from django.core import signing

from rencontres.registrations.models import Registration

from .models import Survey

SALT = "surveys.answer"


def answer_token(survey: Survey, registration: Registration) -> str:
    return signing.dumps({"s": survey.id, "r": registration.id}, salt=SALT, compress=True)


def from_token(token: str) -> tuple[Survey, Registration] | None:
    """The survey and the registration the link was made for, or None if it was forged or altered."""
    try:
        data = signing.loads(token, salt=SALT)
        survey_id, registration_id = int(data["s"]), int(data["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    survey = Survey.objects.select_related("event__organization").filter(id=survey_id).first()
    if survey is None:
        return None
    registration = Registration.objects.filter(id=registration_id, event_id=survey.event_id).first()
    if registration is None:
        return None
    return survey, registration
