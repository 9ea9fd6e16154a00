"""One settings file, driven by environment variables.

Defaults give a working site on SQLite for one machine (`make run`); production sets
DATABASE_URL, RENCONTRES_SECRET_KEY, RENCONTRES_DEBUG=0 and RENCONTRES_ALLOWED_HOSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("RENCONTRES_DATA_DIR", Path.cwd() / "var"))


def env_flag(name: str, default: bool) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def rate_setting(name: str, default: str) -> str:
    """A rate "count/period" (period s, m, h or d, e.g. 10/h or 10/15m), refused at start-up when malformed."""
    import re

    rate = os.environ.get(name, default).strip()
    if not re.fullmatch(r"[1-9]\d*/\d*[smhd]", rate):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"{name}={rate!r} : écrivez un nombre par période, par exemple 10/h (s, m, h ou d ; 10/15m pour 10 "
            "par quart d'heure)."
        )
    return rate


DEBUG = env_flag("RENCONTRES_DEBUG", False)
SECRET_KEY_FILE = DATA_DIR / "secret_key"


def secret_key() -> str:
    """The key that signs sessions and links: from the environment, else the data folder's file.

    `make run` writes that file on first run. Outside debug mode there is no fallback: a public
    default key would let anyone forge the signed links that show a person's registration.
    """
    if os.environ.get("RENCONTRES_SECRET_KEY"):
        return os.environ["RENCONTRES_SECRET_KEY"]
    if SECRET_KEY_FILE.is_file() and SECRET_KEY_FILE.read_text().strip():
        return SECRET_KEY_FILE.read_text().strip()
    if DEBUG:
        return "insecure-development-key-for-debug-only"
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"Aucune clé secrète : définissez RENCONTRES_SECRET_KEY ou écrivez-en une dans {SECRET_KEY_FILE} "
        '(par exemple : python3 -c "import secrets; print(secrets.token_urlsafe(50))" > '
        f"{SECRET_KEY_FILE}). Le site ne démarre pas sans clé en production."
    )


SECRET_KEY = secret_key()
ALLOWED_HOSTS = os.environ.get("RENCONTRES_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
SITE_URL = os.environ.get("RENCONTRES_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "rencontres.core",
    "rencontres.accounts",
    "rencontres.organizations",
    "rencontres.events",
    "rencontres.registrations",
    "rencontres.announcements",
    "rencontres.attendance",
    "rencontres.workshops",
    "rencontres.surveys",
    "rencontres.theses",
    "rencontres.certificates",
    "rencontres.invoicing",
    "rencontres.resources",
    "rencontres.experiences",
    "rencontres.reporting",
    "rencontres.privacy",
    "rencontres.search",
    "rencontres.site",
    "rencontres.backoffice",
    "rencontres.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Before django.forms: its widget templates (radio buttons, checkboxes) override Django's.
    "dsfr",
    "django.forms",
    "widget_tweaks",
    "django_htmx",
    "template_partials",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_ratelimit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

# HTTPS behind a reverse proxy (README, "In production"): the proxy says the request came over
# HTTPS; cookies are then sent over HTTPS only and browsers are told to keep to HTTPS (HSTS).
BEHIND_PROXY = env_flag("RENCONTRES_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = env_flag("RENCONTRES_USE_X_FORWARDED_HOST", False)
if env_flag("RENCONTRES_HTTPS", False):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("RENCONTRES_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("RENCONTRES_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_flag("RENCONTRES_HSTS_PRELOAD", True)
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if host and host != "*"]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from the site itself
# only; nothing may frame a page. Uploaded files get a stricter `sandbox` policy of their own
# (site.views.events.document_download).
from csp.constants import NONE, SELF  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

ROOT_URLCONF = "rencontres.urls"
WSGI_APPLICATION = "rencontres.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rencontres.site.context_processors.site",
            ],
        },
    },
]
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# Connections are kept for a minute, and checked before a request reuses one: after a database
# restart each worker would otherwise answer one more error on its dead connection.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'rencontres.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The default database lives in DATA_DIR; a fresh clone does not have it yet.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets readers proceed during a write; IMMEDIATE takes the write lock when a
    # transaction starts, so concurrent writers queue instead of failing mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; PRAGMA foreign_keys=ON;"
        ),
    }
    # Connections are kept between requests (conn_max_age above): opening one, running the
    # PRAGMAs and re-reading the schema costs about 2 ms of CPU, a third of an event page.
    DATABASES["default"]["TEST"] = {"NAME": os.environ.get("RENCONTRES_TEST_SQLITE", None)}
else:
    # A database that does not answer (frozen, or its host gone) fails a request after this many
    # seconds, with the 503 page, instead of holding every worker for as long as it hangs.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(os.environ.get("RENCONTRES_DATABASE_CONNECT_TIMEOUT", "5")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
if DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3" and env_flag(
    "RENCONTRES_PG_PREPARED_STATEMENTS", True
):
    # Parameters sent apart from the query text, and a statement run twice on a connection
    # is prepared: PostgreSQL stops re-planning the same small queries and psycopg stops
    # quoting values. Measured on registering: 1.9 -> 1.1 ms of database CPU and 4.7 -> 3.9 ms
    # of Python per registration. Set it to 0 behind a pooler in transaction mode that
    # cannot keep prepared statements (PgBouncer before 1.21).
    DATABASES["default"]["OPTIONS"] |= {"server_side_binding": True, "prepare_threshold": 2}

# One cache shared by every process: the event page keeps its programme fragments in it, and
# allauth's and the registration form's rate limits count in it, so that two workers allow
# what one would. By default it is a table of the database that is already there (SQLite or
# PostgreSQL), created by `rencontres migrate` (core/migrations/0001_cache_table.py) and by the
# test runner; production may set RENCONTRES_CACHE_URL=redis://host:6379/0 (Django's RedisCache).


def shared_cache(url: str) -> dict:
    """The default cache from RENCONTRES_CACHE_URL: empty for the database's table, redis:// or rediss://."""
    if not url:
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "rencontres_cache",
            # About 20 KB per event page: 40 MB at most; a third is dropped when it is full.
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    if url.split("://", 1)[0] in {"redis", "rediss"}:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url, "KEY_PREFIX": "rencontres"}
    if url == "locmem://":
        # One process only: for a test that shows what a per-process cache lets through.
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rencontres-shared"}
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"RENCONTRES_CACHE_URL={url!r} n'est pas compris : laissez-la vide (cache dans la base de données) "
        "ou donnez l'adresse d'un serveur Redis, par exemple redis://127.0.0.1:6379/0."
    )


