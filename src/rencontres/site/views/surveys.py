"""The participant's face of a survey: answered once through a personal link, no account."""

from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from rencontres.site.forms.surveys import SurveyAnswerForm
from rencontres.surveys import links, services
from rencontres.surveys.exceptions import SurveyError
from rencontres.surveys.models import SurveyResponse


def answer(request, token: str):
    found = links.from_token(token)
    if found is None:
        message = _("Ce lien de questionnaire n'est pas valable : reprenez celui du message reçu.")
        return render(request, "site/invalid_link.html", {"message": message}, status=404)
    survey, registration = found
    already = SurveyResponse.objects.filter(survey=survey, registration=registration).exists()
    context = {"survey": survey, "event": survey.event, "registration": registration}
    if already or not survey.is_open:
        return render(request, "site/surveys/done.html", {**context, "already": already})
    form = SurveyAnswerForm(request.POST or None, survey=survey)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_response(survey=survey, registration=registration, answers=form.answers())
            except SurveyError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                return redirect("site:survey_answer", token=token)
        return render(request, "site/surveys/answer.html", {**context, "form": form}, status=400)
    return render(request, "site/surveys/answer.html", {**context, "form": form})
