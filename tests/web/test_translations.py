"""Every string of the interface has a Spanish translation, and the catalog is current."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
IGNORED = ["static/vendor", "protocol", "idscan", "matching"]


def gettext_tools_present() -> bool:
    return all(shutil.which(tool) for tool in ("xgettext", "msgmerge", "msgattrib"))


@pytest.fixture(scope="module")
def fresh_catalog(tmp_path_factory) -> Path:
    """Extract the strings as `make messages` would, into a copy, merging today's catalog."""
    if not gettext_tools_present():
        import os

        if os.environ.get("CI") == "true":
            pytest.fail("gettext is required in CI (apt-get install gettext)")
        pytest.skip("gettext tools are not installed")
    copy = tmp_path_factory.mktemp("i18n") / "threshold"
    shutil.copytree(ROOT / "threshold", copy, ignore=shutil.ignore_patterns("__pycache__"))
    ignore = [arg for path in IGNORED for arg in ("--ignore", path)]
    django_admin = Path(sys.executable).parent / "django-admin"
    subprocess.run(
        [str(django_admin), "makemessages", "-l", "es", "--no-obsolete", *ignore],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    return copy / "locale" / "es" / "LC_MESSAGES" / "django.po"


def entries(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("msgid ")][1:]


def test_every_string_has_a_spanish_translation(fresh_catalog):
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(fresh_catalog)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert entries(untranslated) == [], "strings without a Spanish translation (make messages)"


def test_no_spanish_translation_is_a_fuzzy_guess(fresh_catalog):
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(fresh_catalog)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert entries(fuzzy) == [], "fuzzy Spanish entries need a person's check"


def test_the_spanish_interface_is_served(db, client):
    client.cookies["django_language"] = "es"
    response = client.get("/sign-in/")
    assert 'lang="es"' in response.content.decode()
    assert "Iniciar sesión" in response.content.decode()