CACHES = {
    "default": shared_cache(os.environ.get("RENCONTRES_CACHE_URL", "").strip()),
    # Per process, for what never changes while it runs (the anonymous header).
    "local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rencontres-local"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "backoffice:home"
ACCOUNT_ADAPTER = "rencontres.site.adapter.AccountAdapter"
LOGOUT_REDIRECT_URL = "site:catalogue"

# Sign in with an email address and either a password or a code sent by email.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
# Nobody is signed in, by any way still open (password, code, link), before proving the
# address: "Mon espace" lists what was registered with it. A code sent to the address proves it.
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_FORMS = {"request_login_code": "rencontres.site.forms.account.RequestLoginCodeForm"}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Rencontres] "

# Registering (the form and the API) is limited per address (each registration sends it an
# email) and per client IP, counted in the shared cache (django-ratelimit). Rates are
# "count/period", period s, m, h or d. RENCONTRES_REGISTRATION_LIMITS=0 switches them off:
# the benchmarks register thousands of people from 127.0.0.1.
RATELIMIT_ENABLE = env_flag("RENCONTRES_REGISTRATION_LIMITS", True)
RATELIMIT_USE_CACHE = "default"
# The client's address: REMOTE_ADDR, or behind the proxy the one it appended to X-Forwarded-For.
RATELIMIT_IP_META_KEY = "rencontres.core.http.client_ip"
REGISTRATIONS_PER_ADDRESS = rate_setting("RENCONTRES_REGISTRATIONS_PER_ADDRESS", "10/h")
REGISTRATIONS_PER_CLIENT = rate_setting("RENCONTRES_REGISTRATIONS_PER_CLIENT", "60/h")
# django-ratelimit says the database cache's increment is not atomic (a read, then a write):
# two requests at the very same instant may both be counted once. The limits still hold
# across processes, and exactly with Redis (RENCONTRES_CACHE_URL); its list of supported
# backends predates Django's own RedisCache.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# French for everyone until an English catalogue exists; then add LocaleMiddleware.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
# The DSFR stylesheet our pages use, built from its parts (core/dsfr_css.py), besides the apps' files.
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "rencontres.core.staticfinders.DsfrSubsetFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("RENCONTRES_MEDIA_ROOT", DATA_DIR / "media"))

