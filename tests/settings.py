"""The project's settings, with a secret key of the tests' own (production refuses to start without one)."""

import os

os.environ.setdefault("RENCONTRES_SECRET_KEY", "tests-only-secret-key-never-used-outside-the-test-suite")

from rencontres.settings import *  # noqa: E402, F403

# Tests render templates without running collectstatic first: plain names, files found where they lie.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = True

# Many tests register dozens of people from the test client's one address; the registration
# limits are switched on by the tests that check them (tests/registrations/test_rate_limits.py).
RATELIMIT_ENABLE = False

# Hashing a password the production way (PBKDF2, a million rounds) takes about a second of CPU on
# purpose; a sign-in with a wrong password pays it too. On a busy two-core machine that pushed a
# browser test past its wait. The tests check who may sign in, not the hashing's cost.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
