"""Production settings: no site without a secret key, HTTPS behind a proxy, security headers."""

import os
import secrets
import subprocess
import sys

import pytest

RENCONTRES = [sys.executable, "-m", "rencontres.cli"]


def run(args, tmp_path, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("RENCONTRES_", "DJANGO_"))}
    environment |= {"RENCONTRES_DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}
    environment |= env
    return subprocess.run([*RENCONTRES, *args], env=environment, capture_output=True, text=True, timeout=60)


def test_without_a_secret_key_the_site_refuses_to_start_and_says_so_in_french(tmp_path):
    result = run(["check"], tmp_path, RENCONTRES_DEBUG="0")

    assert result.returncode != 0
    assert "Aucune clé secrète" in result.stderr and "RENCONTRES_SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_key_written_in_the_data_folder_is_used(tmp_path):
    (tmp_path / "secret_key").write_text(secrets.token_urlsafe(50))

    result = run(["check"], tmp_path, RENCONTRES_DEBUG="0")

    assert result.returncode == 0, result.stderr


def test_check_deploy_has_no_warning_with_the_documented_https_variables(tmp_path):
    result = run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        tmp_path,
        RENCONTRES_DEBUG="0",
        RENCONTRES_SECRET_KEY=secrets.token_urlsafe(50),
        RENCONTRES_ALLOWED_HOSTS="rencontres.example.org",
        RENCONTRES_HTTPS="1",
        RENCONTRES_BEHIND_PROXY="1",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.django_db
def test_every_page_sends_a_content_security_policy_and_a_referrer_policy(client):
    response = client.get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_over_https_behind_the_proxy_cookies_are_secure_and_hsts_is_sent(client, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.CSRF_COOKIE_SECURE = True

    response = client.get("/compte/login/", headers={"x-forwarded-proto": "https"})

    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"]
