"""Random values posted to every form of the site, and in every query parameter, never give a 500.

The forms are found by reading the pages as a browser would (their fields and where they
post), so a new form is fuzzed without touching this file. Bounded: a fixed number of
examples per form, derandomised so a failure replays.
"""

import datetime as dt

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from rencontres.accounts.services import get_or_create_person
from rencontres.attendance import services as attendance_services
from rencontres.certificates import services as certificate_services
from rencontres.events import services as event_services
from rencontres.invoicing import services as invoicing_services
from rencontres.organizations.enums import Role
from rencontres.surveys import services as survey_services
from rencontres.workshops import services as workshop_services
from tests import factories
from tests.certificates.builders import finished_last_week
from tests.registrations.builders import make_event, register

NASTY = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1.5",
        "999999999999999999999",
        "9" * 400,
        "1e309",
        "NaN",
        "inf",
        "-0",
        "31/02/2030",
        "2030-13-45",
        "25:61",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\x00",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
        "a" * 3000,
        "on",
        "oui",
        "employer",
        "present",
        "late",
        "M10 10 L20 20",
        "../../etc/passwd",
    ]
)
VALUE = st.one_of(NASTY, st.text(max_size=40), st.integers(-(2**70), 2**70).map(str))


def forms_of(html: str, page_url: str) -> list[tuple[str, str, list[str]]]:
    """(method, action, field names) of each form of a page, as a browser would post it."""
    found = []
    for form in LexborHTMLParser(html).css("form"):
        method = (form.attributes.get("method") or "get").lower()
        action = form.attributes.get("action") or page_url
        names = sorted(
            {
                node.attributes["name"]
                for node in form.css("input, select, textarea")
                if node.attributes.get("name")
                and node.attributes.get("name") != "csrfmiddlewaretoken"
                and node.attributes.get("type") != "file"
            }
        )
        if action.startswith("/") and not action.startswith(("/compte/logout", "/admin")):
            found.append((method, action, names))
    return found


PAGES = [
    "catalogue",
    "register",
    "login",
    "event_create",
    "editor",
    "session",
    "registrations",
    "registration_setup",
    "write",
    "registration",
    "attendance",
    "slot",
    "online_report",
    "organization",
    "import",
    "workshop",
    "surveys",
    "survey",
    "certificates",
    "invoices",
    "billing_details",
    "credit_note",
    "training_registration",
    "verify",
    "my_erase",
    "training_report",
]


