"""The legal pages of a French public site, linked from every page's footer."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/mentions-legales/", "Mentions légales"),
        ("/donnees-personnelles/", "Données personnelles"),
        ("/accessibilite/", "Déclaration d'accessibilité"),
    ],
)
def test_each_legal_page_is_linked_from_the_footer_and_names_the_operator(client, settings, path, heading):
    settings.OPERATOR = {**settings.OPERATOR, "name": "CCAS de Mâcon", "email": "dpo@ccas-macon.example"}

    assert f'href="{path}"' in client.get("/").content.decode()
    page = client.get(path).content.decode()
    assert f"<h1>{heading}</h1>" in page
    assert "CCAS de Mâcon" in page or "dpo@ccas-macon.example" in page


def test_the_accessibility_statement_says_non_conforme_until_an_audit_is_given(client, settings):
    assert "non conforme" in client.get("/accessibilite/").content.decode()

    settings.OPERATOR = {
        **settings.OPERATOR,
        "accessibility_audit": "Partiellement conforme (audit du 3 mars 2027 : 82 %).",
    }
    assert "Partiellement conforme (audit du 3 mars 2027" in client.get("/accessibilite/").content.decode()


def test_the_personal_data_page_says_who_why_how_long_and_how_to_reach_them(client):
    page = client.get("/donnees-personnelles/").content.decode()

    for section in ("Qui traite vos données", "Pourquoi", "Combien de temps", "Vos droits", "CNIL"):
        assert section in page
