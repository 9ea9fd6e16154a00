"""One process of tests/core/test_shared_cache.py: counts registration attempts from one client, one per input line.

Run as `python -m tests.core.rate_limit_worker IP [--create-table]` with the settings in the
environment; prints "ready <cache backend>", then "ok" or "429" for each line read.
"""

import sys

import django


def main() -> None:
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import RequestFactory

    from rencontres.registrations import limits
    from rencontres.registrations.exceptions import TooManyRegistrations

    ip = sys.argv[1]
    if "--create-table" in sys.argv:
        call_command("createcachetable")
    print("ready", settings.CACHES["default"]["BACKEND"], flush=True)
    for _line in sys.stdin:
        try:
            limits.count_client_attempt(RequestFactory().post("/", REMOTE_ADDR=ip))
        except TooManyRegistrations:
            print("429", flush=True)
        else:
            print("ok", flush=True)


if __name__ == "__main__":
    main()
