"""The default cache is shared by every process (database table, or Redis through RENCONTRES_CACHE_URL), so limits hold.

allauth's sign-in limits and the registration limits count in it: two workers must allow
what one would. The two-process test runs two real Python processes against one cache and
first shows, with a per-process cache, what the test would catch.
"""

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from rencontres.settings import shared_cache
from tests.conftest import REQUIRE_REAL_PARTS

REDIS_URL = "redis://127.0.0.1:6379/0"
ROOT = Path(__file__).resolve().parents[2]


def redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as error:
        if REQUIRE_REAL_PARTS:
            pytest.fail(f"Redis is not answering on {REDIS_URL} ({error}); .ci/run starts redis-server")
        pytest.skip(f"no Redis server on {REDIS_URL} ({error})")


def test_without_a_url_the_cache_is_the_databases_table():
    assert shared_cache("") == {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rencontres_cache",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    }


def test_a_redis_url_gives_djangos_redis_cache():
    assert shared_cache("rediss://cache.internal:6380/2")["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert shared_cache("redis://127.0.0.1:6379/0")["LOCATION"] == "redis://127.0.0.1:6379/0"


def test_an_unknown_url_stops_the_site_with_a_french_message():
    with pytest.raises(ImproperlyConfigured, match="n'est pas compris"):
        shared_cache("memcached://127.0.0.1:11211")


def test_values_go_to_the_real_redis_and_come_back(settings):
    redis_or_skip()
    from django.core.cache import caches

    prefix = f"rencontres-test-{random.randrange(10**9)}"
    settings.CACHES = {"default": {**shared_cache(REDIS_URL), "KEY_PREFIX": prefix}}
    cache = caches.create_connection("default")
    cache.set("compte", 1, 30)
    assert cache.incr("compte") == 2
    import redis

    assert any(prefix in key.decode() for key in redis.Redis.from_url(REDIS_URL).keys(f"{prefix}*"))
    cache.delete("compte")


def _two_workers(tmp_path, cache_url: str) -> list[str]:
    """Ten registration attempts from one client, sent in turn to two processes; the limit is 4 an hour."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rencontres.settings",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'shared.sqlite3'}",
        "RENCONTRES_DATA_DIR": str(tmp_path),
        "RENCONTRES_SECRET_KEY": "two-processes-test-key",
        "RENCONTRES_CACHE_URL": cache_url,
        "RENCONTRES_REGISTRATION_LIMITS": "1",
        "RENCONTRES_REGISTRATIONS_PER_CLIENT": "4/h",
    }
    # A client address of its own, so that a run never meets another's counts in a shared Redis.
    ip = f"2001:db8:{random.randrange(65536):x}:{random.randrange(65536):x}::1"
    command = [sys.executable, "-m", "tests.core.rate_limit_worker", ip]
    workers = [
        subprocess.Popen(
            [*command, *extra], cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        for extra in (["--create-table"], [])
    ]
    try:
        backends = {worker.stdout.readline().split()[-1] for worker in workers}
        answers = []
        for n in range(10):
            worker = workers[n % 2]
            worker.stdin.write("register\n")
            worker.stdin.flush()
            answers.append(worker.stdout.readline().strip())
    finally:
        for worker in workers:
            worker.stdin.close()
            worker.wait(timeout=20)
    return backends, answers


def test_a_per_process_cache_lets_each_process_allow_the_whole_limit(tmp_path):
    """What the shared cache prevents: with one cache per process, 2 workers allow twice the limit."""
    backends, answers = _two_workers(tmp_path, "locmem://")

    assert backends == {"django.core.cache.backends.locmem.LocMemCache"}
    assert answers.count("ok") == 8


def test_two_processes_over_the_database_cache_allow_what_one_would(tmp_path):
    backends, answers = _two_workers(tmp_path, "")

    assert backends == {"django.core.cache.backends.db.DatabaseCache"}
    assert answers == ["ok"] * 4 + ["429"] * 6


def test_two_processes_over_redis_allow_what_one_would(tmp_path):
    redis_or_skip()
    backends, answers = _two_workers(tmp_path, REDIS_URL)

    assert backends == {"django.core.cache.backends.redis.RedisCache"}
    assert answers == ["ok"] * 4 + ["429"] * 6
