import io

import pypdf
import pytest

from rencontres.attendance import services, sheets
from rencontres.attendance.enums import SigningMode
from tests.attendance.builders import SIGNATURE, training_day

pytestmark = pytest.mark.django_db


def test_a_sheet_has_one_page_per_half_day_with_the_names_times_and_the_body_identity(organization, alice):
    organization.siret, organization.training_body_number = "12345678900012", "11755555575"
    organization.save()
    event, morning, afternoon, (camille, *_) = training_day(organization)
    services.sign(slot=morning, registration=camille, mode=SigningMode.TABLET, signature=SIGNATURE)
    morning = services.validate_slot(slot=morning, trainer_name="Claire Formatrice", signature=SIGNATURE, by=alice)

    pdf = pypdf.PdfReader(io.BytesIO(sheets.render_sheets([morning, afternoon])))

    assert len(pdf.pages) == 2
    first = " ".join(pdf.pages[0].extract_text().replace("\u00a0", " ").split())
    for expected in (
        "Feuille d'émargement".upper(),
        event.title,
        "jeudi 14 mars 2030",
        "matin",
        "9 h – 12 h 30",
        "3 h 30",
        "SIRET 12345678900012",
        "11755555575",
        "STAGIAIRE 0 Camille",
        "Claire Formatrice",
    ):
        assert expected.replace("\u00a0", " ") in first, expected
    assert "après-midi" in pdf.pages[1].extract_text()