# Uploaded and generated files (documents, resources, certificates, invoices...) are read and
# written through Django's storage API only, and served by the views that check who may read
# them. By default they live in MEDIA_ROOT, a folder that several app servers may share (an NFS
# mount); RENCONTRES_STORAGE_URL=s3://bucket/prefix?endpoint_url=...&region=... puts them in
# S3-compatible object storage instead (django-storages, `pip install -r requirements/s3.txt`),
# with the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, never in the address.
S3_URL_PARAMETERS = {"endpoint_url": "endpoint_url", "region": "region_name", "addressing_style": "addressing_style"}


def file_storage(url: str) -> dict:
    """The default storage from RENCONTRES_STORAGE_URL: empty for the MEDIA_ROOT folder, or s3://bucket."""
    from django.core.exceptions import ImproperlyConfigured

    if not url:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    from urllib.parse import parse_qsl, urlsplit

    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.netloc or "@" in parts.netloc:
        raise ImproperlyConfigured(
            f"RENCONTRES_STORAGE_URL={url!r} n'est pas comprise : laissez-la vide (fichiers dans le dossier "
            "RENCONTRES_MEDIA_ROOT) ou donnez un compartiment S3, par exemple "
            "s3://rencontres-fichiers?endpoint_url=https://s3.fr-par.scw.cloud&region=fr-par "
            "(les clés dans AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY, jamais dans l'adresse)."
        )
    options = {
        "bucket_name": parts.netloc,
        "location": parts.path.strip("/"),
        # Like the folder: a second "programme.pdf" gets a name of its own instead of replacing
        # the first (django-storages' default), which another record may still point to.
        "file_overwrite": False,
        # Private objects: files are served by the views that check access, never by the bucket.
        "default_acl": None,
        "querystring_auth": True,
    }
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key not in S3_URL_PARAMETERS or not value:
            raise ImproperlyConfigured(
                f"RENCONTRES_STORAGE_URL : le paramètre {key!r} n'est pas compris ou n'a pas de valeur "
                f"(paramètres possibles : {', '.join(S3_URL_PARAMETERS)})."
            )
        options[S3_URL_PARAMETERS[key]] = value
    if not options.get("endpoint_url", "https://").startswith(("https://", "http://")):
        raise ImproperlyConfigured(
            f"RENCONTRES_STORAGE_URL : endpoint_url={options['endpoint_url']!r} doit commencer par https:// "
            "(ou http:// sur un réseau privé)."
        )
    if options.get("addressing_style", "path") not in {"path", "virtual", "auto"}:
        raise ImproperlyConfigured("RENCONTRES_STORAGE_URL : addressing_style vaut path, virtual ou auto.")
    from importlib.util import find_spec

    if find_spec("storages") is None or find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "RENCONTRES_STORAGE_URL désigne un stockage S3, mais django-storages et boto3 ne sont pas installés : "
            "pip install -r requirements/s3.txt (ou pip install 'rencontres[s3]')."
        )
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


