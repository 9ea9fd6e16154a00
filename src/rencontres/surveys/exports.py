"""The survey's answers as a spreadsheet the organiser opens in LibreOffice or Excel."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from . import selectors
from .models import Survey, SurveyAnswer


def survey_xlsx(survey: Survey) -> bytes:
    """Sheet « Réponses »: one row per answer, one column per question; sheet « Synthèse »: the figures."""
    questions = list(survey.questions.all())
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Réponses")
    sheet.append([_("Reçue le"), _("Nom"), _("Adresse électronique")] + [q.label for q in questions])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    answers: dict[int, dict[int, object]] = {}
    for a in SurveyAnswer.objects.filter(response__survey=survey):
        answers.setdefault(a.response_id, {})[a.question_id] = a.score if a.score is not None else a.value
    for response in survey.responses.select_related("registration").order_by("submitted_at", "id"):
        person = response.registration
        row = [timezone.localtime(response.submitted_at).replace(tzinfo=None), person.full_name, person.email]
        row += [answers.get(response.id, {}).get(q.id, "") for q in questions]
        sheet.append(row)
    summary = workbook.create_sheet(_("Synthèse"))
    figures = selectors.results(survey)
    summary.append([_("Personnes interrogées"), figures.invited])
    summary.append([_("Réponses"), figures.response_count])
    summary.append([_("Taux de réponse"), figures.response_rate])
    summary.append([_("Taux de satisfaction"), figures.satisfaction_rate])
    for row in summary.iter_rows(min_row=3, max_row=4, min_col=2, max_col=2):
        row[0].number_format = "0%"
    summary.append([])
    for result in figures.questions:
        summary.append([result.question.label, _("moyenne") if result.average is not None else "", result.average])
        for bar in result.bars:
            summary.append(["", bar.label, bar.count])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
