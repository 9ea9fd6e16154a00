"""The organiser's face of satisfaction surveys: from a template, questions, sending, results, export.

Every view starts with a permission helper that returns the object or a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rencontres.backoffice import access as backoffice_access
from rencontres.backoffice import charts
from rencontres.backoffice.confirmation import ask_before_deleting
from rencontres.backoffice.forms.surveys import PublishForm, SurveyCreateForm, SurveyQuestionForm, SurveySettingsForm
from rencontres.organizations import access
from rencontres.registrations import services as registration_services
from rencontres.registrations.enums import DataAccessKind
from rencontres.surveys import exports, jobs, selectors, services
from rencontres.surveys.enums import SurveyKind
from rencontres.surveys.exceptions import SurveyError
from rencontres.surveys.models import Survey, SurveyQuestion

FORM_ERROR = _("Le formulaire contient des erreurs : corrigez les champs signalés.")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _survey_for_member(request, survey_id: int) -> Survey:
    survey = get_object_or_404(Survey.objects.select_related("event__organization"), id=survey_id)
    if not access.can_manage_event(request.user, survey.event):
        raise Http404
    return survey


@login_required
def event_surveys(request, event_id: int):
    event = backoffice_access.event_for_member(request.user, event_id)
    form = SurveyCreateForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                survey = services.create_from_template(event=event, kind=form.cleaned_data["kind"])
            except SurveyError as error:
                form.add_error("kind", error.message)
            else:
                return redirect("backoffice:survey", survey_id=survey.id)
        messages.error(request, FORM_ERROR)
        status = 400
    surveys = selectors.surveys_of(event)
    missing = [k for k in SurveyKind if k not in {s.kind for s in surveys}]
    context = {"event": event, "surveys": surveys, "missing_kinds": missing, "form": form}
    return render(request, "backoffice/surveys/event_surveys.html", context, status=status)


def _survey_context(survey: Survey, **bound) -> dict:
    return {
        "survey": survey,
        "event": survey.event,
        "questions": list(survey.questions.all()),
        "settings_form": bound.get("settings_form")
        or SurveySettingsForm(
            prefix="survey",
            initial={
                "title": survey.title,
                "intro": survey.intro,
                "weeks_after": survey.weeks_after,
                "is_open": survey.is_open,
            },
        ),
        "question_form": bound.get("question_form") or SurveyQuestionForm(prefix="question"),
        "publish_form": PublishForm(initial={"published": survey.results_published}),
        "send_time": services.send_time(survey),
        "is_cold": survey.kind == SurveyKind.COLD,
    }


@login_required
def survey_edit(request, survey_id: int):
    survey = _survey_for_member(request, survey_id)
    if request.method == "POST":
        form = SurveySettingsForm(request.POST, prefix="survey")
        if form.is_valid():
            try:
                services.update_survey(survey=survey, **form.cleaned_data)
            except SurveyError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                messages.success(request, _("Questionnaire enregistré."))
                return redirect("backoffice:survey", survey_id=survey.id)
        messages.error(request, FORM_ERROR)
        return render(
            request, "backoffice/surveys/survey.html", _survey_context(survey, settings_form=form), status=400
        )
    return render(request, "backoffice/surveys/survey.html", _survey_context(survey))


@login_required
@require_POST
def question_add(request, survey_id: int):
    survey = _survey_for_member(request, survey_id)
    form = SurveyQuestionForm(request.POST, prefix="question")
    if form.is_valid():
        try:
            services.add_question(survey=survey, **form.cleaned_data)
        except SurveyError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
    if form.errors:
        messages.error(request, FORM_ERROR)
        return render(
            request, "backoffice/surveys/survey.html", _survey_context(survey, question_form=form), status=400
        )
    return redirect("backoffice:survey", survey_id=survey.id)


@login_required
@require_POST
def question_delete(request, question_id: int):
    question = get_object_or_404(SurveyQuestion.objects.select_related("survey__event"), id=question_id)
    if not access.can_manage_event(request.user, question.survey.event):
        raise Http404
    asked = ask_before_deleting(
        request,
        what=_("la question « %(label)s »") % {"label": question.label},
        back_url=reverse("backoffice:survey", kwargs={"survey_id": question.survey_id}),
    )
    if asked:
        return asked
    try:
        services.delete_question(question=question)
    except SurveyError as error:
        messages.error(request, error.message)
    return redirect("backoffice:survey", survey_id=question.survey_id)


@login_required
@require_POST
def survey_publish(request, survey_id: int):
    survey = _survey_for_member(request, survey_id)
    form = PublishForm(request.POST)
    form.is_valid()  # a checkbox: absent or anything else means « not published »
    services.set_results_published(survey=survey, published=bool(form.cleaned_data.get("published")))
    messages.success(request, _("Publication enregistrée."))
    return redirect("backoffice:survey_results", survey_id=survey.id)


@login_required
@require_POST
def survey_send(request, survey_id: int):
    survey = _survey_for_member(request, survey_id)
    sent = jobs.send_survey(survey)
    if sent:
        messages.success(request, _("Questionnaire envoyé à %(n)s personne(s).") % {"n": sent})
    else:
        messages.error(request, _("Ce questionnaire a déjà été envoyé : la relance partira une semaine après."))
    return redirect("backoffice:survey", survey_id=survey.id)


@login_required
def survey_results(request, survey_id: int):
    survey = _survey_for_member(request, survey_id)
    registration_services.record_data_access(
        actor=request.user, kind=DataAccessKind.SURVEY_RESULTS, event=survey.event, detail=survey.title
    )
    results = selectors.results(survey)
    for result in results.questions:
        result.chart = charts.bar_chart(result) if result.bars else None
    context = {
        "survey": survey,
        "event": survey.event,
        "results": results,
        "publish_form": PublishForm(initial={"published": survey.results_published}),
    }
    return render(request, "backoffice/surveys/results.html", context)


@login_required
def survey_export(request, survey_id: int):
    survey = _survey_for_member(request, survey_id)
    registration_services.record_data_access(
        actor=request.user, kind=DataAccessKind.SURVEY_EXPORT, event=survey.event, detail=survey.title
    )
    response = HttpResponse(exports.survey_xlsx(survey), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="questionnaire-{survey.event.slug}-{survey.kind}.xlsx"'
    return response