# Outside debug, static files are served by whitenoise under hashed names with far-future
# caching, each also stored compressed (gzip and brotli): `rencontres collectstatic` writes
# them (make run does). A first visit of an event page then weighs about a quarter of its raw size.
STORAGES = {
    "default": file_storage(os.environ.get("RENCONTRES_STORAGE_URL", "").strip()),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Sizes in decimal megabytes, as the messages write them (« 20,0 Mo »).
DOCUMENT_MAX_BYTES = 20 * 1000 * 1000

EMAIL_BACKEND = os.environ.get("RENCONTRES_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("RENCONTRES_EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("RENCONTRES_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("RENCONTRES_FROM_EMAIL", "Rencontres <ne-pas-repondre@rencontres.localhost>")

# Background work: run at once in the embedded default; production sets
# RENCONTRES_TASKS=database and runs `rencontres db_worker`.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if os.environ.get("RENCONTRES_TASKS") == "database"
        else "django_tasks.backends.immediate.ImmediateBackend",
    }
}

# How long a task's claim on its work holds (seconds): a worker killed mid-task leaves a claim
# that expires after this, and `rencontres requeue_stale_tasks` puts back in the queue the tasks
# left running longer than this. Longer than any task takes (a batch of PDFs: seconds).
TASK_LEASE_SECONDS = int(os.environ.get("RENCONTRES_TASK_LEASE_SECONDS", "300"))

DSFR_MARK_OPTIONAL_FIELDS = True
FORMS_URLFIELD_ASSUME_HTTPS = True
SITE_TITLE = os.environ.get("RENCONTRES_SITE_TITLE", "Rencontres")
# The State's bloc-marque (« République française », Marianne) belongs to State services only
# (charte de l'État); CCAS, départements, associations and training bodies run a neutral
# header with their instance's name and, if they have one, their logo.
SITE_BRAND = "state" if os.environ.get("RENCONTRES_BRAND") == "state" else "neutral"
SITE_LOGO_URL = os.environ.get("RENCONTRES_LOGO_URL", "")
SITE_TAGLINE = _("Formations, séminaires et rencontres de l'action sociale")

# Who runs this instance, for the legal pages (mentions légales, données personnelles,
# accessibilité) that every French public site must publish (LCEN art. 6, RGPD art. 13,
# loi du 11 février 2005 art. 47). Each organisation is, in addition, the controller of the
# personal data collected for its own events.
OPERATOR = {
    "name": os.environ.get("RENCONTRES_OPERATOR_NAME", "L'exploitant de cette instance de Rencontres"),
    "address": os.environ.get("RENCONTRES_OPERATOR_ADDRESS", ""),
    "email": os.environ.get("RENCONTRES_OPERATOR_EMAIL", "contact@rencontres.localhost"),
    "publication_director": os.environ.get("RENCONTRES_PUBLICATION_DIRECTOR", ""),
    "host": os.environ.get("RENCONTRES_HOST_NAME", ""),
    "host_address": os.environ.get("RENCONTRES_HOST_ADDRESS", ""),
    "dpo_email": os.environ.get("RENCONTRES_DPO_EMAIL", ""),
    "accessibility_audit": os.environ.get("RENCONTRES_ACCESSIBILITY_AUDIT", ""),
}


def admins(value: str) -> list[tuple[str, str]]:
    """RENCONTRES_ADMINS, comma-separated addresses, as Django's ADMINS: who is mailed each server error."""
    return [(address.split("@")[0], address) for address in (a.strip() for a in value.split(",")) if address]


# Each server error (a bug: a 500) is mailed to these addresses with its traceback, so that the
# error page's "l'équipe a été prévenue" is true; without any, the page does not say it. A
# database outage is not mailed (one line per failed request in the log, core/views.py):
# watching the database is the monitoring's job, and an outage would send one mail a request.
ADMINS = admins(os.environ.get("RENCONTRES_ADMINS", ""))
SERVER_EMAIL = os.environ.get("RENCONTRES_SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Django's own logging mails ADMINS each "Internal Server Error" (its "django" logger's
# mail_admins handler, outside debug), through the outgoing mail settings above.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
