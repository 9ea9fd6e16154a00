"""Two app servers and two task workers on one PostgreSQL behave as one site (a reduced bench/cluster.py).

Real processes: two gunicorn masters behind a round-robin proxy, two `db_worker`s (one
killed mid-queue and started again), Redis as the shared cache, a real SMTP server counting
what it receives. A regression to state kept in one process (a per-process cache, a lock in
memory, a file on one server's disk) fails here.
"""

import os
import sys
from pathlib import Path

import pytest
from django.db import connection, connections

from tests.core.test_shared_cache import redis_or_skip

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import cluster  # noqa: E402  (bench/cluster.py)

REGISTRATIONS = 120  # per rush: two rushes, so 240 acknowledgements

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"),
    pytest.mark.copies_test_database,
]


@pytest.fixture(scope="module")
def checks(django_db_setup):
    redis_or_skip()
    url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + f"/rencontres_cluster_{os.getpid()}"
    # The cluster's database is a copy of this worker's test database, migrated already (nobody
    # may be connected to a template: these tests run first in their worker, before the browser
    # tests' live server holds connections, and this process lets its own go).
    connections.close_all()
    results = cluster.run(
        migrated_template=connection.settings_dict["NAME"],
        database_url=url,
        registrations=REGISTRATIONS,
        clients=16,
        faults=False,
        server_workers=1,
        settings_module="tests.settings",
        emit=lambda line: print(line, flush=True),
    )
    return {result["check"]: result for result in results}


def test_a_rush_spread_over_both_servers_fills_the_places_exactly_and_keeps_arrival_order(checks):
    rush = checks["rush"]
    assert (rush["confirmed"], rush["waitlisted"]) == (cluster.PLACES, REGISTRATIONS - cluster.PLACES)
    assert (rush["errors"], rush["overbooked"], rush["lost"], rush["out_of_order"]) == (0, 0, 0, 0)


def test_every_acknowledgement_arrives_once_although_a_worker_was_killed(checks):
    emails = checks["emails"]
    assert emails["queued_when_killed"] > 0
    assert (emails["expected"], emails["missing"], emails["duplicates"]) == (2 * REGISTRATIONS, 0, 0)


def test_sign_in_codes_are_limited_once_across_both_servers(checks):
    assert checks["sign_in_limit"]["codes_sent"] == cluster.SIGN_IN_CODES_PER_ADDRESS


def test_a_file_uploaded_through_one_server_downloads_through_the_other(checks):
    assert checks["files"]["ok"], checks["files"]


def test_the_periodic_commands_started_twice_at_once_remind_and_promote_once(checks):
    periodic = checks["periodic_twice"]
    assert periodic["reminders_sent"] == periodic["reminders_expected"] == cluster.REMINDED
    assert periodic["reminded_twice"] == 0
    assert (periodic["offers_to_next_waiting"], periodic["next_waiting_state"]) == (1, "offered")
