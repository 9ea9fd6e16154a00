"""Surveys: built from a template, answered once per registration, sent once and reminded once."""

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from rencontres.events import services as events_services
from rencontres.events.models import Event
from rencontres.registrations.enums import RegistrationState
from rencontres.registrations.models import Registration

from .enums import SurveyKind, SurveyQuestionKind
from .exceptions import SurveyError
from .models import Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from .templates_catalogue import SURVEY_TEMPLATES

TEXT_MAX_LENGTH = 3000


def create_from_template(*, event: Event, kind: str) -> Survey:
    """The event's à chaud or à froid survey with the template's questions; one of each kind per event."""
    if kind not in SurveyKind.values:
        raise SurveyError(_("Choisissez un questionnaire à chaud ou à froid."), field="kind")
    template = SURVEY_TEMPLATES[kind]
    with transaction.atomic():
        if Survey.objects.filter(event=event, kind=kind).exists():
            raise SurveyError(_("Cet événement a déjà son questionnaire %(kind)s.") % {"kind": SurveyKind(kind).label})
        survey = Survey.objects.create(
            event=event,
            kind=kind,
            title=str(template["title"]),
            intro=str(template["intro"]),
            weeks_after=template["weeks_after"],
        )
        SurveyQuestion.objects.bulk_create(
            SurveyQuestion(
                survey=survey,
                label=str(label),
                kind=qkind,
                choices=choices,
                is_required=required,
                counts_for_satisfaction=satisfaction,
                order=i,
            )
            for i, (label, qkind, choices, required, satisfaction) in enumerate(template["questions"], start=1)
        )
    return survey


def update_survey(*, survey: Survey, title: str, intro: str, weeks_after: int, is_open: bool) -> Survey:
    """Changes the survey's wording, its sending delay and whether it takes answers."""
    if survey.kind == SurveyKind.COLD and weeks_after < 1:
        raise SurveyError(_("Un questionnaire à froid part au moins une semaine après la fin."), field="weeks_after")
    with transaction.atomic():
        survey.title, survey.intro = title.strip(), intro.strip()
        survey.weeks_after = 0 if survey.kind == SurveyKind.HOT else weeks_after
        survey.is_open = is_open
        survey.save(update_fields=["title", "intro", "weeks_after", "is_open"])
    return survey


def add_question(
    *, survey: Survey, label: str, kind: str, choices: str = "", is_required: bool = False
) -> SurveyQuestion:
    """A new question at the end of the survey; a choice question needs at least two choices."""
    label = label.strip()
    if not label:
        raise SurveyError(_("Écrivez la question."), field="label")
    if kind not in SurveyQuestionKind.values:
        raise SurveyError(_("Choisissez le type de réponse."), field="kind")
    choice_list = [line.strip() for line in choices.splitlines() if line.strip()]
    if kind == SurveyQuestionKind.CHOICE and len(choice_list) < 2:
        raise SurveyError(_("Une question à choix propose au moins deux choix, un par ligne."), field="choices")
    with transaction.atomic():
        last = survey.questions.order_by("-order").values_list("order", flat=True).first()
        return SurveyQuestion.objects.create(
            survey=survey,
            label=label,
            kind=kind,
            choices="\n".join(choice_list) if kind == SurveyQuestionKind.CHOICE else "",
            is_required=is_required,
            counts_for_satisfaction=False,
            order=(last or 0) + 1,
        )


def delete_question(*, question: SurveyQuestion) -> None:
    """Removes a question nobody has answered yet."""
    with transaction.atomic():
        if question.answers.exists():
            raise SurveyError(_("Des personnes ont déjà répondu à cette question : elle reste."))
        question.delete()


