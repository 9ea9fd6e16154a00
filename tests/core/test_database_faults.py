"""When the database does not answer, the site says so: a 503 to retry, never a bare 500.

A real gunicorn is pointed at a database that refuses the connection (PostgreSQL on a port
where nothing listens, or an SQLite file that cannot be opened): the API answers its French
JSON error with Retry-After, the site its page in its own layout, and the log has one line
per failed request instead of a traceback.
"""

import json
import logging
import os

import pytest

from rencontres.core.views import server_error
from rencontres.settings import admins
from tests.servers import free_port, gunicorn, request, server_env


def unreachable_database_url() -> str:
    """The kind of database this run tests, at an address where it cannot be reached."""
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return f"postgres://postgres@127.0.0.1:{free_port()}/rencontres"
    return "sqlite:////proc/no-such-folder/rencontres.sqlite3"


REGISTRATION = {
    "first_name": "Awa",
    "last_name": "Diallo",
    "email": "awa.diallo@example.org",
    "job_title": "Assistante sociale",
    "employer_name": "CCAS de Mâcon",
    "employer_address": "1 place de la Mairie, 71000 Mâcon",
}


@pytest.fixture(scope="module")
def down(tmp_path_factory):
    """A server whose database is down: its port and its log."""
    folder = tmp_path_factory.mktemp("database-down")
    log_path = folder / "gunicorn.log"
    env = server_env(DATABASE_URL=unreachable_database_url(), RENCONTRES_DATA_DIR=str(folder))
    with gunicorn(env, log_path=log_path) as port:
        yield port, log_path


def test_the_api_answers_a_french_json_503_with_retry_after(down):
    port, _ = down
    status, headers, body = request(
        port,
        "POST",
        "/api/events/rencontre/registrations",
        body=json.dumps(REGISTRATION).encode(),
        headers={"Content-Type": "application/json"},
    )

    assert status == 503
    assert headers["content-type"].startswith("application/json")
    assert headers["retry-after"] == "5"
    answer = json.loads(body)
    assert "momentanément indisponible" in answer["detail"]
    assert answer["errors"] == []


def test_a_page_answers_503_in_the_sites_layout(down):
    port, _ = down
    status, headers, body = request(port, "GET", "/", headers={"Cookie": "sessionid=abc; messages=x"})

    page = body.decode()
    assert status == 503
    assert headers["retry-after"] == "5"
    assert "Service momentanément indisponible" in page
    assert "fr-header" in page  # the DSFR layout, not a bare page
    assert "Erreur inattendue" not in page


def test_each_failed_request_is_one_log_line_without_traceback(down):
    port, log_path = down
    before = log_path.read_text()
    for _ in range(3):
        assert request(port, "GET", "/api/events/")[0] == 503

    written = log_path.read_text()[len(before) :]
    assert "Traceback" not in written
    lines = [line for line in written.splitlines() if line.strip()]
    assert len(lines) == 3
    assert all(line.startswith("Database unavailable: GET /api/events/: OperationalError") for line in lines)


def test_rencontres_admins_lists_who_is_mailed():
    assert admins(" chef@ccas.fr, astreinte@ccas.fr ,") == [
        ("chef", "chef@ccas.fr"),
        ("astreinte", "astreinte@ccas.fr"),
    ]
    assert admins("") == []


def test_a_server_error_is_mailed_to_the_admins_and_the_page_says_so_only_then(rf, settings, mailoutbox):
    settings.ADMINS = []
    assert "L'équipe a été prévenue" not in server_error(rf.get("/")).content.decode()

    settings.ADMINS = [("chef", "chef@ccas.fr")]
    assert "L'équipe a été prévenue" in server_error(rf.get("/")).content.decode()
    try:
        raise ValueError("un bogue")
    except ValueError:
        logging.getLogger("django.request").error("Internal Server Error: /", exc_info=True)
    assert [m.to for m in mailoutbox] == [["chef@ccas.fr"]]
    assert "un bogue" in mailoutbox[0].body
