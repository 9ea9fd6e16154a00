"""Issue 13's first journey: a participant signs on the shared tablet by drawing with the mouse,
the trainer counter-signs, and the hours appear. axe-core checks each page on the way."""

import pytest
from playwright.sync_api import expect

from rencontres.attendance.models import Attendance
from tests.attendance.builders import training_day
from tests.browser.conftest import follow, serious_accessibility_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def draw_signature(page, canvas_selector="canvas.signature-pad"):
    page.locator(canvas_selector).scroll_into_view_if_needed()
    box = page.locator(canvas_selector).bounding_box()
    page.mouse.move(box["x"] + 20, box["y"] + box["height"] * 0.7)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 20 + step * box["width"] / 14, box["y"] + box["height"] * (0.3 + 0.4 * (step % 2)))
    page.mouse.up()


def test_a_participant_signs_on_the_tablet_the_trainer_counter_signs_and_hours_appear(
    live_server, page, organization, alice
):
    event, morning, afternoon, (camille, dominique, _) = training_day(organization)
    base = live_server.url
    page.goto(f"{base}/compte/login/")
    page.get_by_label("Courriel").fill("alice@example.org")
    page.get_by_label("Mot de passe").fill("motdepasse-solide-42")
    page.get_by_role("button", name="Connexion").click()

    page.goto(f"{base}/gestion/evenements/{event.id}/emargement/")
    assert serious_accessibility_violations(page) == []
    follow(page.get_by_role("link", name=f"Ouvrir {morning}"))
    assert serious_accessibility_violations(page) == []

    follow(page.get_by_role("link", name="Tablette d'émargement"))
    assert serious_accessibility_violations(page) == []
    follow(page.get_by_role("link", name=f"{camille.first_name} {camille.last_name}"))
    assert serious_accessibility_violations(page) == []
    draw_signature(page)
    page.get_by_role("button", name="Je signe ma présence").click()
    expect(page.get_by_text(f"Merci {camille.first_name}, votre présence est signée.")).to_be_visible()
    expect(page.get_by_role("link", name=f"{camille.first_name} {camille.last_name}")).to_have_count(0)
    attendance = Attendance.objects.get(registration=camille)
    assert attendance.signature.startswith("M") and attendance.mode == "tablet"

    page.get_by_role("link", name="Quitter le mode tablette (formateur)").click()
    page.get_by_label("Nom du formateur ou de la formatrice").fill("Claire Formatrice")
    draw_signature(page)
    page.get_by_role("button", name="Contresigner").click()
    expect(page.get_by_role("heading", name="Demi-journée contresignée")).to_be_visible()
    assert serious_accessibility_violations(page) == []

    follow(page.get_by_role("link", name="Heures réalisées").first)
    assert serious_accessibility_violations(page) == []
    row = page.get_by_role("row").filter(has_text=f"{camille.last_name} {camille.first_name}")
    expect(row).to_contain_text("3,5")
    expect(page.get_by_role("row").filter(has_text=f"{dominique.last_name} {dominique.first_name}")).to_contain_text(
        "0"
    )

    page.goto(f"{base}/gestion/emargement/{afternoon.id}/qr/")
    expect(page.locator("#qr-code svg")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.goto(f"{base}/gestion/emargement/{afternoon.id}/visio/")
    assert serious_accessibility_violations(page) == []


def test_the_phone_pages_have_no_serious_accessibility_issue(live_server, page, organization):
    from rencontres.attendance import qr
    from rencontres.registrations import links

    _, morning, _, (camille, *_) = training_day(organization)
    base = live_server.url
    page.set_viewport_size({"width": 390, "height": 844})

    page.goto(f"{base}/emargement/{morning.id}/code/perime/")
    expect(page.get_by_role("heading", name="Ce QR code a expiré")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.goto(f"{base}/emargement/{morning.id}/code/{qr.current_code(morning)}/")
    expect(page.get_by_role("heading", name="Qui êtes-vous ?")).to_be_visible()
    assert serious_accessibility_violations(page) == []
    page.goto(f"{base}/emargement/moi/{links.personal_token(camille)}/")
    assert serious_accessibility_violations(page) == []
    page.goto(f"{base}/emargement/{morning.id}/signer/")
    draw_signature(page)
    assert serious_accessibility_violations(page) == []
    page.get_by_role("button", name="Je signe ma présence").click()
    expect(page.get_by_role("heading", name="Votre présence est signée")).to_be_visible()
    assert Attendance.objects.get().mode == "phone"
