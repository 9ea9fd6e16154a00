"""Registration exports an organiser opens in French Excel."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests.registrations.builders import make_event, register

pytestmark = pytest.mark.django_db


def test_the_csv_has_semicolons_decimal_commas_and_french_dates(client, alice, organization):
    event = make_event(organization)
    register(event, "anne@example.org")
    client.force_login(alice)

    content = client.get(f"/gestion/evenements/{event.id}/inscriptions/export.csv").content.decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(content), delimiter=";"))[:2]

    assert row[header.index("Montant (€)")] == "0,00"
    registered_on = row[header.index("Inscrit le")]
    assert dt.datetime.strptime(registered_on, "%d/%m/%Y %H:%M")


def test_the_spreadsheet_has_numbers_dates_and_a_frozen_filterable_header(client, alice, organization):
    event = make_event(organization)
    register(event, "anne@example.org")
    client.force_login(alice)

    sheet = load_workbook(
        io.BytesIO(client.get(f"/gestion/evenements/{event.id}/inscriptions/export.xlsx").content)
    ).active
    header = [cell.value for cell in sheet[1]]
    amount = sheet.cell(row=2, column=header.index("Montant (€)") + 1)
    registered = sheet.cell(row=2, column=header.index("Inscrit le") + 1)

    assert isinstance(amount.value, int | float) and "€" in amount.number_format
    assert isinstance(registered.value, dt.datetime) and registered.number_format == "dd/mm/yyyy hh:mm"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
