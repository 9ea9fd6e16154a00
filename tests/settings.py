"""The project's settings, with a secret key of the tests' own (production refuses to start without one)."""

import os

os.environ.setdefault("RENCONTRES_SECRET_KEY", "tests-only-secret-key-never-used-outside-the-test-suite")

from rencontres.settings import *  # noqa: E402, F403