def clean_answer(question: SurveyQuestion, raw: str) -> tuple[int | None, str]:
    """(score, text) for one answer, or SurveyError with a French message saying what to fix."""
    raw = (raw or "").strip()
    field = f"question_{question.id}"
    if not raw:
        if question.is_required:
            raise SurveyError(_("Répondez à cette question."), field=field)
        return None, ""
    if question.kind == SurveyQuestionKind.SCALE:
        if raw not in {"1", "2", "3", "4", "5"}:
            raise SurveyError(_("Choisissez une note de 1 à 5."), field=field)
        return int(raw), ""
    if question.kind == SurveyQuestionKind.CHOICE:
        if raw not in question.choice_list:
            raise SurveyError(
                _("Choisissez l'une des réponses proposées : %(choices)s.")
                % {"choices": ", ".join(question.choice_list)},
                field=field,
            )
        return None, raw
    if len(raw) > TEXT_MAX_LENGTH:
        raise SurveyError(_("Au plus %(n)s caractères.") % {"n": TEXT_MAX_LENGTH}, field=field)
    return None, raw


def submit_response(*, survey: Survey, registration: Registration, answers: dict[int, str]) -> SurveyResponse:
    """Records one person's answers, once: a second submission is refused, even at the same instant."""
    if registration.event_id != survey.event_id:
        raise SurveyError(_("Ce lien ne correspond pas à ce questionnaire."))
    if not survey.is_open:
        raise SurveyError(_("Ce questionnaire est clos : il ne prend plus de réponse."))
    if registration.anonymised_at is not None:
        raise SurveyError(_("Ce lien n'est plus valable : les données de cette inscription ont été effacées."))
    questions = list(survey.questions.all())
    cleaned = {q.id: clean_answer(q, answers.get(q.id, "")) for q in questions}
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(survey=survey, registration=registration)
            SurveyAnswer.objects.bulk_create(
                SurveyAnswer(response=response, question_id=qid, score=score, value=value)
                for qid, (score, value) in cleaned.items()
                if score is not None or value
            )
    except IntegrityError:
        raise SurveyError(_("Vous avez déjà répondu à ce questionnaire : merci !")) from None
    return response


def set_results_published(*, survey: Survey, published: bool) -> None:
    """Shows the satisfaction rate and the number of answers on the event page (Qualiopi indicator 2), or hides them."""
    with transaction.atomic():
        survey.results_published = published
        survey.save(update_fields=["results_published"])
        events_services.touch_event(survey.event)


def event_end(event: Event) -> dt.datetime | None:
    """When the last session ends (its start, or the end of its day at 18 h, if it has no end time)."""
    from rencontres.events.models import PARIS, Session

    last = (
        Session.objects.filter(event=event, day__is_month_only=False)
        .select_related("day")
        .order_by("-day__date", "-end_time", "-start_time")
        .first()
    )
    if last is None:
        return None
    moment = last.end_time or last.start_time or dt.time(18)
    return dt.datetime.combine(last.day.date, moment, tzinfo=PARIS)


def send_time(survey: Survey) -> dt.datetime | None:
    """À chaud: the end of the last session; à froid: that plus the survey's number of weeks."""
    end = event_end(survey.event)
    if end is None:
        return None
    return end + dt.timedelta(weeks=survey.weeks_after)


def recipients(survey: Survey, *, without_response: bool = False) -> list[Registration]:
    registrations = Registration.objects.filter(
        event_id=survey.event_id, state=RegistrationState.CONFIRMED, anonymised_at__isnull=True
    )
    if without_response:
        registrations = registrations.exclude(survey_responses__survey=survey)
    return list(registrations.order_by("id"))


@transaction.atomic
def anonymise_answers(*, registration: Registration) -> int:
    """Remove the person's free-text answers; how many.

    Free text may name the person or others, so it goes. Scores and chosen options stay: once
    the registration is anonymised they point to nobody, and the satisfaction rate the
    organisation published (Qualiopi indicator 2) must not change after the fact.
    """
    count, _by_model = SurveyAnswer.objects.filter(
        response__registration=registration, question__kind=SurveyQuestionKind.TEXT
    ).delete()
    return count
