"""The settings module: production is safe by default and every bad value fails loudly."""

import os
import secrets
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from threshold import settings as threshold_settings

PRODUCTION_ENV = {
    "THRESHOLD_MODE": "production",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "threshold.district.example",
    "EMAIL_HOST": "smtp.district.example",
}


def threshold(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # Each test names its own THRESHOLD_VAR_DIR (a temporary folder): the SQLite file goes there.
    base = {"PATH": os.environ["PATH"], "HOME": env["THRESHOLD_VAR_DIR"]}
    return subprocess.run(
        [sys.executable, "-m", "threshold.cli", *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_it_passes_the_deployment_checks_under_production_settings(tmp_path):
    env = {**PRODUCTION_ENV, "THRESHOLD_VAR_DIR": str(tmp_path)}
    result = threshold("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_it_requires_a_secret_key_in_production(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = threshold("check", env={**env, "THRESHOLD_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_it_requires_a_mail_server_in_production(tmp_path):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_HOST"}
    result = threshold("check", env={**env, "THRESHOLD_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "EMAIL_HOST is required" in result.stderr


def test_it_keeps_debug_off_unless_asked(tmp_path):
    env = {**PRODUCTION_ENV, "THRESHOLD_VAR_DIR": str(tmp_path)}
    code = "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT)"
    result = threshold("shell", "-c", code, env=env)
    assert result.stdout.split()[-2:] == ["False", "True"], result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG must be true or false"),
        ("SESSION_IDLE_MINUTES", "ten", "SESSION_IDLE_MINUTES must be a whole number"),
        ("SESSION_IDLE_MINUTES", "1", "SESSION_IDLE_MINUTES must be at least 5"),
        ("TIME_ZONE", "Mars/Olympus", "is not a known time zone"),
        ("DATABASE_URL", "mysql://root@localhost/x", "SQLite or PostgreSQL"),
        ("THRESHOLD_MODE", "staging", "THRESHOLD_MODE must be one of"),
    ],
)
def test_it_names_the_variable_of_a_bad_value(tmp_path, name, value, message):
    env = {**PRODUCTION_ENV, "THRESHOLD_VAR_DIR": str(tmp_path), name: value}
    result = threshold("check", env=env)
    assert result.returncode != 0
    assert message in result.stderr


def test_it_refuses_demo_data_under_production_settings(tmp_path):
    env = {**PRODUCTION_ENV, "THRESHOLD_VAR_DIR": str(tmp_path)}
    threshold("migrate", "-v", "0", env=env)
    result = threshold("demo", env=env)
    assert result.returncode != 0
    assert "Demo data goes only into the local SQLite database" in result.stderr


def test_the_env_helpers_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_NUMBER", "-3")
    with pytest.raises(ImproperlyConfigured, match="X_NUMBER must be at least 0"):
        threshold_settings.env_int("X_NUMBER", 1)
    monkeypatch.delenv("X_REQUIRED", raising=False)
    with pytest.raises(ImproperlyConfigured, match="X_REQUIRED is required"):
        threshold_settings.env_str("X_REQUIRED")
    monkeypatch.setenv("X_LIST", " a, b ,,c ")
    assert threshold_settings.env_list("X_LIST") == ["a", "b", "c"]


def test_it_sends_security_headers_and_a_strict_policy(db, client):
    response = client.get("/sign-in/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_no_template_carries_inline_script_or_style():
    from pathlib import Path

    templates = Path(threshold_settings.BASE_DIR, "threshold", "templates")
    for template in templates.rglob("*.html"):
        text = template.read_text()
        assert "<style" not in text, template
        assert " style=" not in text, template
        assert " onclick=" not in text and " onload=" not in text, template
        for line in text.splitlines():
            if "<script" in line:
                assert "src=" in line, f"inline script in {template}"


def test_the_example_environment_documents_every_variable():
    import re
    from pathlib import Path

    root = Path(threshold_settings.BASE_DIR)
    read = set()
    for source in (root / "threshold").rglob("*.py"):
        text = source.read_text()
        read |= set(re.findall(r'env_[a-z]+\(\s*"([A-Z_]+)"', text))
        read |= set(re.findall(r'os\.environ\.get\(\s*"([A-Z_]+)"', text))
    documented = set(re.findall(r"^([A-Z_]+)=", (root / ".env.example").read_text(), re.M))
    internal = {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "CI"}
    assert read - internal - documented == set()
