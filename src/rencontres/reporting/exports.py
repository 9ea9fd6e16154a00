"""The BPF as data (the API's JSON and the back-office's download) and as a spreadsheet laid out like the form."""

import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import cerfa
from .bpf import CountLine, TrainingReport


def _count(line: CountLine, name: str) -> dict:
    return {name: line.count, "hours": line.hours}


def _count_line(line: CountLine, name: str) -> dict:
    return {"line": line.line, "label": line.label, **_count(line, name)}


def _f3_line(line: CountLine) -> dict:
    """With `levels`: the « dont » lines by RNCP level of line a (empty for the other lines)."""
    return {**_count_line(line, "trainees"), "levels": [_count_line(part, "trainees") for part in line.parts]}


def report_data(report: TrainingReport) -> dict:
    """Frame by frame, hours and counts as numbers, money in cents; what the API answers."""
    d = report.d
    share = report.training_share_percent
    return {
        "organization": report.organization.slug,
        "year": report.year,
        "form": cerfa.FORM_VERSION,
        "period": {"start": report.start.isoformat(), "end": report.end.isoformat()},
        "B": {"at_distance": report.f1_at_distance > 0},
        "C": {
            "lines": [{"line": x.line, "label": x.label, "amount_cents": x.amount_cents} for x in report.c.lines],
            "total_cents": report.c.total_cents,
            "training_share_percent": float(share) if share is not None else None,
        },
        "D": {
            "charges_cents": d.charges_cents if d else None,
            "trainer_salaries_cents": d.trainer_salaries_cents if d else None,
            "training_purchases_cents": d.training_purchases_cents if d else None,
        },
        "E": {
            "lines": [_count_line(x, "people") for x in report.e],
            "total": _count(report.e_total, "people"),
        },
        "F1": {
            "lines": [_count_line(x, "trainees") for x in report.f1],
            "total": _count(report.f1_total, "trainees"),
            "at_distance": report.f1_at_distance,
        },
        "F3": {
            "lines": [_f3_line(x) for x in report.f3],
            "total": _count(report.f3_total, "trainees"),
        },
        "F4": [{"code": x.code, "label": x.label, "trainees": x.count, "hours": x.hours} for x in report.f4],
        "G": _count(report.g, "trainees"),
        "warnings": report.warnings,
    }


EUROS = '#,##0.00\\ "€"'


def _euros(cents: int | None):
    return None if cents is None else Decimal(cents) / 100


def report_xlsx(report: TrainingReport) -> bytes:
    """One sheet, the frames one under the other as on the form: line, label, then the figures."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("BPF %(year)s") % {"year": report.year}
    bold = Font(bold=True)

    def title(text: str) -> None:
        sheet.append([])
        sheet.append([text])
        sheet.cell(sheet.max_row, 1).font = bold

    def header(*labels: str) -> None:
        sheet.append(["", *labels])
        for cell in sheet[sheet.max_row]:
            cell.font = bold

    def money(line: str, label: str, cents) -> None:
        sheet.append([line, label, _euros(cents)])
        sheet.cell(sheet.max_row, 3).number_format = EUROS

    def counts(lines, total, what: str) -> None:
        header(_("Libellé"), what, _("Heures"))
        for line in lines:
            sheet.append([line.line, line.label, line.count, line.hours])
            for part in getattr(line, "parts", []):
                sheet.append([part.line, part.label, part.count, part.hours])
        sheet.append(["", _("Total"), total.count, total.hours])
        for cell in sheet[sheet.max_row]:
            cell.font = bold

    sheet.append([_("Bilan pédagogique et financier – Cerfa n° %(form)s") % {"form": cerfa.FORM_VERSION}])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    sheet.append([report.organization.name])
    sheet.append(
        [_("Exercice du %(start)s au %(end)s") % {"start": f"{report.start:%d/%m/%Y}", "end": f"{report.end:%d/%m/%Y}"}]
    )
    title(str(cerfa.FRAMES["B"].title))
    sheet.append(["", _("Actions en tout ou partie à distance"), _("oui") if report.f1_at_distance else _("non")])
    title(str(cerfa.FRAMES["C"].title))
    header(_("Libellé"), _("Montant HT"))
    for line in report.c.lines:
        money(line.line, line.label, line.amount_cents)
    money("", _("Total des produits réalisés au titre de la formation professionnelle"), report.c.total_cents)
    sheet.cell(sheet.max_row, 2).font = bold
    share = report.training_share_percent
    sheet.append(["", _("Part du chiffre d'affaires global réalisée dans la formation professionnelle (%)"), share])
    title(str(cerfa.FRAMES["D"].title))
    d = report.d
    money("", _("Total des charges de l'organisme liées à l'activité de formation"), d.charges_cents if d else None)
    money("", _("dont salaires des formateurs"), d.trainer_salaries_cents if d else None)
    money(
        "",
        _("dont achats de prestations de formation et honoraires de formation"),
        d.training_purchases_cents if d else None,
    )
    title(str(cerfa.FRAMES["E"].title))
    counts(report.e, report.e_total, _("Nombre"))
    title(str(cerfa.FRAMES["F1"].title))
    counts(report.f1, report.f1_total, _("Stagiaires"))
    sheet.append(["", _("dont stagiaires ayant suivi une action en tout ou partie à distance"), report.f1_at_distance])
    title(str(cerfa.FRAMES["F3"].title))
    counts(report.f3, report.f3_total, _("Stagiaires"))
    title(str(cerfa.FRAMES["F4"].title))
    header(_("Spécialité"), _("Stagiaires"), _("Heures"))
    for line in report.f4:
        sheet.append([line.code or "", line.label, line.count, line.hours])
    total = report.f4_total
    sheet.append(["", _("Total"), total.count, total.hours])
    title(str(cerfa.FRAMES["G"].title))
    header(_("Libellé"), _("Stagiaires"), _("Heures"))
    sheet.append(["", report.g.label, report.g.count, report.g.hours])
    if report.warnings:
        title(_("À vérifier"))
        for warning in report.warnings:
            sheet.append(["", warning])
    sheet.column_dimensions["A"].width = 8
    sheet.column_dimensions["B"].width = 90
    sheet.column_dimensions["C"].width = 16
    sheet.column_dimensions["D"].width = 12
    for row in sheet.iter_rows(min_col=2, max_col=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