@pytest.fixture
def site(db):
    """An organisation with an event, its programme, a registration and an attendance slot."""
    organization = factories.make_organization("CCAS de Bobigny")
    organiser = factories.make_member(organization, "organisatrice@example.org", role=Role.ADMIN)
    event = make_event(organization, capacity=5, days=(dt.date(2030, 3, 14),))
    event_services.add_speaker(event=event, name="Claire Intervenante")
    event_services.add_session(
        day=event.days.get(), title="Atelier", start_time=dt.time(14), end_time=dt.time(16), capacity=10
    )
    registration = register(event, email="participante@example.org")
    tier = event_services.add_price_tier(event=event, label="Employeur", amount_cents=12000, payer_kind="employer")
    organization.siret, organization.street, organization.postcode, organization.city = (
        "00000001800010",
        "1 rue de la République",
        "93000",
        "Bobigny",
    )
    organization.save()
    event.organization = organization
    invoiced, to_invoice = (
        register(
            event,
            price_tier=tier,
            employer_name=name,
            employer_address="2 rue Y, 93000 Bobigny",
            payer_contact_email="rh@example.org",
        )
        for name in ("CCAS de Bobigny", "Association Aurore")
    )
    invoice = invoicing_services.issue_invoices(event=event, registration=invoiced, notify=False).issued[0]
    slot = attendance_services.derive_slots(event=event)[0]
    workshop_session = event_services.add_session(
        day=event.days.get(), title="Atelier d'échanges", kind="workshop", start_time=dt.time(16), end_time=dt.time(17)
    )
    workshop = workshop_services.create_workshop(session=workshop_session)
    workshop_services.add_workstream(workshop=workshop, title="Accueil", question="Comment mieux accueillir ?")
    survey = survey_services.create_from_template(event=event, kind="hot")
    finished, _, _, (trainee, _) = finished_last_week(organization, people=2)
    certificate_services.issue_for_event(event=finished, registration=trainee, notify=False)
    pages = {
        "catalogue": "/",
        "event": f"/evenements/{event.slug}/",
        "register": f"/evenements/{event.slug}/inscription/",
        "login": "/compte/login/code/",
        "backoffice_home": "/gestion/",
        "event_create": "/gestion/evenements/nouveau/",
        "editor": f"/gestion/evenements/{event.id}/",
        "session": f"/gestion/seances/{event.sessions.first().id}/",
        "registrations": f"/gestion/evenements/{event.id}/inscriptions/",
        "registration_setup": f"/gestion/evenements/{event.id}/inscriptions/reglages/",
        "write": f"/gestion/evenements/{event.id}/inscriptions/ecrire/",
        "registration": f"/gestion/inscriptions/{registration.id}/",
        "attendance": f"/gestion/evenements/{event.id}/emargement/",
        "slot": f"/gestion/emargement/{slot.id}/",
        "online_report": f"/gestion/emargement/{slot.id}/visio/",
        "organization": f"/gestion/organismes/{organization.id}/",
        "import": "/gestion/importer/",
        "workshops": f"/gestion/evenements/{event.id}/ateliers/",
        "workshop": f"/gestion/ateliers/{workshop.id}/",
        "surveys": f"/gestion/evenements/{event.id}/questionnaires/",
        "survey": f"/gestion/questionnaires/{survey.id}/",
        "certificates": f"/gestion/evenements/{finished.id}/attestations/",
        "invoices": f"/gestion/evenements/{event.id}/factures/",
        "billing_details": f"/gestion/evenements/{event.id}/factures/financeur/{to_invoice.id}/",
        "credit_note": f"/gestion/factures/{invoice.id}/avoir/",
        "training_registration": f"/gestion/inscriptions/{trainee.id}/",
        "verify": "/verifier/",
        "my_erase": "/mon-espace/effacer-mes-donnees/",
        "training_report": f"/gestion/organismes/{organization.id}/bpf/{dt.date.today().year - 1}/",
    }
    return organiser, pages


@pytest.mark.parametrize("page_name", PAGES)
def test_no_form_of_the_page_gives_a_server_error(client, site, page_name):
    organiser, pages = site
    url = pages[page_name]
    if url.startswith("/gestion/"):
        client.force_login(organiser)
    if url.startswith("/mon-espace/"):
        client.force_login(get_or_create_person(email="participante@example.org"))
    response = client.get(url)
    assert response.status_code < 500, url
    forms = forms_of(response.content.decode(), url)
    assert forms, f"no form found on {url}"
    client.raise_request_exception = False
    for nasty in ("999999999999999999999", "1e309", "NaN", "-1", "\x00"):  # the values that once gave a 500
        for method, action, names in forms:
            send = client.post if method == "post" else client.get
            response = send(action, dict.fromkeys(names, nasty))
            assert response.status_code != 500, (method, action, nasty)

    @settings(
        max_examples=max(3, 20 // len(forms)),  # a bounded number of requests per page
        deadline=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(data=st.data())
    def post_random_values(data):
        for method, action, names in forms:
            values = {name: data.draw(VALUE, label=name) for name in names}
            send = client.post if method == "post" else client.get
            response = send(action, values)
            assert response.status_code != 500, (method, action, values)

    post_random_values()


@pytest.mark.django_db
def test_the_fuzzer_finds_the_forms_it_must_fuzz(client):
    html = '<form method="post" action="/x/"><input name="a"><select name="b"></select><input type="hidden" name="csrfmiddlewaretoken"></form>'
    assert forms_of(html, "/page/") == [("post", "/x/", ["a", "b"])]
